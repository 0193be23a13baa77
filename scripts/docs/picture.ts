/**
 * The picture of a scenario: an SVG of the records it created, changed and deleted in Dataverse (left) and in
 * Finance and Operations apps (right), and the dual-write table maps that carried records between them (middle),
 * drawn from the evidence attached to its steps. Text comes in through `words` (already localized); the SVG is
 * inline and self-contained (no fonts or images from elsewhere).
 */
import type { RecordSide, StepEvidence } from '../../steps/support/evidence.js';

export interface TableTotal { readonly side: RecordSide; readonly table: string; created: number; changed: number; deleted: number }
export interface SyncTotal { readonly map: string; readonly to: RecordSide; readonly from: string; readonly target: string; count: number }

export interface Totals { readonly tables: TableTotal[]; readonly syncs: SyncTotal[] }

/** Everything the steps of a scenario did, summed per table and per map and direction, in order of first appearance. */
export function totals(evidence: readonly StepEvidence[]): Totals {
  const tables = new Map<string, TableTotal>();
  const syncs = new Map<string, SyncTotal>();
  for (const ev of evidence) {
    for (const r of ev.records) {
      const t = tables.get(r.table) ?? { side: r.side, table: r.table, created: 0, changed: 0, deleted: 0 };
      t.created += r.created; t.changed += r.changed; t.deleted += r.deleted;
      tables.set(r.table, t);
    }
    for (const s of ev.syncs) {
      const k = `${s.map}|${s.to}|${s.from}|${s.target}`;
      const x = syncs.get(k) ?? { map: s.map, to: s.to, from: s.from, target: s.target, count: 0 };
      x.count += s.count;
      syncs.set(k, x);
    }
  }
  return { tables: [...tables.values()].filter((t) => t.created + t.changed + t.deleted > 0), syncs: [...syncs.values()] };
}

export interface PictureWords {
  readonly title: string;
  readonly side: (side: RecordSide | 'dualwrite') => string;
  /** An entity's label (singular or plural by count); `raw` when the name is a technical one with no label. */
  readonly entity: (table: string, count: number) => { text: string; raw: boolean };
  readonly counts: (t: TableTotal) => string;
  readonly map: (id: string) => string;
  readonly synced: (count: number) => string;
  readonly nothing: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of at most `max` characters, broken between words (a longer word keeps its own line, whole). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const W = 980;
const COL = 300;
const MID_X = 20 + COL;
const MID_W = W - 40 - 2 * COL;
const FO_X = W - 20 - COL;
const LINE = 15;
/** Below a map's name: its arrow, the count under it and the space before the next map's name. */
const SYNC_GAP = 36;
/** Average glyph width of the sans-serif font at 13 px, generous so that wrapped lines stay inside their box. */
const CHARS_BOX = Math.floor((COL - 20) / 7.6);
const CHARS_MID = Math.floor((MID_W - 16) / 6.6);

export function picture(t: Totals, words: PictureWords, id: string): string {
  // Rows: each pair of tables a map connects shares a row (horizontal arrows); then the other tables.
  type Row = { dv?: TableTotal; fo?: TableTotal; syncs: SyncTotal[] };
  const rows: Row[] = [];
  const placed = new Set<string>();
  const table = (name: string): TableTotal | undefined => t.tables.find((x) => x.table === name);
  for (const s of t.syncs) {
    const dvName = s.to === 'finance' ? s.from : s.target;
    const foName = s.to === 'finance' ? s.target : s.from;
    const row = rows.find((r) => r.dv?.table === dvName && r.fo?.table === foName);
    if (row) { row.syncs.push(s); continue; }
    rows.push({ dv: placed.has(dvName) ? undefined : table(dvName), fo: placed.has(foName) ? undefined : table(foName), syncs: [s] });
    placed.add(dvName); placed.add(foName);
  }
  const rest = (side: RecordSide): TableTotal[] => t.tables.filter((x) => x.side === side && !placed.has(x.table));
  const dvRest = rest('dataverse');
  const foRest = rest('finance');
  for (let i = 0; i < Math.max(dvRest.length, foRest.length); i++) rows.push({ dv: dvRest[i], fo: foRest[i], syncs: [] });

  const parts: string[] = [];
  const text = (x: number, y: number, s: string, cls: string, raw = false, anchor = 'start'): string =>
    `<text x="${x}" y="${y}" class="${cls}" text-anchor="${anchor}"${raw ? ' data-raw=""' : ''}>${esc(s)}</text>`;
  const boxLines = (tt: TableTotal | undefined): { lines: string[]; raw: boolean } => {
    if (!tt) return { lines: [], raw: false };
    const n = tt.created + tt.changed + tt.deleted;
    const e = words.entity(tt.table, n);
    return { lines: [...wrap(e.text, CHARS_BOX), ...wrap(words.counts(tt), CHARS_BOX + 4)], raw: e.raw };
  };
  const top = 56;
  let y = top;
  for (const row of rows) {
    const dv = boxLines(row.dv);
    const fo = boxLines(row.fo);
    const midHeight = row.syncs.reduce((sum, s) => sum + wrap(words.map(s.map), CHARS_MID).length * (LINE - 2) + SYNC_GAP, 8);
    const h = Math.max(Math.max(dv.lines.length, fo.lines.length, 2) * LINE + 22, midHeight);
    const box = (x: number, tt: TableTotal | undefined, b: { lines: string[]; raw: boolean }): void => {
      if (!tt) return;
      parts.push(`<g class="box ${tt.side}" data-table="${esc(tt.table)}"><rect x="${x}" y="${y}" width="${COL}" height="${h - 10}" rx="6"/>`);
      const nameLines = b.lines.length - wrap(words.counts(tt), CHARS_BOX + 4).length;
      b.lines.forEach((l, i) => parts.push(text(x + 10, y + 20 + i * LINE, l, i < nameLines ? 'name' : 'count', b.raw && i < nameLines)));
      parts.push('</g>');
    };
    box(20, row.dv, dv);
    box(FO_X, row.fo, fo);
    let my = y + 14;
    for (const s of row.syncs) {
      for (const l of wrap(words.map(s.map), CHARS_MID)) { parts.push(text(MID_X + MID_W / 2, my, l, 'map', false, 'middle')); my += LINE - 2; }
      const ay = my + 2;
      const [x1, x2] = s.to === 'finance' ? [MID_X + 4, MID_X + MID_W - 6] : [MID_X + MID_W - 4, MID_X + 6];
      parts.push(`<line x1="${x1}" y1="${ay}" x2="${x2}" y2="${ay}" class="sync" marker-end="url(#arrow-${esc(id)})"/>`);
      parts.push(text(MID_X + MID_W / 2, ay + 13, words.synced(s.count), 'count', false, 'middle'));
      my = ay + SYNC_GAP - 2;
    }
    y += h;
  }
  if (rows.length === 0) { parts.push(text(W / 2, top + 24, words.nothing, 'count', false, 'middle')); y += 40; }
  const height = y + 10;
  const head = [
    text(20 + COL / 2, 30, words.side('dataverse'), 'side', false, 'middle'),
    text(MID_X + MID_W / 2, 30, words.side('dualwrite'), 'side', false, 'middle'),
    text(FO_X + COL / 2, 30, words.side('finance'), 'side', false, 'middle'),
  ].join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="picture" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${esc(words.title)}">
<title>${esc(words.title)}</title>
<defs><marker id="arrow-${esc(id)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>
<rect x="${MID_X}" y="42" width="${MID_W}" height="${height - 48}" class="lane" rx="6"/>
${head}
${parts.join('\n')}
</svg>`;
}
