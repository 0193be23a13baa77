/**
 * `npm run bench [-- <group>…]`: measures the machine's floor first (floor.ts), then runs the benchmark modules
 * (flow, store, throughput, import, startup, metadata, fetchxml, suite), prints one table (figure | measured | floor | ratio | target |
 * result) and saves it as reports/bench.json. Targets are ratios to a floor measured in this run wherever the
 * figure depends on the machine's speed. Nothing is asserted in timed tests. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildServers, ROOT, type Figure } from './lib.js';
import { measureFloor, type Floor } from './floor.js';

const GROUPS = ['flow', 'store', 'throughput', 'import', 'startup', 'metadata', 'fetchxml', 'suite', 'package'] as const;
type Group = (typeof GROUPS)[number];

const wanted = process.argv.slice(2).filter((a): a is Group => (GROUPS as readonly string[]).includes(a));
const groups: readonly Group[] = wanted.length ? wanted : GROUPS;
const figures: Figure[] = [];
const started = new Date();

// The servers under test run compiled, as `npm start` runs the simulator.
if (groups.some((g) => g !== 'suite')) buildServers();

// The suite's floor is its own (each language alone); every other group is compared with the machine's floor.
let floor: Floor | undefined;
if (groups.some((g) => g !== 'suite')) {
  process.stderr.write('bench: floor…\n');
  const measured = await measureFloor();
  floor = measured.floor;
  figures.push(...measured.figures);
}

for (const g of groups) {
  process.stderr.write(`bench: ${g}…\n`);
  const t0 = performance.now();
  try {
    const mod = (await import(`./${g}.js`)) as { run(floor: Floor | undefined): Promise<Figure[]> };
    figures.push(...(await mod.run(floor)));
  } catch (e) {
    figures.push({ group: g, name: `${g} (failed to run)`, measured: null, unit: '', note: e instanceof Error ? e.message.slice(0, 300) : String(e) });
  }
  process.stderr.write(`bench: ${g} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

const unmeasurable = (x: number | null | undefined): boolean => x === null || x === undefined || Number.isNaN(x);
for (const f of figures) {
  if (f.floor !== undefined) f.ratio = unmeasurable(f.measured) || !(f.floor > 0) ? null : (f.measured as number) / f.floor;
  const judged = f.floor !== undefined ? f.ratio : f.measured;
  f.pass = f.target === undefined || f.cmp === undefined ? undefined : unmeasurable(judged) ? null : f.cmp === '<=' ? (judged as number) <= f.target : (judged as number) >= f.target;
}

const num = (x: number | null | undefined, unit: string): string => {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  const digits = unit === 'ratio' || unit === '×' ? 2 : Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return `${x.toFixed(digits)} ${unit}`.trim();
};
const rows = figures.map((f) => [
  f.name,
  num(f.measured, f.unit),
  f.floor === undefined ? '' : num(f.floor, f.unit),
  f.floor === undefined ? '' : num(f.ratio, '×'),
  f.target === undefined ? '' : `${f.cmp} ${f.floor === undefined ? num(f.target, f.unit) : num(f.target, '×')}`,
  f.pass === undefined ? '' : f.pass === null ? 'n/a' : f.pass ? 'PASS' : 'FAIL',
]);
const head = ['figure', 'measured', 'floor', 'ratio', 'target', 'result'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(width[i] as number) : c.padEnd(width[i] as number))).join(' | ')} |`;
console.log(line(head));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log('');
for (const f of figures) if (f.note) console.log(`- ${f.name}: ${f.note}`);
console.log('\nServers under test run in child processes (client and server on one core each); load: keep-alive http.Agent, 16 sockets, 127.0.0.1.');
console.log('Ratios are measured / floor, both from this run (bench/README.md says how each floor is made).');

const report = {
  started: started.toISOString(),
  node: process.version,
  cpus: cpus().length,
  method: 'bench/README.md: servers under test in child processes, client in the bench process; keep-alive http.Agent (16 sockets) on 127.0.0.1; targets are ratios to floors measured in the same run',
  floor,
  figures,
  passed: figures.filter((f) => f.pass === true).length,
  failed: figures.filter((f) => f.pass === false).length,
};
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nSaved reports/bench.json (${report.passed} pass, ${report.failed} fail).`);
