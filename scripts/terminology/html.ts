/** The report as a self-contained HTML page (served by the simulator at /terminology). */
import { groupFindings } from './report.js';
import { say } from './say.js';
import type { Report } from './types.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface HtmlOptions { readonly title?: string; readonly lang?: string }

export function renderTerminologyHtml(report: Report, o: HtmlOptions = {}): string {
  const lng = report.lng ?? 'en';
  const r = (key: string, values: Record<string, string | number> = {}): string => say(lng, `report.${key}`, values);
  const title = o.title ?? r('title', { mode: r(`mode.${report.mode}`), root: report.root });
  const s = report.summary;
  const groups = groupFindings(report.findings);
  const rows = (g: (typeof groups)[number]): string => g.findings.map((f) => `<tr class="${f.severity}"><td>${f.line ?? ''}${f.column ? `:${f.column}` : ''}</td><td>${esc(r(`sev.${f.severity}`))}</td><td>${esc(f.rule)}</td><td>${esc(f.concept ?? '')}</td><td>${esc(f.message)}</td></tr>`).join('\n');
  const sections = groups.map((g) => `<section data-lng="${esc(g.lng)}"><h3><span class="lng">${esc(g.lng)}</span> ${esc(g.file)}</h3>
<table><thead><tr><th>${esc(r('line'))}</th><th>${esc(r('severity'))}</th><th>${esc(r('rule'))}</th><th>${esc(r('concept'))}</th><th>${esc(r('message'))}</th></tr></thead><tbody>
${rows(g)}
</tbody></table></section>`).join('\n');
  const checked = Object.entries(report.checked).map(([k, v]) => `<li><b>${esc(r(`kinds.${k}`))}</b>: ${v.length ? v.map(esc).join(', ') : esc(r('none'))}</li>`).join('');
  const notes = report.notes.map((n) => `<li>${esc(n)}</li>`).join('');
  return `<!doctype html>
<html lang="${esc(o.lang ?? lng)}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
tr.error td:nth-child(2){color:#b00020;font-weight:600}tr.warning td:nth-child(2){color:#a06000}tr.info td:nth-child(2){color:#06608a}
.lng{display:inline-block;background:#333;color:#fff;border-radius:3px;padding:0 .4rem;margin-right:.4rem}
.summary b{margin-right:1rem}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="summary">${esc(r('summary', { errors: s.errors, warnings: s.warnings, infos: s.infos }))}</p>
<details><summary>${esc(r('checkedTitle'))}</summary><ul>${checked}</ul>${notes ? `<p>${esc(r('notes'))}</p><ul>${notes}</ul>` : ''}</details>
${sections || `<p>${esc(r('noFindings'))}</p>`}
</body></html>
`;
}
