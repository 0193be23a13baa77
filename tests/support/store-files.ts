/**
 * Store files for the store tests: a temporary root (removed after the file's tests), a fresh store path per test,
 * and "crash" copies: the files of an open store copied aside, which is what a SIGKILL leaves (acknowledged
 * transactions are in the journal, close() never ran).
 */
import { after, before } from 'node:test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StoreFiles {
  /** The temporary root of this test file's stores. */
  root(): string;
  /** A new directory and a store path in it. */
  freshPath(): string;
  /** Snapshot and journal of the store at `path` copied to a fresh path (the snapshot must exist). */
  crashCopy(path: string): string;
  /** The same, for a store that may never have written its snapshot yet. */
  crashCopyMaybe(path: string): string;
}

export function storeFiles(prefix: string): StoreFiles {
  let root = '';
  let n = 0;
  before(() => { root = mkdtempSync(join(tmpdir(), prefix)); });
  after(() => { rmSync(root, { recursive: true, force: true }); });
  const freshPath = (): string => {
    const dir = join(root, `s${++n}`);
    mkdirSync(dir, { recursive: true });
    return join(dir, 'db.json');
  };
  const copy = (path: string, snapshotMayBeMissing: boolean): string => {
    const to = freshPath();
    if (!snapshotMayBeMissing || existsSync(path)) copyFileSync(path, to);
    copyFileSync(`${path}.wal`, `${to}.wal`);
    return to;
  };
  return { root: () => root, freshPath, crashCopy: (p) => copy(p, false), crashCopyMaybe: (p) => copy(p, true) };
}
