import { po, type RuleDef } from '../types.js';

const RATES = (section: string) => po('invoicing/format-update-project-invoice-proposals.md', section);
const JOURNAL = po('project-accounting/project-operations-integration-journal.md', 'Create records in the Project Operations Integration journal');

/** Another currency than the legal entity's (issue 14 part 2): exchange rates, transaction currency, rounding. */
export const currencyRules = [
  { id: 'rule.transaction-currency', kind: 'state', source: RATES('Exchange rates') },
  { id: 'rule.rate-at-accounting-date', kind: 'derived', source: RATES('Exchange rates'), also: [JOURNAL] },
  { id: 'rule.import-needs-rate', kind: 'refusal', source: JOURNAL },
  { id: 'rule.cost-in-accounting-currency', kind: 'state', source: RATES('Example scenario') },
  { id: 'rule.currency-rounding', kind: 'state', source: 'convention' },
  { id: 'rule.ledger-rate-type', kind: 'context', source: 'convention' },
  { id: 'rule.conversion-factor', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
