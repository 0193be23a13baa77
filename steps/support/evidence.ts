/**
 * Evidence of what a step did, attached to the step in the cucumber reports (hooks.ts) and drawn by
 * `npm run docs`: the HTTP exchanges the world made, the records created, changed and deleted in Dataverse
 * and Finance, and the dual-write syncs between them.
 *
 * Records come from the scenario's own in-process store (`Store.onCommit`): every committed transaction with
 * its ops, no polling and no change to the simulator. Bounded: at most MAX_EXCHANGES exchanges with bodies
 * trimmed to MAX_BODY characters, per table counts plus at most MAX_EXAMPLES example records.
 */
import type { CommitInfo, Op, Rec, Store } from '../../simulator/store/types.js';
import { sideOf } from '../../simulator/service.js';
import { dataverseByName } from '../../simulator/dataverse/entities.js';
import { financeByName, foId } from '../../simulator/finance/entities.js';
import { itemsFor } from '../../simulator/dualwrite/runtime.js';

export const EVIDENCE_MEDIA_TYPE = 'application/json';
export const EVIDENCE_FILE_NAME = 'evidence.json';
const MAX_EXCHANGES = 20;
const MAX_BODY = 1_000;
const MAX_EXAMPLES = 5;
const MAX_FIELDS = 12;

export interface Exchange {
  readonly method: string;
  /** Path and query below the simulator's base URL. */
  readonly url: string;
  readonly status: number;
  readonly request?: string;
  readonly response?: string;
}

export type Change = 'created' | 'changed' | 'deleted';
export type RecordSide = 'dataverse' | 'finance';

export interface RecordExample {
  readonly id: string;
  readonly change: Change;
  /** The record's primary name, when it has one. */
  readonly title?: string;
  /** Changed fields (created: the first fields set), values trimmed. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface TableChanges {
  readonly side: RecordSide;
  readonly table: string;
  created: number;
  changed: number;
  deleted: number;
  readonly examples: RecordExample[];
}

/** Records one dual-write table map carried from one side to the other. */
export interface SyncTally {
  readonly map: string;
  readonly to: RecordSide;
  readonly from: string;
  readonly target: string;
  count: number;
}

/** What the dual-write runtime logged: map state changes, catch-up, queued and failed items. */
export interface DualWriteNote {
  readonly map: string;
  readonly event: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface StepEvidence {
  readonly kind: 'po-invoice-sim/evidence';
  readonly version: 1;
  readonly exchanges: readonly Exchange[];
  /** Exchanges made but left out (the limit keeps writes first). */
  readonly exchangesOmitted: number;
  readonly records: readonly TableChanges[];
  readonly syncs: readonly SyncTally[];
  readonly dualwrite: readonly DualWriteNote[];
}

const trim = (s: string | undefined): string | undefined =>
  s === undefined || s === '' ? undefined : s.length > MAX_BODY ? `${s.slice(0, MAX_BODY)}… (${s.length})` : s;

const short = (v: unknown): unknown => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…` : v);

const titleOf = (table: string, rec: Rec | undefined): string | undefined => {
  const def = dataverseByName.get(table) ?? financeByName.get(table);
  const v = def && rec ? rec[def.primaryName] : undefined;
  return v === null || v === undefined || v === '' ? undefined : String(v);
};

/** Fields that say only that a record was written (not what changed). */
const BOOKKEEPING = new Set(['modifiedon', 'versionnumber', '@odata.etag', 'etag', 'createdon']);

function changedFields(before: Rec | undefined, after: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [k, v] of Object.entries(after)) {
    if (BOOKKEEPING.has(k) || v === null || v === undefined) continue;
    if (before && JSON.stringify(before[k]) === JSON.stringify(v)) continue;
    if (n++ >= MAX_FIELDS) break;
    out[k] = short(v);
  }
  return out;
}

const key = (table: string, id: string): string => `${table}\u0000${id}`;

/**
 * Per-scenario recorder. `watch` a store once; every step `take`s what happened since the previous step.
 * Without a store (the demo player drives a remote simulator) only exchanges are recorded.
 */
export class Evidence {
  private exchanges: Exchange[] = [];
  private tables = new Map<string, TableChanges>();
  private syncs = new Map<string, SyncTally>();
  private notes: DualWriteNote[] = [];
  /** The last known version of every record (for what changed and what a deleted record was). */
  private readonly known = new Map<string, Rec>();
  private unsubscribe?: () => void;

  watch(store: Store): void {
    for (const [table, rows] of Object.entries(store.snapshot())) for (const [id, rec] of Object.entries(rows)) this.known.set(key(table, id), rec);
    this.unsubscribe = store.onCommit((c) => this.commit(store, c));
  }

  stop(): void {
    this.unsubscribe?.();
  }

  exchange(method: string, url: string, status: number, request: string | undefined, response: string | undefined): void {
    this.exchanges.push({ method, url: url.replace(/^https?:\/\/[^/]+/, ''), status, request: trim(request), response: trim(response) });
  }

  /** What happened since the last call, bounded. */
  take(): StepEvidence {
    const all = this.exchanges;
    // Keep writes first (they are what a step does); reads fill the rest, in the order they were made.
    const writes = new Set(all.filter((e) => e.method !== 'GET').slice(0, MAX_EXCHANGES));
    let room = MAX_EXCHANGES - writes.size;
    const kept = all.filter((e) => writes.has(e) || (e.method === 'GET' && room-- > 0));
    const out: StepEvidence = {
      kind: 'po-invoice-sim/evidence', version: 1,
      exchanges: kept, exchangesOmitted: all.length - kept.length,
      records: [...this.tables.values()], syncs: [...this.syncs.values()], dualwrite: this.notes.slice(0, 50),
    };
    this.exchanges = [];
    this.tables = new Map();
    this.syncs = new Map();
    this.notes = [];
    return out;
  }

  private commit(store: Store, { ops }: CommitInfo): void {
    const previous = new Map<string, Rec | undefined>();
    for (const op of ops) {
      const k = key(op.table, op.id);
      previous.set(k, this.known.get(k));
      if (op.t === 'put') this.known.set(k, op.rec);
      else this.known.delete(k);
    }
    for (const op of ops) {
      const side = sideOf(op.table);
      const before = previous.get(key(op.table, op.id));
      if (side === 'dataverse' || side === 'finance') this.record(side, op, before);
      else if (side === 'dualwrite') this.dualwrite(op, before);
    }
    this.link(store, ops, previous);
  }

  private record(side: RecordSide, op: Op, before: Rec | undefined): void {
    const change: Change = op.t === 'del' ? 'deleted' : before ? 'changed' : 'created';
    const t = this.tables.get(op.table) ?? { side, table: op.table, created: 0, changed: 0, deleted: 0, examples: [] };
    this.tables.set(op.table, t);
    t[change]++;
    const rec = op.t === 'put' ? op.rec : before;
    const fields = op.t === 'put' ? changedFields(before, op.rec) : {};
    if (change === 'changed' && Object.keys(fields).length === 0) { t.changed--; return; } // rewritten unchanged
    if (t.examples.length < MAX_EXAMPLES) t.examples.push({ id: op.id, change, title: titleOf(op.table, rec), fields });
  }

  private dualwrite(op: Op, before: Rec | undefined): void {
    if (op.t !== 'put') return;
    const r = op.rec;
    if (op.table === 'dw_log') this.notes.push({ map: String(r.mapId), event: String(r.event), detail: (r.detail as Record<string, unknown> | undefined) ?? {} });
    else if (op.table === 'dw_queue' && !before) this.notes.push({ map: String(r.mapId), event: 'queued', detail: { entity: String(r.entity) } });
    else if (op.table === 'dw_error' && !before) this.notes.push({ map: String(r.mapId), event: 'error', detail: { entity: String(r.entity) } });
    else if (op.table === 'dw_async' && !before) this.notes.push({ map: String(r.mapId), event: 'pending', detail: { entity: String(r.entity) } });
  }

  /**
   * Which records of this commit dual-write wrote, and from which source. Live sync runs after the domain
   * function inside the same transaction (service.ts exec → propagate), so a source comes before its target in
   * the commit's op order (ops are ordered by first write); a queued or pending item applied later (catch-up,
   * asynchronous job) is deleted from its queue in the commit that writes its target.
   */
  private link(store: Store, ops: readonly Op[], previous: Map<string, Rec | undefined>): void {
    const position = new Map<string, number>();
    ops.forEach((op, i) => { if (op.t === 'put') position.set(key(op.table, op.id), i); });
    const targetOf = (item: ReturnType<typeof itemsFor>[number]): Op | undefined => {
      if (item.to === 'finance') {
        const def = financeByName.get(item.entity);
        if (!def) return undefined;
        const id = foId(def, item.values);
        return ops.find((o) => o.t === 'put' && o.table === item.entity && o.id === id);
      }
      return ops.find((o) => o.t === 'put' && o.table === item.entity && item.key !== undefined && o.rec[item.key.field] === item.key.value);
    };
    const tally = (map: string, to: RecordSide, from: string, target: string): void => {
      const k = `${map}|${to}|${from}|${target}`;
      const s = this.syncs.get(k) ?? { map, to, from, target, count: 0 };
      s.count++;
      this.syncs.set(k, s);
    };
    const targets = new Set<string>();
    ops.forEach((op, i) => {
      if (op.t !== 'put') return;
      const side = sideOf(op.table);
      if (side !== 'dataverse' && side !== 'finance') return;
      if (targets.has(key(op.table, op.id))) return; // written by dual-write: does not sync back
      for (const item of itemsFor(store, op)) {
        const target = targetOf(item);
        if (!target || (position.get(key(target.table, target.id)) ?? -1) <= i) continue;
        targets.add(key(target.table, target.id));
        tally(item.mapId, item.to, op.table, target.table);
      }
    });
    for (const op of ops) {
      if (op.t !== 'del' || (op.table !== 'dw_async' && op.table !== 'dw_queue')) continue;
      const item = previous.get(key(op.table, op.id)) as (Parameters<typeof targetOf>[0] & Rec) | undefined;
      if (!item?.source) continue;
      const target = targetOf(item);
      if (target) tally(item.mapId, item.to, item.source.table, target.table);
    }
  }
}
