/** Small file helpers: recursive listing, JSON flattening, locating a key's line in a JSON file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function walk(dir: string, accept: (name: string) => boolean, skip: (path: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    if (skip(p)) continue;
    if (statSync(p).isDirectory()) out.push(...walk(p, accept, skip));
    else if (accept(name)) out.push(p);
  }
  return out;
}

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Flattens nested objects to dotted keys; only string leaves are kept (labels, messages). */
export function flatten(obj: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) {
      if (k.startsWith('$')) continue; // $comment etc.
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (typeof obj === 'string') out.set(prefix, obj);
  return out;
}

export const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** 1-based line of a dotted key in a pretty-printed JSON file (best effort; 1 if not found). */
export function keyLine(text: string, key: string): number {
  const lines = text.split('\n');
  const literal = lines.findIndex((l) => l.includes(JSON.stringify(key) + ':'));
  if (literal >= 0) return literal + 1;
  let from = 0;
  for (const seg of key.split('.')) {
    const needle = JSON.stringify(seg) + ':';
    let found = -1;
    for (let i = from; i < lines.length; i++) if ((lines[i] ?? '').includes(needle)) { found = i; break; }
    if (found < 0) return from + 1;
    from = found;
  }
  return from + 1;
}
