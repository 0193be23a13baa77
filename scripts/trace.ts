/**
 * `npm run trace`: for every statement of features/statements.json, the scenarios of each language that verify it
 * (@doc tags) and their last result from reports/cucumber-<lng>.ndjson; then the statements nothing verifies.
 * Writes the same matrix to reports/trace.html. `--lang de|nl` prints the statements in that language.
 * Exit 1 when a @doc tag names an unknown statement or a rule statement is verified in no language.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang, isLang } from '../steps/support/labels.js';
import { allPickles, loadStatements, root, tagValues } from './lib/features.js';
import { type Outcome, readReport } from './lib/reports.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const args = process.argv.slice(2);
const langArg = args[args.indexOf('--lang') + 1];
const textLang: Lang = args.includes('--lang') && langArg && isLang(langArg) ? langArg : 'en';

const statements = loadStatements();
const reports = new Map(LANGS.map((l) => [l, readReport(l)]));

interface Verifier { readonly id: string; readonly names: string[]; readonly outcomes: Outcome[] }
/** statement → language → scenario @id → its pickles' outcomes */
const matrix = new Map<string, Map<Lang, Map<string, Verifier>>>();
const unknownDocs: string[] = [];
const usedResults = new Set<string>();

for (const { lang, pickles } of allPickles()) {
  const report = reports.get(lang);
  for (const p of pickles) {
    const id = tagValues(p, 'id')[0] ?? p.name;
    // The same scenario in the report: by its step texts (tells Examples rows apart), else by name (the feature
    // changed since the report was written).
    const text = p.steps.map((x) => x.text).join('\n');
    const result = report?.scenarios.find((s) => s.uri === p.uri && s.name === p.name && s.text === text && !usedResults.has(s.pickleId))
      ?? report?.scenarios.find((s) => s.uri === p.uri && s.name === p.name && !usedResults.has(s.pickleId));
    if (result) usedResults.add(result.pickleId);
    const outcome: Outcome = result?.outcome ?? 'not run';
    for (const doc of tagValues(p, 'doc')) {
      if (!statements[doc]) { unknownDocs.push(`${p.uri}: @doc:${doc}`); continue; }
      const byLang = matrix.get(doc) ?? new Map<Lang, Map<string, Verifier>>();
      const byId = byLang.get(lang) ?? new Map<string, Verifier>();
      const v = byId.get(id) ?? { id, names: [], outcomes: [] };
      if (!v.names.includes(p.name)) v.names.push(p.name);
      v.outcomes.push(outcome);
      byId.set(id, v);
      byLang.set(lang, byId);
      matrix.set(doc, byLang);
    }
  }
}


const summary = (outcomes: readonly Outcome[]): Outcome => {
  if (outcomes.every((o) => o === 'passed')) return 'passed';
  if (outcomes.some((o) => o === 'failed' || o === 'ambiguous' || o === 'undefined')) return 'failed';
  if (outcomes.every((o) => o === 'not run')) return 'not run';
  return outcomes.find((o) => o !== 'passed') ?? 'unknown';
};
const mark: Record<string, string> = { passed: '✓', failed: '✗', 'not run': '·' };
const describeVerifier = (v: Verifier): string => {
  const s = summary(v.outcomes);
  const n = v.outcomes.length > 1 ? ` ${v.outcomes.filter((o) => o === 'passed').length}/${v.outcomes.length}` : '';
  return `${v.id} ${mark[s] ?? '?'} ${s}${n}`;
};

const lines: string[] = [];
const uncovered: string[] = [];
const partial: string[] = [];
for (const [id, st] of Object.entries(statements)) {
  const byLang = matrix.get(id);
  lines.push(`${id}  [${st.kind}, ${st.source}]`);
  lines.push(`  “${st.text[textLang]}”`);
  if (!byLang) { uncovered.push(id); lines.push('  (no scenario verifies this statement)'); continue; }
  for (const l of LANGS) {
    const vs = [...(byLang.get(l)?.values() ?? [])];
    lines.push(`  ${l}  ${vs.length ? vs.map(describeVerifier).join(', ') : '—'}`);
    if (!vs.length) partial.push(`${id} (${l})`);
  }
}

const reportLine = LANGS.map((l) => {
  const r = reports.get(l);
  return `${l}: ${r?.exists ? `reports/cucumber-${l}.ndjson${r.finishedAt ? ` (${r.finishedAt})` : ''}` : 'no report yet (npm test)'}`;
}).join('; ');
console.log(`Traceability of ${Object.keys(statements).length} statements — results from ${reportLine}\n`);
console.log(lines.join('\n'));
const uncoveredRules = uncovered.filter((id) => statements[id]?.kind === 'rule');
console.log(`\nUncovered statements (${uncovered.length}):`);
for (const id of uncovered) console.log(`  ${id} [${statements[id]?.kind}] ${statements[id]?.text[textLang] ?? ''}`);
if (partial.length) console.log(`\nVerified in some languages only: ${partial.join(', ')}`);
if (unknownDocs.length) console.log(`\nUnknown @doc tags:\n  ${unknownDocs.join('\n  ')}`);

writeHtml();
console.log(`\nreports/trace.html written.`);
if (unknownDocs.length || uncoveredRules.length || partial.length) process.exit(1);

function writeHtml(): void {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rows = Object.entries(statements).map(([id, st]) => {
    const byLang = matrix.get(id);
    const text = LANGS.map((l) => `<div class="t"><b>${l}</b> ${esc(st.text[l])}</div>`).join('');
    const cells = LANGS.map((l) => {
      const vs = [...(byLang?.get(l)?.values() ?? [])];
      if (!vs.length) return '<td class="none">—</td>';
      return `<td>${vs.map((v) => `<div class="${summary(v.outcomes).replace(' ', '-')}" title="${esc(v.names.join(' / '))}">${esc(describeVerifier(v))}</div>`).join('')}</td>`;
    }).join('');
    return `<tr class="${byLang ? '' : 'uncovered'}"><td><code>${esc(id)}</code><br><small>${esc(st.kind)} · ${esc(st.source)}</small>${text}</td>${cells}</tr>`;
  }).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Traceability — project invoice integration</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}
th{background:#f3f3f3;text-align:left}.t{margin-top:.3em}.passed{color:#176f2c}.failed{color:#b00020;font-weight:bold}.not-run{color:#777}
.none{color:#b00020}tr.uncovered td:first-child{background:#fff4e5}small{color:#666}</style></head><body>
<h1>Traceability: statements → scenarios</h1><p>Results: ${esc(reportLine)}. Generated ${new Date().toISOString()}.</p>
<p>${Object.keys(statements).length} statements, ${uncovered.length} uncovered (${uncoveredRules.length} of them rules).</p>
<table><thead><tr><th>Statement</th>${LANGS.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'trace.html'), html);
}
