/**
 * The memory store: for isolated, fast tests. Nothing is written to disk; a transaction is "durable" on the
 * next microtask. On close() the data is written once through lowdb's Memory adapter (the same snapshot shape
 * as a file store), which keeps both kinds on the same lowdb code path.
 */
import { Low, Memory } from 'lowdb';
import { StoreCore, type Committed, type CoreOptions, type Durability, type StoreSource } from './core.js';
import { Tables } from './memory-table.js';
import { emptySnapshot, type SnapshotData } from './snapshot-file.js';
import type { Store, StoreStats } from './types.js';

class MemoryDurability implements Durability {
  readonly kind = 'memory' as const;
  readonly #db = new Low<SnapshotData>(new Memory<SnapshotData>(), emptySnapshot());
  #commits = 0;

  persist(_c: Committed): Promise<void> {
    this.#commits++;
    return Promise.resolve();
  }

  whenDurable(_seq: number): Promise<void> {
    return Promise.resolve();
  }

  failure(): Error | undefined {
    return undefined;
  }

  async close(source: StoreSource): Promise<void> {
    this.#db.data = { meta: { format: 1, seq: source.seq }, tables: source.tables.entries() };
    await this.#db.write();
  }

  stats(): Omit<StoreStats, 'seq'> {
    return { durableSeq: this.#commits, journalBytes: 0, compactions: 0, writes: 0, syncWrites: 0, journaled: 0, batched: 0, maxBatch: 0 };
  }
}

/** A new, empty memory store (synchronous; `createStore({ kind: 'memory' })` is the same, as a promise). */
export function createMemoryStore(options: CoreOptions = {}): Store {
  return new StoreCore(new MemoryDurability(), new Tables(), 0, options);
}
