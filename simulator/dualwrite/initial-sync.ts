import type { Rec, ReadView } from '../store/types.js';
import { type Ctx, insert, nextNumber } from '../domain/context.js';
import { foEntity, foId } from '../finance/entities.js';
import type { SimError } from '../errors.js';
import { type MapId, mapById } from './maps.js';
import { type Skipped, type SyncItem, errorInfo, itemsFor } from './runtime.js';

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
  const n = nextNumber(ctx, 'dw_initial');
  insert(ctx, 'dw_initial', String(n), { seq: n, mapId: item.mapId, at: ctx.now, source: item.source, entity: item.entity, error: errorInfo(error) });
}

export function clearInitialSyncErrors(ctx: Ctx, mapId: MapId): void {
  for (const e of initialSyncErrors(ctx.tx, mapId)) ctx.tx.del('dw_initial', String(e.seq));
}
