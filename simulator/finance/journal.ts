import type { Rec } from '../store/types.js';
import { type Ctx, applied, patch } from '../domain/context.js';
import { dec, num } from '../domain/money.js';
import { JournalStatus, STAGING, numberedLines } from './entities.js';
import { PostingType, VoucherBuilder, accountingCurrency, legalEntity, lineInvoiced, newVoucher, rateLookup, rateNumber, requireRate, roundingOf, toMST } from './ledger.js';
import { type ProcessLog, info } from './process-log.js';
import { Finance } from '../errors/finance.js';

/**
 * Posting a Project Operations integration journal (project-operations-integration-journal.md): one voucher for
 * the journal; cost lines Dr project cost / Cr payroll allocation, chargeable unbilled sales lines
 * Dr WIP - sales value / Cr accrued revenue. The staging rows get the accounting details that the actuals map
 * writes back to Dataverse (voucher, accounting currency amount, exchange rate, journalized).
 */
export const journalLines = (ctx: Ctx, dataAreaId: string, journalId: string): Rec[] =>
  numberedLines(ctx.tx, 'ProjectIntegrationJournalLine', `${dataAreaId}|${journalId}`);

export function postJournal(ctx: Ctx, dataAreaId: string, journalId: string): { voucher: string; log: ProcessLog[] } {
  const id = `${dataAreaId}|${journalId}`;
  const journal = ctx.tx.get('ProjectIntegrationJournal', id);
  if (!journal) throw Finance.notFound('ProjectIntegrationJournals', id);
  if (journal.Status !== JournalStatus.Draft) {
    throw Finance.refusal('rule.journal-post-draft-only', 'JournalNotDraft', 'finance.journalNotDraft', { journal: journalId, status: String(journal.Status) });
  }
  const le = legalEntity(ctx, dataAreaId);
  const mst = accountingCurrency(le);
  const rates = rateLookup(ctx);
  const mstStep = roundingOf(ctx)(mst);
  const lines = journalLines(ctx, dataAreaId, journalId);

  // Everything is checked before the first write: a refusal leaves the journal as it was.
  const planned = lines.map((line) => {
    const currency = String(line.CurrencyCode ?? mst);
    const date = String(line.AccountingDate ?? ctx.now).slice(0, 10);
    const rate = requireRate(rates, currency, mst, date);
    const amountCur = dec(line.Amount);
    return { line, currency, date, rate, amountCur, amountMST: toMST(amountCur, rate, mstStep) };
  });

  if (planned.some((p) => p.currency !== mst)) applied(ctx, 'rule.rate-at-accounting-date');
  const voucher = newVoucher(ctx, dataAreaId);
  const v = new VoucherBuilder(dataAreaId, voucher);
  for (const p of planned) {
    const text = `${journalId} ${String(p.line.TransactionClassification ?? '')}`.trim();
    if (p.line.TransType === 'Cost') {
      // Time credits the payroll allocation, an expense the offset account for expenses (project-accounting/
      // configure-accounting-billable-projects.md, "Accounting event examples for sample Project cost and revenue profiles").
      const expense = p.line.TransactionClassification === 'Expense';
      if (expense) applied(ctx, 'rule.expense-cost-offset');
      v.pair(PostingType.ProjectCost, expense ? PostingType.ProjectExpenseOffset : PostingType.ProjectPayrollAllocation, p.amountCur, p.currency, p.amountMST, p.date, text);
    } else if (p.line.TransType === 'UnbilledSales' && lineInvoiced(ctx, dataAreaId, p.line.LineProperty)) {
      v.pair(PostingType.ProjectWIPSalesValue, PostingType.ProjectAccruedRevenue, p.amountCur, p.currency, p.amountMST, p.date, text);
    }
  }
  v.write(ctx);

  for (const p of planned) {
    patch(ctx, 'ProjectIntegrationJournalLine', `${dataAreaId}|${journalId}|${String(p.line.LineNum)}`, { Status: JournalStatus.Posted, Voucher: voucher });
    const stagingId = `${dataAreaId}|${String(p.line.ActualsImportId)}`;
    if (ctx.tx.get(STAGING, stagingId)) {
      patch(ctx, STAGING, stagingId, {
        JournalPosted: true, IsJournalized: true, VoucherNumber: voucher,
        AccountingAmount: num(p.amountMST), AmountMST: num(p.amountMST), ExchangeRate: rateNumber(p.rate), ExchangeRateDate: p.date,
      });
    }
  }
  patch(ctx, 'ProjectIntegrationJournal', id, { Status: JournalStatus.Posted, Voucher: voucher });
  return { voucher, log: [info('finance.journalPosted', { journal: journalId, company: dataAreaId, voucher, lines: planned.length })] };
}
