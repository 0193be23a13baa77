/**
 * Where a file store keeps its files, and the `dataDir` confinement: when a data directory is given, a store
 * path resolving outside it (`..`, an absolute path elsewhere, or a symbolic link leading out) is refused.
 * Relative paths resolve against the current directory, like every other Node path.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export class StorePathError extends Error {
  override readonly name = 'StorePathError';
}

/** The files of a store at `path`. */
export interface StoreFiles {
  /** The lowdb snapshot. */
  readonly snapshot: string;
  /** The journal (write-ahead log). */
  readonly journal: string;
  readonly lock: string;
}

export function storeFiles(path: string): StoreFiles {
  return { snapshot: path, journal: `${path}.wal`, lock: `${path}.lock` };
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Resolves the store path, refuses it if it leaves `dataDir`, and creates its directory.
 * Returns the absolute path of the snapshot file.
 */
export async function resolveStorePath(path: string, dataDir?: string): Promise<string> {
  if (typeof path !== 'string' || path.length === 0) throw new StorePathError('store: a file store needs a non-empty path');
  if (path.includes('\0')) throw new StorePathError('store: the store path contains a NUL character');
  const file = resolve(path);
  if (dataDir === undefined) {
    await mkdir(dirname(file), { recursive: true });
    return file;
  }
  const root = resolve(dataDir);
  const refuse = (why: string): never => {
    throw new StorePathError(`store: refusing store path ${JSON.stringify(path)}: ${why} data directory ${root}`);
  };
  if (!inside(root, file)) refuse('it resolves outside the');
  await mkdir(dirname(file), { recursive: true });
  // Symbolic links: compare real locations too.
  const realRoot = await realpath(root);
  const realParent = await realpath(dirname(file));
  if (realParent !== realRoot && !inside(realRoot, realParent)) refuse('its directory leads (through a link) outside the');
  try {
    const st = await lstat(file);
    if (st.isSymbolicLink()) {
      const target = await realpath(file).catch(() => undefined);
      if (target === undefined || !inside(realRoot, target)) refuse('it is a symbolic link leading outside the');
    } else if (!st.isFile()) {
      refuse('it is not a regular file, in the');
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return file;
}
