import type { Rec, ReadView } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { TFunction } from 'i18next';
import { dataverseByName } from '../dataverse/entities.js';
import { etagOf } from '../odata/etag.js';

export const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
export const LOOKUP_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';

/** The ETag of a stored record (its version number). */
export const recordEtag = (rec: Rec): string => etagOf(String(rec.versionnumber ?? 0));

export interface WireOptions {
  /** Properties to keep (OData `$select`); keys are always kept. */
  readonly select?: readonly string[];
  /** Annotations the client asked for (`Prefer: odata.include-annotations`). */
  readonly annotations?: (name: string) => boolean;
  readonly t: TFunction;
  readonly lang: string;
  readonly db: ReadView;
}

/** One column of an entity as the wire writes it: its property name and that name's JSON text, worked out once. */
interface WireColumn {
  readonly name: string;
  readonly prop: string;
  readonly f: EntityDef['fields'][string];
  /** `,"prop":` */
  readonly keyText: string;
}

/** Performance: the columns of an entity in wire order, built once per entity (not per record). */
const plans = new WeakMap<EntityDef, readonly WireColumn[]>();
function planOf(def: EntityDef): readonly WireColumn[] {
  let plan = plans.get(def);
  if (plan === undefined) {
    plan = Object.entries(def.fields).map(([name, f]) => {
      const prop = f.type === 'lookup' && name !== 'versionnumber' ? `_${name}_value` : name;
      return { name, prop, f, keyText: `,${JSON.stringify(prop)}:` };
    });
    plans.set(def, plan);
  }
  return plan;
}

/**
 * Walks a Dataverse record as the Web API returns it, handing each member (name, value) to `put` in order:
 * `@odata.etag`, then every column of the entity (all of them without `$select`: null-valued ones too, as the
 * Web API answers; webapi/query/select-columns.md), with formatted values and lookup names when asked for.
 */
function walkWire(def: EntityDef, rec: Rec, opts: WireOptions, put: (name: string, value: unknown, column?: WireColumn) => void): void {
  put('@odata.etag', recordEtag(rec));
  const keep = opts.select ? new Set([...opts.select, ...def.key]) : undefined;
  const formatted = opts.annotations?.(FORMATTED) ?? false;
  const lookupNames = opts.annotations?.(LOOKUP_NAME) ?? false;
  for (const c of planOf(def)) {
    const { name, prop, f } = c;
    if (name === 'versionnumber') {
      if (!keep || keep.has(name)) put('versionnumber', rec.versionnumber ?? null, c);
      continue;
    }
    if (keep && !keep.has(prop)) continue;
    const value = rec[prop] ?? null;
    if (f.type === 'lookup' && value !== null) {
      if (formatted) put(`${prop}@${FORMATTED}`, primaryNameOf(opts.db, String(f.target), String(value)));
      if (lookupNames) put(`${prop}@${LOOKUP_NAME}`, f.target);
    } else if (formatted && value !== null) {
      const text = formatValue(f.type, f.optionSet, value, opts, f.optionLabels);
      if (text !== undefined) put(`${prop}@${FORMATTED}`, text);
    }
    put(prop, value, c);
  }
}

/** A Dataverse record as the Web API returns it: `@odata.etag`, properties, optional formatted values. */
export function dataverseWire(def: EntityDef, rec: Rec, opts: WireOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  walkWire(def, rec, opts, (name, value) => { out[name] = value; });
  return out;
}

/**
 * The same record as JSON text: the members of `dataverseWire`'s object, without the braces (`"@odata.etag":…,…`),
 * exactly as `JSON.stringify` writes them. Performance: a wide record (≈150 columns on an account) is written
 * straight to text, without building the object and copying it into the response body first.
 */
export function dataverseWireText(def: EntityDef, rec: Rec, opts: WireOptions): string {
  let text = '';
  walkWire(def, rec, opts, (name, value, column) => {
    if (value === undefined) return; // as JSON.stringify leaves out an undefined member
    text += `${column ? column.keyText : `,${JSON.stringify(name)}:`}${jsonOf(value)}`;
  });
  return text.slice(1);
}

/** A string JSON.stringify writes as it is, between quotes: no quote, backslash, control character or surrogate. */
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** `JSON.stringify(value)` of a column's value. Performance: strings without escapes and numbers without the call. */
function jsonOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

export function primaryNameOf(db: ReadView, logicalName: string, id: string): string | null {
  const def = dataverseByName.get(logicalName);
  const rec = db.get(logicalName, id);
  return def && rec ? String(rec[def.primaryName] ?? '') : null;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per language and kind, kept: building one costs far more than using it. */
function numberFormat(lang: string, kind: 'money' | 'decimal' | 'int'): Intl.NumberFormat {
  const key = `${lang}|${kind}`;
  let f = numberFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang, kind === 'int' ? {} : { minimumFractionDigits: 2, maximumFractionDigits: kind === 'money' ? 2 : 4 });
    numberFormats.set(key, f);
  }
  return f;
}

function dateFormat(lang: string, kind: 'date' | 'datetime'): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let f = dateFormats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'medium', ...(kind === 'datetime' ? { timeStyle: 'short' } : {}) });
    dateFormats.set(key, f);
  }
  return f;
}

/** Formatted values in the caller's language: option labels from i18next, numbers and dates with Intl. */
export function formatValue(type: string, optionSet: string | undefined, value: unknown, opts: Pick<WireOptions, 't' | 'lang'>, catalogLabels?: Readonly<Record<string, string>>): string | undefined {
  switch (type) {
    case 'option': {
      if (!optionSet) return undefined;
      // convention: an option set of the catalogue that the locales do not label shows the English label of
      // Microsoft's reference in every language (no German or Dutch edition of the references could be read;
      // Dataverse likewise shows the base language's label where a language has none).
      const fallback = catalogLabels?.[String(value)];
      return fallback === undefined ? opts.t(`labels:options.${optionSet}.${String(value)}`) : opts.t(`labels:options.${optionSet}.${String(value)}`, { defaultValue: fallback });
    }
    case 'money':
    case 'decimal':
      // As a decimal string: Intl formats it exactly (no binary floating point on the way).
      return numberFormat(opts.lang, type).format(String(value) as `${number}`);
    case 'int':
      return numberFormat(opts.lang, type).format(Number(value));
    case 'date':
      return dateFormat(opts.lang, type).format(new Date(`${String(value)}T00:00:00Z`));
    case 'datetime':
      return dateFormat(opts.lang, type).format(new Date(String(value)));
    case 'bool':
      return opts.t(`labels:values.${value ? 'yes' : 'no'}`);
    default:
      return undefined;
  }
}

/** A Finance record as its OData endpoint returns it. */
export function financeWire(def: EntityDef, rec: Rec, select?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': recordEtag(rec) };
  const keep = select ? new Set([...select, ...def.key]) : undefined;
  for (const name of Object.keys(def.fields)) if (!keep || keep.has(name)) out[name] = rec[name] ?? null;
  return out;
}
