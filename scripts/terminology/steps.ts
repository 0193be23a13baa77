/** Step phrases per language (locales/<lng>/steps.json) and matching step text to a step id. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './files.js';
import { LANGUAGES, type Lng } from './types.js';

export interface Phrase { readonly id: string; readonly phrase: string; readonly re: RegExp }
export type Phrases = ReadonlyMap<Lng, readonly Phrase[]>;

const escapeRe = (s: string): string => s.replace(/[.*+?^$|[\]\\]/g, '\\$&');

/**
 * Cucumber expression → RegExp: `{param}` is a wildcard, `(s)` optional text, `a/b` alternative words,
 * `\(` `\{` `\/` literal characters.
 */
export function phraseToRegExp(phrase: string): RegExp {
  let out = '';
  let i = 0;
  while (i < phrase.length) {
    const ch = phrase[i] ?? '';
    if (ch === '\\' && i + 1 < phrase.length) { out += escapeRe(phrase[i + 1] ?? ''); i += 2; continue; }
    if (ch === '{') { const j = phrase.indexOf('}', i); if (j > i) { out += '(.+?)'; i = j + 1; continue; } }
    if (ch === '(') { const j = phrase.indexOf(')', i); if (j > i) { out += `(?:${escapeRe(phrase.slice(i + 1, j))})?`; i = j + 1; continue; } }
    // alternation a/b/c on a whole word
    const alt = /^[^\s/(){}]+(?:\/[^\s/(){}]+)+/.exec(phrase.slice(i));
    if (alt && (i === 0 || /\s/.test(phrase[i - 1] ?? ''))) { out += `(?:${alt[0].split('/').map(escapeRe).join('|')})`; i += alt[0].length; continue; }
    out += ch === '(' || ch === ')' || ch === '{' || ch === '}' ? `\\${ch}` : escapeRe(ch);
    i++;
  }
  return new RegExp(`^${out}$`, 'u');
}

export function loadPhrases(root: string): { phrases: Map<Lng, Phrase[]>; notes: string[]; files: string[] } {
  const phrases = new Map<Lng, Phrase[]>();
  const notes: string[] = [];
  const files: string[] = [];
  for (const lng of LANGUAGES) {
    const file = join('locales', lng, 'steps.json');
    if (!existsSync(join(root, file))) { notes.push(`${file} not found: step meanings in ${lng} not checked`); continue; }
    files.push(file);
    const data = readJson(join(root, file));
    const list: Phrase[] = [];
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      for (const [id, v] of Object.entries(data)) {
        if (id.startsWith('$')) continue;
        // one phrase, a list, or forms by word order ({ main, sub, inv }: steps/support/forms.ts)
        const leaves = (x: unknown): unknown[] => (Array.isArray(x) ? x.flatMap(leaves) : x && typeof x === 'object' ? Object.values(x).flatMap(leaves) : [x]);
        for (const p of leaves(v)) if (typeof p === 'string') list.push({ id, phrase: p, re: phraseToRegExp(p) });
      }
    }
    phrases.set(lng, list);
  }
  return { phrases, notes, files };
}

export function matchStep(phrases: readonly Phrase[], text: string): string | undefined {
  return phrases.find((p) => p.re.test(text.trim()))?.id;
}
