/**
 * The lowdb adapter of the snapshot file: one JSON document, laid out one table entry per line, so that it is
 * written and read a piece at a time instead of as one string the size of the database.
 *
 *   {"meta":{"format":1,"seq":42,"savedAt":"…"},"tables":{
 *   "msdyn_actual":[
 *   ["<id>",{…record…}],
 *   ["<id>",{…record…}]
 *   ],
 *   "salesorder":[
 *   ["<id>",{…record…}]
 *   ]
 *   }}
 *
 * The file stays plain JSON (any JSON tool, and lowdb's own `JSONFile`, read it). Reading streams it line by line
 * and parses each entry on its own; a file in any other JSON layout (a snapshot pretty-printed by `JSONFile`, or
 * one edited by hand) is read whole with `JSON.parse` instead. Writing streams the entries into a temporary file
 * next to the snapshot in chunks of about 1 MiB, yielding to the event loop between chunks, fsyncs it, and renames
 * it over the snapshot (the caller then fsyncs the directory).
 *
 * Peak memory while opening is the records themselves plus one chunk, instead of the whole text (about 0.9 KB per
 * actual) next to its parsed copy; a compaction no longer builds one string of the whole database.
 */
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Adapter } from 'lowdb';
import { setOwn, type TableEntries } from './memory-table.js';
import type { Rec } from './types.js';

/** The document an adapter reads and writes (checked by the snapshot file, not here). */
export interface SnapshotDocument {
  meta: unknown;
  tables: TableEntries;
}

const CHUNK = 1 << 20;
const HEADER = /^\{"meta":(.+),"tables":\{$/;
const TABLE = /^(".*"):\[$/;

/** Where an interrupted write leaves its temporary file (the name steno used, so older leftovers are found too). */
export const snapshotTempPath = (path: string): string => join(dirname(path), `.${basename(path)}.tmp`);

/** `T` is what the caller checks the document to be (see checkSnapshot); the adapter only knows its layout. */
export class SnapshotAdapter<T extends SnapshotDocument> implements Adapter<T> {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<T | null> {
    let fh: FileHandle;
    try {
      fh = await open(this.path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let doc: SnapshotDocument | undefined;
    try {
      doc = await readLines(fh);
    } finally {
      await fh.close();
    }
    // Not in the line layout: any other JSON document (read whole; JSON.parse reports what is wrong with it).
    return (doc ?? JSON.parse(await readFile(this.path, 'utf8'))) as T; // unchecked: the caller validates
  }

  async write(data: T): Promise<void> {
    const temp = snapshotTempPath(this.path);
    const fh = await open(temp, 'w');
    try {
      let chunk = `{"meta":${JSON.stringify(data.meta)},"tables":{\n`;
      const flush = async (): Promise<void> => {
        await fh.write(chunk);
        chunk = '';
      };
      const names = Object.keys(data.tables);
      for (const [t, name] of names.entries()) {
        const rows = data.tables[name] ?? [];
        chunk += `${JSON.stringify(name)}:[\n`;
        for (let i = 0; i < rows.length; i++) {
          chunk += JSON.stringify(rows[i]) + (i < rows.length - 1 ? ',\n' : '\n');
          if (chunk.length >= CHUNK) await flush();
        }
        chunk += t < names.length - 1 ? '],\n' : ']\n';
      }
      chunk += '}}\n';
      await flush();
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw err;
    }
    await fh.close();
    await rename(temp, this.path);
  }
}

/** Parses a snapshot in the line layout; undefined when the file is in another layout (the caller reads it whole). */
async function readLines(fh: FileHandle): Promise<SnapshotDocument | undefined> {
  const decoder = new StringDecoder('utf8');
  const buf = Buffer.allocUnsafe(CHUNK);
  const tables: TableEntries = {};
  let meta: unknown;
  let rows: Array<[string, Rec]> | undefined;
  let state = 'header' as 'header' | 'tables' | 'rows' | 'end'; // (set inside line(): no narrowing)
  let rest = '';

  /** Takes one line; false when it does not fit the layout. */
  const line = (text: string): boolean => {
    switch (state) {
      case 'header': {
        const m = HEADER.exec(text);
        if (!m) return false;
        meta = JSON.parse(m[1] as string);
        state = 'tables';
        return true;
      }
      case 'tables': {
        if (text === '}}') {
          state = 'end';
          return true;
        }
        const m = TABLE.exec(text);
        if (!m) return false;
        const name: unknown = JSON.parse(m[1] as string);
        if (typeof name !== 'string') return false;
        rows = [];
        setOwn(tables, name, rows);
        state = 'rows';
        return true;
      }
      case 'rows': {
        if (text === ']' || text === '],') {
          state = 'tables';
          return true;
        }
        if (!text.startsWith('[')) return false;
        const entry: unknown = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
        (rows as Array<[string, Rec]>).push(entry as [string, Rec]); // shape checked by checkSnapshot
        return true;
      }
      case 'end':
        return text.trim() === '';
    }
  };

  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
    const text = rest + (bytesRead > 0 ? decoder.write(buf.subarray(0, bytesRead)) : decoder.end());
    const lines = text.split('\n');
    rest = bytesRead > 0 ? (lines.pop() as string) : '';
    for (const l of lines) {
      try {
        if (!line(l)) return undefined;
      } catch {
        return undefined; // a line that is not JSON on its own: leave the verdict to the whole-document parse
      }
    }
    if (bytesRead === 0) break;
    if (state === 'header' && rest.length >= 8 && !rest.startsWith('{"meta":')) return undefined; // not ours: don't buffer it all
  }
  return state === 'end' ? { meta, tables } : undefined;
}
