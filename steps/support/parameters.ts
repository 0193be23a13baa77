import { readFileSync } from 'node:fs';
import { defineParameterType } from '@cucumber/cucumber';
import { translator } from '../../simulator/i18n.js';
import { projectPath } from '../../simulator/paths.js';
import { LANGS, type Lang, labelsOf } from './labels.js';
import { numberLikePattern, parseNumber } from './numbers.js';

/**
 * Parameter types built from the localized labels. Cucumber's parameter types are global, so every
 * (type, language) pair has its own name, `<type>_<lng>`; a phrase in `locales/<lng>/steps.json` writes
 * `{type}` and registration rewrites it to `{type_<lng>}` (phrases.ts). Each type resolves a label to its id.
 */
export interface LabelType {
  /** Name used in phrases, e.g. `status`. */
  readonly name: string;
  /** labels subtree, e.g. `options.msdyn_projectinvoicestatus`. */
  readonly path: string;
  /** Converts the key of the subtree to the value steps use (option values are numbers). */
  readonly value?: (key: string) => unknown;
}

const optionValue = (key: string): number => Number(key);

export const labelTypes: readonly LabelType[] = [
  { name: 'role', path: 'roles' },
  { name: 'entity', path: 'entities' },
  { name: 'map', path: 'maps' },
  { name: 'process', path: 'processes' },
  { name: 'status', path: 'options.msdyn_projectinvoicestatus', value: optionValue },
  { name: 'billingtype', path: 'options.msdyn_billingtype', value: optionValue },
  { name: 'billingstatus', path: 'options.msdyn_billingstatus', value: optionValue },
  { name: 'adjustmentstatus', path: 'options.msdyn_adjustmentstatus', value: optionValue },
  { name: 'milestonestatus', path: 'options.msdyn_invoicestatus', value: optionValue },
  { name: 'mapstate', path: 'options.mapState' },
  { name: 'field', path: 'fields.msdyn_actual' },
  { name: 'yesno', path: 'values', value: (key) => key === 'yes' },
];

/** Names a phrase may use in braces besides cucumber's built-ins. */
export const localizedTypes: readonly string[] = [...labelTypes.map((t) => t.name), 'num'];

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase() + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

interface GlossaryTerms { preferred: string; forms?: string[]; variants?: { term: string; source?: string }[]; rejected?: { term: string; source?: string }[] }
interface GlossaryConcept { id: string; labels?: string[]; terms: Partial<Record<Lang, GlossaryTerms>> }
let glossaryConcepts: GlossaryConcept[] | undefined;

/**
 * Other documented forms of a label, from locales/glossary.json (the concept that links `labels:<path>.<key>`):
 * its forms, its variants, and rejected terms that a Microsoft page uses (they have a source), e.g. the German
 * map name "Project Operations Integrationsistwerte (msdyn_actuals)" or the Dutch "Formulieropslag importeren".
 * A writer who copies a term from Microsoft's page gets a working step; the terminology check reports the term.
 */
export function documentedForms(lng: Lang, path: string): Map<string, string[]> {
  glossaryConcepts ??= (JSON.parse(readFileSync(projectPath('locales', 'glossary.json'), 'utf8')) as { concepts: GlossaryConcept[] }).concepts;
  const out = new Map<string, string[]>();
  for (const c of glossaryConcepts) {
    const t = c.terms[lng];
    if (!t) continue;
    const documented = [...(t.forms ?? []), ...(t.variants ?? []).map((v) => v.term), ...(t.rejected ?? []).filter((r) => r.source).map((r) => r.term)];
    for (const link of c.labels ?? []) {
      const m = /^labels:(.+)$/.exec(link);
      const rest = m?.[1]?.startsWith(`${path}.`) ? m[1].slice(path.length + 1).replace(/\.(one|other)$/, '') : undefined;
      if (!rest || rest.includes('.')) continue;
      out.set(rest, [...(out.get(rest) ?? []), ...documented]);
    }
  }
  return out;
}

/** Label (in any capitalization of its first letter) → id, for one type and language; the labels first, then documented forms. */
export function lookupTable(type: LabelType, lng: Lang): Map<string, unknown> {
  const table = new Map<string, unknown>();
  const add = (key: string, labels: readonly string[]): void => {
    for (const l of labels) {
      for (const variant of [l, lowerFirst(l), upperFirst(l)]) if (!table.has(variant)) table.set(variant, type.value ? type.value(key) : key);
    }
  };
  const own = labelsOf(lng, type.path);
  for (const [key, labels] of own) add(key, labels);
  for (const [key, forms] of documentedForms(lng, type.path)) if (own.has(key)) add(key, forms);
  return table;
}

/** One regex of all labels, longest first so that "Actuals staging" wins over "Actuals". */
export function labelPattern(table: Map<string, unknown>): string {
  return `(?:${[...table.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})`;
}

/** Resolves a label the way the parameter type does; for table cells and Examples. */
export function resolveLabel(typeName: string, lng: Lang, text: string): unknown {
  const type = labelTypes.find((t) => t.name === typeName);
  if (!type) throw new Error(`internal: no label type ${typeName}`);
  return resolveIn(type, lng, text);
}

/** Resolves a label of any labels subtree, e.g. `options.msdyn_transactiontypecode`. */
export function resolvePath(path: string, lng: Lang, text: string, value?: (key: string) => unknown): unknown {
  return resolveIn({ name: path, path, value }, lng, text);
}

function resolveIn(type: LabelType, lng: Lang, text: string): unknown {
  const table = lookupTable(type, lng);
  if (!table.has(text.trim())) throw new Error(translator(lng)('authoring:label.unknown', { text, labels: [...labelsOf(lng, type.path).values()].flat().map((l) => `"${l}"`).join(', ') }));
  return table.get(text.trim());
}

export const typeName = (name: string, lng: Lang): string => `${name}_${lng}`;

export interface ParameterTypeSpec {
  readonly name: string;
  readonly regexp: RegExp;
  readonly transformer: (s: string) => unknown;
}

/** The parameter types of a language: one per label type, plus numbers (for cucumber, and for scripts/check-steps.ts). */
export function parameterTypesFor(lng: Lang): ParameterTypeSpec[] {
  const out: ParameterTypeSpec[] = labelTypes.map((type) => {
    const table = lookupTable(type, lng);
    return { name: typeName(type.name, lng), regexp: new RegExp(labelPattern(table)), transformer: (s: string) => table.get(s) };
  });
  out.push({ name: typeName('num', lng), regexp: new RegExp(numberLikePattern), transformer: (s: string) => parseNumber(s, lng) });
  return out;
}

let defined = false;
export function defineParameterTypes(): void {
  if (defined) return;
  defined = true;
  for (const lng of LANGS) for (const p of parameterTypesFor(lng)) defineParameterType({ ...p, useForSnippets: false });
}
