/**
 * Unused keys: a key of labels/ui/errors that no source file references. A key counts as used when its
 * dotted path appears in the source (also with an i18next plural suffix or as the parent of one/other),
 * or through a dynamic family: a template `labels:options.${set}.${value}` makes every key under
 * `options.<set>` used when `<set>` appears quoted (or as an object-literal property name) in the source; a template with a fixed second segment
 * (`options.mapState.${state}`) makes that whole subtree used.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keyLine, walk } from './files.js';
import type { Locales } from './locales.js';
import type { Finding } from './types.js';

export const USAGE_NAMESPACES = ['labels', 'ui', 'errors'] as const;
const SOURCE_DIRS = ['simulator', 'steps', 'scripts', 'features', 'bench'];
const SOURCE_EXT = /\.(ts|mts|js|mjs|html|htm|feature|vue)$/;

export interface SourceTree { readonly files: readonly string[]; readonly text: string }

export function readSources(root: string): SourceTree {
  const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d), (n) => SOURCE_EXT.test(n), (p) => /^scripts[\\/]terminology(\.ts)?$/.test(relative(root, p))));
  return { files: files.map((f) => relative(root, f)), text: files.map((f) => readFileSync(f, 'utf8')).join('\n') };
}

interface Dynamic { readonly ns: string | undefined; readonly prefix: string }

/** Fixed parts before `${` in template literals, and before `' +` in concatenations. */
export function dynamicPrefixes(src: string): Dynamic[] {
  const out: Dynamic[] = [];
  for (const m of src.matchAll(/`(?:([a-z]+):)?([\w.]*)\$\{/g)) out.push({ ns: m[1], prefix: m[2] ?? '' });
  for (const m of src.matchAll(/['"](?:([a-z]+):)?([\w.]*\.)['"]\s*\+/g)) out.push({ ns: m[1], prefix: m[2] ?? '' });
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isKeyUsed(ns: string, key: string, src: string, dyn: readonly Dynamic[], quoted: (s: string) => boolean): boolean {
  const plain = key.replace(/_(zero|one|two|few|many|other)$/, '');
  const parent = /\.(one|other)$/.test(key) ? key.replace(/\.(one|other)$/, '') : undefined;
  for (const k of [key, plain, parent]) {
    if (k && new RegExp(`(?<![\\w.])${escapeRe(k)}(?![\\w])`).test(src)) return true;
  }
  for (const d of dyn) {
    if (d.ns && d.ns !== ns) continue;
    if (!d.prefix || !plain.startsWith(d.prefix)) {
      if (d.prefix === '' && d.ns === ns) {
        // fully dynamic `ns:${key}`: the key itself must appear as a literal
        if (quoted(plain)) return true;
      }
      continue;
    }
    const rest = plain.slice(d.prefix.length).split('.');
    const fixedSegments = d.prefix.split('.').filter(Boolean).length;
    if (fixedSegments >= 2) return true;
    const next = rest[0];
    if (next && quoted(next)) return true;
  }
  return false;
}

export function unusedKeys(loc: Locales, sources: SourceTree): Finding[] {
  const out: Finding[] = [];
  const dyn = dynamicPrefixes(sources.text);
  const cache = new Map<string, boolean>();
  const quoted = (s: string): boolean => {
    let v = cache.get(s);
    // a quoted literal, or an object-literal property name (schema field definitions)
    if (v === undefined) { v = new RegExp(`['"\`]${escapeRe(s)}['"\`]|[{,]\\s*${escapeRe(s)}\\s*:`).test(sources.text); cache.set(s, v); }
    return v;
  };
  const en = loc.get('en');
  for (const ns of USAGE_NAMESPACES) {
    const f = en?.get(ns);
    if (!f) continue;
    for (const key of f.keys.keys()) {
      if (!isKeyUsed(ns, key, sources.text, dyn, quoted)) out.push({ rule: 'key-unused', severity: 'error', lng: 'en', file: f.file, line: keyLine(f.text, key), key: `${ns}:${key}`, message: `key ${ns}:${key} is referenced by no code, feature or page` });
    }
  }
  return out;
}
