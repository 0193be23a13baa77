import type { EntityDef, FieldDef } from '../schema.js';
import { catalogFields } from '../schema/catalog.js';
import { ScopedMap, scopedList } from '../schema/scope.js';

/** Option values of domain.md §2.3 (DEVKIT); names are ours, labels come from `labels:options`. */
/**
 * invoice.msdyn_projectinvoicestatus: 192350000…192350003 from the table reference (…/invoice.md). Posted is a documented
 * status (invoicing/format-update-project-invoice-proposals.md, "Enhanced proforma invoice summary…": new status
 * Posted) whose value no page or table reference gives. Convention: 192350004, the next free value of the set.
 */
export const InvoiceStatus = { Draft: 192350000, InReview: 192350001, Confirmed: 192350002, Paid: 192350003, Posted: 192350004 } as const;
export const TxType = { Cost: 192350000, ProjectContract: 192350004, UnbilledSales: 192350005, BilledSales: 192350006, ResourcingUnitCost: 192350007, InterOrgSales: 192350008 } as const;
export const TxClass = { Time: 192350000, Expense: 192350001, Material: 192350002, Milestone: 192350003, Fee: 192350004, Tax: 690970002 } as const;
export const BillingStatus = { UnbilledSalesCreated: 192350000, CustomerInvoiceCreated: 192350001, CustomerInvoicePosted: 192350002, Canceled: 192350003, ReadyToInvoice: 192350004 } as const;
export const AdjustmentStatus = { InProcess: 192350000, Adjusted: 192350001, Unadjustable: 192350002 } as const;
export const BillingType = { NonChargeable: 192350000, Chargeable: 192350001, Complimentary: 192350002, NotAvailable: 192350003 } as const;
export const MilestoneStatus = { NotReady: 192350000, Ready: 192350001, CustomerInvoiceCreated: 192350002, CustomerInvoicePosted: 192350003 } as const;
export const BillingMethod = { TimeAndMaterial: 192350000, FixedPrice: 192350001 } as const;
/**
 * msdyn_timeentry.msdyn_entrystatus (…/msdyn_timeentry.md; the current field-service reference
 * ce/field-service/developer/reference/entities/msdyn_timeentry.md agrees and adds 192354320 Cancelled). Only the values
 * the flow reaches are declared: Returned 192350001 and Recall Requested 192350004 (the 2019 reference) with the
 * recall of approved time (approvals/recall-cancel.md); Cancelled 192354320 is not reachable here.
 */
export const EntryStatus = { Draft: 192350000, Returned: 192350001, Approved: 192350002, Submitted: 192350003, RecallRequested: 192350004 } as const;
/**
 * msdyn_projectapproval.msdyn_recordstage (MicrosoftDocs/dynamics-365-customer-engagement
 * progref/webapireference/entitytypes/msdyn_projectapproval.md): Submitted 0, Rejected 1, Approved 2, Pending 3.
 */
export const ApprovalStage = { Submitted: 0, Rejected: 1, Approved: 2, Pending: 3 } as const;
/** msdyn_expense.msdyn_expensestatus, its own set (…/msdyn_expense.md); Rejected, Posted, Paid are not reachable here. */
export const ExpenseStatus = { Draft: 192350000, Submitted: 192350001, Approved: 192350002 } as const;
/**
 * msdyn_transactioncategorypricelevel.msdyn_pricecalculation (…/msdyn_transactioncategorypricelevel.md): the pricing
 * method of a category price (pricing-costing/set-up-cost-sales-rates-expenses.md names the third "Markup over cost").
 */
export const PriceCalculation = { PricePerUnit: 192350000, AtCost: 192350001, MarkupPercentage: 192350002 } as const;
/** pricelevel.msdyn_module (…/pricelevel.md): the context of a price list. */
export const PriceListModule = { Cost: 192350000, Purchase: 192350001, Sales: 192350002 } as const;
/** The contract line's included transaction class columns (pro/sales/manage-contract-values-project-based-sales.md). */
export const IncludeColumn: Readonly<Record<number, string>> = {
  192350000: 'msdyn_includetime', 192350001: 'msdyn_includeexpense', 192350002: 'msdyn_includematerial', 192350004: 'msdyn_includefee',
};
/** Project journal types: only the entry journal is used by the flow (value [inferred]). */
export const JournalType = { Entry: 192350000 } as const;
export const InvoiceState = { Active: 0, Closed: 1, Paid: 2, Canceled: 3 } as const;
/** salesorder.msdyn_ordertype (a choice in the table reference; 192350001 is the work-based project contract). */
export const OrderType = { ItemBased: 192350000, WorkBased: 192350001, ServiceMaintenanceBased: 690970002 } as const;
/** Transaction connection roles (domain.md §2.4); stored as text. */
export const Role = { Cost: 'Cost', UnbilledSales: 'UnbilledSales', BilledSales: 'BilledSales', Original: 'Original', Reversing: 'Reversing', Replacing: 'Replacing' } as const;

const opt = (optionSet: string, values: Record<string, number>, extra: Partial<FieldDef> = {}): FieldDef => ({
  type: 'option',
  optionSet,
  options: Object.values(values),
  ...extra,
});
const str = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'string', maxLength: 200, ...extra });
const money = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'money', ...extra });
const ro = { readOnly: true } as const;
const lookup = (target: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'lookup', target, ...extra });
const audit: Record<string, FieldDef> = {
  createdon: { type: 'datetime', readOnly: true },
  modifiedon: { type: 'datetime', readOnly: true },
  versionnumber: { type: 'int', readOnly: true },
};
const company = { msdyn_company: lookup('cdm_company') };

/**
 * An entity's fields: the columns of the catalogue (simulator/schema/catalog.ts, generated from Microsoft's table
 * references) with ours on top. For a column we declare, our definition decides type, writability and requirement
 * (the domain manages it); the catalogue adds its facts: the documented length, required level, reference type and
 * English option labels. Where the two disagree the difference is listed in docs/catalog-discrepancies.md.
 */
function entity(def: Omit<EntityDef, 'key' | 'fields'> & { fields: Record<string, FieldDef> }): EntityDef {
  const key = `${def.logicalName}id`;
  const documented = catalogFields(def.logicalName);
  const ours: Record<string, FieldDef> = { [key]: { type: 'guid', readOnly: false }, ...def.fields, ...audit };
  const fields: Record<string, FieldDef> = { ...documented };
  for (const [name, f] of Object.entries(ours)) fields[name] = onTop(documented[name], f);
  return { ...def, key: [key], fields };
}

function onTop(doc: FieldDef | undefined, ours: FieldDef): FieldDef {
  if (!doc) return ours;
  const { sim: _sim, ...own } = ours; // documented after all: not a simulator column
  return {
    ...own,
    ...(doc.type === ours.type && doc.attributeType ? { attributeType: doc.attributeType } : {}),
    ...(doc.requiredLevel ? { requiredLevel: doc.requiredLevel } : {}),
    ...(doc.maxLength !== undefined ? { maxLength: doc.maxLength } : {}),
    ...(doc.type === ours.type && doc.minValue !== undefined ? { minValue: doc.minValue } : {}),
    ...(doc.type === ours.type && doc.maxValue !== undefined ? { maxValue: doc.maxValue } : {}),
    ...(doc.optionLabels ? { optionLabels: doc.optionLabels } : {}),
  };
}

/*
 * Required columns. Dataverse refuses a create without a SystemRequired column (e.g. salesorderdetail.salesorderid,
 * transactioncurrency.isocurrencycode); ApplicationRequired ("business required") is checked by the apps' forms,
 * not by the server (powerapps-docs clientapi/reference/attributes/setrequiredlevel.md, "Important": only a
 * column the server requires fails a save without a value). So the primary names (account.name,
 * msdyn_project.msdyn_subject, salesorder.name, …) are not required here. The `required: true` left on
 * ApplicationRequired or undocumented columns below are the domain's: it cannot price or post work without them
 * (convention, listed in docs/catalog-discrepancies.md).
 */
const linesThroughContract = { rule: 'rule.invoice-through-contract', key: 'invoice.linesThroughContract' } as const;
const directWrite = { rule: 'rule.actuals-read-only', key: 'actual.directWrite' } as const;
const refuseActual = { create: directWrite, update: directWrite, delete: directWrite };
const approvalFromSubmission = { rule: 'rule.approval-from-submission', key: 'work.approvalFromSubmission' } as const;

/** The built-in tables; read them through `dataverseEntities` (an instance's extensions included). */
export const builtinDataverseEntities: readonly EntityDef[] = [
  entity({
    logicalName: 'cdm_company', set: 'cdm_companies', primaryName: 'cdm_name',
    fields: { cdm_companycode: str({ required: true, maxLength: 4 }), cdm_name: str(), msdyn_accountingcurrencycode: str({ sim: true, maxLength: 3 }) },
  }),
  entity({
    logicalName: 'transactioncurrency', set: 'transactioncurrencies', primaryName: 'currencyname',
    fields: { isocurrencycode: str({ required: true, maxLength: 3 }), currencyname: str() },
  }),
  entity({
    logicalName: 'account', set: 'accounts', primaryName: 'name', companySpecific: true,
    fields: { name: str(), accountnumber: str({ maxLength: 20 }), ...company, transactioncurrencyid: lookup('transactioncurrency') },
  }),
  entity({
    logicalName: 'msdyn_project', set: 'msdyn_projects', primaryName: 'msdyn_subject', companySpecific: true,
    fields: { msdyn_subject: str(), msdyn_projectnumber: str({ sim: true, maxLength: 20 }), msdyn_customer: lookup('account'), ...company },
  }),
  entity({
    logicalName: 'salesorder', set: 'salesorders', primaryName: 'name', companySpecific: true,
    fields: {
      name: str(), ordernumber: str(ro), customerid: lookup('account', { bindAs: ['customerid_account'], required: true }),
      ...company, transactioncurrencyid: lookup('transactioncurrency'), msdyn_ordertype: opt('salesorder_msdyn_ordertype', OrderType, ro),
      // The contract's sales price list (expense-pricing.ts, rule.contract-price-list-header)
      pricelevelid: lookup('pricelevel'),
    },
  }),
  entity({
    logicalName: 'salesorderdetail', set: 'salesorderdetails', primaryName: 'productdescription',
    fields: {
      productdescription: str(), salesorderid: lookup('salesorder', { required: true }), msdyn_project: lookup('msdyn_project'),
      msdyn_billingmethod: opt('msdyn_billingmethod', BillingMethod, { required: true }),
      priceperunit: money(), msdyn_costperunit: money({ sim: true }), extendedamount: money(),
      // The transaction classes the line includes (work.ts billingLineOf; unset counts as Yes, rule.include-class-unset)
      msdyn_includetime: { type: 'bool' }, msdyn_includeexpense: { type: 'bool' }, msdyn_includematerial: { type: 'bool' }, msdyn_includefee: { type: 'bool' },
    },
  }),
  entity({
    logicalName: 'msdyn_contractlinescheduleofvalue', set: 'msdyn_contractlinescheduleofvalues', primaryName: 'msdyn_name',
    fields: {
      msdyn_name: str(), msdyn_contractlineid: lookup('salesorderdetail', { required: true }), msdyn_amount: money({ required: true }),
      msdyn_invoicedate: { type: 'date' }, msdyn_invoicestatus: opt('msdyn_invoicestatus', MilestoneStatus),
    },
  }),
  entity({
    logicalName: 'msdyn_timeentry', set: 'msdyn_timeentries', primaryName: 'msdyn_description',
    fields: {
      msdyn_description: str(), msdyn_date: { type: 'date', required: true }, msdyn_duration: { type: 'int', required: true },
      msdyn_project: lookup('msdyn_project', { required: true }), msdyn_resourcename: str({ sim: true }),
      msdyn_entrystatus: opt('msdyn_entrystatus', EntryStatus, ro),
    },
  }),
  entity({
    logicalName: 'msdyn_expense', set: 'msdyn_expenses', primaryName: 'msdyn_expensetype',
    fields: {
      msdyn_expensetype: str({ required: true }), msdyn_transactiondate: { type: 'date', required: true }, msdyn_amount: money({ required: true }),
      msdyn_project: lookup('msdyn_project', { required: true }), msdyn_expensestatus: opt('msdyn_expensestatus', ExpenseStatus, ro),
      msdyn_name: str(), msdyn_expensecategory: lookup('msdyn_expensecategory'),
      // ours (rule.expense-quantity): the 2019 reference has no quantity; a price per unit needs one (e.g. miles)
      msdyn_quantity: { type: 'decimal', sim: true, minValue: 0 },
    },
  }),
  // Price lists and expense categories with their prices (pricing-costing/set-up-cost-sales-rates-expenses.md)
  entity({
    logicalName: 'pricelevel', set: 'pricelevels', primaryName: 'name',
    fields: {
      name: str({ required: true, maxLength: 100 }), transactioncurrencyid: lookup('transactioncurrency'),
      begindate: { type: 'date' }, enddate: { type: 'date' }, msdyn_module: opt('pricelevel_msdyn_module', PriceListModule),
    },
  }),
  entity({
    logicalName: 'msdyn_transactioncategory', set: 'msdyn_transactioncategories', primaryName: 'msdyn_name',
    fields: { msdyn_name: str({ maxLength: 100 }) },
  }),
  entity({
    logicalName: 'msdyn_expensecategory', set: 'msdyn_expensecategories', primaryName: 'msdyn_name',
    fields: { msdyn_name: str({ maxLength: 100 }), msdyn_expensecategoryuid: lookup('msdyn_transactioncategory') },
  }),
  entity({
    logicalName: 'msdyn_transactioncategorypricelevel', set: 'msdyn_transactioncategorypricelevels', primaryName: 'msdyn_description',
    fields: {
      msdyn_description: str(), msdyn_pricelist: lookup('pricelevel', { required: true }), msdyn_transactioncategory: lookup('msdyn_transactioncategory', { required: true }),
      msdyn_pricecalculation: opt('msdyn_transactioncategorypricelevel_msdyn_pricecalculation', PriceCalculation, { required: true }),
      msdyn_price: money(), msdyn_percent: { type: 'decimal', minValue: -100 },
      // From the price list header; it can't be overridden (set-up-cost-sales-rates-expenses.md, field Currency)
      transactioncurrencyid: lookup('transactioncurrency', ro),
    },
  }),
  entity({
    logicalName: 'msdyn_journal', set: 'msdyn_journals', primaryName: 'msdyn_description',
    fields: {
      msdyn_description: str(), msdyn_journaltype: opt('msdyn_journaltype', JournalType), msdyn_isposted: { type: 'bool', readOnly: true },
      // ours: the time entry whose submission created the journal (no documented column)
      msdyn_timeentry: lookup('msdyn_timeentry', { readOnly: true, sim: true }),
    },
  }),
  entity({
    logicalName: 'msdyn_journalline', set: 'msdyn_journallines', primaryName: 'msdyn_description',
    fields: {
      msdyn_description: str(), msdyn_journal: lookup('msdyn_journal', { required: true }), msdyn_project: lookup('msdyn_project', { required: true }),
      // Entry journal lines (actuals/create-confirm-entry-journals-integrated.md; columns of …/msdyn_journalline.md):
      // one actual per line, of its transaction type and class (journals.ts).
      msdyn_transactionclassification: opt('msdyn_transactionclassification', { Material: TxClass.Material, Expense: TxClass.Expense, Fee: TxClass.Fee }, { required: true }),
      msdyn_transactiontypecode: opt('msdyn_transactiontypecode', TxType, { required: true }), msdyn_billingtype: opt('msdyn_billingtype', BillingType),
      msdyn_documentdate: { type: 'date', required: true }, msdyn_quantity: { type: 'decimal', required: true }, msdyn_price: money(),
      // the cost price of a time entry's submitted line (ours, set by the submission: actuals/ActualsonTM.md, "Time is submitted")
      msdyn_costprice: money({ sim: true, readOnly: true }),
      msdyn_amount: money(ro), msdyn_timeentry: lookup('msdyn_timeentry', { readOnly: true, sim: true }),
    },
  }),
  entity({
    // The approval record of a submitted time entry (progref/webapireference/entitytypes/msdyn_projectapproval.md):
    // the approver may change the billable hours and the billing type before approving (approvals/cancelapproval.md).
    logicalName: 'msdyn_projectapproval', set: 'msdyn_projectapprovals', primaryName: 'msdyn_name',
    refuse: { create: approvalFromSubmission, delete: approvalFromSubmission, update: approvalFromSubmission },
    updatable: ['msdyn_salesquantity', 'msdyn_billingtype'],
    fields: {
      msdyn_name: str(ro), msdyn_timeentry: lookup('msdyn_timeentry', ro), msdyn_project: lookup('msdyn_project', ro),
      msdyn_costquantity: { type: 'decimal', readOnly: true }, msdyn_salesquantity: { type: 'decimal', minValue: 0 },
      msdyn_costprice: money(ro), msdyn_salesprice: money(ro), msdyn_billingtype: opt('msdyn_billingtype', BillingType),
      msdyn_recordstage: opt('msdyn_recordstage', ApprovalStage, ro), msdyn_approvedon: { type: 'datetime', readOnly: true },
    },
  }),
  entity({
    logicalName: 'msdyn_actual', set: 'msdyn_actuals', primaryName: 'msdyn_description', companySpecific: true,
    refuse: refuseActual, updatable: ['msdyn_description', 'msdyn_externaldescription'],
    fields: {
      msdyn_description: str(), msdyn_externaldescription: str(),
      msdyn_transactiontypecode: opt('msdyn_transactiontypecode', TxType, ro),
      msdyn_transactionclassification: opt('msdyn_transactionclassification', TxClass, ro),
      msdyn_billingstatus: opt('msdyn_billingstatus', BillingStatus, ro),
      msdyn_adjustmentstatus: opt('msdyn_adjustmentstatus', AdjustmentStatus, ro),
      msdyn_billingtype: opt('msdyn_billingtype', BillingType, ro),
      msdyn_quantity: { type: 'decimal', readOnly: true }, msdyn_price: money(ro), msdyn_amount: money(ro),
      msdyn_accountingdate: { type: 'date', readOnly: true }, msdyn_documentdate: { type: 'date', readOnly: true },
      msdyn_project: lookup('msdyn_project', ro), msdyn_salescontract: lookup('salesorder', ro),
      msdyn_salescontractlineid: lookup('salesorderdetail', ro), msdyn_contractlinescheduleofvalue: lookup('msdyn_contractlinescheduleofvalue', { readOnly: true, sim: true }),
      msdyn_invoice: lookup('invoice', ro), msdyn_accountcustomer: lookup('account', ro), ...{ msdyn_company: lookup('cdm_company', ro) },
      transactioncurrencyid: lookup('transactioncurrency', ro),
      // ours: the time entry the actual comes from (no documented column; Project Operations links them through journals)
      msdyn_timeentry: lookup('msdyn_timeentry', { readOnly: true, sim: true }),
      msdyn_isjournalized: { type: 'bool', readOnly: true }, msdyn_skipsync: { type: 'bool', readOnly: true },
      msdyn_transactioncategory: lookup('msdyn_transactioncategory', ro), msdyn_pricelist: lookup('pricelevel', ro),
      msdyn_vouchernumber: str({ readOnly: true, sim: true }), msdyn_accountingcurrencyamount: money({ readOnly: true, sim: true }),
      msdyn_exchangerate: { type: 'decimal', readOnly: true, sim: true }, msdyn_salestaxamount: money({ readOnly: true, sim: true }),
    },
  }),
  entity({
    logicalName: 'invoice', set: 'invoices', primaryName: 'name', companySpecific: true,
    refuse: { create: { rule: 'rule.invoice-through-contract', key: 'invoice.createThroughContract' } },
    fields: {
      name: str(), invoicenumber: str(ro), description: { type: 'memo' },
      customerid: lookup('account', { bindAs: ['customerid_account'], readOnly: true }), salesorderid: lookup('salesorder', ro), ...{ msdyn_company: lookup('cdm_company', ro) },
      transactioncurrencyid: lookup('transactioncurrency', ro),
      // Writable within the rules of invoice-status.ts (manage-proforma-invoice.md, "Invoice header": both can be edited).
      msdyn_projectinvoicestatus: opt('msdyn_projectinvoicestatus', InvoiceStatus), statecode: opt('invoice_statecode', InvoiceState),
      msdyn_invoicedate: { type: 'date' }, totalamount: money(ro), totaltax: money(ro),
      msdyn_hascorrections: { type: 'bool', readOnly: true }, msdyn_correctedinvoice: lookup('invoice', { readOnly: true, sim: true }),
      // Written back by the map msdyn_customerinvoices after posting (format-update-project-invoice-proposals.md,
      // Enhanced proforma invoice); the page names the fields, not their columns: names ours.
      msdyn_customerinvoicenumber: str({ readOnly: true, sim: true, maxLength: 100 }), msdyn_customerinvoicedate: { type: 'date', readOnly: true, sim: true },
    },
  }),
  entity({
    logicalName: 'invoicedetail', set: 'invoicedetails', primaryName: 'productdescription',
    refuse: { create: linesThroughContract, delete: linesThroughContract },
    fields: {
      productdescription: str(), invoiceid: lookup('invoice', ro), msdyn_contractlineid: lookup('salesorderdetail', ro),
      msdyn_billingmethod: opt('msdyn_billingmethod', BillingMethod, ro), extendedamount: money(ro),
    },
  }),
  entity({
    logicalName: 'msdyn_invoicelinetransaction', set: 'msdyn_invoicelinetransactions', primaryName: 'msdyn_description',
    // Deletable on a draft (entity-hooks.ts); adding one is behind a feature flag we model as off (rule.invoice-through-contract).
    refuse: { create: linesThroughContract },
    fields: {
      msdyn_description: str(), msdyn_externaldescription: str(),
      msdyn_invoicelineid: lookup('invoicedetail', ro), msdyn_invoice: lookup('invoice', { readOnly: true, sim: true }),
      msdyn_salescontractlineid: lookup('salesorderdetail', ro),
      msdyn_transactiontypecode: opt('msdyn_transactiontypecode', TxType, ro),
      msdyn_transactionclassification: opt('msdyn_transactionclassification', TxClass, ro),
      msdyn_billingtype: opt('msdyn_billingtype', BillingType),
      msdyn_quantity: { type: 'decimal' }, msdyn_price: money(), msdyn_amount: money(ro),
      msdyn_correction: { type: 'bool', readOnly: true }, msdyn_originalquantity: { type: 'decimal', readOnly: true, sim: true },
      msdyn_sourceactual: lookup('msdyn_actual', { readOnly: true, sim: true }), msdyn_transactioncategory: lookup('msdyn_transactioncategory', ro),
      msdyn_contractlinescheduleofvalue: lookup('msdyn_contractlinescheduleofvalue', { readOnly: true, sim: true }),
    },
  }),
  entity({
    logicalName: 'msdyn_transactionconnection', set: 'msdyn_transactionconnections', primaryName: 'msdyn_name',
    refuse: refuseActual,
    fields: {
      msdyn_name: str(ro),
      msdyn_transaction1: str(ro), msdyn_transaction1role: str(ro), msdyn_transaction1type: str(ro),
      msdyn_transaction2: str(ro), msdyn_transaction2role: str(ro), msdyn_transaction2type: str(ro),
      ...{ msdyn_company: lookup('cdm_company', ro) },
    },
  }),
];

// The current instance's tables: the built-in ones with its schema extensions (schema/scope.ts).
export const dataverseEntities: readonly EntityDef[] = scopedList(builtinDataverseEntities, (s) => s.dataverse);
export const dataverseBySet: ReadonlyMap<string, EntityDef> = new ScopedMap(builtinDataverseEntities.map((e) => [e.set, e]), (s) => s.dataverseBySet);
export const dataverseByName: ReadonlyMap<string, EntityDef> = new ScopedMap(builtinDataverseEntities.map((e) => [e.logicalName, e]), (s) => s.dataverseByName);

export function dvEntity(logicalName: string): EntityDef {
  const e = dataverseByName.get(logicalName);
  if (!e) throw new Error(`unknown Dataverse entity ${logicalName}`);
  return e;
}
