/**
 * Checks the step library against the features, per language, without running anything:
 * every step id has a body and a phrase in every language, phrases compile and take the same parameters in the
 * same order, every feature step matches exactly one step of its language in the word order its keyword takes,
 * every step id is used in every language, the same @id scenarios exist in every language with the same number of
 * steps, and @doc tags name rules of the registry (simulator/rules/). Exit 1 on any problem.
 * Problems of a feature or of a language's phrases come in that language, with the closest phrases for a step that
 * matches none; `--lang de` checks one language's features and says everything in it.
 */
import { formsOf, firstPhrase } from '../steps/support/forms.js';
import { allowedClauses, type KeywordType, type StepType } from '../steps/support/grammar.js';
import { grammarProblem, synthesize, undefinedHelp } from '../steps/support/help.js';
import { LANGS, type Lang } from '../steps/support/labels.js';
import { translator } from '../simulator/i18n.js';
import { allPickles, loadPickles, tagValues } from './lib/features.js';
import { ruleById } from '../simulator/rules/index.js';
import { compilePhrases, parametersOf, stepIdsWithBody } from './lib/expressions.js';

const problems: string[] = [];
/** `--lang de`: check the features of one language and report in it (problems of the shared library stay in English). */
const langArg = process.argv[process.argv.indexOf('--lang') + 1];
const only: Lang | undefined = process.argv.includes('--lang') && LANGS.find((l) => l === langArg) ? (langArg as Lang) : undefined;
/** A problem of a feature, in that feature's language (authoring:stepcheck.*); technical names are interpolated. */
const say = (lng: Lang, key: string, values: Record<string, string | number>): string => translator(lng)(`authoring:stepcheck.${key}`, values);
const bodies = stepIdsWithBody();
const forms = new Map(LANGS.map((l) => [l, formsOf(l)]));
const phraseIds = new Set(LANGS.flatMap((l) => [...(forms.get(l)?.keys() ?? [])]));

for (const id of bodies.keys()) for (const l of LANGS) if (!forms.get(l)?.get(id)?.length) problems.push(say(l, 'missingPhrase', { id, file: `locales/${l}/steps.json` }));
for (const id of phraseIds) if (!bodies.has(id)) problems.push(`phrase without a step body: ${id}`);
for (const id of bodies.keys()) {
  const en = parametersOf(firstPhrase(forms.get('en')?.get(id) ?? [])).join(',');
  for (const l of LANGS) for (const f of forms.get(l)?.get(id) ?? []) {
    const p = parametersOf(f.phrase).join(',');
    if (p !== en) problems.push(say(l, 'parametersDiffer', { id, en, mine: p, phrase: f.phrase }));
  }
}

const packs = only ? [loadPickles(only)] : allPickles();
const scenariosById = new Map<string, Map<string, number[]>>();
for (const { lang, pickles, keywords } of packs) {
  const compiled = compilePhrases(lang);
  for (const c of compiled) if (c.error) problems.push(say(lang, 'compile', { id: c.id, error: c.error }));
  // Forms of a step must not overlap: cucumber would call a text that two of them match ambiguous.
  for (const c of compiled) {
    for (const variant of [c.phrase.replace(/\(([^)]*)\)/g, ''), c.phrase.replace(/\(([^)]*)\)/g, '$1')]) {
      const text = synthesize(variant, lang);
      const others = compiled.filter((o) => o !== c && o.expression?.match(text));
      if (others.length) problems.push(say(lang, 'overlap', { text, phrases: [`${c.id}: ${c.phrase}`, ...others.map((o) => `${o.id}: ${o.phrase}`)].join(' | ') }));
    }
  }
  const used = new Set<string>();
  for (const p of pickles) {
    const ids = tagValues(p, 'id');
    if (ids.length !== 1) problems.push(say(lang, 'idTag', { where: p.uri, name: p.name, tag: '@id', n: ids.length }));
    for (const doc of tagValues(p, 'doc')) if (!ruleById.has(doc)) problems.push(say(lang, 'docTag', { where: p.uri, tag: `@doc:${doc}`, file: 'simulator/rules/' }));
    const id = ids[0] ?? p.name;
    const byLang = scenariosById.get(id) ?? new Map<string, number[]>();
    byLang.set(lang, [...(byLang.get(lang) ?? []), p.steps.length]);
    scenariosById.set(id, byLang);
    for (const s of p.steps) {
      const kw = keywords.get(s.astNodeIds[0] ?? '');
      const where = `${p.uri}:${kw?.line ?? '?'}`;
      const hits = compiled.filter((c) => c.expression?.match(s.text));
      const hitIds = [...new Set(hits.map((h) => h.id))];
      const allowed = kw ? allowedClauses(lang, kw.keywordType as KeywordType, (s.type ?? 'Unknown') as StepType) : undefined;
      if (hitIds.length === 0) problems.push(`${where}\n${undefinedHelp(lang, s.text, kw?.keyword ?? '', allowed)}`);
      else if (hits.length > 1) problems.push(say(lang, 'ambiguous', { where, text: s.text, phrases: hits.map((h) => `${h.id}: ${h.phrase}`).join(' | ') }));
      else if (kw) {
        const wrong = grammarProblem(lang, s.text, kw.keyword, kw.keywordType as KeywordType, (s.type ?? 'Unknown') as StepType);
        if (wrong) problems.push(`${where}: ${kw.keyword.trim()} ${s.text}\n  ${wrong}`);
      }
      for (const h of hitIds) used.add(h);
    }
  }
  for (const id of bodies.keys()) if (!used.has(id)) problems.push(say(lang, 'unused', { id, folder: `features/${lang}` }));
}

for (const [id, byLang] of scenariosById) {
  const en = JSON.stringify(byLang.get('en'));
  for (const l of only ? [only] : LANGS) {
    const counts = (lng: Lang): string => (byLang.get(lng) ?? []).join(', ');
    if (!byLang.has(l)) problems.push(say(l, 'missing', { id: `@id:${id}`, folder: `features/${l}` }));
    else if (!only && byLang.has('en') && JSON.stringify(byLang.get(l)) !== en) problems.push(say(l, 'stepsDiffer', { id: `@id:${id}`, folder: `features/${l}`, counts: counts(l), source: 'features/en', en: counts('en') }));
  }
}

const counts = packs.map((p) => `${p.lang} ${p.pickles.length}`).join(', ');
// the summary in the checked language (--lang), else English: the run spans the three
const lng: Lang = only ?? 'en';
if (problems.length) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'));
  console.error(say(lng, 'failed', { n: problems.length, steps: bodies.size, scenarios: counts }));
  process.exit(1);
}
console.log(say(lng, only ? 'okOne' : 'ok', { steps: bodies.size, languages: LANGS.join(', '), scenarios: counts, ids: scenariosById.size }));
