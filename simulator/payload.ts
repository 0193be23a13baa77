import type { EntityDef, FieldDef } from './schema.js';
import { SimError } from './errors.js';
import { isGuid } from './odata/ids.js';

/**
 * Validates a client's JSON body against an entity's fields and returns the values to store. Dataverse
 * lookups arrive as `name@odata.bind` and are stored as `_name_value`; the caller resolves the bound record.
 */
export interface PayloadOptions {
  readonly mode: 'create' | 'update';
  /** Error code for payload errors: Dataverse 0x80048d19, Finance "BadRequest". */
  readonly code: string;
  /** Dataverse only: resolves `/set(id)` to the target's logical name and checks the record exists. */
  readonly resolveBind?: (ref: string, field: string, target: string) => string;
  /** Fields a client may set although read-only in general (e.g. an entity's own key on create). */
  readonly allowReadOnly?: readonly string[];
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Dataverse's own codes for value errors (ce/developer/org-service/web-service-error-codes.md of
 * MicrosoftDocs/dynamics-365-customer-engagement, also powerapps-docs …/reference/web-service-error-codes.md):
 * StringLengthTooLong, IntegerValueOutOfRange, DecimalValueOutOfRange, PicklistValueOutOfRange. Finance keeps
 * its one payload code. convention: money and double ranges answer DecimalValueOutOfRange (the list has no
 * separate code for them).
 */
const DATAVERSE_VALUE_CODES = { tooLong: '0x80044331', intRange: '0x8004432F', decimalRange: '0x80044330', option: '0x8004431A' } as const;
const valueCode = (opts: PayloadOptions, kind: keyof typeof DATAVERSE_VALUE_CODES): string => (opts.code === '0x80048d19' ? DATAVERSE_VALUE_CODES[kind] : opts.code);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

export function readPayload(def: EntityDef, body: unknown, opts: PayloadOptions): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SimError(400, opts.code, 'payload.notObject', { entity: def.logicalName });
  const out: Record<string, unknown> = {};
  const fields: Readonly<Record<string, FieldDef>> = def.fields;
  const { bindNames, required } = shapeOf(def);
  for (const key of Object.keys(body)) {
    const value: unknown = (body as Record<string, unknown>)[key];
    if (key.startsWith('@odata.')) continue; // @odata.type / @odata.etag annotations of the payload itself
    if (FORBIDDEN.has(key)) throw unknown(def, key, opts);
    if (key.endsWith('@odata.bind')) {
      const nav = key.slice(0, -'@odata.bind'.length);
      const field = bindNames.get(nav);
      if (!field || !Object.hasOwn(fields, field) || !opts.resolveBind) throw unknown(def, nav, opts);
      const f = fields[field] as FieldDef;
      checkWritable(def, field, f, opts);
      if (value === null) {
        if (f.required) throw new SimError(400, opts.code, 'payload.required', { property: nav, entity: def.logicalName });
        out[`_${field}_value`] = null;
        continue;
      }
      if (typeof value !== 'string') throw new SimError(400, opts.code, 'payload.badBind', { property: nav, value: JSON.stringify(value) });
      out[`_${field}_value`] = opts.resolveBind(value, nav, String(f.target));
      continue;
    }
    if (!Object.hasOwn(fields, key)) throw unknown(def, key, opts);
    const f = fields[key] as FieldDef;
    if (f.type === 'lookup') throw unknown(def, key, opts); // lookups are only written through @odata.bind
    checkWritable(def, key, f, opts);
    out[key] = checkValue(def, key, f, value, opts);
  }
  if (opts.mode === 'create') {
    for (const [name, stored] of required) {
      if (out[stored] === undefined || out[stored] === null) throw new SimError(400, opts.code, 'payload.required', { property: name, entity: def.logicalName });
    }
  }
  return out;
}

interface PayloadShape {
  /** Lookup fields by the names a bind may use (the field's own and its `bindAs` aliases). */
  readonly bindNames: ReadonlyMap<string, string>;
  /** Required fields in field order: name, and the property it is stored as. */
  readonly required: readonly (readonly [string, string])[];
}

/** Performance: what readPayload needs of an entity's fields, worked out once per entity (≈150 fields on an account). */
const shapes = new WeakMap<EntityDef, PayloadShape>();
function shapeOf(def: EntityDef): PayloadShape {
  let shape = shapes.get(def);
  if (shape === undefined) {
    const bindNames = new Map<string, string>();
    const required: (readonly [string, string])[] = [];
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.type === 'lookup') {
        bindNames.set(name, name);
        for (const alias of f.bindAs ?? []) bindNames.set(alias, name);
      }
      if (f.required) required.push([name, f.type === 'lookup' ? `_${name}_value` : name]);
    }
    shape = { bindNames, required };
    shapes.set(def, shape);
  }
  return shape;
}

function unknown(def: EntityDef, key: string, opts: PayloadOptions): SimError {
  return new SimError(400, opts.code === '0x80048d19' ? '0x80060888' : opts.code, 'payload.unknownProperty', { property: key.slice(0, 100), entity: def.logicalName });
}

/**
 * A column the domain manages (readOnly), one the table reference lists as valid for neither create nor update
 * (computed), or one not valid for this operation (e.g. statecode on create) is refused and nothing changes.
 * convention: the references give no Web API error for such a write; the simulator refuses it as a payload error
 * (0x80048d19) rather than ignoring the value (house rule: refuse, never ignore).
 */
function checkWritable(def: EntityDef, name: string, f: FieldDef, opts: PayloadOptions): void {
  if (opts.allowReadOnly?.includes(name)) return;
  if (f.readOnly || f.notValidFor === opts.mode) throw new SimError(400, opts.code, 'payload.readOnly', { property: name, entity: def.logicalName });
}

function checkValue(def: EntityDef, name: string, f: FieldDef, v: unknown, opts: PayloadOptions): unknown {
  const bad = (expected: string): SimError => new SimError(400, opts.code, 'payload.badValue', { property: name, expected, entity: def.logicalName });
  if (v === null) {
    // A required column can't be set to null, on create or update (update-delete-entities-using-web-api.md,
    // "Basic update": required level; the same for PATCH, PUT and DELETE of the column).
    if (f.required) throw new SimError(400, opts.code, 'payload.required', { property: name, entity: def.logicalName });
    return null;
  }
  switch (f.type) {
    case 'string':
    case 'memo':
      if (typeof v !== 'string') throw bad('Edm.String');
      if (v.length > (f.maxLength ?? (f.type === 'memo' ? 100_000 : 4000))) throw new SimError(400, valueCode(opts, 'tooLong'), 'payload.tooLong', { property: name, max: f.maxLength ?? 4000 });
      if (f.required && v.trim() === '') throw new SimError(400, opts.code, 'payload.required', { property: name, entity: def.logicalName });
      return v;
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 2147483647) throw bad('Edm.Int32');
      checkRange(name, f, v, opts, 'intRange');
      return v;
    case 'decimal':
    case 'money':
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e12) throw bad(f.type === 'money' ? 'Edm.Decimal (money)' : 'Edm.Decimal');
      checkRange(name, f, v, opts, 'decimalRange');
      return v;
    case 'double':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('Edm.Double');
      checkRange(name, f, v, opts, 'decimalRange');
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw bad('Edm.Boolean');
      return v;
    case 'date':
      if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) throw bad('Edm.Date (YYYY-MM-DD)');
      return v;
    case 'datetime':
      if (typeof v !== 'string' || !DATETIME.test(v) || Number.isNaN(Date.parse(v))) throw bad('Edm.DateTimeOffset (ISO 8601)');
      return new Date(v).toISOString().replace('.000Z', 'Z');
    case 'guid':
      if (!isGuid(v)) throw bad('Edm.Guid');
      return v.toLowerCase();
    case 'option':
      if (typeof v !== 'number' && typeof v !== 'string') throw bad('Edm.Int32 (option)');
      if (f.options && !f.options.includes(v)) throw new SimError(400, valueCode(opts, 'option'), 'payload.badOption', { property: name, value: String(v) });
      return v;
    default:
      throw bad(f.type);
  }
}

/** The documented MinValue/MaxValue of a number column (from the catalogue). */
function checkRange(name: string, f: FieldDef, v: number, opts: PayloadOptions, kind: 'intRange' | 'decimalRange'): void {
  if ((f.minValue !== undefined && v < f.minValue) || (f.maxValue !== undefined && v > f.maxValue)) {
    throw new SimError(400, valueCode(opts, kind), 'payload.outOfRange', { property: name, min: String(f.minValue ?? ''), max: String(f.maxValue ?? '') });
  }
}
