import { findBy, type Op, type Rec, type ReadView } from '../store/types.js';
import { type Ctx, applied, insert, nextNumber, patch, refuse } from '../domain/context.js';
import { SimError } from '../errors.js';
import { receiveFromDataverse } from '../finance/inbound.js';
import { receiveFromFinance } from '../dataverse/inbound.js';
import { isEditable } from '../dataverse/invoice-builders.js';
import { type FieldPair, type MapId, type MapState, type TableMap, SyncDirection, mapById, mapsOfTable, stateCode, tableMaps } from './maps.js';
import { checkPauseLimits, recordBytes } from './queue-limits.js';
import { transforms, valueMapped } from './transforms.js';
import { DataverseCode } from '../errors/dataverse.js';

/**
 * The dual-write runtime: the only code that touches both sides. Live sync runs inside the transaction of the
 * change that caused it, so a refusal on the other side rolls everything back (dual-write-troubleshooting-live-sync.md).
 * A Paused map queues its changes; a Stopped or Not running map syncs nothing.
 */
export interface Faults {
  financeUnavailable: boolean;
  failNext: Partial<Record<MapId, number>>;
  latencyMs: number;
}
export const noFaults = (): Faults => ({ financeUnavailable: false, failNext: {}, latencyMs: 0 });

/** Real-time dual-write of an invoice is limited to 1,000 lines (project-invoice-dual-write-asynchronous.md). */
export const REALTIME_LINE_LIMIT = 1000;

export type Target = 'finance' | 'dataverse';
/** One change on its way to the other side: the target entity and the values in its own terms. */
export interface SyncItem {
  readonly mapId: MapId;
  readonly to: Target;
  readonly entity: string;
  readonly values: Record<string, unknown>;
  /** FO→CE: the Dataverse key field and value that find the target row. */
  readonly key?: { readonly field: string; readonly value: unknown };
  readonly create: boolean;
  readonly source: { readonly table: string; readonly id: string };
}

const filters: Record<NonNullable<TableMap['filter']>, (r: Rec) => boolean> = {
  confirmedInvoices: (r) => !isEditable(r),
  syncedActuals: (r) => r.msdyn_skipsync !== true,
  actualConnections: (r) => r.msdyn_transaction1type === 'msdyn_actual' && r.msdyn_transaction2type === 'msdyn_actual',
  postedProposals: (r) => r.Status === 'Posted',
};
/** Filters on Finance rows (the others read Dataverse rows). */
const FINANCE_FILTERS: ReadonlySet<string> = new Set(['postedProposals']);

/**
 * Only rows that have a company are eligible for dual-write (company-data.md, "Company striping and
 * bootstrapping"): a map that carries the company (as dataAreaId) leaves a row without one where it is.
 */
const carriesCompany = (m: TableMap): boolean => m.companyVia !== undefined || m.fields.some((p) => p.dataverse === '_msdyn_company_value');

/** The company of a row the map carries: its own, or the one of the row its lookups lead to (`companyVia`). */
function companyOf(db: ReadView, m: TableMap, rec: Rec): unknown {
  let row: Rec | undefined = rec;
  for (const hop of m.companyVia ?? []) row = row?.[hop.lookup] ? db.get(hop.table, String(row[hop.lookup])) : undefined;
  return row?._msdyn_company_value;
}

/** A row a map would carry but does not, and why (written to the map's activity log). */
export interface Skipped {
  readonly mapId: MapId;
  readonly reason: 'noCompany';
  readonly source: { readonly table: string; readonly id: string };
}

export function mapState(db: ReadView, id: MapId): MapState {
  return (db.get('dw_map', id)?.state as MapState | undefined) ?? mapById.get(id)?.initialState ?? 'Running';
}

/** Creates the map rows (all Running, as after the Project Operations solution is installed) when missing. */
export function ensureMaps(ctx: Ctx): void {
  for (const m of tableMaps) if (!ctx.tx.get('dw_map', m.id)) insert(ctx, 'dw_map', m.id, { id: m.id, state: m.initialState ?? 'Running', since: ctx.now });
}

export function logActivity(ctx: Ctx, mapId: MapId, event: string, detail: Record<string, string | number> = {}): void {
  const n = nextNumber(ctx, 'dw_log');
  insert(ctx, 'dw_log', String(n), { seq: n, mapId, at: ctx.now, event, detail });
}

export function setMapState(ctx: Ctx, id: MapId, state: MapState): Rec {
  const row = ctx.tx.get('dw_map', id);
  const from = (row?.state as MapState | undefined) ?? 'Running';
  const rec = row ? patch(ctx, 'dw_map', id, { state, since: ctx.now }) : insert(ctx, 'dw_map', id, { id, state, since: ctx.now });
  if (from !== state) logActivity(ctx, id, 'state', { from, to: state });
  return rec;
}

function transform(pair: FieldPair, dir: 'toFinance' | 'toDataverse', value: unknown, db: ReadView): unknown {
  if (pair.transforms) return valueMapped(pair.transforms, dir, value);
  const name = pair.transform;
  if (!name) return value ?? null;
  const t = transforms[name];
  const fn = t?.[dir];
  if (!fn) throw new Error(`transform ${name} has no ${dir}`);
  return fn(value, db);
}

/**
 * Values for the target of a changed source row, or nothing when the map does not carry this row. A row the map
 * would carry but for its missing company goes to `skipped`.
 */
export function itemsFor(db: ReadView, op: Op, skipped?: (s: Skipped) => void): SyncItem[] {
  if (op.t !== 'put') return [];
  const out: SyncItem[] = [];
  for (const m of mapsOfTable(op.table)) {
    const p = plan(m);
    if (op.table === m.dataverse && m.master === 'dataverse') {
      if (p.toFinance.length === 0) continue; // a map that only writes back
      if (m.filter && !FINANCE_FILTERS.has(m.filter) && !filters[m.filter](op.rec)) continue;
      if (p.carriesCompany && !companyOf(db, m, op.rec)) {
        skipped?.({ mapId: m.id, reason: 'noCompany', source: { table: op.table, id: op.id } });
        continue;
      }
      const values: Record<string, unknown> = {};
      for (const f of p.toFinance) values[f.finance] = transform(f, 'toFinance', op.rec[f.dataverse], db);
      out.push({ mapId: m.id, to: 'finance', entity: m.finance, values, create: true, source: { table: op.table, id: op.id } });
    } else if (op.table === m.finance) {
      if (!p.toDataverseAny) continue;
      if (m.filter && FINANCE_FILTERS.has(m.filter) && !filters[m.filter](op.rec)) continue;
      const keyPair = p.keyPair;
      if (!keyPair) continue;
      const values: Record<string, unknown> = {};
      for (const f of p.toDataverse) values[f.dataverse] = transform(f, 'toDataverse', op.rec[f.finance], db);
      out.push({
        mapId: m.id, to: 'dataverse', entity: m.dataverse, values, create: m.master === 'finance',
        key: { field: m.integrationKey.dataverse, value: op.rec[keyPair.finance] }, source: { table: op.table, id: op.id },
      });
    }
  }
  return out;
}

/** What `itemsFor` reads of a map for each row, worked out once per map (performance; a map never changes). */
interface MapPlan {
  /** Pairs written to Finance, in the map's order. */
  readonly toFinance: readonly FieldPair[];
  /** Whether any pair writes to Dataverse; `toDataverse`: those pairs but the integration key, in the map's order. */
  readonly toDataverseAny: boolean;
  readonly toDataverse: readonly FieldPair[];
  readonly keyPair: FieldPair | undefined;
  readonly carriesCompany: boolean;
}
const plans = new WeakMap<TableMap, MapPlan>();
function plan(m: TableMap): MapPlan {
  let p = plans.get(m);
  if (p === undefined) {
    const back = m.fields.filter((f) => f.dir !== SyncDirection.ToFinance);
    p = {
      toFinance: m.fields.filter((f) => f.dir !== SyncDirection.ToDataverse),
      toDataverseAny: back.length > 0,
      toDataverse: back.filter((f) => f.dataverse !== m.integrationKey.dataverse),
      keyPair: m.fields.find((f) => f.dataverse === m.integrationKey.dataverse),
      carriesCompany: carriesCompany(m),
    };
    plans.set(m, p);
  }
  return p;
}

/** Live sync of the changes a domain function made, inside its transaction. */
export function propagate(ctx: Ctx, ops: readonly Op[], faults: Faults): void {
  const skip = (k: Skipped): void => {
    // A stopped map syncs nothing, so it skips nothing either; a running or paused one says what it leaves out.
    const state = mapState(ctx.tx, k.mapId);
    if (state !== 'Stopped' && state !== 'NotRunning') logActivity(ctx, k.mapId, 'skipped', { reason: k.reason, entity: k.source.table, id: k.source.id });
  };
  for (const op of ops) {
    for (const item of itemsFor(ctx.tx, op, skip)) {
      const state = mapState(ctx.tx, item.mapId);
      if (state === 'Running' && isAsync(ctx, item)) {
        enqueueAsync(ctx, item);
      } else if (state === 'Running') {
        checkLimit(ctx, item);
        applied(ctx, 'rule.live-sync-rollback'); // in the same transaction: a refusal over there undoes it all
        apply(ctx, item, faults);
      } else if (state === 'Paused' || state === 'Resuming') {
        applied(ctx, 'rule.map-paused-queue');
        // a paused map queues within its limits; past them the change is blocked (queue-limits.ts)
        if (state === 'Paused') checkPauseLimits(ctx, item.mapId, item);
        enqueue(ctx, item);
      }
      // Stopped / Not running: no sync at all (the cut-over pattern of migrating-invoiced-milestones.md).
      // Initializing: the initial write copies what exists (initial-sync.ts); a change meanwhile is picked up by its
      // re-run (errors-and-alerts.md "Re-running execution for Initial sync": re-running adds new data).
    }
  }
}

/**
 * Invoice integration mode (project-invoice-dual-write-asynchronous.md): 'realtime' syncs invoices in the
 * confirming transaction (at most 1,000 lines); 'async' leaves the proposal, actuals and transaction
 * connection maps to an integration job, in that order: eventually consistent, no line limit.
 */
export type InvoiceIntegration = 'realtime' | 'async';
export const ASYNC_MAPS: readonly MapId[] = ['pi_v2', 'actuals', 'txconn'];

export function invoiceIntegration(db: ReadView): InvoiceIntegration {
  return db.get('sim_meta', 'settings')?.invoiceIntegration === 'async' ? 'async' : 'realtime';
}

const isAsync = (ctx: Ctx, item: SyncItem): boolean => item.to === 'finance' && ASYNC_MAPS.includes(item.mapId) && invoiceIntegration(ctx.tx) === 'async';

function enqueueAsync(ctx: Ctx, item: SyncItem): void {
  const n = nextNumber(ctx, 'dw_async');
  insert(ctx, 'dw_async', String(n), { seq: n, at: ctx.now, ...item, error: null });
}

/** The asynchronous integration job: applies pending invoice syncs, maps in solution order, each record in order. */
export function runAsyncIntegration(ctx: Ctx, faults: Faults): { applied: number; failed: number; errors: { seq: number; error: Record<string, unknown> }[] } {
  const order = new Map(ASYNC_MAPS.map((m, i) => [m, i]));
  const pending = [...ctx.tx.all('dw_async')].sort((a, b) => (order.get(a.mapId as MapId) ?? 9) - (order.get(b.mapId as MapId) ?? 9) || Number(a.seq) - Number(b.seq));
  let applied = 0;
  const errors: { seq: number; error: Record<string, unknown> }[] = [];
  for (const item of pending) {
    if (mapState(ctx.tx, item.mapId as MapId) !== 'Running') continue;
    try {
      apply(ctx, item as unknown as SyncItem, faults);
      ctx.tx.del('dw_async', String(item.seq));
      applied++;
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      const error = errorInfo(e);
      patch(ctx, 'dw_async', String(item.seq), { error });
      errors.push({ seq: Number(item.seq), error });
    }
  }
  return { applied, failed: errors.length, errors };
}

function checkLimit(ctx: Ctx, item: SyncItem): void {
  if (item.mapId !== 'pi_v2' || ctx.tx.get(item.entity, `${String(item.values.dataAreaId)}|${String(item.values.ProposalId)}`)) return;
  const lines = [...findBy(ctx.tx, 'msdyn_invoicelinetransaction', '_msdyn_invoice_value', item.source.id)].length;
  if (lines > REALTIME_LINE_LIMIT) throw refuse('rule.line-limit', 'dualwrite.tooManyLines', { invoice: String(item.values.ProposalId), lines, limit: REALTIME_LINE_LIMIT });
}

function enqueue(ctx: Ctx, item: SyncItem): void {
  const n = nextNumber(ctx, 'dw_queue');
  // its size, kept for the paused map's 1 GB limit (queue-limits.ts) so that the queue is not measured again each time
  insert(ctx, 'dw_queue', String(n), { seq: n, at: ctx.now, ...item, bytes: recordBytes(item) });
}

/** Writes one item into the other side; any refusal becomes the dual-write error the caller sees. */
export function apply(ctx: Ctx, item: SyncItem, faults: Faults): void {
  if (item.to === 'finance' && faults.financeUnavailable) {
    throw new SimError(503, DataverseCode.refusal, 'dualwrite.financeUnavailable', { map: item.mapId });
  }
  const pending = faults.failNext[item.mapId] ?? 0;
  if (pending > 0) {
    faults.failNext[item.mapId] = pending - 1;
    throw new SimError(400, DataverseCode.refusal, 'dualwrite.injectedFailure', { map: item.mapId, entity: item.entity });
  }
  try {
    if (item.to === 'finance') {
      receiveFromDataverse(ctx, item.entity, item.values);
      const rule = mapById.get(item.mapId)?.rule;
      if (rule) applied(ctx, rule);
    } else if (item.key) {
      receiveFromFinance(ctx, item.entity, item.key.field, item.key.value, item.values, item.create);
    }
  } catch (e) {
    // The whole change rolls back (rule.live-sync-rollback); the link names the rule of the other side's refusal, if any.
    if (e instanceof SimError) throw new SimError(400, DataverseCode.refusal, 'dualwrite.writeFailed', { map: item.mapId, entity: item.entity }, e, e.rule ?? 'rule.live-sync-rollback');
    throw e;
  }
}

export const queued = (db: ReadView, mapId?: MapId): Rec[] => [...db.all('dw_queue')].filter((q) => !mapId || q.mapId === mapId);
export const catchUpErrors = (db: ReadView, mapId?: MapId): Rec[] => [...db.all('dw_error')].filter((q) => !mapId || q.mapId === mapId);

/** A table map as its status shows it: what it maps, its state, and how many records wait in its queue and errors. */
export function mapStatus(db: ReadView, m: TableMap): { id: MapId; version: string; dataverse: string; finance: string; state: MapState; stateCode: number; queued: number; errors: number } {
  const state = mapState(db, m.id);
  return { id: m.id, version: m.version, dataverse: m.dataverse, finance: m.finance, state, stateCode: stateCode(state), queued: queued(db, m.id).length, errors: catchUpErrors(db, m.id).length };
}

/** Moves a queued item that failed during catch-up to the catch-up errors (errors-and-alerts.md). */
export function failQueued(ctx: Ctx, q: Rec, error: SimError): void {
  ctx.tx.del('dw_queue', String(q.seq));
  // erroredAt: when the record became a catch-up error, for its 1-day retention (queue-limits.ts); retries keep it
  insert(ctx, 'dw_error', String(q.seq), { ...q, error: errorInfo(error), attempts: 1, failedAt: ctx.now, erroredAt: ctx.now });
  logActivity(ctx, q.mapId as MapId, 'catchUpError', { seq: Number(q.seq) });
}

export function errorInfo(e: SimError): Record<string, unknown> {
  return { code: e.code, key: e.key, params: e.params, inner: e.inner ? errorInfo(e.inner) : null };
}

export const isMapId = (id: string): id is MapId => mapById.has(id as MapId);
