import { findBy, type Rec } from '../store/types.js';
import { type Ctx, applied, patch } from '../domain/context.js';
import { type Dec, dec, div, mul, roundTo } from '../domain/money.js';
import { ProposalStatus, STAGING, numberedLines } from './entities.js';
import { PROJECT_CATEGORY_TYPES, TAX_ROUND_OFF_TYPES, type TaxRoundOffType } from './tax-entities.js';
import { Finance } from '../errors/finance.js';

/**
 * Sales tax as Finance computes it (issue 14 part 4).
 * - A line is taxed by the sales tax codes that are in both its sales tax group and its item sales tax group
 *   (unified-operations finance/general-ledger/indirect-taxes-overview.md, "Sales tax on transactions").
 * - A code's rate is its value valid at the invoice date (TaxCodeValue FromDate/ToDate).
 * - Rounding: per line and per code (calculation method Line, rounding by Tax code), to the code's rounding precision
 *   with its method (finance/localizations/global/tax-calculation-rounding-rules.md), then to the currency's rule.
 * - Defaults on the proposal lines: the billing sales tax group from the customer, the item sales tax group from
 *   the project category of the line's transaction type (format-update-project-invoice-proposals.md, "Billing sales tax").
 */

const HUNDRED = dec(100);
const CENT = dec('0.01');

/** The codes of one group's detail table (`SalesTaxGroupDetail` by TaxGroupId, `ItemSalesTaxGroupDetail` by TaxItemGroupCode). */
function codesOf(ctx: Ctx, table: 'SalesTaxGroupDetail' | 'ItemSalesTaxGroupDetail', company: string, group: string): Map<string, boolean> {
  const column = table === 'SalesTaxGroupDetail' ? 'TaxGroupId' : 'TaxItemGroupCode';
  const out = new Map<string, boolean>();
  for (const r of findBy(ctx.tx, table, column, group)) {
    if (r.dataAreaId === company) out.set(String(r.TaxCodeId), r.ExemptTax === true);
  }
  return out;
}

export interface LineTaxGroups {
  readonly salesTaxGroup: string | null;
  readonly itemSalesTaxGroup: string | null;
}

/** The codes that apply to a line: those in both groups; a code exempt in either group is charged at 0. */
export function applicableCodes(ctx: Ctx, company: string, groups: LineTaxGroups): { code: string; exempt: boolean }[] {
  if (!groups.salesTaxGroup || !groups.itemSalesTaxGroup) return [];
  const party = codesOf(ctx, 'SalesTaxGroupDetail', company, groups.salesTaxGroup);
  const item = codesOf(ctx, 'ItemSalesTaxGroupDetail', company, groups.itemSalesTaxGroup);
  const out: { code: string; exempt: boolean }[] = [];
  for (const [code, exempt] of party) if (item.has(code)) out.push({ code, exempt: exempt || item.get(code) === true });
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The code's rate (percent) valid at `date`, or the refusal of posting without one. */
export function taxValue(ctx: Ctx, company: string, code: string, date: string): Dec {
  const day = date.slice(0, 10);
  let best: Rec | undefined;
  for (const v of findBy(ctx.tx, 'SalesTaxCodeValue', 'TaxCodeId', code)) {
    if (v.dataAreaId !== company) continue;
    const from = String(v.FromDate ?? '').slice(0, 10);
    const to = String(v.ToDate ?? '').slice(0, 10);
    if (from > day || (to !== '' && day > to)) continue;
    if (!best || from > String(best.FromDate ?? '').slice(0, 10)) best = v;
  }
  if (!best) throw Finance.refusal('rule.tax-value-required', 'NoSalesTaxValue', 'finance.noTaxValue', { code, date: day, company });
  applied(ctx, 'rule.tax-value-by-date');
  return dec(best.Value);
}

/** Rounds to a multiple of `step` by the code's method (Normal: half away from zero; Downward/RoundingUp: toward/away from zero). */
export function roundTax(amount: Dec, step: Dec, method: TaxRoundOffType): Dec {
  if (method === 'Normal') return roundTo(amount, step);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  let q = abs / step;
  if (method === 'RoundingUp' && q * step !== abs) q += 1n;
  const r = q * step;
  return negative ? -r : r;
}

/** The sales tax of one line: the sum over its applicable codes, each rounded per code, then to the currency's step. */
export function lineSalesTax(ctx: Ctx, company: string, amount: Dec, groups: LineTaxGroups, date: string, currencyStep: Dec = CENT): Dec {
  let total = 0n;
  for (const { code, exempt } of applicableCodes(ctx, company, groups)) {
    const rec = ctx.tx.get('SalesTaxCode', `${company}|${code}`);
    const value = taxValue(ctx, company, code, date);
    if (exempt) continue;
    const precision = dec(rec?.TaxRoundOff ?? 0);
    const method = (TAX_ROUND_OFF_TYPES as readonly string[]).includes(String(rec?.TaxRoundOffType)) ? (String(rec?.TaxRoundOffType) as TaxRoundOffType) : 'Normal';
    const tax = roundTax(div(mul(amount, value), HUNDRED), precision > 0n ? precision : currencyStep, method);
    total += roundTo(tax, currencyStep);
    applied(ctx, 'rule.tax-rounding');
  }
  applied(ctx, 'rule.tax-intersection');
  return total;
}

/** Transaction classification of a staging row → ProjCategory transaction type (ours: the names the two sides use). */
const CATEGORY_TYPE: Readonly<Record<string, string>> = { Time: 'Hour', Expense: 'Expense', Material: 'Item', Fee: 'Fee' };

/**
 * The default groups of a new proposal line: the billing sales tax group of the proposal (from its customer); the
 * item sales tax group of a milestone from the parameter "Fixed price milestone item sales tax group"
 * (ProjParameters.TaxItemGroupOnAcc), of other lines from the project category of the line's transaction type.
 * Convention: the simulator's actuals carry no project category, so a line takes the legal entity's first project
 * category (by id) of its transaction type.
 */
export function defaultLineGroups(ctx: Ctx, company: string, header: Rec, classification: unknown): LineTaxGroups {
  const salesTaxGroup = header.SalesTaxGroup ? String(header.SalesTaxGroup) : customerTaxGroup(ctx, company, header.CustomerAccount);
  const type = CATEGORY_TYPE[String(classification ?? 'Time')];
  let itemSalesTaxGroup: string | null = null;
  if (classification === 'Milestone') {
    const onAccount = ctx.tx.get('ProjectParameter', company)?.TaxItemGroupOnAcc;
    itemSalesTaxGroup = onAccount ? String(onAccount) : null;
  } else if (type) {
    const categories = [...findBy(ctx.tx, 'ProjectCategory', 'TransactionType', type)]
      .filter((c) => c.dataAreaId === company && c.ItemSalesTaxGroup)
      .sort((a, b) => (String(a.Category) < String(b.Category) ? -1 : 1));
    if (categories[0]) {
      itemSalesTaxGroup = String(categories[0].ItemSalesTaxGroup);
      applied(ctx, 'rule.tax-category-of-type');
    }
  }
  if (salesTaxGroup || itemSalesTaxGroup) applied(ctx, 'rule.tax-group-defaults');
  return { salesTaxGroup, itemSalesTaxGroup };
}

/** The customer's sales tax group (CustomersV3.SalesTaxGroup), the billing sales tax group by the method "Customer". */
export function customerTaxGroup(ctx: Ctx, company: string, account: unknown): string | null {
  if (!account) return null;
  const group = ctx.tx.get('Customer', `${company}|${String(account)}`)?.SalesTaxGroup;
  return group ? String(group) : null;
}

/** Writes of the tax setup: the enumerations are checked, references to groups must exist (Finance's table relations). */
export function checkTaxWrite(ctx: Ctx, entity: string, company: string, values: Readonly<Record<string, unknown>>): void {
  const refuseValue = (property: string, value: unknown, allowed: readonly string[]): never => {
    throw Finance.badRequest('finance.taxValueNotAllowed', { property, value: String(value).slice(0, 40), values: allowed.join(', ') });
  };
  if (entity === 'SalesTaxCode' && values.TaxRoundOffType !== undefined && values.TaxRoundOffType !== null && !(TAX_ROUND_OFF_TYPES as readonly string[]).includes(String(values.TaxRoundOffType))) {
    refuseValue('TaxRoundOffType', values.TaxRoundOffType, TAX_ROUND_OFF_TYPES);
  }
  if (entity === 'ProjectCategory' && values.TransactionType !== undefined && values.TransactionType !== null && !(PROJECT_CATEGORY_TYPES as readonly string[]).includes(String(values.TransactionType))) {
    refuseValue('TransactionType', values.TransactionType, PROJECT_CATEGORY_TYPES);
  }
  const mustExist = (property: string, table: string): void => {
    const v = values[property];
    if (v === undefined || v === null || v === '') return;
    if (!ctx.tx.get(table, `${company}|${String(v)}`)) throw Finance.badRequest('finance.taxGroupUnknown', { property, value: String(v).slice(0, 40), company });
  };
  if (entity === 'SalesTaxCodeValue') mustExist('TaxCodeId', 'SalesTaxCode');
  if (entity === 'SalesTaxGroupDetail') { mustExist('TaxGroupId', 'SalesTaxGroup'); mustExist('TaxCodeId', 'SalesTaxCode'); }
  if (entity === 'ItemSalesTaxGroupDetail') { mustExist('TaxItemGroupCode', 'ItemSalesTaxGroup'); mustExist('TaxCodeId', 'SalesTaxCode'); }
  if (entity === 'Customer' || entity === 'ProjectInvoiceProposal' || entity === 'ProjectInvoiceProposalLine') mustExist('SalesTaxGroup', 'SalesTaxGroup');
  if (entity === 'ProjectCategory' || entity === 'ProjectInvoiceProposalLine') mustExist('ItemSalesTaxGroup', 'ItemSalesTaxGroup');
  if (entity === 'ProjectParameter') mustExist('TaxItemGroupOnAcc', 'ItemSalesTaxGroup');
}

/** The accountant's change of a line's groups (correct-project-invoice-proposals.md, "Adjust sales tax"): open proposals only. */
export function checkLineGroupChange(ctx: Ctx, line: Rec): void {
  const proposal = ctx.tx.get('ProjectInvoiceProposal', `${String(line.dataAreaId)}|${String(line.ProposalId)}`);
  if (proposal?.Status === ProposalStatus.Posted) throw Finance.refusal('rule.proposal-posted-once', 'ProposalPosted', 'finance.proposalPosted', { proposal: String(line.ProposalId) });
  applied(ctx, 'rule.tax-adjust-groups');
}

/**
 * Delete all (correct-project-invoice-proposals.md, "Line dimensions"): removes the lines of an open proposal and
 * returns their billed sales rows to the staging table unprocessed, so the next Import from staging table creates
 * the lines again, with the defaults of that moment.
 */
export function deleteAllLines(ctx: Ctx, dataAreaId: string, proposalId: string): Rec {
  const id = `${dataAreaId}|${proposalId}`;
  const proposal = ctx.tx.get('ProjectInvoiceProposal', id);
  if (!proposal) throw Finance.notFound('ProjectInvoiceProposals', id);
  if (proposal.Status === ProposalStatus.Posted) throw Finance.refusal('rule.proposal-posted-once', 'ProposalPosted', 'finance.proposalPosted', { proposal: proposalId });
  for (const line of numberedLines(ctx.tx, 'ProjectInvoiceProposalLine', id)) {
    const stagingId = `${dataAreaId}|${String(line.ActualsImportId ?? line.ActualId)}`;
    if (ctx.tx.get(STAGING, stagingId)) patch(ctx, STAGING, stagingId, { IsProcessed: false, InvoiceProposalId: null, InvoiceProposalLineTransId: null });
    ctx.tx.del('ProjectInvoiceProposalLine', `${id}|${String(line.LineNum)}`);
  }
  applied(ctx, 'rule.tax-delete-all-reimport');
  return patch(ctx, 'ProjectInvoiceProposal', id, { LineCount: 0, InvoiceAmount: 0, SalesTaxAmount: 0 });
}
