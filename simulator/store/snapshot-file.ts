/**
 * The snapshot file: the whole database as one JSON document, read and written through lowdb
 * (`new Low(new SnapshotAdapter(path), defaults)`, exactly one instance per file). The adapter streams it one
 * table entry per line and writes it atomically (temp file, fsync, rename); after each write the directory is
 * fsynced too, so that the journal lines the snapshot contains can be dropped safely.
 *
 * Shape: `{ "meta": { "format": 1, "seq": 42, "savedAt": "..." }, "tables": { "<table>": [["<id>", {record}], ...] } }`
 * Tables are lists of `[id, record]` entries rather than objects keyed by id so that insertion order survives
 * a reload whatever the ids look like (JSON objects put integer-like keys first).
 */
import { Low } from 'lowdb';
import { checkEntries, type TableEntries } from './memory-table.js';
import { fsyncDir } from './fsync.js';
import { SnapshotAdapter } from './snapshot-adapter.js';

export interface SnapshotData {
  meta: { format: 1; seq: number; savedAt?: string };
  tables: TableEntries;
}

export function emptySnapshot(): SnapshotData {
  return { meta: { format: 1, seq: 0 }, tables: {} };
}

export class SnapshotCorruptError extends Error {
  override readonly name = 'SnapshotCorruptError';
}

/** Validates a snapshot read from disk and freezes its records. */
export function checkSnapshot(data: unknown, file: string): SnapshotData {
  const bad = (what: string): never => {
    throw new SnapshotCorruptError(`store: ${file} is not a store snapshot (${what})`);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return bad('not an object');
  const { meta, tables } = data as { meta?: unknown; tables?: unknown };
  if (meta === null || typeof meta !== 'object') return bad('no meta');
  const { format, seq } = meta as { format?: unknown; seq?: unknown };
  if (format !== 1) return bad(`unknown format ${JSON.stringify(format)}`);
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return bad('bad meta.seq');
  checkEntries(tables, bad);
  return data as SnapshotData;
}

export class SnapshotFile {
  readonly path: string;
  readonly #db: Low<SnapshotData>;

  constructor(path: string) {
    this.path = path;
    this.#db = new Low<SnapshotData>(new SnapshotAdapter<SnapshotData>(path), emptySnapshot());
  }

  /** Reads the snapshot; `existed` is false when there is no file yet (the empty snapshot is returned). */
  async load(): Promise<{ data: SnapshotData; existed: boolean }> {
    try {
      this.#db.data = null as unknown as SnapshotData; // lowdb keeps the defaults when the file is missing: detect that
      await this.#db.read();
    } catch (err) {
      throw new SnapshotCorruptError(`store: cannot read snapshot ${this.path}: ${(err as Error).message}`, { cause: err });
    }
    const raw: unknown = this.#db.data;
    this.#db.data = emptySnapshot(); // do not keep a second copy of the data alive
    if (raw === null) return { data: emptySnapshot(), existed: false };
    return { data: checkSnapshot(raw, this.path), existed: true };
  }

  /** Writes the snapshot durably: lowdb's atomic write, then fsync of the file and of its directory. */
  async save(seq: number, tables: TableEntries): Promise<void> {
    this.#db.data = { meta: { format: 1, seq, savedAt: new Date().toISOString() }, tables };
    try {
      // `tables` is a view at `seq`: entry lists taken now, over immutable records, so the adapter may stream it
      // out across several turns of the event loop while new transactions commit.
      await this.#db.write();
    } finally {
      this.#db.data = emptySnapshot();
    }
    await fsyncDir(this.path);
  }
}
