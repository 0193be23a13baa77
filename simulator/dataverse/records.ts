import type { Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import { type Ctx, insert, must, nextNumber, pad, patch, refuse, where } from '../domain/context.js';
import { EntryStatus, InvoiceStatus, JournalType, MilestoneStatus, OrderType } from './entities.js';
import { assertEditable, deleteInvoice, isEditable, updateDetail, updateInvoice } from './invoices.js';
import { Dataverse } from '../errors/dataverse.js';

/**
 * Generic Dataverse writes (create, update, delete of a record) with the business rules each entity has on
 * them. Values arrive validated by payload.ts; lookups as `_x_value` GUIDs.
 */
export function createRecord(ctx: Ctx, def: EntityDef, values: Record<string, unknown>): Rec {
  if (def.refuse?.create) throw refuse(def.refuse.create.rule, def.refuse.create.key, { entity: def.logicalName });
  const pk = def.key[0] as string;
  const id = typeof values[pk] === 'string' ? String(values[pk]) : ctx.newId();
  if (ctx.tx.get(def.logicalName, id)) throw Dataverse.duplicate('record.duplicate', { entity: def.logicalName, id });
  const rec: Record<string, unknown> = { ...nulls(def), ...values, [pk]: id };
  switch (def.logicalName) {
    case 'cdm_company':
      for (const c of where(ctx, 'cdm_company', (c) => String(c.cdm_companycode).toUpperCase() === String(rec.cdm_companycode).toUpperCase())) {
        throw Dataverse.duplicate('record.duplicateKey', { entity: def.logicalName, key: String(c.cdm_companycode) });
      }
      break;
    case 'account':
      rec.accountnumber ??= `C-${pad(nextNumber(ctx, 'account'))}`;
      break;
    case 'msdyn_project':
      rec.msdyn_projectnumber ??= `PRJ-${pad(nextNumber(ctx, 'project'))}`;
      rec._msdyn_company_value ??= companyOfAccount(ctx, rec._msdyn_customer_value);
      break;
    case 'salesorder':
      rec.ordernumber = `ORD-${pad(nextNumber(ctx, 'salesorder'))}`;
      rec.msdyn_ordertype = OrderType.WorkBased; // a project contract
      rec._msdyn_company_value ??= companyOfAccount(ctx, rec._customerid_value);
      rec._transactioncurrencyid_value ??= ctx.tx.get('account', String(rec._customerid_value))?._transactioncurrencyid_value ?? null;
      break;
    case 'msdyn_contractlinescheduleofvalue':
      rec.msdyn_invoicestatus ??= MilestoneStatus.NotReady;
      break;
    case 'msdyn_timeentry':
      rec.msdyn_entrystatus = EntryStatus.Draft;
      if (Number(rec.msdyn_duration) <= 0 || Number(rec.msdyn_duration) > 1440) throw refuse('rule.time-entry-duration', 'work.badDuration', { minutes: Number(rec.msdyn_duration) });
      break;
    case 'msdyn_expense':
      rec.msdyn_expensestatus = EntryStatus.Draft;
      break;
    case 'msdyn_journal':
      rec.msdyn_journaltype ??= JournalType.Entry;
      rec.msdyn_isposted = false;
      break;
    case 'msdyn_journalline':
      if (ctx.tx.get('msdyn_journal', String(rec._msdyn_journal_value))?.msdyn_isposted === true) throw refuse('rule.journal-posted-read-only', 'work.journalPosted', { journal: String(rec._msdyn_journal_value) });
      break;
  }
  // No company is required: Dataverse keeps rows without one; only dual-write leaves them out (company-data.md,
  // "Company striping and bootstrapping"; see dualwrite/runtime.ts).
  return insert(ctx, def.logicalName, id, rec);
}

function nulls(def: EntityDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(def.fields)) if (!f.readOnly || f.type === 'lookup') out[f.type === 'lookup' ? `_${name}_value` : name] = null;
  delete out.createdon;
  return out;
}

const companyOfAccount = (ctx: Ctx, accountId: unknown): unknown => (accountId ? (ctx.tx.get('account', String(accountId))?._msdyn_company_value ?? null) : null);

export function updateRecord(ctx: Ctx, def: EntityDef, id: string, values: Record<string, unknown>): Rec {
  const old = must(ctx, def.logicalName, id);
  if (def.refuse?.update) {
    const outside = Object.keys(values).filter((k) => !def.updatable?.includes(k));
    if (outside.length) throw refuse(def.refuse.update.rule, def.refuse.update.key, { entity: def.logicalName, property: outside[0] ?? '' });
  }
  if (def.companySpecific && '_msdyn_company_value' in values && values._msdyn_company_value !== old._msdyn_company_value) {
    throw refuse('rule.company-read-only', 'record.companyReadOnly', { entity: def.logicalName }); // company-data.md: read-only after save
  }
  switch (def.logicalName) {
    case 'invoice':
      return updateInvoice(ctx, id, values);
    case 'msdyn_invoicelinetransaction':
      return updateDetail(ctx, id, values);
    case 'invoicedetail':
      assertEditable(ctx, String(old._invoiceid_value));
      break;
  }
  return patch(ctx, def.logicalName, id, values);
}

export function deleteRecord(ctx: Ctx, def: EntityDef, id: string): void {
  must(ctx, def.logicalName, id);
  if (def.refuse?.delete) throw refuse(def.refuse.delete.rule, def.refuse.delete.key, { entity: def.logicalName });
  if (def.logicalName === 'invoice') return deleteInvoice(ctx, id);
  if (def.logicalName === 'salesorder') {
    for (const inv of where(ctx, 'invoice', (i) => i._salesorderid_value === id && i.msdyn_projectinvoicestatus !== InvoiceStatus.Draft)) {
      throw refuse('rule.contract-with-invoices', 'contract.hasInvoices', { invoice: String(inv.invoicenumber) });
    }
  }
  ctx.tx.del(def.logicalName, id);
}
