import type { Clause, Form } from './forms.js';
import type { Lang } from './labels.js';

/**
 * Which clause forms a Gherkin keyword takes, per language. German and Dutch put the verb last after a
 * subordinating "Wenn"/"Als"/"Wanneer", first after a fronted "Dann"/"Dan", and second (subject first) after
 * "Angenommen"/"Gegeben sei"/"Stel"/"Gegeven" and "Und"/"En"; a step after "Und"/"Aber"/"En"/"Maar" may also
 * continue the clause of the keyword it follows. English word order does not change, so English allows all.
 * convention: grammar of German and Dutch; cucumber matches text only, so this check runs before each step
 * (authoring.hooks.ts) and in the step check (scripts/check-steps.ts).
 */
export type KeywordType = 'Context' | 'Action' | 'Outcome' | 'Conjunction' | 'Unknown';
export type StepType = 'Context' | 'Action' | 'Outcome' | 'Unknown';

const OWN: Record<'Context' | 'Action' | 'Outcome', Clause> = { Context: 'main', Action: 'sub', Outcome: 'inv' };

/** The clause types allowed for a keyword; undefined: any. `stepType` is the type the keyword continues (pickle step type). */
export function allowedClauses(lng: Lang, keyword: KeywordType, stepType: StepType): ReadonlySet<Clause> | undefined {
  if (lng === 'en' || keyword === 'Unknown') return undefined;
  if (keyword === 'Conjunction') return stepType === 'Unknown' ? undefined : new Set<Clause>(['main', OWN[stepType]]);
  return new Set<Clause>([OWN[keyword]]);
}

/** A form fits a keyword when it has no clause type or one the keyword allows. */
export const fits = (form: Form, allowed: ReadonlySet<Clause> | undefined): boolean =>
  form.clause === 'any' || !allowed || allowed.has(form.clause) || (form.also ?? []).some((c) => allowed.has(c));

/** The clause a keyword wants (for the message): its own, or what it continues. */
export function wantedClause(keyword: KeywordType, stepType: StepType): Clause {
  if (keyword === 'Context' || keyword === 'Action' || keyword === 'Outcome') return OWN[keyword];
  if (keyword === 'Conjunction' && stepType !== 'Unknown') return OWN[stepType];
  return 'main';
}
