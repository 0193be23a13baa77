// Cucumber profiles, one per language. Feature paths are given on the command line (see scripts/test.ts and
// the README): paths in the config would be merged with CLI paths rather than replaced (docs: toolchain.md).
const common = {
  import: ['steps/**/*.ts'],
  loader: ['ts-node/esm'],
  strict: true,
  tags: 'not @wip',
  // An undefined step shows the closest phrases of its language instead of a JavaScript snippet (steps/support/snippets.ts).
  formatOptions: { snippetSyntax: './steps/support/snippets.ts' },
};

// cucumber's own `progress` words its failures and counts in English only; this one in the features' language.
const progress = './steps/support/progress.ts';

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
