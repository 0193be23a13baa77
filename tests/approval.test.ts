import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, Opt, createInvoice, list, ok, rep, setUpContract, snapshot, startSim } from './support/http.js';

/**
 * Time approval over HTTP (actuals/ActualsonTM.md, ActualonFP.md rows before invoicing; approvals/cancelapproval.md,
 * recall-cancel.md): submit, billable hours, approve, cancel, recall, contract confirmation, and their refusals.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const HELP = '@Microsoft.PowerApps.CDS.HelpLink';
const Status = { Draft: 192350000, Returned: 192350001, Approved: 192350002, Submitted: 192350003, RecallRequested: 192350004 } as const;
const Stage = { Submitted: 0, Rejected: 1, Approved: 2 } as const;
const Canceled = 192350003;
const Unadjustable = 192350002;

const act = (set: string, id: string, name: string) => h.dv('POST', `/${set}(${id})/Microsoft.Dynamics.CRM.${name}`, {}, { Prefer: 'odata.include-annotations="*"' });
const entry = async (projectId: string, hours = 8): Promise<string> => String((await ok(h.dv('POST', '/msdyn_timeentries', {
  msdyn_description: 'Bob Kozak', msdyn_date: '2026-03-02', msdyn_duration: hours * 60, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
}, rep), 201)).json.msdyn_timeentryid);
const actualsOf = (id: string): Promise<Json[]> => list(h.dv, `/msdyn_actuals?$filter=_msdyn_timeentry_value eq ${id}`);
const approvalOf = async (id: string): Promise<Json> => (await list(h.dv, `/msdyn_projectapprovals?$filter=_msdyn_timeentry_value eq ${id}`))[0];
const status = async (id: string): Promise<number> => (await ok(h.dv('GET', `/msdyn_timeentries(${id})`))).json.msdyn_entrystatus;
/** [type, quantity, amount, billing type, adjustment status, billing status], sorted. */
const rows = (as: Json[]): unknown[][] => as.map((a) => [a.msdyn_transactiontypecode, a.msdyn_quantity, a.msdyn_amount, a.msdyn_billingtype, a.msdyn_adjustmentstatus, a.msdyn_billingstatus]).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
const refusedBy = (r: { status: number; json: Json }, rule: string): void => {
  assert.equal(r.status, 400, JSON.stringify(r.json));
  assert.equal(r.json.error.code, '0x80040265');
  assert.equal(r.json.error[HELP], `${h.url}/sim/rules/${rule}`);
};

test('submit: an approval record with the submitted hours as billable, journal lines at the default rates, no actuals', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const id = await entry(c.projectId);
  const submitted = await ok(act('msdyn_timeentries', id, 'msdyn_SubmitTimeEntry'));
  assert.equal(submitted.json.msdyn_entrystatus, Status.Submitted);
  const approval = await approvalOf(id);
  assert.deepEqual([approval.msdyn_costquantity, approval.msdyn_salesquantity, approval.msdyn_billingtype, approval.msdyn_recordstage], [8, 8, Opt.Chargeable, Stage.Submitted]);
  const lines = await list(h.dv, `/msdyn_journallines?$filter=_msdyn_timeentry_value eq ${id}`);
  assert.deepEqual(lines.map((l) => [l.msdyn_transactiontypecode, l.msdyn_quantity, l.msdyn_amount, l.msdyn_billingtype]).sort(), [[Opt.Cost, 8, 800, null], [Opt.UnbilledSales, 8, 1600, Opt.Chargeable]]);
  assert.deepEqual(await actualsOf(id), []);
  // The journal of the time entry is posted by approval only.
  refusedBy(await act('msdyn_journals', String(lines[0]._msdyn_journal_value), 'msdyn_PostJournal'), 'rule.time-journal-by-approval');
});

test('approve with fewer billable hours: cost for the submitted hours, chargeable and non-chargeable unbilled sales', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const id = await entry(c.projectId);
  await ok(act('msdyn_timeentries', id, 'msdyn_SubmitTimeEntry'));
  const approval = await approvalOf(id);
  await ok(h.dv('PATCH', `/msdyn_projectapprovals(${String(approval.msdyn_projectapprovalid)})`, { msdyn_salesquantity: 6 }));
  const created = await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry'));
  assert.equal(created.json.value.length, 3);
  assert.deepEqual(rows(await actualsOf(id)), rows([
    { msdyn_transactiontypecode: Opt.Cost, msdyn_quantity: 8, msdyn_amount: 800, msdyn_billingtype: null, msdyn_adjustmentstatus: null, msdyn_billingstatus: null },
    { msdyn_transactiontypecode: Opt.UnbilledSales, msdyn_quantity: 6, msdyn_amount: 1200, msdyn_billingtype: Opt.Chargeable, msdyn_adjustmentstatus: null, msdyn_billingstatus: Opt.UnbilledSalesCreated },
    { msdyn_transactiontypecode: Opt.UnbilledSales, msdyn_quantity: 2, msdyn_amount: 400, msdyn_billingtype: Opt.NonChargeable, msdyn_adjustmentstatus: null, msdyn_billingstatus: Opt.UnbilledSalesCreated },
  ]));
  assert.equal(await status(id), Status.Approved);
  assert.equal((await approvalOf(id)).msdyn_recordstage, Stage.Approved);
  // Approved: the approval record is no longer the approver's to change.
  refusedBy(await h.dv('PATCH', `/msdyn_projectapprovals(${String(approval.msdyn_projectapprovalid)})`, { msdyn_salesquantity: 4 }, { Prefer: 'odata.include-annotations="*"' }), 'rule.approval-editable-submitted');
  refusedBy(await h.dv('POST', '/msdyn_projectapprovals', { msdyn_salesquantity: 4 }, { Prefer: 'odata.include-annotations="*"' }), 'rule.approval-from-submission');
});

test('cancel approval reverses (Adjusted/Unadjustable, Canceled); the approver changes the billable hours and approves again', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const id = await entry(c.projectId);
  await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry')); // a draft: submitted and approved in one step (convention)
  const reversals = await ok(act('msdyn_timeentries', id, 'msdyn_CancelTimeEntryApproval'));
  assert.deepEqual(reversals.json.value.map((a: Json) => [a.msdyn_quantity, a.msdyn_adjustmentstatus, a.msdyn_billingstatus]).sort(), [[-8, Unadjustable, Canceled], [-8, Unadjustable, Canceled]]);
  const all = await actualsOf(id);
  assert.deepEqual(all.filter((a) => a.msdyn_quantity > 0).map((a) => [a.msdyn_adjustmentstatus, a.msdyn_billingstatus]), [[Opt.Adjusted, Canceled], [Opt.Adjusted, Canceled]]);
  assert.equal(await status(id), Status.Submitted);
  const approval = await approvalOf(id);
  assert.equal(approval.msdyn_recordstage, Stage.Submitted);
  await ok(h.dv('PATCH', `/msdyn_projectapprovals(${String(approval.msdyn_projectapprovalid)})`, { msdyn_salesquantity: 10 }));
  await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry'));
  const live = (await actualsOf(id)).filter((a) => a.msdyn_adjustmentstatus === null);
  assert.deepEqual(live.map((a) => [a.msdyn_transactiontypecode, a.msdyn_quantity, a.msdyn_amount]).sort(), [[Opt.Cost, 8, 800], [Opt.UnbilledSales, 10, 2000]]);
});

test('recall: before approval back to Draft with nothing left; after approval a request, then the approved recall reverses', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const id = await entry(c.projectId);
  await ok(act('msdyn_timeentries', id, 'msdyn_SubmitTimeEntry'));
  assert.equal((await ok(act('msdyn_timeentries', id, 'msdyn_RecallTimeEntry'))).json.msdyn_entrystatus, Status.Draft);
  assert.deepEqual(await list(h.dv, `/msdyn_journallines?$filter=_msdyn_timeentry_value eq ${id}`), []);
  assert.equal(await approvalOf(id), undefined);
  // A draft cannot be recalled; nothing changes.
  const before = await snapshot(h, ['msdyn_timeentries', 'msdyn_actuals', 'msdyn_projectapprovals']);
  refusedBy(await act('msdyn_timeentries', id, 'msdyn_RecallTimeEntry'), 'rule.time-entry-transitions');
  assert.deepEqual(await snapshot(h, ['msdyn_timeentries', 'msdyn_actuals', 'msdyn_projectapprovals']), before);

  await ok(act('msdyn_timeentries', id, 'msdyn_SubmitTimeEntry'));
  await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry'));
  assert.equal((await ok(act('msdyn_timeentries', id, 'msdyn_RecallTimeEntry'))).json.msdyn_entrystatus, Status.RecallRequested);
  assert.equal((await actualsOf(id)).length, 2, 'a request alone changes no actuals');
  refusedBy(await act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry'), 'rule.time-entry-transitions');
  await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntryRecall'));
  assert.equal(await status(id), Status.Returned);
  assert.equal((await approvalOf(id)).msdyn_recordstage, Stage.Rejected);
  assert.deepEqual((await actualsOf(id)).map((a) => [a.msdyn_quantity, a.msdyn_adjustmentstatus, a.msdyn_billingstatus]).sort(), [[-8, Unadjustable, Canceled], [-8, Unadjustable, Canceled], [8, Opt.Adjusted, Canceled], [8, Opt.Adjusted, Canceled]]);
});

test('cancel and recall are refused once the time is on an invoice, and change nothing', async () => {
  const c = await setUpContract(h);
  const id = String(c.timeEntryId);
  await createInvoice(h, c.contractId); // a draft invoice holds the time
  const before = await snapshot(h, ['msdyn_timeentries', 'msdyn_actuals']);
  refusedBy(await act('msdyn_timeentries', id, 'msdyn_CancelTimeEntryApproval'), 'rule.cancel-recall-not-invoiced');
  refusedBy(await act('msdyn_timeentries', id, 'msdyn_RecallTimeEntry'), 'rule.cancel-recall-not-invoiced');
  assert.deepEqual(await snapshot(h, ['msdyn_timeentries', 'msdyn_actuals']), before);
});

test('confirming the contract re-evaluates approved time: originals Adjusted, Unadjustable reversals, new actuals at the contract rates', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const id = await entry(c.projectId);
  await ok(act('msdyn_timeentries', id, 'msdyn_ApproveTimeEntry'));
  // The contract line's rate changes before the contract is confirmed: the new actuals follow it.
  await ok(h.dv('PATCH', `/salesorderdetails(${c.tmLineId})`, { priceperunit: 250 }));
  await ok(act('salesorders', c.contractId, 'msdyn_ConfirmContract'));
  const all = await actualsOf(id);
  assert.deepEqual(all.map((a) => [a.msdyn_transactiontypecode, a.msdyn_quantity, a.msdyn_amount, a.msdyn_adjustmentstatus]).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))), [
    [Opt.Cost, -8, -800, Unadjustable], [Opt.Cost, 8, 800, Opt.Adjusted], [Opt.Cost, 8, 800, null],
    [Opt.UnbilledSales, -8, -1600, Unadjustable], [Opt.UnbilledSales, 8, 1600, Opt.Adjusted], [Opt.UnbilledSales, 8, 2000, null],
  ].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
});
