/**
 * Start-up: a simulator child opening a file store with 100k actuals (median of 3 starts; time from
 * createSimulator to listening, module loading excluded and reported apart; RSS once ready), and a simulator
 * instance per scenario (memory store, createSimulator + listen, in-process, p50 of 300).
 *
 * The child runs compiled (dist/), as `npm start` runs the simulator; the same start from the TypeScript sources
 * through ts-node (`npm run dev`) is measured once more for information: its loader thread holds the compiler.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../simulator/index.js';
import { fig, now, pct, ratioFig, runChild, startChild, type Figure, type Runtime } from './lib.js';
import { ACTUALS } from './store.js';

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const path = join(dir, 'db.json');
  const starts: { startMs: number; rss: number; processMs: number }[] = [];
  try {
    await runChild('build', ['--path', path, '--actuals', String(ACTUALS)]);
    const start = async (runtime: Runtime): Promise<{ startMs: number; rss: number; processMs: number }> => {
      const c = await startChild('sim', ['--path', path], undefined, runtime);
      await c.stop();
      return { startMs: Number(c.info.startMs), rss: Number(c.info.rss), processMs: Number(c.info.processMs) };
    };
    // The floor of opening: reading the same snapshot file and parsing it as one JSON document (median of 3).
    const parse: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = now();
      JSON.parse(readFileSync(path, 'utf8'));
      parse.push(now() - t0);
    }
    for (let k = 0; k < 3; k++) starts.push(await start('dist'));
    const dev = await start('ts-node');
    const empty = await startChild('sim', []);
    const baseRss = Number(empty.info.rss);
    await empty.stop();

    // One simulator per scenario: memory store, own routers, listening on an ephemeral port.
    const lat: number[] = [];
    for (let k = 0; k < 330; k++) {
      const t0 = now();
      const sim = await createSimulator({ clock: '2026-03-02T10:00:00.000Z' });
      await sim.listen(0);
      if (k >= 30) lat.push(now() - t0);
      await sim.close();
    }
    const med = <K extends keyof (typeof starts)[number]>(key: K): number => pct(starts.map((s) => s[key]), 50);
    return [
      ratioFig('startup', `start-up with ${ACTUALS / 1000}k actuals (open store → listening)`, med('startMs'), 'ms', pct(parse, 50), '<=', 1.5, `median of 3 child processes running dist/ (as npm start); process start → listening incl. module loading: ${Math.round(med('processMs'))} ms (from the sources through ts-node: ${Math.round(dev.processMs)} ms). Floor: readFileSync + JSON.parse of the same snapshot, median of 3`),
      fig('startup', `memory with ${ACTUALS / 1000}k actuals (RSS once listening)`, med('rss') / 1e6, 'MB', '<=', 300, `RSS of the whole process running dist/ (as npm start); with an empty store ${Math.round(baseRss / 1e6)} MB; from the sources through ts-node (npm run dev), whose loader thread holds the TypeScript compiler: ${Math.round(dev.rss / 1e6)} MB`),
      fig('startup', 'simulator instance per scenario (memory store, createSimulator + listen), p50', pct(lat, 50), 'ms', '<=', 5, `p99 ${pct(lat, 99).toFixed(2)} ms, 300 instances`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
