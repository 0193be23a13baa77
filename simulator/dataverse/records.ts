import type { Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import { type Ctx, insert, must, patch, refuse } from '../domain/context.js';
import { SimError } from '../errors.js';
import { checkGenericWrite, hooksOf } from './entity-hooks.js';

/**
 * Generic Dataverse writes (create, update, delete of a record) with the business rules each entity has on
 * them (entity-hooks.ts). Values arrive validated by payload.ts; lookups as `_x_value` GUIDs.
 */
export function createRecord(ctx: Ctx, def: EntityDef, values: Record<string, unknown>): Rec {
  checkGenericWrite(def, 'create');
  const pk = def.key[0] as string;
  const id = typeof values[pk] === 'string' ? String(values[pk]) : ctx.newId();
  if (ctx.tx.get(def.logicalName, id)) throw new SimError(412, '0x80040237', 'record.duplicate', { entity: def.logicalName, id });
  const rec: Record<string, unknown> = { ...nulls(def), ...values, [pk]: id };
  hooksOf(def).create?.(ctx, rec);
  // No company is required: Dataverse keeps rows without one; only dual-write leaves them out (company-data.md,
  // "Company striping and bootstrapping"; see dualwrite/runtime.ts).
  return insert(ctx, def.logicalName, id, rec);
}

/** Performance: the null columns of a new record, worked out once per entity (≈150 on an account) and copied. */
const nullTemplates = new WeakMap<EntityDef, Readonly<Record<string, unknown>>>();

function nulls(def: EntityDef): Readonly<Record<string, unknown>> {
  let out = nullTemplates.get(def);
  if (out === undefined) {
    const t: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(def.fields)) {
      const prop = f.type === 'lookup' ? `_${name}_value` : name;
      if ((!f.readOnly || f.type === 'lookup') && prop !== 'createdon') t[prop] = null;
    }
    nullTemplates.set(def, (out = Object.freeze(t)));
  }
  return out;
}

export function updateRecord(ctx: Ctx, def: EntityDef, id: string, values: Record<string, unknown>): Rec {
  const old = must(ctx, def.logicalName, id);
  checkGenericWrite(def, 'update', Object.keys(values));
  if (def.companySpecific && '_msdyn_company_value' in values && values._msdyn_company_value !== old._msdyn_company_value) {
    throw refuse('rule.company-read-only', 'record.companyReadOnly', { entity: def.logicalName }); // company-data.md: read-only after save
  }
  const handled = hooksOf(def).update?.(ctx, id, values, old);
  if (handled) return handled;
  return patch(ctx, def.logicalName, id, values);
}

export function deleteRecord(ctx: Ctx, def: EntityDef, id: string): void {
  must(ctx, def.logicalName, id);
  checkGenericWrite(def, 'delete');
  if (hooksOf(def).delete?.(ctx, id)) return;
  ctx.tx.del(def.logicalName, id);
}
