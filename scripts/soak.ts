/**
 * `npm run soak`: the longer, time-bounded robustness tests of tests/soak/ (files listed here: Node 20's
 * `--test` takes no quoted globs). Forwards their output and ends with the figures they report
 * (bad input cases tried, kills survived, writes verified, lost = 0, load invariants). Exit 1 if anything failed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

// The bad input corpus (fast, also in npm test) runs here too, so that the figures below are complete.
const files = ['tests/bad-input.test.ts', ...readdirSync('tests/soak').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `tests/soak/${f}`)];
const started = Date.now();
const child = spawn(process.execPath, ['--import', './register.mjs', '--test', ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (d: Buffer) => { out += d.toString(); process.stdout.write(d); });
const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
const figures = [...out.matchAll(/^# ((?:bad input|crash soak|load soak): .*)$/gm)].map((m) => m[1]);
const pass = /^# pass (\d+)/m.exec(out)?.[1] ?? '?';
const fail = /^# fail (\d+)/m.exec(out)?.[1] ?? '?';
console.log('\n━━━ soak figures ━━━');
for (const f of figures) console.log(f);
console.log(`${pass} passed, ${fail} failed (${files.length} files, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(code);
