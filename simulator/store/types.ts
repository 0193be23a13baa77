/**
 * The storage contract of one simulator instance. Both sides (Dataverse and Finance) and the dual-write
 * runtime keep their tables in one store, so that a live-sync transaction is atomic across both sides.
 *
 * A table is a plain object of records keyed by their primary key. Records are plain JSON objects and are
 * never mutated in place: a transaction replaces a record whole (`put`) or removes it (`del`).
 */
import { matches, type IndexField } from './index-key.js';

export type Rec = Readonly<Record<string, unknown>>;
export type { IndexField } from './index-key.js';

/** One change of a committed transaction. */
export type Op =
  | { readonly t: 'put'; readonly table: string; readonly id: string; readonly rec: Rec }
  | { readonly t: 'del'; readonly table: string; readonly id: string };

export interface ReadView {
  get(table: string, id: string): Rec | undefined;
  /** Every record of the table, in insertion order. */
  all(table: string): Iterable<Rec>;
  count(table: string): number;
}

/**
 * A view that can answer `field === value` lookups from a secondary index (the stores and their transactions);
 * `field` may be a list of fields, `value` then one value per field (see index-key.ts).
 */
export interface IndexedView extends ReadView {
  findBy(table: string, field: IndexField, value: unknown): Iterable<Rec>;
}

/**
 * The records of `table` whose `field` is `value`: through the view's index when it has one, else by a scan
 * (any ReadView, e.g. test doubles). Order: table order for fields that records keep for life; a record that took
 * the value later (an update) comes after those that had it before.
 */
export function findBy(view: ReadView, table: string, field: IndexField, value: unknown): Iterable<Rec> {
  if (typeof (view as Partial<IndexedView>).findBy === 'function') return (view as IndexedView).findBy(table, field, value);
  return [...view.all(table)].filter((r) => matches(r, field, value));
}

/** A transaction sees its own writes; nothing of it reaches the store unless the function returns. */
export interface Tx extends ReadView {
  put(table: string, id: string, rec: Rec): void;
  del(table: string, id: string): void;
  /** The changes made so far, in order, one op per record (last write wins). */
  ops(): Op[];
}

export interface CommitInfo {
  /** Monotonic sequence number of the transaction, persisted. */
  readonly seq: number;
  readonly ops: readonly Op[];
}

export interface Store extends ReadView {
  /**
   * Runs `fn` synchronously against a transaction. If it throws, nothing changes and the error propagates
   * (as a rejected promise). Otherwise its ops are applied to memory at once (so the next transaction sees
   * them) and the promise resolves, with `fn`'s result, only once the change is durable (group commit:
   * transactions that arrive while a write is in flight share the next write).
   */
  transact<T>(fn: (tx: Tx) => T): Promise<T>;
  /** Called after each transaction is applied in memory (before it is durable), in commit order. */
  onCommit(listener: (info: CommitInfo) => void): () => void;
  /** A deep copy of every table: for tests comparing before and after. */
  snapshot(): Record<string, Record<string, Rec>>;
  /** Replace everything (reset to demo data): one durable transaction. */
  replaceAll(tables: Record<string, Record<string, Rec>>): Promise<void>;
  /** Waits for pending writes, compacts, releases the file. */
  close(): Promise<void>;
  readonly kind: 'memory' | 'file';
  readonly path?: string;
  /** Journal and compaction counters (implemented by every store of simulator/store; optional in the contract). */
  stats?(): StoreStats;
}

/** Counters of a store's durability layer (journal and compaction), for benchmarks and diagnostics. */
export interface StoreStats {
  /** Sequence number of the last committed transaction (in memory). */
  readonly seq: number;
  /** Sequence number up to which every transaction is durable. */
  readonly durableSeq: number;
  /** Current size of the journal (write-ahead log) in bytes; 0 for a memory store. */
  readonly journalBytes: number;
  /** Compactions (full snapshot writes through lowdb followed by a journal truncation) completed. */
  readonly compactions: number;
  /** Journal writes (each one `write` + `datasync`, or one O_DSYNC `write`), i.e. group commits. */
  readonly writes: number;
  /** Of those, written synchronously in the event loop because the load was sequential (journal.ts). */
  readonly syncWrites: number;
  /** Transactions written to the journal. */
  readonly journaled: number;
  /** Transactions that shared a journal write with an earlier one (`journaled - writes`). */
  readonly batched: number;
  /** Largest number of transactions written by one journal write. */
  readonly maxBatch: number;
  /** Set once a journal write failed: the store then refuses every transaction. */
  readonly failed?: string;
  /** Message of the last failed background compaction, if any (the journal stays valid). */
  readonly lastCompactionError?: string;
}
