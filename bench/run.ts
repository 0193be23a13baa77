/**
 * `npm run bench [-- <group>…]`: runs the benchmark modules (flow, store, throughput, import, startup, suite, fetchxml),
 * prints one table (figure | measured | target | pass/fail) and saves it as reports/bench.json.
 * Every figure is measured in this run; nothing is asserted in timed tests. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildServers, ROOT, type Figure } from './lib.js';

const GROUPS = ['flow', 'store', 'throughput', 'import', 'startup', 'suite', 'fetchxml'] as const;
type Group = (typeof GROUPS)[number];

const wanted = process.argv.slice(2).filter((a): a is Group => (GROUPS as readonly string[]).includes(a));
const groups: readonly Group[] = wanted.length ? wanted : GROUPS;
const figures: Figure[] = [];
const started = new Date();

// The servers under test run compiled, as `npm start` runs the simulator.
if (groups.some((g) => g !== 'suite')) buildServers();

for (const g of groups) {
  process.stderr.write(`bench: ${g}…\n`);
  const t0 = performance.now();
  try {
    const mod = (await import(`./${g}.js`)) as { run(): Promise<Figure[]> };
    figures.push(...(await mod.run()));
  } catch (e) {
    figures.push({ group: g, name: `${g} (failed to run)`, measured: null, unit: '', note: e instanceof Error ? e.message.slice(0, 300) : String(e) });
  }
  process.stderr.write(`bench: ${g} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

for (const f of figures) {
  f.pass = f.target === undefined || f.cmp === undefined ? undefined : f.measured === null || Number.isNaN(f.measured) ? null : f.cmp === '<=' ? f.measured <= f.target : f.measured >= f.target;
}

const num = (x: number | null, unit: string): string => {
  if (x === null || Number.isNaN(x)) return 'n/a';
  const digits = unit === 'ratio' || unit === '×' ? 2 : Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return `${x.toFixed(digits)} ${unit}`;
};
const rows = figures.map((f) => [
  f.name,
  num(f.measured, f.unit),
  f.target === undefined ? '' : `${f.cmp} ${num(f.target, f.unit)}`,
  f.pass === undefined ? '' : f.pass === null ? 'n/a' : f.pass ? 'PASS' : 'FAIL',
]);
const head = ['figure', 'measured', 'target', 'result'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(width[i] as number) : c.padEnd(width[i] as number))).join(' | ')} |`;
console.log(line(head));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log('');
for (const f of figures) if (f.note) console.log(`- ${f.name}: ${f.note}`);
console.log('\nServers under test run in child processes (client and server on one core each); load: keep-alive http.Agent, 16 sockets, 127.0.0.1.');

const report = {
  started: started.toISOString(),
  node: process.version,
  cpus: cpus().length,
  method: 'bench/README.md: servers under test in child processes, client in the bench process; keep-alive http.Agent (16 sockets) on 127.0.0.1',
  figures,
  passed: figures.filter((f) => f.pass === true).length,
  failed: figures.filter((f) => f.pass === false).length,
};
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nSaved reports/bench.json (${report.passed} pass, ${report.failed} fail).`);
