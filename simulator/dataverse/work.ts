import type { Rec } from '../store/types.js';
import { type Ctx, applied, insert, must, patch, refuse, today, where, whereEq } from '../domain/context.js';
import { dec, div, mul, num, round } from '../domain/money.js';
import { actualId, connect, createActual, reverseActual, type ActualBasis } from './actuals.js';
import { AdjustmentStatus, ApprovalStage, BillingMethod, BillingStatus, BillingType, EntryStatus, ExpenseStatus, IncludeColumn, JournalType, Role, TxClass, TxType } from './entities.js';
import { expensePrices } from './expense-pricing.js';
import { accountingCurrencyId } from './currency.js';

/**
 * The time-and-material contract line a project's work of a transaction class is billed on, if any: the line's
 * Include Time / Expense / Materials / Fee says whether it takes the class (pro/sales/manage-contract-values-project-
 * based-sales.md: the value resolves the contract line of an actual). Convention (rule.include-class-unset): a line
 * whose column is not set includes the class.
 */
export function billingLineOf(ctx: Ctx, projectId: string, cls: number = TxClass.Time): Rec | undefined {
  const column = IncludeColumn[cls];
  const includes = (l: Rec): boolean => !column || l[column] !== false;
  for (const line of whereEq(ctx, 'salesorderdetail', '_msdyn_project_value', projectId, (l) => l.msdyn_billingmethod === BillingMethod.TimeAndMaterial && includes(l))) return line;
  if (column && [...whereEq(ctx, 'salesorderdetail', '_msdyn_project_value', projectId, (l) => l.msdyn_billingmethod === BillingMethod.TimeAndMaterial)].length > 0) applied(ctx, 'rule.contract-line-includes-class');
  return undefined;
}

/**
 * Cost stays in the legal entity's accounting currency; sales are in the contract's currency
 * (format-update-project-invoice-proposals.md, "Exchange rates", example: the cost line in USD, the sales line in GBP).
 */
export function costBasisOf(ctx: Ctx, basis: ActualBasis): ActualBasis {
  const accounting = accountingCurrencyId(ctx, basis._msdyn_company_value) ?? basis._transactioncurrencyid_value;
  if (accounting !== basis._transactioncurrencyid_value) applied(ctx, 'rule.cost-in-accounting-currency');
  return { ...basis, _transactioncurrencyid_value: accounting };
}

function basisFor(ctx: Ctx, project: Rec, cls: number, description: unknown, date: unknown): { basis: ActualBasis; line?: Rec } {
  const line = billingLineOf(ctx, String(project.msdyn_projectid), cls);
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
function approveWork(ctx: Ctx, project: Rec, cls: number, quantity: bigint, costPrice: unknown, salesPrice: (line: Rec) => unknown, description: unknown, date: unknown, extra: Partial<ActualBasis> = {}): Rec[] {
  const { basis: b, line } = basisFor(ctx, project, cls, description, date);
  const basis = { ...b, ...extra };
  applied(ctx, 'rule.actuals-on-approval');
  const cost = createActual(ctx, costBasisOf(ctx, basis), { type: TxType.Cost, quantity, price: costPrice });
  const out = [cost];
  if (line) {
    const sales = createActual(ctx, basis, { type: TxType.UnbilledSales, quantity, price: salesPrice(line), billingStatus: BillingStatus.UnbilledSalesCreated });
    connect(ctx, { id: actualId(sales), role: Role.UnbilledSales, type: 'msdyn_actual' }, { id: actualId(cost), role: Role.Cost, type: 'msdyn_actual' }, basis._msdyn_company_value);
    out.push(sales);
  }
  return out;
}

// ---- time entries: submit, approve, cancel, recall (approvals/recall-cancel.md, "Changes to time entry records") ----

const hoursOf = (entry: Rec): bigint => div(dec(entry.msdyn_duration), dec(60));

/**
 * The cost rate of a project's work: the contract line's cost per unit, the time-and-material line first, else any
 * line of the project (a fixed-price engagement has a cost rate too: actuals/ActualonFP.md). Convention: the cost
 * rate sits on the contract line (ours, `msdyn_costperunit`) instead of a cost price list of the resource's unit.
 */
function costRateOf(ctx: Ctx, projectId: string): unknown {
  const tm = billingLineOf(ctx, projectId);
  if (tm?.msdyn_costperunit !== undefined && tm.msdyn_costperunit !== null) return tm.msdyn_costperunit;
  for (const l of whereEq(ctx, 'salesorderdetail', '_msdyn_project_value', projectId, (x) => x.msdyn_costperunit !== undefined && x.msdyn_costperunit !== null)) return l.msdyn_costperunit;
  return 0;
}

/** The approval record of a time entry in a stage (msdyn_projectapproval, progref …/msdyn_projectapproval.md). */
function approvalOf(ctx: Ctx, entryId: string, stages: readonly number[]): Rec | undefined {
  for (const a of whereEq(ctx, 'msdyn_projectapproval', '_msdyn_timeentry_value', entryId, (x) => stages.includes(Number(x.msdyn_recordstage)))) return a;
  return undefined;
}

function refuseTransition(entry: Rec, action: string): never {
  throw refuse('rule.time-entry-transitions', 'work.notInStatus', { id: String(entry.msdyn_timeentryid), action, status: Number(entry.msdyn_entrystatus) });
}

/**
 * Submitting a time entry (actuals/ActualsonTM.md, ActualonFP.md, row "Time is submitted"): the approval record with
 * the submitted hours as billable hours, and the journal lines at the default rates: a cost line and, on a time and
 * material contract line, an unbilled sales line. No actuals yet.
 */
export function submitTimeEntry(ctx: Ctx, id: string): Rec {
  const entry = must(ctx, 'msdyn_timeentry', id);
  const status = Number(entry.msdyn_entrystatus);
  if (status !== EntryStatus.Draft && status !== EntryStatus.Returned) refuseTransition(entry, 'submit');
  const project = must(ctx, 'msdyn_project', String(entry._msdyn_project_value));
  const projectId = String(project.msdyn_projectid);
  if (!project._msdyn_company_value) throw refuse('rule.project-needs-company', 'work.projectWithoutCompany', { project: String(project.msdyn_subject) });
  const hours = hoursOf(entry);
  const line = billingLineOf(ctx, projectId);
  const cost = costRateOf(ctx, projectId);
  const approvalId = ctx.newId();
  insert(ctx, 'msdyn_projectapproval', approvalId, {
    msdyn_projectapprovalid: approvalId, msdyn_name: entry.msdyn_description ?? null,
    _msdyn_timeentry_value: id, _msdyn_project_value: projectId,
    msdyn_costquantity: num(hours, 2), msdyn_salesquantity: line ? num(hours, 2) : null,
    msdyn_costprice: num(dec(cost), 4), msdyn_salesprice: line ? num(dec(line.priceperunit ?? 0), 4) : null,
    msdyn_billingtype: line ? BillingType.Chargeable : null, msdyn_recordstage: ApprovalStage.Submitted,
  });
  const journalId = ctx.newId();
  insert(ctx, 'msdyn_journal', journalId, { msdyn_journalid: journalId, msdyn_description: entry.msdyn_description ?? null, msdyn_journaltype: JournalType.Entry, msdyn_isposted: false, _msdyn_timeentry_value: id });
  const journalLine = (type: number, price: unknown, billingType: number | null): void => {
    const lineId = ctx.newId();
    const p = dec(price);
    insert(ctx, 'msdyn_journalline', lineId, {
      msdyn_journallineid: lineId, _msdyn_journal_value: journalId, _msdyn_project_value: projectId, _msdyn_timeentry_value: id,
      msdyn_description: entry.msdyn_description ?? null, msdyn_documentdate: entry.msdyn_date ?? today(ctx),
      msdyn_transactionclassification: TxClass.Time, msdyn_transactiontypecode: type, msdyn_billingtype: billingType,
      msdyn_quantity: num(hours, 2), msdyn_price: num(p, 4), msdyn_costprice: type === TxType.Cost ? num(p, 4) : null,
      msdyn_amount: num(round(mul(hours, p))),
    });
  };
  journalLine(TxType.Cost, cost, null);
  if (line) journalLine(TxType.UnbilledSales, line.priceperunit ?? 0, BillingType.Chargeable);
  applied(ctx, 'rule.time-submitted-journal');
  return patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: EntryStatus.Submitted });
}

/**
 * The actuals of approved time: a cost actual for the submitted hours and, on a time and material line, unbilled
 * sales for the billable hours of the approval record (actuals/ActualsonTM.md, the three "Time is approved" rows):
 * billable below submitted adds a non-chargeable unbilled sales actual for the rest.
 */
function timeActuals(ctx: Ctx, entry: Rec, project: Rec, approval: Rec | undefined): Rec[] {
  const projectId = String(project.msdyn_projectid);
  const { basis: b, line } = basisFor(ctx, project, TxClass.Time, entry.msdyn_description, entry.msdyn_date);
  const basis = { ...b, _msdyn_timeentry_value: entry.msdyn_timeentryid };
  const submitted = hoursOf(entry);
  const cost = createActual(ctx, costBasisOf(ctx, basis), { type: TxType.Cost, quantity: submitted, price: costRateOf(ctx, projectId) });
  const out = [cost];
  if (!line) return out;
  // The approval record keeps hours to 2 decimals (as submitTimeEntry stores them): a value the approver left as
  // submitted means the submitted hours, not a shortfall of a fraction of a minute.
  const stored = approval?.msdyn_salesquantity;
  const billable = stored === null || stored === undefined || dec(stored) === round(submitted, 2) ? submitted : dec(stored);
  const billingType = approval?.msdyn_billingtype === null || approval?.msdyn_billingtype === undefined ? BillingType.Chargeable : Number(approval.msdyn_billingtype);
  const price = line.priceperunit ?? 0;
  const sales: Rec[] = [];
  if (billable > 0n || billable === submitted) sales.push(createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: billable, price, billingType, billingStatus: BillingStatus.UnbilledSalesCreated }));
  if (billable < submitted) {
    sales.push(createActual(ctx, basis, { type: TxType.UnbilledSales, quantity: submitted - billable, price, billingType: BillingType.NonChargeable, billingStatus: BillingStatus.UnbilledSalesCreated }));
    applied(ctx, 'rule.approve-billable-below');
  }
  if (billable > submitted) applied(ctx, 'rule.approve-billable-above');
  for (const s of sales) connect(ctx, { id: actualId(s), role: Role.UnbilledSales, type: 'msdyn_actual' }, { id: actualId(cost), role: Role.Cost, type: 'msdyn_actual' }, basis._msdyn_company_value);
  return [...out, ...sales];
}

export function approveTimeEntry(ctx: Ctx, id: string): Rec[] {
  const entry = must(ctx, 'msdyn_timeentry', id);
  const status = Number(entry.msdyn_entrystatus);
  if (status === EntryStatus.Approved) throw refuse('rule.entry-approved-once', 'work.alreadyApproved', { id });
  if (status !== EntryStatus.Draft && status !== EntryStatus.Submitted) refuseTransition(entry, 'approve');
  // convention: a Draft entry approved directly is submitted and approved in one step (rule.approve-implies-submit)
  if (status === EntryStatus.Draft) {
    const project = must(ctx, 'msdyn_project', String(entry._msdyn_project_value));
    if (!project._msdyn_company_value) throw refuse('rule.project-needs-company', 'work.projectWithoutCompany', { project: String(project.msdyn_subject) });
    submitTimeEntry(ctx, id);
  }
  const fresh = must(ctx, 'msdyn_timeentry', id);
  const project = must(ctx, 'msdyn_project', String(fresh._msdyn_project_value));
  const approval = approvalOf(ctx, id, [ApprovalStage.Submitted]);
  const actuals = timeActuals(ctx, fresh, project, approval);
  if (approval) patch(ctx, 'msdyn_projectapproval', String(approval.msdyn_projectapprovalid), { msdyn_recordstage: ApprovalStage.Approved, msdyn_approvedon: ctx.now });
  for (const j of whereEq(ctx, 'msdyn_journal', '_msdyn_timeentry_value', id, (x) => x.msdyn_isposted !== true)) patch(ctx, 'msdyn_journal', String(j.msdyn_journalid), { msdyn_isposted: true });
  applied(ctx, 'rule.actuals-on-approval');
  patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: EntryStatus.Approved });
  return actuals;
}

/** The actuals of a time entry that no adjustment has touched yet (its current financial impact). */
const liveActuals = (ctx: Ctx, entryId: string): Rec[] => [...whereEq(ctx, 'msdyn_actual', '_msdyn_timeentry_value', entryId, (a) => a.msdyn_adjustmentstatus === null || a.msdyn_adjustmentstatus === undefined)];

/**
 * Cancelling an approval or approving a recall is refused once the time is invoiced or on a draft invoice
 * (approvals/cancelapproval.md and recall-cancel.md, "Important" notes).
 */
function refuseIfInvoiced(ctx: Ctx, entry: Rec, live: readonly Rec[]): void {
  for (const a of live) {
    const invoiced = a.msdyn_billingstatus === BillingStatus.CustomerInvoiceCreated || a.msdyn_billingstatus === BillingStatus.CustomerInvoicePosted || a.msdyn_transactiontypecode === TxType.BilledSales;
    const onDraft = [...whereEq(ctx, 'msdyn_invoicelinetransaction', '_msdyn_sourceactual_value', String(a.msdyn_actualid))].length > 0;
    if (invoiced || onDraft) throw refuse('rule.cancel-recall-not-invoiced', 'work.alreadyInvoiced', { id: String(entry.msdyn_timeentryid) });
  }
}

/**
 * Reverses the financial impact of approved time (approvals/cancelapproval.md and recall-cancel.md, "Financial
 * impact"; actuals/ActualsonTM.md rows "Time approval is canceled" and "…recalled after it's approved"): each
 * original is Adjusted and Canceled, and a reversal with the negated quantity is Unadjustable and Canceled.
 */
function reverseApproved(ctx: Ctx, live: readonly Rec[]): Rec[] {
  const out: Rec[] = [];
  for (const a of live) {
    patch(ctx, 'msdyn_actual', actualId(a), { msdyn_adjustmentstatus: AdjustmentStatus.Adjusted, msdyn_billingstatus: BillingStatus.Canceled });
    const r = reverseActual(ctx, a, { billingStatus: BillingStatus.Canceled, adjustmentStatus: AdjustmentStatus.Unadjustable, skipSync: false });
    connect(ctx, { id: actualId(a), role: Role.Original, type: 'msdyn_actual' }, { id: actualId(r), role: Role.Reversing, type: 'msdyn_actual' }, a._msdyn_company_value);
    out.push(r);
  }
  return out;
}

/**
 * Undoes an approval: from `from`, the actuals reversed, the approval record and the entry moved to their new
 * stage and status. Cancel (cancelapproval.md) and an approved recall (recall-cancel.md) differ only in those.
 */
function undoApproval(ctx: Ctx, id: string, step: { from: number; action: string; stage: number; status: number; rule: 'rule.cancel-approval-reverses' | 'rule.recall-approved-reverses' }): Rec[] {
  const entry = must(ctx, 'msdyn_timeentry', id);
  if (Number(entry.msdyn_entrystatus) !== step.from) refuseTransition(entry, step.action);
  const live = liveActuals(ctx, id);
  refuseIfInvoiced(ctx, entry, live);
  const out = reverseApproved(ctx, live);
  const approval = approvalOf(ctx, id, [ApprovalStage.Approved]);
  if (approval) patch(ctx, 'msdyn_projectapproval', String(approval.msdyn_projectapprovalid), { msdyn_recordstage: step.stage });
  patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: step.status });
  applied(ctx, step.rule);
  return out;
}

/** Cancel approval (approvals/cancelapproval.md): the entry and its approval record go back to Submitted. */
export const cancelTimeEntryApproval = (ctx: Ctx, id: string): Rec[] =>
  undoApproval(ctx, id, { from: EntryStatus.Approved, action: 'cancel', stage: ApprovalStage.Submitted, status: EntryStatus.Submitted, rule: 'rule.cancel-approval-reverses' });

/**
 * Recall (approvals/recall-cancel.md): a submitted entry goes back to Draft at once (convention: the pages give
 * no target status; its approval record and unposted journal go with it); an approved entry becomes Recall
 * Requested, refused when it is already invoiced.
 */
export function recallTimeEntry(ctx: Ctx, id: string): Rec {
  const entry = must(ctx, 'msdyn_timeentry', id);
  const status = Number(entry.msdyn_entrystatus);
  if (status === EntryStatus.Submitted) {
    const approval = approvalOf(ctx, id, [ApprovalStage.Submitted]);
    if (approval) ctx.tx.del('msdyn_projectapproval', String(approval.msdyn_projectapprovalid));
    for (const j of [...whereEq(ctx, 'msdyn_journal', '_msdyn_timeentry_value', id, (x) => x.msdyn_isposted !== true)]) {
      for (const l of [...whereEq(ctx, 'msdyn_journalline', '_msdyn_journal_value', String(j.msdyn_journalid))]) ctx.tx.del('msdyn_journalline', String(l.msdyn_journallineid));
      ctx.tx.del('msdyn_journal', String(j.msdyn_journalid));
    }
    applied(ctx, 'rule.recall-before-approval');
    return patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: EntryStatus.Draft });
  }
  if (status !== EntryStatus.Approved) refuseTransition(entry, 'recall');
  refuseIfInvoiced(ctx, entry, liveActuals(ctx, id));
  return patch(ctx, 'msdyn_timeentry', id, { msdyn_entrystatus: EntryStatus.RecallRequested });
}

/** The approver approves a recall request (approvals/recall-cancel.md): entry Returned, approval record Rejected, actuals reversed. */
export const approveTimeEntryRecall = (ctx: Ctx, id: string): Rec[] =>
  undoApproval(ctx, id, { from: EntryStatus.RecallRequested, action: 'approveRecall', stage: ApprovalStage.Rejected, status: EntryStatus.Returned, rule: 'rule.recall-approved-reverses' });

/**
 * Confirming a project contract (actuals/ActualsonTM.md and ActualonFP.md, row "The contract is confirmed"):
 * the cost and unbilled sales actuals of the approved time on the contract's projects are Adjusted, reversed
 * (Unadjustable, copying the original's other values as recall-cancel.md describes reversals) and created anew
 * from the contract as it is now. Invoiced time keeps its actuals (convention: the pages show uninvoiced time only).
 */
export function confirmContract(ctx: Ctx, contractId: string): Rec[] {
  const contract = must(ctx, 'salesorder', contractId);
  const projects = new Set<string>();
  for (const l of whereEq(ctx, 'salesorderdetail', '_salesorderid_value', String(contract.salesorderid))) if (l._msdyn_project_value) projects.add(String(l._msdyn_project_value));
  const out: Rec[] = [];
  for (const projectId of projects) {
    const project = must(ctx, 'msdyn_project', projectId);
    for (const entry of [...whereEq(ctx, 'msdyn_timeentry', '_msdyn_project_value', projectId, (e) => e.msdyn_entrystatus === EntryStatus.Approved)]) {
      const id = String(entry.msdyn_timeentryid);
      const live = liveActuals(ctx, id).filter((a) => a.msdyn_transactiontypecode === TxType.Cost || a.msdyn_transactiontypecode === TxType.UnbilledSales);
      if (live.length === 0 || live.some((a) => a.msdyn_billingstatus === BillingStatus.CustomerInvoiceCreated || a.msdyn_billingstatus === BillingStatus.CustomerInvoicePosted)) continue;
      for (const a of live) {
        patch(ctx, 'msdyn_actual', actualId(a), { msdyn_adjustmentstatus: AdjustmentStatus.Adjusted });
        const r = reverseActual(ctx, a, { billingStatus: (a.msdyn_billingstatus as number | null | undefined) ?? null, adjustmentStatus: AdjustmentStatus.Unadjustable, skipSync: false });
        connect(ctx, { id: actualId(a), role: Role.Original, type: 'msdyn_actual' }, { id: actualId(r), role: Role.Reversing, type: 'msdyn_actual' }, a._msdyn_company_value);
        out.push(r);
      }
      out.push(...timeActuals(ctx, entry, project, approvalOf(ctx, id, [ApprovalStage.Approved])));
    }
  }
  applied(ctx, 'rule.contract-confirm-reevaluates');
  return out;
}

/**
 * Approving an expense (actuals/actuals-overview.md: approved expense entries create actuals): a cost actual at the
 * entry's amount and, on a time-and-material line that includes expenses, an unbilled sales actual at the category
 * price of the contract's sales price list (expense-pricing.ts). Both carry the transaction class Expense and the
 * expense category's transaction category.
 */
export function approveExpense(ctx: Ctx, id: string): Rec[] {
  const expense = must(ctx, 'msdyn_expense', id);
  if (expense.msdyn_expensestatus === ExpenseStatus.Approved) throw refuse('rule.entry-approved-once', 'work.alreadyApproved', { id });
  const project = must(ctx, 'msdyn_project', String(expense._msdyn_project_value));
  const line = billingLineOf(ctx, String(project.msdyn_projectid), TxClass.Expense);
  const contract = line ? ctx.tx.get('salesorder', String(line._salesorderid_value)) : undefined;
  const prices = expensePrices(ctx, expense, contract);
  const description = expense.msdyn_name ?? expense.msdyn_expensetype;
  const actuals = approveWork(ctx, project, TxClass.Expense, prices.quantity, prices.costPrice, () => prices.salesPrice, description, expense.msdyn_transactiondate, {
    _msdyn_transactioncategory_value: prices.transactionCategory,
  });
  // The price list is the sales side's (the cost actual's price is the entry's).
  for (const a of actuals) if (a.msdyn_transactiontypecode === TxType.UnbilledSales && prices.priceList) patch(ctx, 'msdyn_actual', actualId(a), { _msdyn_pricelist_value: prices.priceList });
  patch(ctx, 'msdyn_expense', id, { msdyn_expensestatus: ExpenseStatus.Approved });
  return actuals.map((a) => ctx.tx.get('msdyn_actual', actualId(a)) ?? a);
}

/**
 * Posting a project journal (e.g. material usage) creates, per line, a cost actual and an unbilled sales actual
 * at the line's sales price (the contract line's price list in Project Operations; here the line carries it).
 */
export function postProjectJournal(ctx: Ctx, id: string): Rec[] {
  const journal = must(ctx, 'msdyn_journal', id);
  if (journal.msdyn_isposted === true) throw refuse('rule.journal-posted-read-only', 'work.journalPosted', { journal: String(journal.msdyn_description) });
  // A time entry's journal is posted by its approval (convention: the pages show no other way).
  if (journal._msdyn_timeentry_value) throw refuse('rule.time-journal-by-approval', 'work.timeJournal', { journal: String(journal.msdyn_description) });
  const lines = [...whereEq(ctx, 'msdyn_journalline', '_msdyn_journal_value', id)];
  if (lines.length === 0) throw refuse('rule.journal-needs-lines', 'work.journalEmpty', { journal: String(journal.msdyn_description) });
  const out: Rec[] = [];
  for (const l of lines) {
    const project = must(ctx, 'msdyn_project', String(l._msdyn_project_value));
    out.push(...approveWork(ctx, project, Number(l.msdyn_transactionclassification), dec(l.msdyn_quantity), l.msdyn_costprice, () => l.msdyn_price ?? l.msdyn_costprice, l.msdyn_description, l.msdyn_documentdate));
  }
  patch(ctx, 'msdyn_journal', id, { msdyn_isposted: true });
  return out;
}
