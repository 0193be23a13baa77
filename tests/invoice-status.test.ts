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
