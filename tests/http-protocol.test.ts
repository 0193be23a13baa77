import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import {
  type Contract, type Harness, type Json, FORMATTED, Opt, confirm, createInvoice, list, ok, rep, setUpContract, startSim,
} from './support/http.js';

/** Protocol behaviour of every endpoint: OData query options, headers, keys, languages, /sim control, events. */
let h: Harness;
let c: Contract;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); c = await setUpContract(h); });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const bindCompany = (): Record<string, string> => ({ 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` });
async function accounts(names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) ids.push(String((await ok(h.dv('POST', '/accounts', { name, ...bindCompany() }, rep), 201)).json.accountid));
  return ids;
}

test('service documents of both APIs list their entity sets', async () => {
  const dvDoc = await ok(h.dv('GET', '/'));
  assert.equal(dvDoc.headers.get('odata-version'), '4.0');
  const dvSets = (dvDoc.json.value as Json[]).map((v) => v.name);
  for (const s of ['accounts', 'cdm_companies', 'msdyn_projects', 'salesorders', 'salesorderdetails', 'msdyn_actuals', 'invoices', 'invoicedetails', 'msdyn_invoicelinetransactions', 'msdyn_transactionconnections', 'msdyn_timeentries', 'msdyn_journals', 'msdyn_journallines', 'EntityDefinitions']) {
    assert.ok(dvSets.includes(s), s);
  }
  assert.match(String(dvDoc.json['@odata.context']), /\/api\/data\/v9\.2\/\$metadata$/);
  const foDoc = await ok(h.fo('GET', '/'));
  const foSets = (foDoc.json.value as Json[]).map((v) => v.name);
  for (const s of ['LegalEntities', 'ProjectInvoiceProposals', 'ProjectInvoiceProposalLines', 'ProjCDSActualsImports', 'ProjCDSTransactionRelationshipImports', 'ProjectIntegrationJournalLines', 'CustomerInvoices', 'LedgerVouchers']) {
    assert.ok(foSets.includes(s), s);
  }
});

test('EntityDefinitions: by LogicalName key, by $filter, with Attributes, labels in the caller\'s language', async () => {
  const one = (await ok(h.dv('GET', "/EntityDefinitions(LogicalName='invoice')"))).json;
  assert.deepEqual([one.LogicalName, one.EntitySetName, one.PrimaryIdAttribute, one.DisplayName.UserLocalizedLabel.Label], ['invoice', 'invoices', 'invoiceid', 'Pro-forma invoice']);
  const byId = (await ok(h.dv('GET', `/EntityDefinitions(${String(one.MetadataId)})`))).json;
  assert.equal(byId.LogicalName, 'invoice');
  const de = (await ok(h.dv('GET', "/EntityDefinitions(LogicalName='invoice')", undefined, { 'Accept-Language': 'de-DE,de;q=0.9' }))).json;
  assert.equal(de.DisplayName.UserLocalizedLabel.Label, 'Proforma-Rechnung');
  const filtered = (await ok(h.dv('GET', "/EntityDefinitions?$filter=LogicalName eq 'msdyn_actual'"))).json.value as Json[];
  assert.deepEqual(filtered.map((d) => d.EntitySetName), ['msdyn_actuals']);
  const bySet = (await ok(h.dv('GET', "/EntityDefinitions?$filter=EntitySetName eq 'salesorders'"))).json.value as Json[];
  assert.deepEqual(bySet.map((d) => d.LogicalName), ['salesorder']);
  const all = (await ok(h.dv('GET', '/EntityDefinitions'))).json.value as Json[];
  assert.ok(all.length >= 15);
  assert.equal(all[0].Attributes, undefined);
  const withAttrs = (await ok(h.dv('GET', "/EntityDefinitions(LogicalName='invoice')?$expand=Attributes"))).json;
  const status = (withAttrs.Attributes as Json[]).find((a) => a.LogicalName === 'msdyn_projectinvoicestatus');
  assert.equal(status.AttributeType, 'Picklist');
  assert.equal((await h.dv('GET', "/EntityDefinitions(LogicalName='nosuchentity')")).status, 404);
});

test('GET collection and single record; $select keeps the key and the ETag', async () => {
  const coll = await ok(h.dv('GET', '/accounts'));
  assert.match(String(coll.json['@odata.context']), /\$metadata#accounts$/);
  assert.equal(coll.json.value.length, 1);
  const single = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  assert.match(String(single.json['@odata.context']), /\$metadata#accounts\/\$entity$/);
  assert.equal(single.headers.get('etag'), single.json['@odata.etag']);
  const sel = (await ok(h.dv('GET', `/accounts(${c.accountId})?$select=name`))).json;
  assert.deepEqual(Object.keys(sel).sort(), ['@odata.context', '@odata.etag', 'accountid', 'name']);
  const braces = await ok(h.dv('GET', `/accounts(${c.accountId.toUpperCase()})`));
  assert.equal(braces.json.accountid, c.accountId, 'GUIDs are case-insensitive');
});

test('$filter: lookups as _x_value, contains/startswith, and/or/not, parentheses; $orderby, $top, $count', async () => {
  await accounts(['Fabrikam Inc.', 'Fabrikam GmbH', 'Adventure Works', 'Northwind']);
  const names = async (q: string): Promise<string[]> => (await list(h.dv, `/accounts?${q}`)).map((a) => String(a.name));
  assert.deepEqual(await names("$filter=startswith(name,'Fabrikam')&$orderby=name"), ['Fabrikam GmbH', 'Fabrikam Inc.']);
  assert.deepEqual(await names("$filter=contains(name,'works')&$select=name"), ['Adventure Works']);
  assert.deepEqual(await names("$filter=startswith(name,'Fabrikam') and not contains(name,'GmbH')"), ['Fabrikam Inc.']);
  assert.deepEqual(await names("$filter=(name eq 'Northwind' or name eq 'Adventure Works') and _msdyn_company_value eq " + c.companyId + '&$orderby=name desc'), ['Northwind', 'Adventure Works']);
  assert.deepEqual(await names('$filter=_transactioncurrencyid_value ne null'), ['Contoso Ltd.']);
  assert.deepEqual(await names('$orderby=name desc&$top=2'), ['Northwind', 'Fabrikam Inc.']);
  const counted = (await ok(h.dv('GET', "/accounts?$count=true&$top=1&$filter=startswith(name,'Fabrikam')"))).json;
  assert.equal(counted['@odata.count'], 2);
  assert.equal(counted.value.length, 1);
  assert.equal((await ok(h.dv('GET', '/accounts/$count'))).text, '5');
  // Lookups of the actuals: the project's actuals.
  const projectActuals = await list(h.dv, `/msdyn_actuals?$filter=_msdyn_project_value eq ${c.projectId} and msdyn_amount gt 1000`);
  assert.deepEqual(projectActuals.map((a) => a.msdyn_amount), [1600]);
});

test('$expand of a single-valued lookup, with a nested $select', async () => {
  const proj = (await ok(h.dv('GET', `/msdyn_projects(${c.projectId})?$select=msdyn_subject&$expand=msdyn_customer($select=name,accountnumber)`))).json;
  assert.equal(proj.msdyn_customer.name, 'Contoso Ltd.');
  assert.equal(proj.msdyn_customer.accountid, c.accountId);
  assert.equal(proj.msdyn_customer.accountnumber, 'C-00001');
  assert.equal(proj.msdyn_customer._msdyn_company_value, undefined, 'nested $select applies');
  const coll = await list(h.dv, '/salesorders?$expand=customerid($select=name)');
  assert.equal(coll[0].customerid.name, 'Contoso Ltd.');
});

test('paging: Prefer odata.maxpagesize gives @odata.nextLink; following it returns every record exactly once', async () => {
  await accounts(['A1', 'A2', 'A3', 'A4']);
  const seen: string[] = [];
  let next: string | undefined = `${h.url}/api/data/v9.2/accounts?$select=name&$orderby=name`;
  let pages = 0;
  while (next) {
    const r: Response = await fetch(next, { headers: { Prefer: 'odata.maxpagesize=2' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('preference-applied'), 'odata.maxpagesize=2');
    const body = (await r.json()) as Json;
    seen.push(...(body.value as Json[]).map((a) => String(a.name)));
    next = body['@odata.nextLink'] as string | undefined;
    if (next) assert.ok(next.startsWith(`${h.url}/api/data/v9.2/accounts?`) && /(%24|\$)skiptoken=/.test(next), next);
    pages++;
  }
  assert.equal(pages, 3);
  assert.deepEqual(seen, ['A1', 'A2', 'A3', 'A4', 'Contoso Ltd.']);
});

test('POST: 201 with the record under return=representation, else 204 with OData-EntityId', async () => {
  const withRep = await h.dv('POST', '/accounts', { name: 'With representation', ...bindCompany() }, rep);
  assert.equal(withRep.status, 201);
  assert.equal(withRep.json.name, 'With representation');
  assert.match(String(withRep.json.accountid), GUID);
  assert.match(String(withRep.json['@odata.etag']), /^W\/"\d+"$/);
  const plain = await h.dv('POST', '/accounts', { name: 'Without', ...bindCompany() });
  assert.equal(plain.status, 204);
  assert.equal(plain.text, '');
  const entityId = String(plain.headers.get('odata-entityid'));
  const m = /\/api\/data\/v9\.2\/accounts\(([0-9a-f-]{36})\)$/.exec(entityId);
  assert.ok(m, entityId);
  assert.equal((await ok(h.dv('GET', `/accounts(${m[1]})`))).json.name, 'Without');
  // A client may choose the id.
  const chosen = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  await ok(h.dv('POST', '/accounts', { accountid: chosen, name: 'Chosen id', ...bindCompany() }), 204);
  assert.equal((await ok(h.dv('GET', `/accounts(${chosen})`))).json.name, 'Chosen id');
});

test('PATCH with If-Match (412 on a stale ETag), GET with If-None-Match (304), PATCH upsert, DELETE', async () => {
  const first = await ok(h.dv('GET', `/accounts(${c.accountId})`));
  const etag = String(first.json['@odata.etag']);
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-None-Match': etag })).status, 304);
  const upd = await h.dv('PATCH', `/accounts(${c.accountId})`, { name: 'Contoso Pharmaceuticals' }, { 'If-Match': etag });
  assert.equal(upd.status, 204);
  const newEtag = String(upd.headers.get('etag'));
  assert.notEqual(newEtag, etag);
  assert.equal((await h.dv('GET', `/accounts(${c.accountId})`, undefined, { 'If-None-Match': etag })).status, 200, 'changed since');
  const stale = await h.dv('PATCH', `/accounts(${c.accountId})`, { name: 'Stale' }, { 'If-Match': etag });
  assert.equal(stale.status, 412);
  assert.equal(stale.json.error.code, '0x80060882');
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})`))).json.name, 'Contoso Pharmaceuticals');
  const withRep = await h.dv('PATCH', `/accounts(${c.accountId})`, { name: 'Contoso' }, { 'If-Match': '*', ...rep });
  assert.equal(withRep.status, 200);
  assert.equal(withRep.json.name, 'Contoso');

  // Upsert: PATCH of a missing id creates it; If-Match on a missing record is 404; If-None-Match: * on an existing one is 412.
  const id = '12345678-1234-4234-8234-123456789abc';
  const created = await h.dv('PATCH', `/accounts(${id})`, { name: 'Upserted', ...bindCompany() }, rep);
  assert.equal(created.status, 201);
  assert.equal(created.json.accountid, id);
  assert.equal((await h.dv('PATCH', '/accounts(22345678-1234-4234-8234-123456789abc)', { name: 'x' }, { 'If-Match': '*' })).status, 404);
  assert.equal((await h.dv('PATCH', `/accounts(${id})`, { name: 'y' }, { 'If-None-Match': '*' })).status, 412);

  // DELETE: stale If-Match refused, then deleted, then gone.
  const cur = String((await ok(h.dv('GET', `/accounts(${id})`))).json['@odata.etag']);
  assert.equal((await h.dv('DELETE', `/accounts(${id})`, undefined, { 'If-Match': 'W/"999"' })).status, 412);
  assert.equal((await h.dv('DELETE', `/accounts(${id})`, undefined, { 'If-Match': cur })).status, 204);
  const gone = await h.dv('GET', `/accounts(${id})`);
  assert.equal(gone.status, 404);
  assert.equal(gone.json.error.code, '0x80040217');
});

test('alternate key: accounts(accountnumber=\'C-00001\')', async () => {
  const byKey = (await ok(h.dv('GET', "/accounts(accountnumber='C-00001')"))).json;
  assert.equal(byKey.accountid, c.accountId);
  await ok(h.dv('PATCH', "/accounts(accountnumber='C-00001')", { name: 'Renamed by key' }), 204);
  assert.equal((await ok(h.dv('GET', `/accounts(${c.accountId})`))).json.name, 'Renamed by key');
  const missing = await h.dv('GET', "/accounts(accountnumber='C-99999')");
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, '0x80040217');
  assert.equal((await h.dv('GET', "/accounts(nosuchfield='x')")).status, 400);
});

test('formatted values in en, de and nl through Accept-Language', async () => {
  const inv = await createInvoice(h, c.contractId);
  await ok(confirm(h, inv.invoiceid));
  const status = async (lang: string): Promise<Json> =>
    (await ok(h.dv('GET', `/invoices(${String(inv.invoiceid)})?$select=msdyn_projectinvoicestatus,totalamount,msdyn_hascorrections`, undefined, { Prefer: FORMATTED, 'Accept-Language': lang }))).json;
  const F = '@OData.Community.Display.V1.FormattedValue';
  const en = await status('en-US');
  assert.equal(en.msdyn_projectinvoicestatus, Opt.Confirmed);
  assert.equal(en[`msdyn_projectinvoicestatus${F}`], 'Confirmed');
  assert.equal(en[`totalamount${F}`], '6,600.00');
  assert.equal(en[`msdyn_hascorrections${F}`], 'No');
  const de = await status('de-DE');
  assert.equal(de[`msdyn_projectinvoicestatus${F}`], 'Bestätigt');
  assert.equal(de[`totalamount${F}`], '6.600,00');
  assert.equal(de[`msdyn_hascorrections${F}`], 'Nein');
  const nl = await status('nl-NL,nl;q=0.9');
  assert.equal(nl[`msdyn_projectinvoicestatus${F}`], 'Bevestigd');
  assert.equal(nl[`msdyn_hascorrections${F}`], 'Nee');
  // Without the Prefer header there are no annotations; lookups carry the name of the record.
  const bare = (await ok(h.dv('GET', `/invoices(${String(inv.invoiceid)})`))).json;
  assert.equal(bare[`msdyn_projectinvoicestatus${F}`], undefined);
  const withLookup = (await ok(h.dv('GET', `/invoices(${String(inv.invoiceid)})?$select=_customerid_value`, undefined, { Prefer: FORMATTED }))).json;
  assert.equal(withLookup[`_customerid_value${F}`], 'Contoso Ltd.');
  const billed = await list(async (m, p) => h.dv(m, p, undefined, { Prefer: FORMATTED, 'Accept-Language': 'nl' }), `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales}&$top=1`);
  assert.equal(billed[0][`msdyn_transactiontypecode${F}`], 'Gefactureerde verkoop');
});

test('Finance: keys by name, $filter/$select/$orderby/$top/$skip/$count, company scoping, PATCH with If-Match', async () => {
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'DEMF', Name: 'Contoso Germany', AccountingCurrency: 'EUR' }), 201);
  const le = (await ok(h.fo('GET', "/LegalEntities(LegalEntityId='DEMF')"))).json;
  assert.deepEqual([le.LegalEntityId, le.AccountingCurrency], ['DEMF', 'EUR']);
  assert.equal((await h.fo('GET', "/LegalEntities(LegalEntityId='XXXX')")).status, 404);
  // Line properties per company: the default company is the first legal entity.
  const lp = await list(h.fo, "/ProjectLineProperties?$select=LinePropertyId,ToBeInvoiced&$filter=ToBeInvoiced eq true");
  assert.deepEqual(lp.map((l) => [l.dataAreaId, l.LinePropertyId]), [['USPM', 'Chargeable']]);
  const de = await list(h.fo, "/ProjectLineProperties?cross-company=true&$filter=dataAreaId eq 'DEMF'&$orderby=LinePropertyId desc&$top=2&$skip=1");
  assert.deepEqual(de.map((l) => [l.dataAreaId, l.LinePropertyId]), [['DEMF', 'NotAvailable'], ['DEMF', 'NonChargeable']]);
  const counted = (await ok(h.fo('GET', '/ProjectLineProperties?cross-company=true&$count=true&$top=0'))).json;
  assert.equal(counted['@odata.count'], 10);
  assert.deepEqual(counted.value, []);
  const one = await ok(h.fo('GET', "/ProjectLineProperties(dataAreaId='DEMF',LinePropertyId='Chargeable')?cross-company=true"));
  assert.equal(one.json.dataAreaId, 'DEMF');
  assert.equal((await h.fo('GET', "/ProjectLineProperties(LinePropertyId='Chargeable')")).status, 400, 'every key part is needed');
  // PATCH with If-Match.
  const seq = "/NumberSequences(dataAreaId='DEMF',NumberSequenceCode='ProjInvoiceProposal')?cross-company=true";
  const etag = String((await ok(h.fo('GET', seq))).json['@odata.etag']);
  assert.equal((await h.fo('PATCH', seq, { AllowUserChangesToHigherNumber: false }, { 'If-Match': etag })).status, 204);
  const stale = await h.fo('PATCH', seq, { AllowUserChangesToHigherNumber: true }, { 'If-Match': etag });
  assert.equal(stale.status, 412);
  assert.deepEqual([stale.json.error.code, stale.json.error.message, typeof stale.json.error.innererror.message], ['', 'An error has occurred.', 'string'], 'Finance errors carry the cause in innererror');
  assert.equal((await ok(h.fo('GET', seq))).json.AllowUserChangesToHigherNumber, false);
  // Finance refuses $expand (not in its subset).
  assert.equal((await h.fo('GET', '/LegalEntities?$expand=Foo')).status, 400);
});

test('/sim control: health, maps (list, pause, resume, stop, run, queue, errors, log, retry), processes, clock, faults, settings', async () => {
  const health = (await ok(h.simApi('GET', '/health'))).json;
  assert.equal(health.status, 'ok');
  assert.equal(health.store, 'memory');

  const maps = (await ok(h.simApi('GET', '/maps'))).json as Json[];
  assert.deepEqual(maps.map((m) => m.id), ['legal_entities', 'pi_v2', 'actuals', 'txconn', 'milestones', 'customerinvoices']);
  // The Enhanced pro-forma invoice export is installed Not running (format-update-project-invoice-proposals.md: enable it first).
  assert.deepEqual(maps.map((m) => [m.state, m.stateCode]), [['Running', 4], ['Running', 4], ['Running', 4], ['Running', 4], ['Running', 4], ['NotRunning', 6]]);
  assert.ok(maps.every((m) => m.queued === 0 && m.errors === 0));
  const deMaps = (await ok(h.simApi('GET', '/maps', undefined, { 'Accept-Language': 'de' }))).json as Json[];
  assert.notEqual(deMaps[1].name, maps[1].name, 'map names are localized');

  assert.equal((await ok(h.simApi('POST', '/maps/txconn/pause'))).json.state, 'Paused');
  assert.equal((await h.simApi('POST', '/maps/txconn/pause')).status, 409, 'already paused');
  assert.deepEqual((await ok(h.simApi('GET', '/maps/txconn/queue'))).json, []);
  assert.deepEqual((await ok(h.simApi('POST', '/maps/txconn/resume', { mode: 'skipDiscard' }))).json, { applied: 0, failed: 0, discarded: 0 });
  assert.equal((await h.simApi('POST', '/maps/txconn/resume', { mode: 'sideways' })).status, 400);
  assert.equal((await ok(h.simApi('POST', '/maps/txconn/stop'))).json.state, 'Stopped');
  assert.equal((await ok(h.simApi('POST', '/maps/txconn/run'))).json.state, 'Running');
  assert.deepEqual((await ok(h.simApi('GET', '/maps/txconn/errors'))).json, []);
  assert.deepEqual((await ok(h.simApi('POST', '/maps/txconn/errors/retry', {}))).json, { retried: 0, succeeded: 0, failed: 0 });
  const log = (await ok(h.simApi('GET', '/maps/txconn/log'))).json as Json[];
  // Run goes through Initializing, the initial write (enable-entity-map.md)
  assert.deepEqual(log.filter((l) => l.event === 'state').map((l) => l.detail.to), ['Paused', 'Resuming', 'Running', 'Stopped', 'Initializing', 'Running']);
  assert.equal((await h.simApi('GET', '/maps/nosuchmap/queue')).status, 404);

  const procs = (await ok(h.simApi('GET', '/processes'))).json as Json[];
  assert.deepEqual(procs.map((p) => p.id).sort(), ['async_integration', 'import_staging', 'post_proposals']);
  const run = (await ok(h.simApi('POST', '/processes/post_proposals/run', { company: 'USPM' }))).json;
  assert.equal(run.lastLog.at(-1).key, 'finance.postingFinished');
  assert.equal((await h.simApi('POST', '/processes/nosuch/run', {})).status, 404);
  assert.equal((await h.simApi('PUT', '/processes/import_staging', { recurrenceMinutes: 0 })).status, 400);
  assert.equal((await ok(h.simApi('PUT', '/processes/import_staging', { recurrenceMinutes: null }))).json.nextRunAt, null);

  assert.equal((await ok(h.simApi('GET', '/clock'))).json.now, '2026-03-02T09:00:00Z');
  assert.equal((await ok(h.simApi('POST', '/clock', { to: '2026-03-31T00:00:00Z' }))).json.now, '2026-03-31T00:00:00Z');
  assert.equal((await h.simApi('POST', '/clock', { advance: 'two hours' })).status, 400);
  assert.equal((await h.simApi('POST', '/clock', {})).status, 400);

  assert.deepEqual((await ok(h.simApi('GET', '/faults'))).json, { financeUnavailable: false, failNext: {}, latencyMs: 0 });
  assert.deepEqual((await ok(h.simApi('PUT', '/faults', { latencyMs: 5, failNext: { pi_v2: 2 } }))).json, { financeUnavailable: false, failNext: { pi_v2: 2 }, latencyMs: 5 });
  assert.equal((await h.simApi('PUT', '/faults', { financeUnavailable: 'yes' })).status, 400);
  assert.equal((await h.simApi('PUT', '/faults', { failNext: { nosuchmap: 1 } })).status, 400);
  assert.deepEqual((await ok(h.simApi('DELETE', '/faults'))).json, { financeUnavailable: false, failNext: {}, latencyMs: 0 });

  assert.equal((await ok(h.simApi('GET', '/settings'))).json.invoiceIntegration, 'realtime');
  assert.equal((await ok(h.simApi('PUT', '/settings', { invoiceIntegration: 'async' }))).json.invoiceIntegration, 'async');
  assert.equal((await h.simApi('PUT', '/settings', { invoiceIntegration: 'sometimes' })).status, 400);
  assert.deepEqual((await ok(h.simApi('GET', '/async'))).json, []);
  assert.equal((await h.simApi('GET', '/nothing-here')).status, 404);
});

test('/sim/reset: empty, or with demo data', async () => {
  await ok(h.simApi('POST', '/reset', { demo: true }));
  const companies = await list(h.dv, '/cdm_companies?$orderby=cdm_companycode');
  assert.deepEqual(companies.map((x) => x.cdm_companycode), ['DEMF', 'USPM']);
  const invoices = await list(h.dv, '/invoices');
  assert.ok(invoices.length >= 4);
  assert.ok((await list(h.fo, '/CustomerInvoices?cross-company=true')).length >= 2);
  assert.ok((await list(h.dv, `/msdyn_actuals?$filter=msdyn_vouchernumber ne null`)).length > 0);
  await ok(h.simApi('POST', '/reset', {}));
  assert.deepEqual(await list(h.dv, '/invoices'), []);
  assert.deepEqual(await list(h.fo, '/LegalEntities'), []);
  assert.equal(((await ok(h.simApi('GET', '/maps'))).json as Json[]).length, 6, 'maps come back with a reset');
});

test('/sim/events: server-sent events deliver a commit event after a write', async () => {
  let write: Promise<unknown> | undefined;
  const received = new Promise<string>((resolve, reject) => {
    const req = request(`${h.url}/sim/events`, { headers: { Accept: 'text/event-stream' } }, (res) => {
      assert.match(String(res.headers['content-type']), /^text\/event-stream/);
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        if (!write && buf.includes('event: hello')) write = h.dv('POST', '/accounts', { name: 'Event source', ...bindCompany() });
        const m = /event: commit\nid: \d+\ndata: (.*)\n\n/.exec(buf);
        if (m) { resolve(m[1] as string); req.destroy(); }
      });
    });
    req.on('error', (e) => { if (!(e instanceof Error && /aborted|socket hang up/.test(e.message))) reject(e); });
    req.end();
    setTimeout(() => reject(new Error('no commit event within 3 s')), 3000).unref();
  });
  const data = JSON.parse(await received) as Json[];
  assert.equal((await write as { status: number }).status, 204);
  assert.ok(data.some((d) => d.side === 'dataverse' && d.table === 'account' && d.t === 'put'));
});

test('every bound action: expense approval, project journal posting, mark (not) ready of actuals and milestones, draft edits', async () => {
  // The expense is billed at cost: a Travel category priced At cost on the contract's sales price list (expense-pricing.ts;
  // without a category price the sales price would be zero).
  const priceList = (await ok(h.dv('POST', '/pricelevels', { name: 'Sales', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${c.currencyId})` }, rep), 201)).json;
  await ok(h.dv('PATCH', `/salesorders(${c.contractId})`, { 'pricelevelid@odata.bind': `/pricelevels(${String(priceList.pricelevelid)})` }), 204);
  const travel = (await ok(h.dv('POST', '/msdyn_transactioncategories', { msdyn_name: 'Travel' }, rep), 201)).json;
  const travelExpense = (await ok(h.dv('POST', '/msdyn_expensecategories', { msdyn_name: 'Travel', 'msdyn_expensecategoryuid@odata.bind': `/msdyn_transactioncategories(${String(travel.msdyn_transactioncategoryid)})` }, rep), 201)).json;
  await ok(h.dv('POST', '/msdyn_transactioncategorypricelevels', {
    'msdyn_pricelist@odata.bind': `/pricelevels(${String(priceList.pricelevelid)})`, 'msdyn_transactioncategory@odata.bind': `/msdyn_transactioncategories(${String(travel.msdyn_transactioncategoryid)})`, msdyn_pricecalculation: 192350001,
  }), 204);
  const exp = await ok(h.dv('POST', '/msdyn_expenses', {
    msdyn_expensetype: 'Travel', msdyn_transactiondate: '2026-03-02', msdyn_amount: 120.5, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})`,
    'msdyn_expensecategory@odata.bind': `/msdyn_expensecategories(${String(travelExpense.msdyn_expensecategoryid)})`,
  }, rep), 201);
  const expActuals = (await ok(h.dv('POST', `/msdyn_expenses(${String(exp.json.msdyn_expenseid)})/Microsoft.Dynamics.CRM.msdyn_ApproveExpense`, {}))).json.value as Json[];
  assert.deepEqual(expActuals.map((a) => [a.msdyn_transactiontypecode, a.msdyn_amount]), [[Opt.Cost, 120.5], [Opt.UnbilledSales, 120.5]]);

  const journal = await ok(h.dv('POST', '/msdyn_journals', { msdyn_description: 'Material usage' }, rep), 201);
  const jid = String(journal.json.msdyn_journalid);
  // Entry journal lines: one actual per line, of the line's transaction type (create-confirm-entry-journals-integrated.md).
  for (const [type, price] of [[Opt.Cost, 10], [Opt.UnbilledSales, 15.5]]) {
    await ok(h.dv('POST', '/msdyn_journallines', {
      msdyn_description: 'Cables', 'msdyn_journal@odata.bind': `/msdyn_journals(${jid})`, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})`,
      msdyn_transactionclassification: 192350002, msdyn_transactiontypecode: type, msdyn_documentdate: '2026-03-02', msdyn_quantity: 3, msdyn_price: price,
    }), 204);
  }
  const matActuals = (await ok(h.dv('POST', `/msdyn_journals(${jid})/Microsoft.Dynamics.CRM.msdyn_PostJournal`, {}))).json.value as Json[];
  assert.deepEqual(matActuals.map((a) => [a.msdyn_transactiontypecode, a.msdyn_amount]), [[Opt.Cost, 30], [Opt.UnbilledSales, 46.5]]);
  assert.equal((await ok(h.dv('GET', `/msdyn_journals(${jid})`))).json.msdyn_isposted, true);

  const sales = String(expActuals[1].msdyn_actualid);
  const ready = (await ok(h.dv('POST', `/msdyn_actuals(${sales})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}))).json;
  assert.equal(ready.msdyn_billingstatus, Opt.ReadyToInvoice);
  const notReady = (await ok(h.dv('POST', `/msdyn_actuals(${sales})/Microsoft.Dynamics.CRM.msdyn_MarkNotReadyToInvoice`, {}))).json;
  assert.equal(notReady.msdyn_billingstatus, Opt.UnbilledSalesCreated);
  const milestone = (await ok(h.dv('POST', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}))).json;
  assert.equal(milestone.msdyn_invoicestatus, Opt.MilestoneReady);

  // Only the milestone is ready: the invoice has one line detail; every contract line gets an invoice line.
  const inv = (await ok(h.dv('POST', `/salesorders(${c.contractId})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {}))).json;
  assert.equal(inv.totalamount, 5000);
  assert.equal((await list(h.dv, `/invoicedetails?$filter=_invoiceid_value eq ${String(inv.invoiceid)}`)).length, 2);
  // Draft edits: a time detail's billing type (once the time is on the invoice).
  await ok(h.dv('DELETE', `/invoices(${String(inv.invoiceid)})`), 204);
  await ok(h.dv('POST', `/salesorders(${c.contractId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}));
  const inv2 = (await ok(h.dv('POST', `/salesorders(${c.contractId})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {}))).json;
  assert.equal(inv2.totalamount, 6767); // 1,600 time + 120.50 expense + 46.50 material + 5,000 milestone
  const time = (await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(inv2.invoiceid)} and msdyn_transactionclassification eq 192350000`))[0];
  await ok(h.dv('PATCH', `/msdyn_invoicelinetransactions(${String(time.msdyn_invoicelinetransactionid)})`, { msdyn_billingtype: Opt.NonChargeable }), 204);
  assert.equal((await ok(h.dv('GET', `/invoices(${String(inv2.invoiceid)})`))).json.totalamount, 5167, 'non-chargeable is left out of the total');
});
