/**
 * Where the project's files are, whether the simulator runs from its TypeScript sources (ts-node) or compiled to
 * `dist/` (`npm start`): the project root is the nearest folder above this module with this project's
 * `package.json`. Locales, the demo's static files, features and the scenario player's runner are read from there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'po-invoice-sim') return dir;
    if (dirname(dir) === dir) throw new Error(`po-invoice-sim: no package.json of this project above ${from}`);
  }
}

export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, from `/`-separated parts relative to its root. */
export const projectPath = (...parts: string[]): string => join(projectRoot, ...parts);
