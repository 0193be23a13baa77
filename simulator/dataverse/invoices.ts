import type { Rec } from '../store/types.js';
import { type Ctx, must, patch, refuse, where, whereEq } from '../domain/context.js';
import { dec, mul, num, round } from '../domain/money.js';
import { actualId, basisOf, connect, createActual, reverseActual } from './actuals.js';
import { backlogActuals } from './backlog.js';
import { confirmCorrectionLine } from './corrections.js';
import { assertEditable, billed, invoiceActual, invoiceDetails, invoiceLines, isEditable, newDetail, newInvoiceHeader, newInvoiceLine, recalculate } from './invoice-builders.js';
import { STATUS_COLUMNS, statusChanges } from './invoice-status.js';
import { AdjustmentStatus, BillingStatus, BillingType, InvoiceStatus, MilestoneStatus, Role, TxClass, TxType } from './entities.js';

/**
 * Creates a Draft pro-forma invoice for a project contract from its Ready-to-invoice actuals and milestones:
 * one invoice line per contract line (even without transactions), one invoice line detail per item.
 */
export function createInvoice(ctx: Ctx, contractId: string): Rec {
  const contract = must(ctx, 'salesorder', contractId);
  const ready = backlogActuals(ctx, contractId).filter((a) => a.msdyn_billingstatus === BillingStatus.ReadyToInvoice);
  const contractLines = [...whereEq(ctx, 'salesorderdetail', '_salesorderid_value', contractId)];
  const lineIds = new Set(contractLines.map((l) => l.salesorderdetailid));
  const milestones = [...where(ctx, 'msdyn_contractlinescheduleofvalue', (m) => lineIds.has(m._msdyn_contractlineid_value) && m.msdyn_invoicestatus === MilestoneStatus.Ready)];
  if (ready.length === 0 && milestones.length === 0) throw refuse('rule.invoice-needs-ready-items', 'invoice.nothingReady', { contract: String(contract.name) });

  const invoice = newInvoiceHeader(ctx, contract);
  const invoiceId = String(invoice.invoiceid);
  for (const cl of contractLines) {
    const line = newInvoiceLine(ctx, invoiceId, cl);
    for (const a of ready.filter((x) => x._msdyn_salescontractlineid_value === cl.salesorderdetailid)) {
      const ild = newDetail(ctx, invoiceId, line, {
        msdyn_description: a.msdyn_description, msdyn_transactionclassification: a.msdyn_transactionclassification,
        msdyn_billingtype: a.msdyn_billingtype ?? BillingType.Chargeable, msdyn_quantity: a.msdyn_quantity, msdyn_price: a.msdyn_price,
        _msdyn_sourceactual_value: a.msdyn_actualid,
      });
      patch(ctx, 'msdyn_actual', actualId(a), { msdyn_billingstatus: BillingStatus.CustomerInvoiceCreated, _msdyn_invoice_value: invoiceId });
      connect(ctx, { id: String(ild.msdyn_invoicelinetransactionid), role: Role.BilledSales, type: 'msdyn_invoicelinetransaction' }, { id: actualId(a), role: Role.UnbilledSales, type: 'msdyn_actual' }, contract._msdyn_company_value);
    }
    for (const m of milestones.filter((x) => x._msdyn_contractlineid_value === cl.salesorderdetailid)) {
      newDetail(ctx, invoiceId, line, {
        msdyn_description: m.msdyn_name, msdyn_transactionclassification: TxClass.Milestone, msdyn_quantity: 1, msdyn_price: m.msdyn_amount,
        _msdyn_contractlinescheduleofvalue_value: m.msdyn_contractlinescheduleofvalueid,
      });
      patch(ctx, 'msdyn_contractlinescheduleofvalue', String(m.msdyn_contractlinescheduleofvalueid), { msdyn_invoicestatus: MilestoneStatus.CustomerInvoiceCreated });
    }
  }
  return recalculate(ctx, invoiceId);
}

/** Edits an invoice line detail of a draft: quantity and billing type (manage-proforma-invoice.md). */
export function updateDetail(ctx: Ctx, id: string, changes: { msdyn_quantity?: unknown; msdyn_billingtype?: unknown; msdyn_description?: unknown; msdyn_externaldescription?: unknown }): Rec {
  const d = must(ctx, 'msdyn_invoicelinetransaction', id);
  assertEditable(ctx, String(d._msdyn_invoice_value));
  const isMilestone = d.msdyn_transactionclassification === TxClass.Milestone;
  const next: Record<string, unknown> = {};
  if (changes.msdyn_description !== undefined) next.msdyn_description = changes.msdyn_description;
  if (changes.msdyn_externaldescription !== undefined) next.msdyn_externaldescription = changes.msdyn_externaldescription;
  if (changes.msdyn_billingtype !== undefined && changes.msdyn_billingtype !== d.msdyn_billingtype) {
    if (isMilestone) throw refuse('rule.milestone-always-chargeable', 'invoice.milestoneAlwaysChargeable');
    if (d.msdyn_correction) throw refuse('rule.correction-billing-type-fixed', 'correction.billingTypeFixed');
    next.msdyn_billingtype = changes.msdyn_billingtype;
  }
  if (changes.msdyn_quantity !== undefined) {
    const q = dec(changes.msdyn_quantity);
    if (q < 0n) throw refuse('rule.quantity-not-negative', 'invoice.negativeQuantity');
    if (d.msdyn_correction) {
      const original = dec(d.msdyn_originalquantity);
      if (q > original) throw refuse('rule.correction-not-above-original', 'correction.moreThanOriginal', { quantity: String(d.msdyn_originalquantity) });
      if (isMilestone && q !== 0n && q !== original) throw refuse('rule.correction-milestone-partial', 'correction.milestonePartial');
    } else if (isMilestone && q !== dec(1)) {
      throw refuse('rule.milestone-quantity-fixed', 'invoice.milestoneQuantity');
    }
    next.msdyn_quantity = num(q, 4);
    next.msdyn_amount = num(round(mul(q, dec(d.msdyn_price))));
  }
  const updated = patch(ctx, 'msdyn_invoicelinetransaction', id, next);
  recalculate(ctx, String(d._msdyn_invoice_value));
  return updated;
}

/** Header edits are allowed on drafts only; the statuses follow their own rules (invoice-status.ts). */
export function updateInvoice(ctx: Ctx, id: string, changes: Record<string, unknown>): Rec {
  const inv = must(ctx, 'invoice', id);
  const status = statusChanges(ctx, inv, changes);
  const rest = Object.fromEntries(Object.entries(changes).filter(([k]) => !STATUS_COLUMNS.includes(k)));
  if (Object.keys(rest).length > 0 || Object.keys(status).length === 0) assertEditable(ctx, id);
  return patch(ctx, 'invoice', id, { ...rest, ...status });
}

/** Deleting a draft returns its transactions to the backlog. A confirmed invoice cannot be deleted. */
export function deleteInvoice(ctx: Ctx, id: string): void {
  assertEditable(ctx, id);
  for (const d of invoiceDetails(ctx, id)) {
    const source = d._msdyn_sourceactual_value ? ctx.tx.get('msdyn_actual', String(d._msdyn_sourceactual_value)) : undefined;
    if (source && !d.msdyn_correction) patch(ctx, 'msdyn_actual', actualId(source), { msdyn_billingstatus: BillingStatus.ReadyToInvoice, _msdyn_invoice_value: null });
    if (d._msdyn_contractlinescheduleofvalue_value && !d.msdyn_correction) {
      patch(ctx, 'msdyn_contractlinescheduleofvalue', String(d._msdyn_contractlinescheduleofvalue_value), { msdyn_invoicestatus: MilestoneStatus.Ready });
    }
    for (const c of where(ctx, 'msdyn_transactionconnection', (c) => c.msdyn_transaction1 === d.msdyn_invoicelinetransactionid)) ctx.tx.del('msdyn_transactionconnection', String(c.msdyn_transactionconnectionid));
    ctx.tx.del('msdyn_invoicelinetransaction', String(d.msdyn_invoicelinetransactionid));
  }
  for (const l of invoiceLines(ctx, id)) ctx.tx.del('invoicedetail', String(l.invoicedetailid));
  ctx.tx.del('invoice', id);
}

/**
 * Confirmation (confirm-proforma-invoice.md, ActualsonTM.md): one way; the invoice becomes read-only and the
 * billing actuals are created. Dual-write of the header and the actuals is the runtime's business, in the same
 * transaction.
 */
export function confirmInvoice(ctx: Ctx, id: string): Rec {
  const inv = must(ctx, 'invoice', id);
  if (!isEditable(inv)) throw refuse('rule.confirmed-read-only', 'invoice.notDraft', { invoice: String(inv.invoicenumber) });
  for (const d of invoiceDetails(ctx, id)) {
    if (d.msdyn_correction) confirmCorrectionLine(ctx, inv, d);
    else if (d.msdyn_transactionclassification === TxClass.Milestone) confirmMilestone(ctx, inv, d);
    else confirmTimeAndMaterial(ctx, inv, d);
  }
  return patch(ctx, 'invoice', id, { msdyn_projectinvoicestatus: InvoiceStatus.Confirmed });
}

function confirmMilestone(ctx: Ctx, inv: Rec, d: Rec): void {
  const m = must(ctx, 'msdyn_contractlinescheduleofvalue', String(d._msdyn_contractlinescheduleofvalue_value));
  const line = must(ctx, 'salesorderdetail', String(m._msdyn_contractlineid_value));
  billed(ctx, inv, d, {
    _msdyn_project_value: line._msdyn_project_value ?? null, _msdyn_salescontract_value: inv._salesorderid_value, _msdyn_salescontractlineid_value: line.salesorderdetailid,
    _msdyn_contractlinescheduleofvalue_value: m.msdyn_contractlinescheduleofvalueid, _msdyn_accountcustomer_value: inv._customerid_value, _msdyn_company_value: inv._msdyn_company_value,
    _transactioncurrencyid_value: inv._transactioncurrencyid_value, msdyn_transactionclassification: TxClass.Milestone, msdyn_description: m.msdyn_name,
  }, 1, BillingType.Chargeable);
  patch(ctx, 'msdyn_contractlinescheduleofvalue', String(m.msdyn_contractlinescheduleofvalueid), { msdyn_invoicestatus: MilestoneStatus.CustomerInvoicePosted });
}

function confirmTimeAndMaterial(ctx: Ctx, inv: Rec, d: Rec): void {
  const source = must(ctx, 'msdyn_actual', String(d._msdyn_sourceactual_value));
  const invoiceId = String(inv.invoiceid);
  const company = inv._msdyn_company_value;
  const q = dec(d.msdyn_quantity);
  const original = dec(source.msdyn_quantity);
  const billingType = Number(d.msdyn_billingtype);
  const basis = basisOf(source);
  const unchanged = q === original && billingType === Number(source.msdyn_billingtype ?? BillingType.Chargeable);

  if (unchanged) {
    invoiceActual(ctx, inv, d, source);
    return;
  }
  // Edited on the draft: the original is adjusted and reversed; new unbilled actuals carry the edit and are invoiced.
  patch(ctx, 'msdyn_actual', actualId(source), { msdyn_adjustmentstatus: AdjustmentStatus.Adjusted, msdyn_billingstatus: BillingStatus.CustomerInvoicePosted });
  const adjustment = reverseActual(ctx, source, { adjustmentStatus: AdjustmentStatus.Unadjustable, skipSync: false, invoiceId, billingStatus: BillingStatus.CustomerInvoicePosted });
  connect(ctx, { id: actualId(adjustment), role: Role.Reversing, type: 'msdyn_actual' }, { id: actualId(source), role: Role.Original, type: 'msdyn_actual' }, company);
  const segments: { qty: bigint; type: number }[] = [{ qty: q, type: billingType }];
  if (q < original) segments.push({ qty: original - q, type: BillingType.NonChargeable });
  for (const seg of segments) {
    if (seg.qty === 0n) continue;
    const unbilled = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: seg.qty, price: source.msdyn_price, billingType: seg.type, billingStatus: BillingStatus.CustomerInvoicePosted, invoiceId });
    connect(ctx, { id: actualId(unbilled), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(source), role: Role.Original, type: 'msdyn_actual' }, company);
    invoiceActual(ctx, inv, d, unbilled, seg.type, seg.qty);
  }
}
