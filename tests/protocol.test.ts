import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicsWebApi } from 'dynamics-web-api';
import { createSimulator } from '../simulator/index.js';
import { type Contract, type Harness, type Json, DV, FORMATTED, confirm, createInvoice, list, ok, rep, setUpContract, startSim } from './support/http.js';

/**
 * Rows as Dataverse keeps them (no company required; one store-wide row version behind ETags and versionnumber)
 * and what clients call first: WhoAmI, RetrieveVersion, single-column GET/PUT/DELETE, conditional GET.
 */
let h: Harness;
let c: Contract;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); c = await setUpContract(h, { hours: 0 }); });

const version = (etag: string | null | undefined): number => {
  const m = /^W\/"(\d+)"$/.exec(String(etag));
  assert.ok(m, `a weak ETag with a number: ${String(etag)}`);
  return Number(m[1]);
};

const client = (): DynamicsWebApi => new DynamicsWebApi({ serverUrl: `${h.url}/`, onTokenRefresh: async () => 'dummy-token' });
interface ClientError { status: number; code: string }
const isClientError = (e: unknown): e is ClientError => typeof e === 'object' && e !== null && 'status' in e && 'code' in e;

// ---- company optional --------------------------------------------------------------------------------------

test('an account without a company is stored (no invented refusal)', async () => {
  const r = await ok(h.dv('POST', '/accounts', { name: 'Nowhere Inc.' }, rep), 201);
  assert.equal(r.json._msdyn_company_value, null);
  const back = await ok(h.dv('GET', `/accounts(${String(r.json.accountid)})?$select=name,_msdyn_company_value`));
  assert.equal(back.json.name, 'Nowhere Inc.');
});

test('an invoice for a customer without a company is confirmed in Dataverse; dual-write skips it, logs why, and Finance gets nothing', async () => {
  const account = await ok(h.dv('POST', '/accounts', { name: 'Walk-in Customer', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${c.currencyId})` }, rep), 201);
  const accountId = String(account.json.accountid);
  const contract = await ok(h.dv('POST', '/salesorders', { name: 'No-company deal', 'customerid_account@odata.bind': `/accounts(${accountId})` }, rep), 201);
  const contractId = String(contract.json.salesorderid);
  assert.equal(contract.json._msdyn_company_value, null, 'the contract takes the (missing) company of its customer');
  const fp = await ok(h.dv('POST', '/salesorderdetails', {
    productdescription: 'Fixed fee', 'salesorderid@odata.bind': `/salesorders(${contractId})`, msdyn_billingmethod: 192350001, extendedamount: 1000,
  }, rep), 201);
  await ok(h.dv('POST', '/msdyn_contractlinescheduleofvalues', {
    msdyn_name: 'Kick-off', 'msdyn_contractlineid@odata.bind': `/salesorderdetails(${String(fp.json.salesorderdetailid)})`, msdyn_amount: 1000, msdyn_invoicedate: '2026-03-02',
  }, rep), 201);
  const proposalsBefore = await list(h.fo, '/ProjectInvoiceProposals');
  const stagingBefore = await list(h.fo, '/ProjCDSActualsImports');

  const invoice = await createInvoice(h, contractId);
  const invoiceId = String(invoice.invoiceid);
  await ok(confirm(h, invoiceId));
  const confirmed = await ok(h.dv('GET', `/invoices(${invoiceId})?$select=msdyn_projectinvoicestatus,_msdyn_company_value`));
  assert.equal(confirmed.json.msdyn_projectinvoicestatus, 192350002, 'confirmed in Dataverse');
  assert.equal(confirmed.json._msdyn_company_value, null);

  assert.deepEqual(await list(h.fo, '/ProjectInvoiceProposals'), proposalsBefore, 'Finance got no proposal');
  assert.deepEqual(await list(h.fo, '/ProjCDSActualsImports'), stagingBefore, 'Finance got no actuals');

  const log = (await ok(h.simApi('GET', '/maps/pi_v2/log'))).json as Json[];
  const skipped = log.filter((l) => l.event === 'skipped');
  assert.equal(skipped.length, 1, JSON.stringify(log));
  assert.equal(skipped[0].detail.id, invoiceId);
  assert.equal(skipped[0].detail.entity, 'invoice');
  assert.equal(skipped[0].detail.reason, 'noCompany');
  assert.match(skipped[0].message, /no company/);
  const de = (await ok(h.simApi('GET', '/maps/pi_v2/log', undefined, { 'Accept-Language': 'de' }))).json as Json[];
  assert.match(de.find((l) => l.event === 'skipped').message, /kein Unternehmen/);
  const actualsLog = (await ok(h.simApi('GET', '/maps/actuals/log'))).json as Json[];
  assert.ok(actualsLog.some((l) => l.event === 'skipped' && l.detail.entity === 'msdyn_actual'), 'the billed actual is skipped too');
});

test('rows with a company still sync, and nothing is logged as skipped for them', async () => {
  const invoice = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(invoice.invoiceid)));
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 1);
  const log = (await ok(h.simApi('GET', '/maps/pi_v2/log'))).json as Json[];
  assert.equal(log.filter((l) => l.event === 'skipped').length, 0);
});

// ---- row version -------------------------------------------------------------------------------------------

test('ETags and versionnumber come from one increasing row version across the store', async () => {
  const a = await ok(h.dv('POST', '/accounts', { name: 'A' }, rep), 201);
  const b = await ok(h.dv('POST', '/accounts', { name: 'B' }, rep), 201);
  const va = version(a.json['@odata.etag']);
  const vb = version(b.json['@odata.etag']);
  assert.notEqual(a.json['@odata.etag'], b.json['@odata.etag'], 'two new records never share an ETag');
  assert.ok(vb > va);
  assert.equal(a.json.versionnumber, va, 'versionnumber is the number in the ETag');
  assert.equal(version(a.headers.get('etag')), va, 'the ETag header says the same');

  const u1 = await ok(h.dv('PATCH', `/accounts(${String(a.json.accountid)})`, { name: 'A1' }, rep));
  const u2 = await ok(h.dv('PATCH', `/accounts(${String(a.json.accountid)})`, { name: 'A2' }, rep));
  assert.ok(version(u1.json['@odata.etag']) > vb, 'an update takes a version above every earlier write');
  assert.ok(version(u2.json['@odata.etag']) > version(u1.json['@odata.etag']));
  assert.equal(u2.json.versionnumber, version(u2.json['@odata.etag']));
});

test('every row written by one transaction (a change set) gets its own version', async () => {
  const boundary = 'batch_1';
  const cs = 'changeset_1';
  const part = (n: number, name: string): string => [
    `--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${n}`, '',
    `POST ${DV}/accounts HTTP/1.1`, 'Content-Type: application/json', '', JSON.stringify({ name }), '',
  ].join('\r\n');
  const body = [`--${boundary}`, `Content-Type: multipart/mixed; boundary=${cs}`, '', part(1, 'CS one'), part(2, 'CS two'), `--${cs}--`, `--${boundary}--`, ''].join('\r\n');
  const r = await h.raw('POST', `${DV}/$batch`, body, { 'Content-Type': `multipart/mixed; boundary=${boundary}` });
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const rows = await list(h.dv, "/accounts?$filter=startswith(name,'CS ')&$select=name,versionnumber");
  assert.equal(rows.length, 2);
  assert.notEqual(rows[0].versionnumber, rows[1].versionnumber);
});

test('rows written by dual-write in the same transaction, and Finance rows, take versions of the same counter', async () => {
  const le = await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'GBSI', Name: 'GBSI Ltd.', AccountingCurrency: 'GBP' }), 201);
  const foVersion = version(le.headers.get('etag'));
  const company = (await list(h.dv, "/cdm_companies?$filter=cdm_companycode eq 'GBSI'&$select=cdm_companycode,versionnumber"))[0];
  assert.ok(company, 'dual-write created the company in Dataverse');
  assert.notEqual(company.versionnumber, foVersion, 'each row of the transaction has its own version');
  const next = await ok(h.dv('POST', '/accounts', { name: 'Later' }, rep), 201);
  assert.ok(version(next.json['@odata.etag']) > Math.max(foVersion, Number(company.versionnumber)), 'one counter for both sides');
});

test('the row version survives a restart of a file store and never repeats', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-test-'));
  try {
    const path = join(dir, 'db.json');
    const first = await createSimulator({ store: { kind: 'file', path }, clock: '2026-03-02T09:00:00Z' });
    const url1 = await first.listen(0);
    const created = await fetch(`${url1}${DV}/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' }, body: JSON.stringify({ name: 'Before restart' }) });
    assert.equal(created.status, 201);
    const before = (await created.json()) as Json;
    await first.close();

    const second = await createSimulator({ store: { kind: 'file', path }, clock: '2026-03-02T09:00:00Z' });
    try {
      const url2 = await second.listen(0);
      const kept = await fetch(`${url2}${DV}/accounts(${String(before.accountid)})?$select=name`);
      assert.equal(kept.headers.get('etag'), before['@odata.etag'], 'the stored row keeps its version');
      const next = await fetch(`${url2}${DV}/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' }, body: JSON.stringify({ name: 'After restart' }) });
      const after = (await next.json()) as Json;
      assert.ok(version(after['@odata.etag']) > version(before['@odata.etag']), `${String(after['@odata.etag'])} after ${String(before['@odata.etag'])}`);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reset does not bring old versions back', async () => {
  const a = await ok(h.dv('POST', '/accounts', { name: 'Old' }, rep), 201);
  await h.reset();
  const b = await ok(h.dv('POST', '/accounts', { name: 'New' }, rep), 201);
  assert.ok(version(b.json['@odata.etag']) > version(a.json['@odata.etag']));
});

// ---- WhoAmI and RetrieveVersion ----------------------------------------------------------------------------

test('WhoAmI answers the documented shape with stable ids, with and without parentheses', async () => {
  const a = await ok(h.dv('GET', '/WhoAmI'));
  const b = await ok(h.dv('GET', '/WhoAmI()'));
  assert.equal(a.json['@odata.context'], `${h.url}${DV}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`);
  for (const k of ['BusinessUnitId', 'UserId', 'OrganizationId']) assert.match(String(a.json[k]), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, k);
  assert.deepEqual(Object.keys(a.json).sort(), ['@odata.context', 'BusinessUnitId', 'OrganizationId', 'UserId']);
  assert.deepEqual(b.json, a.json);
  await h.reset();
  assert.deepEqual((await ok(h.dv('GET', '/WhoAmI'))).json, a.json, 'the same after a reset');
});

test('RetrieveVersion answers a v9.2 version', async () => {
  const r = await ok(h.dv('GET', '/RetrieveVersion()'));
  assert.equal(r.json['@odata.context'], `${h.url}${DV}/$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse`);
  assert.match(String(r.json.Version), /^9\.2\.\d+\.\d+$/);
});

test('functions are GET only; nothing lies below them', async () => {
  const post = await h.dv('POST', '/WhoAmI', {});
  assert.equal(post.status, 405);
  assert.equal(post.json.error.code, '0x80060888');
  assert.equal((await h.dv('GET', '/WhoAmI/UserId')).status, 404);
});

test('the real client calls WhoAmI and RetrieveVersion', async () => {
  const api = client();
  const me = await api.callFunction<Json>('WhoAmI');
  assert.equal(me.UserId, (await ok(h.dv('GET', '/WhoAmI'))).json.UserId);
  const v = await api.callFunction<Json>({ name: 'RetrieveVersion' });
  assert.match(String(v.Version), /^9\.2\./);
});

// ---- single column -----------------------------------------------------------------------------------------

test('GET set(id)/column and /$value', async () => {
  const r = await ok(h.dv('GET', `/accounts(${c.accountId})/name`));
  assert.deepEqual(r.json, { '@odata.context': `${h.url}${DV}/$metadata#accounts(${c.accountId})/name`, value: 'Contoso Ltd.' });
  assert.match(String(r.headers.get('etag')), /^W\/"\d+"$/);
  const raw = await ok(h.dv('GET', `/accounts(${c.accountId})/name/$value`));
  assert.equal(raw.text, 'Contoso Ltd.');
  assert.match(String(raw.headers.get('content-type')), /^text\/plain/);
  const lookup = await ok(h.dv('GET', `/accounts(${c.accountId})/_msdyn_company_value`));
  assert.equal(lookup.json.value, c.companyId);
  const empty = await h.dv('GET', `/accounts(${c.accountId})/accountnumber`);
  assert.equal(empty.status, 200, 'accountnumber is numbered on create');
  const none = await ok(h.dv('POST', '/accounts', { name: 'No number yet' }, rep), 201);
  const nullCol = await h.dv('GET', `/accounts(${String(none.json.accountid)})/_transactioncurrencyid_value`);
  assert.equal(nullCol.status, 204, 'a null column answers 204');
  const nullRaw = await h.dv('GET', `/accounts(${String(none.json.accountid)})/_transactioncurrencyid_value/$value`);
  assert.equal(nullRaw.status, 204);
});

test('GET of a navigation property answers the related record, or 204', async () => {
  const r = await ok(h.dv('GET', `/accounts(${c.accountId})/msdyn_company?$select=cdm_companycode`));
  assert.equal(r.json['@odata.context'], `${h.url}${DV}/$metadata#cdm_companies/$entity`);
  assert.equal(r.json.cdm_companycode, c.company);
  assert.equal(r.json.cdm_companyid, c.companyId);
  const none = await ok(h.dv('POST', '/accounts', { name: 'Alone' }, rep), 201);
  assert.equal((await h.dv('GET', `/accounts(${String(none.json.accountid)})/msdyn_company`)).status, 204);
});

test('single-column refusals: unknown column, $value of a navigation property, unknown record', async () => {
  const unknown = await h.dv('GET', `/accounts(${c.accountId})/nosuchcolumn`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.error.code, '0x8006088a');
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})/msdyn_company/$value`)).status, 404);
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})/name/extra`)).status, 404);
  const missing = await h.dv('GET', '/accounts(00000000-0000-0000-0000-0000000000ab)/name');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, '0x80040217');
});

test('PUT set(id)/column updates that column, as a PATCH would, with a new version', async () => {
  const before = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  const put = await ok(h.dv('PUT', `/accounts(${c.accountId})/name`, { value: 'Contoso Pharmaceuticals' }), 204);
  assert.ok(version(put.headers.get('etag')) > version(before.json['@odata.etag']));
  const after = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  assert.equal(after.json.name, 'Contoso Pharmaceuticals');
  assert.equal(after.json.accountnumber, before.json.accountnumber, 'nothing else changed');
  assert.equal(after.json['@odata.etag'], put.headers.get('etag'));
});

test('PUT set(id)/column refusals change nothing', async () => {
  const before = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  const cases: Array<[string, unknown, number, string]> = [
    ['name', { value: 42 }, 400, '0x80048d19'], // wrong type, as PATCH
    ['name', { name: 'x' }, 400, '0x80048d19'], // no "value"
    ['name', { value: 'x', other: 1 }, 400, '0x80060888'], // as an unknown property in a PATCH
    ['accountid', { value: c.accountId }, 400, '0x80048d19'], // read-only
    ['createdon', { value: '2026-01-01T00:00:00Z' }, 400, '0x80048d19'], // read-only
    ['_msdyn_company_value', { value: c.companyId }, 400, '0x80060888'], // lookups are written with @odata.bind, as in a PATCH
    ['msdyn_company', { value: c.companyId }, 405, '0x80060888'], // navigation property
    ['nosuchcolumn', { value: 'x' }, 404, '0x8006088a'],
  ];
  for (const [col, body, status, code] of cases) {
    const r = await h.dv('PUT', `/accounts(${c.accountId})/${col}`, body);
    assert.equal(r.status, status, `${col} ${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.code, code, col);
  }
  // A required column cannot be emptied (account.name is only ApplicationRequired, which the Web API does not enforce).
  const required = await h.dv('PUT', `/salesorderdetails(${c.tmLineId})/msdyn_billingmethod`, { value: null });
  assert.equal(required.status, 400, required.text);
  assert.equal(required.json.error.code, '0x80048d19');
  const notFound = await h.dv('PUT', '/accounts(00000000-0000-0000-0000-0000000000ab)/name', { value: 'x' });
  assert.equal(notFound.status, 404, 'no upsert through a column');
  assert.equal((await h.dv('GET', '/accounts(00000000-0000-0000-0000-0000000000ab)')).status, 404);
  assert.deepEqual((await ok(h.dv('GET', `/accounts(${c.accountId})`))).json, before.json);
});

test('PUT and DELETE of a column honour If-Match', async () => {
  const rec = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  const etag = String(rec.json['@odata.etag']);
  await ok(h.dv('PUT', `/accounts(${c.accountId})/accountnumber`, { value: 'A-1' }, { 'If-Match': etag }), 204);
  const stale = await h.dv('PUT', `/accounts(${c.accountId})/accountnumber`, { value: 'A-2' }, { 'If-Match': etag });
  assert.equal(stale.status, 412);
  assert.equal(stale.json.error.code, '0x80060882');
  const staleDelete = await h.dv('DELETE', `/accounts(${c.accountId})/accountnumber`, undefined, { 'If-Match': etag });
  assert.equal(staleDelete.status, 412);
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})/accountnumber`))).json.value, 'A-1');
});

test('DELETE set(id)/column sets it to null; required and read-only columns are refused', async () => {
  const before = version((await ok(h.dv('GET', `/accounts(${c.accountId})`))).json['@odata.etag']);
  const del = await ok(h.dv('DELETE', `/accounts(${c.accountId})/accountnumber`), 204);
  assert.ok(version(del.headers.get('etag')) > before);
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})/accountnumber`)).status, 204);
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})?$select=accountnumber`))).json.accountnumber, null);

  const required = await h.dv('DELETE', `/salesorderdetails(${c.tmLineId})/msdyn_billingmethod`);
  assert.equal(required.status, 400);
  assert.equal(required.json.error.code, '0x80048d19');
  const readOnly = await h.dv('DELETE', `/accounts(${c.accountId})/createdon`);
  assert.equal(readOnly.status, 400);
  const nav = await h.dv('DELETE', `/accounts(${c.accountId})/msdyn_company`);
  assert.equal(nav.status, 405);
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})/name`))).json.value, 'Contoso Ltd.');
});

test('a column update is synchronized by dual-write like any update (and rolled back with it)', async () => {
  const invoice = await createInvoice(h, c.contractId);
  const id = String(invoice.invoiceid);
  await ok(h.dv('PUT', `/invoices(${id})/name`, { value: 'Renamed draft' }), 204);
  assert.equal((await ok(h.dv('GET', `/invoices(${id})/name`))).json.value, 'Renamed draft');
  await ok(confirm(h, id));
  const proposals = await list(h.fo, '/ProjectInvoiceProposals');
  assert.equal(proposals[0].Description, 'Renamed draft');
  // A confirmed invoice is not editable: the domain refuses a column update as it refuses the PATCH.
  const refused = await h.dv('PUT', `/invoices(${id})/name`, { value: 'Too late' });
  const patch = await h.dv('PATCH', `/invoices(${id})`, { name: 'Too late' });
  assert.equal(refused.status, patch.status);
  assert.equal(refused.json.error.code, patch.json.error.code);
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals'))[0].Description, 'Renamed draft');
});

test('column requests inside a change set', async () => {
  const boundary = 'batch_c';
  const cs = 'changeset_c';
  const body = [
    `--${boundary}`, `Content-Type: multipart/mixed; boundary=${cs}`, '',
    `--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 1', '',
    `PUT ${DV}/accounts(${c.accountId})/accountnumber HTTP/1.1`, 'Content-Type: application/json', '', '{"value":"CS-1"}', '',
    `--${cs}--`, `--${boundary}--`, '',
  ].join('\r\n');
  const r = await h.raw('POST', `${DV}/$batch`, body, { 'Content-Type': `multipart/mixed; boundary=${boundary}` });
  assert.equal(r.status, 200, r.text.slice(0, 400));
  assert.match(r.text, /HTTP\/1\.1 204/);
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})/accountnumber`))).json.value, 'CS-1');
});

test('the real client: retrieve of one property, updateSingleProperty, deleteRecord of a property', async () => {
  const api = client();
  const name = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['/name'] });
  assert.equal(name.value, 'Contoso Ltd.');
  await api.updateSingleProperty({ collection: 'accounts', key: c.accountId, fieldValuePair: { accountnumber: 'DWA-1' } });
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})/accountnumber`))).json.value, 'DWA-1');
  await api.deleteRecord({ collection: 'accounts', key: c.accountId, property: 'accountnumber' });
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})?$select=accountnumber`))).json.accountnumber, null);
  await assert.rejects(
    api.deleteRecord({ collection: 'salesorderdetails', key: c.tmLineId, property: 'msdyn_billingmethod' }),
    (e: unknown) => isClientError(e) && e.status === 400,
  );
});

// ---- conditional GET ---------------------------------------------------------------------------------------

test('conditional GET: 304 on a matching If-None-Match for a plain retrieve, 200 once changed', async () => {
  const r = await ok(h.dv('GET', `/accounts(${c.accountId})?$select=name`));
  const etag = String(r.headers.get('etag'));
  const same = await h.dv('GET', `/accounts(${c.accountId})?$select=name`, undefined, { 'If-None-Match': etag });
  assert.equal(same.status, 304);
  assert.equal(same.text, '');
  await ok(h.dv('PATCH', `/accounts(${c.accountId})`, { name: 'Changed' }));
  const changed = await h.dv('GET', `/accounts(${c.accountId})?$select=name`, undefined, { 'If-None-Match': etag });
  assert.equal(changed.status, 200);
  assert.equal(changed.json.name, 'Changed');
});

test('conditional GET never answers 304 with $expand or with Prefer odata.include-annotations', async () => {
  const etag = String((await ok(h.dv('GET', `/accounts(${c.accountId})`))).headers.get('etag'));
  const expand = await h.dv('GET', `/accounts(${c.accountId})?$select=name&$expand=msdyn_company($select=cdm_name)`, undefined, { 'If-None-Match': etag });
  assert.equal(expand.status, 200);
  assert.equal(expand.json.msdyn_company.cdm_name, `${c.company} Ltd.`);
  const annotations = await h.dv('GET', `/accounts(${c.accountId})?$select=name`, undefined, { 'If-None-Match': etag, Prefer: FORMATTED });
  assert.equal(annotations.status, 200);
  const star = await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-None-Match': etag, Prefer: 'odata.include-annotations="*"' });
  assert.equal(star.status, 200);
  const otherPref = await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-None-Match': etag, Prefer: 'odata.maxpagesize=5' });
  assert.equal(otherPref.status, 304, 'another preference does not stop a 304');
});

test('conditional GET: If-Match on GET, malformed headers, and single columns', async () => {
  const etag = String((await ok(h.dv('GET', `/accounts(${c.accountId})`))).headers.get('etag'));
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-Match': etag })).status, 200);
  const stale = await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-Match': 'W/"1"' });
  assert.equal(stale.status, 412);
  assert.equal(stale.json.error.code, '0x80060882');
  const bad = await h.dv('GET', `/accounts(${c.accountId})?$expand=msdyn_company`, undefined, { 'If-None-Match': 'not-a-tag' });
  assert.equal(bad.status, 400, 'a malformed header is refused even where it could not answer 304');
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})/name`, undefined, { 'If-None-Match': etag })).status, 304);
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})/name/$value`, undefined, { 'If-None-Match': 'W/"1"' })).status, 200);
});

test('another record\'s ETag never matches', async () => {
  const other = await ok(h.dv('POST', '/accounts', { name: 'Other' }, rep), 201);
  const r = await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-None-Match': String(other.json['@odata.etag']) });
  assert.equal(r.status, 200);
});

test('the real client: a conditional retrieve gets nothing back on 304, the record with annotations', async () => {
  const api = client();
  const rec = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'] });
  const etag = String(rec['@odata.etag']);
  const same = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'], ifnonematch: etag });
  assert.ok(same === null || same === undefined || (typeof same === 'object' && !('name' in same)), `304 carries no record: ${JSON.stringify(same)}`);
  const annotated = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'], ifnonematch: etag, includeAnnotations: 'OData.Community.Display.V1.FormattedValue' });
  assert.equal(annotated.name, 'Contoso Ltd.');
  const expanded = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'], ifnonematch: etag, expand: [{ property: 'msdyn_company', select: ['cdm_companycode'] }] });
  assert.equal(expanded.msdyn_company.cdm_companycode, c.company, 'with $expand: 200 and the record');
});
