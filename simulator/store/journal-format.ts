/**
 * The journal (write-ahead log) format: JSON lines, one per committed transaction, each ending with '\n'.
 *
 *   {"s":12,"o":[["p","table","id",{...record}],["d","table","id"]]}   ops of transaction 12
 *   {"s":13,"r":{"table":[["id",{...record}],...],...}}                 replaceAll (transaction 13)
 *
 * Replaying a line is idempotent (whole records are put, ids deleted, everything replaced), so a line that is
 * already contained in the snapshot can be replayed again harmlessly. JSON.stringify escapes line breaks
 * inside strings, so a raw '\n' only ever ends a line. A line without its final '\n' is torn: the process died
 * during the append, before the transaction could be acknowledged.
 */
import { checkEntries, freezeRec, type TableEntries } from './memory-table.js';
import type { Op, Rec } from './types.js';

export type JournalEntry =
  | { readonly seq: number; readonly ops: readonly Op[] }
  | { readonly seq: number; readonly reset: TableEntries };

type EncodedOp = ['p', string, string, Rec] | ['d', string, string];

export function encodeOps(seq: number, ops: readonly Op[]): string {
  const o: EncodedOp[] = ops.map((op) => (op.t === 'put' ? ['p', op.table, op.id, op.rec] : ['d', op.table, op.id]));
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

function decodeOp(v: unknown): Op {
  if (!Array.isArray(v)) throw new Error('op is not an array');
  const [t, table, id, rec] = v as unknown[];
  if (typeof table !== 'string' || typeof id !== 'string') throw new Error('bad op table or id');
  if (t === 'p' && v.length === 4) return { t: 'put', table, id, rec: freezeRec(rec) };
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
