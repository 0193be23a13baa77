/**
 * The journal writer: one append-mode file handle, group commit, datasync before acknowledging.
 *
 * Transactions enqueue their encoded line; a single writer loop takes everything queued, appends it with one
 * `write` and one `datasync` (or one `write` on a file opened with O_DSYNC, see `openAppend`), then resolves every
 * transaction of that batch. Transactions arriving while a write is in flight go into the next batch. A failed
 * write rejects the batch and everything queued, and marks the journal failed: nothing is acknowledged that is not
 * on disk.
 *
 * Sequential load writes synchronously (`writeSync` on the O_DSYNC file, in the event loop's check phase): a
 * transaction alone in its batch, after a batch that was alone too, gains nothing from the thread pool, and the two
 * thread hand-overs of an asynchronous write (to a pool thread and back to an idle event loop) cost more than the
 * write itself on a virtual machine (bench/README.md, session 6). As soon as a batch holds more than one transaction
 * (several clients), writes go back to the thread pool, so that the event loop keeps serving requests while the
 * device syncs. Durability is the same either way: a batch is acknowledged only after its write returned.
 *
 * After a compaction has made a snapshot at seq S durable, `truncateThrough(S)` drops the lines ≤ S: the
 * lines after S (appended while the snapshot was being written) are copied to a new file that atomically
 * replaces the journal, or the journal is simply truncated to zero if there are none.
 */
import { constants, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { fsyncDir } from './fsync.js';

/** The part of `fs.promises.FileHandle` the journal uses (an injection point for fault tests). */
export interface JournalHandle {
  write(buffer: Buffer, offset: number, length: number, position: null): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(len?: number): Promise<void>;
  close(): Promise<void>;
  /**
   * True when the file was opened with O_DSYNC: a `write` returns only once its data (and the metadata needed to
   * read it back) is on the device, exactly as `write` followed by `fdatasync` (open(2), O_DSYNC: "as though each
   * write(2) was followed by a call to fdatasync(2)"). The journal then skips its own datasync, which saves a
   * round trip through libuv's thread pool per group commit.
   */
  readonly syncsOnWrite?: boolean;
  /**
   * With `syncsOnWrite`: the same write, synchronous (returns the bytes written). Lets the journal skip the thread
   * pool when the load is sequential (see the top of this file); a handle without it always writes asynchronously.
   */
  writeSync?(buffer: Buffer, offset: number, length: number): number;
}

export type OpenJournal = (path: string) => Promise<JournalHandle>;

/** Append mode, with O_DSYNC where the platform has it (Linux, macOS); elsewhere plain append + datasync. */
export const openAppend: OpenJournal = async (path) => {
  const { O_WRONLY, O_APPEND, O_CREAT, O_DSYNC } = constants;
  if (O_DSYNC === undefined) return open(path, 'a');
  const fh = await open(path, O_WRONLY | O_APPEND | O_CREAT | O_DSYNC);
  return {
    syncsOnWrite: true,
    write: (buffer, offset, length, position) => fh.write(buffer, offset, length, position),
    writeSync: (buffer, offset, length) => writeSync(fh.fd, buffer, offset, length),
    datasync: () => fh.datasync(),
    truncate: (len) => fh.truncate(len),
    close: () => fh.close(),
  };
};

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // callers chain on it; this only silences an unobserved rejection
  return { promise, resolve, reject };
}

interface Batch {
  firstSeq: number;
  lastSeq: number;
  /** Encoded once, on append (UTF-8). */
  lines: Buffer[];
  bytes: number;
  done: Deferred;
}

export class JournalFailedError extends Error {
  override readonly name = 'JournalFailedError';
}

export class Journal {
  readonly path: string;
  readonly #open: OpenJournal;
  #fh: JournalHandle;
  /** Bytes in the journal file (all written). */
  #size: number;
  #durableSeq: number;
  #queue: Batch | undefined;
  #inflight: Batch | undefined;
  #running = false;
  #failed: JournalFailedError | undefined;
  /** Capture point of a compaction: seq S and, once known, the byte offset just after the line of S. */
  #mark: { seq: number; offset: number | undefined } | undefined;
  #truncation: { seq: number; done: Deferred } | undefined;
  #closed = false;
  /** Transactions in the last batch written: 1 while the load is sequential. */
  #lastBatch = 1;

  writes = 0;
  /** Batches written synchronously (sequential load), out of `writes`. */
  syncWrites = 0;
  journaled = 0;
  maxBatch = 0;

  private constructor(path: string, fh: JournalHandle, size: number, seq: number, openJournal: OpenJournal) {
    this.path = path;
    this.#fh = fh;
    this.#size = size;
    this.#durableSeq = seq;
    this.#open = openJournal;
  }

  /** Opens the journal for appending; `size` is its current length, `seq` the last durable sequence number. */
  static async open(path: string, size: number, seq: number, openJournal: OpenJournal = openAppend): Promise<Journal> {
    return new Journal(path, await openJournal(path), size, seq, openJournal);
  }

  get size(): number {
    return this.#size;
  }

  /** Bytes written plus bytes waiting to be written. */
  get pendingSize(): number {
    return this.#size + (this.#inflight?.bytes ?? 0) + (this.#queue?.bytes ?? 0);
  }

  get durableSeq(): number {
    return this.#durableSeq;
  }

  get failure(): JournalFailedError | undefined {
    return this.#failed;
  }

  /** Enqueues the line of transaction `seq` (seqs must be enqueued in order); resolves once it is datasynced. */
  append(seq: number, line: string): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closed) return Promise.reject(new Error('store: the journal is closed'));
    let q = this.#queue;
    if (q === undefined) {
      q = this.#queue = { firstSeq: seq, lastSeq: seq, lines: [], bytes: 0, done: deferred() };
    } else if (seq !== q.lastSeq + 1) {
      throw new Error(`store: journal append out of order (${seq} after ${q.lastSeq})`);
    }
    const buf = Buffer.from(line, 'utf8');
    q.lines.push(buf);
    q.lastSeq = seq;
    q.bytes += buf.length;
    this.#kick();
    return q.done.promise;
  }

  /** Resolves once every transaction up to `seq` is durable. */
  whenDurable(seq: number): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (seq <= this.#durableSeq) return Promise.resolve();
    if (this.#inflight !== undefined && seq <= this.#inflight.lastSeq) return this.#inflight.done.promise;
    if (this.#queue !== undefined && seq <= this.#queue.lastSeq) return this.#queue.done.promise;
    return Promise.reject(new Error(`store: seq ${seq} was never journaled`));
  }

  /** Records the capture point of a compaction: the snapshot being written contains every seq ≤ `seq`. */
  mark(seq: number): void {
    this.#mark = { seq, offset: seq <= this.#durableSeq ? this.#size : undefined };
  }

  clearMark(): void {
    this.#mark = undefined;
  }

  /** Once the snapshot of the mark is durable: removes the lines ≤ mark seq from the journal. */
  truncateThrough(seq: number): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#mark?.seq !== seq) return Promise.reject(new Error(`store: no compaction mark at seq ${seq}`));
    const done = deferred();
    this.#truncation = { seq, done };
    this.#kick();
    return done.promise;
  }

  /** Waits for every queued write, then closes the file handle. */
  async close(): Promise<void> {
    if (this.#closed) return;
    const last = this.#queue?.lastSeq ?? this.#inflight?.lastSeq ?? this.#durableSeq;
    try {
      if (!this.#failed) await this.whenDurable(last);
    } finally {
      this.#closed = true;
      await this.#fh.close();
    }
  }

  #kick(): void {
    if (this.#running) return;
    this.#running = true;
    // Start in the check phase, after the poll phase has run every request that was ready: the transactions they
    // commit share the first write (and their number tells the loop whether the load is sequential).
    setImmediate(() => {
      this.#loop().catch((err: unknown) => this.#fail(err));
    });
  }

  async #loop(): Promise<void> {
    try {
      while (this.#failed === undefined) {
        const tr = this.#truncation;
        if (tr !== undefined && this.#durableSeq >= tr.seq) {
          this.#truncation = undefined;
          await this.#truncate();
          tr.done.resolve();
          continue;
        }
        const batch = this.#queue;
        if (batch === undefined) {
          // Cannot happen (a mark's seq is always journaled before its truncation is requested), but never hang.
          tr?.done.reject(new Error(`store: journal truncation at seq ${tr.seq} is ahead of the journal`));
          this.#truncation = undefined;
          break;
        }
        this.#queue = undefined;
        this.#inflight = batch;
        const fh = this.#fh;
        if (fh.writeSync !== undefined && fh.syncsOnWrite === true && batch.lines.length === 1 && this.#lastBatch === 1) {
          this.#writeSync(batch, fh.writeSync.bind(fh));
        } else {
          await this.#write(batch);
        }
        this.#lastBatch = batch.lines.length;
        this.#inflight = undefined;
        batch.done.resolve();
      }
    } finally {
      this.#running = false;
    }
  }

  async #write(batch: Batch): Promise<void> {
    const buf = batch.lines.length === 1 ? batch.lines[0]! : Buffer.concat(batch.lines, batch.bytes);
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.#fh.write(buf, off, buf.length - off, null);
      if (bytesWritten <= 0) throw new Error('journal write made no progress');
      off += bytesWritten;
    }
    if (this.#fh.syncsOnWrite !== true) await this.#fh.datasync();
    this.#written(batch, buf.length);
  }

  /** One transaction on an O_DSYNC file, in the event loop (sequential load; see the top of this file). */
  #writeSync(batch: Batch, write: (buffer: Buffer, offset: number, length: number) => number): void {
    const buf = batch.lines[0]!;
    let off = 0;
    while (off < buf.length) {
      const n = write(buf, off, buf.length - off);
      if (n <= 0) throw new Error('journal write made no progress');
      off += n;
    }
    this.syncWrites++;
    this.#written(batch, buf.length);
  }

  /** Book-keeping once a batch is on disk. */
  #written(batch: Batch, bytes: number): void {
    const before = this.#size;
    this.#size += bytes;
    this.#durableSeq = batch.lastSeq;
    this.writes++;
    this.journaled += batch.lines.length;
    if (batch.lines.length > this.maxBatch) this.maxBatch = batch.lines.length;
    const m = this.#mark;
    if (m !== undefined && m.offset === undefined && m.seq >= batch.firstSeq && m.seq <= batch.lastSeq) {
      let o = before;
      for (let i = 0; i <= m.seq - batch.firstSeq; i++) o += batch.lines[i]!.length;
      m.offset = o;
    }
  }

  async #truncate(): Promise<void> {
    const m = this.#mark;
    this.#mark = undefined;
    if (m === undefined || m.offset === undefined) throw new Error('store: compaction mark lost');
    if (m.offset >= this.#size) {
      await this.#fh.truncate(0);
      await this.#fh.datasync();
      this.#size = 0;
      return;
    }
    // Keep the lines written after the snapshot: copy them to a new file and rename it over the journal.
    const tailLen = this.#size - m.offset;
    const tail = Buffer.alloc(tailLen);
    const rd = await open(this.path, 'r');
    try {
      let got = 0;
      while (got < tailLen) {
        const { bytesRead } = await rd.read(tail, got, tailLen - got, m.offset + got);
        if (bytesRead === 0) throw new Error('journal shorter than expected');
        got += bytesRead;
      }
    } finally {
      await rd.close();
    }
    const tmp = `${this.path}.tmp`;
    const wr = await open(tmp, 'w');
    try {
      await wr.writeFile(tail);
      await wr.datasync();
    } finally {
      await wr.close();
    }
    await rename(tmp, this.path).catch(async (err: unknown) => {
      await unlink(tmp).catch(() => {});
      throw err;
    });
    await fsyncDir(this.path);
    const old = this.#fh;
    try {
      this.#fh = await this.#open(this.path);
      this.#size = tailLen;
    } finally {
      await old.close().catch(() => {});
    }
  }

  #fail(err: unknown): void {
    const cause = err instanceof Error ? err : new Error(String(err));
    const failed = (this.#failed ??= new JournalFailedError(
      `store: journal write failed (${(cause as NodeJS.ErrnoException).code ?? cause.message}); the store refuses further transactions`,
      { cause },
    ));
    for (const b of [this.#inflight, this.#queue]) b?.done.reject(failed);
    this.#inflight = this.#queue = undefined;
    this.#truncation?.done.reject(failed);
    this.#truncation = undefined;
  }
}
