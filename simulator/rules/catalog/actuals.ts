import { po, type RuleDef } from '../types.js';

const TM = po('actuals/ActualsonTM.md', 'Actual impact in a time and materials engagement');
const OVERVIEW = po('actuals/actuals-overview.md', 'Actuals');

/** Actuals: what approval and confirmation create, and what may be done to an actual. */
export const actualsRules = [
  { id: 'rule.actuals-on-approval', kind: 'derived', source: TM, also: [po('actuals/connectingactuals.md', 'Transaction connections - Link actuals of different transaction types')] },
  { id: 'rule.confirm-unchanged', kind: 'derived', source: TM, also: [po('proforma-invoicing/confirm-proforma-invoice.md', 'Confirm a proforma project-based invoice')] },
  { id: 'rule.reversal-skip-sync', kind: 'state', source: po('environment/resource-dual-write-estimates-actuals.md', 'Project actuals') },
  { id: 'rule.quantity-reduced', kind: 'derived', source: TM },
  { id: 'rule.quantity-increased', kind: 'derived', source: TM },
  { id: 'rule.milestone-billed-only', kind: 'derived', source: po('actuals/ActualonFP.md', 'Actuals impact in a fixed price engagement') },
  { id: 'rule.actuals-read-only', kind: 'refusal', source: OVERVIEW },
  { id: 'rule.actuals-description-editable', kind: 'refusal', source: OVERVIEW },
  { id: 'rule.writeback-fields', kind: 'state', source: po('environment/resource-dual-write-estimates-actuals.md', 'Project actuals') },
] as const satisfies readonly RuleDef[];
