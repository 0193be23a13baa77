import { po, type RuleDef } from '../types.js';

const PAGE = 'project-accounting/project-operations-integration-journal.md';
const CREATE = po(PAGE, 'Create records in the Project Operations Integration journal');
const TRANSFER = po(PAGE, 'Transfer all lines that have posting errors to a new journal');
const ERRORS = po(PAGE, 'Working with integration journal lines that have warnings and errors');
const EXAMPLE = po('invoicing/format-update-project-invoice-proposals.md', 'Example scenario');

/** The Project Operations integration journal (issue 14 part 3): grouping, vouchers, deleted lines, error lines, ledger result. */
export const journalRules = [
  { id: 'rule.journal-period-unit', kind: 'derived', source: CREATE },
  { id: 'rule.journal-voucher-per-line', kind: 'derived', source: CREATE },
  { id: 'rule.journal-line-delete-reimport', kind: 'state', source: CREATE },
  { id: 'rule.journal-line-delete-posted', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-transfer-error-lines', kind: 'derived', source: TRANSFER, also: [ERRORS] },
  { id: 'rule.journal-period-not-open', kind: 'state', source: ERRORS },
  { id: 'rule.journal-reset-to-draft', kind: 'state', source: ERRORS },
  { id: 'rule.journal-error-not-posted', kind: 'refusal', source: ERRORS },
  { id: 'rule.journal-ledger-result', kind: 'derived', source: EXAMPLE },
  { id: 'rule.journal-features-on', kind: 'context', source: 'convention' },
] as const satisfies readonly RuleDef[];
