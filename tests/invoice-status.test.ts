import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, confirm, createInvoice, ok, postJournals, proposalKey, runProcess, setUpContract, startSim } from './support/http.js';

/**
 * Pro-forma invoice statuses over HTTP (issue 12 defect 9, issue 14 part 5): the Enhanced pro-forma invoice export
 * (invoicing/format-update-project-invoice-proposals.md, "Enhanced proforma invoice summary for integrated
 * deployments") brings the customer invoice number and date and the status Posted back after posting.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const MAP = 'customerinvoices';
const Posted = 192350004;
const Confirmed = 192350002;

async function confirmedAndImported(): Promise<Json> {
  const c = await setUpContract(h);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(draft.invoiceid)));
  await runProcess(h, 'import_staging');
  return draft;
}
const post = (number: string) => ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', number)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}));
const invoice = async (id: string): Promise<Json> => (await ok(h.dv('GET', `/invoices(${id})?$select=msdyn_projectinvoicestatus,msdyn_customerinvoicenumber,msdyn_customerinvoicedate,invoicenumber`))).json;

test('the export map is installed Not running: posting leaves the pro-forma invoice Confirmed', async () => {
  const maps = (await ok(h.simApi('GET', '/maps'))).json as Json[];
  const m = maps.find((x) => x.id === MAP);
  assert.ok(m, 'map listed');
  assert.equal(m.state, 'NotRunning');
  assert.equal(m.name, 'Project Operations integration invoice proposal export entity (msdyn_customerinvoices)');
  const draft = await confirmedAndImported();
  await post(String(draft.invoicenumber));
  const inv = await invoice(String(draft.invoiceid));
  assert.equal(inv.msdyn_projectinvoicestatus, Confirmed);
  assert.equal(inv.msdyn_customerinvoicenumber, null);
});

test('with the export map running, posting brings back the customer invoice number, date and status Posted', async () => {
  await ok(h.simApi('POST', `/maps/${MAP}/run`));
  const draft = await confirmedAndImported();
  const before = await invoice(String(draft.invoiceid));
  assert.equal(before.msdyn_projectinvoicestatus, Confirmed, 'importing lines changes nothing in Dataverse');
  const customerInvoice = (await post(String(draft.invoicenumber))).json;
  const inv = await invoice(String(draft.invoiceid));
  assert.equal(inv.msdyn_projectinvoicestatus, Posted);
  assert.equal(inv.msdyn_customerinvoicenumber, customerInvoice.InvoiceId);
  assert.equal(inv.msdyn_customerinvoicedate, customerInvoice.InvoiceDate);
  const formatted = await ok(h.dv('GET', `/invoices(${String(draft.invoiceid)})?$select=msdyn_projectinvoicestatus`, undefined, { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' }));
  assert.equal(formatted.json['msdyn_projectinvoicestatus@OData.Community.Display.V1.FormattedValue'], 'Posted');
  // The columns are the map's to write: a client cannot.
  const write = await h.dv('PATCH', `/invoices(${String(draft.invoiceid)})`, { msdyn_customerinvoicenumber: 'X-1' });
  assert.equal(write.status, 400);
});

const Draft = 192350000;
const InReview = 192350001;
const InvoicePaid = 192350003;
const patchInvoice = (id: string, body: Json) => h.dv('PATCH', `/invoices(${id})`, body);
const header = async (id: string): Promise<Json> => (await ok(h.dv('GET', `/invoices(${id})?$select=msdyn_projectinvoicestatus,statecode,statuscode,description`))).json;

test('Draft ↔ In review: both stay editable (manage-proforma-invoice.md, Invoice header)', async () => {
  const c = await setUpContract(h);
  const id = String((await createInvoice(h, c.contractId)).invoiceid);
  await ok(patchInvoice(id, { msdyn_projectinvoicestatus: InReview }));
  assert.equal((await header(id)).msdyn_projectinvoicestatus, InReview);
  await ok(patchInvoice(id, { description: 'Checked by the project manager' }));
  assert.equal((await header(id)).description, 'Checked by the project manager');
  await ok(patchInvoice(id, { msdyn_projectinvoicestatus: Draft }));
  assert.equal((await header(id)).msdyn_projectinvoicestatus, Draft);
  // In review can be confirmed like a draft.
  await ok(patchInvoice(id, { msdyn_projectinvoicestatus: InReview }));
  await ok(confirm(h, id));
  assert.equal((await header(id)).msdyn_projectinvoicestatus, Confirmed);
});

test('the other project invoice statuses are not written directly, and there is no way back from Confirmed', async () => {
  const c = await setUpContract(h);
  const id = String((await createInvoice(h, c.contractId)).invoiceid);
  for (const to of [Confirmed, InvoicePaid, Posted]) {
    const r = await patchInvoice(id, { msdyn_projectinvoicestatus: to });
    assert.equal(r.status, 400, `to ${to}`);
    assert.equal(r.json.error.code, '0x80040265');
  }
  assert.equal((await header(id)).msdyn_projectinvoicestatus, Draft, 'unchanged');
  await ok(confirm(h, id));
  for (const to of [Draft, InReview]) assert.equal((await patchInvoice(id, { msdyn_projectinvoicestatus: to })).status, 400, `back to ${to}`);
  assert.equal((await header(id)).msdyn_projectinvoicestatus, Confirmed);
});

test('Paid only after confirmation; Closed and Canceled are not supported; a paid invoice can still be revised', async () => {
  const c = await setUpContract(h);
  const id = String((await createInvoice(h, c.contractId)).invoiceid);
  const early = await patchInvoice(id, { statecode: 2 });
  assert.equal(early.status, 400);
  assert.match(early.json.error.message, /confirmed/);
  assert.equal((await header(id)).statecode, 0);
  await ok(confirm(h, id));
  for (const state of [1, 3]) assert.equal((await patchInvoice(id, { statecode: state })).status, 400, `state ${state}`);
  assert.equal((await patchInvoice(id, { statecode: 2, statuscode: 4 })).status, 400, 'Billed is not a status of Paid');
  await ok(patchInvoice(id, { statecode: 2, statuscode: 100002 }));
  const paid = await header(id);
  assert.deepEqual([paid.statecode, paid.statuscode, paid.msdyn_projectinvoicestatus], [2, 100002, InvoicePaid]);
  assert.equal((await patchInvoice(id, { statecode: 0 })).status, 400, 'no way back from Paid');
  assert.equal((await patchInvoice(id, { description: 'late edit' })).status, 400, 'still read-only');
  const revised = await ok(h.dv('POST', `/invoices(${id})/Microsoft.Dynamics.CRM.msdyn_CorrectInvoice`, {}));
  assert.equal(revised.json.msdyn_projectinvoicestatus, Draft);
});
