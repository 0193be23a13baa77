import { po, type RuleDef } from '../types.js';

const RATES = (section: string) => po('pricing-costing/set-up-cost-sales-rates-expenses.md', section);
const SALES_FAQ = (section: string) => po('psa/FAQ-zero-price-expense-sales-actuals.md', section);
const COST_FAQ = po('psa/FAQ-zero-price-expense-cost-actuals.md', 'Troubleshooting cost rates on expense cost actuals');
const LINES = po('pro/sales/manage-contract-values-project-based-sales.md', 'Project contract lines overview');

/** Expenses and the pricing of their categories (issue 14, part 1). */
export const expenseRules = [
  { id: 'rule.expense-cost-from-entry', kind: 'derived', source: COST_FAQ },
  { id: 'rule.expense-price-per-unit', kind: 'derived', source: RATES('Price per unit'), also: [SALES_FAQ('Check 3: Is there a valid price for the expense category in the applicable project price list?')] },
  { id: 'rule.expense-at-cost', kind: 'derived', source: RATES('At cost'), also: [SALES_FAQ('Check 3: Is there a valid price for the expense category in the applicable project price list?')] },
  { id: 'rule.expense-markup-over-cost', kind: 'derived', source: RATES('Markup over cost'), also: [SALES_FAQ('Check 3: Is there a valid price for the expense category in the applicable project price list?')] },
  { id: 'rule.expense-no-category-price-zero', kind: 'derived', source: SALES_FAQ('Check 3: Is there a valid price for the expense category in the applicable project price list?'), also: [SALES_FAQ('Check 1: Identify the sales price list for project')] },
  { id: 'rule.expense-price-list-by-date', kind: 'derived', source: SALES_FAQ('Check 2: Are any of the price lists identified above valid for the specific date of the expense actual?') },
  { id: 'rule.category-price-currency', kind: 'state', source: RATES('Set up cost and sales rates for expenses') },
  { id: 'rule.contract-line-includes-class', kind: 'derived', source: LINES },
  { id: 'rule.include-class-unset', kind: 'state', source: 'convention' },
  { id: 'rule.contract-price-list-header', kind: 'state', source: 'convention' },
  { id: 'rule.expense-quantity', kind: 'state', source: 'convention' },
] as const satisfies readonly RuleDef[];
