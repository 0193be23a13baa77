/** Shared types of the terminology checker: glossary shape, findings, reports. */
export type Lng = 'en' | 'de' | 'nl';
export const LANGUAGES: readonly Lng[] = ['en', 'de', 'nl'];
export const isLng = (s: string): s is Lng => (LANGUAGES as readonly string[]).includes(s);

export interface Variant { readonly term: string; readonly source: string; readonly note?: string }
export interface Rejected {
  readonly term: string;
  readonly reason: string;
  readonly source?: string;
  /** Regex (case-insensitive): the term is rejected only in text matching it (e.g. "Uhrzeit" only about transaction classes). */
  readonly onlyWhen?: string;
}
export interface LangTerms {
  readonly preferred: string;
  readonly source: string;
  /** Inflected forms (plural, case) of the preferred term; same spelling family. */
  readonly forms?: readonly string[];
  readonly variants?: readonly Variant[];
  readonly rejected?: readonly Rejected[];
  /** "chosen, no localized source" when no Microsoft text exists for this language. */
  readonly status?: string;
  readonly reasoning?: string;
}
export interface LabelException { readonly key: string; readonly lng: Lng; readonly reason: string }
export interface Concept {
  readonly id: string;
  readonly origin?: string;
  /** Resource keys ("labels:maps.pi_v2") whose value must be the preferred term. */
  readonly labels: readonly string[];
  readonly terms: Readonly<Record<Lng, LangTerms>>;
  readonly labelExceptions?: readonly LabelException[];
  readonly note?: string;
}
export interface Glossary {
  readonly languages: readonly Lng[];
  readonly sourceLanguage: Lng;
  readonly sources: Readonly<Record<string, string>>;
  readonly concepts: readonly Concept[];
  readonly englishOnly: { readonly words: readonly string[]; readonly flagIn?: Readonly<Record<string, readonly Lng[]>> };
  readonly allow: { readonly terms: readonly string[]; readonly perLanguage?: Partial<Record<Lng, readonly string[]>>; readonly patterns?: readonly string[] };
  readonly otherLanguageIgnore?: Partial<Record<Lng, readonly string[]>>;
}

export type Severity = 'error' | 'warning' | 'info';
export type RuleId =
  | 'glossary'
  | 'key-missing'
  | 'key-extra'
  | 'key-unused'
  | 'label-preferred'
  | 'label-reason'
  | 'rejected-term'
  | 'other-language'
  | 'untranslated-english'
  | 'inconsistent-spelling'
  | 'mixed-variants'
  | 'uses-term'
  | 'uses-variant'
  | 'id-parity'
  | 'step-count'
  | 'step-meaning'
  | 'step-undefined'
  | 'ui-literal';

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly lng?: Lng;
  readonly concept?: string;
  readonly term?: string;
  readonly expected?: string;
  readonly key?: string;
}

export interface Report {
  readonly mode: 'project' | 'documents';
  /** The language of the checked documents when they share one (the report's own words are then in it); else English. */
  readonly lng?: Lng;
  readonly root: string;
  /** What was read, per kind: file paths relative to root. */
  readonly checked: Readonly<Record<string, readonly string[]>>;
  /** Things that could not be checked (missing folders, files) and why. */
  readonly notes: readonly string[];
  readonly findings: readonly Finding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export function summarize(findings: readonly Finding[]): Report['summary'] {
  let errors = 0, warnings = 0, infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
