import type { Rec } from '../store/types.js';
import { type Ctx, applied, must, patch, refuse, where, whereEq } from '../domain/context.js';
import { dec, div } from '../domain/money.js';
import { actualId, connect, createActual, type ActualBasis } from './actuals.js';
import { accountingCurrencyId } from './currency.js';
import { BillingMethod, BillingStatus, EntryStatus, ExpenseStatus, Role, TxClass, TxType } from './entities.js';

/** The time-and-material contract line a project's work is billed on, if any. */
export function billingLineOf(ctx: Ctx, projectId: string): Rec | undefined {
  for (const line of whereEq(ctx, 'salesorderdetail', '_msdyn_project_value', projectId, (l) => l.msdyn_billingmethod === BillingMethod.TimeAndMaterial)) return line;
  return undefined;
}

function basisFor(ctx: Ctx, project: Rec, cls: number, description: unknown, date: unknown): { basis: ActualBasis; line?: Rec } {
  const line = billingLineOf(ctx, String(project.msdyn_projectid));
  const contract = line ? ctx.tx.get('salesorder', String(line._salesorderid_value)) : undefined;
  if (!project._msdyn_company_value) throw refuse('rule.project-needs-company', 'work.projectWithoutCompany', { project: String(project.msdyn_subject) });
  return {
    line,
    basis: {
      _msdyn_project_value: project.msdyn_projectid,
      _msdyn_salescontract_value: contract?.salesorderid ?? null,
      _msdyn_salescontractlineid_value: line?.salesorderdetailid ?? null,
      _msdyn_accountcustomer_value: contract?._customerid_value ?? project._msdyn_customer_value ?? null,
      _msdyn_company_value: project._msdyn_company_value,
      _transactioncurrencyid_value: contract?._transactioncurrencyid_value ?? null,
      msdyn_transactionclassification: cls,
      msdyn_description: description ?? null,
      msdyn_documentdate: date ?? null,
    },
  };
}

/**
 * Approval creates a cost actual and, when the project is on a contract, an unbilled sales actual, linked by
 * a transaction connection (domain.md §2.4, "Time approve").
 */
function approveWork(ctx: Ctx, project: Rec, cls: number, quantity: bigint, costPrice: unknown, salesPrice: (line: Rec) => unknown, description: unknown, date: unknown): Rec[] {
  const { basis, line } = basisFor(ctx, project, cls, description, date);
  // Cost stays in the legal entity's accounting currency; sales are in the contract's currency
  // (format-update-project-invoice-proposals.md, "Exchange rates", example: the cost line in USD, the sales line in GBP).
  const costBasis = { ...basis, _transactioncurrencyid_value: accountingCurrencyId(ctx, basis._msdyn_company_value) ?? basis._transactioncurrencyid_value };
  if (costBasis._transactioncurrencyid_value !== basis._transactioncurrencyid_value) applied(ctx, 'rule.cost-in-accounting-currency');
  const cost = createActual(ctx, costBasis, { type: TxType.Cost, quantity, price: costPrice });
  const out = [cost];
  if (line) {
    const sales = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity, price: salesPrice(line), billingStatus: BillingStatus.UnbilledSalesCreated });
    connect(ctx, { id: actualId(sales), role: Role.UnbilledSales, type: 'msdyn_actual' }, { id: actualId(cost), role: Role.Cost, type: 'msdyn_actual' }, basis._msdyn_company_value);
    out.push(sales);
  }
  return out;
}

export function approveTimeEntry(ctx: Ctx, id: string): Rec[] {
  const entry = must(ctx, 'msdyn_timeentry', id);
  if (entry.msdyn_entrystatus === EntryStatus.Approved) throw refuse('rule.entry-approved-once', 'work.alreadyApproved', { id });
  const project = must(ctx, 'msdyn_project', String(entry._msdyn_project_value));
  const hours = div(dec(entry.msdyn_duration), dec(60));
  const line = billingLineOf(ctx, String(project.msdyn_projectid));
  const actuals = approveWork(ctx, project, TxClass.Time, hours, line?.msdyn_costperunit ?? 0, (l) => l.priceperunit ?? 0, entry.msdyn_description, entry.msdyn_date);
  patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: EntryStatus.Approved });
  return actuals;
}

/** Expenses are billed at cost. */
export function approveExpense(ctx: Ctx, id: string): Rec[] {
  const expense = must(ctx, 'msdyn_expense', id);
  if (expense.msdyn_expensestatus === ExpenseStatus.Approved) throw refuse('rule.entry-approved-once', 'work.alreadyApproved', { id });
  const project = must(ctx, 'msdyn_project', String(expense._msdyn_project_value));
  const actuals = approveWork(ctx, project, TxClass.Expense, dec(1), expense.msdyn_amount, () => expense.msdyn_amount, expense.msdyn_expensetype, expense.msdyn_transactiondate);
  patch(ctx, 'msdyn_expense', id, { msdyn_expensestatus: ExpenseStatus.Approved });
  return actuals;
}

/**
 * Posting a project journal (e.g. material usage) creates, per line, a cost actual and an unbilled sales actual
 * at the line's sales price (the contract line's price list in Project Operations; here the line carries it).
 */
export function postProjectJournal(ctx: Ctx, id: string): Rec[] {
  const journal = must(ctx, 'msdyn_journal', id);
  if (journal.msdyn_isposted === true) throw refuse('rule.journal-posted-read-only', 'work.journalPosted', { journal: String(journal.msdyn_description) });
  const lines = [...where(ctx, 'msdyn_journalline', (l) => l._msdyn_journal_value === id)];
  if (lines.length === 0) throw refuse('rule.journal-needs-lines', 'work.journalEmpty', { journal: String(journal.msdyn_description) });
  const out: Rec[] = [];
  for (const l of lines) {
    const project = must(ctx, 'msdyn_project', String(l._msdyn_project_value));
    out.push(...approveWork(ctx, project, Number(l.msdyn_transactionclassification), dec(l.msdyn_quantity), l.msdyn_costprice, () => l.msdyn_price ?? l.msdyn_costprice, l.msdyn_description, l.msdyn_documentdate));
  }
  patch(ctx, 'msdyn_journal', id, { msdyn_isposted: true });
  return out;
}
