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

/** A Dataverse record as the Web API returns it: `@odata.etag`, properties, optional formatted values. */
export function dataverseWire(def: EntityDef, rec: Rec, opts: WireOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': recordEtag(rec) };
  const keep = opts.select ? new Set([...opts.select, ...def.key]) : undefined;
  const formatted = opts.annotations?.(FORMATTED) ?? false;
  const lookupNames = opts.annotations?.(LOOKUP_NAME) ?? false;
  for (const [name, f] of Object.entries(def.fields)) {
    if (name === 'versionnumber') {
      if (!keep || keep.has(name)) out.versionnumber = rec.versionnumber ?? null;
      continue;
    }
    const prop = f.type === 'lookup' ? `_${name}_value` : name;
    if (keep && !keep.has(prop)) continue;
    const value = rec[prop] ?? null;
    if (f.type === 'lookup' && value !== null) {
      if (formatted) out[`${prop}@${FORMATTED}`] = primaryNameOf(opts.db, String(f.target), String(value));
      if (lookupNames) out[`${prop}@${LOOKUP_NAME}`] = f.target;
    } else if (formatted && value !== null) {
      const text = formatValue(f.type, f.optionSet, value, opts, f.optionLabels);
      if (text !== undefined) out[`${prop}@${FORMATTED}`] = text;
    }
    out[prop] = value;
  }
  return out;
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
