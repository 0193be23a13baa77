import type { Rec, ReadView } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { Service } from '../service.js';
import { sideOf } from '../service.js';
import { inBacklog, milestoneInBacklog } from '../dataverse/backlog.js';
import { AdjustmentStatus, BillingStatus, BillingType, MilestoneStatus, TxClass, TxType, dataverseByName } from '../dataverse/entities.js';
import { financeByName, foId } from '../finance/entities.js';
import { tableMaps } from '../dualwrite/maps.js';
import { mapStatus } from '../dualwrite/runtime.js';

/**
 * The compact snapshot the demo page draws: the records of each box of the picture (DW5Invoicing.png made
 * live), newest first, plus map states and periodic processes. Values stay raw (numbers, option values, codes):
 * the page labels and formats them in its language, so switching language never touches data.
 */

/** A value the page shows through a label: an option of `labels:options.<set>`, or a code of `ui:codes.<set>`. */
export interface Coded {
  readonly set: string;
  readonly value: string | number;
  /** Where the label lives: `labels:options` (default) or `ui:codes`. */
  readonly ns?: 'options' | 'codes';
}

export interface Item {
  readonly table: string;
  readonly id: string;
  /** Record data (shown escaped, never translated). */
  readonly title: string;
  readonly sub?: string;
  readonly company?: string;
  readonly amount?: number;
  readonly currency?: string;
  readonly quantity?: number;
  readonly status?: Coded;
  /** Voucher number written back or posted. */
  readonly voucher?: string;
  /** A corrective pro-forma invoice. */
  readonly correction?: boolean;
  /** Billing backlog: time and material (`tm`) or a fixed price milestone (`fp`). */
  readonly backlog?: 'tm' | 'fp';
  /** Transaction classes of the record (time, expense, material, fee, milestone), from its own column or its lines. */
  readonly classes?: readonly Coded[];
  /** The record's currency when it is not its legal entity's accounting currency (ISO code). */
  readonly otherCurrency?: string;
  /** Sales tax total (invoices and proposals), in `currency`. */
  readonly tax?: number;
  readonly modified?: string;
}

export interface Box {
  readonly total: number;
  readonly items: readonly Item[];
}

export type BoxId = 'backlog' | 'proforma' | 'actuals' | 'proposals' | 'staging' | 'journal' | 'lines' | 'invoices';

export interface DemoState {
  readonly now: string;
  readonly boxes: Record<BoxId, Box>;
  readonly maps: readonly { id: string; version: string; dataverse: string; finance: string; state: string; stateCode: number; queued: number; errors: number }[];
  readonly processes: readonly { id: string; lastRunAt: string | null; lastLog: readonly unknown[] }[];
  readonly faults: { financeUnavailable: boolean; latencyMs: number };
}

const MAX_ITEMS = 8;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const numOrUndef = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Newest first: by modification time, then by insertion order (later = newer). */
function newest(rows: Iterable<Rec>, pred: (r: Rec) => boolean): Rec[] {
  const list: { r: Rec; i: number }[] = [];
  let i = 0;
  for (const r of rows) if (pred(r)) list.push({ r, i: i++ });
  return list.sort((a, b) => str(b.r.modifiedon).localeCompare(str(a.r.modifiedon)) || b.i - a.i).map((x) => x.r);
}

function box(rows: Rec[], toItem: (r: Rec) => Item): Box {
  return { total: rows.length, items: rows.slice(0, MAX_ITEMS).map(toItem) };
}

/** Finance enum name of a transaction class ('Time', 'Expense', …) → the Dataverse option value whose label names it. */
const TX_CLASS_BY_NAME: Readonly<Record<string, number>> = TxClass;

/**
 * The transaction class of any record, read from whichever column it has: Dataverse's option
 * `msdyn_transactionclassification` or Finance's enum name `TransactionClassification`. An enum name without a
 * Dataverse option is passed on as it is (the page shows it as data), so new record kinds show without page work.
 */
export function txClassOf(r: Rec): Coded | undefined {
  const dv = r.msdyn_transactionclassification;
  if (typeof dv === 'number') return { set: 'msdyn_transactionclassification', value: dv };
  const fo = r.TransactionClassification;
  if (typeof fo === 'string' && fo) return TX_CLASS_BY_NAME[fo] !== undefined ? { set: 'msdyn_transactionclassification', value: TX_CLASS_BY_NAME[fo] as number } : { set: 'transactionClass', value: fo, ns: 'codes' };
  return undefined;
}

/** The distinct classes of some rows, in the order the option set lists them. */
function classesOf(rows: Iterable<Rec>): Coded[] | undefined {
  const seen = new Map<string, Coded>();
  for (const r of rows) {
    const c = txClassOf(r);
    if (c) seen.set(String(c.value), c);
  }
  return seen.size ? [...seen.values()].sort((a, b) => String(a.value).localeCompare(String(b.value))) : undefined;
}
const classOf = (r: Rec): Coded[] | undefined => classesOf([r]);

class Lookups {
  private readonly currencies = new Map<string, string>();
  /** Legal entity code → its accounting currency (Dataverse's copy of the legal entity, else Finance's). */
  private readonly accounting = new Map<string, string>();
  constructor(private readonly db: ReadView) {
    for (const c of db.all('transactioncurrency')) this.currencies.set(str(c.transactioncurrencyid), str(c.isocurrencycode));
    for (const le of db.all('LegalEntity')) if (le.AccountingCurrency) this.accounting.set(str(le.LegalEntityId).toUpperCase(), str(le.AccountingCurrency));
    for (const c of db.all('cdm_company')) if (c.msdyn_accountingcurrencycode) this.accounting.set(str(c.cdm_companycode).toUpperCase(), str(c.msdyn_accountingcurrencycode));
  }
  /** The currency when it is not the legal entity's accounting currency (unknown legal entity or currency: none). */
  other(company: string | undefined, currency: string | undefined): string | undefined {
    const own = company ? this.accounting.get(company.toUpperCase()) : undefined;
    return own && currency && own.toUpperCase() !== currency.toUpperCase() ? currency : undefined;
  }
  currency(id: unknown): string | undefined {
    return this.currencies.get(str(id)) || undefined;
  }
  company(id: unknown): string | undefined {
    return str(this.db.get('cdm_company', str(id))?.cdm_companycode) || undefined;
  }
  name(table: string, id: unknown): string {
    if (!id) return '';
    const def = dataverseByName.get(table);
    const rec = this.db.get(table, str(id));
    return def && rec ? str(rec[def.primaryName]) : '';
  }
}

/** Rows of a table grouped by a key (the lines of each invoice, proposal, journal). */
function groupBy(rows: Iterable<Rec>, key: (r: Rec) => string): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r); else out.set(k, [r]);
  }
  return out;
}
/** Finance rows are keyed within their legal entity. */
const inCompany = (r: Rec, id: unknown): string => `${str(r.dataAreaId).toLowerCase()}|${str(id)}`;

export function demoState(service: Service): DemoState {
  const db = service.store;
  const lk = new Lookups(db);
  const invoiceLines = groupBy(db.all('msdyn_invoicelinetransaction'), (r) => str(r._msdyn_invoice_value));
  const proposalLines = groupBy(db.all('ProjectInvoiceProposalLine'), (r) => inCompany(r, r.ProposalId));
  const journalLines = groupBy(db.all('ProjectIntegrationJournalLine'), (r) => inCompany(r, r.JournalId));

  const actualItem = (r: Rec): Item => ({
    table: 'msdyn_actual', id: str(r.msdyn_actualid),
    title: lk.name('salesorder', r._msdyn_salescontract_value) || str(r.msdyn_description),
    sub: [str(db.get('invoice', str(r._msdyn_invoice_value))?.invoicenumber), str(r.msdyn_description)].filter(Boolean).join(' · '),
    company: lk.company(r._msdyn_company_value), amount: numOrUndef(r.msdyn_amount), currency: lk.currency(r._transactioncurrencyid_value),
    classes: classOf(r), otherCurrency: lk.other(lk.company(r._msdyn_company_value), lk.currency(r._transactioncurrencyid_value)),
    quantity: r.msdyn_transactionclassification === TxClass.Time ? numOrUndef(r.msdyn_quantity) : undefined,
    status: r.msdyn_transactiontypecode === TxType.BilledSales
      ? { set: 'msdyn_transactiontypecode', value: TxType.BilledSales }
      : r.msdyn_billingstatus !== null && r.msdyn_billingstatus !== undefined ? { set: 'msdyn_billingstatus', value: Number(r.msdyn_billingstatus) } : undefined,
    voucher: str(r.msdyn_vouchernumber) || undefined, modified: str(r.modifiedon),
  });

  // Dataverse: billing backlog (unbilled sales and milestones not yet invoiced).
  const backlogActuals = newest(db.all('msdyn_actual'), inBacklog);
  const milestones = newest(db.all('msdyn_contractlinescheduleofvalue'), milestoneInBacklog);
  const milestoneItem = (r: Rec): Item => {
    const line = db.get('salesorderdetail', str(r._msdyn_contractlineid_value));
    const contract = line ? db.get('salesorder', str(line._salesorderid_value)) : undefined;
    return {
      table: 'msdyn_contractlinescheduleofvalue', id: str(r.msdyn_contractlinescheduleofvalueid),
      title: str(contract?.name) || str(r.msdyn_name), sub: str(r.msdyn_name), company: lk.company(contract?._msdyn_company_value),
      amount: numOrUndef(r.msdyn_amount), currency: lk.currency(contract?._transactioncurrencyid_value),
      // a contract line milestone is billed as the class Milestone (its table has no class column)
      classes: [{ set: 'msdyn_transactionclassification', value: TxClass.Milestone }],
      otherCurrency: lk.other(lk.company(contract?._msdyn_company_value), lk.currency(contract?._transactioncurrencyid_value)),
      status: { set: 'msdyn_invoicestatus', value: Number(r.msdyn_invoicestatus) }, modified: str(r.modifiedon),
    };
  };
  const backlogRows = [...backlogActuals.map((r) => ({ r, item: actualItem })), ...milestones.map((r) => ({ r, item: milestoneItem }))]
    .sort((a, b) => str(b.r.modifiedon).localeCompare(str(a.r.modifiedon)));
  const backlog: Box = {
    total: backlogRows.length,
    items: backlogRows.slice(0, MAX_ITEMS).map(({ r, item }) => ({ ...item(r), backlog: item === milestoneItem ? 'fp' as const : 'tm' as const })),
  };

  const proforma = box(newest(db.all('invoice'), () => true), (r) => ({
    table: 'invoice', id: str(r.invoiceid), title: str(r.invoicenumber), sub: str(r.name), company: lk.company(r._msdyn_company_value),
    correction: r._msdyn_correctedinvoice_value ? true : undefined,
    amount: numOrUndef(r.totalamount), currency: lk.currency(r._transactioncurrencyid_value), tax: numOrUndef(r.totaltax),
    classes: classesOf(invoiceLines.get(str(r.invoiceid)) ?? []),
    otherCurrency: lk.other(lk.company(r._msdyn_company_value), lk.currency(r._transactioncurrencyid_value)),
    status: { set: 'msdyn_projectinvoicestatus', value: Number(r.msdyn_projectinvoicestatus) }, modified: str(r.modifiedon),
  }));

  // Dataverse actuals created by confirmation: billed sales (with the accounting details written back).
  const actuals = box(newest(db.all('msdyn_actual'), (r) => r.msdyn_transactiontypecode === TxType.BilledSales), actualItem);

  // Finance.
  const proposals = box(newest(db.all('ProjectInvoiceProposal'), () => true), (r) => ({
    table: 'ProjectInvoiceProposal', id: foId(fin('ProjectInvoiceProposal'), r), title: str(r.ProposalId), sub: str(r.Description), company: str(r.dataAreaId),
    amount: numOrUndef(r.InvoiceAmount), currency: str(r.CurrencyCode) || undefined, quantity: numOrUndef(r.LineCount), tax: numOrUndef(r.SalesTaxAmount),
    classes: classesOf(proposalLines.get(inCompany(r, r.ProposalId)) ?? []), otherCurrency: lk.other(str(r.dataAreaId), str(r.CurrencyCode)),
    status: { set: 'proposalStatus', value: str(r.Status) }, voucher: str(r.Voucher) || undefined, modified: str(r.modifiedon),
  }));
  const staging = box(newest(db.all('ProjCDSActualsImport'), () => true), (r) => ({
    table: 'ProjCDSActualsImport', id: foId(fin('ProjCDSActualsImport'), r), title: str(r.ContractId) || str(r.ProjectId), sub: [str(r.InvoiceId), str(r.Description)].filter(Boolean).join(' · '),
    company: str(r.dataAreaId), amount: numOrUndef(r.Amount), currency: str(r.TransactionCurrencyId) || undefined,
    classes: classOf(r), otherCurrency: lk.other(str(r.dataAreaId), str(r.TransactionCurrencyId)),
    status: r.IsProcessed === true ? { set: 'staging', value: 'processed', ns: 'codes' } : { set: 'staging', value: 'waiting', ns: 'codes' },
    voucher: str(r.VoucherNumber) || undefined, modified: str(r.modifiedon),
  }));
  const journal = box(newest(db.all('ProjectIntegrationJournal'), () => true), (r) => ({
    // Several journals per run (one per period unit) and journals of lines with posting errors: the sub line shows the
    // period start and the Original journal; vouchers are on the lines (one each), not on the journal.
    table: 'ProjectIntegrationJournal', id: foId(fin('ProjectIntegrationJournal'), r), title: str(r.JournalId), company: str(r.dataAreaId),
    classes: classesOf(journalLines.get(inCompany(r, r.JournalId)) ?? []),
    sub: [str(r.PeriodStartDate), str(r.OriginalJournalId) ? `↩ ${str(r.OriginalJournalId)}` : ''].filter(Boolean).join(' · '),
    quantity: numOrUndef(r.LineCount), status: { set: 'journalLineStatus', value: str(r.Status) }, modified: str(r.modifiedon),
  }));
  const lines = box(newest(db.all('ProjectInvoiceProposalLine'), () => true), (r) => ({
    table: 'ProjectInvoiceProposalLine', id: foId(fin('ProjectInvoiceProposalLine'), r), title: `${str(r.ProposalId)} / ${str(r.LineNum)}`, sub: str(r.Description),
    company: str(r.dataAreaId), amount: numOrUndef(r.Amount), currency: str(r.CurrencyCode) || undefined,
    classes: classOf(r), otherCurrency: lk.other(str(r.dataAreaId), str(r.CurrencyCode)),
    quantity: r.TransactionClassification === 'Time' ? numOrUndef(r.Quantity) : undefined, modified: str(r.modifiedon),
  }));
  const invoices = box(newest(db.all('CustomerInvoice'), () => true), (r) => ({
    table: 'CustomerInvoice', id: foId(fin('CustomerInvoice'), r), title: str(r.InvoiceId), sub: str(r.ProposalId), company: str(r.dataAreaId),
    amount: numOrUndef(r.TotalAmount), currency: str(r.CurrencyCode) || undefined, tax: numOrUndef(r.SalesTaxAmount),
    classes: classesOf(proposalLines.get(inCompany(r, r.ProposalId)) ?? []), otherCurrency: lk.other(str(r.dataAreaId), str(r.CurrencyCode)),
    voucher: str(r.Voucher) || undefined, modified: str(r.modifiedon),
  }));

  return {
    now: service.now(),
    boxes: { backlog, proforma, actuals, proposals, staging, journal, lines, invoices },
    maps: tableMaps.map((m) => mapStatus(db, m)),
    processes: [...db.all('sim_process')].map((p) => ({ id: str(p.id), lastRunAt: typeof p.lastRunAt === 'string' ? p.lastRunAt : null, lastLog: Array.isArray(p.lastLog) ? p.lastLog : [] })),
    faults: { financeUnavailable: service.faults.financeUnavailable, latencyMs: service.faults.latencyMs },
  };
}

function fin(name: string): EntityDef {
  const def = financeByName.get(name);
  if (!def) throw new Error(`unknown Finance entity ${name}`);
  return def;
}

// ---- one record, for the details panel ------------------------------------------------------------------

/** Tables the page may open (the ones the picture shows, and what their details link to). */
export const DETAIL_TABLES = new Set([
  'msdyn_actual', 'invoice', 'msdyn_contractlinescheduleofvalue', 'ProjectInvoiceProposal', 'ProjectInvoiceProposalLine',
  'ProjCDSActualsImport', 'ProjectIntegrationJournal', 'CustomerInvoice',
]);

export interface DetailField {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  /** Option or code label reference. */
  readonly coded?: Coded;
  /** Lookups: the referenced record's name (data). */
  readonly ref?: string;
  /** Money: its currency. */
  readonly currency?: string;
  /** The record's own key (a GUID on the Dataverse side). */
  readonly key?: boolean;
  /** Its label, when an official term names it (else the page uses `ui:fields.<name>`). */
  readonly label?: string;
}

export interface Detail {
  readonly table: string;
  readonly side: string;
  readonly id: string;
  readonly title: string;
  readonly fields: readonly DetailField[];
  /** Related rows shown under the record (voucher lines, proposal lines, billed actuals). */
  readonly related?: { readonly table: string; readonly rows: readonly Item[] };
  /** Actions the page offers on this record. */
  readonly actions: readonly ('post' | 'postJournal' | 'markReady')[];
}

/** Finance enum names (ProjCDSActualsImport and friends) → the Dataverse option set whose labels name them. */
const FINANCE_CODES: Record<string, { set: string; values: Record<string, number> }> = {
  TransType: { set: 'msdyn_transactiontypecode', values: TxType },
  TransactionClassification: { set: 'msdyn_transactionclassification', values: TxClass },
  BillingStatusId: { set: 'msdyn_billingstatus', values: BillingStatus },
  AdjustmentStatus: { set: 'msdyn_adjustmentstatus', values: AdjustmentStatus },
};
const LINE_PROPERTIES: Record<string, number> = {
  Chargeable: BillingType.Chargeable, NonChargeable: BillingType.NonChargeable, Complimentary: BillingType.Complimentary, NotAvailable: BillingType.NotAvailable,
};
const HIDDEN = new Set(['versionnumber']);
/** Fields named by an official term of `labels:terms` (the accounting details written back, the correction flag). */
const TERM_FIELDS: Readonly<Record<string, string>> = {
  msdyn_vouchernumber: 'labels:terms.voucher_number', VoucherNumber: 'labels:terms.voucher_number',
  msdyn_accountingcurrencyamount: 'labels:terms.accounting_amount', AccountingAmount: 'labels:terms.accounting_amount',
  msdyn_exchangerate: 'labels:terms.exchange_rate', ExchangeRate: 'labels:terms.exchange_rate',
  msdyn_salestaxamount: 'labels:terms.sales_tax_amount', SalesTaxAmount: 'labels:terms.sales_tax_amount',
  IsCorrection: 'labels:terms.correction_flag',
  OriginalJournalId: 'labels:terms.original_journal', SalesTaxGroup: 'labels:terms.sales_tax_group', ItemSalesTaxGroup: 'labels:terms.item_sales_tax_group',
  totaltax: 'labels:terms.total_tax',
};

export function demoDetail(service: Service, table: string, id: string): Detail | undefined {
  if (!DETAIL_TABLES.has(table)) return undefined;
  const db = service.store;
  const rec = db.get(table, id);
  if (!rec) return undefined;
  const lk = new Lookups(db);
  const dv = dataverseByName.get(table);
  const def = dv ?? financeByName.get(table);
  if (!def) return undefined;
  const currency = dv ? lk.currency(rec._transactioncurrencyid_value) : str(rec.CurrencyCode || rec.TransactionCurrencyId) || undefined;

  const fields: DetailField[] = [];
  for (const [name, f] of Object.entries(def.fields)) {
    if (HIDDEN.has(name) || f.catalogOnly) continue; // the panel shows the columns the flow uses
    if (f.type === 'lookup' && f.target) {
      const value = rec[`_${name}_value`] ?? null;
      const target = f.target;
      const ref = target === 'cdm_company' ? lk.company(value) : target === 'transactioncurrency' ? lk.currency(value) : lk.name(target, value);
      fields.push({ name, type: 'lookup', value, ref: ref || undefined });
      continue;
    }
    const value = rec[name] ?? null;
    let coded: Coded | undefined;
    if (f.optionSet && value !== null) coded = { set: f.optionSet, value: typeof value === 'number' ? value : String(value) };
    const fc = FINANCE_CODES[name];
    if (!dv && fc && typeof value === 'string' && fc.values[value] !== undefined) coded = { set: fc.set, value: fc.values[value] as number };
    if (!dv && (name === 'BillingType' || name === 'LineProperty') && typeof value === 'string') {
      coded = LINE_PROPERTIES[value] !== undefined ? { set: 'msdyn_billingtype', value: LINE_PROPERTIES[value] as number } : { set: 'lineProperty', value, ns: 'codes' };
    }
    if (!dv && /^Transaction[12]Role$/.test(name) && typeof value === 'string') coded = { set: 'connectionRole', value };
    if (!dv && name === 'PostingType' && typeof value === 'string') coded = { set: 'postingType', value, ns: 'codes' };
    fields.push({ name, type: f.type, value, coded, currency: f.type === 'money' ? currency : undefined, key: dv && def.key.includes(name) ? true : undefined, label: TERM_FIELDS[name] });
  }

  let related: Detail['related'];
  const items = (rows: Rec[], fn: (r: Rec) => Item): readonly Item[] => rows.map(fn);
  if (table === 'CustomerInvoice' && rec.Voucher) {
    related = {
      table: 'LedgerVoucher',
      rows: items(newest(db.all('LedgerVoucher'), (r) => r.Voucher === rec.Voucher && r.dataAreaId === rec.dataAreaId).reverse(), (r) => ({
        table: 'LedgerVoucher', id: foId(fin('LedgerVoucher'), r), title: str(r.MainAccount), sub: str(r.Text), company: str(r.dataAreaId),
        amount: numOrUndef(r.AmountCur), currency: str(r.CurrencyCode) || undefined, status: { set: 'postingType', value: str(r.PostingType), ns: 'codes' },
      })),
    };
  } else if (table === 'ProjectInvoiceProposal') {
    related = {
      table: 'ProjectInvoiceProposalLine',
      rows: items(newest(db.all('ProjectInvoiceProposalLine'), (r) => r.ProposalId === rec.ProposalId && r.dataAreaId === rec.dataAreaId).reverse(), (r) => ({
        table: 'ProjectInvoiceProposalLine', id: foId(fin('ProjectInvoiceProposalLine'), r), title: `${str(r.ProposalId)} / ${str(r.LineNum)}`, sub: str(r.Description),
        amount: numOrUndef(r.Amount), currency: str(r.CurrencyCode) || undefined,
      })),
    };
  } else if (table === 'invoice') {
    related = {
      table: 'msdyn_actual',
      rows: items(newest(db.all('msdyn_actual'), (r) => r._msdyn_invoice_value === rec.invoiceid).reverse(), (r) => ({
        table: 'msdyn_actual', id: str(r.msdyn_actualid), title: str(r.msdyn_description), amount: numOrUndef(r.msdyn_amount), currency: lk.currency(r._transactioncurrencyid_value),
        status: { set: 'msdyn_transactiontypecode', value: Number(r.msdyn_transactiontypecode) }, voucher: str(r.msdyn_vouchernumber) || undefined,
      })),
    };
  }
  return {
    table, side: sideOf(table), id, title: str(rec[def.primaryName]) || id, fields, related,
    actions: table === 'ProjectInvoiceProposal' && rec.Status !== 'Posted' ? ['post']
      : table === 'ProjectIntegrationJournal' && rec.Status === 'Draft' ? ['postJournal']
        : table === 'msdyn_actual' && rec.msdyn_transactiontypecode === TxType.UnbilledSales && rec.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated ? ['markReady'] : [],
  };
}

/** Every field name the details panel can show (for the locale completeness check). */
export function detailFieldNames(): string[] {
  const names = new Set<string>();
  for (const t of DETAIL_TABLES) {
    const dv = dataverseByName.get(t);
    const def = dv ?? financeByName.get(t);
    for (const [n, f] of Object.entries(def?.fields ?? {})) if (!HIDDEN.has(n) && !f.catalogOnly && !TERM_FIELDS[n] && !(dv && def?.key.includes(n))) names.add(n);
  }
  return [...names].sort();
}
