/**
 * Feature files: term rules on every prose line (names, descriptions, steps, tables), `@id` parity across
 * languages, the same number of steps and the same step ids per scenario.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Feature, type Step } from '@cucumber/messages';
import { checkTextLines, paragraphs, type TextLine } from './document.js';
import { walk } from './files.js';
import type { GlossaryIndex } from './glossary.js';
import { matchStep, type Phrase, type Phrases } from './steps.js';
import { langName, say } from './say.js';
import { blankCode, plain } from './text.js';
import { LANGUAGES, type Finding, type Lng } from './types.js';

export interface ParsedStep { readonly text: string; readonly line: number; readonly stepId?: string }
export interface ParsedScenario { readonly id: string; readonly file: string; readonly line: number; readonly name: string; readonly steps: readonly ParsedStep[] }
export interface ParsedFeature { readonly lng: Lng; readonly file: string; readonly text: string; readonly feature?: Feature; readonly error?: string }

export function parseFeature(lng: Lng, file: string, text: string): ParsedFeature {
  try {
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher(lng));
    const doc = parser.parse(text);
    return doc.feature ? { lng, file, text, feature: doc.feature } : { lng, file, text };
  } catch (e) {
    return { lng, file, text, error: e instanceof Error ? e.message : String(e) };
  }
}

export function loadFeatures(root: string): { features: ParsedFeature[]; notes: string[] } {
  const features: ParsedFeature[] = [];
  const notes: string[] = [];
  for (const lng of LANGUAGES) {
    const dir = join(root, 'features', lng);
    const files = walk(dir, (n) => n.endsWith('.feature'));
    if (files.length === 0) notes.push(`features/${lng}: no .feature files`);
    for (const f of files) features.push(parseFeature(lng, relative(root, f), readFileSync(f, 'utf8')));
  }
  return { features, notes };
}

/** Prose lines of a feature with the Gherkin keywords blanked out. */
export function featureLines(pf: ParsedFeature): TextLine[] {
  const raw = pf.text.split(/\r?\n/);
  const keywordEnd = new Map<number, number>();
  const f = pf.feature;
  const mark = (loc: { line: number; column?: number }, keyword: string, colon: boolean): void => {
    keywordEnd.set(loc.line, (loc.column ?? 1) - 1 + keyword.length + (colon ? 1 : 0));
  };
  const steps = (list: readonly Step[]): void => { for (const s of list) mark(s.location, s.keyword, false); };
  if (f) {
    mark(f.location, f.keyword, true);
    for (const ch of f.children) {
      const blocks = ch.rule ? [ch.rule, ...ch.rule.children.map((c) => c.scenario ?? c.background)] : [ch.scenario ?? ch.background];
      for (const b of blocks) {
        if (!b) continue;
        mark(b.location, b.keyword, true);
        if ('steps' in b) steps(b.steps);
        if ('examples' in b) for (const ex of b.examples) mark(ex.location, ex.keyword, true);
      }
    }
  }
  const out: TextLine[] = [];
  let doc = false;
  const { add, flush } = paragraphs(out);
  raw.forEach((line, i) => {
    const t = line.trim();
    if (/^("""|```)/.test(t)) { flush(); doc = !doc; return; }
    if (doc || t === '' || t.startsWith('#') || t.startsWith('@')) { flush(); return; }
    const cut = keywordEnd.get(i + 1);
    if (cut !== undefined || t.startsWith('|')) {
      flush();
      out.push({ line: i + 1, clean: plain(blankCode(' '.repeat(cut ?? 0) + line.slice(cut ?? 0).replace(/\|/g, ' '))) });
      return;
    }
    add({ line: i + 1, clean: plain(blankCode(line)) }); // description prose, possibly wrapped
  });
  flush();
  return out;
}

export function featureText(idx: GlossaryIndex, features: readonly ParsedFeature[]): Finding[] {
  const out: Finding[] = [];
  for (const pf of features) {
    if (pf.error) { out.push({ rule: 'id-parity', severity: 'error', lng: pf.lng, file: pf.file, message: say(pf.lng, 'parse', { error: pf.error }) }); continue; }
    out.push(...checkTextLines(idx, featureLines(pf), { file: pf.file, lng: pf.lng, reportUses: true, documentedRejectedWarn: true }).filter((f) => f.rule !== 'uses-term'));
  }
  return out;
}

/** Scenarios by `@id:` tag with their effective steps (background first). */
export function scenarios(pf: ParsedFeature, phrases: readonly Phrase[] | undefined): ParsedScenario[] {
  const out: ParsedScenario[] = [];
  const f = pf.feature;
  if (!f) return out;
  const toSteps = (list: readonly Step[], example?: ReadonlyMap<string, string>): ParsedStep[] => list.map((s) => {
    const text = example ? s.text.replace(/<([^>]+)>/g, (m, name: string) => example.get(name) ?? m) : s.text;
    const stepId = phrases ? matchStep(phrases, text) : undefined;
    return { text: s.text, line: s.location.line, ...(stepId ? { stepId } : {}) };
  });
  const walkChildren = (children: Feature['children'], inherited: ParsedStep[], tags: readonly string[]): void => {
    let bg = inherited;
    for (const ch of children) {
      if (ch.background) bg = [...inherited, ...toSteps(ch.background.steps)];
      if (ch.rule) walkChildren(ch.rule.children as Feature['children'], bg, [...tags, ...ch.rule.tags.map((t) => t.name)]);
      const sc = ch.scenario;
      if (!sc) continue;
      const id = [...tags, ...sc.tags.map((t) => t.name)].find((t) => t.startsWith('@id:'))?.slice(4);
      if (!id) continue;
      // Scenario Outline: placeholders take the values of the first example row
      const ex = sc.examples[0];
      const row = ex?.tableBody[0];
      const example = ex?.tableHeader && row ? new Map(ex.tableHeader.cells.map((c, i) => [c.value, row.cells[i]?.value ?? ''])) : undefined;
      out.push({ id, file: pf.file, line: sc.location.line, name: sc.name, steps: [...bg, ...toSteps(sc.steps, example)] });
    }
  };
  walkChildren(f.children, [], f.tags.map((t) => t.name));
  return out;
}

export function scenarioParity(features: readonly ParsedFeature[], phrases: Phrases): Finding[] {
  const out: Finding[] = [];
  const byLng = new Map<Lng, Map<string, ParsedScenario>>();
  for (const lng of LANGUAGES) byLng.set(lng, new Map());
  for (const pf of features) {
    const list = phrases.get(pf.lng);
    for (const s of scenarios(pf, list)) {
      const m = byLng.get(pf.lng);
      const prev = m?.get(s.id);
      if (prev) { out.push({ rule: 'id-parity', severity: 'error', lng: pf.lng, file: s.file, line: s.line, message: say(pf.lng, 'idTwice', { id: s.id, language: langName(pf.lng, pf.lng), where: `${prev.file}:${prev.line}` }) }); continue; }
      m?.set(s.id, s);
      if (list) s.steps.forEach((st) => {
        if (!st.stepId) out.push({ rule: 'step-undefined', severity: 'error', lng: pf.lng, file: s.file, line: st.line, term: st.text, message: say(pf.lng, 'stepUndefined', { text: say(pf.lng, 'q', { s: st.text }), file: `locales/${pf.lng}/steps.json` }) });
      });
    }
  }
  const present = LANGUAGES.filter((l) => features.some((f) => f.lng === l));
  const all = new Set<string>();
  for (const m of byLng.values()) for (const id of m.keys()) all.add(id);
  for (const id of [...all].sort()) {
    const where = present.filter((l) => byLng.get(l)?.has(id));
    for (const lng of present) if (!byLng.get(lng)?.has(id)) {
      const ref = byLng.get(where[0] ?? 'en')?.get(id);
      // term: the @id, so that the project check's de-duplication keeps one finding per missing scenario
      out.push({ rule: 'id-parity', severity: 'error', lng, file: `features/${lng}`, term: `@id:${id}`,
        message: say(lng, 'idMissing', { id, language: langName(lng, lng), present: `${where.map((l) => langName(lng, l)).join(', ')}${ref ? `: ${ref.file}:${ref.line}` : ''}` }) });
    }
    const refLng = where.includes('en') ? 'en' : where[0];
    const ref = refLng ? byLng.get(refLng)?.get(id) : undefined;
    if (!ref || !refLng) continue;
    for (const lng of where) {
      if (lng === refLng) continue;
      const s = byLng.get(lng)?.get(id);
      if (!s) continue;
      if (s.steps.length !== ref.steps.length) {
        out.push({ rule: 'step-count', severity: 'error', lng, file: s.file, line: s.line,
          message: say(lng, 'stepCount', { id, n: s.steps.length, language: langName(lng, lng), m: ref.steps.length, ref: langName(lng, refLng), where: `${ref.file}:${ref.line}` }) });
        continue;
      }
      s.steps.forEach((st, i) => {
        const r = ref.steps[i];
        if (r?.stepId && st.stepId && r.stepId !== st.stepId) out.push({ rule: 'step-meaning', severity: 'error', lng, file: s.file, line: st.line, term: st.text,
          message: say(lng, 'stepMeaning', { id, i: i + 1, got: say(lng, 'q', { s: st.stepId ?? '' }), language: langName(lng, lng), want: say(lng, 'q', { s: r.stepId ?? '' }), ref: langName(lng, refLng), text: say(lng, 'q', { s: r.text }) }) });
      });
    }
  }
  return out;
}
