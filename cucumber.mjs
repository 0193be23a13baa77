// Cucumber profiles, one per language. Feature paths are given on the command line (see scripts/test.ts and
// the README): paths in the config would be merged with CLI paths rather than replaced (docs: toolchain.md).
// SPECS_COMPILED=1 (npm test and the suite benchmark set it after `tsc -p tsconfig.build.json`, the bench with --noCheck): the steps
// and the simulator compiled to dist/, loaded by plain Node, instead of ts-node transpiling them again in every
// cucumber process; the process start-up is about four times shorter (bench/README.md, "The spec suite").
const compiled = process.env.SPECS_COMPILED === '1';
const common = {
  import: compiled ? ['dist/steps/**/*.js'] : ['steps/**/*.ts'],
  ...(compiled ? {} : { loader: ['ts-node/esm'] }),
  strict: true,
  tags: 'not @wip',
  // An undefined step shows the closest phrases of its language instead of a JavaScript snippet (steps/support/snippets.ts).
  formatOptions: { snippetSyntax: compiled ? './dist/steps/support/snippets.js' : './steps/support/snippets.ts' },
};

// cucumber's own `progress` words its failures and counts in English only; this one in the features' language.
const progress = compiled ? './dist/steps/support/progress.js' : './steps/support/progress.ts';

const profile = (lng) => ({
  ...common,
  format: [
    progress,
    `html:reports/cucumber-${lng}.html`,
    `junit:reports/cucumber-${lng}.junit.xml`,
    `message:reports/cucumber-${lng}.ndjson`,
    // For reporting tools that read cucumber's JSON (steps carry the evidence attachments as embeddings).
    `json:reports/cucumber-${lng}.json`,
  ],
  formatOptions: { ...common.formatOptions, junit: { suiteName: `po-invoice-sim (${lng})` } },
});

export default { ...common, format: [progress] };
export const en = profile('en');
export const de = profile('de');
export const nl = profile('nl');
