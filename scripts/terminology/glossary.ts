/** Loading, validating and indexing the glossary (locales/glossary.json). */
import { readFileSync } from 'node:fs';
import { LANGUAGES, type Concept, type Finding, type Glossary, type Lng } from './types.js';

export type TermKind = 'preferred' | 'form' | 'variant' | 'rejected';
export interface TermEntry {
  readonly text: string;
  readonly lower: string;
  /** Spelling key: lower case without spaces and hyphens ("pro forma-factuur" → "proformafactuur"). */
  readonly norm: string;
  readonly lng: Lng;
  readonly concept: string;
  readonly kind: TermKind;
  readonly preferred: string;
  readonly reason?: string;
  readonly source?: string;
  readonly onlyWhen?: RegExp;
}
export interface GlossaryIndex {
  readonly glossary: Glossary;
  readonly concepts: ReadonlyMap<string, Concept>;
  /** Own-language terms (incl. rejected), longest first. */
  readonly terms: ReadonlyMap<Lng, readonly TermEntry[]>;
  /** Terms of the other languages that are not also terms of this language, longest first. */
  readonly foreign: ReadonlyMap<Lng, readonly TermEntry[]>;
  readonly allow: ReadonlyMap<Lng, readonly string[]>;
  readonly allowPatterns: readonly RegExp[];
  readonly english: ReadonlyMap<Lng, ReadonlySet<string>>;
}

export const normSpelling = (s: string): string => s.toLowerCase().replace(/[\s\-‐‑]+/g, '');

export function loadGlossary(file: string): Glossary {
  return JSON.parse(readFileSync(file, 'utf8')) as Glossary;
}

/** Structural problems of the glossary itself. */
export function validateGlossary(g: Glossary, file = 'locales/glossary.json'): Finding[] {
  const out: Finding[] = [];
  const err = (message: string, concept?: string): void => { out.push({ rule: 'glossary', severity: 'error', file, message, ...(concept ? { concept } : {}) }); };
  const seen = new Set<string>();
  for (const c of g.concepts ?? []) {
    if (!c.id) { err('concept without id'); continue; }
    if (seen.has(c.id)) err(`duplicate concept id "${c.id}"`, c.id);
    seen.add(c.id);
    for (const lng of LANGUAGES) {
      const t = c.terms?.[lng];
      if (!t || !t.preferred) { err(`concept "${c.id}" has no preferred ${lng} term`, c.id); continue; }
      if (!t.source) err(`concept "${c.id}" (${lng}) has no source`, c.id);
      for (const r of t.rejected ?? []) if (!r.reason) err(`rejected ${lng} term "${r.term}" of "${c.id}" has no reason`, c.id);
      for (const v of t.variants ?? []) if (!v.source) err(`variant ${lng} term "${v.term}" of "${c.id}" has no source`, c.id);
    }
    for (const k of c.labels ?? []) if (!/^[a-z]+:[\w.]+$/.test(k)) err(`label link "${k}" of "${c.id}" is not "<namespace>:<key>"`, c.id);
  }
  // A rejected term must not be accepted elsewhere in the same language.
  for (const lng of LANGUAGES) {
    const accepted = new Map<string, string>();
    for (const c of g.concepts ?? []) {
      const t = c.terms?.[lng];
      if (!t) continue;
      for (const s of [t.preferred, ...(t.forms ?? []), ...(t.variants ?? []).map((v) => v.term)]) accepted.set(s.toLowerCase(), c.id);
    }
    for (const c of g.concepts ?? []) for (const r of c.terms?.[lng]?.rejected ?? []) {
      const other = accepted.get(r.term.toLowerCase());
      if (other) err(`${lng} term "${r.term}" is rejected in "${c.id}" but accepted in "${other}"`, c.id);
    }
  }
  return out;
}

function entriesOf(c: Concept, lng: Lng): TermEntry[] {
  const t = c.terms[lng];
  const mk = (text: string, kind: TermKind, extra: { reason?: string; source?: string; onlyWhen?: RegExp } = {}): TermEntry => ({
    text, lower: text.toLowerCase(), norm: normSpelling(text), lng, concept: c.id, kind, preferred: t.preferred, ...extra,
  });
  return [
    mk(t.preferred, 'preferred', { source: t.source }),
    ...(t.forms ?? []).map((f) => mk(f, 'form', { source: t.source })),
    ...(t.variants ?? []).map((v) => mk(v.term, 'variant', { source: v.source })),
    ...(t.rejected ?? []).map((r) => mk(r.term, 'rejected', { reason: r.reason, ...(r.source ? { source: r.source } : {}), ...(r.onlyWhen ? { onlyWhen: new RegExp(r.onlyWhen, 'iu') } : {}) })),
  ];
}

const byLengthDesc = (a: TermEntry, b: TermEntry): number => b.text.length - a.text.length;

export function indexGlossary(g: Glossary): GlossaryIndex {
  const terms = new Map<Lng, TermEntry[]>();
  for (const lng of LANGUAGES) terms.set(lng, g.concepts.flatMap((c) => entriesOf(c, lng)).sort(byLengthDesc));
  const foreign = new Map<Lng, TermEntry[]>();
  for (const lng of LANGUAGES) {
    const own = new Set((terms.get(lng) ?? []).map((e) => e.lower));
    const ignore = new Set((g.otherLanguageIgnore?.[lng] ?? []).map((s) => s.toLowerCase()));
    const list: TermEntry[] = [];
    const taken = new Set<string>();
    for (const other of LANGUAGES) {
      if (other === lng) continue;
      for (const e of terms.get(other) ?? []) {
        if (e.kind === 'rejected' || e.text.length < 4 || own.has(e.lower) || ignore.has(e.lower) || taken.has(e.lower)) continue;
        if (g.allow.terms.some((a) => a.toLowerCase() === e.lower)) continue;
        taken.add(e.lower);
        list.push(e);
      }
    }
    foreign.set(lng, list.sort(byLengthDesc));
  }
  const allow = new Map<Lng, string[]>();
  for (const lng of LANGUAGES) allow.set(lng, [...g.allow.terms, ...(g.allow.perLanguage?.[lng] ?? [])].sort((a, b) => b.length - a.length));
  const english = new Map<Lng, Set<string>>();
  for (const lng of LANGUAGES) english.set(lng, new Set());
  for (const w of g.englishOnly.words) {
    const langs = g.englishOnly.flagIn?.[w] ?? (['de', 'nl'] as const);
    for (const l of langs) english.get(l)?.add(w.toLowerCase());
  }
  return {
    glossary: g,
    concepts: new Map(g.concepts.map((c) => [c.id, c])),
    terms, foreign, allow,
    allowPatterns: (g.allow.patterns ?? []).map((p) => new RegExp(p, 'g')),
    english,
  };
}
