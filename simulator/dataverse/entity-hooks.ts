import type { Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import { type Ctx, applied, nextNumber, pad, refuse, where } from '../domain/context.js';
import { SimError } from '../errors.js';
import { ApprovalStage, EntryStatus, ExpenseStatus, InvoiceStatus, JournalType, MilestoneStatus, OrderType } from './entities.js';
import { deleteDetail, deleteInvoice, updateDetail, updateInvoice } from './invoices.js';
import { assertEditable } from './invoice-builders.js';

/**
 * The write rules of each Dataverse entity, beside its definition (entities.ts holds the data: columns,
 * `refuse`, `updatable`; this module the behaviour). The only place for them: the generic writes of records.ts
 * and the Web API router both call these. A separate module because the hooks use the domain (invoices.ts),
 * which itself imports entities.ts.
 */
export interface EntityHooks {
  /** Defaults and checks of a create, on the record about to be inserted (changed in place). */
  readonly create?: (ctx: Ctx, rec: Record<string, unknown>) => void;
  /** An update: the entity's own (returns the written record) or a check before the generic patch (returns undefined). */
  readonly update?: (ctx: Ctx, id: string, values: Record<string, unknown>, old: Rec) => Rec | undefined;
  /** A delete: true when the entity did it itself; otherwise a check before the generic delete. */
  readonly delete?: (ctx: Ctx, id: string) => boolean;
}

/** A confirmed (posted) journal and its lines are read-only (actuals/create-confirm-entry-journals-integrated.md, "Confirm an Entry journal"). */
function refuseIfPosted(ctx: Ctx, journalId: unknown): void {
  const journal = journalId ? ctx.tx.get('msdyn_journal', String(journalId)) : undefined;
  if (journal?.msdyn_isposted === true) throw refuse('rule.journal-confirmed-read-only', 'journal.confirmed', { journal: String(journal.msdyn_description ?? journalId) });
}

const companyOfAccount = (ctx: Ctx, accountId: unknown): unknown => (accountId ? (ctx.tx.get('account', String(accountId))?._msdyn_company_value ?? null) : null);

export const entityHooks: Readonly<Record<string, EntityHooks>> = {
  cdm_company: {
    create: (ctx, rec) => {
      for (const c of where(ctx, 'cdm_company', (c) => String(c.cdm_companycode).toUpperCase() === String(rec.cdm_companycode).toUpperCase())) {
        throw new SimError(412, '0x80040237', 'record.duplicateKey', { entity: 'cdm_company', key: String(c.cdm_companycode) });
      }
    },
  },
  account: {
    create: (ctx, rec) => { rec.accountnumber ??= `C-${pad(nextNumber(ctx, 'account'))}`; },
  },
  msdyn_project: {
    create: (ctx, rec) => {
      rec.msdyn_projectnumber ??= `PRJ-${pad(nextNumber(ctx, 'project'))}`;
      rec._msdyn_company_value ??= companyOfAccount(ctx, rec._msdyn_customer_value);
    },
  },
  salesorder: {
    create: (ctx, rec) => {
      rec.ordernumber = `ORD-${pad(nextNumber(ctx, 'salesorder'))}`;
      rec.msdyn_ordertype = OrderType.WorkBased; // a project contract
      rec._msdyn_company_value ??= companyOfAccount(ctx, rec._customerid_value);
      rec._transactioncurrencyid_value ??= ctx.tx.get('account', String(rec._customerid_value))?._transactioncurrencyid_value ?? null;
    },
    delete: (ctx, id) => {
      for (const inv of where(ctx, 'invoice', (i) => i._salesorderid_value === id && i.msdyn_projectinvoicestatus !== InvoiceStatus.Draft)) {
        throw refuse('rule.contract-with-invoices', 'contract.hasInvoices', { invoice: String(inv.invoicenumber) });
      }
      return false;
    },
  },
  msdyn_contractlinescheduleofvalue: {
    create: (_ctx, rec) => { rec.msdyn_invoicestatus ??= MilestoneStatus.NotReady; },
  },
  msdyn_timeentry: {
    create: (_ctx, rec) => {
      rec.msdyn_entrystatus = EntryStatus.Draft;
      if (Number(rec.msdyn_duration) <= 0 || Number(rec.msdyn_duration) > 1440) throw refuse('rule.time-entry-duration', 'work.badDuration', { minutes: Number(rec.msdyn_duration) });
    },
  },
  msdyn_expense: {
    create: (_ctx, rec) => { rec.msdyn_expensestatus = ExpenseStatus.Draft; },
  },
  msdyn_transactioncategorypricelevel: {
    // The currency of a category price is the price list's and can't be overridden
    // (pricing-costing/set-up-cost-sales-rates-expenses.md, field Currency).
    create: (ctx, rec) => {
      rec._transactioncurrencyid_value = ctx.tx.get('pricelevel', String(rec._msdyn_pricelist_value))?._transactioncurrencyid_value ?? null;
      applied(ctx, 'rule.category-price-currency');
    },
  },
  msdyn_journal: {
    create: (_ctx, rec) => {
      rec.msdyn_journaltype ??= JournalType.Entry;
      rec.msdyn_isposted = false;
    },
    update: (ctx, id) => { refuseIfPosted(ctx, id); return undefined; },
    delete: (ctx, id) => { refuseIfPosted(ctx, id); return false; },
  },
  msdyn_journalline: {
    create: (ctx, rec) => {
      refuseIfPosted(ctx, rec._msdyn_journal_value);
    },
    // A confirmed journal's lines can't be changed (actuals/create-confirm-entry-journals-integrated.md, "Confirm an Entry journal").
    update: (ctx, _id, _values, old) => { refuseIfPosted(ctx, old._msdyn_journal_value); return undefined; },
    delete: (ctx, id) => { refuseIfPosted(ctx, ctx.tx.get('msdyn_journalline', id)?._msdyn_journal_value); return false; },
  },
  msdyn_projectapproval: {
    // The billable hours and billing type are the approver's until approval (approvals/cancelapproval.md: after a
    // cancellation they can be changed and the entry approved again). convention: refused in any other stage.
    update: (_ctx, _id, _values, old) => {
      if (old.msdyn_recordstage !== ApprovalStage.Submitted) throw refuse('rule.approval-editable-submitted', 'work.approvalNotSubmitted', { id: String(old.msdyn_projectapprovalid) });
      return undefined;
    },
  },
  invoice: {
    update: (ctx, id, values) => updateInvoice(ctx, id, values),
    delete: (ctx, id) => { deleteInvoice(ctx, id); return true; },
  },
  msdyn_invoicelinetransaction: {
    update: (ctx, id, values) => updateDetail(ctx, id, values),
    delete: (ctx, id) => { deleteDetail(ctx, id); return true; },
  },
  invoicedetail: {
    update: (ctx, _id, _values, old) => { assertEditable(ctx, String(old._invoiceid_value)); return undefined; },
  },
};

export const hooksOf = (def: EntityDef): EntityHooks => entityHooks[def.logicalName] ?? {};

/**
 * An entity that refuses generic writes (`refuse` in entities.ts) answers with its business rule, before any
 * field check: a create or delete at all; an update that touches a column outside `updatable` (OData
 * annotations such as `@odata.bind` keys are not columns).
 */
export function checkGenericWrite(def: EntityDef, mode: 'create' | 'update' | 'delete', keys: readonly string[] = []): void {
  if (mode === 'create' && def.refuse?.create) throw refuse(def.refuse.create.rule, def.refuse.create.key, { entity: def.logicalName });
  if (mode === 'delete' && def.refuse?.delete) throw refuse(def.refuse.delete.rule, def.refuse.delete.key, { entity: def.logicalName });
  if (mode === 'update' && def.refuse?.update) {
    const outside = keys.filter((k) => !k.startsWith('@odata.') && !def.updatable?.includes(k));
    if (outside.length) throw refuse(def.refuse.update.rule, def.refuse.update.key, { entity: def.logicalName, property: outside[0] ?? '' });
  }
}
