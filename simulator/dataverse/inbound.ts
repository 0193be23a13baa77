import type { Rec } from '../store/types.js';
import { type Ctx, insert, patch, whereEq } from '../domain/context.js';

/**
 * What Dataverse does with values dual-write brings from Finance: legal entities become `cdm_companies`
 * rows, and posting writes the accounting details back onto actuals (fields read-only to clients).
 */
export function receiveFromFinance(ctx: Ctx, entity: string, keyField: string, keyValue: unknown, values: Record<string, unknown>, create: boolean): Rec | undefined {
  const pk = `${entity}id`;
  let existing: Rec | undefined;
  if (keyField === pk) existing = ctx.tx.get(entity, String(keyValue));
  else for (const r of whereEq(ctx, entity, keyField, keyValue)) { existing = r; break; } // indexed: the table may be large
  if (existing) {
    const changed = Object.entries(values).some(([k, v]) => existing?.[k] !== v);
    return changed ? patch(ctx, entity, String(existing[pk]), values) : existing;
  }
  if (!create) return undefined;
  const id = ctx.newId();
  return insert(ctx, entity, id, { [pk]: id, [keyField]: keyValue, ...values });
}
