import { findBy, type IndexField, type Rec, type Tx } from '../store/types.js';
import { SimError } from '../errors.js';
import type { RuleId } from '../rules/index.js';
import { DataverseCode } from '../errors/dataverse.js';
import { Dataverse } from '../errors/dataverse.js';

/**
 * What a domain function works with: a transaction over both sides' tables, the simulated time and an
 * id source. Nothing of HTTP, lowdb or i18next.
 */
export interface Ctx {
  readonly tx: Tx;
  /** ISO 8601 UTC timestamp of the simulated clock. */
  readonly now: string;
  newId(): string;
  /** The rules the transaction applied (see `applied`); absent where nobody listens (tests, processes' own bookkeeping). */
  readonly applied?: RuleId[];
}

export const today = (ctx: Ctx): string => ctx.now.slice(0, 10);

/** Next value of a persisted counter (invoice numbers, vouchers, journals…). */
export function nextNumber(ctx: Ctx, counter: string): number {
  const cur = ctx.tx.get('sim_counter', counter);
  const n = (typeof cur?.value === 'number' ? cur.value : 0) + 1;
  ctx.tx.put('sim_counter', counter, { name: counter, value: n });
  return n;
}

export const pad = (n: number, width = 5): string => String(n).padStart(width, '0');

/** The counter of row versions in `sim_counter`: one for the whole store, both sides. */
export const ROW_VERSION = 'rowversion';

/**
 * The next row version: one increasing number across the organization, as Dataverse's `versionnumber` (a SQL
 * rowversion) is; its ETag is `W/"<versionnumber>"` (perform-conditional-operations-using-web-api.md, "ETags").
 * Kept in the store with the rows, so it survives restarts; every written row of a transaction takes its own.
 */
export const nextRowVersion = (ctx: Ctx): number => nextNumber(ctx, ROW_VERSION);

/** A new record with audit fields. `table` is a Dataverse logical name or a Finance entity name. */
export function insert(ctx: Ctx, table: string, id: string, fields: Record<string, unknown>): Rec {
  const rec = { ...fields, createdon: ctx.now, modifiedon: ctx.now, versionnumber: nextRowVersion(ctx) };
  ctx.tx.put(table, id, rec);
  return rec;
}

/** Replace fields of an existing record; it takes a new row version. */
export function patch(ctx: Ctx, table: string, id: string, changes: Record<string, unknown>): Rec {
  const old = ctx.tx.get(table, id);
  if (!old) throw new Error(`patch of missing ${table}(${id})`);
  const rec = { ...old, ...changes, modifiedon: ctx.now, versionnumber: nextRowVersion(ctx) };
  ctx.tx.put(table, id, rec);
  return rec;
}

/** The record, or a 404 in the Dataverse shape. */
export function must(ctx: Ctx, table: string, id: string): Rec {
  const rec = ctx.tx.get(table, id);
  if (!rec) throw Dataverse.notFound(table, id);
  return rec;
}

export function* where(ctx: Ctx, table: string, pred: (r: Rec) => boolean): Generator<Rec> {
  for (const r of ctx.tx.all(table)) if (pred(r)) yield r;
}

/**
 * `where` narrowed by an indexed equality first (performance): records with `field === value` that pass `pred`;
 * `field` may list several fields, `value` then holds one value per field (store/index-key.ts).
 */
export function* whereEq(ctx: Ctx, table: string, field: IndexField, value: unknown, pred: (r: Rec) => boolean = () => true): Generator<Rec> {
  for (const r of findBy(ctx.tx, table, field, value)) if (pred(r)) yield r;
}

/**
 * Business-rule refusal in the Dataverse shape (plug-in error, HTTP 400), naming the rule of the registry it
 * applies (simulator/rules/) and the message (locales/<lng>/errors.json) it answers with.
 */
export const refuse = (rule: RuleId, key: string, params: Record<string, string | number> = {}): SimError =>
  new SimError(400, DataverseCode.refusal, key, params, undefined, rule);

/**
 * Records that the domain applied a rule that creates records or changes a state (kind `derived` or `state`):
 * the service reports the rules of a transaction with its commit event (`rules`), so the demo can show them.
 */
export function applied(ctx: Ctx, rule: RuleId): void {
  if (ctx.applied && !ctx.applied.includes(rule)) ctx.applied.push(rule);
}
