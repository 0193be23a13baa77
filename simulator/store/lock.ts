/**
 * One writer per store file: `<path>.lock` holds the owner's pid (and, on Linux, its start time, so that a
 * recycled pid is not mistaken for the owner). The lock is created atomically with its content (written to a
 * private temp file, then hard-linked to the lock name, which fails if it exists). A lock whose owner is dead is
 * taken over; a live owner — another process or another store of this process — is refused with a clear error.
 */
import { readFileSync } from 'node:fs';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';

export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
}

interface Owner {
  pid: number;
  start?: string;
}

/** Start time of a process (clock ticks after boot, field 22 of /proc/<pid>/stat), where /proc exists. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists but belongs to someone else: alive.
  }
  if (owner.start !== undefined) {
    const now = startTime(owner.pid);
    if (now !== undefined && now !== owner.start) return false; // pid recycled
  }
  return true;
}

function parseOwner(text: string): Owner | undefined {
  try {
    const v = JSON.parse(text) as { pid?: unknown; start?: unknown };
    if (typeof v.pid === 'number' && Number.isSafeInteger(v.pid) && v.pid > 0) {
      return { pid: v.pid, ...(typeof v.start === 'string' ? { start: v.start } : {}) };
    }
  } catch {
    /* fall through */
  }
  return undefined;
}

const self: Owner = { pid: process.pid, ...(startTime(process.pid) !== undefined ? { start: startTime(process.pid)! } : {}) };

export class FileLock {
  readonly path: string;
  #released = false;

  private constructor(path: string) {
    this.path = path;
  }

  /** Takes the lock `lockPath` guarding `target`; throws StoreLockedError if someone alive holds it. */
  static async acquire(lockPath: string, target: string): Promise<FileLock> {
    const content = `${JSON.stringify({ ...self, file: target, since: new Date().toISOString() })}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const tmp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, content, { flag: 'wx' });
      try {
        await link(tmp, lockPath);
        return new FileLock(lockPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        await unlink(tmp).catch(() => {});
      }
      let text: string;
      try {
        text = await readFile(lockPath, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: retry
        throw err;
      }
      const owner = parseOwner(text);
      if (owner !== undefined && isAlive(owner)) {
        const who = owner.pid === process.pid ? 'another store of this process' : `process ${owner.pid}`;
        throw new StoreLockedError(
          `store: ${target} is already open by ${who} (lock file ${lockPath}). ` +
            'Only one store may open a file at a time: close the other one first.',
        );
      }
      // Dead owner (or an unreadable lock): take it over. Renaming it away is atomic, so of two processes
      // taking over the same stale lock only one moves it; the other finds it gone and retries.
      const stale = `${lockPath}.stale.${process.pid}`;
      try {
        await rename(lockPath, stale);
        await unlink(stale);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    throw new StoreLockedError(`store: could not acquire lock ${lockPath} (contended)`);
  }

  /** Removes the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    try {
      const owner = parseOwner(await readFile(this.path, 'utf8'));
      if (owner?.pid === self.pid && owner.start === self.start) await unlink(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
