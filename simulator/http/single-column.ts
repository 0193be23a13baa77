import type { EntityDef, FieldDef } from '../schema.js';

/**
 * What a path segment after a record names (`accounts(<id>)/name`): one of its columns, or a single-valued
 * navigation property (a lookup). Columns of a lookup are its `_x_value` property (read only through this path:
 * lookups are written with `@odata.bind`).
 */
export type Column =
  | { readonly kind: 'value'; readonly prop: string; readonly field: string; readonly def: FieldDef }
  | { readonly kind: 'navigation'; readonly field: string; readonly def: FieldDef };

const LOOKUP_VALUE = /^_(.+)_value$/;

export function columnOf(def: EntityDef, name: string): Column | undefined {
  if (Object.hasOwn(def.fields, name)) {
    const f = def.fields[name] as FieldDef;
    return f.type === 'lookup' ? { kind: 'navigation', field: name, def: f } : { kind: 'value', prop: name, field: name, def: f };
  }
  const lookup = LOOKUP_VALUE.exec(name)?.[1];
  const f = lookup !== undefined && Object.hasOwn(def.fields, lookup) ? def.fields[lookup] : undefined;
  return f?.type === 'lookup' && lookup !== undefined ? { kind: 'value', prop: name, field: lookup, def: f } : undefined;
}

/** A segment that can name a column or navigation property (a bound action is namespace-qualified: has a dot). */
export const isColumnSegment = (segment: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment);

/**
 * The raw value of a column for `/$value` (OData Part 1 §11.2.4.1, "Requesting a Property's Raw Value using
 * $value"): its text without JSON quoting; money and decimals as stored (exact decimal text).
 */
export const rawValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
