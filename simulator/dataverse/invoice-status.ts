import type { Rec } from '../store/types.js';
import { type Ctx, applied, refuse } from '../domain/context.js';
import { InvoiceState, InvoiceStatus } from './entities.js';
import { isEditable } from './invoice-builders.js';

/**
 * The two statuses a client may change on a pro-forma invoice (manage-proforma-invoice.md, "Invoice header"):
 * - Project invoice status: Draft ↔ In review; both stay editable (rule.invoice-in-review). Confirmed is reached by
 *   confirming, Invoice paid by marking the invoice Paid, Posted by the export map; none of them by writing the
 *   column, and there is no way back from them (rule.project-status-by-process, convention).
 * - Status (statecode): Paid only once the invoice is confirmed (rule.paid-after-confirmation); Closed and Canceled
 *   aren't supported by Project Operations (rule.invoice-state-unsupported).
 * Returns the status columns to write; the caller writes the other changes under the usual draft rule.
 */
export function statusChanges(ctx: Ctx, inv: Rec, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const number = String(inv.invoicenumber);
  if ('msdyn_projectinvoicestatus' in changes && changes.msdyn_projectinvoicestatus !== inv.msdyn_projectinvoicestatus) {
    const to = changes.msdyn_projectinvoicestatus;
    if (to !== InvoiceStatus.Draft && to !== InvoiceStatus.InReview) throw refuse('rule.project-status-by-process', 'invoice.statusByProcess', { invoice: number });
    if (!isEditable(inv)) throw refuse('rule.confirmed-read-only', 'invoice.readOnly', { invoice: number });
    out.msdyn_projectinvoicestatus = to;
    applied(ctx, 'rule.invoice-in-review');
  }
  const stateGiven = 'statecode' in changes && changes.statecode !== inv.statecode;
  if ('statuscode' in changes && !stateGiven && changes.statuscode !== inv.statuscode) {
    throw refuse('rule.project-status-by-process', 'invoice.statusByProcess', { invoice: number });
  }
  if (stateGiven) {
    const to = changes.statecode;
    if (to === InvoiceState.Closed || to === InvoiceState.Canceled) throw refuse('rule.invoice-state-unsupported', 'invoice.stateUnsupported', { invoice: number });
    if (to !== InvoiceState.Paid) throw refuse('rule.project-status-by-process', 'invoice.statusByProcess', { invoice: number });
    if (isEditable(inv)) throw refuse('rule.paid-after-confirmation', 'invoice.paidBeforeConfirmation', { invoice: number });
    // statuscode of the Paid state: Complete 100001 or Partial 100002 (…/invoice.md); Complete when not given.
    const statuscode = changes.statuscode ?? PaidStatus.Complete;
    if (statuscode !== PaidStatus.Complete && statuscode !== PaidStatus.Partial) throw refuse('rule.project-status-by-process', 'invoice.statusByProcess', { invoice: number });
    out.statecode = InvoiceState.Paid;
    out.statuscode = statuscode;
    out.msdyn_projectinvoicestatus = InvoiceStatus.Paid;
    applied(ctx, 'rule.paid-after-confirmation');
    applied(ctx, 'rule.paid-sets-invoice-paid');
  }
  return out;
}

/** invoice.statuscode of the state Paid (…/invoice.md). */
export const PaidStatus = { Complete: 100001, Partial: 100002 } as const;

/** The columns statusChanges decides. */
export const STATUS_COLUMNS: readonly string[] = ['msdyn_projectinvoicestatus', 'statecode', 'statuscode'];
