import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import type { Rec, SpecWorld } from './support/world.js';
import { compareWhole } from './actuals-table.steps.js';
import { BillingMethod } from '../simulator/dataverse/entities.js';

/**
 * A time entry through its approval (approvals/*.md; the rows before invoicing of actuals/ActualsonTM.md and
 * ActualonFP.md): enter, submit, recall, change the billable hours, approve, cancel the approval, approve a
 * recall, confirm the contract. The action names are ours (docs/api.md, "Time entries").
 */

const ACTION = 'Microsoft.Dynamics.CRM.';

async function clockDate(w: SpecWorld): Promise<string> {
  return String((await w.ok('GET', '/sim/clock')).now).slice(0, 10);
}

const entryAction = (w: SpecWorld, name: string): Promise<Rec> =>
  w.tracking(() => w.dv('POST', `msdyn_timeentries(${w.need(w.timeEntryId, 'timeEntry')})/${ACTION}${name}`, {}));

step('setup.fpLine', async function (price: number, cost: number) {
  const contract = this.currentContract();
  const line = await this.dv('POST', 'salesorderdetails', {
    productdescription: this.label(`options.msdyn_billingmethod.${BillingMethod.FixedPrice}`),
    'salesorderid@odata.bind': `/salesorders(${contract.id})`, 'msdyn_project@odata.bind': `/msdyn_projects(${contract.projectId})`,
    msdyn_billingmethod: BillingMethod.FixedPrice, priceperunit: price, msdyn_costperunit: cost,
  });
  contract.lineId = String(line.salesorderdetailid);
});

step('time.enter', async function (resource: string, hours: number) {
  const entry = await this.dv('POST', 'msdyn_timeentries', {
    msdyn_description: resource, msdyn_resourcename: resource, msdyn_date: await clockDate(this), msdyn_duration: Math.round(hours * 60),
    'msdyn_project@odata.bind': `/msdyn_projects(${this.currentContract().projectId})`,
  });
  this.timeEntryId = String(entry.msdyn_timeentryid);
});

step('time.submit', async function (_resource: string) {
  await entryAction(this, 'msdyn_SubmitTimeEntry');
});

step('time.recall', async function (_resource: string) {
  await entryAction(this, 'msdyn_RecallTimeEntry');
});

step('time.billableHours', async function (role: string, hours: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const approvals = await this.dvList(`msdyn_projectapprovals?$filter=_msdyn_timeentry_value eq ${this.need(this.timeEntryId, 'timeEntry')} and msdyn_recordstage eq 0`);
  const approval = approvals[0];
  if (!approval || approvals.length !== 1) throw this.mismatch(this.label('entities.msdyn_projectapproval.other'), this.num(approvals.length), this.num(1));
  await this.dv('PATCH', `msdyn_projectapprovals(${String(approval.msdyn_projectapprovalid)})`, { msdyn_salesquantity: hours });
});

step('time.approve', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await entryAction(this, 'msdyn_ApproveTimeEntry');
});

step('time.cancelApproval', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await entryAction(this, 'msdyn_CancelTimeEntryApproval');
});

step('time.approveRecall', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await entryAction(this, 'msdyn_ApproveTimeEntryRecall');
});

step('contract.confirm', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => this.dv('POST', `salesorders(${this.currentContract().id})/${ACTION}msdyn_ConfirmContract`, {}));
});

/** The journal lines the time entry's submission created, compared as a whole (columns: the actual's field labels). */
step('then.timeJournalLines', async function (table: DataTable) {
  const found = await this.dvList(`msdyn_journallines?$filter=_msdyn_timeentry_value eq ${this.need(this.timeEntryId, 'timeEntry')}`);
  compareWhole(this, table, found, this.label('entities.msdyn_journalline.other'));
});

step('time.tryRecall', async function (_resource: string) {
  await this.tryDv('POST', `msdyn_timeentries(${this.need(this.timeEntryId, 'timeEntry')})/${ACTION}msdyn_RecallTimeEntry`, {});
});

step('time.tryCancelApproval', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('POST', `msdyn_timeentries(${this.need(this.timeEntryId, 'timeEntry')})/${ACTION}msdyn_CancelTimeEntryApproval`, {});
});
