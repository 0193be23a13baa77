/**
 * Micro benchmark of the file store (not a test: it prints figures).
 *
 *   node --import ./register.mjs bench/store.bench.ts [records=100000] [samples=2000]
 *
 * Prints: startup time with N records (snapshot only, and snapshot + a journal to replay), p50/p99 latency of a
 * single-record durable transact at N records (sequential, and with 16 in flight), and a forced compaction.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type FileStore } from '../simulator/store/index.js';
import type { Rec } from '../simulator/store/types.js';

const N = Number(process.argv[2] ?? 100_000);
const SAMPLES = Number(process.argv[3] ?? 2_000);

function record(i: number): Rec {
  // ~200 bytes of JSON, like a Dataverse row.
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Record ${i}`,
    amount: (i * 37) % 10_000,
    currency: 'USD',
    status: i % 3,
    project: `prj-${i % 500}`,
    createdon: '2026-03-02T10:00:00Z',
  };
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (x: number): string => `${x.toFixed(2)} ms`;
const open = async (path: string): Promise<FileStore> => (await createStore({ kind: 'file', path })) as FileStore;

const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
const path = join(dir, 'db.json');
try {
  // Build the database: N records, compacted into the lowdb snapshot.
  let t0 = process.hrtime.bigint();
  const seed = await open(path);
  const rows: Record<string, Rec> = {};
  for (let i = 0; i < N; i++) rows[`r${i}`] = record(i);
  await seed.replaceAll({ rows });
  await seed.close();
  console.log(`build: ${N} records, snapshot ${(statSync(path).size / 1e6).toFixed(1)} MB, ${f(ms(t0))}`);

  // Startup from the snapshot alone.
  const starts: number[] = [];
  for (let k = 0; k < 3; k++) {
    t0 = process.hrtime.bigint();
    const s = await open(path);
    starts.push(ms(t0));
    if (s.count('rows') !== N) throw new Error('bad count');
    // Leave without compacting (crash-like) is not possible through the API; close is cheap with an empty journal.
    await s.close();
  }
  console.log(`startup (snapshot, ${N} records): median ${f(pct(starts, 50))} (runs: ${starts.map((x) => x.toFixed(0)).join(', ')} ms)`);

  // Single-record durable transact latency, sequential.
  const s = await open(path);
  const lat: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const i = (k * 7919) % N;
    t0 = process.hrtime.bigint();
    await s.transact((tx) => tx.put('rows', `r${i}`, { ...record(i), amount: k }));
    lat.push(ms(t0));
  }
  console.log(`transact, 1 record, sequential, at ${N} records: p50 ${f(pct(lat, 50))}  p99 ${f(pct(lat, 99))}  max ${f(Math.max(...lat))}  (${SAMPLES} samples)`);

  // With 16 transactions in flight: group commit.
  const before = s.stats();
  const lat16: number[] = [];
  t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < SAMPLES) {
        const k = next++;
        const i = (k * 104_729) % N;
        const t1 = process.hrtime.bigint();
        await s.transact((tx) => tx.put('rows', `r${i}`, { ...record(i), amount: -k }));
        lat16.push(ms(t1));
      }
    }),
  );
  const total = ms(t0);
  const after = s.stats();
  console.log(
    `transact, 1 record, 16 in flight: p50 ${f(pct(lat16, 50))}  p99 ${f(pct(lat16, 99))}  ` +
      `${Math.round(SAMPLES / (total / 1000))} tx/s, ${after.writes - before.writes} journal writes for ${SAMPLES} tx`,
  );
  console.log(`journal: ${(after.journalBytes / 1e6).toFixed(2)} MB after ${after.journaled} transactions`);

  // Startup with that journal to replay (the state a crash leaves): copy files while the store is open.
  const { copyFileSync } = await import('node:fs');
  const crashed = join(dir, 'crashed.json');
  copyFileSync(path, crashed);
  copyFileSync(`${path}.wal`, `${crashed}.wal`);
  t0 = process.hrtime.bigint();
  const c = await open(crashed);
  console.log(`startup (snapshot + journal of ${c.recovery.replayed} transactions): ${f(ms(t0))}`);
  await c.close();

  // A compaction: lowdb rewrites the whole file (serialization blocks the event loop), journal cut.
  let maxDuring = 0;
  let during = 0;
  let stop = false;
  const load = (async () => {
    while (!stop) {
      const t1 = process.hrtime.bigint();
      await s.transact((tx) => tx.put('rows', 'r0', { ...record(0), amount: during }));
      during++;
      maxDuring = Math.max(maxDuring, ms(t1));
    }
  })();
  t0 = process.hrtime.bigint();
  await s.compact();
  const compactMs = ms(t0);
  stop = true;
  await load;
  console.log(`compaction at ${N} records: ${f(compactMs)}; ${during} transactions committed meanwhile, slowest ${f(maxDuring)}`);

  t0 = process.hrtime.bigint();
  await s.close();
  console.log(`close (final compaction): ${f(ms(t0))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
