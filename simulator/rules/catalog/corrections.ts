import { po, type RuleDef } from '../types.js';

const REVISE = (section: string) => po('proforma-invoicing/revise-project-invoices.md', section);

/** Revising (correcting) a confirmed invoice. */
export const correctionRules = [
  { id: 'rule.correction-new-draft', kind: 'derived', source: REVISE('Revised invoice') },
  { id: 'rule.correction-full-credit', kind: 'derived', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-partial-credit', kind: 'derived', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-milestone-full', kind: 'state', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-milestone-partial', kind: 'refusal', source: REVISE('Revised invoice') },
  { id: 'rule.correct-only-confirmed', kind: 'refusal', source: REVISE('Revise (correct) project invoices') },
  // Stricter than the pages (issue 12, rows 1 and 2): recorded as conventions until the simulator follows the pages.
  { id: 'rule.correction-one-draft', kind: 'refusal', source: 'convention' },
  { id: 'rule.correction-not-above-original', kind: 'refusal', source: 'convention' },
  { id: 'rule.correction-billing-type-fixed', kind: 'refusal', source: 'convention' },
  { id: 'rule.correction-needs-lines', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
