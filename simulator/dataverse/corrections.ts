import type { Rec } from '../store/types.js';
import { type Ctx, must, patch, refuse, where } from '../domain/context.js';
import { dec } from '../domain/money.js';
import { actualId, basisOf, connect, createActual, reverseActual } from './actuals.js';
import { BillingStatus, InvoiceStatus, MilestoneStatus, Role, TxClass, TxType } from './entities.js';
import { invoiceActual, invoiceDetails, invoiceLines, isEditable, newDetail, newInvoiceHeader, newInvoiceLine, recalculate } from './invoice-builders.js';

/**
 * "Revise", formerly "Correct this invoice" (revise-project-invoices.md, corrective-invoices.md): a confirmed invoice is never
 * changed; a new Draft corrective invoice copies its billed lines with quantity 0, which is a full credit.
 * Editing a quantity up to the original makes a partial credit.
 */
export function correctInvoice(ctx: Ctx, id: string): Rec {
  const original = must(ctx, 'invoice', id);
  const status = original.msdyn_projectinvoicestatus;
  if (status !== InvoiceStatus.Confirmed && status !== InvoiceStatus.Paid && status !== InvoiceStatus.Posted) {
    throw refuse('rule.correct-only-confirmed', 'correction.notConfirmed', { invoice: String(original.invoicenumber) });
  }
  for (const open of where(ctx, 'invoice', (i) => i._msdyn_correctedinvoice_value === id && isEditable(i))) {
    throw refuse('rule.correction-one-draft', 'correction.draftExists', { invoice: String(original.invoicenumber), draft: String(open.invoicenumber) });
  }
  const contract = must(ctx, 'salesorder', String(original._salesorderid_value));
  const corrective = newInvoiceHeader(ctx, contract, { msdyn_hascorrections: true, _msdyn_correctedinvoice_value: id, name: original.name });
  const correctiveId = String(corrective.invoiceid);
  for (const line of invoiceLines(ctx, id)) {
    const cl = must(ctx, 'salesorderdetail', String(line._msdyn_contractlineid_value));
    const newLine = newInvoiceLine(ctx, correctiveId, cl);
    for (const d of where(ctx, 'msdyn_invoicelinetransaction', (x) => x._msdyn_invoicelineid_value === line.invoicedetailid && !!x._msdyn_billedactual_value && Number(x.msdyn_quantity) > 0)) {
      const copy = newDetail(ctx, correctiveId, newLine, {
        msdyn_description: d.msdyn_description, msdyn_transactionclassification: d.msdyn_transactionclassification, msdyn_billingtype: d.msdyn_billingtype,
        msdyn_quantity: 0, msdyn_price: d.msdyn_price, msdyn_correction: true, msdyn_originalquantity: d.msdyn_quantity,
        _msdyn_sourceactual_value: d._msdyn_billedactual_value, _msdyn_contractlinescheduleofvalue_value: d._msdyn_contractlinescheduleofvalue_value,
      });
      connect(ctx, { id: String(copy.msdyn_invoicelinetransactionid), role: Role.Replacing, type: 'msdyn_invoicelinetransaction' }, { id: String(d._msdyn_billedactual_value), role: Role.Original, type: 'msdyn_actual' }, contract._msdyn_company_value);
    }
  }
  if (invoiceDetails(ctx, correctiveId).length === 0) throw refuse('rule.correction-needs-lines', 'correction.nothingToCorrect', { invoice: String(original.invoicenumber) });
  return recalculate(ctx, correctiveId);
}

/** Confirming one corrective line detail: reverse the billed sales and put the credited work back in the backlog. */
export function confirmCorrectionLine(ctx: Ctx, inv: Rec, d: Rec): void {
  const q = dec(d.msdyn_quantity);
  const original = dec(d.msdyn_originalquantity);
  if (q === original) return; // kept as invoiced: nothing to correct
  const invoiceId = String(inv.invoiceid);
  const company = inv._msdyn_company_value;
  const billedOriginal = must(ctx, 'msdyn_actual', String(d._msdyn_sourceactual_value));
  const reversal = reverseActual(ctx, billedOriginal, { skipSync: false, invoiceId, adjustmentStatus: null, billingStatus: null });
  connect(ctx, { id: actualId(reversal), role: Role.Reversing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);

  if (d.msdyn_transactionclassification === TxClass.Milestone) {
    // Only a full credit is possible: the milestone is ready to be invoiced again.
    patch(ctx, 'msdyn_contractlinescheduleofvalue', String(d._msdyn_contractlinescheduleofvalue_value), { msdyn_invoicestatus: MilestoneStatus.Ready });
    return;
  }
  const basis = basisOf(billedOriginal);
  if (q > 0n) {
    // Partial credit: what stays invoiced is invoiced again on this invoice.
    const kept = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: q, price: d.msdyn_price, billingType: Number(d.msdyn_billingtype), billingStatus: BillingStatus.CustomerInvoicePosted, invoiceId });
    connect(ctx, { id: actualId(kept), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);
    invoiceActual(ctx, inv, d, kept);
  }
  // The credited part goes back to the billing backlog as new unbilled sales.
  const credited = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: original - q, price: d.msdyn_price, billingType: Number(d.msdyn_billingtype), billingStatus: BillingStatus.UnbilledSalesCreated });
  connect(ctx, { id: actualId(credited), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);
}
