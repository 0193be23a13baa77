import type { Rec } from '../store/types.js';
import { type Ctx, applied, must, patch, refuse, where, whereEq } from '../domain/context.js';
import { dec, mul, num, round } from '../domain/money.js';
import { actualId, basisOf, connect, createActual, reverseActual } from './actuals.js';
import { moneyIn } from './currency.js';
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

  applied(ctx, 'seed.pm-backlog-proforma');
  const invoice = newInvoiceHeader(ctx, contract);
  const invoiceId = String(invoice.invoiceid);
  for (const cl of contractLines) {
    const line = newInvoiceLine(ctx, invoiceId, cl);
    for (const a of ready.filter((x) => x._msdyn_salescontractlineid_value === cl.salesorderdetailid)) {
      const ild = newDetail(ctx, invoiceId, line, {
        msdyn_description: a.msdyn_description, msdyn_transactionclassification: a.msdyn_transactionclassification,
        msdyn_billingtype: a.msdyn_billingtype ?? BillingType.Chargeable, msdyn_quantity: a.msdyn_quantity, msdyn_price: a.msdyn_price,
        _msdyn_sourceactual_value: a.msdyn_actualid, _msdyn_transactioncategory_value: a._msdyn_transactioncategory_value ?? null,
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

/**
 * Edits an invoice line detail of a draft (update-ild-on-an-invoice.md): on a time and material line the billing
 * type, quantity, price and descriptions; on a revised invoice too, where the quantity kept may be less or more
 * than the original (create-manual-proforma-invoice.md "Correct a confirmed invoice") and the billing type may
 * change. Milestones keep their quantity; a milestone revision is a full credit (revise-project-invoices.md).
 */
export function updateDetail(ctx: Ctx, id: string, changes: { msdyn_quantity?: unknown; msdyn_price?: unknown; msdyn_billingtype?: unknown; msdyn_description?: unknown; msdyn_externaldescription?: unknown }): Rec {
  const d = must(ctx, 'msdyn_invoicelinetransaction', id);
  assertEditable(ctx, String(d._msdyn_invoice_value));
  const isMilestone = d.msdyn_transactionclassification === TxClass.Milestone;
  const next: Record<string, unknown> = {};
  if (changes.msdyn_description !== undefined) next.msdyn_description = changes.msdyn_description;
  if (changes.msdyn_externaldescription !== undefined) next.msdyn_externaldescription = changes.msdyn_externaldescription;
  if (changes.msdyn_billingtype !== undefined && changes.msdyn_billingtype !== d.msdyn_billingtype) {
    if (isMilestone) throw refuse('rule.milestone-always-chargeable', 'invoice.milestoneAlwaysChargeable');
    next.msdyn_billingtype = changes.msdyn_billingtype;
  }
  let q = dec(d.msdyn_quantity);
  let price = dec(d.msdyn_price);
  if (changes.msdyn_quantity !== undefined) {
    q = dec(changes.msdyn_quantity);
    if (q < 0n) throw refuse('rule.quantity-not-negative', 'invoice.negativeQuantity');
    if (d.msdyn_correction && isMilestone) {
      if (q !== 0n && q !== dec(d.msdyn_originalquantity)) throw refuse('rule.correction-milestone-partial', 'correction.milestonePartial');
    } else if (isMilestone && q !== dec(1)) {
      throw refuse('rule.milestone-quantity-fixed', 'invoice.milestoneQuantity');
    }
    next.msdyn_quantity = num(q, 4);
  }
  if (changes.msdyn_price !== undefined && dec(changes.msdyn_price) !== price) {
    // The price is editable on time and material lines only (update-ild-on-an-invoice.md, fixed price list has no Price).
    if (isMilestone) throw refuse('rule.milestone-quantity-fixed', 'invoice.milestonePrice');
    price = dec(changes.msdyn_price);
    next.msdyn_price = num(price, 4);
  }
  if (next.msdyn_quantity !== undefined || next.msdyn_price !== undefined) next.msdyn_amount = moneyIn(ctx, ctx.tx.get('invoice', String(d._msdyn_invoice_value))?._transactioncurrencyid_value, mul(q, price));
  const updated = patch(ctx, 'msdyn_invoicelinetransaction', id, next);
  recalculate(ctx, String(d._msdyn_invoice_value));
  return updated;
}

/**
 * Deletes an invoice line detail of a draft (create-manual-proforma-invoice.md "Edit a draft invoice"; on a revised
 * invoice, a transaction that needs no correction is removed, "Correct a confirmed invoice"). What it invoiced goes
 * back to the billing backlog, Ready to invoice, as when the whole draft is deleted.
 */
export function deleteDetail(ctx: Ctx, id: string): void {
  const d = must(ctx, 'msdyn_invoicelinetransaction', id);
  const invoiceId = String(d._msdyn_invoice_value);
  assertEditable(ctx, invoiceId);
  releaseDetail(ctx, d);
  recalculate(ctx, invoiceId);
}

/** Returns what a draft's detail holds to the backlog and removes the detail with its transaction connections. */
function releaseDetail(ctx: Ctx, d: Rec): void {
  const source = d._msdyn_sourceactual_value ? ctx.tx.get('msdyn_actual', String(d._msdyn_sourceactual_value)) : undefined;
  if (source && !d.msdyn_correction) patch(ctx, 'msdyn_actual', actualId(source), { msdyn_billingstatus: BillingStatus.ReadyToInvoice, _msdyn_invoice_value: null });
  if (d._msdyn_contractlinescheduleofvalue_value && !d.msdyn_correction) {
    patch(ctx, 'msdyn_contractlinescheduleofvalue', String(d._msdyn_contractlinescheduleofvalue_value), { msdyn_invoicestatus: MilestoneStatus.Ready });
  }
  for (const c of where(ctx, 'msdyn_transactionconnection', (c) => c.msdyn_transaction1 === d.msdyn_invoicelinetransactionid)) ctx.tx.del('msdyn_transactionconnection', String(c.msdyn_transactionconnectionid));
  ctx.tx.del('msdyn_invoicelinetransaction', String(d.msdyn_invoicelinetransactionid));
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
  for (const d of invoiceDetails(ctx, id)) releaseDetail(ctx, d);
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
  applied(ctx, 'seed.confirm-creates-actuals');
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
  applied(ctx, 'rule.milestone-billed-only');
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
  const unchanged = q === original && dec(d.msdyn_price) === dec(source.msdyn_price) && billingType === Number(source.msdyn_billingtype ?? BillingType.Chargeable);

  if (unchanged) {
    applied(ctx, 'rule.confirm-unchanged');
    invoiceActual(ctx, inv, d, source);
    return;
  }
  // Edited on the draft: the original is adjusted and reversed; new unbilled actuals carry the edit and are invoiced.
  if (q !== original) applied(ctx, q < original ? 'rule.quantity-reduced' : 'rule.quantity-increased');
  patch(ctx, 'msdyn_actual', actualId(source), { msdyn_adjustmentstatus: AdjustmentStatus.Adjusted, msdyn_billingstatus: BillingStatus.CustomerInvoicePosted });
  const adjustment = reverseActual(ctx, source, { adjustmentStatus: AdjustmentStatus.Unadjustable, skipSync: false, invoiceId, billingStatus: BillingStatus.CustomerInvoicePosted });
  connect(ctx, { id: actualId(adjustment), role: Role.Reversing, type: 'msdyn_actual' }, { id: actualId(source), role: Role.Original, type: 'msdyn_actual' }, company);
  // The invoiced quantity at the detail's price; a decreased quantity leaves the rest non-chargeable at the original price.
  const segments: { qty: bigint; type: number; price: unknown }[] = [{ qty: q, type: billingType, price: d.msdyn_price }];
  if (q < original) segments.push({ qty: original - q, type: BillingType.NonChargeable, price: source.msdyn_price });
  for (const seg of segments) {
    if (seg.qty === 0n) continue;
    const unbilled = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: seg.qty, price: seg.price, billingType: seg.type, billingStatus: BillingStatus.CustomerInvoicePosted, invoiceId });
    connect(ctx, { id: actualId(unbilled), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(source), role: Role.Original, type: 'msdyn_actual' }, company);
    invoiceActual(ctx, inv, d, unbilled, seg.type, seg.qty);
  }
}
