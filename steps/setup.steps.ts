import { step } from './support/phrases.js';
import { odataString } from './support/http.js';
import type { Rec, SpecWorld } from './support/world.js';
import { BillingMethod, TxType } from '../simulator/dataverse/entities.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import { STANDARD_TAX_GROUP, standardTaxParameters, standardTaxSetup } from '../simulator/finance/tax-setup.js';

/** Reference data, created the way an integration would: legal entity in Finance, the rest in Dataverse. */

export async function today(w: SpecWorld): Promise<string> {
  const clock = await w.ok('GET', '/sim/clock');
  return String(clock.now).slice(0, 10);
}

/** The Dataverse currency with this ISO code (created with two decimals when it is not there yet). */
export async function currencyId(w: SpecWorld, iso: string): Promise<string> {
  const found = await w.dvList(`transactioncurrencies?$filter=isocurrencycode eq ${odataString(iso)}`);
  if (found[0]) return String(found[0].transactioncurrencyid);
  const created = await w.dv('POST', 'transactioncurrencies', { isocurrencycode: iso, currencyname: iso, currencyprecision: 2 });
  return String(created.transactioncurrencyid);
}

/** A legal entity in Finance, seen in Dataverse through the legal entities map. */
export async function createLegalEntity(w: SpecWorld, code: string, currency: string): Promise<void> {
  await w.ok('POST', '/data/LegalEntities', { LegalEntityId: code, Name: code, AccountingCurrency: currency });
  const companies = await w.dvList(`cdm_companies?$filter=cdm_companycode eq ${odataString(code)}`);
  if (companies.length !== 1) throw w.mismatch(`${w.label('maps.legal_entities')}: ${code}`, w.num(companies.length), w.num(1));
  const ref = { code, cdmId: String(companies[0]?.cdm_companyid), currency, currencyId: await currencyId(w, currency) };
  w.companies.set(code, ref);
  w.company = ref;
}

/** "… and 10% sales tax": one sales tax code at that rate in a sales tax group and an item sales tax group (tax-setup.ts). */
step('setup.legalEntity', async function (code: string, currency: string, tax: number) {
  await createLegalEntity(this, code, currency);
  for (const [set, body] of standardTaxSetup(code, tax)) await this.ok('POST', `/data/${set}`, body);
  const params = standardTaxParameters(code);
  await this.ok('PATCH', `/data/${params.path}`, params.body);
});

/** A customer, a project and a project contract of the current legal entity, in the given Dataverse currency. */
export async function createContract(w: SpecWorld, name: string, customer: string, currency: string): Promise<void> {
  const company = w.currentCompany();
  const companyBind = `/cdm_companies(${company.cdmId})`;
  const currencyBind = `/transactioncurrencies(${currency})`;
  const account = await w.dv('POST', 'accounts', { name: customer, 'msdyn_company@odata.bind': companyBind, 'transactioncurrencyid@odata.bind': currencyBind });
  // The customer in Finance too (CustomersV3), under the account number: its sales tax group is the legal entity's
  // standard one when there is one (tax.steps.ts changes it).
  const customerAccount = String(account.accountnumber);
  const standard = await w.foList(`SalesTaxGroups?cross-company=true&$filter=dataAreaId eq ${odataString(company.code)} and TaxGroupCode eq ${odataString(STANDARD_TAX_GROUP)}`);
  await w.ok('POST', '/data/CustomersV3', { dataAreaId: company.code, CustomerAccount: customerAccount, OrganizationName: customer, SalesTaxGroup: standard.length ? STANDARD_TAX_GROUP : null });
  const accountBind = `/accounts(${String(account.accountid)})`;
  const project = await w.dv('POST', 'msdyn_projects', { msdyn_subject: name, 'msdyn_customer@odata.bind': accountBind, 'msdyn_company@odata.bind': companyBind });
  const contract = await w.dv('POST', 'salesorders', {
    name, 'customerid_account@odata.bind': accountBind, 'msdyn_company@odata.bind': companyBind, 'transactioncurrencyid@odata.bind': currencyBind,
  });
  const ref = { name, id: String(contract.salesorderid), accountId: String(account.accountid), projectId: String(project.msdyn_projectid), company: company.code, customerAccount };
  w.contracts.set(name, ref);
  w.contract = ref;
}

step('setup.contract', async function (name: string, customer: string) {
  await createContract(this, name, customer, this.currentCompany().currencyId);
});

step('setup.tmLine', async function (price: number, cost: number) {
  const contract = this.currentContract();
  const line = await this.dv('POST', 'salesorderdetails', {
    productdescription: this.label(`options.msdyn_billingmethod.${BillingMethod.TimeAndMaterial}`),
    'salesorderid@odata.bind': `/salesorders(${contract.id})`, 'msdyn_project@odata.bind': `/msdyn_projects(${contract.projectId})`,
    msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: price, msdyn_costperunit: cost,
  });
  contract.lineId = String(line.salesorderdetailid);
});

async function addMilestone(w: SpecWorld, name: string, amount: number, costPerHour?: number): Promise<void> {
  const contract = w.currentContract();
  const line = await w.dv('POST', 'salesorderdetails', {
    productdescription: name, 'salesorderid@odata.bind': `/salesorders(${contract.id})`, 'msdyn_project@odata.bind': `/msdyn_projects(${contract.projectId})`,
    msdyn_billingmethod: BillingMethod.FixedPrice, priceperunit: amount, ...(costPerHour === undefined ? {} : { msdyn_costperunit: costPerHour }),
  });
  const milestone = await w.dv('POST', 'msdyn_contractlinescheduleofvalues', {
    msdyn_name: name, 'msdyn_contractlineid@odata.bind': `/salesorderdetails(${String(line.salesorderdetailid)})`, msdyn_amount: amount, msdyn_invoicedate: await today(w),
  });
  const id = String(milestone.msdyn_contractlinescheduleofvalueid);
  await w.dv('POST', `msdyn_contractlinescheduleofvalues(${id})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {});
  w.milestones.set(name, id);
}

step('setup.milestone', async function (name: string, amount: number) {
  await addMilestone(this, name, amount);
});

step('setup.milestoneCost', async function (name: string, amount: number, cost: number) {
  await addMilestone(this, name, amount, cost);
});

/** A time entry on the contract's project, approved: returns the unbilled sales actual it created (none on a fixed-price-only contract). */
async function approveTime(w: SpecWorld, resource: string, hours: number, date: string): Promise<Rec | undefined> {
  const contract = w.currentContract();
  const entry = await w.dv('POST', 'msdyn_timeentries', {
    msdyn_description: resource, msdyn_resourcename: resource, msdyn_date: date, msdyn_duration: Math.round(hours * 60),
    'msdyn_project@odata.bind': `/msdyn_projects(${contract.projectId})`,
  });
  w.timeEntryId = String(entry.msdyn_timeentryid);
  const approved = await w.dv('POST', `msdyn_timeentries(${w.timeEntryId})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {});
  const actuals = (approved.value as Rec[] | undefined) ?? [];
  const unbilled = actuals.find((a) => a.msdyn_transactiontypecode === TxType.UnbilledSales);
  // A project billed at a fixed price only gets a cost actual (ActualonFP.md, "Time is approved").
  if (!unbilled && !contract.lineId) return undefined;
  if (!unbilled) throw w.fail('unbilledMissing', { resource: `"${resource}"`, type: w.label(`options.msdyn_transactiontypecode.${TxType.UnbilledSales}`), n: w.num(actuals.length) });
  return unbilled;
}

async function markReady(w: SpecWorld, actualId: string): Promise<void> {
  await w.dv('POST', `msdyn_actuals(${actualId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {});
}

step('work.approved', async function (resource: string, hours: number) {
  const unbilled = await approveTime(this, resource, hours, await today(this));
  this.unbilledActualId = unbilled ? String(unbilled.msdyn_actualid) : undefined;
});

step('work.approvedReady', async function (resource: string, hours: number) {
  const unbilled = await approveTime(this, resource, hours, await today(this));
  if (!unbilled) throw this.fail('unbilledMissing', { resource: `"${resource}"`, type: this.label(`options.msdyn_transactiontypecode.${TxType.UnbilledSales}`), n: this.num(0) });
  this.unbilledActualId = String(unbilled.msdyn_actualid);
  await markReady(this, this.unbilledActualId);
});

step('work.many', async function (count: number) {
  const date = await today(this);
  const project = this.currentContract().projectId;
  // As an integration would load them: time entries, then their approvals, in $batch requests of up to 1,000.
  const created = await this.dvBatch(Array.from({ length: count }, (_, i) => ({
    method: 'POST' as const, path: 'msdyn_timeentries',
    body: { msdyn_description: `Consultant ${i + 1}`, msdyn_resourcename: `Consultant ${i + 1}`, msdyn_date: date, msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${project})` },
  })));
  const ids = created.map((a) => /\(([0-9a-f-]{36})\)$/.exec(a.headers.get('odata-entityid') ?? '')?.[1]);
  const approved = await this.dvBatch(ids.map((id) => {
    if (!id) throw new Error('internal: a time entry created in the $batch came back without its OData-EntityId');
    return { method: 'POST' as const, path: `msdyn_timeentries(${id})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, body: {} };
  }));
  approved.forEach((a, i) => {
    const actuals = (a.body.value as Rec[] | undefined) ?? [];
    if (!actuals.some((x) => x.msdyn_transactiontypecode === TxType.UnbilledSales)) throw this.fail('unbilledMissing', { resource: `"Consultant ${i + 1}"`, type: this.label(`options.msdyn_transactiontypecode.${TxType.UnbilledSales}`), n: this.num(actuals.length) });
  });
  // The project manager marks the contract's whole backlog ready at once, as the backlog view allows.
  await this.dv('POST', `salesorders(${this.currentContract().id})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {});
});

/** An approval that may be refused (e.g. dual-write blocks it): the answer is kept for "the operation is refused". */
step('work.tryApprove', async function (role: string, hours: number, resource: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const contract = this.currentContract();
  const entry = await this.dv('POST', 'msdyn_timeentries', {
    msdyn_description: resource, msdyn_resourcename: resource, msdyn_date: await today(this), msdyn_duration: Math.round(hours * 60),
    'msdyn_project@odata.bind': `/msdyn_projects(${contract.projectId})`,
  });
  await this.tracking(() => this.tryDv('POST', `msdyn_timeentries(${String(entry.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}));
});
