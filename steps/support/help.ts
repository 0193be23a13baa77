import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { translator } from '../../simulator/i18n.js';
import { type Clause, type Form, formsOf } from './forms.js';
import { allowedClauses, fits, type KeywordType, type StepType, wantedClause } from './grammar.js';
import { LANGS, type Lang, labelsOf } from './labels.js';
import { formatNumber } from './numbers.js';
import { documentedForms, labelTypes, parameterTypesFor } from './parameters.js';
import { localize } from './phrases.js';

/**
 * Help for writers in their own language: the closest phrases to a step that matched none, with their
 * parameters and an example; used by the snippet syntax of cucumber runs (snippets.ts) and by the step check.
 */
export const say = (lng: Lang, key: string, values: Record<string, unknown> = {}): string => translator(lng)(`authoring:${key}`, values);

/** One line per parameter type: what it takes, with the complete list of labels (no cuts). */
export function typeHelp(name: string, lng: Lang): string {
  if (name === 'string') return `{string}: ${say(lng, 'param.string')}`;
  if (name === 'num') return `{num}: ${say(lng, 'param.num', { example: formatNumber(1600, lng), percent: say(lng, 'param.percent') })}`;
  const type = labelTypes.find((t) => t.name === name);
  if (!type) return `{${name}}`;
  const own = labelsOf(lng, type.path);
  const labels = [...new Set([...own.values()].flat())];
  const more = [...new Set([...documentedForms(lng, type.path)].filter(([key]) => own.has(key)).flatMap(([, f]) => f))].filter((f) => !labels.includes(f));
  return `{${name}}: ${labels.map((l) => `"${l}"`).join(', ')}${more.length ? `; ${say(lng, 'param.documented')}: ${more.map((l) => `"${l}"`).join(', ')}` : ''}`;
}

/** An example built from a phrase: optional text dropped, first alternative, sample values. */
export function synthesize(phrase: string, lng: Lang): string {
  return phrase
    .replace(/\([^)]*\)/g, '')
    .replace(/(^|\s)([^\s/{}]+)\/\S+/g, '$1$2')
    .replace(/\{([a-z]*)\}/g, (_w, name: string) => {
      if (name === 'string') return '"Contoso Ltd."';
      if (name === 'num') return formatNumber(8, lng, 0);
      const type = labelTypes.find((t) => t.name === name);
      const first = type ? ([...labelsOf(lng, type.path).values()].flat()[0] ?? name) : name;
      // roles are common nouns: lower case inside an English or Dutch sentence (German capitalizes nouns)
      return name === 'role' && lng !== 'de' ? first.charAt(0).toLocaleLowerCase() + first.slice(1) : first;
    })
    .replace(/\s+/g, ' ').trim();
}

/** Words of a step or phrase for comparison: quoted text → one token, numbers → one token, parameters alike. */
function tokens(text: string): string[][] {
  return text
    .replace(/\{string\}|"[^"]*"/g, ' Q ')
    .replace(/\{(?:num|int|float)\}|-?\d[\d.,]*( ?%)?/g, ' N ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\\/g, '')
    .toLowerCase()
    .split(/[\s,:]+/)
    .filter(Boolean)
    .map((w) => w.split('/'));
}

/** Similarity 0…1: longest common subsequence of words (an alternative a/b matches either). */
function similarity(a: string[][], b: string[][]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = (a[i - 1] ?? []).some((x) => (b[j - 1] ?? []).includes(x) || (b[j - 1] ?? []).some((y) => y.startsWith('{') && x !== 'q' && x !== 'n'));
      dp[i]![j] = same ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    }
  }
  return (2 * dp[a.length]![b.length]!) / (a.length + b.length);
}

export interface Suggestion { readonly id: string; readonly form: Form; readonly score: number }

/** The closest forms of a language (those that fit the keyword first), best first, one per step id. */
export function closest(lng: Lang, text: string, allowed?: ReadonlySet<Clause>, n = 3): Suggestion[] {
  const t = tokens(text);
  const scored: Suggestion[] = [];
  for (const [id, forms] of formsOf(lng)) {
    const fitting = forms.filter((f) => fits(f, allowed));
    let best: Suggestion | undefined;
    for (const form of fitting.length ? fitting : forms) {
      const score = similarity(t, tokens(form.phrase));
      if (!best || score > best.score) best = { id, form, score };
    }
    if (best) scored.push(best);
  }
  return scored.sort((x, y) => y.score - x.score).slice(0, n);
}

/** The language whose phrases come closest to a text (for the snippet syntax, which is not told the language). */
export function likelyLanguage(text: string): Lang {
  let best: Lang = 'en';
  let score = -1;
  for (const lng of LANGS) {
    const s = closest(lng, text, undefined, 1)[0]?.score ?? 0;
    if (s > score) { best = lng; score = s; }
  }
  return best;
}

/** The help block for a step text that matched no phrase, in `lng`. */
export function undefinedHelp(lng: Lang, text: string, keyword: string, allowed?: ReadonlySet<Clause>): string {
  const lines = [say(lng, 'undefined.header', { text, file: `locales/${lng}/steps.json` })];
  for (const s of closest(lng, text, allowed)) {
    lines.push('', `  ${s.form.phrase}   [${s.id}]`);
    for (const p of [...new Set([...s.form.phrase.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? ''))]) lines.push(`    ${typeHelp(p, lng)}`);
    lines.push(`    ${say(lng, 'undefined.example')}: ${keyword.trim()} ${synthesize(s.form.phrase, lng)}`);
  }
  lines.push('', say(lng, 'undefined.footer'));
  return lines.join('\n');
}

interface CompiledForm { readonly id: string; readonly form: Form; readonly expression: CucumberExpression }
const compiledCache = new Map<Lang, CompiledForm[]>();

/** Every form of a language compiled the way cucumber compiles it (same parameter types). */
export function compiledForms(lng: Lang): CompiledForm[] {
  let list = compiledCache.get(lng);
  if (!list) {
    const registry = new ParameterTypeRegistry();
    for (const p of parameterTypesFor(lng)) registry.defineParameterType(new ParameterType(p.name, p.regexp, null, p.transformer, false, false));
    list = [...formsOf(lng)].flatMap(([id, forms]) => forms.map((form) => ({ id, form, expression: new CucumberExpression(localize(form.phrase, lng), registry) })));
    compiledCache.set(lng, list);
  }
  return list;
}

/** A form written with the values of a step that matched another form of the same step (parameters keep their order). */
function rewrite(form: Form, values: readonly string[]): string {
  let k = 0;
  const marked = form.phrase.replace(/\{([a-z]+)\}/g, () => `§${k++}§`);
  return synthesize(marked, 'en').replace(/§(\d+)§/g, (_w, i: string) => values[Number(i)] ?? '');
}

/**
 * The word-order problem of a step, in `lng`, or undefined: the step matches forms of one step id, but none
 * in the word order its keyword takes ("Wenn der Projektmanager hat … erstellt").
 */
export function grammarProblem(lng: Lang, text: string, keyword: string, keywordType: KeywordType, stepType: StepType): string | undefined {
  const allowed = allowedClauses(lng, keywordType, stepType);
  if (!allowed) return undefined;
  const hits = compiledForms(lng).map((c) => ({ c, args: c.expression.match(text) })).filter((h) => h.args !== null);
  if (hits.length === 0 || hits.some((h) => fits(h.c.form, allowed))) return undefined;
  const first = hits[0];
  if (!first) return undefined;
  const values = (first.args ?? []).map((a) => a.group.value ?? '');
  const wanted = wantedClause(keywordType, stepType);
  const target = (formsOf(lng).get(first.c.id) ?? []).find((f) => f.clause === wanted) ?? (formsOf(lng).get(first.c.id) ?? []).find((f) => fits(f, allowed));
  const example = target ? rewrite(target, values) : '';
  return say(lng, `grammar.${wanted === 'any' ? 'main' : wanted}`, { keyword: keyword.trim(), example });
}
