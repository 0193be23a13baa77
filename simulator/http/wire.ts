import type { Rec, ReadView } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { TFunction } from 'i18next';
import { dataverseByName } from '../dataverse/entities.js';

const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const LOOKUP_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';

export const etagOf = (rec: Rec): string => `W/"${String(rec.versionnumber ?? 0)}"`;

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
  const out: Record<string, unknown> = { '@odata.etag': etagOf(rec) };
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
      const text = formatValue(f.type, f.optionSet, value, opts);
      if (text !== undefined) out[`${prop}@${FORMATTED}`] = text;
    }
    out[prop] = value;
  }
  return out;
}

function primaryNameOf(db: ReadView, logicalName: string, id: string): string | null {
  const def = dataverseByName.get(logicalName);
  const rec = db.get(logicalName, id);
  return def && rec ? String(rec[def.primaryName] ?? '') : null;
}

/** Formatted values in the caller's language: option labels from i18next, numbers and dates with Intl. */
export function formatValue(type: string, optionSet: string | undefined, value: unknown, opts: Pick<WireOptions, 't' | 'lang'>): string | undefined {
  switch (type) {
    case 'option':
      return optionSet ? opts.t(`labels:options.${optionSet}.${String(value)}`) : undefined;
    case 'money':
    case 'decimal':
      return new Intl.NumberFormat(opts.lang, { minimumFractionDigits: 2, maximumFractionDigits: type === 'money' ? 2 : 4 }).format(Number(value));
    case 'int':
      return new Intl.NumberFormat(opts.lang).format(Number(value));
    case 'date':
      return new Intl.DateTimeFormat(opts.lang, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${String(value)}T00:00:00Z`));
    case 'datetime':
      return new Intl.DateTimeFormat(opts.lang, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(String(value)));
    case 'bool':
      return opts.t(`labels:values.${value ? 'yes' : 'no'}`);
    default:
      return undefined;
  }
}

/** A Finance record as its OData endpoint returns it. */
export function financeWire(def: EntityDef, rec: Rec, select?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': etagOf(rec) };
  const keep = select ? new Set([...select, ...def.key]) : undefined;
  for (const name of Object.keys(def.fields)) if (!keep || keep.has(name)) out[name] = rec[name] ?? null;
  return out;
}
