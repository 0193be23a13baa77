import type { Lang } from './labels.js';
import { i18nLabels } from './labels.js';

/**
 * The forms of a step phrase. In `locales/<lng>/steps.json` a step is either one phrase (any keyword) or the
 * forms German and Dutch need by clause type, e.g. `{ "main": [...], "sub": [...], "inv": [...] }`:
 *   main  subject first, verb second  ("Angenommen / Und der Projektmanager bestätigt die Proforma-Rechnung")
 *   sub   verb last, after Wenn / Als ("Wenn der Projektmanager die Proforma-Rechnung bestätigt (hat)")
 *   inv   verb first, after Dann / Dan ("Dann hat die Proforma-Rechnung den Status …")
 * convention: German and Dutch word order (verb-second main clause, verb-final subordinate clause after
 * "wenn"/"als", inversion after a fronted "dann"/"dan"); cucumber itself matches text only, so the keyword
 * check lives in grammar.ts.
 */
export type Clause = 'any' | 'main' | 'sub' | 'inv';
export const CLAUSES: readonly Clause[] = ['main', 'sub', 'inv'];

export interface Form {
  readonly phrase: string;
  readonly clause: Clause;
  /** Further clause types the same words serve ("main|sub": Dutch "wordt uitgevoerd" is both orders). */
  readonly also?: readonly Clause[];
}

type Raw = string | readonly string[] | Partial<Record<string, string | readonly string[]>>;

const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

export function formsOfRaw(raw: unknown): Form[] {
  const r = raw as Raw;
  if (typeof r === 'string' || Array.isArray(r)) return list(r as string | readonly string[]).map((phrase) => ({ phrase, clause: 'any' }));
  if (r && typeof r === 'object') {
    // keys: "main", "sub", "inv", or several joined by "|" when the words are the same in both orders
    return Object.entries(r as Partial<Record<string, string | readonly string[]>>).flatMap(([key, v]) => {
      const [clause, ...also] = key.split('|').filter((k): k is Exclude<Clause, 'any'> => (CLAUSES as readonly string[]).includes(k));
      return clause ? list(v).map((phrase) => ({ phrase, clause, ...(also.length ? { also } : {}) })) : [];
    });
  }
  return [];
}

/** Step id → its forms, for one language. */
export function formsOf(lng: Lang): Map<string, Form[]> {
  const bundle = i18nLabels().getResourceBundle(lng, 'steps') as Record<string, unknown>;
  return new Map(Object.entries(bundle).filter(([id]) => !id.startsWith('$')).map(([id, raw]) => [id, formsOfRaw(raw)]));
}

/** The phrase shown first (listings, parameter comparison): the main-clause form, else the first. */
export const firstPhrase = (forms: readonly Form[]): string => (forms.find((f) => f.clause === 'main') ?? forms[0])?.phrase ?? '';
