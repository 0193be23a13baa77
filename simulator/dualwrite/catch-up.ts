import type { Rec } from '../store/types.js';
import { SimError } from '../errors.js';
import type { Runner, SimEvent } from '../runner.js';
import type { MapId } from './maps.js';
import { runMap } from './initial-sync.js';
import { type SyncItem, apply, catchUpErrors, errorInfo, failQueued, logActivity, mapState, queued, setMapState } from './runtime.js';

// Map control from the outside (run, pause, stop), resume with catch-up of the queue, and retry of catch-up
// errors. Moved out of service.ts, which keeps only the transaction plumbing (see runner.ts).

export async function setMap(r: Runner, id: MapId, action: 'run' | 'pause' | 'stop'): Promise<Rec> {
  // Run goes through Initializing and the initial write (initial-sync.ts)
  if (action === 'run') return runMap(r, id);
  const state = mapState(r.store, id);
  const allowed: Record<string, string[]> = { pause: ['Running'], stop: ['Running', 'Paused'] };
  if (!allowed[action]?.includes(state)) throw new SimError(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state, action });
  const to = action === 'pause' ? 'Paused' : 'Stopped';
  const rec = await r.exec((ctx) => setMapState(ctx, id, to));
  r.emit({ type: 'map', data: { id, state: to } } satisfies SimEvent);
  return rec;
}

/** Resume a paused map: catch up the queue in order, each record on its own; failures become catch-up errors. */
export async function resume(r: Runner, id: MapId, mode: 'catchup' | 'skipPreserve' | 'skipDiscard' = 'catchup'): Promise<{ applied: number; failed: number; discarded: number }> {
  if (mapState(r.store, id) !== 'Paused') throw new SimError(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state: mapState(r.store, id), action: 'resume' });
  await r.exec((ctx) => setMapState(ctx, id, 'Resuming'));
  if (mode !== 'catchup') {
    // Skipping applies nothing, so it cannot fail halfway: the whole queue in one transaction, which also sees
    // it empty and switches the map to Running (nothing can be queued in between).
    const counts = await r.exec((ctx) => {
      const c = { applied: 0, failed: 0, discarded: 0 };
      for (const item of queued(ctx.tx, id).sort((a, b) => Number(a.seq) - Number(b.seq))) {
        if (mode === 'skipDiscard') {
          ctx.tx.del('dw_queue', String(item.seq));
          c.discarded++;
        } else {
          failQueued(ctx, item, new SimError(409, 'Skipped', 'dualwrite.skipped', { map: id }));
          c.failed++;
        }
      }
      setMapState(ctx, id, 'Running');
      logActivity(ctx, id, 'catchUp', c);
      return c;
    });
    r.emit({ type: 'map', data: { id, state: 'Running', applied: 0, failed: counts.failed } } satisfies SimEvent);
    return counts;
  }
  let applied = 0, failed = 0;
  const discarded = 0; // catch-up applies or fails each record; only the skip modes discard
  // Changes made while catching up are queued too (the map is Resuming), so drain until the queue is empty
  // and switch to Running in the same transaction that sees it empty.
  for (;;) {
    const q = queued(r.store, id).sort((a, b) => Number(a.seq) - Number(b.seq))[0];
    if (!q) {
      const done = await r.exec((ctx) => {
        if (queued(ctx.tx, id).length > 0) return false;
        setMapState(ctx, id, 'Running');
        logActivity(ctx, id, 'catchUp', { applied, failed, discarded });
        return true;
      });
      if (done) break;
      continue;
    }
    // Everything queued now, in order, each record in its own transaction, all issued in one tick (the store
    // applies a transaction synchronously): they share one group commit, and no other change can slip in
    // between the last of them and the check that switches the map to Running. Draining one durable write at
    // a time could not keep up with a steady stream of new changes, and resume never ended.
    const batch = queued(r.store, id).sort((a, b) => Number(a.seq) - Number(b.seq));
    const writes: Promise<unknown>[] = [];
    for (const item of batch) {
      let error: unknown;
      const write = r.direct((ctx) => {
        try {
          apply(ctx, item as unknown as SyncItem, r.faults);
        } catch (e) {
          error = e;
          throw e;
        }
        ctx.tx.del('dw_queue', String(item.seq));
      });
      if (error === undefined) { writes.push(write); applied++; continue; }
      write.catch(() => undefined);
      if (!(error instanceof SimError)) { await Promise.allSettled(writes); throw error; }
      const refusal = error;
      writes.push(r.exec((ctx) => failQueued(ctx, item, refusal)));
      failed++;
    }
    const counts = { applied, failed, discarded };
    const done = r.exec((ctx) => {
      if (queued(ctx.tx, id).length > 0) return false;
      setMapState(ctx, id, 'Running');
      logActivity(ctx, id, 'catchUp', counts);
      return true;
    });
    await Promise.all(writes);
    if (await done) break;
  }
  r.emit({ type: 'map', data: { id, state: 'Running', applied, failed } } satisfies SimEvent);
  return { applied, failed, discarded };
}

/** Retry catch-up errors (all of a map, or the given ones). */
export async function retry(r: Runner, id: MapId, ids?: readonly string[]): Promise<{ retried: number; succeeded: number; failed: number }> {
  const items = catchUpErrors(r.store, id).filter((e) => !ids || ids.includes(String(e.seq)));
  let succeeded = 0, failed = 0;
  for (const item of items) {
    try {
      await r.direct((ctx) => {
        apply(ctx, item as unknown as SyncItem, r.faults);
        ctx.tx.del('dw_error', String(item.seq));
        logActivity(ctx, id, 'retrySucceeded', { seq: Number(item.seq) });
      });
      succeeded++;
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      await r.exec((ctx) => ctx.tx.put('dw_error', String(item.seq), { ...item, error: errorInfo(e), attempts: Number(item.attempts ?? 1) + 1, failedAt: ctx.now }));
      failed++;
    }
  }
  r.emit({ type: 'map', data: { id, retried: items.length, succeeded, failed } } satisfies SimEvent);
  return { retried: items.length, succeeded, failed };
}
