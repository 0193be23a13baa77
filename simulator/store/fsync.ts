/** fsync helper: make a rename or creation in a directory durable (a file's content is synced by its writer). */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** fsyncs the directory containing `path` (a rename or creation is durable only once its directory is). */
export async function fsyncDir(path: string): Promise<void> {
  let fh;
  try {
    fh = await open(dirname(path), 'r');
  } catch {
    return; // platforms where a directory cannot be opened (Windows): nothing more we can do
  }
  try {
    await fh.sync();
  } catch (err) {
    // Some file systems refuse fsync on a directory (EINVAL/EISDIR/EPERM): the data itself is synced.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw err;
  } finally {
    await fh.close();
  }
}
