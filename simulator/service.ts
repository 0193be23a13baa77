import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Op, Rec, Store } from './store/types.js';
import { type Ctx, ROW_VERSION } from './domain/context.js';
import { SimError } from './errors.js';
import { iso, parseDuration, parseInstant } from './clock.js';
import { dataverseByName, dataverseEntities } from './dataverse/entities.js';
import { financeEntities } from './finance/entities.js';
import { type Faults, type SyncItem, apply, catchUpErrors, ensureMaps, errorInfo, failQueued, logActivity, mapState, noFaults, propagate, queued, setMapState } from './dualwrite/runtime.js';
import type { MapId } from './dualwrite/maps.js';
import { clearInitialSyncErrors, initialItems, initialSyncErrors, recordInitialSyncError } from './dualwrite/initial-sync.js';
import { purgeCatchUpErrors } from './dualwrite/queue-limits.js';
import { type ProcessId, processes } from './processes.js';

export type Side = 'dataverse' | 'finance' | 'dualwrite' | 'sim';
export const sideOf = (table: string): Side =>
  dataverseByName.has(table) ? 'dataverse' : table.startsWith('dw_') ? 'dualwrite' : table.startsWith('sim_') ? 'sim' : 'finance';

export interface SimEvent {
  readonly type: 'commit' | 'map' | 'process' | 'clock' | 'reset';
  readonly seq?: number;
  readonly data: unknown;
}

/**
 * One simulator instance: one store, one clock, one set of faults. Every change goes through `exec`, which
 * runs a domain function in a transaction and lets dual-write carry it over before anything is written.
 */
export class Service {
  readonly events = new EventEmitter();
  readonly faults: Faults = noFaults();
  private readonly unsubscribe: () => void;

  constructor(readonly store: Store, startClock: string) {
    this.events.setMaxListeners(0);
    this.unsubscribe = store.onCommit(({ seq, ops }) => {
      const changes = ops.filter((o) => !o.table.startsWith('sim_')).map((o) => ({ side: sideOf(o.table), table: o.table, id: o.id, t: o.t }));
      if (changes.length) this.events.emit('event', { type: 'commit', seq, data: changes } satisfies SimEvent);
    });
    this.startClock = startClock;
  }

  private startClock: string;

  now(): string {
    const c = this.store.get('sim_meta', 'clock');
    return typeof c?.now === 'string' ? c.now : this.startClock;
  }

  /** Runs a domain function in one transaction, with live dual-write of its changes. */
  exec<T>(fn: (ctx: Ctx) => T): Promise<T> {
    return this.direct((ctx) => {
      const result = fn(ctx);
      const ops: Op[] = ctx.tx.ops();
      propagate(ctx, ops, this.faults);
      return result;
    });
  }

  /**
   * One transaction without live sync: for what the dual-write runtime itself writes into the other side
   * (catch-up, retry), which must not be synced back, and for the simulator's own records.
   */
  private direct<T>(fn: (ctx: Ctx) => T): Promise<T> {
    const now = this.now();
    return this.store.transact((tx) => fn({ tx, now, newId: randomUUID }));
  }

  /** Reference data every instance has (maps, clock) without demo data. */
  async init(): Promise<void> {
    await this.direct((ctx) => {
      seedRowVersion(ctx);
      ensureMaps(ctx);
      if (!ctx.tx.get('sim_meta', 'clock')) ctx.tx.put('sim_meta', 'clock', { now: this.startClock });
      for (const p of Object.keys(processes) as ProcessId[]) {
        if (!ctx.tx.get('sim_process', p)) ctx.tx.put('sim_process', p, { id: p, recurrenceMinutes: null, nextRunAt: null, lastRunAt: null, lastLog: [] });
      }
    });
  }

  // ---- map control --------------------------------------------------------------------------------------
  async setMap(id: MapId, action: 'run' | 'pause' | 'stop'): Promise<Rec> {
    if (action === 'run') return this.runMap(id);
    const state = mapState(this.store, id);
    const allowed: Record<string, string[]> = { pause: ['Running'], stop: ['Running', 'Paused'] };
    if (!allowed[action]?.includes(state)) throw new SimError(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state, action });
    const to = action === 'pause' ? 'Paused' : 'Stopped';
    const rec = await this.exec((ctx) => setMapState(ctx, id, to));
    this.events.emit('event', { type: 'map', data: { id, state: to } } satisfies SimEvent);
    return rec;
  }

  /** Resume a paused map: catch up the queue in order, each record on its own; failures become catch-up errors. */
  async resume(id: MapId, mode: 'catchup' | 'skipPreserve' | 'skipDiscard' = 'catchup'): Promise<{ applied: number; failed: number; discarded: number }> {
    if (mapState(this.store, id) !== 'Paused') throw new SimError(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state: mapState(this.store, id), action: 'resume' });
    await this.exec((ctx) => setMapState(ctx, id, 'Resuming'));
    if (mode !== 'catchup') {
      // Skipping applies nothing, so it cannot fail halfway: the whole queue in one transaction, which also sees
      // it empty and switches the map to Running (nothing can be queued in between).
      const counts = await this.exec((ctx) => {
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
      this.events.emit('event', { type: 'map', data: { id, state: 'Running', applied: 0, failed: counts.failed } } satisfies SimEvent);
      return counts;
    }
    let applied = 0, failed = 0;
    const discarded = 0; // catch-up applies or fails each record; only the skip modes discard
    // Changes made while catching up are queued too (the map is Resuming), so drain until the queue is empty
    // and switch to Running in the same transaction that sees it empty.
    for (;;) {
      const q = queued(this.store, id).sort((a, b) => Number(a.seq) - Number(b.seq))[0];
      if (!q) {
        const done = await this.exec((ctx) => {
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
      const batch = queued(this.store, id).sort((a, b) => Number(a.seq) - Number(b.seq));
      const writes: Promise<unknown>[] = [];
      for (const item of batch) {
        let error: unknown;
        const write = this.direct((ctx) => {
          try {
            apply(ctx, item as unknown as SyncItem, this.faults);
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
        writes.push(this.exec((ctx) => failQueued(ctx, item, refusal)));
        failed++;
      }
      const counts = { applied, failed, discarded };
      const done = this.exec((ctx) => {
        if (queued(ctx.tx, id).length > 0) return false;
        setMapState(ctx, id, 'Running');
        logActivity(ctx, id, 'catchUp', counts);
        return true;
      });
      await Promise.all(writes);
      if (await done) break;
    }
    this.events.emit('event', { type: 'map', data: { id, state: 'Running', applied, failed } } satisfies SimEvent);
    return { applied, failed, discarded };
  }

  /** Retry catch-up errors (all of a map, or the given ones). */
  async retry(id: MapId, ids?: readonly string[]): Promise<{ retried: number; succeeded: number; failed: number }> {
    const items = catchUpErrors(this.store, id).filter((e) => !ids || ids.includes(String(e.seq)));
    let succeeded = 0, failed = 0;
    for (const item of items) {
      try {
        await this.direct((ctx) => {
          apply(ctx, item as unknown as SyncItem, this.faults);
          ctx.tx.del('dw_error', String(item.seq));
          logActivity(ctx, id, 'retrySucceeded', { seq: Number(item.seq) });
        });
        succeeded++;
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
        await this.exec((ctx) => ctx.tx.put('dw_error', String(item.seq), { ...item, error: errorInfo(e), attempts: Number(item.attempts ?? 1) + 1, failedAt: ctx.now }));
        failed++;
      }
    }
    this.events.emit('event', { type: 'map', data: { id, retried: items.length, succeeded, failed } } satisfies SimEvent);
    return { retried: items.length, succeeded, failed };
  }

  // ---- Run and the initial write (dualwrite/initial-sync.ts) ----------------------------------------------------------
  /** Run: Not running or Stopped → Initializing → Running, copying the existing rows first unless `initialSync` is false. */
  async runMap(id: MapId, initialSync = true): Promise<Rec> {
    const state = mapState(this.store, id);
    if (state !== 'NotRunning' && state !== 'Stopped') throw new SimError(409, 'MapStateConflict', 'sim.mapWrongState', { map: id, state, action: 'run' });
    await this.exec((ctx) => setMapState(ctx, id, 'Initializing'));
    this.events.emit('event', { type: 'map', data: { id, state: 'Initializing' } } satisfies SimEvent);
    return initialSync ? this.initialWrite(id, 'all') : this.endInitialSync(id, 'skipped');
  }

  /**
   * Re-run the initial write of a map that is still Initializing because rows failed: `all` retries everything, the
   * failed rows included; `withoutErrors` leaves the failed rows out and copies the rest (new data included).
   */
  async rerunInitialSync(id: MapId, mode: 'all' | 'withoutErrors'): Promise<Rec> {
    const state = mapState(this.store, id);
    if (state !== 'Initializing') throw new SimError(409, 'MapStateConflict', 'sim.initialSyncNotPending', { map: id, state });
    return this.initialWrite(id, mode);
  }

  /** Skip initial sync: the map goes live without copying (the failed rows are not retried). */
  async skipInitialSync(id: MapId): Promise<Rec> {
    const state = mapState(this.store, id);
    if (state !== 'Initializing') throw new SimError(409, 'MapStateConflict', 'sim.initialSyncNotPending', { map: id, state });
    return this.endInitialSync(id, 'skipped');
  }

  /** Copies each row in its own transaction (a failure keeps the rest); Running when nothing failed. */
  private async initialWrite(id: MapId, mode: 'all' | 'withoutErrors'): Promise<Rec> {
    const failedBefore = new Set(initialSyncErrors(this.store, id).map((e) => `${String((e.source as Rec).table)}|${String((e.source as Rec).id)}`));
    const items = initialItems(this.store, id, (k) => { void this.direct((ctx) => logActivity(ctx, id, 'skipped', { reason: k.reason, entity: k.source.table, id: k.source.id })); })
      .filter((i) => mode === 'all' || !failedBefore.has(`${i.source.table}|${i.source.id}`));
    await this.direct((ctx) => clearInitialSyncErrors(ctx, id));
    let copied = 0, failed = 0;
    for (const item of items) {
      try {
        await this.direct((ctx) => apply(ctx, item, this.faults));
        copied++;
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
        await this.direct((ctx) => {
          recordInitialSyncError(ctx, item, e);
          logActivity(ctx, id, 'initialSyncError', { entity: item.source.table, id: item.source.id });
        });
        failed++;
      }
    }
    await this.direct((ctx) => logActivity(ctx, id, 'initialSync', { copied, failed }));
    if (failed > 0) {
      this.events.emit('event', { type: 'map', data: { id, state: 'Initializing', copied, failed } } satisfies SimEvent);
      return { ...(this.store.get('dw_map', id) ?? { id }), copied, failed };
    }
    return { ...(await this.endInitialSync(id, 'done')), copied, failed };
  }

  private async endInitialSync(id: MapId, how: 'done' | 'skipped'): Promise<Rec> {
    const rec = await this.exec((ctx) => {
      clearInitialSyncErrors(ctx, id);
      if (how === 'skipped') logActivity(ctx, id, 'initialSyncSkipped');
      return setMapState(ctx, id, 'Running');
    });
    this.events.emit('event', { type: 'map', data: { id, state: 'Running' } } satisfies SimEvent);
    return rec;
  }

  async setSettings(settings: { invoiceIntegration?: unknown }): Promise<Rec> {
    const mode = settings.invoiceIntegration;
    if (mode !== 'realtime' && mode !== 'async') throw new SimError(400, 'BadRequest', 'sim.badRequest', { detail: "invoiceIntegration is 'realtime' or 'async'" });
    return this.exec((ctx) => {
      const out = { ...(ctx.tx.get('sim_meta', 'settings') ?? {}), invoiceIntegration: mode };
      ctx.tx.put('sim_meta', 'settings', out);
      return out;
    });
  }

  settings(): Rec {
    return { invoiceIntegration: 'realtime', ...(this.store.get('sim_meta', 'settings') ?? {}) };
  }

  // ---- periodic processes and clock ---------------------------------------------------------------------
  async runProcess(id: ProcessId, opts: { company?: string } = {}): Promise<Rec> {
    const proc = processes[id];
    const rec = await this.exec((ctx) => {
      const log = proc.run(ctx, opts, this.faults);
      const row = ctx.tx.get('sim_process', id) ?? { id };
      const next = row.recurrenceMinutes ? iso(Date.parse(ctx.now) + Number(row.recurrenceMinutes) * 60_000) : null;
      const out = { ...row, lastRunAt: ctx.now, nextRunAt: next, lastLog: log };
      ctx.tx.put('sim_process', id, out);
      return out;
    });
    this.events.emit('event', { type: 'process', data: { id, at: rec.lastRunAt, log: rec.lastLog } } satisfies SimEvent);
    return rec;
  }

  async setRecurrence(id: ProcessId, minutes: number | null): Promise<Rec> {
    return this.exec((ctx) => {
      const row = ctx.tx.get('sim_process', id) ?? { id, lastLog: [] };
      const out = { ...row, recurrenceMinutes: minutes, nextRunAt: minutes ? iso(Date.parse(ctx.now) + minutes * 60_000) : null };
      ctx.tx.put('sim_process', id, out);
      return out;
    });
  }

  /** Moves the clock forward; each periodic process due on the way runs at its due time. */
  async advanceClock(body: { advance?: unknown; to?: unknown }): Promise<string> {
    const from = Date.parse(this.now());
    let target: number;
    if (typeof body.advance === 'string') target = from + parseDuration(body.advance);
    else if (body.to !== undefined) target = Date.parse(parseInstant(body.to));
    else throw new SimError(400, 'InvalidClockRequest', 'sim.badClockRequest');
    if (target < from) throw new SimError(400, 'ClockBackwards', 'sim.clockBackwards', { now: this.now() });
    for (;;) {
      const due = [...this.store.all('sim_process')]
        .filter((p) => typeof p.nextRunAt === 'string' && Date.parse(p.nextRunAt) <= target)
        .sort((a, b) => Date.parse(String(a.nextRunAt)) - Date.parse(String(b.nextRunAt)))[0];
      if (!due) break;
      await this.direct((ctx) => ctx.tx.put('sim_meta', 'clock', { now: String(due.nextRunAt) }));
      await this.runProcess(due.id as ProcessId);
    }
    const now = iso(target);
    await this.direct((ctx) => {
      ctx.tx.put('sim_meta', 'clock', { now });
      // catch-up errors are kept 1 day (dualwrite/queue-limits.ts)
      for (const [mapId, n] of purgeCatchUpErrors({ ...ctx, now })) logActivity({ ...ctx, now }, mapId, 'catchUpErrorsPurged', { n });
    });
    this.events.emit('event', { type: 'clock', data: { now } } satisfies SimEvent);
    return now;
  }

  close(): void {
    this.unsubscribe();
    this.events.removeAllListeners();
  }
}

/**
 * A store written before the store-wide row version existed carries per-record counters: the counter starts above
 * the highest of them, so that no row's new version can equal one it had (once per store; afterwards it is kept).
 */
function seedRowVersion(ctx: Ctx): void {
  if (ctx.tx.get('sim_counter', ROW_VERSION)) return;
  let max = 0;
  for (const def of [...dataverseEntities, ...financeEntities]) {
    for (const r of ctx.tx.all(def.logicalName)) if (typeof r.versionnumber === 'number' && r.versionnumber > max) max = r.versionnumber;
  }
  if (max > 0) ctx.tx.put('sim_counter', ROW_VERSION, { name: ROW_VERSION, value: max });
}

export const isProcessId = (id: string): id is ProcessId => Object.hasOwn(processes, id);
