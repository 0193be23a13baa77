/**
 * The package as another project uses it (issue 15): `startSimulator()` imported by the package's name (its
 * `exports`, i.e. the compiled dist/ an installed package holds), from the call to its first answered request
 * (`WhoAmI` on the Dataverse URL), then stopped. Floor: a bare Express 5 app started on a free port and answering one
 * GET, in the same process and run, interleaved with the simulator's starts. Target p50 ≤ 3× the floor's p50.
 * Module loading is left out of both (one warm-up each); the cold start of a new process is reported apart.
 */
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ROOT, now, pct, ratioFig, fig, type Figure } from './lib.js';

type Api = typeof import('../simulator/api.js');
const RUNS = 200;
const WARMUP = 20;

async function bareExpress(): Promise<void> {
  const app = express();
  app.get('/', (_req, res) => { res.json({ ok: true }); });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const { port } = server.address() as AddressInfo;
  const r = await fetch(`http://127.0.0.1:${port}/`);
  if (r.status !== 200) throw new Error(`bare express: ${r.status}`);
  await r.arrayBuffer();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function run(): Promise<Figure[]> {
  // By the package's name, through its `exports`: what `import { startSimulator } from 'po-invoice-sim'` loads in a
  // project that installed it (the specifier is a variable so that the type check does not need dist/ to exist).
  const name = 'po-invoice-sim';
  const { startSimulator } = (await import(name)) as Api;
  const simulator = async (): Promise<void> => {
    const sim = await startSimulator();
    const r = await fetch(`${sim.dataverseUrl}WhoAmI`);
    if (r.status !== 200) throw new Error(`WhoAmI: ${r.status}`);
    await r.arrayBuffer();
    await sim.stop();
  };
  const sim: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < RUNS + WARMUP; k++) {
    let t0 = now();
    await simulator();
    if (k >= WARMUP) sim.push(now() - t0);
    t0 = now();
    await bareExpress();
    if (k >= WARMUP) bare.push(now() - t0);
  }

  // Cold: a new Node process importing the package and answering its first request, against one that does the same
  // with a bare Express app (median of 3 each).
  const cold = (code: string): number => {
    const t0 = now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cold start: ${r.stderr}`);
    return now() - t0;
  };
  const coldSim: number[] = [];
  const coldBare: number[] = [];
  for (let k = 0; k < 3; k++) {
    coldSim.push(cold(`const { startSimulator } = await import('${name}'); const s = await startSimulator(); await (await fetch(s.dataverseUrl + 'WhoAmI')).arrayBuffer(); await s.stop();`));
    coldBare.push(cold("const { default: express } = await import('express'); const a = express(); a.get('/', (q, r) => r.json({})); const s = a.listen(0, '127.0.0.1'); await new Promise((r) => s.once('listening', r)); await (await fetch('http://127.0.0.1:' + s.address().port + '/')).arrayBuffer(); s.closeAllConnections(); s.close();"));
  }
  return [
    ratioFig('package', 'startSimulator() from the package → first answered request, p50', pct(sim, 50), 'ms', pct(bare, 50), '<=', 3,
      `p99 ${pct(sim, 99).toFixed(2)} ms; ${RUNS} starts (memory store, free port, WhoAmI, stop) interleaved with a bare Express 5 start + GET (floor, p99 ${pct(bare, 99).toFixed(2)} ms); module loading excluded`),
    fig('package', 'cold: new process importing the package → first answered request, median', pct(coldSim, 50), 'ms', undefined, undefined,
      `a new process with a bare Express 5 app answering its first GET: ${Math.round(pct(coldBare, 50))} ms (median of 3 each)`),
  ];
}
