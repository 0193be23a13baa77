/**
 * What a secondary index is keyed by: one field (`'_msdyn_salescontract_value'`), or several at once
 * (`['_msdyn_salescontract_value', 'msdyn_billingstatus']`, looked up with one value per field). A composite
 * index answers a conjunction of equalities without visiting the records that match only the first field, so a
 * lookup costs what it finds, not the history behind it (bench/README.md: the backlog of a contract).
 */
import type { Rec } from './types.js';

export type IndexField = string | readonly string[];

/**
 * One value of a composite key: strings JSON-quoted, so no string can collide with a number, boolean, null or
 * a missing field ('u'), and the joined key splits back unambiguously. Meant for the scalar columns records hold;
 * other values compare by their JSON text.
 */
const part = (v: unknown): string => (v === undefined ? 'u' : typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v) : `j${JSON.stringify(v)}`);

/** The name under which an index is kept: the field itself, or the fields joined (no field name holds '\u0000'). */
export const indexName = (field: IndexField): string => (typeof field === 'string' ? field : `\u0000${field.join('\u0000')}`);

/** The key of `rec` in the index of `field`. */
export function keyOfRec(rec: Rec, field: IndexField): unknown {
  if (typeof field === 'string') return rec[field];
  let k = '';
  for (let i = 0; i < field.length; i++) k += (i ? ',' : '') + part(rec[field[i] as string]);
  return k;
}

/** The key looked up for `value` (for a composite index: one value per field, in the same order). */
export function keyOfValue(field: IndexField, value: unknown): unknown {
  if (typeof field === 'string') return value;
  if (!Array.isArray(value) || value.length !== field.length) throw new TypeError(`store: a lookup on ${field.join(' + ')} takes ${field.length} values`);
  return value.map(part).join(',');
}

/** Whether `rec` has `value` in `field` (`===` per field). */
export function matches(rec: Rec, field: IndexField, value: unknown): boolean {
  if (typeof field === 'string') return rec[field] === value;
  const values = value as readonly unknown[];
  for (let i = 0; i < field.length; i++) if (rec[field[i] as string] !== values[i]) return false;
  return true;
}
