/**
 * Rules on running text, per line, in one language: glossary terms used (preferred / variant), rejected
 * terms, terms of another language, untranslated English; per document: inconsistent spellings of one
 * concept and mixed variants.
 */
import type { GlossaryIndex } from './glossary.js';
import { cleanMarkdown, findTerms, freeWords, identifierMask, joinClean, maskAllowed, plain, quotedMask, type Clean, type Hit } from './text.js';
import { langName, say } from './say.js';
import { isLng, LANGUAGES, type Finding, type Lng } from './types.js';

export interface TextLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly clean: Clean;
}
export interface TextOptions {
  readonly file: string;
  readonly lng: Lng;
  /** Report "uses term" / "uses variant" lines (document check). */
  readonly reportUses: boolean;
  /** A rejected term that a Microsoft page uses (it has a source) is a warning, not an error (features and documents, not labels). */
  readonly documentedRejectedWarn?: boolean;
}
interface Used { readonly line: number; readonly column: number; readonly hit: Hit }


/** Rules that look at one line. Returns findings and the term hits (for document-level rules). */
export function checkLine(idx: GlossaryIndex, l: TextLine, o: TextOptions): { findings: Finding[]; used: Used[] } {
  const findings: Finding[] = [];
  const used: Used[] = [];
  const c = l.clean;
  const consumed = identifierMask(c.text);
  const at = (i: number): { line: number; column: number } => ({ line: c.rows?.[i] ?? l.line, column: (c.cols[i] ?? i) + 1 });
  const base = { file: o.file, lng: o.lng };
  const q = (text: string): string => say(o.lng, 'q', { s: text });
  for (const h of findTerms(c, idx.terms.get(o.lng) ?? [], consumed, true)) {
    const e = h.entry;
    if (e.kind === 'rejected') {
      if (e.onlyWhen && !e.onlyWhen.test(c.text)) continue;
      // A rejected term with a source is one Microsoft's own pages use: the steps accept it (a consultant copied
      // it from the page), so in text it is a warning that names the preferred term; without a source, an error.
      const documented = e.source !== undefined && o.documentedRejectedWarn === true;
      findings.push({ ...base, ...at(h.start), rule: 'rejected-term', severity: documented ? 'warning' : 'error', concept: e.concept, term: h.written, expected: e.preferred,
        message: say(o.lng, documented ? 'rejectedDocumented' : 'rejected', { term: q(h.written), concept: e.concept, reason: e.reason ?? '', preferred: q(e.preferred), source: e.source ?? '' }) });
      continue;
    }
    used.push({ ...at(h.start), hit: h });
    if (o.reportUses) {
      const variant = e.kind === 'variant';
      findings.push({ ...base, ...at(h.start), rule: variant ? 'uses-variant' : 'uses-term', severity: 'info', concept: e.concept, term: h.written,
        ...(variant ? { expected: e.preferred } : {}),
        message: (variant ? say(o.lng, 'usesVariant', { term: q(e.text), concept: e.concept, source: e.source ?? '', preferred: q(e.preferred) })
          : say(o.lng, 'usesTerm', { term: q(e.text), concept: e.concept })) + (h.cite ? say(o.lng, 'linkText') : '') });
    }
  }
  maskAllowed(c, idx, o.lng, consumed);
  for (const h of findTerms(c, idx.foreign.get(o.lng) ?? [], consumed, false)) {
    const e = h.entry;
    const own = idx.concepts.get(e.concept)?.terms[o.lng].preferred;
    findings.push({ ...base, ...at(h.start), rule: 'other-language', severity: 'error', concept: e.concept, term: h.written, ...(own ? { expected: own } : {}),
      message: say(o.lng, 'otherLanguage', { term: q(h.written), other: langName(o.lng, e.lng), concept: e.concept, language: langName(o.lng, o.lng), own: q(own ?? '?') }) });
  }
  const english = idx.english.get(o.lng);
  if (english && english.size > 0) {
    const quoted = quotedMask(c.text);
    const blocked = consumed.map((b, i) => b || (quoted[i] ?? false));
    for (const w of freeWords(c.text, blocked)) {
      const parts = [w.word, ...w.word.split(/[-'’]/)];
      const bad = parts.find((p) => english.has(p.toLowerCase()));
      if (bad) findings.push({ ...base, ...at(w.start), rule: 'untranslated-english', severity: 'error', term: w.word,
        message: say(o.lng, 'english', { word: q(w.word), language: langName(o.lng, o.lng) }) });
    }
  }
  return { findings, used };
}

/** Document-level rules: one concept written in two spellings, or in two accepted variants. */
export function checkConsistency(used: readonly Used[], o: TextOptions): Finding[] {
  const out: Finding[] = [];
  const q = (text: string): string => say(o.lng, 'q', { s: text });
  const byConcept = new Map<string, Used[]>();
  for (const u of used) {
    if (u.hit.cite) continue; // link text quotes another page's title
    const list = byConcept.get(u.hit.entry.concept) ?? [];
    list.push(u);
    byConcept.set(u.hit.entry.concept, list);
  }
  for (const [concept, list] of byConcept) {
    const texts = new Map<string, Used[]>();
    for (const u of list) {
      const t = u.hit.entry.text;
      texts.set(t, [...(texts.get(t) ?? []), u]);
    }
    if (texts.size < 2) continue;
    const byNorm = new Map<string, string[]>();
    for (const t of texts.keys()) {
      const n = list.find((u) => u.hit.entry.text === t)?.hit.entry.norm ?? t;
      byNorm.set(n, [...(byNorm.get(n) ?? []), t]);
    }
    const where = (ts: readonly string[]): string => ts.map((t) => say(o.lng, 'spelledAt', { term: q(t), lines: [...new Set((texts.get(t) ?? []).map((u) => u.line))].join(', ') })).join(say(o.lng, 'and'));
    const first = (ts: readonly string[]): Used | undefined => ts.flatMap((t) => texts.get(t) ?? []).sort((a, b) => a.line - b.line)[0];
    for (const ts of byNorm.values()) {
      if (ts.length < 2) continue;
      const u = first(ts);
      out.push({ file: o.file, lng: o.lng, rule: 'inconsistent-spelling', severity: 'warning', concept, term: ts.join(' | '),
        expected: u?.hit.entry.preferred ?? '', ...(u ? { line: u.line, column: u.column } : {}),
        message: say(o.lng, 'spelling', { concept, where: where(ts), preferred: q(u?.hit.entry.preferred ?? '') }) });
    }
    const bases = new Set(list.map((u) => (u.hit.entry.kind === 'form' ? u.hit.entry.preferred : u.hit.entry.text)));
    const spellingOnly = [...byNorm.values()].some((ts) => ts.length === texts.size);
    if (bases.size >= 2 && !spellingOnly) {
      const u = first([...texts.keys()]);
      out.push({ file: o.file, lng: o.lng, rule: 'mixed-variants', severity: 'info', concept, term: [...bases].join(' | '),
        ...(u ? { line: u.line, column: u.column, expected: u.hit.entry.preferred } : {}),
        message: say(o.lng, 'mixed', { concept, terms: [...bases].map(q).join(say(o.lng, 'and')), preferred: q(u?.hit.entry.preferred ?? '') }) });
    }
  }
  return out;
}

export function checkTextLines(idx: GlossaryIndex, lines: readonly TextLine[], o: TextOptions): Finding[] {
  const findings: Finding[] = [];
  const used: Used[] = [];
  for (const l of lines) {
    const r = checkLine(idx, l, o);
    findings.push(...r.findings);
    used.push(...r.used);
  }
  findings.push(...checkConsistency(used, o));
  return findings;
}

/** Language of a document: front matter locale, `# language:`, a path segment, else the language with most term hits. */
export function detectLanguage(idx: GlossaryIndex, file: string, text: string): Lng {
  const loc = /^\s*ms\.contentlocale:\s*([a-z]{2})/im.exec(text) ?? /^\s*#\s*language:\s*([a-z]{2})/im.exec(text) ?? /<html[^>]*\blang="([a-z]{2})/i.exec(text);
  const l = loc?.[1]?.toLowerCase();
  if (l && isLng(l)) return l;
  const seg = /(?:^|[\\/._-])(en|de|nl)(?:-[a-z]{2})?(?=[\\/._-])/i.exec(file.toLowerCase())?.[1];
  if (seg && isLng(seg)) return seg;
  let best: Lng = 'en';
  let bestScore = -1;
  for (const lng of LANGUAGES) {
    let score = 0;
    for (const line of text.split('\n')) {
      const c = plain(line);
      score += findTerms(c, (idx.terms.get(lng) ?? []).filter((e) => e.text.length >= 5), new Array<boolean>(c.text.length).fill(false), true).length;
    }
    if (score > bestScore) { best = lng; bestScore = score; }
  }
  return best;
}

/** Collects lines into `out`, the lines of one paragraph (wrapped prose) joined into one: `add` them, `flush` at its end. */
export function paragraphs(out: TextLine[]): { add(line: TextLine): void; flush(): void } {
  let para: TextLine[] = [];
  return {
    add: (line) => { para.push(line); },
    flush: () => {
      if (para.length === 1 && para[0]) out.push(para[0]);
      else if (para.length > 1) out.push({ line: para[0]?.line ?? 0, clean: joinClean(para) });
      para = [];
    },
  };
}

/** Lines of a Markdown or text document to check: front matter only for title/description, no code fences. */
export function documentLines(text: string): TextLine[] {
  const raw = text.split(/\r?\n/);
  const out: TextLine[] = [];
  let i = 0;
  if (raw[0]?.trim() === '---') {
    for (i = 1; i < raw.length && raw[i]?.trim() !== '---'; i++) {
      const m = /^(\s*(?:title|description):\s*)(.*)$/.exec(raw[i] ?? '');
      if (m) out.push({ line: i + 1, clean: cleanMarkdown(' '.repeat((m[1] ?? '').length) + (m[2] ?? '')) });
    }
    i++;
  }
  let fence = false;
  const { add, flush } = paragraphs(out);
  for (; i < raw.length; i++) {
    const line = raw[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) { flush(); fence = !fence; continue; }
    if (fence || line.trim() === '') { flush(); continue; }
    // a new block (heading, list item, quote, table row) starts a new paragraph
    if (/^\s*(#{1,6}\s|[-*+]\s|>|\d+\.\s|\|)/.test(line)) flush();
    add({ line: i + 1, clean: cleanMarkdown(line) });
    if (/^\s*(#{1,6}\s|\|)/.test(line)) flush();
  }
  flush();
  return out;
}
