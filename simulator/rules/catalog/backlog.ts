import { po, type RuleDef } from '../types.js';

const BACKLOG = (section: string) => po('proforma-invoicing/manage-billing-backlog.md', section);

/** The billing backlog: what can be marked ready to invoice. */
export const backlogRules = [
  { id: 'rule.backlog-unbilled-sales-only', kind: 'refusal', source: BACKLOG('Time and Material Billing Backlog') },
  { id: 'rule.backlog-adjusted-excluded', kind: 'refusal', source: BACKLOG('Time and Material Billing Backlog') },
  { id: 'rule.milestone-ready-from-not-ready', kind: 'refusal', source: BACKLOG('Fixed Price Milestones') },
] as const satisfies readonly RuleDef[];
