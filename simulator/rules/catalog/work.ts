import { po, type PageSource, type RuleDef } from '../types.js';

const TM = po('actuals/ActualsonTM.md', 'Actual impact in a time and materials engagement');
const FP = po('actuals/ActualonFP.md', 'Actuals impact in a fixed price engagement');
const CANCEL = (section: string): PageSource => po('approvals/cancelapproval.md', section);
const RECALL = (section: string): PageSource => po('approvals/recall-cancel.md', section);

/** Time, expense and journal entries before they become actuals. The pages describe approval, not its refusals. */
export const workRules = [
  { id: 'rule.project-needs-company', kind: 'refusal', source: 'convention' },
  { id: 'rule.entry-approved-once', kind: 'refusal', source: 'convention' },
  { id: 'rule.time-entry-duration', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-needs-lines', kind: 'refusal', source: 'convention' },
  // Approval of time (issue 12, part 3: the rows of both actuals tables before invoicing)
  { id: 'rule.time-submitted-journal', kind: 'derived', source: TM, also: [FP] },
  { id: 'rule.approve-billable-below', kind: 'derived', source: TM },
  { id: 'rule.approve-billable-above', kind: 'derived', source: TM },
  { id: 'rule.cancel-approval-reverses', kind: 'derived', source: CANCEL('Financial impact'), also: [TM, FP] },
  { id: 'rule.recall-approved-reverses', kind: 'derived', source: RECALL('Financial impact'), also: [TM, FP] },
  { id: 'rule.contract-confirm-reevaluates', kind: 'derived', source: TM, also: [FP] },
  { id: 'rule.time-entry-transitions', kind: 'refusal', source: RECALL('Changes to time entry records') },
  { id: 'rule.cancel-recall-not-invoiced', kind: 'refusal', source: CANCEL('Cancel the approval of previously approved entries'), also: [RECALL('Request a recall')] },
  { id: 'rule.recall-before-approval', kind: 'state', source: 'convention' },
  { id: 'rule.approve-implies-submit', kind: 'state', source: 'convention' },
  { id: 'rule.approval-from-submission', kind: 'refusal', source: 'convention' },
  { id: 'rule.approval-editable-submitted', kind: 'refusal', source: 'convention' },
  { id: 'rule.time-journal-by-approval', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
