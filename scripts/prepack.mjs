// `npm pack` / `npm publish`: the package ships the simulator compiled to dist/ (with type declarations), so that
// it runs on plain Node without TypeScript or ts-node. A clean build: nothing stale from an earlier one is packed.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
