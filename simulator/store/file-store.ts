/**
 * The file store: durable, crash-safe, and cheap to write at any size.
 *
 * Files (for a store at `<path>`):
 *   <path>       the snapshot, written through lowdb (atomic temp + rename), carrying `meta.seq`
 *   <path>.wal   the journal: one JSON line per transaction, appended and datasynced before acknowledging
 *   <path>.lock  the owner's pid: one store per file, across processes
 *
 * A transaction costs one journal line (group-committed with its neighbours), whatever the database size.
 * When the journal outgrows `compactBytes`, and on close, a compaction writes the whole data through lowdb and
 * drops the journal lines it contains. Opening loads the snapshot, replays the journal lines after its seq,
 * and cuts away a torn last line left by a process killed mid-append. An update is journaled as a patch (its
 * changed members) against the record it replaces: see journal-format.ts.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { StoreCore, type Committed, type CoreOptions, type Durability, type StoreSource } from './core.js';
import { encodeOps, encodeReset, JournalCorruptError, parseJournal, resolveOps } from './journal-format.js';
import { Journal, type OpenJournal } from './journal.js';
import { FileLock } from './lock.js';
import { Tables } from './memory-table.js';
import { resolveStorePath, storeFiles } from './paths.js';
import { SnapshotFile } from './snapshot-file.js';
import { snapshotTempPath } from './snapshot-adapter.js';
import type { Store, StoreStats } from './types.js';

export const DEFAULT_COMPACT_BYTES = 32 * 1024 * 1024;

export interface FileStoreOptions extends CoreOptions {
  /** The snapshot file; the journal and lock live next to it (`<path>.wal`, `<path>.lock`). */
  path: string;
  /** If given, `path` must resolve inside this directory (else the store refuses to open). */
  dataDir?: string;
  /** Compact once the journal exceeds this many bytes (default 32 MiB). */
  compactBytes?: number;
  /** Test hook: opens the journal for appending (default `fs.promises.open(path, 'a')`), e.g. to inject write faults. */
  openJournal?: OpenJournal;
}

/** What opening found on disk (for diagnostics and tests). */
export interface RecoveryInfo {
  readonly snapshotSeq: number;
  readonly replayed: number;
  readonly tornBytes: number;
}

class FileDurability implements Durability {
  readonly kind = 'file' as const;
  readonly path: string;
  /** Updates are journaled as patches against the record they replace (journal-format.ts). */
  readonly wantsBefore = true;
  readonly #lock: FileLock;
  readonly #snapshot: SnapshotFile;
  readonly #journal: Journal;
  readonly #compactBytes: number;
  #source: StoreSource | undefined;
  #snapshotOnDisk: boolean;
  #compacting: Promise<void> | undefined;
  /** A compaction asked for by #maybeCompact and not yet started (it starts on the next turn). */
  #scheduled: Promise<void> | undefined;
  #nextCompactAt: number;
  #compactions = 0;
  #lastCompactionError: string | undefined;
  #closed = false;
  readonly recovery: RecoveryInfo;

  constructor(init: {
    path: string;
    lock: FileLock;
    snapshot: SnapshotFile;
    journal: Journal;
    snapshotOnDisk: boolean;
    compactBytes: number;
    recovery: RecoveryInfo;
  }) {
    this.path = init.path;
    this.#lock = init.lock;
    this.#snapshot = init.snapshot;
    this.#journal = init.journal;
    this.#snapshotOnDisk = init.snapshotOnDisk;
    this.#compactBytes = init.compactBytes;
    this.#nextCompactAt = init.compactBytes;
    this.recovery = init.recovery;
  }

  attach(source: StoreSource): void {
    this.#source = source;
    this.#maybeCompact();
  }

  persist(c: Committed): Promise<void> {
    const line = 'ops' in c ? encodeOps(c.seq, c.ops, c.before) : encodeReset(c.seq, c.reset);
    const durable = this.#journal.append(c.seq, line);
    this.#maybeCompact();
    return durable;
  }

  whenDurable(seq: number): Promise<void> {
    return this.#journal.whenDurable(seq);
  }

  failure(): Error | undefined {
    return this.#journal.failure;
  }

  #maybeCompact(): void {
    if (this.#compacting !== undefined || this.#scheduled !== undefined || this.#closed || this.#journal.failure) return;
    if (this.#journal.pendingSize < this.#nextCompactAt) return;
    // Not inside the committing call: let it return first.
    this.#scheduled = new Promise<void>((resolve) => {
      setImmediate(() => {
        this.#scheduled = undefined;
        if (this.#compacting !== undefined || this.#closed) return resolve();
        this.compact().then(
          () => {
            // Transactions that came during the compaction may already fill the journal again.
            this.#maybeCompact();
            resolve();
          },
          () => {
            // Recorded in lastCompactionError; the journal is intact. Retry after it grows by another threshold.
            this.#nextCompactAt = this.#journal.pendingSize + this.#compactBytes;
            resolve();
          },
        );
      });
    });
  }

  /** Resolves once no automatic compaction is scheduled or running (tests and benchmarks wait on this). */
  async settled(): Promise<void> {
    while (this.#scheduled !== undefined || this.#compacting !== undefined) {
      await (this.#scheduled ?? this.#compacting)?.catch(() => {});
    }
  }

  /** True while a compaction writes its snapshot. */
  get compacting(): boolean {
    return this.#compacting !== undefined;
  }

  /** Writes the whole data through lowdb, then drops the journal lines the snapshot contains. */
  compact(): Promise<void> {
    const source = this.#source;
    if (source === undefined) return Promise.reject(new Error('store: not attached'));
    this.#compacting ??= (async () => {
      const seq = source.seq;
      this.#journal.mark(seq);
      try {
        await this.#snapshot.save(seq, source.tables.entries());
      } catch (err) {
        this.#journal.clearMark();
        throw err;
      }
      this.#snapshotOnDisk = true;
      await this.#journal.truncateThrough(seq);
      this.#compactions++;
      this.#lastCompactionError = undefined;
      this.#nextCompactAt = this.#compactBytes;
    })()
      .catch((err: unknown) => {
        this.#lastCompactionError = err instanceof Error ? err.message : String(err);
        throw err;
      })
      .finally(() => {
        this.#compacting = undefined;
      });
    return this.#compacting;
  }

  async close(source: StoreSource): Promise<void> {
    this.#closed = true;
    try {
      await this.#compacting?.catch(() => {});
      if (this.#journal.failure === undefined) {
        await this.#journal.whenDurable(source.seq);
        if (this.#journal.size > 0 || !this.#snapshotOnDisk) {
          await this.compact();
        }
      }
    } finally {
      try {
        await this.#journal.close();
      } finally {
        await this.#lock.release();
      }
    }
  }

  stats(): Omit<StoreStats, 'seq'> {
    const j = this.#journal;
    return {
      durableSeq: j.durableSeq,
      journalBytes: j.size,
      compactions: this.#compactions,
      writes: j.writes,
      syncWrites: j.syncWrites,
      journaled: j.journaled,
      batched: j.journaled - j.writes,
      maxBatch: j.maxBatch,
      ...(j.failure ? { failed: j.failure.message } : {}),
      ...(this.#lastCompactionError !== undefined ? { lastCompactionError: this.#lastCompactionError } : {}),
    };
  }
}

/** A file store with its file-specific extras. */
export interface FileStore extends Store {
  readonly kind: 'file';
  readonly path: string;
  stats(): StoreStats;
  /** Forces a compaction now (normally automatic); resolves when the snapshot is durable and the journal cut. */
  compact(): Promise<void>;
  /** Resolves once no automatic compaction is scheduled or running. */
  settled(): Promise<void>;
  /** True while a compaction is writing its snapshot. */
  readonly compacting: boolean;
  /** What was found on disk when opening. */
  readonly recovery: RecoveryInfo;
}

class FileStoreImpl extends StoreCore implements FileStore {
  declare readonly kind: 'file';
  declare readonly path: string;
  readonly #durability: FileDurability;
  readonly recovery: RecoveryInfo;

  constructor(d: FileDurability, tables: Tables, seq: number, options: CoreOptions) {
    super(d, tables, seq, options);
    this.#durability = d;
    this.recovery = d.recovery;
  }

  compact(): Promise<void> {
    return this.#durability.compact();
  }

  settled(): Promise<void> {
    return this.#durability.settled();
  }

  get compacting(): boolean {
    return this.#durability.compacting;
  }
}

async function readIfExists(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
}

export async function openFileStore(options: FileStoreOptions): Promise<FileStore> {
  const compactBytes = options.compactBytes ?? DEFAULT_COMPACT_BYTES;
  if (!(compactBytes > 0)) throw new RangeError('store: compactBytes must be positive');
  const path = await resolveStorePath(options.path, options.dataDir);
  const files = storeFiles(path);
  const lock = await FileLock.acquire(files.lock, path);
  try {
    const snapshot = new SnapshotFile(files.snapshot);
    const { data, existed } = await snapshot.load();
    const tables = new Tables();
    tables.replace(data.tables);
    const snapshotSeq = data.meta.seq;
    let seq = snapshotSeq;

    // Leftovers of a crash: a journal cut, or a snapshot write, interrupted before its rename.
    await unlink(`${files.journal}.tmp`).catch(() => {});
    await unlink(snapshotTempPath(path)).catch(() => {});
    const parsed = parseJournal(await readIfExists(files.journal), files.journal);
    let replayed = 0;
    for (const entry of parsed.entries) {
      if (entry.seq <= seq) continue; // already in the snapshot
      if (entry.seq !== seq + 1) {
        throw new JournalCorruptError(`${files.journal}: expected seq ${seq + 1} after the snapshot, found ${entry.seq}`);
      }
      // Patches rebuild their record from the one the tables hold before this line (the state they were written against).
      if ('ops' in entry) tables.apply(resolveOps(entry, tables, files.journal));
      else tables.replace(entry.reset);
      seq = entry.seq;
      replayed++;
    }
    if (parsed.tornBytes > 0) {
      // A torn last line (killed mid-append, never acknowledged): cut it so that appends start on a line boundary.
      const fh = await open(files.journal, 'r+');
      try {
        await fh.truncate(parsed.validBytes);
        await fh.datasync();
      } finally {
        await fh.close();
      }
    }
    const journal = await Journal.open(files.journal, parsed.validBytes, seq, options.openJournal);
    const durability = new FileDurability({
      path,
      lock,
      snapshot,
      journal,
      snapshotOnDisk: existed,
      compactBytes,
      recovery: { snapshotSeq, replayed, tornBytes: parsed.tornBytes },
    });
    const store = new FileStoreImpl(durability, tables, seq, options);
    durability.attach(store);
    return store;
  } catch (err) {
    await lock.release().catch(() => {});
    throw err;
  }
}
