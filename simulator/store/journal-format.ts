/**
 * The journal (write-ahead log) format: JSON lines, one per committed transaction, each ending with '\n'.
 *
 *   {"s":12,"o":[["p","table","id",{...record}],["d","table","id"]]}   ops of transaction 12
 *   {"s":13,"o":[["u","table","id",{...changed members}]]}             an update written as a patch
 *   {"s":14,"r":{"table":[["id",{...record}],...],...}}                 replaceAll (transaction 14)
 *
 * `p` puts a whole record, `d` deletes an id. `u` (a patch) rebuilds a record from the one the table held
 * before this line: every member of that base record, in the base's member order, takes the patch's value if
 * the patch has that member, else keeps its value; the patch's members the base lacks follow, in the patch's
 * order. The writer emits `u` only when the new record starts with exactly the base's member names in the same
 * order (members may be added at the end, as a posting adds its voucher members) and every changed value
 * survives JSON (not `undefined`, a function or a symbol), so the rebuilt record equals what a `p` of the whole
 * record would replay, member order included (some records are serialized in member order). Anything else
 * (members removed or reordered) is written whole. A `u` whose base record is missing on replay means the
 * files were damaged: JournalCorruptError. Journals written before patches existed (only `p`/`d`) read as
 * before.
 *
 * Replay applies the lines after the snapshot's seq, in order, on top of the snapshot; lines ≤ that seq
 * (already contained in it, e.g. after a crash between a compaction's snapshot write and its journal cut) are
 * skipped, so a patch is never applied twice nor to a later state than the one it was written against. The
 * compaction's cut keeps exactly the lines after the snapshot's seq, which is the state their patches were
 * written against. JSON.stringify escapes line breaks inside strings, so a raw '\n' only ever ends a line. A
 * line without its final '\n' is torn: the process died during the append, before the transaction could be
 * acknowledged.
 */
import { checkEntries, freezeRec, setOwn, type TableEntries } from './memory-table.js';
import type { Op, Rec } from './types.js';

/** An update journaled as its changed members, rebuilt on replay from the record the table holds then. */
export interface PatchOp {
  readonly t: 'patch';
  readonly table: string;
  readonly id: string;
  readonly changes: Rec;
}

/** An op as read from the journal: patches are resolved against the tables during replay (resolveOps). */
export type JournalOp = Op | PatchOp;

export type JournalEntry =
  | { readonly seq: number; readonly ops: readonly JournalOp[] }
  | { readonly seq: number; readonly reset: TableEntries };

type EncodedOp = ['p', string, string, Rec] | ['u', string, string, Rec] | ['d', string, string];

/** Values JSON.stringify drops from an object: a patch carrying one would not replay like the whole record. */
function droppedByJson(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * The members of `rec` whose value differs (`!==`) from `prev`'s plus those it adds at the end, or undefined
 * when `rec` must be written whole: a member of `prev` removed or moved, or a changed value that JSON would drop.
 * Records are frozen, so an unchanged member is the same value; an object-valued member that is a new object is
 * simply included.
 */
export function patchOf(prev: Rec, rec: Rec): Rec | undefined {
  const prevNames = Object.keys(prev);
  const n = prevNames.length;
  const changes: Record<string, unknown> = {};
  let i = 0;
  // for-in rather than Object.keys(rec): V8 walks a plain object's own keys without building an array (about half
  // the cost here); records are plain objects (freezeRec) and their prototype has no enumerable members.
  for (const k in rec) {
    const v = rec[k];
    if (i < n) {
      if (k !== prevNames[i++]) return undefined;
      const was = prev[k];
      if (v === was) continue;
      if (droppedByJson(v) || droppedByJson(was)) return undefined;
    }
    // A changed member, or one added at the end (appended on replay in this order; a value JSON drops is dropped
    // from both forms alike).
    setOwn(changes, k, v);
  }
  return i < n ? undefined : changes;
}

/**
 * One journal line for the ops of transaction `seq`. `before[i]`, when given, is the record op i replaced (the
 * table's record before the transaction; undefined for a new record): a put whose record keeps that record's
 * members, in order, is then written as a patch (patchOf).
 */
export function encodeOps(seq: number, ops: readonly Op[], before?: readonly (Rec | undefined)[]): string {
  const o: EncodedOp[] = new Array<EncodedOp>(ops.length);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.t === 'del') {
      o[i] = ['d', op.table, op.id];
      continue;
    }
    const prev = before?.[i];
    const changes = prev === undefined ? undefined : patchOf(prev, op.rec);
    o[i] = changes === undefined ? ['p', op.table, op.id, op.rec] : ['u', op.table, op.id, changes];
  }
  return `{"s":${seq},"o":${JSON.stringify(o)}}\n`;
}

export function encodeReset(seq: number, tables: TableEntries): string {
  return `{"s":${seq},"r":${JSON.stringify(tables)}}\n`;
}

export class JournalCorruptError extends Error {
  override readonly name = 'JournalCorruptError';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function decodeOp(v: unknown): JournalOp {
  if (!Array.isArray(v)) throw new Error('op is not an array');
  const [t, table, id, rec] = v as unknown[];
  if (typeof table !== 'string' || typeof id !== 'string') throw new Error('bad op table or id');
  if (t === 'p' && v.length === 4) return { t: 'put', table, id, rec: freezeRec(rec) };
  if (t === 'u' && v.length === 4) return { t: 'patch', table, id, changes: freezeRec(rec) };
  if (t === 'd' && v.length === 3) return { t: 'del', table, id };
  throw new Error(`bad op kind ${JSON.stringify(t)}`);
}

function decodeTables(v: unknown): TableEntries {
  return checkEntries(v, (what) => {
    throw new Error(what);
  });
}

/** Parses one line (without its '\n'); throws on anything malformed. */
export function decodeLine(line: string): JournalEntry {
  const v: unknown = JSON.parse(line);
  if (!isObject(v) || typeof v.s !== 'number' || !Number.isSafeInteger(v.s) || v.s < 1) throw new Error('bad seq');
  if (Array.isArray(v.o)) return { seq: v.s, ops: v.o.map(decodeOp) };
  if (v.r !== undefined) return { seq: v.s, reset: decodeTables(v.r) };
  throw new Error('line has neither ops nor reset');
}

/**
 * The ops of one line, patches rebuilt against `tables` as they stand before the line (the state the writer
 * computed them against). Throws JournalCorruptError when a patch's base record is missing.
 */
export function resolveOps(
  entry: { readonly seq: number; readonly ops: readonly JournalOp[] },
  tables: { get(table: string, id: string): Rec | undefined },
  file = 'journal',
): readonly Op[] {
  const ops = entry.ops;
  let out: Op[] | undefined; // allocated only for a line with patches (old journals replay as they are)
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.t !== 'patch') {
      if (out !== undefined) out.push(op);
      continue;
    }
    out ??= ops.slice(0, i) as Op[];
    const base = tables.get(op.table, op.id);
    if (base === undefined) {
      throw new JournalCorruptError(
        `${file}: transaction ${entry.seq} updates ${op.table} ${JSON.stringify(op.id)} as a patch, but no such record exists at that point of the replay (damaged files)`,
      );
    }
    out.push({ t: 'put', table: op.table, id: op.id, rec: applyPatch(base, op.changes) });
  }
  return out ?? (ops as readonly Op[]);
}

/** The base record with the patch's members replaced, in the base's member order, then the members it adds; frozen. */
function applyPatch(base: Rec, changes: Rec): Rec {
  const rec: Record<string, unknown> = {};
  let used = 0;
  for (const k of Object.keys(base)) {
    if (Object.hasOwn(changes, k)) {
      setOwn(rec, k, changes[k]);
      used++;
    } else setOwn(rec, k, base[k]);
  }
  const names = Object.keys(changes);
  if (used < names.length) for (const k of names) if (!Object.hasOwn(base, k)) setOwn(rec, k, changes[k]);
  return freezeRec(rec);
}

export interface ParsedJournal {
  readonly entries: JournalEntry[];
  /** Bytes of complete, valid lines: everything after them is a torn tail to truncate. */
  readonly validBytes: number;
  /** Bytes of the torn tail (0 if the journal ends cleanly). */
  readonly tornBytes: number;
}

const NL = 0x0a;

/**
 * Parses a journal. A torn tail (an incomplete or unparsable last part, left by a process killed mid-append)
 * is reported, not returned. Anything else malformed — an invalid line followed by valid ones, or a gap in
 * the sequence numbers — means the file was damaged some other way: that throws rather than silently
 * dropping acknowledged transactions.
 */
export function parseJournal(buf: Buffer, file = 'journal'): ParsedJournal {
  const entries: JournalEntry[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NL, pos);
    if (nl < 0) break; // no final newline: torn
    let entry: JournalEntry;
    try {
      entry = decodeLine(buf.toString('utf8', pos, nl));
    } catch (err) {
      if (hasValidLineAfter(buf, nl + 1)) {
        throw new JournalCorruptError(`${file}: invalid line at byte ${pos} followed by valid lines (${(err as Error).message})`);
      }
      break; // torn tail
    }
    const prev = entries.at(-1);
    if (prev !== undefined && entry.seq !== prev.seq + 1) {
      throw new JournalCorruptError(`${file}: sequence gap at byte ${pos}: ${prev.seq} then ${entry.seq}`);
    }
    entries.push(entry);
    pos = nl + 1;
  }
  return { entries, validBytes: pos, tornBytes: buf.length - pos };
}

function hasValidLineAfter(buf: Buffer, from: number): boolean {
  let pos = from;
  while (pos < buf.length) {
    const nl = buf.indexOf(NL, pos);
    if (nl < 0) return false;
    try {
      decodeLine(buf.toString('utf8', pos, nl));
      return true;
    } catch {
      pos = nl + 1;
    }
  }
  return false;
}
