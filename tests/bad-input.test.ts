/**
 * The bad input corpus (tests/fixtures/bad-input-corpus.ts) against a simulator with demo data: each malformed
 * or hostile request gets the API's error shape with the expected status and code, leaks nothing of the
 * server's internals, and leaves the store (and the fault settings) exactly as they were.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulator, type Simulator } from '../simulator/index.js';
import type { Rec } from '../simulator/store/types.js';
import { InvoiceStatus, TxType } from '../simulator/dataverse/entities.js';
import { badInputCorpus, type BadInputCase } from './fixtures/bad-input-corpus.js';
import { jsonRequest, leaksInternals, rawRequest } from './support/raw-http.js';

let sim: Simulator;
let base: string;
let vars: Record<string, string>;
let tried = 0;

const first = (rows: Iterable<Rec>, pred: (r: Rec) => boolean, what: string): Rec => {
  for (const r of rows) if (pred(r)) return r;
  throw new Error(`demo data has no ${what}`);
};

before(async () => {
  sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
  base = await sim.listen();
  const s = sim.store;
  const confirmed = first(s.all('invoice'), (r) => r.invoicenumber === 'INV-00001', 'confirmed invoice INV-00001');
  assert.equal(confirmed.msdyn_projectinvoicestatus, InvoiceStatus.Confirmed);
  vars = {
    account: String(first(s.all('account'), () => true, 'account').accountid),
    company: String(first(s.all('cdm_company'), (r) => r.cdm_companycode === 'USPM', 'company USPM').cdm_companyid),
    draftInvoice: String(first(s.all('invoice'), (r) => r.msdyn_projectinvoicestatus === InvoiceStatus.Draft, 'draft invoice').invoiceid),
    confirmedInvoice: String(confirmed.invoiceid),
    postedContract: String(confirmed._salesorderid_value),
    approvedEntry: String(first(s.all('msdyn_timeentry'), () => true, 'time entry').msdyn_timeentryid),
    costActual: String(first(s.all('msdyn_actual'), (r) => r.msdyn_transactiontypecode === TxType.Cost, 'cost actual').msdyn_actualid),
    missing: 'deadbeef-0000-4000-8000-000000000000',
  };
});

after(async () => {
  await sim.close();
});

const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

test(`the corpus holds at least 60 cases, each named once`, () => {
  assert.ok(badInputCorpus.length >= 60, `${badInputCorpus.length} cases`);
  const names = badInputCorpus.map((c) => `${c.group}: ${c.name}`);
  assert.equal(new Set(names).size, names.length, 'case names are unique');
});

test('every bad request gets the API error, leaks nothing and changes nothing', async (t) => {
  const faults = structuredClone(sim.service.faults);
  for (const c of badInputCorpus) {
    await t.test(`${c.group}: ${c.name}`, async () => {
      await check(c);
      tried++;
    });
  }
  assert.deepEqual(sim.service.faults, faults, 'fault settings unchanged');
  // No prototype pollution from __proto__ / constructor payloads.
  assert.equal((({}) as Record<string, unknown>).polluted, undefined);
  assert.equal((({}) as Record<string, unknown>).financeUnavailable, undefined);
  assert.equal((({}) as Record<string, unknown>).name, undefined);
  t.diagnostic(`bad input cases tried=${tried} of ${badInputCorpus.length}, store unchanged after each`);
  console.log(`bad input: cases tried=${tried}, store changes=0, leaks=0`);
});

async function check(c: BadInputCase): Promise<void> {
  const before = sim.store.snapshot();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.headers ?? {})) headers[k] = fill(v);
  const body = typeof c.body === 'string' ? fill(c.body) : c.body;
  const res = await rawRequest(base, { method: c.method, path: fill(c.path), headers, body });
  const leak = leaksInternals(res.text);
  assert.equal(leak, undefined, `response leaks a ${String(leak)}: ${res.text.slice(0, 300)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/, `JSON error body (${res.status} ${res.text.slice(0, 200)})`);
  const json = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown; innererror?: { message?: unknown; stacktrace?: unknown } } };
  assert.deepEqual({ status: res.status, code: json.error?.code }, { status: c.status, code: c.code }, res.text.slice(0, 300));
  assert.equal(typeof json.error?.message, 'string');
  assert.ok(String(json.error?.message).length > 0, 'a message');
  // Finance puts the cause in innererror (its top message is always the same); its stack trace stays empty.
  const finance = c.path.startsWith('/data');
  if (finance) assert.deepEqual([json.error?.message, json.error?.innererror?.stacktrace], ['An error has occurred.', ''], res.text.slice(0, 300));
  const detail = String(finance ? json.error?.innererror?.message : json.error?.message);
  if (c.message) assert.ok(detail.includes(c.message), `message "${detail}" includes "${c.message}"`);
  assert.deepEqual(sim.store.snapshot(), before, 'store unchanged');
}

test('duplicate JSON keys are refused, as OData does, and nothing is written', async () => {
  const body = `{"name":"Once Ltd.","msdyn_company@odata.bind":"/cdm_companies(${vars.company ?? ''})"}`;
  const created = await rawRequest(base, { method: 'POST', path: '/api/data/v9.2/accounts', headers: { 'content-type': 'application/json', prefer: 'return=representation' }, body });
  assert.equal(created.status, 201, created.text);
  const twice = await rawRequest(base, { method: 'POST', path: '/api/data/v9.2/accounts', headers: { 'content-type': 'application/json', 'accept-language': 'de' }, body: body.replace('{"name":"Once Ltd.",', '{"name":"Once Ltd.","name":"Twice Ltd.",') });
  assert.equal(twice.status, 400);
  assert.match((JSON.parse(twice.text) as { error: { message: string } }).error.message, /„name“ kommt im selben Objekt mehrmals vor/);
  assert.equal([...sim.store.all('account')].filter((a) => a.name === 'Twice Ltd.').length, 0);
});
