import type { Rec, ReadView } from '../store/types.js';
import { type Ctx, applied, insert, nextNumber } from '../domain/context.js';
import { foEntity, foId } from '../finance/entities.js';
import { SimError } from '../errors.js';
import { Sim } from '../errors/sim.js';
import type { Runner, SimEvent } from '../runner.js';
import { type MapId, mapById } from './maps.js';
import { type Skipped, type SyncItem, apply, errorInfo, itemsFor, logActivity, mapState, setMapState } from './runtime.js';

/**
 * The initial write of a table map (enable-entity-map.md): *Run* takes a map from Not running through Initializing,
 * where the rows that already exist are copied to the other app, to Running. The copy goes from the map's master
 * side (the side that creates its rows; for these maps Dataverse, except the legal entities that Finance owns).
 * Rows that fail are listed on the map's initial sync details and keep it Initializing until the execution is re-run
 * (retrying everything, the failed rows included) or re-run without errors (the failed rows left out), or the initial
 * sync is skipped (errors-and-alerts.md "Re-running execution for Initial sync"). Running it is optional: the Run
 * dialog's Initial sync check box, checked unless cleared.
 */

/** Store id of a row: Dataverse `<table>id`, Finance its key values. */
function rowId(table: string, rec: Rec, dataverse: boolean): string {
  return dataverse ? String(rec[`${table}id`]) : foId(foEntity(table), rec);
}

/** What the initial write of a map copies now: every row of its master side the map carries (filters and company as live sync). */
export function initialItems(db: ReadView, mapId: MapId, skipped?: (s: Skipped) => void): SyncItem[] {
  const m = mapById.get(mapId);
  if (!m) return [];
  const dataverse = m.master === 'dataverse';
  const table = dataverse ? m.dataverse : m.finance;
  const out: SyncItem[] = [];
  for (const rec of db.all(table)) {
    const op = { t: 'put', table, id: rowId(table, rec, dataverse), rec } as const;
    out.push(...itemsFor(db, op, (s) => { if (s.mapId === mapId) skipped?.(s); }).filter((i) => i.mapId === mapId));
  }
  return out;
}

/** The rows whose initial write failed, as the Initial sync details tab lists them. */
export const initialSyncErrors = (db: ReadView, mapId?: MapId): Rec[] => [...db.all('dw_initial')].filter((e) => !mapId || e.mapId === mapId);

export function recordInitialSyncError(ctx: Ctx, item: SyncItem, error: SimError): void {
  applied(ctx, 'rule.initial-sync-errors');
  const n = nextNumber(ctx, 'dw_initial');
  insert(ctx, 'dw_initial', String(n), { seq: n, mapId: item.mapId, at: ctx.now, source: item.source, entity: item.entity, error: errorInfo(error) });
}

export function clearInitialSyncErrors(ctx: Ctx, mapId: MapId): void {
  for (const e of initialSyncErrors(ctx.tx, mapId)) ctx.tx.del('dw_initial', String(e.seq));
}

// ---- Run and the initial write, through the Service's Runner (as catch-up.ts) ------------------------------------------

/** Run: Not running or Stopped → Initializing → Running, copying the existing rows first unless `initialSync` is false. */
export async function runMap(r: Runner, id: MapId, initialSync = true): Promise<Rec> {
  const state = mapState(r.store, id);
  if (state !== 'NotRunning' && state !== 'Stopped') throw Sim.error(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state, action: 'run' });
  await r.exec((ctx) => { applied(ctx, 'rule.map-run-initial-sync'); return setMapState(ctx, id, 'Initializing'); });
  r.emit({ type: 'map', data: { id, state: 'Initializing' } } satisfies SimEvent);
  return initialSync ? initialWrite(r, id, 'all') : endInitialSync(r, id, 'skipped');
}

/**
 * Re-run the initial write of a map still Initializing because rows failed: `all` retries everything, the failed rows
 * included; `withoutErrors` leaves the failed rows out and copies the rest (new data included).
 */
export function rerunInitialSync(r: Runner, id: MapId, mode: 'all' | 'withoutErrors'): Promise<Rec> {
  const state = mapState(r.store, id);
  if (state !== 'Initializing') throw Sim.error(409, 'MapStateConflict', 'sim.initialSyncNotPending', { map: id, state });
  return initialWrite(r, id, mode);
}

/** Skip initial sync: the map goes live without copying (the failed rows are not retried). */
export function skipInitialSync(r: Runner, id: MapId): Promise<Rec> {
  const state = mapState(r.store, id);
  if (state !== 'Initializing') throw Sim.error(409, 'MapStateConflict', 'sim.initialSyncNotPending', { map: id, state });
  return endInitialSync(r, id, 'skipped');
}

/** Copies each row in its own transaction (a failure keeps the rest); Running when nothing failed. */
async function initialWrite(r: Runner, id: MapId, mode: 'all' | 'withoutErrors'): Promise<Rec> {
  const key = (s: Readonly<Record<string, unknown>>): string => `${String(s.table)}|${String(s.id)}`;
  const failedBefore = new Set(initialSyncErrors(r.store, id).map((e) => key(e.source as Rec)));
  const skipped: Skipped[] = [];
  const items = initialItems(r.store, id, (k) => skipped.push(k)).filter((i) => mode === 'all' || !failedBefore.has(key(i.source)));
  await r.direct((ctx) => {
    clearInitialSyncErrors(ctx, id);
    for (const k of skipped) logActivity(ctx, id, 'skipped', { reason: k.reason, entity: k.source.table, id: k.source.id });
  });
  let copied = 0, failed = 0;
  for (const item of items) {
    try {
      await r.direct((ctx) => apply(ctx, item, r.faults));
      copied++;
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      await r.direct((ctx) => {
        recordInitialSyncError(ctx, item, e);
        logActivity(ctx, id, 'initialSyncError', { entity: item.source.table, id: item.source.id });
      });
      failed++;
    }
  }
  await r.direct((ctx) => logActivity(ctx, id, 'initialSync', { copied, failed }));
  if (failed > 0) {
    r.emit({ type: 'map', data: { id, state: 'Initializing', copied, failed } } satisfies SimEvent);
    return { ...(r.store.get('dw_map', id) ?? { id }), copied, failed };
  }
  return { ...(await endInitialSync(r, id, 'done')), copied, failed };
}

async function endInitialSync(r: Runner, id: MapId, how: 'done' | 'skipped'): Promise<Rec> {
  const rec = await r.exec((ctx) => {
    clearInitialSyncErrors(ctx, id);
    if (how === 'skipped') logActivity(ctx, id, 'initialSyncSkipped');
    applied(ctx, 'rule.map-run-initial-sync');
    return setMapState(ctx, id, 'Running');
  });
  r.emit({ type: 'map', data: { id, state: 'Running' } } satisfies SimEvent);
  return rec;
}
