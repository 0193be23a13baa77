/**
 * Full invoice flow over HTTP against a file-store simulator in a child process: time entry → approve →
 * import from staging (integration journal) → post journal → mark ready → create invoice → confirm (dual-write
 * of the proposal and actuals) → import (proposal lines) → post proposal → write-back checked on Dataverse.
 * Each client works in its own legal entity, so concurrent flows never share a journal or a proposal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, inTurn, now, pct, ratioFig, runChild, startChild, type Figure } from './lib.js';
import { FloorProbe, type Floor } from './floor.js';
import { BillingMethod, TxType } from '../simulator/dataverse/entities.js';

const DV = '/api/data/v9.2';
type J = Record<string, unknown>;

export interface Tenant { company: string; contract: string; project: string }

/** Legal entity (dual-written to cdm_companies), customer, project, contract and a T&M line. */
export async function setUpTenant(c: Client, code: string, currency: string): Promise<Tenant> {
  await c.ok('POST', '/data/LegalEntities', { LegalEntityId: code, Name: `Bench ${code}`, AccountingCurrency: 'USD' });
  const companies = (await c.ok('GET', `${DV}/cdm_companies?$filter=cdm_companycode eq '${code}'&$select=cdm_companyid`)).json<{ value: J[] }>().value;
  const companyId = String(companies[0]?.cdm_companyid);
  const rep = { prefer: 'return=representation' };
  const account = (await c.ok('POST', `${DV}/accounts`, { name: `Customer ${code}`, 'msdyn_company@odata.bind': `/cdm_companies(${companyId})`, 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${currency})` }, rep)).json();
  const project = (await c.ok('POST', `${DV}/msdyn_projects`, { msdyn_subject: `Project ${code}`, 'msdyn_customer@odata.bind': `/accounts(${String(account.accountid)})`, 'msdyn_company@odata.bind': `/cdm_companies(${companyId})` }, rep)).json();
  const contract = (await c.ok('POST', `${DV}/salesorders`, { name: `Contract ${code}`, 'customerid_account@odata.bind': `/accounts(${String(account.accountid)})` }, rep)).json();
  await c.ok('POST', `${DV}/salesorderdetails`, {
    productdescription: `T&M ${code}`, 'salesorderid@odata.bind': `/salesorders(${String(contract.salesorderid)})`, 'msdyn_project@odata.bind': `/msdyn_projects(${String(project.msdyn_projectid)})`,
    msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: 200, msdyn_costperunit: 100,
  });
  return { company: code, contract: String(contract.salesorderid), project: String(project.msdyn_projectid) };
}

export async function currencyOf(c: Client): Promise<string> {
  return String((await c.ok('POST', `${DV}/transactioncurrencies`, { isocurrencycode: 'USD', currencyname: 'US Dollar' }, { prefer: 'return=representation' })).json().transactioncurrencyid);
}

const logParam = (log: unknown, key: string, param: string): string => {
  const entry = (log as { key: string; params: J }[]).find((l) => l.key === key);
  if (!entry) throw new Error(`no ${key} in ${JSON.stringify(log).slice(0, 300)}`);
  return String(entry.params[param]);
};

/** What one flow costs at least: its requests as bare round trips, plus one fdatasync for each durable write. */
export const FLOW_WRITES = 9;
export const FLOW_READS = 1;

/** One complete flow (10 requests: 9 durable writes, 1 read); throws if any step or the write-back check fails. */
export async function flow(c: Client, t: Tenant, i: number): Promise<void> {
  const rep = { prefer: 'return=representation' };
  const entry = (await c.ok('POST', `${DV}/msdyn_timeentries`, { msdyn_description: `Work ${i}`, msdyn_date: '2026-03-02', msdyn_duration: 480, 'msdyn_project@odata.bind': `/msdyn_projects(${t.project})` }, rep)).json();
  await c.ok('POST', `${DV}/msdyn_timeentries(${String(entry.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {});
  const imp1 = (await c.ok('POST', '/sim/processes/import_staging/run', { company: t.company })).json();
  const journal = logParam(imp1.lastLog, 'import.journalCreated', 'journal');
  await c.ok('POST', `/data/ProjectIntegrationJournals(dataAreaId='${t.company}',JournalId='${journal}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {});
  await c.ok('POST', `${DV}/salesorders(${t.contract})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {});
  const invoice = (await c.ok('POST', `${DV}/salesorders(${t.contract})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {})).json();
  await c.ok('POST', `${DV}/invoices(${String(invoice.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {});
  await c.ok('POST', '/sim/processes/import_staging/run', { company: t.company });
  const posted = (await c.ok('POST', `/data/ProjectInvoiceProposals(dataAreaId='${t.company}',ProposalId='${String(invoice.invoicenumber)}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {})).json();
  const billedRows = (await c.ok('GET', `${DV}/msdyn_actuals?$filter=_msdyn_invoice_value eq ${String(invoice.invoiceid)} and msdyn_transactiontypecode eq ${TxType.BilledSales}&$select=msdyn_vouchernumber`)).json<{ value: J[] }>().value;
  const billed = billedRows[0] ?? {};
  if (billed.msdyn_vouchernumber !== posted.Voucher) throw new Error(`write-back missing: ${JSON.stringify(billed)} vs ${String(posted.Voucher)}`);
}

/** One sample of the sequential flow's floor, measured now: its requests as bare round trips, one fdatasync per durable write. */
async function floorSample(probe: FloorProbe): Promise<number> {
  let ms = 0;
  for (let k = 0; k < FLOW_WRITES; k++) ms += (await probe.post()) + probe.fsync();
  for (let k = 0; k < FLOW_READS; k++) ms += await probe.get();
  return ms;
}

/**
 * Sequential flows on two simulators in turn, an empty store and one holding `GROWTH_ACTUALS` actuals, with a sample
 * of the floor between them: each figure is judged against what the machine did in the same seconds (floor.ts,
 * FloorProbe). p50 of each after 2 s of warm-up.
 */
async function sequentialP50(emptyPath: string, fullPath: string, probe: FloorProbe): Promise<{ empty: number[]; full: number[]; floor: number[] }> {
  const servers = await Promise.all([startChild('sim', ['--path', emptyPath]), startChild('sim', ['--path', fullPath])]);
  try {
    const clients = servers.map((s) => new Client(s.url, 1));
    const tenants = await Promise.all(clients.map(async (c) => setUpTenant(c, 'S000', await currencyOf(c))));
    const out = { empty: [] as number[], full: [] as number[], floor: [] as number[] };
    const one = async (k: 0 | 1, i: number): Promise<number> => {
      const t0 = now();
      await flow(clients[k] as Client, tenants[k] as Tenant, i);
      return now() - t0;
    };
    // Warm-up: V8 optimizes the hot paths of client and server (the first few hundred flows are about twice as slow).
    const warm = now() + 2_000;
    for (let i = 0; now() < warm; i++) { await one(0, i); await one(1, i); await floorSample(probe); }
    const end = now() + 12_000;
    for (let i = 0; i < 500 && now() < end; i++) {
      out.empty.push(await one(0, i));
      out.floor.push(await floorSample(probe));
      out.full.push(await one(1, i));
    }
    for (const c of clients) c.close();
    return out;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export async function run(floor: Floor): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-flow-'));
  try {
    // Growth: the same flows with 100k actuals already in the store, in turn with the empty store's.
    const big = join(dir, 'big.json');
    await runChild('build', ['--path', big, '--actuals', String(GROWTH_ACTUALS)]);
    const probe = await FloorProbe.start(dir);
    let seq: Awaited<ReturnType<typeof sequentialP50>>;
    try {
      seq = await sequentialP50(join(dir, 'empty.json'), big, probe);
    } finally {
      await probe.close();
    }
    // 16 concurrent clients, each in its own company, in 2-second phases in turn with bare Express's creates.
    const server = await startChild('sim', ['--path', join(dir, 'conc.json')]);
    const bare = await FloorProbe.start(dir);
    let conc: { a: number; b: number };
    try {
      const c = new Client(server.url, 16);
      const b = new Client(bare.url, 16);
      const usd = await currencyOf(c);
      const tenants = await Promise.all(Array.from({ length: 16 }, (_, k) => setUpTenant(c, `C${String(k).padStart(3, '0')}`, usd)));
      let next = 0;
      conc = await inTurn(
        async (i) => { await flow(c, tenants[next++ % 16] as Tenant, i); },
        async (i) => { await b.ok('POST', '/accounts', { name: `New customer ${i}`, accountnumber: `N-${i}` }); },
        { concurrency: 16, rounds: 4, ms: 2_000 },
      );
      c.close();
      b.close();
    } finally {
      await bare.close();
      await server.stop();
    }
    const empty = pct(seq.empty, 50);
    const seqFloor = pct(seq.floor, 50);
    const atStart = FLOW_WRITES * (floor.postMs + floor.fsyncMs) + FLOW_READS * floor.getMs;
    const flowsFloor = conc.b / (FLOW_WRITES + FLOW_READS);
    return [
      ratioFig('flow', 'invoice flow over HTTP, sequential, p50', empty, 'ms', seqFloor, '<=', 1.5,
        `${seq.empty.length} flows of ${FLOW_WRITES + FLOW_READS} requests, file store; p99 ${pct(seq.empty, 99).toFixed(1)} ms. Floor: ${FLOW_WRITES} × (bare POST + fdatasync) + ${FLOW_READS} × bare GET, sampled between the flows (p50 of ${seq.floor.length}); from the run's start floor it would be ${atStart.toFixed(2)} ms`),
      ratioFig('flow', 'invoice flows, 16 concurrent clients', conc.a, 'flows/s', flowsFloor, '>=', 0.75,
        `4 phases of 2 s in turn with bare Express creates (16 connections, ${Math.round(conc.b)} req/s; ${Math.round(floor.createsPerSec)} at the run's start). Floor: those creates/s ÷ ${FLOW_WRITES + FLOW_READS} requests`),
      ratioFig('flow', `invoice flow, sequential p50 with ${GROWTH_ACTUALS / 1000}k actuals in the store`, pct(seq.full, 50), 'ms', empty, '<=', 1.2,
        `growth: floor is the p50 on an empty store, its flows in turn with these; ${seq.full.length} flows, p99 ${pct(seq.full, 99).toFixed(1)} ms`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GROWTH_ACTUALS = 100_000;
