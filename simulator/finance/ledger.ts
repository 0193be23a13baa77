import type { Rec } from '../store/types.js';
import { type Ctx, insert, nextNumber, pad } from '../domain/context.js';
import { type Dec, dec, div, mul, num, roundTo } from '../domain/money.js';
import { numberedLines } from './entities.js';
import { Finance } from '../errors/finance.js';

/**
 * The general ledger side of the project invoice integration: posting types and their main accounts, exchange
 * rates and vouchers (sales tax: tax.ts). Sign convention of a voucher line (as in F&O's general journal): a positive
 * amount is a debit, a negative amount a credit; the AmountMST of a voucher's lines sums to zero.
 */
export const PostingType = {
  ProjectCost: 'ProjectCost',
  ProjectPayrollAllocation: 'ProjectPayrollAllocation',
  ProjectWIPSalesValue: 'ProjectWIPSalesValue',
  ProjectAccruedRevenue: 'ProjectAccruedRevenue',
  ProjectInvoicedRevenue: 'ProjectInvoicedRevenue',
  CustomerBalance: 'CustomerBalance',
  SalesTax: 'SalesTax',
} as const;
export type PostingTypeName = (typeof PostingType)[keyof typeof PostingType];

/** Main accounts of the posting types (the account numbers of domain.md §2.5 "Posting result"). */
export const MainAccount: Readonly<Record<PostingTypeName, { readonly account: string; readonly name: string }>> = {
  ProjectCost: { account: '510100', name: 'Project - cost' },
  ProjectPayrollAllocation: { account: '605100', name: 'Project - payroll allocation' },
  ProjectWIPSalesValue: { account: '161300', name: 'Project - WIP - sales value' },
  ProjectAccruedRevenue: { account: '420200', name: 'Project - accrued revenue' },
  ProjectInvoicedRevenue: { account: '411100', name: 'Project - invoiced revenue' },
  CustomerBalance: { account: '130100', name: 'Customer balance' },
  SalesTax: { account: '222200', name: 'Sales tax payable' },
};

const ONE = dec(1);

/** The legal entity, or a Finance refusal naming the unknown company. */
export function legalEntity(ctx: Ctx, dataAreaId: string): Rec {
  const le = ctx.tx.get('LegalEntity', dataAreaId);
  if (!le) throw Finance.refusal('rule.legal-entity-boundary', 'UnknownCompany', 'finance.unknownCompany', { company: dataAreaId });
  return le;
}

export const accountingCurrency = (le: Rec): string => String(le.AccountingCurrency ?? '');

/** Looks up exchange rates: the rate valid at the date; 1 between equal currencies; undefined when none is. */
export type RateLookup = (from: string, to: string, date: string) => Dec | undefined;

/**
 * The exchange rate type the ledger converts with. Finance lets each ledger name its accounting currency exchange
 * rate type; the simulator's legal entities have no ledger setup, so all use this one (convention, docs/api.md).
 */
export const DEFAULT_RATE_TYPE = 'Default';

/** Units of the from-currency a rate is quoted for (`ConversionFactor`; the values public clients and F&O code use). */
export const CONVERSION_FACTORS: Readonly<Record<string, Dec>> = { One: dec(1), Hundred: dec(100) };

/**
 * Reads the `ExchangeRate` records of the ledger's rate type once and answers lookups from memory (a process run
 * calls it per row). A rate is valid from its `StartDate` through its `EndDate` (open when empty); of several, the
 * latest start wins. It converts by multiplication: amount in `to` = amount in `from` × Rate / ConversionFactor.
 */
export function rateLookup(ctx: Ctx): RateLookup {
  const byPair = new Map<string, { start: string; end: string; rate: Dec }[]>();
  for (const r of ctx.tx.all('ExchangeRate')) {
    if (String(r.RateTypeName ?? '') !== DEFAULT_RATE_TYPE) continue;
    const name = String(r.ConversionFactor ?? 'One');
    if (!Object.hasOwn(CONVERSION_FACTORS, name)) continue; // refused on write (records.ts); never stored
    const factor = CONVERSION_FACTORS[name] as Dec;
    const k = `${String(r.FromCurrency)}|${String(r.ToCurrency)}`;
    let list = byPair.get(k);
    if (!list) byPair.set(k, (list = []));
    list.push({ start: String(r.StartDate ?? '').slice(0, 10), end: String(r.EndDate ?? '').slice(0, 10), rate: div(dec(r.Rate), factor) });
  }
  for (const list of byPair.values()) list.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0)); // latest first
  return (from, to, date) => {
    if (from === to) return ONE;
    const day = date.slice(0, 10);
    return byPair.get(`${from}|${to}`)?.find((r) => r.start <= day && (r.end === '' || day <= r.end))?.rate;
  };
}

/** The rate, or the refusal of posting without one. */
export function requireRate(rates: RateLookup, from: string, to: string, date: string): Dec {
  const rate = rates(from, to, date);
  if (rate === undefined) throw Finance.refusal('rule.exchange-rate-required', 'NoExchangeRate', 'finance.noExchangeRate', { from, to, date: date.slice(0, 10) });
  return rate;
}

const CENT = dec('0.01');

/**
 * The rounding step of each currency: its `GeneralRoundingRule` on Currencies (the currency's rounding precision,
 * CDM CurrencyEntity); a currency without one, or with 0 (not set), rounds to cents (convention: the two decimals
 * of Finance's amount type). Read once per process run.
 */
export type Rounding = (currency: string) => Dec;
export function roundingOf(ctx: Ctx): Rounding {
  const steps = new Map<string, Dec>();
  return (currency) => {
    let step = steps.get(currency);
    if (step === undefined) {
      const rule = dec(ctx.tx.get('Currency', currency)?.GeneralRoundingRule ?? 0);
      step = rule > 0n ? rule : CENT;
      steps.set(currency, step);
    }
    return step;
  };
}

/** Amount in accounting currency: amount × rate, rounded to the accounting currency's step. */
export const toMST = (amountCur: Dec, rate: Dec, step: Dec = CENT): Dec => roundTo(mul(amountCur, rate), step);


/** Rate as stored on records (JSON number, exact to our scale). */
export const rateNumber = (rate: Dec): number => num(rate, 10);

/** A new voucher number of the company: `PRJ-000001`. */
export const newVoucher = (ctx: Ctx, dataAreaId: string): string => `PRJ-${pad(nextNumber(ctx, `voucher:${dataAreaId}`), 6)}`;

export interface VoucherLine {
  readonly postingType: PostingTypeName;
  readonly amountCur: Dec;
  readonly currency: string;
  readonly amountMST: Dec;
  readonly date: string;
  readonly text: string;
}

/**
 * Collects the lines of one voucher and writes them as `LedgerVoucher` records. `balance` adds the line that
 * takes the remainder in accounting currency (the customer balance of an invoice), so per-line rounding never
 * leaves a voucher unbalanced.
 */
export class VoucherBuilder {
  readonly lines: VoucherLine[] = [];

  constructor(readonly dataAreaId: string, readonly voucher: string) {}

  /** Debit (positive) or credit (negative); zero lines are left out. */
  add(postingType: PostingTypeName, amountCur: Dec, currency: string, amountMST: Dec, date: string, text: string): void {
    if (amountCur === 0n && amountMST === 0n) return;
    this.lines.push({ postingType, amountCur, currency, amountMST, date, text });
  }

  /** Debit and credit of the same amount (both sides in accounting currency identical). */
  pair(debit: PostingTypeName, credit: PostingTypeName, amountCur: Dec, currency: string, amountMST: Dec, date: string, text: string): void {
    this.add(debit, amountCur, currency, amountMST, date, text);
    this.add(credit, -amountCur, currency, -amountMST, date, text);
  }

  totalMST(): Dec {
    let t = 0n;
    for (const l of this.lines) t += l.amountMST;
    return t;
  }

  /** Adds a line whose AmountMST brings the voucher to zero; returns that amount. */
  balance(postingType: PostingTypeName, amountCur: Dec, currency: string, date: string, text: string): Dec {
    const mst = -this.totalMST();
    this.add(postingType, amountCur, currency, mst, date, text);
    return mst;
  }

  /** Writes the lines; a voucher that does not balance is a bug of the simulator, not a user error. */
  write(ctx: Ctx): Rec[] {
    if (this.totalMST() !== 0n) throw new Error(`voucher ${this.voucher} does not balance: ${this.totalMST()}`);
    return this.lines.map((l, i) => {
      const LineNum = i + 1;
      return insert(ctx, 'LedgerVoucher', `${this.dataAreaId}|${this.voucher}|${LineNum}`, {
        dataAreaId: this.dataAreaId, Voucher: this.voucher, LineNum, AccountingDate: l.date.slice(0, 10),
        MainAccount: MainAccount[l.postingType].account, PostingType: l.postingType,
        AmountCur: num(l.amountCur), CurrencyCode: l.currency, AmountMST: num(l.amountMST), Text: l.text,
      });
    });
  }
}

/** The lines of a posted voucher, in order (for checks and tests). */
export const voucherLines = (ctx: Ctx, dataAreaId: string, voucher: string): Rec[] => numberedLines(ctx.tx, 'LedgerVoucher', `${dataAreaId}|${voucher}`);

/** Whether a line property is invoiced (its `ToBeInvoiced`; without the record: only Chargeable is). */
export function lineInvoiced(ctx: Ctx, dataAreaId: string, lineProperty: unknown): boolean {
  const lp = ctx.tx.get('ProjectLineProperty', `${dataAreaId}|${String(lineProperty ?? 'NotSpecified')}`);
  if (lp && typeof lp.ToBeInvoiced === 'boolean') return lp.ToBeInvoiced;
  return lineProperty === 'Chargeable';
}
