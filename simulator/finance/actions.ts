import type { Rec } from '../store/types.js';
import type { Ctx } from '../domain/context.js';
import { postJournal, resetJournalLineToDraft, resetJournalToDraft } from './journal.js';
import { postProposal } from './posting.js';
import { deleteAllLines } from './tax.js';

/** Bound actions of the Finance OData endpoint (`…/Microsoft.Dynamics.DataEntities.<name>`). */
export interface FinanceActionResult {
  /** Collection of the returned record. */
  readonly set: string;
  readonly record: Rec;
  readonly log?: readonly unknown[];
}
export type FinanceAction = (ctx: Ctx, target: Rec) => FinanceActionResult;

export const financeActions: Readonly<Record<string, Readonly<Record<string, FinanceAction>>>> = {
  ProjectIntegrationJournals: {
    Post: (ctx, j) => {
      const { log } = postJournal(ctx, String(j.dataAreaId), String(j.JournalId));
      return { set: 'ProjectIntegrationJournals', record: ctx.tx.get('ProjectIntegrationJournal', `${String(j.dataAreaId)}|${String(j.JournalId)}`) ?? j, log };
    },
    // "Reset to draft" (project-operations-integration-journal.md; the page's text also calls it "Update to draft").
    // The action's OData name is ours: no public entity documents it.
    ResetToDraft: (ctx, j) => ({ set: 'ProjectIntegrationJournals', record: resetJournalToDraft(ctx, String(j.dataAreaId), String(j.JournalId)) }),
  },
  ProjectIntegrationJournalLines: {
    ResetToDraft: (ctx, l) => ({ set: 'ProjectIntegrationJournalLines', record: resetJournalLineToDraft(ctx, l) }),
  },
  ProjectInvoiceProposals: {
    Post: (ctx, p) => ({ set: 'CustomerInvoices', record: postProposal(ctx, String(p.dataAreaId), String(p.ProposalId)) }),
    // The form's "Delete all" (correct-project-invoice-proposals.md); the action name is ours (convention, docs/api.md "Sales tax").
    DeleteAll: (ctx, p) => ({ set: 'ProjectInvoiceProposals', record: deleteAllLines(ctx, String(p.dataAreaId), String(p.ProposalId)) }),
  },
};

/**
 * The declared result of every action in `financeActions`, for `$metadata`: the collection of the returned
 * record (the router adds the process `log` to every action answer).
 */
export const financeActionReturns: Readonly<Record<string, Readonly<Record<string, { readonly set: string }>>>> = {
  ProjectIntegrationJournals: { Post: { set: 'ProjectIntegrationJournals' }, ResetToDraft: { set: 'ProjectIntegrationJournals' } },
  ProjectIntegrationJournalLines: { ResetToDraft: { set: 'ProjectIntegrationJournalLines' } },
  ProjectInvoiceProposals: { Post: { set: 'CustomerInvoices' }, DeleteAll: { set: 'ProjectInvoiceProposals' } },
};
