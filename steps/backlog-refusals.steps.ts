import { step } from './support/phrases.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import type { Rec, SpecWorld } from './support/world.js';
import { TxType } from '../simulator/dataverse/entities.js';

/**
 * Attempts the billing backlog and the draft invoice refuse: marking an actual ready to invoice that isn't an
 * invoiceable unbilled sales actual (manage-billing-backlog.md, "Time and Material Billing Backlog"), and changing
 * the billing type of a milestone's invoice line detail (manage-proforma-invoice.md, "Invoice line details").
 */
const MARK_READY = 'Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice';

/** The one cost actual of the scenario (the specs approve one piece of work at a time). */
async function onlyCostActual(w: SpecWorld): Promise<Rec> {
  const costs = await w.dvList(`msdyn_actuals?$filter=msdyn_transactiontypecode eq ${TxType.Cost}`);
  if (costs.length !== 1) throw w.mismatch(w.label('options.msdyn_transactiontypecode.192350000'), w.num(costs.length), w.num(1));
  return costs[0] as Rec;
}

step('backlog.tryMarkOriginalReady', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('POST', `msdyn_actuals(${this.need(this.unbilledActualId, 'unbilledActual')})/${MARK_READY}`, {});
});

step('backlog.tryMarkCostReady', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const cost = await onlyCostActual(this);
  await this.tryDv('POST', `msdyn_actuals(${String(cost.msdyn_actualid)})/${MARK_READY}`, {});
});

step('invoice.tryEditBillingType', async function (role: string, billingType: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const details = await this.dvList(`msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${this.currentInvoice().id}`);
  if (details.length !== 1) throw this.mismatch(this.label('entities.msdyn_invoicelinetransaction.other'), this.num(details.length), this.num(1));
  await this.tryDv('PATCH', `msdyn_invoicelinetransactions(${String((details[0] as Rec).msdyn_invoicelinetransactionid)})`, { msdyn_billingtype: billingType });
});

/** A company-specific row keeps the company it was saved with (company-data.md, "Company striping and bootstrapping"). */
step('contract.tryChangeCompany', async function (role: string, code: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const company = this.companies.get(code);
  if (!company) throw this.mismatch(this.label('maps.legal_entities'), `"${code}"`, [...this.companies.keys()].map((c) => `"${c}"`).join(', '));
  await this.tryDv('PATCH', `salesorders(${this.currentContract().id})`, { 'msdyn_company@odata.bind': `/cdm_companies(${company.cdmId})` });
});

step('then.contractCompany', async function (code: string) {
  const contract = await this.dv('GET', `salesorders(${this.currentContract().id})`);
  const company = await this.dv('GET', `cdm_companies(${String(contract._msdyn_company_value)})`);
  if (company.cdm_companycode !== code) throw this.mismatch(this.label('entities.cdm_company.one'), `"${String(company.cdm_companycode)}"`, `"${code}"`);
});
