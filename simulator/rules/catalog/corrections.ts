import { po, type RuleDef } from '../types.js';

const REVISE = (section: string) => po('proforma-invoicing/revise-project-invoices.md', section);
const CREATE = (section: string) => po('proforma-invoicing/create-manual-proforma-invoice.md', section);
// The actuals tables have one section; the row of the table is named as the section's detail.
const TM = (row: string) => po('actuals/ActualsonTM.md', `Actual impact in a time and materials engagement, row "${row}"`);
const FP = po('actuals/ActualonFP.md', 'Actuals impact in a fixed price engagement, row "The invoice is corrected to credit the milestone"');

/** Revising (correcting) a confirmed invoice. */
export const correctionRules = [
  { id: 'rule.correction-new-draft', kind: 'derived', source: REVISE('Revised invoice') },
  { id: 'rule.correction-full-credit', kind: 'derived', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-partial-credit', kind: 'derived', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-milestone-full', kind: 'state', source: REVISE('Actuals created when a corrective invoice is confirmed') },
  { id: 'rule.correction-milestone-partial', kind: 'refusal', source: REVISE('Revised invoice') },
  { id: 'rule.correct-only-confirmed', kind: 'refusal', source: REVISE('Revise (correct) project invoices') },
  { id: 'rule.correction-increase', kind: 'derived', source: TM('The invoice is corrected to increase the chargeable quantity or price'), also: [CREATE('Correct a confirmed invoice')] },
  { id: 'rule.correction-adjusts-billed', kind: 'state', source: TM('The invoice is corrected to decrease the chargeable quantity or price'), also: [FP] },
  { id: 'rule.correction-remove-detail', kind: 'derived', source: CREATE('Correct a confirmed invoice') },
  { id: 'rule.correction-billed-once', kind: 'derived', source: 'convention' },
  { id: 'rule.correction-needs-lines', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
