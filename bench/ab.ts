/**
 * `npm run bench:ab -- <flow|flows|create> <build A> <build B> [rounds]`: two compiled builds of the simulator side by
 * side, in the same minutes, on a shared machine whose speed drifts by more than most changes are worth.
 * - `flow`: sequential invoice flows (bench/flow.ts), alternating A, B, A, B… one flow at a time: p25/p50/p75 of each;
 * - `flows`: 16 clients (one legal entity each), and `create`: 16 connections creating time entries; 3 s phases
 *   alternating A, B, A, B…: the rate of each phase and their mean.
 * A build is a directory holding a `tsc -p tsconfig.build.json` output, e.g. `dist` and an older commit built with
 * `--outDir dist-old`; `dist+--max-semi-space-size=32` adds Node flags to that server. Each server has its own file
 * store in os.tmpdir(). Information only: no target (the targets live in `npm run bench`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, load, now, pct, ROOT } from './lib.js';
import { currencyOf, flow, setUpTenant, type Tenant } from './flow.js';

const [mode = 'flow', ...rest] = process.argv.slice(2);
const builds = rest.filter((a) => !/^\d+$/.test(a));
const rounds = Number(rest.find((a) => /^\d+$/.test(a)) ?? (mode === 'flow' ? 400 : 4));
if (!['flow', 'flows', 'create'].includes(mode) || builds.length < 2) {
  console.error('usage: npm run bench:ab -- <flow|flows|create> <build A> <build B> [rounds]');
  process.exit(2);
}
const DV = '/api/data/v9.2';
const dir = mkdtempSync(join(tmpdir(), 'bench-ab-'));

async function start(build: string, k: number): Promise<{ url: string; stop(): Promise<void> }> {
  const [out = 'dist', ...flags] = build.split('+');
  const p = spawn(process.execPath, [...flags, join(ROOT, out, 'bench', 'servers', 'sim.js'), '--path', join(dir, `db${k}.json`)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    p.once('exit', (code) => reject(new Error(`bench:ab: ${build} exited with ${code}`)));
    createInterface({ input: p.stdout! }).once('line', resolve);
  });
  p.removeAllListeners('exit');
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  return { url: String((JSON.parse(line) as { url: string }).url), stop: () => { p.kill('SIGTERM'); return exited; } };
}

const servers = await Promise.all(builds.map(start));
try {
  const sockets = mode === 'flow' ? 1 : 16;
  const clients = servers.map((s) => new Client(s.url, sockets));
  const tenants: Tenant[][] = await Promise.all(clients.map(async (c) => {
    const usd = await currencyOf(c);
    return Promise.all(Array.from({ length: sockets }, (_, k) => setUpTenant(c, `A${String(k).padStart(3, '0')}`, usd)));
  }));
  const results: number[][] = builds.map(() => []);
  if (mode === 'flow') {
    const warm = Math.min(100, Math.floor(rounds / 4));
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < builds.length; k++) {
        const t0 = now();
        await flow(clients[k] as Client, (tenants[k] as Tenant[])[0] as Tenant, i);
        if (i >= warm) (results[k] as number[]).push(now() - t0);
      }
    }
    builds.forEach((b, k) => {
      const l = results[k] as number[];
      console.log(`${b}: sequential flow p25 ${pct(l, 25).toFixed(2)} ms, p50 ${pct(l, 50).toFixed(2)} ms, p75 ${pct(l, 75).toFixed(2)} ms (${l.length} flows)`);
    });
  } else {
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < builds.length; k++) {
        const c = clients[k] as Client;
        const ts = tenants[k] as Tenant[];
        const op = mode === 'flows'
          ? async (i: number) => { await flow(c, ts[i % ts.length] as Tenant, i); }
          : async (i: number) => {
            await c.ok('POST', `${DV}/msdyn_timeentries`, { msdyn_description: `Work ${i}`, msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${(ts[i % ts.length] as Tenant).project})` });
          };
        (results[k] as number[]).push((await load(op, { concurrency: 16, ms: 3_000, warmupMs: 500 })).perSecond);
      }
    }
    const unit = mode === 'flows' ? 'flows/s' : 'creates/s';
    builds.forEach((b, k) => {
      const l = results[k] as number[];
      console.log(`${b}: ${unit} per phase ${l.map((x) => x.toFixed(0)).join(', ')}; mean ${(l.reduce((a, x) => a + x, 0) / l.length).toFixed(0)}`);
    });
  }
  for (const c of clients) c.close();
} finally {
  await Promise.all(servers.map((s) => s.stop())); // they write their final snapshot into `dir`
  rmSync(dir, { recursive: true, force: true });
}
