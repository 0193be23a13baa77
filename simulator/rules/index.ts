/**
 * The registry of rules (DESIGN.md "Fidelity (turn 2)", item 3): every refusal, derived record and state change
 * of the domain names one of these ids; errors carry it (simulator/http/errors.ts), `GET /sim/rules` lists them,
 * `npm run trace` joins them with the scenarios that verify them.
 *
 * To add a rule: append `{ id, kind, source }` to the area's list in catalog/ (source: `po(page, section)`,
 * `uo(…)` or 'convention'), add `statement` (and for a convention `convention`: why the pages are silent and
 * what we chose) under the id in locales/{en,de,nl}/rules.json, and name the id where the domain applies it.
 */
import { actualsRules } from './catalog/actuals.js';
import { backlogRules } from './catalog/backlog.js';
import { correctionRules } from './catalog/corrections.js';
import { currencyRules } from './catalog/currencies.js';
import { dualWriteRules } from './catalog/dualwrite.js';
import { expenseRules } from './catalog/expenses.js';
import { financeRules } from './catalog/finance.js';
import { invoiceRules } from './catalog/invoices.js';
import { entryJournalRules } from './catalog/entry-journals.js';
import { journalRules } from './catalog/journal.js';
import { recordRules } from './catalog/records.js';
import { seedRules } from './catalog/seed.js';
import { statusRules } from './catalog/statuses.js';
import { workRules } from './catalog/work.js';
import { taxRules } from './catalog/tax.js';
import { PO_REPO, type PageSource, type RuleDef } from './types.js';

export { type RuleDef, type RuleKind, type RuleSource, type PageSource, PO_REPO } from './types.js';

const all = [
  ...seedRules, ...actualsRules, ...invoiceRules, ...correctionRules, ...backlogRules, ...workRules, ...recordRules,
  ...financeRules, ...dualWriteRules, ...currencyRules, ...statusRules, ...journalRules,
  ...expenseRules, ...entryJournalRules,
  ...taxRules,
] as const;

/** Every rule id: the type checker refuses a rule name that the registry does not hold. */
export type RuleId = (typeof all)[number]['id'];

export const rules: readonly RuleDef[] = all;
export const ruleById: ReadonlyMap<string, RuleDef> = new Map(rules.map((r) => [r.id, r]));
export const isRuleId = (id: string): id is RuleId => ruleById.has(id);

/** The repository of a page source (Project Operations unless it says otherwise). */
export const repoOf = (s: PageSource): string => s.repo ?? PO_REPO;
/** The public web address of a source page on GitHub (its default branch). */
export const pageUrl = (s: PageSource): string => `https://github.com/${repoOf(s)}/blob/main/${s.page}`;

/** Where a rule is explained: `<base>/sim/rules/<id>` (the id is URL-safe: letters, digits, dots and dashes). */
export const ruleLink = (base: string, id: string): string => `${base}/sim/rules/${encodeURIComponent(id)}`;
