/**
 * Text scanning: cleaning a Markdown line (keeping original columns), finding glossary terms
 * (longest first; a term may head a compound: "Proforma-Rechnungsdetails"), masking allowed names.
 */
import type { GlossaryIndex, TermEntry } from './glossary.js';
import type { Lng } from './types.js';

const WORD = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;
const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/** A line of text with, for every character, its column in the source and whether it is cited text (a link). */
export interface Clean {
  readonly text: string;
  readonly cols: readonly number[];
  readonly cite: readonly boolean[];
  /** Source line of every character when several lines were joined (a wrapped paragraph). */
  readonly rows?: readonly number[];
}

/** Joins wrapped lines into one text so that names broken across lines ("Finance and⏎Operations") still match. */
export function joinClean(parts: readonly { line: number; clean: Clean }[]): Clean {
  let text = '';
  const cols: number[] = [];
  const cite: boolean[] = [];
  const rows: number[] = [];
  parts.forEach((p, k) => {
    if (k > 0) { text += ' '; cols.push(-1); cite.push(false); rows.push(p.line); }
    const skip = k > 0 ? p.clean.text.length - p.clean.text.trimStart().length : 0; // continuation indent
    text += p.clean.text.slice(skip);
    for (let i = skip; i < p.clean.text.length; i++) {
      cols.push(p.clean.cols[i] ?? i);
      cite.push(p.clean.cite[i] ?? false);
      rows.push(p.clean.rows?.[i] ?? p.line);
    }
  });
  return { text, cols, cite, rows };
}

type Action = 'keep' | 'blank' | 'drop';

/** Plain text: nothing removed. */
export function plain(line: string): Clean {
  return { text: line, cols: [...line].map((_, i) => i), cite: new Array<boolean>(line.length).fill(false) };
}

/** Markdown inline cleanup: escapes, emphasis, code spans, HTML tags, URLs; link text is marked as cited. */
export function cleanMarkdown(line: string): Clean {
  const act: Action[] = new Array<Action>(line.length).fill('keep');
  const cite: boolean[] = new Array<boolean>(line.length).fill(false);
  const set = (from: number, to: number, a: Action): void => { for (let i = from; i < to; i++) act[i] = a; };
  for (const m of line.matchAll(/`[^`]*`/g)) set(m.index, m.index + m[0].length, 'blank');
  for (const m of line.matchAll(/<[^>]+>/g)) set(m.index, m.index + m[0].length, 'blank');
  for (const m of line.matchAll(/(!?\[)([^\]]*)\]\(([^)]*)\)/g)) {
    const open = m[1] ?? '[';
    const text = m[2] ?? '';
    set(m.index, m.index + open.length, 'drop');
    const t0 = m.index + open.length;
    for (let i = t0; i < t0 + text.length; i++) cite[i] = true;
    set(t0 + text.length, m.index + m[0].length, 'blank');
  }
  for (const m of line.matchAll(/https?:\/\/\S+/g)) set(m.index, m.index + m[0].length, 'blank');
  for (const m of line.matchAll(/\\([\\`*_{}[\]()#+\-.!])/g)) act[m.index] = 'drop';
  for (const m of line.matchAll(/\*\*|__|(?<![\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}])/gu)) {
    if (act[m.index] === 'keep' && (m.index === 0 || line[m.index - 1] !== '\\')) set(m.index, m.index + m[0].length, 'drop');
  }
  // Headings, list bullets and quote markers at the line start.
  const lead = /^\s*(#{1,6}\s|[-*+]\s|>\s?|\d+\.\s)/.exec(line);
  if (lead) set(0, lead[0].length, 'blank');
  let text = '';
  const cols: number[] = [];
  const cited: boolean[] = [];
  for (let i = 0; i < line.length; i++) {
    const a = act[i];
    if (a === 'drop') continue;
    text += a === 'blank' ? ' ' : line[i];
    cols.push(i);
    cited.push(cite[i] ?? false);
  }
  return { text, cols, cite: cited };
}

export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly entry: TermEntry;
  /** The text as written (including a compound tail). */
  readonly written: string;
  readonly cite: boolean;
}

/**
 * Finds terms at word starts, longest first, skipping consumed characters. With `compound`, a term of 8+
 * letters may continue with letters (compound or inflection); the hit then covers the whole word.
 * Shorter terms ("Projekt", "Concept") only match whole words.
 */
export function findTerms(c: Clean, entries: readonly TermEntry[], consumed: boolean[], compound: boolean): Hit[] {
  const hits: Hit[] = [];
  const text = c.text;
  const lower = text.toLowerCase();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (consumed[i] || !isWord(text[i]) || isWord(text[i - 1])) { i++; continue; }
    let hit: Hit | undefined;
    for (const e of entries) {
      const len = e.lower.length;
      if (i + len > n || !lower.startsWith(e.lower, i)) continue;
      let free = true;
      for (let k = i; k < i + len; k++) if (consumed[k]) { free = false; break; }
      if (!free) continue;
      let end = i + len;
      if (isWord(text[end])) {
        const last = e.text[e.text.length - 1] ?? '';
        if (!compound || e.text.length < 8 || !LETTER.test(last)) continue;
        while (end < n && LETTER.test(text[end] ?? '')) end++;
        if (isWord(text[end])) continue;
      }
      hit = { start: i, end, entry: e, written: text.slice(i, end), cite: c.cite[i] ?? false };
      break;
    }
    if (hit) {
      hits.push(hit);
      for (let k = hit.start; k < hit.end; k++) consumed[k] = true;
      i = hit.end;
    } else i++;
  }
  return hits;
}

/** Marks allowed product names and identifier patterns as consumed. */
export function maskAllowed(c: Clean, idx: GlossaryIndex, lng: Lng, consumed: boolean[]): void {
  for (const a of idx.allow.get(lng) ?? []) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${a.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}(?![\\p{L}\\p{N}_])`, 'giu');
    for (const m of c.text.matchAll(re)) for (let k = m.index; k < m.index + m[0].length; k++) consumed[k] = true;
  }
  for (const re of idx.allowPatterns) for (const m of c.text.matchAll(re)) for (let k = m.index; k < m.index + m[0].length; k++) consumed[k] = true;
}

/** Code spans (`msdyn_actuals`) blanked, columns kept: code is not prose. */
export const blankCode = (line: string): string => line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));

/**
 * Not prose: tags and ids (`@id:confirm-unchanged`, `@doc:seed.actuals-map`) and quoted identifiers ("msdyn_actuals",
 * "INV-0001", "ProjCDSActualsImport", "USPM"): a quoted single token with a digit, `_`, `.`, `:`, `/`, an inner
 * capital or only capitals. Quoted words and names ("Formulieropslag importeren") stay prose: they are terms.
 */
export function identifierMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const set = (from: number, len: number): void => { for (let k = from; k < from + len; k++) mask[k] = true; };
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.:-]+/gu)) set(m.index, m[0].length);
  for (const m of text.matchAll(/(["'„“”‚‘’«])([\p{L}\p{N}_.:\/-]+)(["'“”‘’»])/gu)) {
    const id = m[2] ?? '';
    if (/[\d_.:\/]/u.test(id) || /\p{Ll}\p{Lu}/u.test(id) || (id.length >= 2 && id === id.toUpperCase() && /\p{Lu}/u.test(id))) set(m.index, m[0].length);
  }
  return mask;
}
export function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(/"[^"]*"|„[^“”"]*[“”"]|“[^”]*”|«[^»]*»|(?<![\p{L}])'[^']*'(?![\p{L}])/gu)) {
    for (let k = m.index; k < m.index + m[0].length; k++) mask[k] = true;
  }
  return mask;
}

/** Words (letters, inner hyphens/apostrophes) at positions not consumed. */
export function freeWords(text: string, consumed: readonly boolean[]): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu)) {
    let free = true;
    for (let k = m.index; k < m.index + m[0].length; k++) if (consumed[k]) { free = false; break; }
    if (free) out.push({ word: m[0], start: m.index });
  }
  return out;
}
