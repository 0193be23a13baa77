import type { Rec } from '../store/types.js';
import { type Ctx, insert, must, nextNumber, pad, patch, refuse, today, whereEq, applied } from '../domain/context.js';
import { dec, mul, num, round, sum } from '../domain/money.js';
import { actualId, basisOf, connect, createActual, reverseActual } from './actuals.js';
import { AdjustmentStatus, BillingStatus, BillingType, InvoiceState, InvoiceStatus, Role, TxType } from './entities.js';
import { moneyIn } from './currency.js';

// The building blocks of a pro-forma invoice (header, lines, details, totals, billed actuals), shared by
// invoices.ts and corrections.ts; kept apart so that neither imports the other's module.

export const isEditable = (inv: Rec): boolean =>
  inv.msdyn_projectinvoicestatus === InvoiceStatus.Draft || inv.msdyn_projectinvoicestatus === InvoiceStatus.InReview;

export const invoiceLines = (ctx: Ctx, invoiceId: string): Rec[] => [...whereEq(ctx, 'invoicedetail', '_invoiceid_value', invoiceId)];
export const invoiceDetails = (ctx: Ctx, invoiceId: string): Rec[] => [...whereEq(ctx, 'msdyn_invoicelinetransaction', '_msdyn_invoice_value', invoiceId)];

/** Chargeable lines add to the total; non-chargeable and complimentary ones do not (manage-proforma-invoice.md). */
export const counts = (ild: Rec): boolean => ild.msdyn_billingtype === BillingType.Chargeable;

export function newInvoiceHeader(ctx: Ctx, contract: Rec, extra: Record<string, unknown> = {}): Rec {
  const id = ctx.newId();
  return insert(ctx, 'invoice', id, {
    invoiceid: id,
    invoicenumber: `INV-${pad(nextNumber(ctx, 'invoice'))}`,
    name: contract.name,
    description: null,
    _customerid_value: contract._customerid_value,
    _salesorderid_value: contract.salesorderid,
    _msdyn_company_value: contract._msdyn_company_value,
    _transactioncurrencyid_value: contract._transactioncurrencyid_value ?? null,
    msdyn_projectinvoicestatus: InvoiceStatus.Draft,
    statecode: InvoiceState.Active,
    msdyn_invoicedate: today(ctx),
    totalamount: 0,
    totaltax: 0,
    msdyn_hascorrections: false,
    _msdyn_correctedinvoice_value: null,
    ...extra,
  });
}

export function newInvoiceLine(ctx: Ctx, invoiceId: string, contractLine: Rec): Rec {
  const id = ctx.newId();
  return insert(ctx, 'invoicedetail', id, {
    invoicedetailid: id,
    productdescription: contractLine.productdescription,
    _invoiceid_value: invoiceId,
    _msdyn_contractlineid_value: contractLine.salesorderdetailid,
    msdyn_billingmethod: contractLine.msdyn_billingmethod,
    extendedamount: 0,
  });
}

export function newDetail(ctx: Ctx, invoiceId: string, line: Rec, fields: Record<string, unknown>): Rec {
  const id = ctx.newId();
  const qty = dec(fields.msdyn_quantity);
  return insert(ctx, 'msdyn_invoicelinetransaction', id, {
    msdyn_invoicelinetransactionid: id,
    _msdyn_invoicelineid_value: line.invoicedetailid,
    _msdyn_invoice_value: invoiceId,
    _msdyn_salescontractlineid_value: line._msdyn_contractlineid_value,
    msdyn_transactiontypecode: TxType.BilledSales,
    msdyn_billingtype: BillingType.Chargeable,
    msdyn_correction: false,
    msdyn_originalquantity: null,
    _msdyn_sourceactual_value: null,
    _msdyn_billedactual_value: null,
    _msdyn_contractlinescheduleofvalue_value: null,
    msdyn_externaldescription: null,
    ...fields,
    msdyn_amount: moneyIn(ctx, ctx.tx.get('invoice', invoiceId)?._transactioncurrencyid_value, mul(qty, dec(fields.msdyn_price))),
  });
}

/** Line and header totals from the invoice line details. */
export function recalculate(ctx: Ctx, invoiceId: string): Rec {
  applied(ctx, 'rule.billing-type-total');
  const invoice = must(ctx, 'invoice', invoiceId);
  let total = 0n;
  for (const line of invoiceLines(ctx, invoiceId)) {
    const details = [...whereEq(ctx, 'msdyn_invoicelinetransaction', '_msdyn_invoicelineid_value', line.invoicedetailid)];
    const amount = sum(details.map((d) => lineValue(ctx, d)));
    total += amount;
    if (dec(line.extendedamount) !== amount) patch(ctx, 'invoicedetail', String(line.invoicedetailid), { extendedamount: num(amount) });
  }
  return dec(invoice.totalamount) === total ? invoice : patch(ctx, 'invoice', invoiceId, { totalamount: num(total) });
}

/**
 * What a detail adds to its invoice: its amount when chargeable; on a correction, the change against the billed
 * sales actual it revises (quantity, price and billing type may all have changed).
 */
function lineValue(ctx: Ctx, d: Rec): bigint {
  const own = counts(d) ? dec(d.msdyn_amount) : 0n;
  if (!d.msdyn_correction) return own;
  const billed = ctx.tx.get('msdyn_actual', String(d._msdyn_sourceactual_value));
  const before = billed && counts(billed) ? dec(billed.msdyn_amount) : round(mul(dec(d.msdyn_originalquantity), dec(d.msdyn_price)));
  return own - before;
}

export function assertEditable(ctx: Ctx, invoiceId: string): Rec {
  const inv = must(ctx, 'invoice', invoiceId);
  if (!isEditable(inv)) throw refuse('rule.confirmed-read-only', 'invoice.readOnly', { invoice: String(inv.invoicenumber) });
  return inv;
}

export function billed(ctx: Ctx, inv: Rec, d: Rec, basis: ReturnType<typeof basisOf>, quantity: unknown, billingType: number, price: unknown = d.msdyn_price): Rec {
  const actual = createActual(ctx, { ...basis, msdyn_documentdate: inv.msdyn_invoicedate }, {
    type: TxType.BilledSales, quantity, price, billingType, invoiceId: String(inv.invoiceid),
  });
  patch(ctx, 'msdyn_invoicelinetransaction', String(d.msdyn_invoicelinetransactionid), { _msdyn_billedactual_value: actual.msdyn_actualid });
  return actual;
}

/** Unbilled sales reversal (Skip Sync) + billed sales, linked to the unbilled actual they invoice. */
export function invoiceActual(ctx: Ctx, inv: Rec, d: Rec, unbilled: Rec, billingType = Number(d.msdyn_billingtype), qty: unknown = unbilled.msdyn_quantity): void {
  const invoiceId = String(inv.invoiceid);
  const company = inv._msdyn_company_value;
  applied(ctx, 'rule.reversal-skip-sync');
  // Reversals are Unadjustable (ActualsonTM.md, row "The invoice is confirmed", unbilled sales column).
  const reversal = reverseActual(ctx, unbilled, { billingStatus: BillingStatus.CustomerInvoicePosted, skipSync: true, invoiceId, adjustmentStatus: AdjustmentStatus.Unadjustable });
  connect(ctx, { id: actualId(reversal), role: Role.Reversing, type: 'msdyn_actual' }, { id: actualId(unbilled), role: Role.Original, type: 'msdyn_actual' }, company);
  const b = billed(ctx, inv, d, basisOf(unbilled), qty, billingType, unbilled.msdyn_price);
  connect(ctx, { id: actualId(b), role: Role.BilledSales, type: 'msdyn_actual' }, { id: actualId(unbilled), role: Role.UnbilledSales, type: 'msdyn_actual' }, company);
  if (unbilled.msdyn_billingstatus !== BillingStatus.CustomerInvoicePosted || unbilled._msdyn_invoice_value !== invoiceId) {
    patch(ctx, 'msdyn_actual', actualId(unbilled), { msdyn_billingstatus: BillingStatus.CustomerInvoicePosted, _msdyn_invoice_value: invoiceId });
  }
}
