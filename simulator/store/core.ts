/**
 * The store itself, shared by the memory and file kinds: in-memory tables, transactions, sequence numbers and
 * commit listeners. Durability is delegated to a `Durability` (nothing for memory; journal + snapshot for file).
 */
import { checkKey, freezeRec, iterableValues, setOwn, Tables, type TableEntries } from './memory-table.js';
import { TxImpl } from './tx.js';
import type { CommitInfo, IndexField, Op, Rec, Store, StoreStats, Tx } from './types.js';

/** What a durability layer may read from the store (for compaction). */
export interface StoreSource {
  readonly seq: number;
  readonly tables: Tables;
}

/**
 * A committed transaction as handed to the durability layer. `before[i]` is the record op i replaced (undefined
 * for a new record or a delete), given when the layer asks for it (`wantsBefore`): the file journal writes an
 * update as a patch against it.
 */
export type Committed =
  | { readonly seq: number; readonly ops: readonly Op[]; readonly before?: readonly (Rec | undefined)[] }
  | { readonly seq: number; readonly reset: TableEntries };

export interface Durability {
  readonly kind: 'memory' | 'file';
  readonly path?: string;
  /** True if persist wants `before` (the records the puts replace); the store then looks them up before applying. */
  readonly wantsBefore?: boolean;
  /** Persists a committed transaction (called in seq order); resolves once it is durable. */
  persist(c: Committed): Promise<void>;
  /** Resolves once every transaction up to `seq` is durable. */
  whenDurable(seq: number): Promise<void>;
  /** Set once the layer cannot persist anything any more. */
  failure(): Error | undefined;
  /** Flushes, compacts, releases its files. */
  close(source: StoreSource): Promise<void>;
  stats(): Omit<StoreStats, 'seq'>;
}

export interface CoreOptions {
  /** Called when an onCommit listener throws (the transaction stays committed). Default: console.error. */
  onListenerError?: (err: unknown, info: CommitInfo) => void;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
}

export class StoreCore implements Store, StoreSource {
  readonly kind: 'memory' | 'file';
  readonly path?: string;
  readonly tables: Tables;
  #seq: number;
  readonly #durability: Durability;
  readonly #listeners = new Set<(info: CommitInfo) => void>();
  /** Commits waiting to be announced (listeners may commit again: announcements stay in commit order). */
  readonly #announce: CommitInfo[] = [];
  #announcing = false;
  #inTx = false;
  #closing: Promise<void> | undefined;
  readonly #onListenerError: (err: unknown, info: CommitInfo) => void;

  constructor(durability: Durability, tables: Tables, seq: number, options: CoreOptions = {}) {
    this.kind = durability.kind;
    if (durability.path !== undefined) this.path = durability.path;
    this.#durability = durability;
    this.tables = tables;
    this.#seq = seq;
    this.#onListenerError =
      options.onListenerError ?? ((err, info) => console.error(`store: an onCommit listener failed on seq ${info.seq}:`, err));
  }

  get seq(): number {
    return this.#seq;
  }

  get(table: string, id: string): Rec | undefined {
    return this.tables.get(table, id);
  }

  all(table: string): Iterable<Rec> {
    return this.tables.all(table);
  }

  count(table: string): number {
    return this.tables.count(table);
  }

  /** Records whose `field` is `value` (indexed; see Tables.findBy). */
  findBy(table: string, field: IndexField, value: unknown): Iterable<Rec> {
    return iterableValues(this.tables.findBy(table, field, value));
  }

  #refusal(): Error | undefined {
    if (this.#closing !== undefined) return new StoreClosedError(`store: closed${this.path ? ` (${this.path})` : ''}`);
    const failed = this.#durability.failure();
    if (failed !== undefined) return failed;
    if (this.#inTx) return new Error('store: transact/replaceAll called inside a transaction function (transactions do not nest)');
    return undefined;
  }

  transact<T>(fn: (tx: Tx) => T): Promise<T> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    const tx = new TxImpl(this.tables);
    let result: T;
    this.#inTx = true;
    try {
      result = fn(tx);
    } catch (err) {
      return Promise.reject(err);
    } finally {
      tx.finish();
      this.#inTx = false;
    }
    if (isThenable(result)) {
      // Swallow the late outcome of the asynchronous function: its writes (if any) are refused anyway.
      Promise.resolve(result).catch(() => {});
      return Promise.reject(new TypeError('store: a transaction function must be synchronous (it returned a promise); nothing was committed'));
    }
    const ops = tx.ops();
    if (ops.length === 0) return this.#durability.whenDurable(this.#seq).then(() => result);
    const seq = ++this.#seq;
    Object.freeze(ops);
    // The tables are applied before persist runs: take the records the puts replace now.
    const before = this.#durability.wantsBefore === true ? ops.map((op) => (op.t === 'put' ? this.tables.get(op.table, op.id) : undefined)) : undefined;
    this.tables.apply(ops);
    const durable = this.#durability.persist(before === undefined ? { seq, ops } : { seq, ops, before });
    this.#emit({ seq, ops });
    return durable.then(() => result);
  }

  replaceAll(tables: Record<string, Record<string, Rec>>): Promise<void> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    let entries: TableEntries;
    const ops: Op[] = [];
    try {
      entries = {};
      for (const [name, rows] of Object.entries(tables)) {
        checkKey('table', name);
        const list: Array<[string, Rec]> = [];
        for (const [id, rec] of Object.entries(rows)) {
          checkKey('id', id);
          list.push([id, freezeRec(rec)]);
        }
        if (list.length > 0) setOwn(entries, name, list);
      }
    } catch (err) {
      return Promise.reject(err);
    }
    for (const name of this.tables.tableNames()) {
      const next = Object.hasOwn(tables, name) ? tables[name] : undefined;
      for (const id of this.tables.table(name).keys()) {
        if (next === undefined || !Object.hasOwn(next, id)) ops.push({ t: 'del', table: name, id });
      }
    }
    for (const [name, list] of Object.entries(entries)) for (const [id, rec] of list) ops.push({ t: 'put', table: name, id, rec });
    const seq = ++this.#seq;
    Object.freeze(ops);
    this.tables.replace(entries);
    const durable = this.#durability.persist({ seq, reset: entries });
    this.#emit({ seq, ops });
    return durable;
  }

  onCommit(listener: (info: CommitInfo) => void): () => void {
    // Wrap so that the same function registered twice is called twice and unsubscribes independently.
    const entry = (info: CommitInfo): void => listener(info);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  #emit(info: CommitInfo): void {
    if (this.#listeners.size === 0) return;
    this.#announce.push(Object.freeze(info));
    if (this.#announcing) return; // a listener committed: announced after the current one, in order
    this.#announcing = true;
    try {
      for (let next = this.#announce.shift(); next !== undefined; next = this.#announce.shift()) {
        for (const l of [...this.#listeners]) {
          try {
            l(next);
          } catch (err) {
            this.#onListenerError(err, next);
          }
        }
      }
    } finally {
      this.#announcing = false;
    }
  }

  snapshot(): Record<string, Record<string, Rec>> {
    return structuredClone(this.tables.toObjects());
  }

  close(): Promise<void> {
    this.#closing ??= this.#durability.close(this);
    return this.#closing;
  }

  stats(): StoreStats {
    return { seq: this.#seq, ...this.#durability.stats() };
  }
}
