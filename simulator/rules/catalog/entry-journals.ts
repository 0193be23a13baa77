import { po, type RuleDef } from '../types.js';

const ENTRY = (section: string) => po('actuals/create-confirm-entry-journals-integrated.md', section);
const PAGE = 'Create and confirm Entry journals for Project Operations Integrated with ERP based scenarios';

/** Entry journals: material usage and fees recorded as journal lines and confirmed into actuals (dataverse/journals.ts). */
export const entryJournalRules = [
  { id: 'rule.journal-line-actuals', kind: 'derived', source: ENTRY('Actuals created by Entry journal confirmation'), also: [ENTRY('Confirm an Entry journal'), po('actuals/create-confirm-entry-journals.md', 'Confirm an Entry journal')] },
  { id: 'rule.journal-line-by-class', kind: 'derived', source: ENTRY(PAGE) },
  { id: 'rule.journal-fee-sales-only', kind: 'refusal', source: po('actuals/journal-line-improvements.md', 'Business rule validation') },
  { id: 'rule.journal-confirmed-read-only', kind: 'refusal', source: ENTRY('Confirm an Entry journal') },
  { id: 'rule.journal-line-types', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-line-price', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
