/**
 * Terminology check.
 *   npm run terminology                      project check (locales, features, demo pages); exit 1 on errors
 *   npm run terminology -- <files|folders>   document check of Markdown/text/feature files, per line
 *   options: --json (machine-readable report), --html <file> (write the HTML page), --errors (hide info),
 *            --uses (also list every preferred term used; by default a document check lists problems and notes
 *            on variants only, so a correct document shows no findings beyond those notes),
 *            --root <dir> (project root, default: current directory)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDocuments, checkProject, formatJson, formatTable, indexGlossary, loadGlossary, renderTerminologyHtml } from './terminology/index.js';
import { summarize } from './terminology/types.js';
import type { Report } from './terminology/index.js';

function main(argv: readonly string[]): number {
  const paths: string[] = [];
  let json = false, errorsOnly = false, uses = false;
  let html: string | undefined;
  let root = process.cwd();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--errors') errorsOnly = true;
    else if (a === '--uses') uses = true;
    else if (a === '--html') html = argv[++i];
    else if (a === '--root') root = resolve(argv[++i] ?? '.');
    else if (a === '--help' || a === '-h') { process.stdout.write('usage: npm run terminology [-- [--json] [--html out.html] [--errors] [files or folders…]]\n'); return 0; }
    else paths.push(a);
  }
  const full: Report = paths.length === 0
    ? checkProject(root)
    : checkDocuments(indexGlossary(loadGlossary(resolve(root, 'locales/glossary.json'))), paths);
  const findings = uses ? full.findings : full.findings.filter((f) => f.rule !== 'uses-term');
  const report: Report = { ...full, findings, summary: summarize(findings) };
  if (html) writeFileSync(html, renderTerminologyHtml(report));
  process.stdout.write(json ? formatJson(report) : formatTable(report, { color: process.stdout.isTTY === true, minSeverity: errorsOnly ? 'warning' : 'info' }));
  return report.summary.errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
