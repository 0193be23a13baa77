import type { Rec } from '../store/types.js';
import { type Ctx, applied, whereEq } from '../domain/context.js';
import { type Dec, dec, div, mul, round } from '../domain/money.js';
import { PriceCalculation } from './entities.js';

/**
 * The prices of an approved expense (issue 14, part 1).
 * - Cost: the expense entry's amount (psa/FAQ-zero-price-expense-cost-actuals.md: an entry without an amount gives a
 *   zero cost rate). Convention (rule.expense-quantity): the quantity is ours (`msdyn_quantity`, default 1; the
 *   2019 table reference has no quantity column) and the cost price per unit is the amount divided by it.
 * - Sales: the category price of the expense's transaction category on the contract's sales price list
 *   (pricing-costing/set-up-cost-sales-rates-expenses.md, "Pricing methods for expenses"; psa/FAQ-zero-price-expense-
 *   sales-actuals.md, checks 1 to 3): Price per unit → the price; At cost → the entry's price; Markup percentage →
 *   the entry's price plus the percent. No price list valid on the date, or no row for the category: price 0.
 */
export interface ExpensePrices {
  readonly quantity: Dec;
  readonly costPrice: Dec;
  /** The sales price per unit, 0 when no category price applies. */
  readonly salesPrice: Dec;
  /** The expense category's transaction category (msdyn_expensecategory.msdyn_expensecategoryuid), if any. */
  readonly transactionCategory: string | null;
  /** The sales price list the price came from, if one applied. */
  readonly priceList: string | null;
}

/** The transaction category of an expense: its expense category's `msdyn_expensecategoryuid`. */
export function transactionCategoryOf(ctx: Ctx, expense: Rec): string | null {
  const category = expense._msdyn_expensecategory_value ? ctx.tx.get('msdyn_expensecategory', String(expense._msdyn_expensecategory_value)) : undefined;
  const tc = category?._msdyn_expensecategoryuid_value;
  return tc ? String(tc) : null;
}

/**
 * The contract's sales price list if it applies on the date: begin and end date, where set, enclose it
 * (FAQ-zero-price-expense-sales-actuals.md, check 2). Convention (rule.contract-price-list-header): the price list of
 * the contract header (`salesorder.pricelevelid`) is the contract's project price list; the grid of several price
 * lists by date is not simulated.
 */
export function salesPriceListOf(ctx: Ctx, contract: Rec | undefined, date: string): Rec | undefined {
  const id = contract?._pricelevelid_value;
  if (!id) return undefined;
  const list = ctx.tx.get('pricelevel', String(id));
  if (!list) return undefined;
  const begin = list.begindate ? String(list.begindate).slice(0, 10) : undefined;
  const end = list.enddate ? String(list.enddate).slice(0, 10) : undefined;
  if ((begin && date < begin) || (end && date > end)) {
    applied(ctx, 'rule.expense-price-list-by-date');
    return undefined;
  }
  return list;
}

/** The active category price of a transaction category on a price list (msdyn_transactioncategorypricelevel). */
export function categoryPriceOf(ctx: Ctx, priceListId: string, transactionCategory: string): Rec | undefined {
  for (const p of whereEq(ctx, 'msdyn_transactioncategorypricelevel', '_msdyn_pricelist_value', priceListId, (x) => x._msdyn_transactioncategory_value === transactionCategory && (x.statecode ?? 0) === 0)) return p;
  return undefined;
}

export function expensePrices(ctx: Ctx, expense: Rec, contract: Rec | undefined): ExpensePrices {
  const quantity = expense.msdyn_quantity === null || expense.msdyn_quantity === undefined ? dec(1) : dec(expense.msdyn_quantity);
  if (expense.msdyn_quantity !== null && expense.msdyn_quantity !== undefined) applied(ctx, 'rule.expense-quantity');
  // Four decimals: the precision of msdyn_actual.msdyn_price (the amount is quantity × price, rounded by the currency).
  const costPrice = quantity === 0n ? 0n : round(div(dec(expense.msdyn_amount), quantity), 4);
  applied(ctx, 'rule.expense-cost-from-entry');
  const transactionCategory = transactionCategoryOf(ctx, expense);
  const date = String(expense.msdyn_transactiondate ?? ctx.now).slice(0, 10);
  const list = contract ? salesPriceListOf(ctx, contract, date) : undefined;
  const row = list && transactionCategory ? categoryPriceOf(ctx, String(list.pricelevelid), transactionCategory) : undefined;
  const base = { quantity, costPrice, transactionCategory, priceList: list ? String(list.pricelevelid) : null };
  if (!row) {
    applied(ctx, 'rule.expense-no-category-price-zero');
    return { ...base, salesPrice: 0n };
  }
  switch (Number(row.msdyn_pricecalculation)) {
    case PriceCalculation.PricePerUnit:
      applied(ctx, 'rule.expense-price-per-unit');
      return { ...base, salesPrice: dec(row.msdyn_price) };
    case PriceCalculation.AtCost:
      applied(ctx, 'rule.expense-at-cost');
      return { ...base, salesPrice: costPrice };
    case PriceCalculation.MarkupPercentage:
      applied(ctx, 'rule.expense-markup-over-cost');
      return { ...base, salesPrice: round(costPrice + mul(costPrice, div(dec(row.msdyn_percent), dec(100))), 4) };
    default:
      // msdyn_pricecalculation is required (ApplicationRequired); a row without one gives no valid price (FAQ check 3).
      applied(ctx, 'rule.expense-no-category-price-zero');
      return { ...base, salesPrice: 0n };
  }
}
