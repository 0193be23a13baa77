import type { Rec } from '../store/types.js';
import { type Ctx, applied, must, patch, refuse, whereEq } from '../domain/context.js';
import { dec, mul } from '../domain/money.js';
import { createActual, type ActualBasis } from './actuals.js';
import { accountingCurrencyId, moneyIn } from './currency.js';
import { billingLineOf, costBasisOf } from './work.js';
import { BillingStatus, BillingType, TxClass, TxType } from './entities.js';

/**
 * Entry journals: material usage and fees recorded as project journal lines, confirmed into actuals
 * (actuals/create-confirm-entry-journals-integrated.md; the simulator's action is msdyn_PostJournal, docs/api.md).
 *
 * - Each line records one actual of its own transaction type and class on its project; the journal's lines
 *   are not linked to one another: no transaction connection between a cost line and an unbilled sales line
 *   ("Actuals created by Entry journal confirmation").
 * - An unbilled sales line finds its contract line from the project and the transaction class ("Project" row of
 *   the field table): the project's time and material contract line that includes the class (work.ts billingLineOf: the
 *   contract line's Include Material / Include Fee columns). Without one, the actual has no contract line customer and is never
 *   invoiced ("Contract line customer" row).
 * - Fee is a sales-only class: on a time and material line it may be unbilled or billed sales, never cost
 *   (actuals/journal-line-improvements.md, "Business rule validation").
 * - After confirmation the journal and its lines can't be changed ("Confirm an Entry journal"; entity-hooks.ts).
 */

function refuseLine(rule: Parameters<typeof refuse>[0], key: string, journal: Rec, line: Rec): never {
  throw refuse(rule, key, { journal: String(journal.msdyn_description ?? journal.msdyn_journalid), line: String(line.msdyn_description ?? line.msdyn_journallineid) });
}

/** The checks of one line before anything is written: a refused line leaves the whole journal unconfirmed. */
function checkLine(journal: Rec, line: Rec): void {
  const type = Number(line.msdyn_transactiontypecode);
  const cls = Number(line.msdyn_transactionclassification);
  if (cls === TxClass.Fee && type === TxType.Cost) refuseLine('rule.journal-fee-sales-only', 'journal.feeCost', journal, line);
  // convention: billed sales come from invoice confirmation here; the other types are not simulated on entry journals.
  if (type !== TxType.Cost && type !== TxType.UnbilledSales) refuseLine('rule.journal-line-types', 'journal.lineType', journal, line);
  // convention: the documented default price of an empty price comes from price lists, which the simulator has not.
  if (line.msdyn_price === null || line.msdyn_price === undefined) refuseLine('rule.journal-line-price', 'journal.linePrice', journal, line);
}

/** The actual of one journal line (create-confirm-entry-journals-integrated.md, "Confirm an Entry journal"). */
function lineActual(ctx: Ctx, line: Rec): Rec {
  const project = must(ctx, 'msdyn_project', String(line._msdyn_project_value));
  if (!project._msdyn_company_value) throw refuse('rule.project-needs-company', 'work.projectWithoutCompany', { project: String(project.msdyn_subject) });
  const type = Number(line.msdyn_transactiontypecode);
  const cls = Number(line.msdyn_transactionclassification);
  const contractLine = type === TxType.UnbilledSales ? billingLineOf(ctx, String(project.msdyn_projectid), cls) : undefined;
  const contract = contractLine ? ctx.tx.get('salesorder', String(contractLine._salesorderid_value)) : undefined;
  const basis: ActualBasis = {
    _msdyn_project_value: project.msdyn_projectid,
    _msdyn_salescontract_value: contract?.salesorderid ?? null,
    _msdyn_salescontractlineid_value: contractLine?.salesorderdetailid ?? null,
    _msdyn_accountcustomer_value: contract?._customerid_value ?? null,
    _msdyn_company_value: project._msdyn_company_value,
    // Sales in the contract's currency; without a contract line, the legal entity's accounting currency.
    _transactioncurrencyid_value: contract?._transactioncurrencyid_value ?? accountingCurrencyId(ctx, project._msdyn_company_value) ?? null,
    msdyn_transactionclassification: cls,
    msdyn_description: line.msdyn_description ?? null,
    msdyn_documentdate: line.msdyn_documentdate ?? null,
  };
  if (type === TxType.Cost) return createActual(ctx, costBasisOf(ctx, basis), { type, quantity: line.msdyn_quantity, price: line.msdyn_price });
  applied(ctx, 'rule.journal-line-by-class');
  const billingType = line.msdyn_billingtype === null || line.msdyn_billingtype === undefined ? BillingType.Chargeable : Number(line.msdyn_billingtype);
  return createActual(ctx, basis, { type, quantity: line.msdyn_quantity, price: line.msdyn_price, billingType, billingStatus: BillingStatus.UnbilledSalesCreated });
}

/**
 * Confirms (posts) an entry journal: one actual per line, then the journal is posted. A time entry's journal is
 * posted by its approval (work.ts).
 */
export function confirmEntryJournal(ctx: Ctx, id: string): Rec[] {
  const journal = must(ctx, 'msdyn_journal', id);
  const name = String(journal.msdyn_description ?? id);
  if (journal.msdyn_isposted === true) throw refuse('rule.journal-confirmed-read-only', 'journal.confirmed', { journal: name });
  if (journal._msdyn_timeentry_value) throw refuse('rule.time-journal-by-approval', 'work.timeJournal', { journal: name });
  const lines = [...whereEq(ctx, 'msdyn_journalline', '_msdyn_journal_value', id)];
  if (lines.length === 0) throw refuse('rule.journal-needs-lines', 'work.journalEmpty', { journal: name });
  for (const l of lines) checkLine(journal, l);
  const out: Rec[] = [];
  for (const l of lines) {
    const actual = lineActual(ctx, l);
    patch(ctx, 'msdyn_journalline', String(l.msdyn_journallineid), { msdyn_amount: moneyIn(ctx, actual._transactioncurrencyid_value, mul(dec(l.msdyn_quantity), dec(l.msdyn_price))) });
    out.push(actual);
  }
  applied(ctx, 'rule.journal-line-actuals');
  patch(ctx, 'msdyn_journal', id, { msdyn_isposted: true });
  return out;
}
