import type { Rec, ReadView } from '../store/types.js';
import { type Ctx, applied } from '../domain/context.js';
import { SimError } from '../errors.js';
import { DataverseCode } from '../errors/dataverse.js';
import type { MapId } from './maps.js';

/**
 * What the platform keeps for a paused table map and for how long, on the simulated clock.
 *
 * pause-for-maintenance.md (UO dual-write, the note under "Pause dual-write for maintenance"): a pause lasts at most
 * 7 days and queues at most 1 GB of records; reaching either blocks every further record of the map until it is
 * resumed and has caught up, and only a user resumes it.
 * errors-and-alerts.md ("Catch-up errors from pausing a table map", note): records that errored during catch-up stay
 * in the queue for 1 day, then they are purged.
 */
export const PAUSE_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** convention: the page says "1GB" without saying decimal or binary; read as 2^30 bytes. */
export const QUEUE_MAX_BYTES = 1024 ** 3;
export const CATCHUP_ERROR_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * convention: a queued record's size is its JSON payload in UTF-8 (what the simulator keeps of it); the page gives
 * no measure of its own.
 */
export const recordBytes = (item: unknown): number => Buffer.byteLength(JSON.stringify(item), 'utf8');

/** Bytes queued for a map now. */
export function queuedBytes(db: ReadView, mapId: MapId): number {
  let n = 0;
  for (const q of db.all('dw_queue')) if (q.mapId === mapId) n += typeof q.bytes === 'number' ? q.bytes : recordBytes(q);
  return n;
}

export type PauseLimit = 'pauseDays' | 'queueSize';

/**
 * The limit a paused map has reached, if any: the pause has lasted 7 days (`pausedSince` is when it entered
 * Paused), or queuing one more record of `addBytes` would pass 1 GB.
 */
export function pauseLimitReached(pausedSince: string, now: string, bytesQueued: number, addBytes: number): PauseLimit | undefined {
  if (Date.parse(now) - Date.parse(pausedSince) >= PAUSE_MAX_MS) return 'pauseDays';
  if (bytesQueued + addBytes > QUEUE_MAX_BYTES) return 'queueSize';
  return undefined;
}

/**
 * Refuses a change a paused map would have to queue past its limits: the change is blocked (not saved), as every
 * further record is until the map is resumed. convention: the page names no error; the refusal is the dual-write
 * error of the live-sync pages (code 0x80040265, as the other dual-write refusals here) with its own message.
 */
export function checkPauseLimits(ctx: Ctx, mapId: MapId, item: unknown): void {
  const map = ctx.tx.get('dw_map', mapId);
  const since = typeof map?.since === 'string' ? map.since : ctx.now;
  const limit = pauseLimitReached(since, ctx.now, queuedBytes(ctx.tx, mapId), recordBytes(item));
  if (limit) throw new SimError(400, DataverseCode.refusal, `dualwrite.${limit}`, { map: mapId, days: PAUSE_MAX_MS / 86_400_000, size: '1 GB' }, undefined, 'rule.map-pause-limits');
}

/** When a catch-up error was first recorded (kept through retries), for its 1-day retention. */
const erroredAt = (e: Rec): number => Date.parse(String(e.erroredAt ?? e.failedAt ?? ''));

/** Catch-up errors older than the 1-day retention at `now`: they are purged. */
export const expiredCatchUpErrors = (db: ReadView, now: string): Rec[] =>
  [...db.all('dw_error')].filter((e) => Number.isFinite(erroredAt(e)) && Date.parse(now) - erroredAt(e) >= CATCHUP_ERROR_RETENTION_MS);

/** Deletes the catch-up errors the retention has run out for; returns how many per map (for the activity log). */
export function purgeCatchUpErrors(ctx: Ctx): Map<MapId, number> {
  const purged = new Map<MapId, number>();
  for (const e of expiredCatchUpErrors(ctx.tx, ctx.now)) {
    ctx.tx.del('dw_error', String(e.seq));
    const id = e.mapId as MapId;
    purged.set(id, (purged.get(id) ?? 0) + 1);
    applied(ctx, 'rule.catchup-errors-purged');
  }
  return purged;
}
