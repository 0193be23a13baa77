/**
 * `npm run trace`: for every rule of the registry (simulator/rules/, locales/<lng>/rules.json), its source (the
 * Microsoft page and section, or the convention note), the scenarios of each language that verify it (@doc tags)
 * and their last result from reports/cucumber-<lng>.ndjson. Writes the same matrix to reports/trace.html.
 * `--lang de|nl` prints the rules in that language. Exit 1 (and so `npm test` fails) when a @doc tag names an
 * unknown rule, or on a problem of scripts/lib/rules.ts `ruleProblems`: a rule with neither a source nor a
 * convention note, or a documented rule (not a convention, not context) without a scenario in a language.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang, isLang } from '../steps/support/labels.js';
import { allPickles, root, tagValues } from './lib/features.js';
import { conventionTagProblems, isDocumented, loadRules, ruleProblems, sourceLine } from './lib/rules.js';
import { type Outcome, readReport } from './lib/reports.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const args = process.argv.slice(2);
const langArg = args[args.indexOf('--lang') + 1];
const textLang: Lang = args.includes('--lang') && langArg && isLang(langArg) ? langArg : 'en';

const entries = loadRules();
const ruleOf = new Map(entries.map((r) => [r.id, r]));
const reports = new Map(LANGS.map((l) => [l, readReport(l)]));

interface Verifier { readonly id: string; readonly names: string[]; readonly outcomes: Outcome[] }
/** rule → language → scenario @id → its pickles' outcomes */
const matrix = new Map<string, Map<Lang, Map<string, Verifier>>>();
const unknownDocs: string[] = [];
const tagProblems: string[] = [];
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
    tagProblems.push(...conventionTagProblems(`${p.uri}: ${id}`, tagValues(p, 'doc'), p.tags.some((t) => t.name === '@convention'), (d) => ruleOf.get(d)));
    for (const doc of tagValues(p, 'doc')) {
      if (!ruleOf.has(doc)) { unknownDocs.push(`${p.uri}: @doc:${doc}`); continue; }
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
for (const r of entries) {
  const byLang = matrix.get(r.id);
  lines.push(`${r.id}  [${r.kind}${r.source === 'convention' ? ', convention' : ''}]`);
  lines.push(`  “${r.text[textLang].statement ?? ''}”`);
  lines.push(`  source: ${sourceLine(r, textLang)}`);
  for (const also of r.also ?? []) lines.push(`  also: ${also.repo ?? 'MicrosoftDocs/dynamics-365-project-operations'}: ${also.page} § ${also.section}`);
  if (!byLang) { if (r.kind !== 'context') uncovered.push(r.id); lines.push(r.kind === 'context' ? '  (context: nothing to verify)' : '  (no scenario verifies this rule)'); continue; }
  for (const l of LANGS) {
    const vs = [...(byLang.get(l)?.values() ?? [])];
    lines.push(`  ${l}  ${vs.length ? vs.map(describeVerifier).join(', ') : '—'}`);
  }
}
const counts = new Map([...matrix].map(([id, byLang]) => [id, new Map([...byLang].map(([l, m]) => [l, m.size]))]));
const problems = [...ruleProblems(entries, counts), ...new Set(tagProblems)];

const reportLine = LANGS.map((l) => {
  const r = reports.get(l);
  return `${l}: ${r?.exists ? `reports/cucumber-${l}.ndjson${r.finishedAt ? ` (${r.finishedAt})` : ''}` : 'no report yet (npm test)'}`;
}).join('; ');
const conventions = entries.filter((r) => r.source === 'convention').length;
console.log(`Traceability of ${entries.length} rules (${entries.filter(isDocumented).length} documented by Microsoft, ${conventions} conventions of ours) — results from ${reportLine}\n`);
console.log(lines.join('\n'));
console.log(`\nRules no scenario verifies (${uncovered.length}):`);
for (const id of uncovered) console.log(`  ${id} [${ruleOf.get(id)?.kind}${ruleOf.get(id)?.source === 'convention' ? ', convention' : ''}] ${ruleOf.get(id)?.text[textLang].statement ?? ''}`);
if (problems.length) console.log(`\nProblems:\n  ${problems.join('\n  ')}`);
if (unknownDocs.length) console.log(`\nUnknown @doc tags (no such rule in simulator/rules/):\n  ${unknownDocs.join('\n  ')}`);

writeHtml();
console.log(`\nreports/trace.html written.`);
if (unknownDocs.length || problems.length) process.exit(1);

function writeHtml(): void {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rows = entries.map((r) => {
    const byLang = matrix.get(r.id);
    const text = LANGS.map((l) => `<div class="t"><b>${l}</b> ${esc(r.text[l].statement ?? '')}</div>`).join('');
    const cells = LANGS.map((l) => {
      const vs = [...(byLang?.get(l)?.values() ?? [])];
      if (!vs.length) return `<td class="${isDocumented(r) ? 'none' : 'meta'}">—</td>`;
      return `<td>${vs.map((v) => `<div class="${summary(v.outcomes).replace(' ', '-')}" title="${esc(v.names.join(' / '))}">${esc(describeVerifier(v))}</div>`).join('')}</td>`;
    }).join('');
    return `<tr class="${byLang || r.kind === 'context' ? '' : 'uncovered'}"><td><code>${esc(r.id)}</code><br><small>${esc(r.kind)} · ${esc(sourceLine(r, 'en'))}</small>${text}</td>${cells}</tr>`;
  }).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Traceability — project invoice integration</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}
th{background:#f3f3f3;text-align:left}.t{margin-top:.3em}.passed{color:#176f2c}.failed{color:#b00020;font-weight:bold}.not-run{color:#777}
.none{color:#b00020}.meta{color:#777}tr.uncovered td:first-child{background:#fff4e5}small{color:#666}</style></head><body>
<h1>Traceability: rules → sources and scenarios</h1><p>Results: ${esc(reportLine)}. Generated ${new Date().toISOString()}.</p>
<p>${entries.length} rules, ${uncovered.length} without a scenario; ${problems.length} problems.</p>
<table><thead><tr><th>Rule</th>${LANGS.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'trace.html'), html);
}
