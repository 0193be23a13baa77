import { po, type RuleDef } from '../types.js';

const HEADER = po('proforma-invoicing/manage-proforma-invoice.md', 'Invoice header');
const PROPOSALS = (section: string) => po('invoicing/format-update-project-invoice-proposals.md', section);

/** Pro-forma invoice statuses, the Enhanced pro-forma invoice export, and Import from staging's all-or-nothing check. */
export const statusRules = [
  { id: 'rule.invoice-in-review', kind: 'state', source: HEADER },
  { id: 'rule.paid-after-confirmation', kind: 'refusal', source: HEADER },
  { id: 'rule.invoice-state-unsupported', kind: 'refusal', source: HEADER },
  { id: 'rule.project-status-by-process', kind: 'refusal', source: 'convention' },
  { id: 'rule.paid-sets-invoice-paid', kind: 'state', source: 'convention' },
  { id: 'rule.enhanced-proforma-export', kind: 'state', source: PROPOSALS('Enhanced proforma invoice summary for integrated deployments') },
  { id: 'rule.posted-status-value', kind: 'state', source: 'convention' },
  {
    id: 'rule.import-mismatch-held-back', kind: 'state', source: PROPOSALS('Create project invoice proposals'),
    also: [po('troubleshooting/project-operations-integration/project-integration-workspace.md', 'Use the Troubleshoot tab')],
  },
] as const satisfies readonly RuleDef[];
