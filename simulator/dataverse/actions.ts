import type { Rec } from '../store/types.js';
import type { Ctx } from '../domain/context.js';
import { approveExpense, approveTimeEntry, approveTimeEntryRecall, cancelTimeEntryApproval, confirmContract, recallTimeEntry, submitTimeEntry } from './work.js';
import { confirmEntryJournal } from './journals.js';
import { markActualNotReady, markActualReady, markContractReady, markMilestoneReady } from './backlog.js';
import { confirmInvoice, createInvoice } from './invoices.js';
import { correctInvoice } from './corrections.js';

/** What a bound action returns: records of an entity, one record, or plain values. */
export interface ActionResult {
  readonly entity?: string;
  readonly record?: Rec;
  readonly records?: readonly Rec[];
  readonly value?: Record<string, unknown>;
}
export type Action = (ctx: Ctx, id: string) => ActionResult;

/** Bound actions by entity set and action name (docs/api.md). */
export const dataverseActions: Readonly<Record<string, Readonly<Record<string, Action>>>> = {
  // Names ours (docs/api.md, "Time entries"): Microsoft documents the unbound msdyn_ProcessProjectApprovalSets instead.
  msdyn_timeentries: {
    msdyn_ApproveTimeEntry: (ctx, id) => ({ entity: 'msdyn_actual', records: approveTimeEntry(ctx, id) }),
    msdyn_SubmitTimeEntry: (ctx, id) => ({ entity: 'msdyn_timeentry', record: submitTimeEntry(ctx, id) }),
    msdyn_RecallTimeEntry: (ctx, id) => ({ entity: 'msdyn_timeentry', record: recallTimeEntry(ctx, id) }),
    msdyn_CancelTimeEntryApproval: (ctx, id) => ({ entity: 'msdyn_actual', records: cancelTimeEntryApproval(ctx, id) }),
    msdyn_ApproveTimeEntryRecall: (ctx, id) => ({ entity: 'msdyn_actual', records: approveTimeEntryRecall(ctx, id) }),
  },
  msdyn_expenses: { msdyn_ApproveExpense: (ctx, id) => ({ entity: 'msdyn_actual', records: approveExpense(ctx, id) }) },
  msdyn_journals: { msdyn_PostJournal: (ctx, id) => ({ entity: 'msdyn_actual', records: confirmEntryJournal(ctx, id) }) },
  msdyn_actuals: {
    msdyn_MarkReadyToInvoice: (ctx, id) => ({ entity: 'msdyn_actual', record: markActualReady(ctx, id) }),
    msdyn_MarkNotReadyToInvoice: (ctx, id) => ({ entity: 'msdyn_actual', record: markActualNotReady(ctx, id) }),
  },
  msdyn_contractlinescheduleofvalues: {
    msdyn_MarkReadyToInvoice: (ctx, id) => ({ entity: 'msdyn_contractlinescheduleofvalue', record: markMilestoneReady(ctx, id) }),
  },
  salesorders: {
    msdyn_MarkReadyToInvoice: (ctx, id) => ({ value: { Count: markContractReady(ctx, id) } }),
    msdyn_CreateInvoice: (ctx, id) => ({ entity: 'invoice', record: createInvoice(ctx, id) }),
    msdyn_ConfirmContract: (ctx, id) => ({ entity: 'msdyn_actual', records: confirmContract(ctx, id) }),
  },
  invoices: {
    msdyn_ConfirmInvoice: (ctx, id) => ({ entity: 'invoice', record: confirmInvoice(ctx, id) }),
    msdyn_CorrectInvoice: (ctx, id) => ({ entity: 'invoice', record: correctInvoice(ctx, id) }),
  },
};

/** What a bound action returns, for `$metadata`: records of an entity, or a complex type with its properties. */
export type ActionReturn =
  | { readonly entity: string; readonly collection?: boolean }
  | { readonly complex: string; readonly properties: Readonly<Record<string, 'int' | 'string'>> };

/** The declared result of every action in `dataverseActions` (same keys; tests/metadata.test.ts checks both agree). */
export const dataverseActionReturns: Readonly<Record<string, Readonly<Record<string, ActionReturn>>>> = {
  msdyn_timeentries: {
    msdyn_ApproveTimeEntry: { entity: 'msdyn_actual', collection: true },
    msdyn_SubmitTimeEntry: { entity: 'msdyn_timeentry' },
    msdyn_RecallTimeEntry: { entity: 'msdyn_timeentry' },
    msdyn_CancelTimeEntryApproval: { entity: 'msdyn_actual', collection: true },
    msdyn_ApproveTimeEntryRecall: { entity: 'msdyn_actual', collection: true },
  },
  msdyn_expenses: { msdyn_ApproveExpense: { entity: 'msdyn_actual', collection: true } },
  msdyn_journals: { msdyn_PostJournal: { entity: 'msdyn_actual', collection: true } },
  msdyn_actuals: { msdyn_MarkReadyToInvoice: { entity: 'msdyn_actual' }, msdyn_MarkNotReadyToInvoice: { entity: 'msdyn_actual' } },
  msdyn_contractlinescheduleofvalues: { msdyn_MarkReadyToInvoice: { entity: 'msdyn_contractlinescheduleofvalue' } },
  salesorders: {
    // The router answers `#Microsoft.Dynamics.CRM.<action>Response` with the value's properties.
    msdyn_MarkReadyToInvoice: { complex: 'msdyn_MarkReadyToInvoiceResponse', properties: { Count: 'int' } },
    msdyn_CreateInvoice: { entity: 'invoice' },
    msdyn_ConfirmContract: { entity: 'msdyn_actual', collection: true },
  },
  invoices: { msdyn_ConfirmInvoice: { entity: 'invoice' }, msdyn_CorrectInvoice: { entity: 'invoice' } },
};
