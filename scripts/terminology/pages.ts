/** Demo page static text: every visible string should come from ui.json (data-i18n), not be written in HTML. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walk } from './files.js';
import type { GlossaryIndex } from './glossary.js';
import type { Finding } from './types.js';

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Literal words in text nodes and in title/placeholder/alt/aria-label attributes. */
export function pageLiterals(idx: GlossaryIndex, file: string, html: string): Finding[] {
  const out: Finding[] = [];
  const blanked = html.replace(/<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi, (m) => m.replace(/[^\n]/g, ' '));
  const allowed = (s: string): boolean => {
    let rest = s;
    for (const a of idx.allow.get('en') ?? []) rest = rest.split(a).join(' ');
    for (const re of idx.allowPatterns) rest = rest.replace(re, ' ');
    return !/\p{L}{2,}/u.test(rest);
  };
  for (const m of blanked.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>([^<]*)/g)) {
    const attrs = m[2] ?? '';
    const text = (m[3] ?? '').replace(/&[a-z]+;|&#\d+;/g, ' ').trim();
    const tag = (m[1] ?? '').toLowerCase();
    if (text && !/\bdata-i18n\b/.test(attrs) && tag !== 'code' && !allowed(text)) {
      out.push({ rule: 'ui-literal', severity: 'error', file, line: lineAt(blanked, m.index + m[0].length - (m[3] ?? '').length), term: text.slice(0, 60),
        message: `literal UI text "${text.slice(0, 60)}" in <${tag}>: take it from ui.json (data-i18n)` });
    }
    for (const a of attrs.matchAll(/\b(title|placeholder|alt|aria-label)="([^"]*)"/g)) {
      const v = a[2] ?? '';
      if (v && !allowed(v) && !new RegExp(`data-i18n-${a[1] ?? ''}`).test(attrs)) {
        out.push({ rule: 'ui-literal', severity: 'error', file, line: lineAt(blanked, m.index), term: v, message: `literal ${a[1] ?? ''}="${v}" on <${tag}>: take it from ui.json` });
      }
    }
  }
  return out;
}

export function demoPages(idx: GlossaryIndex, root: string): { findings: Finding[]; files: string[] } {
  const files = walk(join(root, 'simulator', 'demo'), (n) => /\.html?$/.test(n));
  const findings: Finding[] = [];
  for (const f of files) findings.push(...pageLiterals(idx, relative(root, f), readFileSync(f, 'utf8')));
  return { findings, files: files.map((f) => relative(root, f)) };
}
