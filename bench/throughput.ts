/**
 * Side by side, 16 connections, 10k records, one server at a time in a child process:
 * - the simulator (file store): GET one account by key through the Dataverse API; POST accounts (durable ack);
 * - json-server 0.17 (Express + lowdb 1) on the same records, for information.
 * The simulator's rates are judged against the floor (floor.ts): a bare Express 5 handler serving small records from
 * a Map (GET) and creating in memory (POST), in 1-second phases in turn with the simulator's (lib.ts inTurn).
 * For information, the same bare handler serving the simulator's own answers (every column of the account, as the
 * Web API answers without `$select`, ≈3.8 kB instead of the floor's 60 bytes): what a read costs when only the
 * size of the answer is the same (bench/README.md, "Targets that a floor of a different kind cannot meet").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, fig, inTurn, load, ratioFig, runChild, startChild, type Figure } from './lib.js';
import { FloorProbe, type Floor } from './floor.js';

const RECORDS = 10_000;
/** Full-width answers the same-size bare handler serves (read from the simulator by key, as the load reads them). */
const WIDE = 1_000;
const MS = 4_000;
const WARM = 700;
const DV = '/api/data/v9.2';
/** Phases of the simulator and of bare Express in turn (inTurn), 16 connections. */
const TURNS = { concurrency: 16, rounds: 4, ms: 1_000 };
type J = Record<string, unknown>;

interface Rates { reads: number; creates: number }

async function measure(url: string, readPath: (id: string) => string, createPath: string, body: (i: number) => J, ids: readonly string[]): Promise<Rates> {
  const c = new Client(url, 16);
  try {
    const reads = await load(async (i) => {
      const r = await c.request('GET', readPath(ids[(i * 7919) % ids.length] as string));
      if (r.status !== 200) throw new Error(`read → ${r.status} ${r.text.slice(0, 200)}`);
    }, { concurrency: 16, ms: MS, warmupMs: WARM });
    const creates = await load(async (i) => {
      const r = await c.request('POST', createPath, body(i));
      if (r.status !== 201 && r.status !== 204) throw new Error(`create → ${r.status} ${r.text.slice(0, 200)}`);
    }, { concurrency: 16, ms: MS, warmupMs: WARM });
    return { reads: reads.perSecond, creates: creates.perSecond };
  } finally {
    c.close();
  }
}

export async function run(floor: Floor): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tp-'));
  const path = join(dir, 'db.json');
  try {
    await runChild('build', ['--path', path, '--accounts', String(RECORDS)]);
    // The simulator.
    const sim = await startChild('sim', ['--path', path]);
    let records: J[] = [];
    const wide: J[] = [];
    let simRates: Rates;
    let bareRates: Rates;
    let wideReads: { a: number; b: number };
    try {
      const c = new Client(sim.url, 1);
      // Only the columns the comparison servers are seeded with (a Dataverse account has ~150, mostly null).
      let next: string | undefined = `${DV}/accounts?$select=name,accountnumber,_msdyn_company_value`;
      while (next) {
        const page: J = (await c.ok('GET', next)).json();
        records.push(...(page.value as J[]));
        next = typeof page['@odata.nextLink'] === 'string' ? new URL(page['@odata.nextLink']).pathname + new URL(page['@odata.nextLink']).search : undefined;
      }
      for (const r of records.slice(0, WIDE)) wide.push({ id: String(r.accountid), ...(await c.ok('GET', `${DV}/accounts(${String(r.accountid)})`)).json() });
      c.close();
      if (records.length !== RECORDS) throw new Error(`expected ${RECORDS} accounts, got ${records.length}`);
      const company = String(records[0]?._msdyn_company_value);
      // The simulator's rates, each in turn with the floor's (bare Express 5 with small records, as floor.ts measures it).
      const probe = await FloorProbe.start(dir);
      // For information: bare Express 5 serving the simulator's own (full-width) answers.
      const wideSeed = join(dir, 'wide.json');
      writeFileSync(wideSeed, JSON.stringify({ accounts: wide }));
      const wideBare = await startChild('bare', ['--seed', wideSeed]);
      const s = new Client(sim.url, 16);
      const b = new Client(probe.url, 16);
      const w = new Client(wideBare.url, 16);
      try {
        const simIds = records.map((r) => String(r.accountid));
        const ok = (what: string, want: readonly number[]) => (r: { status: number; text: string }): void => {
          if (!want.includes(r.status)) throw new Error(`${what} → ${r.status} ${r.text.slice(0, 200)}`);
        };
        const reads = await inTurn(
          async (i) => ok('read', [200])(await s.request('GET', `${DV}/accounts(${simIds[(i * 7919) % simIds.length] as string})`)),
          async (i) => ok('bare read', [200])(await b.request('GET', `/accounts/a${(i * 7919) % 1_000}`)),
          TURNS,
        );
        const creates = await inTurn(
          async (i) => ok('create', [201, 204])(await s.request('POST', `${DV}/accounts`, { name: `New customer ${i}`, 'msdyn_company@odata.bind': `/cdm_companies(${company})` })),
          async (i) => ok('bare create', [201])(await b.request('POST', '/accounts', { name: `New customer ${i}`, accountnumber: `N-${i}` })),
          TURNS,
        );
        const wideIds = wide.map((r) => String(r.id));
        wideReads = await inTurn(
          async (i) => ok('read', [200])(await s.request('GET', `${DV}/accounts(${wideIds[(i * 7919) % wideIds.length] as string})`)),
          async (i) => ok('wide read', [200])(await w.request('GET', `/accounts/${wideIds[(i * 7919) % wideIds.length] as string}`)),
          TURNS,
        );
        simRates = { reads: reads.a, creates: creates.a };
        bareRates = { reads: reads.b, creates: creates.b };
      } finally {
        s.close();
        b.close();
        w.close();
        await probe.close();
        await wideBare.stop();
      }
    } finally {
      await sim.stop();
    }
    records = records.map((r) => ({ id: String(r.accountid), ...r }));
    const ids = records.map((r) => String(r.id));
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ accounts: records }));
    const body = (i: number): J => ({ name: `New customer ${i}`, _msdyn_company_value: records[0]?._msdyn_company_value });
    // json-server 0.17.
    const jsDb = join(dir, 'json-server.json');
    writeFileSync(jsDb, JSON.stringify({ accounts: records }, null, 2));
    const js = await startChild('jsonserver', ['--db', jsDb]);
    let jsRates: Rates;
    try {
      jsRates = await measure(js.url, (id) => `/accounts/${id}`, '/accounts', body, ids);
    } finally {
      await js.stop();
    }
    const wideBytes = Math.round(wide.reduce((n, r) => n + JSON.stringify(r).length, 0) / wide.length);
    return [
      ratioFig('throughput', 'read by key: simulator (Dataverse API) vs bare Express 5 + Map', simRates.reads, 'req/s', bareRates.reads, '>=', 1.0, `16 connections, ${RECORDS / 1000}k accounts, file store; ${TURNS.rounds} phases of ${TURNS.ms / 1000} s each in turn with bare Express's (${Math.round(floor.readsPerSec)} req/s at the run's start)`),
      { ...fig('throughput', 'read by key: simulator vs bare Express 5 serving the same full-width answers (information)', wideReads.a, 'req/s', undefined, undefined,
        `the same bare handler, seeded with ${WIDE} of the simulator's own answers (≈${wideBytes} bytes each, every column, as Dataverse answers without $select) instead of 60-byte records; the same ${WIDE} accounts read from each, in turn`), floor: wideReads.b },
      ratioFig('throughput', 'create: simulator (durable, datasynced) vs bare Express 5 + Map (memory)', simRates.creates, 'req/s', bareRates.creates, '>=', 0.5, `POST accounts, 204 after the journal datasync (group commit); in turn with bare Express's creates as the reads (${Math.round(floor.createsPerSec)} req/s at the run's start)`),
      fig('throughput', 'read by key: json-server 0.17', jsRates.reads, 'req/s', undefined, undefined, `simulator ${(simRates.reads / jsRates.reads).toFixed(1)}× json-server`),
      fig('throughput', 'create: json-server 0.17', jsRates.creates, 'req/s', undefined, undefined, `simulator ${(simRates.creates / jsRates.creates).toFixed(1)}× json-server`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
