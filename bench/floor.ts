/**
 * The floor of this machine, measured at the start of every run, so that the simulator's figures are judged as
 * ratios to what the same stack and disk can do at that moment (the machine is shared and its speed varies):
 * - a bare Express 5 app (bench/servers/bare.ts): a small POST and a GET by key, sequential round trips (p50),
 *   and creates and reads per second with 16 connections;
 * - the latency of an append followed by fdatasync on the disk the stores use (os.tmpdir()).
 * Read-and-parse of a snapshot is measured by startup.ts beside the start it is compared with (same file).
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, fig, load, now, pct, startChild, type Child, type Figure } from './lib.js';

export interface Floor {
  /** Sequential round trip of a small POST to bare Express, p50 (ms). */
  readonly postMs: number;
  /** Sequential round trip of a GET by key to bare Express, p50 (ms). */
  readonly getMs: number;
  /** Bare Express creates per second (in memory), 16 connections. */
  readonly createsPerSec: number;
  /** Bare Express reads by key per second, 16 connections. */
  readonly readsPerSec: number;
  /** One append of a journal-sized line followed by fdatasync, p50 (ms). */
  readonly fsyncMs: number;
}

const SEQ = 2_000;
const RECORDS = 1_000;

/** p50 of `n` sequential calls after `warm` unmeasured ones. */
async function sequential(n: number, warm: number, op: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < warm; i++) await op(i);
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    await op(i);
    lat.push(now() - t0);
  }
  return pct(lat, 50);
}

const LINE = Buffer.from(`${'x'.repeat(299)}\n`);

/**
 * The floor's sequential parts, one sample at a time, so that a figure can be measured beside its floor (sample by
 * sample, in turn) instead of against a floor measured minutes before: on a shared machine the speed of the disk
 * and of the CPU drifts by more than a factor of two within a minute (bench/README.md, session 6).
 * A bare Express 5 child serving `RECORDS` small accounts, one keep-alive connection, and a probe file in `dir`.
 */
export class FloorProbe {
  readonly #bare: Child;
  readonly #client: Client;
  readonly #fd: number;
  #n = 0;

  private constructor(bare: Child, fd: number) {
    this.#bare = bare;
    this.#client = new Client(bare.url, 1);
    this.#fd = fd;
  }

  static async start(dir: string): Promise<FloorProbe> {
    const accounts = Array.from({ length: RECORDS }, (_, i) => ({ id: `a${i}`, name: `Customer ${i}`, accountnumber: `A-${i}` }));
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ accounts }));
    const bare = await startChild('bare', ['--seed', seed]);
    return new FloorProbe(bare, openSync(join(dir, 'fsync.probe'), 'a'));
  }

  get url(): string {
    return this.#bare.url;
  }

  /** One small POST to bare Express: its round trip (ms). */
  async post(): Promise<number> {
    const i = this.#n++;
    const t0 = now();
    await this.#client.ok('POST', '/accounts', { name: `New customer ${i}`, accountnumber: `N-${i}` });
    return now() - t0;
  }

  /** One GET by key from bare Express: its round trip (ms). */
  async get(): Promise<number> {
    const i = this.#n++;
    const t0 = now();
    await this.#client.ok('GET', `/accounts/a${(i * 7919) % RECORDS}`);
    return now() - t0;
  }

  /** One append of a 300-byte line + fdatasync, as the journal's group commit does for one small transaction (ms). */
  fsync(): number {
    const t0 = now();
    writeSync(this.#fd, LINE);
    fdatasyncSync(this.#fd);
    return now() - t0;
  }

  async close(): Promise<void> {
    this.#client.close();
    closeSync(this.#fd);
    await this.#bare.stop();
  }
}

export async function measureFloor(): Promise<{ floor: Floor; figures: Figure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  try {
    const probe = await FloorProbe.start(dir);
    let floor: Floor;
    try {
      const postMs = await sequential(SEQ, 500, async () => { await probe.post(); });
      const getMs = await sequential(SEQ, 500, async () => { await probe.get(); });
      const many = new Client(probe.url, 16);
      const body = (i: number): Record<string, unknown> => ({ name: `New customer ${i}`, accountnumber: `N-${i}` });
      const creates = await load(async (i) => { await many.ok('POST', '/accounts', body(i)); }, { concurrency: 16, ms: 3_000, warmupMs: 700 });
      const reads = await load(async (i) => { await many.ok('GET', `/accounts/a${(i * 7919) % RECORDS}`); }, { concurrency: 16, ms: 3_000, warmupMs: 700 });
      many.close();
      for (let i = 0; i < 20; i++) probe.fsync();
      const fsyncMs = pct(Array.from({ length: 400 }, () => probe.fsync()), 50);
      floor = { postMs, getMs, createsPerSec: creates.perSecond, readsPerSec: reads.perSecond, fsyncMs };
    } finally {
      await probe.close();
    }
    const info = (name: string, v: number, unit: string, note?: string): Figure => fig('floor', `floor: ${name}`, v, unit, undefined, undefined, note);
    return {
      floor,
      figures: [
        info('bare Express 5, small POST, sequential round trip p50', floor.postMs, 'ms', `${SEQ} requests after 500 warm-up, one keep-alive connection`),
        info('bare Express 5, GET by key, sequential round trip p50', floor.getMs, 'ms'),
        info('bare Express 5, creates with 16 connections', floor.createsPerSec, 'req/s', 'in memory (a Map)'),
        info('bare Express 5, reads by key with 16 connections', floor.readsPerSec, 'req/s'),
        info('append + fdatasync on the store disk, p50', floor.fsyncMs, 'ms', `${tmpdir()}, 300-byte line`),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
