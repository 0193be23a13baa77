/** Report output: a terminal table grouped by language and file, and JSON. */
import { say } from './say.js';
import type { Finding, Report, Severity } from './types.js';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Group { readonly lng: string; readonly file: string; readonly findings: readonly Finding[] }

/** Findings grouped by language, then file; within a file by line. */
export function groupFindings(findings: readonly Finding[]): Group[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.lng ?? '-'}\u0000${f.file ?? '-'}`;
    map.set(k, [...(map.get(k) ?? []), f]);
  }
  const lngOrder = (l: string): number => ['en', 'de', 'nl', '-'].indexOf(l);
  return [...map.entries()]
    .map(([k, list]) => {
      const [lng = '-', file = '-'] = k.split('\u0000');
      return { lng, file, findings: [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || ORDER[a.severity] - ORDER[b.severity]) };
    })
    .sort((a, b) => lngOrder(a.lng) - lngOrder(b.lng) || a.file.localeCompare(b.file));
}

const pad = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

export interface TableOptions { readonly color?: boolean; readonly minSeverity?: Severity; readonly width?: number }

export function formatTable(report: Report, o: TableOptions = {}): string {
  const min = ORDER[o.minSeverity ?? 'info'];
  const shown = report.findings.filter((f) => ORDER[f.severity] <= min);
  const paint = (sev: Severity, s: string): string => {
    if (!o.color) return s;
    const code = sev === 'error' ? 31 : sev === 'warning' ? 33 : 36;
    return `\u001b[${code}m${s}\u001b[0m`;
  };
  const width = o.width ?? 160;
  // the report's own words in the documents' language (a project check spans all three: English)
  const r = (key: string, values: Record<string, string | number> = {}): string => say(report.lng ?? 'en', `report.${key}`, values);
  const lines: string[] = [];
  lines.push(r('title', { mode: r(`mode.${report.mode}`), root: report.root }));
  for (const [kind, files] of Object.entries(report.checked)) lines.push(`  ${r('checked', { kind: r(`kinds.${kind}`), files: files.length ? files.join(', ') : r('none') })}`);
  for (const n of report.notes) lines.push(`  ${r('note', { note: n })}`);
  let lastLng = '';
  for (const g of groupFindings(shown)) {
    if (g.lng !== lastLng) { lines.push('', `== ${g.lng === '-' ? r('all') : g.lng} ==`); lastLng = g.lng; }
    lines.push(`  ${g.file}`);
    lines.push(`    ${pad(r('line'), 8)} ${pad(r('severity'), 12)} ${pad(r('rule'), 22)} ${r('message')}`);
    for (const f of g.findings) {
      const pos = f.line ? `${f.line}${f.column ? `:${f.column}` : ''}` : '';
      const msg = f.message.length > width - 48 ? f.message.slice(0, width - 49) + '…' : f.message;
      lines.push(`    ${pad(pos, 8)} ${paint(f.severity, pad(r(`sev.${f.severity}`), 12))} ${pad(f.rule, 22)} ${msg}`);
    }
  }
  const s = report.summary;
  const hidden = report.findings.length - shown.length;
  lines.push('', r('summary', { errors: s.errors, warnings: s.warnings, infos: s.infos }) + (hidden ? r('hidden', { n: hidden }) : ''));
  return lines.join('\n') + '\n';
}

export const formatJson = (report: Report): string => JSON.stringify(report, null, 2) + '\n';
