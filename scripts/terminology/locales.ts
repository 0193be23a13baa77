/** Rules on the i18next resources: key parity, labels against the glossary, terms inside every string. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLine } from './document.js';
import { flatten, keyLine, readJson } from './files.js';
import type { GlossaryIndex } from './glossary.js';
import { langName, say } from './say.js';
import { plain } from './text.js';
import { isLng, LANGUAGES, type Finding, type Lng } from './types.js';

export interface LocaleFile { readonly lng: Lng; readonly ns: string; readonly file: string; readonly text: string; readonly keys: ReadonlyMap<string, string> }
export type Locales = ReadonlyMap<Lng, ReadonlyMap<string, LocaleFile>>;

/** Reads locales/<lng>/<ns>.json (glossary.json is not a namespace). */
export function loadLocales(root: string): Locales {
  const out = new Map<Lng, Map<string, LocaleFile>>();
  const dir = join(root, 'locales');
  for (const lng of LANGUAGES) out.set(lng, new Map());
  if (!existsSync(dir)) return out;
  for (const lng of readdirSync(dir)) {
    if (!isLng(lng)) continue;
    for (const name of readdirSync(join(dir, lng)).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = join('locales', lng, name);
      const text = readFileSync(join(root, file), 'utf8');
      const ns = name.slice(0, -5);
      const json = readJson(join(root, file));
      out.get(lng)?.set(ns, { lng, ns, file, text, keys: ns === 'steps' ? stepKeys(json) : flatten(json) });
    }
  }
  return out;
}

/** Step phrases: one key per step id, whether it holds one phrase or forms by word order ({ main, sub, inv }: steps/support/forms.ts). */
function stepKeys(json: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(leaves) : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : []);
  if (json && typeof json === 'object' && !Array.isArray(json)) for (const [id, v] of Object.entries(json)) out.set(id, leaves(v).join(' | '));
  return out;
}

/** Every key of the source language (en) exists in de and nl, and no language has keys en lacks. */
export function keyParity(loc: Locales, source: Lng = 'en'): Finding[] {
  const out: Finding[] = [];
  const src = loc.get(source) ?? new Map<string, LocaleFile>();
  for (const lng of LANGUAGES) {
    if (lng === source) continue;
    const mine = loc.get(lng) ?? new Map<string, LocaleFile>();
    const language = langName(lng, lng);
    const from = langName(lng, source);
    for (const [ns, s] of src) {
      const f = mine.get(ns);
      if (!f) { out.push({ rule: 'key-missing', severity: 'error', lng, file: join('locales', lng, `${ns}.json`), message: say(lng, 'nsMissing', { n: s.keys.size, source: from }) }); continue; }
      for (const k of s.keys.keys()) if (!f.keys.has(k)) out.push({ rule: 'key-missing', severity: 'error', lng, file: f.file, line: keyLine(s.text, k), key: `${ns}:${k}`, message: say(lng, 'keyMissing', { key: `${ns}:${k}`, language, source: from, value: say(lng, 'q', { s: s.keys.get(k) ?? '' }) }) });
      for (const k of f.keys.keys()) if (!s.keys.has(k)) out.push({ rule: 'key-extra', severity: 'error', lng, file: f.file, line: keyLine(f.text, k), key: `${ns}:${k}`, message: say(lng, 'keyExtra', { key: `${ns}:${k}`, language, source: from }) });
    }
    for (const [ns, f] of mine) if (!src.has(ns)) out.push({ rule: 'key-extra', severity: 'error', lng, file: f.file, message: say(lng, 'nsExtra', { namespace: ns, source: from }) });
  }
  return out;
}

const sameTerm = (a: string, b: string): boolean => {
  const n = (s: string): string => s.trim().replace(/\s+/g, ' ');
  const x = n(a), y = n(b);
  return x === y || (x.slice(0, 1).toLowerCase() === y.slice(0, 1).toLowerCase() && x.slice(1) === y.slice(1));
};

/** Each label linked from a concept holds the concept's preferred term, unless a reason is recorded. */
export function labelsVsGlossary(idx: GlossaryIndex, loc: Locales): Finding[] {
  const out: Finding[] = [];
  for (const c of idx.glossary.concepts) {
    for (const link of c.labels) {
      const [ns = '', key = ''] = link.split(':');
      for (const lng of LANGUAGES) {
        const f = loc.get(lng)?.get(ns);
        if (!f) continue; // key-parity reports missing files
        const value = f.keys.get(key);
        const t = c.terms[lng];
        const base = { lng, file: f.file, line: keyLine(f.text, key), key: link, concept: c.id, expected: t.preferred };
        if (value === undefined) {
          if (lng === 'en') out.push({ ...base, rule: 'glossary', severity: 'error', message: `glossary concept ${c.id} links ${link}, which does not exist` });
          continue;
        }
        if (sameTerm(value, t.preferred) || (t.forms ?? []).some((f2) => sameTerm(value, f2))) continue;
        const exc = c.labelExceptions?.find((e) => e.key === link && e.lng === lng);
        const v = { key: link, value: say(lng, 'q', { s: value }), preferred: say(lng, 'q', { s: t.preferred }), concept: c.id, language: langName(lng, lng) };
        if (exc) { out.push({ ...base, term: value, rule: 'label-reason', severity: 'info', message: say(lng, 'labelReason', { ...v, reason: exc.reason }) }); continue; }
        const rej = (t.rejected ?? []).find((r) => sameTerm(value, r.term));
        if (rej) { out.push({ ...base, term: value, rule: 'rejected-term', severity: 'error', message: say(lng, 'labelRejected', { ...v, reason: rej.reason }) }); continue; }
        const variant = (t.variants ?? []).find((x) => sameTerm(value, x.term));
        out.push({ ...base, term: value, rule: 'label-preferred', severity: 'error', message: say(lng, variant ? 'labelVariant' : 'labelPreferred', v) });
      }
    }
  }
  return out;
}

/** Rejected terms, other-language terms and untranslated English inside every resource string. */
export function localeStrings(idx: GlossaryIndex, loc: Locales): Finding[] {
  const out: Finding[] = [];
  for (const [lng, files] of loc) {
    for (const f of files.values()) {
      for (const [key, value] of f.keys) {
        // Not prose: interpolations, nestings, tags, rule ids (`rule.journal-transfer-error-lines`) and table names
        // in the hyphenation list, with its break marks (`msdyn_|customer|invoices`).
        const masked = value.replace(/\{\{[^}]*\}\}|\{\w*\}|\$t\([^)]*\)|<[^>]+>|\brule\.[a-z0-9.-]+|\b\w+_\|[\w|]*/g, (m) => ' '.repeat(m.length));
        const line = keyLine(f.text, key);
        const r = checkLine(idx, { line, clean: plain(masked) }, { file: f.file, lng, reportUses: false });
        for (const x of r.findings) {
          const { column: _column, ...rest } = x; // a column inside the value would not match the file
          out.push({ ...rest, key: `${f.ns}:${key}`, line, message: `${f.ns}:${key}: ${x.message}` });
        }
      }
    }
  }
  return out;
}
