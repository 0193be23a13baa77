import type { Rec } from '../store/types.js';
import type { Ctx } from '../domain/context.js';
import { approveExpense, approveTimeEntry, postProjectJournal } from './work.js';
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
  msdyn_timeentries: { msdyn_ApproveTimeEntry: (ctx, id) => ({ entity: 'msdyn_actual', records: approveTimeEntry(ctx, id) }) },
  msdyn_expenses: { msdyn_ApproveExpense: (ctx, id) => ({ entity: 'msdyn_actual', records: approveExpense(ctx, id) }) },
  msdyn_journals: { msdyn_PostJournal: (ctx, id) => ({ entity: 'msdyn_actual', records: postProjectJournal(ctx, id) }) },
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
  },
  invoices: {
    msdyn_ConfirmInvoice: (ctx, id) => ({ entity: 'invoice', record: confirmInvoice(ctx, id) }),
    msdyn_CorrectInvoice: (ctx, id) => ({ entity: 'invoice', record: correctInvoice(ctx, id) }),
  },
};
