import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Rec } from '../simulator/store/types.js';
import { insert, patch } from '../simulator/domain/context.js';
import { SimError } from '../simulator/errors.js';
import { setUpLegalEntity } from '../simulator/finance/inbound.js';
import { importFromStaging } from '../simulator/finance/import-staging.js';
import { journalLines, postJournal } from '../simulator/finance/journal.js';
import { postInvoiceProposals, postProposal } from '../simulator/finance/posting.js';
import { MainAccount, voucherLines } from '../simulator/finance/ledger.js';
import type { ProcessLog } from '../simulator/finance/process-log.js';
import { type MemCtx, memCtx } from './support/mem-tx.js';
import type { EntityDef } from '../simulator/schema.js';
import { financeBySet } from '../simulator/finance/entities.js';
import { createFinanceRecord, updateFinanceRecord } from '../simulator/finance/records.js';
import { STANDARD_TAX_GROUP, standardTaxParameters, standardTaxSetup } from '../simulator/finance/tax-setup.js';

// ---- fixtures: Finance records as the dual-write maps deliver them -------------------------------------------

/** A legal entity with one sales tax rate (tax-setup.ts) and the customer US-001 of the standard sales tax group. */
function company(ctx: MemCtx, id: string, currency: string, tax: number): void {
  const le = insert(ctx, 'LegalEntity', id, { LegalEntityId: id, Name: id, AccountingCurrency: currency });
  setUpLegalEntity(ctx, le);
  for (const [set, body] of standardTaxSetup(id, tax)) createFinanceRecord(ctx, foSet(set), body, undefined);
  updateFinanceRecord(ctx, foSet('ProjectParameters'), id, standardTaxParameters(id).body);
  createFinanceRecord(ctx, foSet('CustomersV3'), { dataAreaId: id, CustomerAccount: 'US-001', SalesTaxGroup: STANDARD_TAX_GROUP }, undefined);
}
const foSet = (set: string): EntityDef => {
  const def = financeBySet.get(set);
  if (!def) throw new Error(`unknown Finance collection ${set}`);
  return def;
};

function rate(ctx: MemCtx, from: string, to: string, start: string, value: number): void {
  insert(ctx, 'ExchangeRate', `Default|${from}|${to}|${start}`, { RateTypeName: 'Default', FromCurrency: from, ToCurrency: to, StartDate: start, Rate: value, ConversionFactor: 'One' });
}

let seq = 0;
const guid = (): string => `aaaaaaaa-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

interface Row {
  company?: string;
  type: 'Cost' | 'UnbilledSales' | 'BilledSales';
  cls?: string;
  billing?: string | null;
  qty?: number;
  price?: number;
  amount?: number;
  currency?: string;
  invoice?: string | null;
  date?: string;
  id?: string;
}

/** A ProjCDSActualsImport row as Finance's inbound creates it. Returns the actual id. */
function stage(ctx: MemCtx, r: Row): string {
  const id = r.id ?? guid();
  const dataAreaId = r.company ?? 'USPM';
  const qty = r.qty ?? 8;
  const price = r.price ?? 200;
  insert(ctx, 'ProjCDSActualsImport', `${dataAreaId}|${id}`, {
    dataAreaId, ActualsImportId: id, ActualId: id, AccountingDate: r.date ?? '2026-01-15', DocumentDate: r.date ?? '2026-01-15',
    Amount: r.amount ?? qty * price, Quantity: qty, UnitPrice: price, BillingType: r.type === 'Cost' ? 'NotSpecified' : (r.billing ?? 'Chargeable'),
    TransactionClassification: r.cls ?? 'Time', TransType: r.type, TransactionCurrencyId: r.currency ?? 'USD', InvoiceId: r.invoice ?? null,
    ProjectId: 'PRJ-1', ContractId: 'C-1', ContractLine: 'T&M', Description: `${r.type} ${id.slice(-3)}`,
    IsProcessed: false, IntegrationCount: 1, IsJournalized: false, JournalPosted: false, JournalId: null,
    VoucherNumber: null, AccountingAmount: null, AmountMST: null, ExchangeRate: null, SalesTaxAmount: null, InvoiceProposalId: null, InvoiceProposalLineTransId: null,
  });
  return id;
}

function relate(ctx: MemCtx, t1: string, role1: string, t2: string, role2: string, dataAreaId = 'USPM'): void {
  const id = guid();
  insert(ctx, 'ProjCDSTransactionRelationshipImport', `${dataAreaId}|${id}`, {
    dataAreaId, RelationshipId: id, Transaction1: t1, Transaction1Role: role1, Transaction1Type: 'msdyn_actual', Transaction2: t2, Transaction2Role: role2, Transaction2Type: 'msdyn_actual',
  });
}

function proposal(ctx: MemCtx, id: string, opts: { company?: string; currency?: string; date?: string } = {}): void {
  const dataAreaId = opts.company ?? 'USPM';
  insert(ctx, 'ProjectInvoiceProposal', `${dataAreaId}|${id}`, {
    dataAreaId, ProposalId: id, ContractId: 'C-1', CustomerAccount: 'US-001', CurrencyCode: opts.currency ?? 'USD', InvoiceDate: opts.date ?? '2026-01-20',
    Description: 'Proposal', Status: 'Open', LineCount: 0, InvoiceAmount: 0, SalesTaxAmount: 0, SalesTaxGroup: null, CustomerInvoiceId: null, Voucher: null,
  });
}

/** Approved time: cost + unbilled sales (connected as Dataverse connects them). Returns the unbilled actual id. */
function approvedTime(ctx: MemCtx, qty = 8, price = 200, opts: Partial<Row> = {}): string {
  const cost = stage(ctx, { ...opts, type: 'Cost', qty, price: price / 2 });
  const unbilled = stage(ctx, { ...opts, type: 'UnbilledSales', qty, price });
  relate(ctx, unbilled, 'UnbilledSales', cost, 'Cost', opts.company);
  return unbilled;
}

/** Confirmation of a pro-forma invoice line: billed sales connected to the unbilled sales it invoices. */
function billedFor(ctx: MemCtx, unbilled: string, invoice: string, opts: Partial<Row> = {}): string {
  const u = ctx.tx.get('ProjCDSActualsImport', `${opts.company ?? 'USPM'}|${unbilled}`) as Rec;
  const billed = stage(ctx, { ...opts, type: 'BilledSales', qty: Number(u.Quantity), price: Number(u.UnitPrice), amount: Number(u.Amount), billing: String(u.BillingType), invoice });
  relate(ctx, billed, 'BilledSales', unbilled, 'UnbilledSales', opts.company);
  return billed;
}

const row = (ctx: MemCtx, id: string, dataAreaId = 'USPM'): Rec => ctx.tx.get('ProjCDSActualsImport', `${dataAreaId}|${id}`) as Rec;
const prop = (ctx: MemCtx, id: string, dataAreaId = 'USPM'): Rec => ctx.tx.get('ProjectInvoiceProposal', `${dataAreaId}|${id}`) as Rec;
const keys = (log: readonly ProcessLog[], level?: string): string[] => log.filter((l) => !level || l.level === level).map((l) => l.key);
const sumMST = (lines: readonly Rec[]): number => lines.reduce((s, l) => s + Math.round(Number(l.AmountMST) * 100), 0); // cents: integers
const byAccount = (lines: readonly Rec[]): Record<string, number[]> => {
  const out: Record<string, number[]> = {};
  for (const l of lines) (out[String(l.MainAccount)] ??= []).push(Number(l.AmountCur));
  return out;
};

function setup(): MemCtx {
  const ctx = memCtx();
  company(ctx, 'USPM', 'USD', 10);
  company(ctx, 'DEMF', 'EUR', 19);
  rate(ctx, 'EUR', 'USD', '2020-01-01', 1.085);
  return ctx;
}

/** Imports and posts every draft journal. */
function importAndPostJournals(ctx: MemCtx): ProcessLog[] {
  const log = importFromStaging(ctx, {});
  for (const j of [...ctx.tx.all('ProjectIntegrationJournal')]) if (j.Status === 'Draft') postJournal(ctx, String(j.dataAreaId), String(j.JournalId));
  return log;
}

function refusal(fn: () => unknown, status: number, code: string, key: string): SimError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof SimError, `expected SimError ${code}, got ${String(caught)}`);
  assert.equal(caught.status, status);
  assert.equal(caught.code, code);
  assert.equal(caught.key, key);
  return caught;
}

// ---- import from staging: integration journal ----------------------------------------------------------------

test('import creates one Draft integration journal per company with numbered lines', () => {
  const ctx = setup();
  const u1 = approvedTime(ctx);
  const u2 = approvedTime(ctx, 4, 150);
  const de = approvedTime(ctx, 2, 100, { company: 'DEMF', currency: 'EUR' });
  const log = importFromStaging(ctx, {});

  const us = ctx.tx.get('ProjectIntegrationJournal', 'USPM|PIJ-000001') as Rec;
  assert.equal(us.Status, 'Draft');
  assert.equal(us.LineCount, 4);
  const lines = journalLines(ctx, 'USPM', 'PIJ-000001');
  assert.deepEqual(lines.map((l) => l.LineNum), [1, 2, 3, 4]);
  assert.deepEqual(lines.map((l) => l.TransType), ['Cost', 'UnbilledSales', 'Cost', 'UnbilledSales']);
  assert.ok(lines.every((l) => l.Status === 'Draft'));
  assert.equal((ctx.tx.get('ProjectIntegrationJournal', 'DEMF|PIJ-000001') as Rec).LineCount, 2, 'own number sequence per company');
  for (const id of [u1, u2]) assert.deepEqual([row(ctx, id).IsProcessed, row(ctx, id).JournalId], [true, 'PIJ-000001']);
  assert.equal(row(ctx, de, 'DEMF').JournalId, 'PIJ-000001');
  assert.deepEqual(keys(log), ['import.journalCreated', 'import.journalCreated', 'import.finished']);
  assert.deepEqual(log[0]?.params, { company: 'USPM', journal: 'PIJ-000001', lines: 4 });
});

test('import only of one company when asked', () => {
  const ctx = setup();
  approvedTime(ctx);
  const de = approvedTime(ctx, 2, 100, { company: 'DEMF', currency: 'EUR' });
  importFromStaging(ctx, { company: 'uspm' });
  assert.ok(ctx.tx.get('ProjectIntegrationJournal', 'USPM|PIJ-000001'));
  assert.equal(ctx.tx.get('ProjectIntegrationJournal', 'DEMF|PIJ-000001'), undefined);
  assert.equal(row(ctx, de, 'DEMF').IsProcessed, false);
});

test('running the import twice creates nothing twice', () => {
  const ctx = setup();
  const u = approvedTime(ctx);
  proposal(ctx, 'INV-00001');
  importAndPostJournals(ctx);
  billedFor(ctx, u, 'INV-00001');
  importFromStaging(ctx, {});
  const counts = (): number[] => ['ProjectIntegrationJournal', 'ProjectIntegrationJournalLine', 'ProjectInvoiceProposalLine'].map((t) => ctx.tx.count(t));
  const before = counts();
  const header = prop(ctx, 'INV-00001');
  const again = importFromStaging(ctx, {});
  assert.deepEqual(counts(), before);
  assert.deepEqual(before, [1, 2, 1]);
  assert.equal(prop(ctx, 'INV-00001').versionnumber, header.versionnumber, 'header untouched');
  assert.deepEqual(keys(again), ['import.finished']);
  assert.deepEqual(again[0]?.params, { journalLines: 0, proposalLines: 0, proposalsWaiting: 0 });
});

test('a row without exchange rate to the accounting currency is not imported, and is once the rate exists', () => {
  const ctx = setup();
  const gbp = stage(ctx, { type: 'UnbilledSales', currency: 'GBP', qty: 4, price: 250, date: '2026-01-10' });
  const usd = stage(ctx, { type: 'Cost', qty: 4, price: 100 });
  const log = importFromStaging(ctx, {});
  assert.equal(row(ctx, gbp).IsProcessed, false);
  assert.equal(row(ctx, usd).IsProcessed, true);
  const err = log.find((l) => l.level === 'error');
  assert.deepEqual(err, { level: 'error', key: 'import.noExchangeRate', params: { actual: gbp, from: 'GBP', to: 'USD', date: '2026-01-10', company: 'USPM' } });
  assert.equal(journalLines(ctx, 'USPM', 'PIJ-000001').length, 1);

  rate(ctx, 'GBP', 'USD', '2026-01-11', 1.3); // starts after the accounting date: still none
  importFromStaging(ctx, {});
  assert.equal(row(ctx, gbp).IsProcessed, false);
  rate(ctx, 'GBP', 'USD', '2025-12-01', 1.25);
  rate(ctx, 'GBP', 'USD', '2025-06-01', 1.2);
  importFromStaging(ctx, {});
  assert.equal(row(ctx, gbp).JournalId, 'PIJ-000002');
  postJournal(ctx, 'USPM', 'PIJ-000002');
  assert.equal(row(ctx, gbp).ExchangeRate, 1.25, 'latest rate starting on or before the accounting date');
  assert.equal(row(ctx, gbp).AccountingAmount, 1250);
});

// ---- integration journal posting -----------------------------------------------------------------------------

test('posting a journal: a balanced voucher for each line (issue 14 part 3), WIP for chargeable unbilled sales, staging rows journalized', () => {
  const ctx = setup();
  const u = approvedTime(ctx, 8, 200);
  const nc = stage(ctx, { type: 'UnbilledSales', qty: 2, price: 200, billing: 'NonChargeable' });
  const eur = stage(ctx, { type: 'UnbilledSales', qty: 3, price: 33.33, amount: 99.99, currency: 'EUR' });
  importFromStaging(ctx, {});
  const lines = journalLines(ctx, 'USPM', 'PIJ-000001');
  // Each line got its own voucher number at the import.
  assert.deepEqual(lines.map((l) => l.Voucher), ['PRJ-000001', 'PRJ-000002', 'PRJ-000003', 'PRJ-000004']);
  const { vouchers, log } = postJournal(ctx, 'USPM', 'PIJ-000001');
  assert.deepEqual(vouchers, ['PRJ-000001', 'PRJ-000002', 'PRJ-000003', 'PRJ-000004']);
  assert.deepEqual(keys(log), ['finance.journalPosted']);

  const byVoucher = vouchers.map((v) => voucherLines(ctx, 'USPM', v));
  for (const vl of byVoucher) assert.equal(sumMST(vl), 0, 'each voucher balances');
  const all = byVoucher.flat();
  const acc = byAccount(all);
  assert.deepEqual(acc[MainAccount.ProjectCost.account], [800]);
  assert.deepEqual(acc[MainAccount.ProjectPayrollAllocation.account], [-800]);
  assert.deepEqual(acc[MainAccount.ProjectWIPSalesValue.account], [1600, 99.99]);
  assert.deepEqual(acc[MainAccount.ProjectAccruedRevenue.account], [-1600, -99.99]);
  assert.deepEqual(byVoucher.map((vl) => vl.map((l) => l.MainAccount)), [['510100', '605100'], ['161300', '420200'], [], ['161300', '420200']], 'one line, one voucher; non-chargeable sales post nothing');
  const eurWip = all.find((l) => l.MainAccount === '161300' && l.CurrencyCode === 'EUR') as Rec;
  assert.equal(eurWip.AmountMST, 108.49, '99.99 × 1.085 = 108.48915 → 108.49');

  const j = ctx.tx.get('ProjectIntegrationJournal', 'USPM|PIJ-000001') as Rec;
  assert.equal(j.Status, 'Posted');
  assert.ok(journalLines(ctx, 'USPM', 'PIJ-000001').every((l, i) => l.Status === 'Posted' && l.Voucher === vouchers[i]));
  assert.deepEqual([row(ctx, u).JournalPosted, row(ctx, u).IsJournalized, row(ctx, u).VoucherNumber, row(ctx, u).ExchangeRate], [true, true, 'PRJ-000002', 1]);
  assert.deepEqual([row(ctx, nc).JournalPosted, row(ctx, nc).VoucherNumber], [true, 'PRJ-000003']);
  assert.equal(row(ctx, u).AccountingAmount, 1600);
  assert.deepEqual([row(ctx, eur).AccountingAmount, row(ctx, eur).ExchangeRate], [108.49, 1.085]);
});

test('posting a journal twice or an unknown journal is refused', () => {
  const ctx = setup();
  approvedTime(ctx);
  importFromStaging(ctx, {});
  postJournal(ctx, 'USPM', 'PIJ-000001');
  const before = ctx.tx.ops().length;
  const e = refusal(() => postJournal(ctx, 'USPM', 'PIJ-000001'), 400, 'JournalNotDraft', 'finance.journalNotDraft');
  assert.deepEqual(e.params, { journal: 'PIJ-000001', status: 'Posted' });
  refusal(() => postJournal(ctx, 'USPM', 'PIJ-000099'), 404, 'NotFound', 'record.notFound');
  assert.equal(ctx.tx.ops().length, before, 'nothing written');
  assert.equal(voucherLines(ctx, 'USPM', 'PRJ-000003').length, 0, 'the two lines have PRJ-000001 and PRJ-000002; no further voucher');
});

// ---- import from staging: invoice proposal lines -------------------------------------------------------------

test('all or nothing per proposal: lines only once every unbilled sales is posted; a later run completes it', () => {
  const ctx = setup();
  const u1 = approvedTime(ctx, 8, 200);
  importAndPostJournals(ctx); // u1 posted
  const u2 = approvedTime(ctx, 4, 200);
  importFromStaging(ctx, {}); // u2 in PIJ-000002, not posted
  proposal(ctx, 'INV-00001');
  const b1 = billedFor(ctx, u1, 'INV-00001');
  const b2 = billedFor(ctx, u2, 'INV-00001');

  const log = importFromStaging(ctx, {});
  assert.equal(ctx.tx.count('ProjectInvoiceProposalLine'), 0, 'not even the line whose unbilled sales are posted');
  assert.deepEqual([prop(ctx, 'INV-00001').LineCount, prop(ctx, 'INV-00001').InvoiceAmount], [0, 0]);
  assert.deepEqual(log.find((l) => l.level === 'error'), { level: 'error', key: 'import.notPosted', params: { proposal: 'INV-00001', company: 'USPM', lines: 1 } });
  assert.equal(row(ctx, b1).IsProcessed, false);
  assert.equal(row(ctx, b2).IsProcessed, false);
  refusal(() => postProposal(ctx, 'USPM', 'INV-00001'), 400, 'ProposalWithoutLines', 'finance.proposalWithoutLines');

  postJournal(ctx, 'USPM', 'PIJ-000002');
  const later = importFromStaging(ctx, {});
  assert.deepEqual(keys(later), ['import.linesAdded', 'import.finished']);
  assert.deepEqual(later[0]?.params, { proposal: 'INV-00001', company: 'USPM', lines: 2, amount: '2400.00' });
  const h = prop(ctx, 'INV-00001');
  assert.deepEqual([h.LineCount, h.InvoiceAmount], [2, 2400]);
  const l1 = ctx.tx.get('ProjectInvoiceProposalLine', 'USPM|INV-00001|1') as Rec;
  assert.deepEqual([l1.ActualId, l1.Amount, l1.Quantity, l1.SalesPrice, l1.LineProperty], [b1, 1600, 8, 200, 'Chargeable']);
  assert.deepEqual([row(ctx, b2).IsProcessed, row(ctx, b2).InvoiceProposalId, row(ctx, b2).InvoiceProposalLineTransId], [true, 'INV-00001', 'INV-00001-0002']);
});

test('a billed row whose unbilled sales never reached staging keeps the proposal waiting; missing header is logged', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00001');
  const orphan = stage(ctx, { type: 'BilledSales', invoice: 'INV-00001' });
  relate(ctx, orphan, 'BilledSales', guid(), 'UnbilledSales');
  const noHeader = stage(ctx, { type: 'BilledSales', cls: 'Milestone', invoice: 'INV-00002', qty: 1, price: 5000 });
  const log = importFromStaging(ctx, {});
  assert.deepEqual(keys(log, 'error').sort(), ['import.notPosted', 'import.proposalMissing']);
  assert.deepEqual(log.find((l) => l.key === 'import.proposalMissing')?.params, { proposal: 'INV-00002', company: 'USPM', lines: 1 });
  assert.equal(row(ctx, noHeader).IsProcessed, false);
  assert.equal((log.at(-1) as ProcessLog).params.proposalsWaiting, 2);
});

test('milestone rows are imported without precondition and post revenue without WIP', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00003');
  const m = stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 5000, invoice: 'INV-00003' });
  importFromStaging(ctx, {});
  assert.equal(prop(ctx, 'INV-00003').InvoiceAmount, 5000);
  const inv = postProposal(ctx, 'USPM', 'INV-00003');
  assert.deepEqual([inv.InvoiceAmount, inv.SalesTaxAmount, inv.TotalAmount], [5000, 500, 5500]);
  const lines = voucherLines(ctx, 'USPM', String(inv.Voucher));
  assert.deepEqual(byAccount(lines), { '411100': [-5000], '222200': [-500], '130100': [5500] });
  assert.equal(sumMST(lines), 0);
  assert.deepEqual([row(ctx, m).VoucherNumber, row(ctx, m).SalesTaxAmount, row(ctx, m).AccountingAmount], [inv.Voucher, 500, 5000]);
});

test('billed sales reversal rows (credit) are imported without precondition and post a credit note', () => {
  const ctx = setup();
  const u = approvedTime(ctx, 8, 200);
  importAndPostJournals(ctx);
  proposal(ctx, 'INV-00001');
  const billed = billedFor(ctx, u, 'INV-00001');
  importFromStaging(ctx, {});
  postProposal(ctx, 'USPM', 'INV-00001');

  // Full credit on a corrective invoice: billed sales reversal + new unbilled sales back in the backlog.
  proposal(ctx, 'INV-00002');
  const reversal = stage(ctx, { type: 'BilledSales', qty: -8, price: 200, invoice: 'INV-00002' });
  relate(ctx, reversal, 'Reversing', billed, 'Original');
  const credited = stage(ctx, { type: 'UnbilledSales', qty: 8, price: 200 });
  relate(ctx, credited, 'Replacing', billed, 'Original');
  const log = importFromStaging(ctx, {});
  assert.deepEqual(keys(log, 'error'), []);
  assert.equal(prop(ctx, 'INV-00002').InvoiceAmount, -1600);
  assert.equal(row(ctx, credited).JournalId, 'PIJ-000002', 'the credited work goes back through the journal');

  const credit = postProposal(ctx, 'USPM', 'INV-00002');
  assert.deepEqual([credit.InvoiceAmount, credit.SalesTaxAmount, credit.TotalAmount], [-1600, -160, -1760]);
  const lines = voucherLines(ctx, 'USPM', String(credit.Voucher));
  assert.deepEqual(byAccount(lines), { '411100': [1600], '222200': [160], '130100': [-1760] });
  assert.equal(sumMST(lines), 0);
});

// ---- invoice proposal posting --------------------------------------------------------------------------------

test('posting a proposal: 8 h × 200.00, tax 10 %, WIP reversed, customer invoice, write-back to staging', () => {
  const ctx = setup();
  const u = approvedTime(ctx, 8, 200);
  importAndPostJournals(ctx);
  proposal(ctx, 'INV-00001');
  const b = billedFor(ctx, u, 'INV-00001');
  importFromStaging(ctx, {});
  const inv = postProposal(ctx, 'USPM', 'INV-00001');

  assert.equal(inv.InvoiceId, 'CIV-000001');
  assert.deepEqual([inv.InvoiceAmount, inv.SalesTaxAmount, inv.TotalAmount, inv.AmountMST, inv.ExchangeRate, inv.CurrencyCode], [1600, 160, 1760, 1760, 1, 'USD']);
  assert.equal(inv.Voucher, 'PRJ-000003', 'voucher numbers continue after the journal lines\' vouchers (one per line)');
  const lines = voucherLines(ctx, 'USPM', String(inv.Voucher));
  assert.deepEqual(byAccount(lines), { '420200': [1600], '161300': [-1600], '411100': [-1600], '222200': [-160], '130100': [1760] });
  assert.equal(sumMST(lines), 0);
  assert.deepEqual(lines.map((l) => l.PostingType), ['ProjectAccruedRevenue', 'ProjectWIPSalesValue', 'ProjectInvoicedRevenue', 'SalesTax', 'CustomerBalance']);
  // WIP of the actual is cleared: journal debit + invoice credit.
  const wip = [...ctx.tx.all('LedgerVoucher')].filter((l) => l.MainAccount === '161300').reduce((s, l) => s + Number(l.AmountMST), 0);
  assert.equal(wip, 0);

  const h = prop(ctx, 'INV-00001');
  assert.deepEqual([h.Status, h.CustomerInvoiceId, h.Voucher, h.SalesTaxAmount, h.InvoiceAmount], ['Posted', 'CIV-000001', 'PRJ-000003', 160, 1600]);
  const r = row(ctx, b);
  assert.deepEqual([r.VoucherNumber, r.AccountingAmount, r.ExchangeRate, r.SalesTaxAmount], ['PRJ-000003', 1600, 1, 160]);
  refusal(() => postProposal(ctx, 'USPM', 'INV-00001'), 400, 'ProposalPosted', 'finance.proposalPosted');
});

test('amounts are decimal-exact: 0.10 + 0.20 = 0.30, tax rounded per line', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00007');
  stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 0.1, amount: 0.1, invoice: 'INV-00007' });
  stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 0.2, amount: 0.2, invoice: 'INV-00007' });
  stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 0.05, amount: 0.05, invoice: 'INV-00007' });
  importFromStaging(ctx, {});
  assert.equal(prop(ctx, 'INV-00007').InvoiceAmount, 0.35);
  const inv = postProposal(ctx, 'USPM', 'INV-00007');
  // tax per line: 0.01 + 0.02 + 0.005 → 0.01 (half away from zero) = 0.04
  assert.deepEqual([inv.InvoiceAmount, inv.SalesTaxAmount, inv.TotalAmount], [0.35, 0.04, 0.39]);
  assert.equal(sumMST(voucherLines(ctx, 'USPM', String(inv.Voucher))), 0);
});

test('a foreign-currency proposal converts at the rate of the invoice date; the voucher still balances', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00008', { currency: 'EUR' });
  for (const amount of [33.33, 33.33, 33.34, 0.07]) stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: amount, amount, currency: 'EUR', invoice: 'INV-00008' });
  importFromStaging(ctx, {});
  const inv = postProposal(ctx, 'USPM', 'INV-00008');
  assert.deepEqual([inv.InvoiceAmount, inv.SalesTaxAmount, inv.TotalAmount, inv.ExchangeRate], [100.07, 10, 110.07, 1.085]);
  const lines = voucherLines(ctx, 'USPM', String(inv.Voucher));
  assert.equal(sumMST(lines), 0);
  const revenueMST = lines.filter((l) => l.MainAccount === '411100').map((l) => l.AmountMST);
  assert.deepEqual(revenueMST, [-36.16, -36.16, -36.17, -0.08]);
});

test('posting refusals: no lines, unknown proposal, missing exchange rate (nothing written)', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00001');
  const e = refusal(() => postProposal(ctx, 'USPM', 'INV-00001'), 400, 'ProposalWithoutLines', 'finance.proposalWithoutLines');
  assert.deepEqual(e.params, { proposal: 'INV-00001' });
  refusal(() => postProposal(ctx, 'USPM', 'INV-09999'), 404, 'NotFound', 'record.notFound');

  proposal(ctx, 'INV-00002', { currency: 'CHF' });
  stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 100, currency: 'CHF', invoice: 'INV-00002' });
  importFromStaging(ctx, {});
  const before = ctx.tx.ops().length;
  const noRate = refusal(() => postProposal(ctx, 'USPM', 'INV-00002'), 400, 'NoExchangeRate', 'finance.noExchangeRate');
  assert.deepEqual(noRate.params, { from: 'CHF', to: 'USD', date: '2026-01-20' });
  assert.equal(ctx.tx.ops().length, before, 'refused before the first write');
  assert.equal(prop(ctx, 'INV-00002').Status, 'Open');
});

test('Post invoice proposals posts open proposals with lines and skips empty ones', () => {
  const ctx = setup();
  const u = approvedTime(ctx);
  importAndPostJournals(ctx);
  proposal(ctx, 'INV-00001');
  proposal(ctx, 'INV-00002');
  proposal(ctx, 'INV-00003', { company: 'DEMF', currency: 'EUR' });
  billedFor(ctx, u, 'INV-00001');
  stage(ctx, { company: 'DEMF', type: 'BilledSales', cls: 'Milestone', qty: 1, price: 1000, currency: 'EUR', invoice: 'INV-00003' });
  importFromStaging(ctx, {});

  const onlyUs = postInvoiceProposals(ctx, { company: 'USPM' });
  assert.deepEqual(onlyUs.map((l) => [l.level, l.key]), [
    ['info', 'finance.proposalPostedAs'], ['warning', 'finance.proposalWithoutLines'], ['info', 'finance.postingFinished'],
  ]);
  assert.deepEqual(onlyUs[0]?.params, { proposal: 'INV-00001', company: 'USPM', invoice: 'CIV-000001', voucher: 'PRJ-000003', amount: '1760.00', currency: 'USD' });
  assert.deepEqual(onlyUs.at(-1)?.params, { posted: 1, skipped: 1, failed: 0 });
  assert.equal(prop(ctx, 'INV-00003', 'DEMF').Status, 'Open');

  const all = postInvoiceProposals(ctx, {});
  assert.deepEqual(all.at(-1)?.params, { posted: 1, skipped: 1, failed: 0 });
  const de = prop(ctx, 'INV-00003', 'DEMF');
  assert.deepEqual([de.Status, de.CustomerInvoiceId, de.SalesTaxAmount], ['Posted', 'CIV-000001', 190]);
  assert.equal(prop(ctx, 'INV-00002').Status, 'Open');
});

test('a refused proposal is logged and left open by Post invoice proposals', () => {
  const ctx = setup();
  proposal(ctx, 'INV-00004', { currency: 'CHF' });
  stage(ctx, { type: 'BilledSales', cls: 'Milestone', qty: 1, price: 100, currency: 'CHF', invoice: 'INV-00004' });
  importFromStaging(ctx, {});
  const log = postInvoiceProposals(ctx, {});
  assert.deepEqual(log[0], { level: 'error', key: 'finance.noExchangeRate', params: { from: 'CHF', to: 'USD', date: '2026-01-20', proposal: 'INV-00004', company: 'USPM' } });
  assert.deepEqual(log.at(-1)?.params, { posted: 0, skipped: 0, failed: 1 });
  assert.equal(prop(ctx, 'INV-00004').Status, 'Open');
});

// ---- every key has a message in en, de and nl ----------------------------------------------------------------

test('every key the Finance processes log or throw has a message in en, de and nl; notPosted is the documented text', () => {
  const used = [
    'finance.unknownCompany', 'finance.noExchangeRate', 'finance.journalNotDraft', 'finance.journalPosted', 'finance.proposalPosted',
    'finance.proposalWithoutLines', 'finance.proposalPostedAs', 'finance.postingFinished', 'record.notFound',
    'import.noExchangeRate', 'import.journalCreated', 'import.proposalMissing', 'import.notPosted', 'import.linesAdded', 'import.finished',
  ];
  for (const lng of ['en', 'de', 'nl']) {
    const msgs = JSON.parse(readFileSync(new URL(`../locales/${lng}/errors.json`, import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const key of used) {
      const [ns = '', k = ''] = key.split('.');
      assert.equal(typeof msgs[ns]?.[k], 'string', `${lng}: errors:${key}`);
    }
    if (lng === 'en') assert.match(String(msgs.import?.notPosted), /^Project transaction hasn't been posted yet/);
  }
});

// ---- volume ----------------------------------------------------------------------------------------------------

test('10,000 billed rows import in one run (indexed, not nested scans)', (t) => {
  const ctx = setup();
  const N = 10_000;
  const PROPOSALS = 100;
  for (let p = 1; p <= PROPOSALS; p++) proposal(ctx, `INV-${String(p).padStart(5, '0')}`);
  for (let i = 0; i < N; i++) {
    const u = stage(ctx, { type: 'UnbilledSales', qty: 1, price: 0.1 + (i % 7), amount: Number((0.1 + (i % 7)).toFixed(2)) });
    patch(ctx, 'ProjCDSActualsImport', `USPM|${u}`, { IsProcessed: true, JournalPosted: true, IsJournalized: true }); // as if journal-posted
    billedFor(ctx, u, `INV-${String((i % PROPOSALS) + 1).padStart(5, '0')}`);
  }
  const started = performance.now();
  const log = importFromStaging(ctx, {});
  const ms = performance.now() - started;
  t.diagnostic(`import of ${N} billed rows into ${PROPOSALS} proposals: ${ms.toFixed(1)} ms`);
  assert.equal(ctx.tx.count('ProjectInvoiceProposalLine'), N);
  assert.deepEqual((log.at(-1) as ProcessLog).params, { journalLines: 0, proposalLines: N, proposalsWaiting: 0 });
  // Sum of 100 lines of (0.1 + k) per proposal, exact: each proposal gets i ≡ p-1 (mod 100) → classes cycle mod 7.
  const total = [...ctx.tx.all('ProjectInvoiceProposal')].reduce((s, p) => s + Math.round(Number(p.InvoiceAmount) * 100), 0);
  let expected = 0;
  for (let i = 0; i < N; i++) expected += Math.round((0.1 + (i % 7)) * 100);
  assert.equal(total, expected);

  const t2 = performance.now();
  const posted = postInvoiceProposals(ctx, {});
  t.diagnostic(`posting ${PROPOSALS} proposals of ${N / PROPOSALS} lines: ${(performance.now() - t2).toFixed(1)} ms`);
  assert.deepEqual(posted.at(-1)?.params, { posted: PROPOSALS, skipped: 0, failed: 0 });
  assert.equal(sumMST([...ctx.tx.all('LedgerVoucher')]), 0);
});
