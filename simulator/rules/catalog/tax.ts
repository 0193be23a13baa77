import { po, uo, type RuleDef } from '../types.js';

const CORRECT = (section: string) => po('invoicing/correct-project-invoice-proposals.md', section);
const PROPOSALS = (section: string) => po('invoicing/format-update-project-invoice-proposals.md', section);

/** Sales tax as Finance computes it (issue 14 part 4): sales tax groups, item sales tax groups, codes and their values. */
export const taxRules = [
  { id: 'rule.tax-intersection', kind: 'state', source: uo('finance/general-ledger/indirect-taxes-overview.md', 'Sales tax on transactions') },
  { id: 'rule.tax-group-defaults', kind: 'derived', source: PROPOSALS('Billing sales tax') },
  { id: 'rule.tax-category-of-type', kind: 'derived', source: 'convention' },
  { id: 'rule.tax-rounding', kind: 'state', source: 'convention', also: [uo('finance/localizations/global/tax-calculation-rounding-rules.md', 'Rounding method')] },
  { id: 'rule.tax-value-by-date', kind: 'state', source: 'convention' },
  { id: 'rule.tax-value-required', kind: 'refusal', source: 'convention' },
  { id: 'rule.tax-adjust-groups', kind: 'state', source: CORRECT('Adjust sales tax') },
  { id: 'rule.tax-delete-all-reimport', kind: 'derived', source: CORRECT('Line dimensions') },
  { id: 'rule.tax-invoice-total-dataverse', kind: 'state', source: PROPOSALS('Newly supported invoice details') },
] as const satisfies readonly RuleDef[];
