import type { Ctx } from '../domain/context.js';
import { type Dec, num, round } from '../domain/money.js';

/**
 * Currencies in Dataverse (`transactioncurrency`). A money value is kept to its currency's `currencyprecision`
 * (0–4 decimals; table reference ce/developer/entities/transactioncurrency.md, column CurrencyPrecision). A record
 * without a currency, or a currency without a precision, keeps two decimals (convention: the precision Dataverse
 * gives a new currency by default is the organization's, which the simulator does not model).
 */
export function currencyPlaces(ctx: Ctx, currencyId: unknown): number {
  if (!currencyId) return 2;
  const p = ctx.tx.get('transactioncurrency', String(currencyId))?.currencyprecision;
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 4 ? p : 2;
}

/** A money amount rounded to its currency's precision, as the JSON number the record stores. */
export const moneyIn = (ctx: Ctx, currencyId: unknown, amount: Dec): number => {
  const places = currencyPlaces(ctx, currencyId);
  return num(round(amount, places), places);
};

/**
 * The Dataverse currency of a legal entity's accounting currency (the company's `msdyn_accountingcurrencycode`,
 * filled by the Legal entities map), or undefined when that currency is not in Dataverse.
 */
export function accountingCurrencyId(ctx: Ctx, companyId: unknown): string | undefined {
  const code = companyId ? ctx.tx.get('cdm_company', String(companyId))?.msdyn_accountingcurrencycode : undefined;
  if (!code) return undefined;
  for (const c of ctx.tx.all('transactioncurrency')) if (c.isocurrencycode === code) return String(c.transactioncurrencyid);
  return undefined;
}
