import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, FORMATTED, approveTime, confirm, createInvoice, list, ok, rep, setUpContract, startSim } from './support/http.js';

/**
 * Column names and option values as Microsoft's table references give them (issue 12, defects 5–7), over HTTP:
 * the values a client reads, the lookups it binds, and the deprecated names it no longer finds.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const FMT = { Prefer: FORMATTED };
const attributes = async (table: string): Promise<Map<string, Json>> => {
  const r = await ok(h.dv('GET', `/EntityDefinitions(LogicalName='${table}')?$expand=Attributes`));
  return new Map((r.json.Attributes as Json[]).map((a) => [String(a.LogicalName), a]));
};

test('time entry status: Draft 192350000, Approved 192350002 (…/msdyn_timeentry.md)', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const entry = await ok(h.dv('POST', '/msdyn_timeentries', { msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201);
  assert.equal(entry.json.msdyn_entrystatus, 192350000);
  const id = await approveTime(h, c.projectId, 2);
  const approved = await ok(h.dv('GET', `/msdyn_timeentries(${id})?$select=msdyn_entrystatus`, undefined, FMT));
  assert.equal(approved.json.msdyn_entrystatus, 192350002);
  assert.equal(approved.json['msdyn_entrystatus@OData.Community.Display.V1.FormattedValue'], 'Approved');
});

test('expense status is its own option set: Draft 192350000, Approved 192350002 (…/msdyn_expense.md)', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const exp = await ok(h.dv('POST', '/msdyn_expenses', { msdyn_expensetype: 'Travel', msdyn_transactiondate: '2026-03-02', msdyn_amount: 120.5, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201);
  assert.equal(exp.json.msdyn_expensestatus, 192350000);
  await ok(h.dv('POST', `/msdyn_expenses(${String(exp.json.msdyn_expenseid)})/Microsoft.Dynamics.CRM.msdyn_ApproveExpense`, {}));
  const approved = await ok(h.dv('GET', `/msdyn_expenses(${String(exp.json.msdyn_expenseid)})?$select=msdyn_expensestatus`, undefined, FMT));
  assert.equal(approved.json.msdyn_expensestatus, 192350002);
  assert.equal(approved.json['msdyn_expensestatus@OData.Community.Display.V1.FormattedValue'], 'Approved');
  const attr = (await attributes('msdyn_expense')).get('msdyn_expensestatus');
  assert.ok(attr, 'msdyn_expensestatus declared');
});

test('lookups and columns under their documented names; the old names are unknown', async () => {
  const c = await setUpContract(h);
  // msdyn_actual.msdyn_accountcustomer (…/msdyn_actual.md) carries the contract's customer.
  const act = await list(h.dv, '/msdyn_actuals?$select=_msdyn_accountcustomer_value');
  assert.ok(act.length > 0 && act.every((a) => a._msdyn_accountcustomer_value === c.accountId));
  const old = await h.dv('GET', '/msdyn_actuals?$select=msdyn_customer');
  assert.equal(old.status, 400, 'msdyn_customer is not a column of msdyn_actual');
  // Milestone: msdyn_contractlineid lookup, msdyn_invoicedate (…/msdyn_contractlinescheduleofvalue.md; entity-changes-v3.x.md).
  const ms = await ok(h.dv('GET', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})?$select=_msdyn_contractlineid_value,msdyn_invoicedate`));
  assert.equal(ms.json._msdyn_contractlineid_value, c.fpLineId);
  assert.equal(ms.json.msdyn_invoicedate, '2026-03-02');
  const msAttrs = await attributes('msdyn_contractlinescheduleofvalue');
  assert.equal(msAttrs.get('msdyn_contractlineid')?.AttributeType, 'Lookup');
  assert.equal(msAttrs.has('msdyn_milestonedate'), false);
  // Invoice line and its details: msdyn_contractlineid, msdyn_invoicelineid, msdyn_correction.
  await ok(h.dv('POST', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}));
  const draft = await createInvoice(h, c.contractId);
  const lines = await list(h.dv, `/invoicedetails?$filter=_invoiceid_value eq ${String(draft.invoiceid)}&$select=_msdyn_contractlineid_value`);
  assert.deepEqual(lines.map((l) => l._msdyn_contractlineid_value).sort(), [c.tmLineId, c.fpLineId].sort());
  const details = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)}&$select=_msdyn_invoicelineid_value,msdyn_correction`);
  const lineIds = new Set(lines.map((l) => String(l.invoicedetailid)));
  assert.ok(details.length > 0 && details.every((d) => lineIds.has(String(d._msdyn_invoicelineid_value)) && d.msdyn_correction === false));
  await ok(confirm(h, String(draft.invoiceid)));
  const corr = await ok(h.dv('POST', `/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_CorrectInvoice`, {}));
  const copies = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(corr.json.invoiceid)}&$select=msdyn_correction`);
  assert.ok(copies.length > 0 && copies.every((d) => d.msdyn_correction === true));
  const gone = await h.dv('GET', '/msdyn_invoicelinetransactions?$select=msdyn_iscorrection');
  assert.equal(gone.status, 400, 'msdyn_iscorrection is not a column');
});
