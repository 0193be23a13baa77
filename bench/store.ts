/**
 * Store write cost at 100k actuals: a single-record durable create (journal line + datasync), measured
 * in-process against the store (sequential), and over HTTP (POST msdyn_timeentries) against a simulator child
 * holding the same 100k actuals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createStore, type FileStore } from '../simulator/store/index.js';
import { Client, now, pct, ratioFig, runChild, startChild, type Figure } from './lib.js';
import { FloorProbe, type Floor } from './floor.js';
import { currencyOf, setUpTenant } from './flow.js';

export const ACTUALS = 100_000;

export async function run(floor: Floor): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const path = join(dir, 'db.json');
  try {
    await runChild('build', ['--path', path, '--actuals', String(ACTUALS)]);
    // Each write in turn with a sample of its floor (floor.ts, FloorProbe): judged against the same seconds.
    const probe = await FloorProbe.start(dir);
    const lat: number[] = [];
    const fsyncs: number[] = [];
    const httpLat: number[] = [];
    const httpFloor: number[] = [];
    let stats: ReturnType<FileStore['stats']>;
    try {
      // In-process: the store alone.
      const store = (await createStore({ kind: 'file', path })) as FileStore;
      for (let k = 0; k < 1_500; k++) {
        const id = randomUUID();
        const t0 = now();
        await store.transact((tx) => tx.put('msdyn_actual', id, { msdyn_actualid: id, msdyn_description: `bench ${k}`, msdyn_quantity: 1, msdyn_amount: k }));
        const ms = now() - t0;
        const f = probe.fsync();
        if (k >= 100) { lat.push(ms); fsyncs.push(f); }
      }
      stats = store.stats();
      await store.close();
      // Over HTTP: a simulator child on the same file.
      const server = await startChild('sim', ['--path', path]);
      try {
        const c = new Client(server.url, 1);
        const t = await setUpTenant(c, 'STOR', await currencyOf(c));
        for (let k = 0; k < 1_100; k++) {
          const t0 = now();
          await c.ok('POST', '/api/data/v9.2/msdyn_timeentries', { msdyn_description: `Work ${k}`, msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${t.project})` });
          const ms = now() - t0;
          const f = (await probe.post()) + probe.fsync();
          if (k >= 100) { httpLat.push(ms); httpFloor.push(f); }
        }
        c.close();
      } finally {
        await server.stop();
      }
    } finally {
      await probe.close();
    }
    return [
      ratioFig('store', `store.transact, 1 record, durable, at ${ACTUALS / 1000}k actuals, p50`, pct(lat, 50), 'ms', pct(fsyncs, 50), '<=', 1.5, `in-process, sequential; p99 ${pct(lat, 99).toFixed(2)} ms; ${stats.writes} journal writes, ${stats.syncWrites} of them synchronous. Floor: one append + fdatasync, each in turn with a transaction (p50; ${floor.fsyncMs.toFixed(2)} ms at the run's start)`),
      ratioFig('store', `create over HTTP (POST msdyn_timeentries) at ${ACTUALS / 1000}k actuals, p50`, pct(httpLat, 50), 'ms', pct(httpFloor, 50), '<=', 1.5, `sequential, durable before 204; p99 ${pct(httpLat, 99).toFixed(2)} ms. Floor: bare POST round trip + one fdatasync, each in turn with a create (p50; ${(floor.postMs + floor.fsyncMs).toFixed(2)} ms at the run's start)`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
