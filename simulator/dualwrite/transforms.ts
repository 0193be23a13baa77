import { findBy, type Rec, type ReadView } from '../store/types.js';
import type { ValueMapTransform } from './maps.js';
import { AdjustmentStatus, BillingStatus, BillingType, InvoiceStatus, TxClass, TxType } from '../dataverse/entities.js';

/**
 * Value transforms a table map's field pair can name. `out` runs in the direction of the map's source to its
 * target; lookups resolve through the source side's records (Dataverse GUID → Finance natural key) or back.
 */
export interface Transform {
  toFinance?(value: unknown, db: ReadView): unknown;
  toDataverse?(value: unknown, db: ReadView): unknown;
}

/** Performance: through the store's index (a scan grew with the table: one invoice more per invoice flow). */
const byField = (db: ReadView, table: string, field: string, value: unknown): Rec | undefined => {
  for (const r of findBy(db, table, field, value)) return r;
  return undefined;
};

const lookupTo = (table: string, field: string): Transform => ({
  toFinance: (v, db) => (v ? (db.get(table, String(v))?.[field] ?? null) : null),
  toDataverse: (v, db) => (v ? (byField(db, table, field, v)?.[`${table}id`] ?? null) : null),
});

/** The contract of a contract line (salesorderdetail → salesorder). */
const contractOf = (db: ReadView, line: unknown): Rec | undefined => {
  const l = line ? db.get('salesorderdetail', String(line)) : undefined;
  return l?._salesorderid_value ? db.get('salesorder', String(l._salesorderid_value)) : undefined;
};

/** A value of the contract of a contract line, through a lookup of the contract (one way: Dataverse → Finance). */
const viaContract = (field: string, table: string, key: string): Transform => ({
  toFinance: (v, db) => {
    const ref = contractOf(db, v)?.[field];
    return ref ? (db.get(table, String(ref))?.[key] ?? null) : null;
  },
});

/** Enum names on the Finance side (ProjCDSActualsImport carries enum names, not Dataverse integers). */
const optionNames = (values: Record<string, number>): Transform => {
  const byValue = new Map(Object.entries(values).map(([k, v]) => [v, k]));
  return {
    toFinance: (v) => (v === null || v === undefined ? null : (byValue.get(Number(v)) ?? null)),
    toDataverse: (v) => (v === null || v === undefined ? null : ((values as Record<string, number>)[String(v)] ?? null)),
  };
};

/** Billing type ↔ Finance line property (resource-configure-integration-per-legal-entity.md). */
const LINE_PROPERTY: Record<number, string> = {
  [BillingType.Chargeable]: 'Chargeable',
  [BillingType.NonChargeable]: 'NonChargeable',
  [BillingType.Complimentary]: 'Complimentary',
  [BillingType.NotAvailable]: 'NotAvailable',
};

export const transforms: Readonly<Record<string, Transform>> = {
  company: lookupTo('cdm_company', 'cdm_companycode'),
  account: lookupTo('account', 'accountnumber'),
  contract: lookupTo('salesorder', 'ordernumber'),
  contractLine: lookupTo('salesorderdetail', 'productdescription'),
  project: lookupTo('msdyn_project', 'msdyn_projectnumber'),
  currency: lookupTo('transactioncurrency', 'isocurrencycode'),
  invoiceNumber: lookupTo('invoice', 'invoicenumber'),
  companyOfContractLine: viaContract('_msdyn_company_value', 'cdm_company', 'cdm_companycode'),
  currencyOfContractLine: viaContract('_transactioncurrencyid_value', 'transactioncurrency', 'isocurrencycode'),
  transType: optionNames(TxType),
  transClass: optionNames(TxClass),
  billingStatus: optionNames(BillingStatus),
  adjustmentStatus: optionNames(AdjustmentStatus),
  // A posted proposal is a Posted pro-forma invoice (format-update-project-invoice-proposals.md, Enhanced proforma invoice).
  proposalStatus: { toDataverse: (v) => (v === 'Posted' ? InvoiceStatus.Posted : null) },
  lineProperty: {
    toFinance: (v) => (v === null || v === undefined ? 'NotSpecified' : (LINE_PROPERTY[Number(v)] ?? 'NotSpecified')),
    toDataverse: (v) => Number(Object.entries(LINE_PROPERTY).find(([, name]) => name === v)?.[0] ?? BillingType.NotAvailable),
  },
};

/**
 * A schema extension's value maps (dual-write/customizing-mappings.md, "Value map": Finance value → Dataverse value),
 * applied the way the pair goes. The maps were checked complete at start (schema/extensions.ts), so every option or
 * enum value has its counterpart; an empty source stays empty unless the map names a counterpart for null.
 */
export function valueMapped(maps: readonly ValueMapTransform[], dir: 'toFinance' | 'toDataverse', value: unknown): unknown {
  let v: unknown = value ?? null;
  for (const { valueMap } of maps) {
    const entries = Object.entries(valueMap);
    if (dir === 'toFinance') {
      const dv = v === null ? null : String(v);
      const hit = entries.find(([, d]) => (d === null ? null : String(d)) === dv);
      v = hit ? hit[0] : null;
    } else {
      const hit = v === null ? undefined : entries.find(([f]) => f.toLowerCase() === String(v).toLowerCase());
      v = hit && hit[1] !== null ? Number(hit[1]) : null;
    }
  }
  return v;
}
