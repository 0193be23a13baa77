import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DynamicsWebApi } from 'dynamics-web-api';
import { type Contract, type Harness, type Json, Opt, list, ok, setUpContract, startSim } from './support/http.js';

/**
 * An unmodified real Dataverse client library (dynamics-web-api v2) against the simulator. `serverUrl` points at
 * the simulator's root (the library appends `api/data/v9.2/`); the token is a dummy, the simulator does not
 * authenticate.
 */
let h: Harness;
let c: Contract;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); c = await setUpContract(h); });

const client = (extra: Record<string, unknown> = {}): DynamicsWebApi =>
  new DynamicsWebApi({ serverUrl: `${h.url}/`, onTokenRefresh: async () => 'dummy-token', ...extra });

interface ClientError { status: number; code: string; message: string }
const isClientError = (e: unknown): e is ClientError => typeof e === 'object' && e !== null && 'status' in e && 'code' in e;

test('create, retrieve, retrieveMultiple with a filter', async () => {
  const api = client();
  const id = await api.create({ collection: 'accounts', data: { name: 'Fabrikam Inc.', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } });
  assert.match(String(id), /^[0-9a-f-]{36}$/);
  const rec = await api.retrieve<Json>({ collection: 'accounts', key: String(id), select: ['name', 'accountnumber', '_msdyn_company_value'] });
  assert.equal(rec.name, 'Fabrikam Inc.');
  assert.equal(rec._msdyn_company_value, c.companyId);
  assert.match(String(rec['@odata.etag']), /^W\/"\d+"$/);

  const created = await api.create<Json, Json>({ collection: 'accounts', data: { name: 'Fabrikam GmbH', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` }, returnRepresentation: true });
  assert.equal(created.name, 'Fabrikam GmbH');

  const found = await api.retrieveMultiple<Json>({ collection: 'accounts', filter: "startswith(name,'Fabrikam') and _msdyn_company_value ne null", select: ['name'], orderBy: ['name desc'] });
  assert.deepEqual(found.value.map((a: Json) => a.name), ['Fabrikam Inc.', 'Fabrikam GmbH']);

  const formatted = await api.retrieveMultiple<Json>({ collection: 'msdyn_actuals', filter: `msdyn_transactiontypecode eq ${Opt.UnbilledSales}`, includeAnnotations: 'OData.Community.Display.V1.FormattedValue' });
  assert.equal(formatted.value.length, 1);
  assert.equal(formatted.value[0]['msdyn_transactiontypecode@OData.Community.Display.V1.FormattedValue'], 'Unbilled sales');
});

test('update with If-Match; a stale ETag fails with 412 and changes nothing', async () => {
  const api = client({ propagateErrors: true });
  const rec = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'] });
  const etag = String(rec['@odata.etag']);
  const updated = await api.update<Json>({ collection: 'accounts', key: c.accountId, data: { name: 'Contoso Pharmaceuticals' }, ifmatch: etag, returnRepresentation: true });
  assert.equal(updated.name, 'Contoso Pharmaceuticals');
  assert.notEqual(updated['@odata.etag'], etag);

  await assert.rejects(
    api.update({ collection: 'accounts', key: c.accountId, data: { name: 'Stale write' }, ifmatch: etag }),
    (e: unknown) => isClientError(e) && e.status === 412 && e.code === '0x80060882',
  );
  const after = await api.retrieve<Json>({ collection: 'accounts', key: c.accountId, select: ['name'] });
  assert.equal(after.name, 'Contoso Pharmaceuticals');

  // Without propagateErrors the library reports a failed conditional update as `false` (its legacy behaviour).
  assert.equal(await client().update({ collection: 'accounts', key: c.accountId, data: { name: 'Stale again' }, ifmatch: etag }), false);
});

test('bound actions msdyn_CreateInvoice and msdyn_ConfirmInvoice through callAction', async () => {
  const api = client({ propagateErrors: true });
  const marked = await api.callAction<Json>({ actionName: 'msdyn_MarkReadyToInvoice', collection: 'salesorders', key: c.contractId });
  assert.equal(marked.Count, 2); // the unbilled time and the milestone
  const draft = await api.callAction<Json>({ actionName: 'Microsoft.Dynamics.CRM.msdyn_CreateInvoice', collection: 'salesorders', key: c.contractId });
  assert.equal(draft.msdyn_projectinvoicestatus, Opt.Draft);
  assert.equal(draft.totalamount, 6600);
  const confirmed = await api.callAction<Json>({ actionName: 'msdyn_ConfirmInvoice', collection: 'invoices', key: String(draft.invoiceid) });
  assert.equal(confirmed.msdyn_projectinvoicestatus, Opt.Confirmed);
  assert.equal(confirmed.invoicenumber, draft.invoicenumber);

  // Confirmation reached Finance: the proposal carries the Invoice ID.
  const proposals = await list(h.fo, `/ProjectInvoiceProposals?$filter=ProposalId eq '${String(draft.invoicenumber)}'`);
  assert.equal(proposals.length, 1);

  // A second confirmation is refused; the library surfaces the Dataverse error.
  await assert.rejects(
    api.callAction({ actionName: 'msdyn_ConfirmInvoice', collection: 'invoices', key: String(draft.invoiceid) }),
    (e: unknown) => isClientError(e) && e.status === 400 && /already confirmed/.test(e.message),
  );
});

test('entity logical names (useEntityNames) resolve through EntityDefinitions; retrieveAll pages; count; upsert; delete', async () => {
  const api = client({ useEntityNames: true, propagateErrors: true });
  const costs = await api.retrieveMultiple<Json>({ collection: 'msdyn_actual', filter: `msdyn_transactiontypecode eq ${Opt.Cost}` });
  assert.equal(costs.value.length, 1);
  assert.equal(costs.value[0].msdyn_amount, 800);

  const all = await api.retrieveAll<Json>({ collection: 'msdyn_actual', maxPageSize: 1 });
  assert.equal(all.value.length, 2);
  assert.equal(await api.count({ collection: 'msdyn_actual' }), 2);

  const id = '11111111-2222-4333-8444-555555555555';
  assert.equal(await api.upsert({ collection: 'account', key: id, data: { name: 'Upserted', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } }), id);
  assert.equal((await ok(h.dv('GET', `/accounts(${id})`))).json.name, 'Upserted');
  assert.equal(await api.deleteRecord({ collection: 'account', key: id }), true);
  assert.equal((await h.dv('GET', `/accounts(${id})`)).status, 404);

  const meta = await api.retrieveEntity<Json>({ key: "LogicalName='invoice'", select: ['EntitySetName'] });
  assert.equal(meta.EntitySetName, 'invoices');
});

test('executeBatch outside change sets: creates, an action and a query in one $batch, answered in order', async () => {
  const api = client();
  api.startBatch();
  api.create({ collection: 'accounts', data: { name: 'Batch One', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` }, inChangeSet: false });
  api.create({ collection: 'msdyn_timeentries', data: { msdyn_description: 'Batch work', msdyn_date: '2026-03-02', msdyn_duration: 120, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, inChangeSet: false, returnRepresentation: true });
  api.retrieveMultiple({ collection: 'accounts', select: ['name'], filter: "startswith(name,'Batch')" });
  const [accountId, entry, found] = (await api.executeBatch()) as [string, Json, { value: Json[] }];
  assert.match(String(accountId), /^[0-9a-f-]{36}$/);
  assert.equal(entry.msdyn_description, 'Batch work');
  assert.deepEqual(found.value.map((a) => a.name), ['Batch One']);

  api.startBatch();
  api.callAction({ actionName: 'msdyn_ApproveTimeEntry', collection: 'msdyn_timeentries', key: String(entry.msdyn_timeentryid), inChangeSet: false });
  const [approved] = (await api.executeBatch()) as [{ value: Json[] }];
  assert.deepEqual(approved.value.map((a) => a.msdyn_transactiontypecode).sort(), [Opt.Cost, Opt.UnbilledSales].sort());
});

test('executeBatch in a change set (the library\'s default): one transaction, all or nothing', async () => {
  const api = client();
  api.startBatch();
  api.create({ collection: 'accounts', data: { name: 'In a change set', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } });
  api.create({ collection: 'accounts', data: { name: 'Also in it', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } });
  const ids = (await api.executeBatch()) as string[];
  assert.equal(ids.length, 2);
  for (const id of ids) assert.match(String(id), /^[0-9a-f-]{36}$/);

  const before = await api.retrieveMultiple<Json>({ collection: 'accounts', select: ['name'] });
  api.startBatch();
  api.create({ collection: 'accounts', data: { name: 'Rolled back', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } });
  api.create({ collection: 'msdyn_actuals', data: { msdyn_description: 'Actuals are not created directly' } });
  // The library hands back the change set's one error answer in place of its results.
  const failed = (await api.executeBatch()) as Array<{ status: number; error: { code: string; message: string } }>;
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.status, 400);
  assert.equal(failed[0]?.error.code, '0x80040265');
  const after = await api.retrieveMultiple<Json>({ collection: 'accounts', select: ['name'] });
  assert.equal(after.value.length, before.value.length, 'the first create of the failed change set was rolled back');
});

test('query layer through the client: counts, $apply aggregation, parameter aliases, query functions, and refusals', async () => {
  const api = client({ propagateErrors: true });
  const all = await api.retrieveMultiple<Json>({ collection: 'accounts', select: ['name'] });
  assert.equal(await api.count({ collection: 'accounts' }), all.value.length);
  assert.equal(await api.count({ collection: 'accounts', filter: "name eq 'No such account'" }), 0);
  const counted = await api.retrieveMultiple<Json>({ collection: 'accounts', select: ['name'], count: true });
  assert.equal(counted.oDataCount, all.value.length);

  const groups = await api.retrieveMultiple<Json>({ collection: 'msdyn_actuals', apply: 'groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total,$count as n))' });
  const actuals = (await api.retrieveMultiple<Json>({ collection: 'msdyn_actuals', select: ['msdyn_transactiontypecode', 'msdyn_amount'] })).value;
  assert.equal(groups.value.reduce((s: number, g: Json) => s + Number(g.n), 0), actuals.length);
  for (const g of groups.value) {
    const mine = actuals.filter((a: Json) => a.msdyn_transactiontypecode === g.msdyn_transactiontypecode);
    assert.equal(Math.round(Number(g.total) * 100), mine.reduce((s: number, a: Json) => s + Math.round(Number(a.msdyn_amount) * 100), 0));
  }

  // The client passes a filter through as written: an alias needs its value elsewhere in the URL, which it cannot add,
  // so the simulator refuses the alias without a value (never reading it as null).
  await assert.rejects(api.retrieveMultiple({ collection: 'accounts', filter: 'name eq @p1' }), (e: unknown) => isClientError(e) && e.status === 400 && e.code === '0x80060888');
  const today = await api.retrieveMultiple<Json>({ collection: 'accounts', filter: "Microsoft.Dynamics.CRM.Today(PropertyName='createdon')", select: ['name'] });
  assert.equal(today.value.length, all.value.length, 'every account was created on the simulated day');
  await assert.rejects(api.retrieveMultiple({ collection: 'accounts', savedQuery: 'deadbeef-0000-4000-8000-000000000000' } as never), (e: unknown) => isClientError(e) && e.status === 404 && e.code === '0x80040217');
});
