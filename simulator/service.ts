import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Op, Rec, Store } from './store/types.js';
import { type Ctx, ROW_VERSION } from './domain/context.js';
import { SimError } from './errors.js';
import { dataverseByName, dataverseEntities } from './dataverse/entities.js';
import { financeEntities } from './finance/entities.js';
import { type Faults, ensureMaps, noFaults, propagate } from './dualwrite/runtime.js';
import type { MapId } from './dualwrite/maps.js';
import { resume, retry, setMap } from './dualwrite/catch-up.js';
import { rerunInitialSync, runMap, skipInitialSync } from './dualwrite/initial-sync.js';
import { type ProcessId, advanceClock, ensureProcessRows, runProcess, setRecurrence } from './processes.js';
import type { Runner, SimEvent } from './runner.js';
import type { RuleId } from './rules/index.js';
import { Sim } from './errors/sim.js';

export { isProcessId } from './processes.js';

export type Side = 'dataverse' | 'finance' | 'dualwrite' | 'sim';
export const sideOf = (table: string): Side =>
  dataverseByName.has(table) ? 'dataverse' : table.startsWith('dw_') ? 'dualwrite' : table.startsWith('sim_') ? 'sim' : 'finance';

export type { SimEvent } from './runner.js';

/**
 * One simulator instance: one store, one clock, one set of faults. Every change goes through `exec`, which
 * runs a domain function in a transaction and lets dual-write carry it over before anything is written.
 */
export class Service {
  readonly events = new EventEmitter();
  readonly faults: Faults = noFaults();
  /** What the delegated modules (dualwrite/catch-up.ts, processes.ts) use of this instance. */
  private readonly runner: Runner;
  private readonly unsubscribe: () => void;

  constructor(readonly store: Store, startClock: string) {
    this.events.setMaxListeners(0);
    this.unsubscribe = store.onCommit(({ seq, ops }) => {
      // The rules the transaction applied (simulator/rules/), set by `direct` just before the store announces it.
      const rules = this.appliedRules;
      this.appliedRules = [];
      // Performance: no event built when nobody listens (the live page and SSE subscribe; most runs have neither).
      if (this.events.listenerCount('event') === 0) return;
      const changes = ops.filter((o) => !o.table.startsWith('sim_')).map((o) => ({ side: sideOf(o.table), table: o.table, id: o.id, t: o.t }));
      if (changes.length) this.events.emit('event', { type: 'commit', seq, data: changes, ...(rules.length ? { rules } : {}) } satisfies SimEvent);
    });
    this.startClock = startClock;
    this.runner = {
      store, faults: this.faults, now: () => this.now(),
      exec: (fn) => this.exec(fn), direct: (fn) => this.direct(fn), emit: (e) => { this.events.emit('event', e); },
    };
  }

  private startClock: string;
  private appliedRules: RuleId[] = [];

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
    return this.store.transact((tx) => {
      const applied: RuleId[] = [];
      const result = fn({ tx, now, newId: randomUUID, applied });
      this.appliedRules = applied; // the store announces the commit synchronously after this returns
      return result;
    });
  }

  /** Reference data every instance has (maps, clock) without demo data. */
  async init(): Promise<void> {
    await this.direct((ctx) => {
      seedRowVersion(ctx);
      ensureMaps(ctx);
      if (!ctx.tx.get('sim_meta', 'clock')) ctx.tx.put('sim_meta', 'clock', { now: this.startClock });
      ensureProcessRows(ctx);
    });
  }

  // ---- map control --------------------------------------------------------------------------------------
  async setMap(id: MapId, action: 'run' | 'pause' | 'stop'): Promise<Rec> {
    return setMap(this.runner, id, action);
  }

  resume(id: MapId, mode: 'catchup' | 'skipPreserve' | 'skipDiscard' = 'catchup'): Promise<{ applied: number; failed: number; discarded: number }> {
    return resume(this.runner, id, mode);
  }

  retry(id: MapId, ids?: readonly string[]): Promise<{ retried: number; succeeded: number; failed: number }> {
    return retry(this.runner, id, ids);
  }

  /** Run with or without the initial write; re-run or skip an initial write that had errors (dualwrite/initial-sync.ts). */
  runMap(id: MapId, initialSync = true): Promise<Rec> {
    return runMap(this.runner, id, initialSync);
  }

  rerunInitialSync(id: MapId, mode: 'all' | 'withoutErrors'): Promise<Rec> {
    return rerunInitialSync(this.runner, id, mode);
  }

  skipInitialSync(id: MapId): Promise<Rec> {
    return skipInitialSync(this.runner, id);
  }

  async setSettings(settings: { invoiceIntegration?: unknown }): Promise<Rec> {
    const mode = settings.invoiceIntegration;
    if (mode !== 'realtime' && mode !== 'async') throw Sim.badRequest("invoiceIntegration is 'realtime' or 'async'");
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
  runProcess(id: ProcessId, opts: { company?: string } = {}): Promise<Rec> {
    return runProcess(this.runner, id, opts);
  }

  setRecurrence(id: ProcessId, minutes: number | null): Promise<Rec> {
    return setRecurrence(this.runner, id, minutes);
  }

  advanceClock(body: { advance?: unknown; to?: unknown }): Promise<string> {
    return advanceClock(this.runner, body);
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
