import type { Rec } from '../store/types.js';
import { type Ctx, must, patch, refuse, where, applied } from '../domain/context.js';
import { dec } from '../domain/money.js';
import { actualId, basisOf, connect, createActual, reverseActual } from './actuals.js';
import { AdjustmentStatus, BillingStatus, BillingType, InvoiceStatus, MilestoneStatus, Role, TxClass, TxType } from './entities.js';
import { invoiceActual, invoiceDetails, invoiceLines, isEditable, newDetail, newInvoiceHeader, newInvoiceLine, recalculate } from './invoice-builders.js';

/**
 * "Revise", formerly "Correct this invoice" (revise-project-invoices.md, create-manual-proforma-invoice.md "Correct a
 * confirmed invoice"): a confirmed invoice is never changed; a new Draft corrective invoice copies its billed lines
 * with quantity 0, which is a full credit. The quantity kept may be edited to less or more than the original.
 */
export function correctInvoice(ctx: Ctx, id: string): Rec {
  const original = must(ctx, 'invoice', id);
  const status = original.msdyn_projectinvoicestatus;
  if (status !== InvoiceStatus.Confirmed && status !== InvoiceStatus.Paid && status !== InvoiceStatus.Posted) {
    throw refuse('rule.correct-only-confirmed', 'correction.notConfirmed', { invoice: String(original.invoicenumber) });
  }
  const contract = must(ctx, 'salesorder', String(original._salesorderid_value));
  applied(ctx, 'rule.correction-new-draft');
  const corrective = newInvoiceHeader(ctx, contract, { msdyn_hascorrections: true, _msdyn_correctedinvoice_value: id, name: original.name });
  const correctiveId = String(corrective.invoiceid);
  const underRevision = billedUnderRevision(ctx, correctiveId);
  for (const line of invoiceLines(ctx, id)) {
    const cl = must(ctx, 'salesorderdetail', String(line._msdyn_contractlineid_value));
    const details = [...where(ctx, 'msdyn_invoicelinetransaction', (x) => x._msdyn_invoicelineid_value === line.invoicedetailid && !!x._msdyn_billedactual_value && Number(x.msdyn_quantity) > 0)]
      // convention rule.correction-billed-once: a billed sales actual already credited (Adjusted) or on another open revision is not copied again.
      .filter((d) => !underRevision.has(String(d._msdyn_billedactual_value)) && ctx.tx.get('msdyn_actual', String(d._msdyn_billedactual_value))?.msdyn_adjustmentstatus !== AdjustmentStatus.Adjusted);
    if (details.length === 0) continue;
    const newLine = newInvoiceLine(ctx, correctiveId, cl);
    for (const d of details) {
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

/** The billed sales actuals that correction details of open (Draft / In review) invoices already revise. */
function billedUnderRevision(ctx: Ctx, exceptInvoice: string): Set<string> {
  const open = new Set([...where(ctx, 'invoice', (i) => i.invoiceid !== exceptInvoice && isEditable(i))].map((i) => String(i.invoiceid)));
  return new Set([...where(ctx, 'msdyn_invoicelinetransaction', (d) => d.msdyn_correction === true && open.has(String(d._msdyn_invoice_value)))].map((d) => String(d._msdyn_sourceactual_value)));
}

/**
 * Confirming one corrective line detail (ActualsonTM.md, rows "The invoice is corrected to decrease / increase the
 * chargeable quantity or price"; ActualonFP.md "corrected to credit the milestone"): the original billed sales
 * actual becomes Adjusted and an Unadjustable reversal credits it; what the detail keeps is invoiced again as
 * new unbilled sales (with their reversal) and billed sales; a reduced quantity returns the rest to the backlog.
 */
export function confirmCorrectionLine(ctx: Ctx, inv: Rec, d: Rec): void {
  const billedOriginal = must(ctx, 'msdyn_actual', String(d._msdyn_sourceactual_value));
  const q = dec(d.msdyn_quantity);
  const original = dec(d.msdyn_originalquantity);
  const billingType = Number(d.msdyn_billingtype);
  const unchanged = q === original && dec(d.msdyn_price) === dec(billedOriginal.msdyn_price) && billingType === Number(billedOriginal.msdyn_billingtype ?? BillingType.Chargeable);
  if (unchanged) return; // kept as invoiced: nothing to correct
  const invoiceId = String(inv.invoiceid);
  const company = inv._msdyn_company_value;
  patch(ctx, 'msdyn_actual', actualId(billedOriginal), { msdyn_adjustmentstatus: AdjustmentStatus.Adjusted });
  const reversal = reverseActual(ctx, billedOriginal, { skipSync: false, invoiceId, adjustmentStatus: AdjustmentStatus.Unadjustable, billingStatus: null });
  connect(ctx, { id: actualId(reversal), role: Role.Reversing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);

  if (d.msdyn_transactionclassification === TxClass.Milestone) {
    // Only a full credit is possible: the milestone is ready to be invoiced again.
    applied(ctx, 'rule.correction-milestone-full');
    patch(ctx, 'msdyn_contractlinescheduleofvalue', String(d._msdyn_contractlinescheduleofvalue_value), { msdyn_invoicestatus: MilestoneStatus.Ready });
    return;
  }
  const basis = basisOf(billedOriginal);
  applied(ctx, q > 0n ? 'rule.correction-partial-credit' : 'rule.correction-full-credit');
  if (q > 0n) {
    // What stays invoiced (less or more than before, at the detail's price and billing type) is invoiced again on this invoice.
    const kept = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: q, price: d.msdyn_price, billingType, billingStatus: BillingStatus.CustomerInvoicePosted, invoiceId });
    connect(ctx, { id: actualId(kept), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);
    invoiceActual(ctx, inv, d, kept);
  }
  // A reduced quantity: the rest goes back to the billing backlog as new chargeable unbilled sales at the original price.
  if (q < original) {
    const credited = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: original - q, price: billedOriginal.msdyn_price, billingType: BillingType.Chargeable, billingStatus: BillingStatus.UnbilledSalesCreated });
    connect(ctx, { id: actualId(credited), role: Role.Replacing, type: 'msdyn_actual' }, { id: actualId(billedOriginal), role: Role.Original, type: 'msdyn_actual' }, company);
  }
}
