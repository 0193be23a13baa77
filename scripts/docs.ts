/**
 * `npm run docs`: the living documentation, a static site per language in reports/docs/<lng>/ (index.html and
 * scenarios/*.html): the statements (scripts/docs/statements.ts), the scenarios of that language that verify
 * them (@doc tags) with their results and evidence from the last run (reports/cucumber-<lng>.ndjson).
 * Run the features first (npm test, or `npx cucumber-js -p <lng> features/<lng>`). Options: `--out <dir>`
 * (default reports/docs), `--reports <dir>` (where the ndjson files are, default reports).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LANGS } from '../steps/support/labels.js';
import { loadPickles, root } from './lib/features.js';
import { readStatements } from './docs/statements.js';
import { readRun } from './docs/run.js';
import { buildSite } from './docs/site.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1] as string) : fallback;
};
const out = opt('--out', join(root, 'reports', 'docs'));
const reports = opt('--reports', join(root, 'reports'));

for (const lang of LANGS) {
  const { pickles, documents } = loadPickles(lang);
  const run = readRun(lang, join(reports, `cucumber-${lang}.ndjson`));
  const pages = buildSite({ lang, statements: readStatements(lang), pickles, documents, run });
  const dir = join(out, lang);
  rmSync(dir, { recursive: true, force: true });
  for (const p of pages) {
    mkdirSync(dirname(join(dir, p.path)), { recursive: true });
    writeFileSync(join(dir, p.path), p.html);
  }
  const ran = run.scenarios.length;
  console.log(`${lang}: ${pages.length} pages in ${join(dir, 'index.html')} (${run.exists ? `${ran} scenarios from the last run` : 'no run recorded yet'})`);
}
