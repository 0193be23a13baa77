import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  type Contract, type Harness, type Json, type Res, Opt, confirm, createInvoice, list, ok, postJournals, proposalKey, rep, runProcess, setUpContract, startSim,
} from './support/http.js';

/**
 * Every refusal of the APIs: status, error code and the message in en/de/nl (the locale text with its
 * parameters), and after each refusal the whole store is unchanged (`sim.store.snapshot()`).
 */
let h: Harness;
let a: Contract;
let b: Contract;
let confirmed: Json;
let draft: Json;
let adjustedActual: string;
let costActual: string;
let confirmedDetail: string;

before(async () => {
  h = await startSim();
  a = await setUpContract(h);
  b = await setUpContract(h, { name: 'Data platform', customer: 'Adventure Works', createCompany: false });
  await runProcess(h, 'import_staging');
  await postJournals(h);
  // Invoice of contract A: the time detail edited 8 → 6 on the draft, so confirming adjusts the original actual.
  const inv = await createInvoice(h, a.contractId);
  const details = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(inv.invoiceid)}`);
  const time = details.find((d) => d.msdyn_transactionclassification === 192350000);
  await ok(h.dv('PATCH', `/msdyn_invoicelinetransactions(${String(time.msdyn_invoicelinetransactionid)})`, { msdyn_quantity: 6 }), 204);
  confirmed = (await ok(confirm(h, inv.invoiceid))).json;
  confirmedDetail = String(time.msdyn_invoicelinetransactionid);
  draft = await createInvoice(h, b.contractId);
  adjustedActual = String((await list(h.dv, `/msdyn_actuals?$filter=msdyn_adjustmentstatus eq ${Opt.Adjusted}`))[0].msdyn_actualid);
  costActual = String((await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.Cost}&$top=1`))[0].msdyn_actualid);
});
after(async () => { await h.close(); });

const LANGS = ['en', 'de', 'nl'] as const;
const catalogs = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(new URL(`../locales/${l}/errors.json`, import.meta.url), 'utf8')) as Json]));
/** The message of an error key in a language, as the locale file words it. */
function message(lang: (typeof LANGS)[number], key: string, params: Record<string, string | number>): string {
  const template = key.split('.').reduce((o: Json, k) => o?.[k], catalogs[lang]);
  assert.equal(typeof template, 'string', `${lang}: ${key}`);
  return String(template).replace(/\{\{(\w+)\}\}/g, (_, p: string) => (p in params ? String(params[p]) : `{{${p}}}`));
}

interface Refusal {
  readonly name: string;
  readonly send: (headers: Record<string, string>) => Promise<Res>;
  readonly status: number;
  readonly code: string;
  readonly key: string;
  readonly params?: () => Record<string, string | number>;
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const json = { 'Content-Type': 'application/json' };
const invoiceNo = (): string => String(confirmed.invoicenumber);
/** Finance answers with `innererror.type`, the exception type, in place of a code. */
const FO_WRITE = 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException';
const FO_ACTION = 'System.InvalidOperationException';
const FO_REQUEST = 'Microsoft.OData.ODataException';
const FO_TYPES = new Set([FO_WRITE, FO_ACTION, FO_REQUEST]);

const refusals: Refusal[] = [
  // One-way integration and system-maintained records in Finance.
  { name: 'creating a proposal in Finance', send: (hd) => h.fo('POST', '/ProjectInvoiceProposals', { dataAreaId: 'USPM', ProposalId: 'INV-99999' }, hd), status: 405, code: FO_WRITE, key: 'proposal.oneWay' },
  { name: 'deleting a proposal in Finance', send: (hd) => h.fo('DELETE', `/ProjectInvoiceProposals${proposalKey('USPM', invoiceNo())}`, undefined, hd), status: 405, code: FO_WRITE, key: 'proposal.oneWay' },
  { name: 'editing actuals staging in Finance', send: (hd) => h.fo('PATCH', `/ProjCDSActualsImports(dataAreaId='USPM',ActualsImportId='${costActual}')`, { IsProcessed: false }, hd), status: 400, code: FO_WRITE, key: 'finance.systemOnly', params: () => ({ entity: 'ProjCDSActualsImports' }) },
  { name: 'creating a customer invoice in Finance', send: (hd) => h.fo('POST', '/CustomerInvoices', { InvoiceId: 'X' }, hd), status: 400, code: FO_WRITE, key: 'finance.systemOnly', params: () => ({ entity: 'CustomerInvoices' }) },
  { name: 'posting a proposal without lines', send: (hd) => h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', invoiceNo())}/Microsoft.Dynamics.DataEntities.Post`, {}, hd), status: 400, code: FO_ACTION, key: 'finance.proposalWithoutLines', params: () => ({ proposal: invoiceNo() }) },
  { name: 'an unknown Finance collection', send: (hd) => h.fo('GET', '/NoSuchEntities', undefined, hd), status: 404, code: FO_REQUEST, key: 'record.setNotFound', params: () => ({ segment: 'NoSuchEntities' }) },
  // Actuals: never created, changed or deleted directly.
  { name: 'creating an actual', send: (hd) => h.dv('POST', '/msdyn_actuals', { msdyn_description: 'direct' }, hd), status: 400, code: '0x80040265', key: 'actual.directWrite' },
  { name: 'editing an actual\'s amount', send: (hd) => h.dv('PATCH', `/msdyn_actuals(${costActual})`, { msdyn_amount: 1 }, hd), status: 400, code: '0x80040265', key: 'actual.directWrite' },
  { name: 'deleting an actual', send: (hd) => h.dv('DELETE', `/msdyn_actuals(${costActual})`, undefined, hd), status: 400, code: '0x80040265', key: 'actual.directWrite' },
  { name: 'deleting a transaction connection', send: async (hd) => h.dv('DELETE', `/msdyn_transactionconnections(${String((await list(h.dv, '/msdyn_transactionconnections?$top=1'))[0].msdyn_transactionconnectionid)})`, undefined, hd), status: 400, code: '0x80040265', key: 'actual.directWrite' },
  // Invoices.
  { name: 'creating an invoice directly', send: (hd) => h.dv('POST', '/invoices', { name: 'direct' }, hd), status: 400, code: '0x80040265', key: 'invoice.createThroughContract' },
  { name: 'creating an invoice line directly', send: (hd) => h.dv('POST', '/invoicedetails', { productdescription: 'direct' }, hd), status: 400, code: '0x80040265', key: 'invoice.linesThroughContract' },
  { name: 'creating an invoice with nothing ready', send: (hd) => h.dv('POST', `/salesorders(${a.contractId})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {}, hd), status: 400, code: '0x80040265', key: 'invoice.nothingReady', params: () => ({ contract: 'ERP rollout' }) },
  { name: 'editing a confirmed invoice', send: (hd) => h.dv('PATCH', `/invoices(${String(confirmed.invoiceid)})`, { name: 'changed' }, hd), status: 400, code: '0x80040265', key: 'invoice.readOnly', params: () => ({ invoice: invoiceNo() }) },
  { name: 'editing a detail of a confirmed invoice', send: (hd) => h.dv('PATCH', `/msdyn_invoicelinetransactions(${confirmedDetail})`, { msdyn_quantity: 1 }, hd), status: 400, code: '0x80040265', key: 'invoice.readOnly', params: () => ({ invoice: invoiceNo() }) },
  { name: 'deleting a confirmed invoice', send: (hd) => h.dv('DELETE', `/invoices(${String(confirmed.invoiceid)})`, undefined, hd), status: 400, code: '0x80040265', key: 'invoice.readOnly', params: () => ({ invoice: invoiceNo() }) },
  { name: 'confirming twice', send: (hd) => h.dv('POST', `/invoices(${String(confirmed.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}, hd), status: 400, code: '0x80040265', key: 'invoice.notDraft', params: () => ({ invoice: invoiceNo() }) },
  { name: 'correcting a draft', send: (hd) => h.dv('POST', `/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_CorrectInvoice`, {}, hd), status: 400, code: '0x80040265', key: 'correction.notConfirmed', params: () => ({ invoice: String(draft.invoicenumber) }) },
  { name: 'mark ready of an adjusted actual', send: (hd) => h.dv('POST', `/msdyn_actuals(${adjustedActual})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}, hd), status: 400, code: '0x80040265', key: 'backlog.adjusted', params: () => ({ id: adjustedActual }) },
  { name: 'mark ready of a cost actual', send: (hd) => h.dv('POST', `/msdyn_actuals(${costActual})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}, hd), status: 400, code: '0x80040265', key: 'backlog.notUnbilledSales', params: () => ({ id: costActual }) },
  // Protocol.
  { name: 'an unknown entity set', send: (hd) => h.dv('GET', '/nosuchthings', undefined, hd), status: 404, code: '0x8006088a', key: 'record.setNotFound', params: () => ({ segment: 'nosuchthings' }) },
  { name: 'an unknown record', send: (hd) => h.dv('GET', `/accounts(${MISSING})`, undefined, hd), status: 404, code: '0x80040217', key: 'record.notFound', params: () => ({ entity: 'account', id: MISSING }) },
  { name: 'patching an unknown record with If-Match', send: (hd) => h.dv('PATCH', `/accounts(${MISSING})`, { name: 'x' }, { 'If-Match': '*', ...hd }), status: 404, code: '0x80040217', key: 'record.notFound', params: () => ({ entity: 'account', id: MISSING }) },
  { name: 'malformed JSON', send: (hd) => h.dv('POST', '/accounts', '{"name": "Contoso",', { ...json, ...hd }), status: 400, code: '0x80048d19', key: 'payload.malformedJson' },
  { name: 'a body that is not an object', send: (hd) => h.dv('POST', '/accounts', '[1,2]', { ...json, ...hd }), status: 400, code: '0x80048d19', key: 'payload.notObject', params: () => ({ entity: 'account' }) },
  { name: 'wrong content type', send: (hd) => h.dv('POST', '/accounts', 'name=Contoso', { 'Content-Type': 'text/plain', ...hd }), status: 415, code: '0x80048d19', key: 'payload.contentType' },
  { name: 'wrong content type in Finance', send: (hd) => h.fo('POST', '/LegalEntities', 'LegalEntityId=XX', { 'Content-Type': 'application/x-www-form-urlencoded', ...hd }), status: 415, code: FO_REQUEST, key: 'payload.contentType' },
  { name: 'an unknown field', send: (hd) => h.dv('POST', '/accounts', { name: 'Contoso', revenue_xyz: 1 }, hd), status: 400, code: '0x80060888', key: 'payload.unknownProperty', params: () => ({ property: 'revenue_xyz', entity: 'account' }) },
  { name: 'a lookup written as a plain value', send: (hd) => h.dv('POST', '/accounts', { name: 'Contoso', msdyn_company: a.companyId }, hd), status: 400, code: '0x80060888', key: 'payload.unknownProperty', params: () => ({ property: 'msdyn_company', entity: 'account' }) },
  { name: 'a read-only field', send: (hd) => h.dv('PATCH', `/salesorders(${a.contractId})`, { ordernumber: 'ORD-1' }, hd), status: 400, code: '0x80048d19', key: 'payload.readOnly', params: () => ({ property: 'ordernumber', entity: 'salesorder' }) },
  { name: 'a wrong type', send: (hd) => h.dv('POST', '/accounts', { name: 42 }, hd), status: 400, code: '0x80048d19', key: 'payload.badValue', params: () => ({ property: 'name', expected: 'Edm.String', entity: 'account' }) },
  { name: 'a wrong option value', send: (hd) => h.dv('POST', '/salesorderdetails', { productdescription: 'x', 'salesorderid@odata.bind': `/salesorders(${a.contractId})`, msdyn_billingmethod: 7 }, hd), status: 400, code: '0x8004431A', key: 'payload.badOption', params: () => ({ property: 'msdyn_billingmethod', value: '7' }) },
  // salesorderid is SystemRequired in the table reference (msdyn_subject of a project is only ApplicationRequired, which the server does not enforce).
  { name: 'a missing required field', send: (hd) => h.dv('POST', '/salesorderdetails', { productdescription: 'No contract', msdyn_billingmethod: Opt.FixedPrice }, hd), status: 400, code: '0x80048d19', key: 'payload.required', params: () => ({ property: 'salesorderid', entity: 'salesorderdetail' }) },
  { name: 'a bad GUID in the URL', send: (hd) => h.dv('GET', '/accounts(1234-not-a-guid)', undefined, hd), status: 400, code: '0x80060888', key: 'odata.badKey', params: () => ({ value: '1234-not-a-guid' }) },
  { name: 'a broken @odata.bind', send: (hd) => h.dv('POST', '/accounts', { name: 'x', 'msdyn_company@odata.bind': 'cdm_companies' }, hd), status: 400, code: '0x80048d19', key: 'payload.badBind', params: () => ({ property: 'msdyn_company', value: '"cdm_companies"' }) },
  { name: 'an @odata.bind to the wrong entity set', send: (hd) => h.dv('POST', '/accounts', { name: 'x', 'msdyn_company@odata.bind': `/accounts(${a.accountId})` }, hd), status: 400, code: '0x80048d19', key: 'payload.bindWrongEntity', params: () => ({ property: 'msdyn_company', target: 'cdm_company', set: 'accounts' }) },
  { name: 'an @odata.bind to a missing record', send: (hd) => h.dv('POST', '/accounts', { name: 'x', 'msdyn_company@odata.bind': `/cdm_companies(${MISSING})` }, hd), status: 404, code: '0x80040217', key: 'record.notFound', params: () => ({ entity: 'cdm_company', id: MISSING }) },
  { name: 'an invalid $filter', send: (hd) => h.dv('GET', "/accounts?$filter=name eq 'x' and", undefined, hd), status: 400, code: '0x80060888', key: 'odata.syntax' },
  { name: 'an unknown property in $filter', send: (hd) => h.dv('GET', '/accounts?$filter=nosuch eq 1', undefined, hd), status: 400, code: '0x80060888', key: 'odata.unknownProperty' },
  { name: '$top out of range', send: (hd) => h.dv('GET', '/accounts?$top=5001', undefined, hd), status: 400, code: '0x80060888', key: 'odata.badTop', params: () => ({ max: 5000, value: '5001' }) },
  { name: 'a negative $top', send: (hd) => h.dv('GET', '/accounts?$top=-1', undefined, hd), status: 400, code: '0x80060888', key: 'odata.badTop', params: () => ({ max: 5000, value: '-1' }) },
  { name: 'a malformed If-Match', send: (hd) => h.dv('PATCH', `/accounts(${a.accountId})`, { name: 'x' }, { 'If-Match': 'not an etag', ...hd }), status: 400, code: '0x80060888', key: 'odata.badEtag' },
  { name: 'an unknown action', send: (hd) => h.dv('POST', `/accounts(${a.accountId})/Microsoft.Dynamics.CRM.msdyn_Nope`, {}, hd), status: 404, code: '0x80060888', key: 'record.unknownAction', params: () => ({ action: 'Microsoft.Dynamics.CRM.msdyn_Nope', entity: 'account' }) },
  { name: 'an action bound to another entity', send: (hd) => h.dv('POST', `/salesorders(${a.contractId})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}, hd), status: 404, code: '0x80060888', key: 'record.unknownAction', params: () => ({ action: 'Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice', entity: 'salesorder' }) },
  { name: 'a wrong method on a record', send: (hd) => h.dv('PUT', `/accounts(${a.accountId})`, { name: 'x' }, hd), status: 405, code: '0x80060888', key: 'record.methodNotAllowed', params: () => ({ method: 'PUT', path: `/accounts(${a.accountId})` }) },
  { name: 'DELETE on a collection', send: (hd) => h.dv('DELETE', '/accounts', undefined, hd), status: 405, code: '0x80060888', key: 'record.methodNotAllowed', params: () => ({ method: 'DELETE', path: '/accounts' }) },
  { name: 'GET on an action', send: (hd) => h.dv('GET', `/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, undefined, hd), status: 405, code: '0x80060888', key: 'record.methodNotAllowed', params: () => ({ method: 'GET', path: `/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice` }) },
  { name: 'an unknown map in /sim', send: (hd) => h.simApi('POST', '/maps/nosuchmap/pause', {}, hd), status: 404, code: 'UnknownMap', key: 'sim.unknownMap', params: () => ({ map: 'nosuchmap' }) },
];

for (const r of refusals) {
  test(`refused: ${r.name}`, async () => {
    const before = JSON.stringify(h.sim.store.snapshot());
    const messages = new Set<string>();
    for (const lang of LANGS) {
      const res = await r.send({ 'Accept-Language': lang });
      assert.equal(res.status, r.status, `${lang}: ${res.text.slice(0, 300)}`);
      let msg: string;
      if (FO_TYPES.has(r.code)) {
        // Finance's shape: empty code, the generic top message, the cause and its exception type in innererror.
        assert.deepEqual([res.json?.error?.code, res.json?.error?.message, res.json?.error?.innererror?.type, res.json?.error?.innererror?.stacktrace], ['', 'An error has occurred.', r.code, ''], lang);
        msg = String(res.json.error.innererror.message);
      } else {
        assert.equal(res.json?.error?.code, r.code, lang);
        msg = String(res.json.error.message);
      }
      if (r.params) assert.equal(msg, message(lang, r.key, r.params()), lang);
      else {
        // Messages with parameters we don't predict (positions, tokens): the locale text's fixed part.
        const fixed = message(lang, r.key, {}).split(/\{\{\w+\}\}/).filter((p) => p.trim().length > 3);
        for (const part of fixed) assert.ok(msg.includes(part), `${lang}: "${msg}" lacks "${part}"`);
      }
      messages.add(msg);
    }
    assert.equal(messages.size, 3, 'one message per language');
    assert.equal(JSON.stringify(h.sim.store.snapshot()), before, 'nothing changed');
  });
}

test('allowed: editing the description of an actual (and only that)', async () => {
  const etag = String((await ok(h.dv('GET', `/msdyn_actuals(${costActual})`))).json['@odata.etag']);
  const r = await h.dv('PATCH', `/msdyn_actuals(${costActual})`, { msdyn_description: 'Consulting, week 10', msdyn_externaldescription: 'Beratung' }, { 'If-Match': etag, ...rep });
  assert.equal(r.status, 200);
  assert.equal(r.json.msdyn_description, 'Consulting, week 10');
  assert.equal(r.json.msdyn_amount, 800);
  const mixed = await h.dv('PATCH', `/msdyn_actuals(${costActual})`, { msdyn_description: 'again', msdyn_quantity: 9 });
  assert.equal(mixed.status, 400);
  assert.equal((await ok(h.dv('GET', `/msdyn_actuals(${costActual})`))).json.msdyn_description, 'Consulting, week 10');
  // Editing a draft is allowed; deleting a draft returns its work to the backlog.
  await ok(h.dv('PATCH', `/invoices(${String(draft.invoiceid)})`, { name: 'Renamed draft' }), 204);
  await ok(h.dv('DELETE', `/invoices(${String(draft.invoiceid)})`), 204);
  const ready = await list(h.dv, `/msdyn_actuals?$filter=_msdyn_salescontract_value eq ${b.contractId} and msdyn_billingstatus eq ${Opt.ReadyToInvoice}`);
  assert.equal(ready.length, 1);
});
