import type { Rec } from '../store/types.js';
import { type Ctx, insert, today } from '../domain/context.js';
import { dec, mul, num, neg } from '../domain/money.js';
import { AdjustmentStatus, BillingType, TxType } from './entities.js';
import { moneyIn } from './currency.js';

/** The fields an actual copies from its origin (contract, project, company, currency, customer). */
export interface ActualBasis {
  readonly _msdyn_project_value: unknown;
  /** The time entry an actual comes from (ours: msdyn_timeentry is not a documented column of msdyn_actual). */
  readonly _msdyn_timeentry_value?: unknown;
  readonly _msdyn_salescontract_value?: unknown;
  readonly _msdyn_salescontractlineid_value?: unknown;
  readonly _msdyn_contractlinescheduleofvalue_value?: unknown;
  readonly _msdyn_accountcustomer_value?: unknown;
  readonly _msdyn_company_value: unknown;
  readonly _transactioncurrencyid_value?: unknown;
  readonly msdyn_transactionclassification: number;
  readonly msdyn_description?: unknown;
  readonly msdyn_documentdate?: unknown;
  /** An expense's transaction category and the sales price list its price came from (…/msdyn_actual.md). */
  readonly _msdyn_transactioncategory_value?: unknown;
  readonly _msdyn_pricelist_value?: unknown;
}

export interface ActualLine {
  readonly type: number;
  readonly quantity: unknown;
  readonly price: unknown;
  readonly billingType?: number;
  readonly billingStatus?: number | null;
  readonly adjustmentStatus?: number | null;
  readonly invoiceId?: string | null;
  readonly skipSync?: boolean;
}

export const BASIS_FIELDS = [
  '_msdyn_project_value', '_msdyn_salescontract_value', '_msdyn_salescontractlineid_value', '_msdyn_contractlinescheduleofvalue_value',
  '_msdyn_accountcustomer_value', '_msdyn_company_value', '_transactioncurrencyid_value', 'msdyn_transactionclassification', 'msdyn_description', 'msdyn_documentdate',
  '_msdyn_timeentry_value', '_msdyn_transactioncategory_value', '_msdyn_pricelist_value',
] as const;

export function basisOf(actual: Rec): ActualBasis {
  const b: Record<string, unknown> = {};
  for (const f of BASIS_FIELDS) b[f] = actual[f] ?? null;
  return b as unknown as ActualBasis;
}

/** Creates one msdyn_actual. Amount = quantity × price, rounded to its currency's precision (currency.ts). */
export function createActual(ctx: Ctx, basis: ActualBasis, line: ActualLine): Rec {
  const id = ctx.newId();
  const qty = dec(line.quantity);
  const price = dec(line.price);
  return insert(ctx, 'msdyn_actual', id, {
    msdyn_actualid: id,
    ...basis,
    msdyn_documentdate: basis.msdyn_documentdate ?? today(ctx),
    msdyn_accountingdate: today(ctx),
    msdyn_transactiontypecode: line.type,
    msdyn_quantity: num(qty, 4),
    msdyn_price: num(price, 4),
    msdyn_amount: moneyIn(ctx, basis._transactioncurrencyid_value, mul(qty, price)),
    msdyn_billingtype: line.type === TxType.Cost ? null : (line.billingType ?? BillingType.Chargeable),
    msdyn_billingstatus: line.billingStatus ?? null,
    msdyn_adjustmentstatus: line.adjustmentStatus ?? null,
    _msdyn_invoice_value: line.invoiceId ?? null,
    msdyn_isjournalized: false,
    msdyn_skipsync: line.skipSync ?? false,
    msdyn_externaldescription: null,
    msdyn_vouchernumber: null,
    msdyn_accountingcurrencyamount: null,
    msdyn_exchangerate: null,
    msdyn_salestaxamount: null,
  });
}

/** The reversal of an actual: same basis, negative quantity. */
export function reverseActual(ctx: Ctx, original: Rec, opts: { billingStatus?: number | null; adjustmentStatus?: number | null; invoiceId?: string | null; skipSync: boolean }): Rec {
  return createActual(ctx, basisOf(original), {
    type: Number(original.msdyn_transactiontypecode),
    quantity: neg(dec(original.msdyn_quantity)),
    price: original.msdyn_price,
    billingType: Number(original.msdyn_billingtype ?? BillingType.Chargeable),
    billingStatus: opts.billingStatus ?? null,
    adjustmentStatus: opts.adjustmentStatus === undefined ? AdjustmentStatus.Unadjustable : opts.adjustmentStatus,
    invoiceId: opts.invoiceId ?? (original._msdyn_invoice_value as string | null) ?? null,
    skipSync: opts.skipSync,
  });
}

/** Links two transactions (domain.md §2.4). */
export function connect(ctx: Ctx, one: { id: string; role: string; type: string }, two: { id: string; role: string; type: string }, companyId: unknown): Rec {
  const id = ctx.newId();
  return insert(ctx, 'msdyn_transactionconnection', id, {
    msdyn_transactionconnectionid: id,
    msdyn_name: `${one.role} ↔ ${two.role}`,
    msdyn_transaction1: one.id, msdyn_transaction1role: one.role, msdyn_transaction1type: one.type,
    msdyn_transaction2: two.id, msdyn_transaction2role: two.role, msdyn_transaction2type: two.type,
    _msdyn_company_value: companyId ?? null,
  });
}

export const actualId = (a: Rec): string => String(a.msdyn_actualid);
