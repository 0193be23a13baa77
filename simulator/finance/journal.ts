import { findBy, type Rec } from '../store/types.js';
import { type Ctx, applied, insert, patch } from '../domain/context.js';
import { type Dec, dec, num } from '../domain/money.js';
import { JournalStatus, STAGING } from './entities.js';
import { PostingType, VoucherBuilder, accountingCurrency, legalEntity, lineInvoiced, newVoucher, rateLookup, rateNumber, roundingOf, toMST } from './ledger.js';
import { closedPeriodAt, newJournalId, nextLineNum } from './journal-periods.js';
import { type ProcessLog, error, info } from './process-log.js';
import { Finance } from '../errors/finance.js';

/**
 * The Project Operations integration journal after the import (project-operations-integration-journal.md):
 * - posting: every line is validated; each valid line posts its own voucher (cost lines Dr project cost / Cr payroll
 *   allocation, chargeable unbilled sales lines Dr WIP - sales value / Cr accrued revenue) and its staging row gets
 *   the accounting details the actuals map writes back (voucher, accounting currency amount, exchange rate); lines
 *   with errors (no exchange rate at the accounting date, a ledger period that isn't open) move to a new journal that
 *   names its Original journal, header and lines in status Error ("Transfer all lines that have posting errors to a
 *   new journal" and "Working with integration journal lines that have warnings and errors");
 * - Reset to draft of an Error or Processing header or line;
 * - deleting a line that isn't posted: the next Import from staging table brings it back.
 * Convention: the features "Transfer all lines with posting errors…" and "Enable integration journal processing
 * improvements" are always on (the page recommends the latter for all customers; it depends on the former).
 */

/** The lines of a journal, in line number order (numbers have gaps once lines were deleted or moved). */
export const journalLines = (ctx: Ctx, dataAreaId: string, journalId: string): Rec[] =>
  [...findBy(ctx.tx, 'ProjectIntegrationJournalLine', ['dataAreaId', 'JournalId'], [dataAreaId, journalId])].sort((a, b) => Number(a.LineNum) - Number(b.LineNum));

function journalOf(ctx: Ctx, dataAreaId: string, journalId: string): Rec {
  const journal = ctx.tx.get('ProjectIntegrationJournal', `${dataAreaId}|${journalId}`);
  if (!journal) throw Finance.notFound('ProjectIntegrationJournals', `${dataAreaId}|${journalId}`);
  return journal;
}

const lineId = (line: Rec): string => `${String(line.dataAreaId)}|${String(line.JournalId)}|${String(line.LineNum)}`;

/** Why a line can't be posted now: the log entry, or undefined. */
type LineCheck = { ok: true; rate: Dec; amountMST: Dec } | { ok: false; problem: ProcessLog };

export interface JournalPosting {
  /** The vouchers posted, one per posted line. */
  readonly vouchers: string[];
  /** The new journal holding the lines with posting errors, if any. */
  readonly errorJournal?: string;
  readonly log: ProcessLog[];
}

export function postJournal(ctx: Ctx, dataAreaId: string, journalId: string): JournalPosting {
  const id = `${dataAreaId}|${journalId}`;
  const journal = journalOf(ctx, dataAreaId, journalId);
  if (journal.Status === JournalStatus.Error) {
    throw Finance.refusal('rule.journal-error-not-posted', 'JournalInError', 'finance.journalInError', { journal: journalId });
  }
  if (journal.Status !== JournalStatus.Draft) {
    throw Finance.refusal('rule.journal-post-draft-only', 'JournalNotDraft', 'finance.journalNotDraft', { journal: journalId, status: String(journal.Status) });
  }
  const le = legalEntity(ctx, dataAreaId);
  const mst = accountingCurrency(le);
  const rates = rateLookup(ctx);
  const mstStep = roundingOf(ctx)(mst);
  const lines = journalLines(ctx, dataAreaId, journalId).filter((l) => l.Status !== JournalStatus.Posted);

  // Every line is checked before the first write.
  const checked = lines.map((line): { line: Rec; check: LineCheck } => {
    const currency = String(line.CurrencyCode ?? mst);
    const date = String(line.AccountingDate ?? ctx.now).slice(0, 10);
    const where = { journal: journalId, line: Number(line.LineNum), company: dataAreaId };
    const closed = closedPeriodAt(ctx, dataAreaId, date);
    if (closed) return { line, check: { ok: false, problem: error('finance.periodNotOpen', { ...where, date, status: String(closed.Status) }) } };
    const rate = rates(currency, mst, date);
    if (rate === undefined) return { line, check: { ok: false, problem: error('finance.noExchangeRate', { ...where, from: currency, to: mst, date }) } };
    return { line, check: { ok: true, rate, amountMST: toMST(dec(line.Amount), rate, mstStep) } };
  });

  const log: ProcessLog[] = [];
  const vouchers: string[] = [];
  for (const { line, check } of checked) {
    if (!check.ok) continue;
    const currency = String(line.CurrencyCode ?? mst);
    const date = String(line.AccountingDate ?? ctx.now).slice(0, 10);
    if (currency !== mst) applied(ctx, 'rule.rate-at-accounting-date');
    const voucher = line.Voucher ? String(line.Voucher) : newVoucher(ctx, dataAreaId);
    const v = new VoucherBuilder(dataAreaId, voucher);
    const text = `${journalId} ${String(line.TransactionClassification ?? '')}`.trim();
    const amountCur = dec(line.Amount);
    if (line.TransType === 'Cost') {
      v.pair(PostingType.ProjectCost, PostingType.ProjectPayrollAllocation, amountCur, currency, check.amountMST, date, text);
    } else if (line.TransType === 'UnbilledSales' && lineInvoiced(ctx, dataAreaId, line.LineProperty)) {
      v.pair(PostingType.ProjectWIPSalesValue, PostingType.ProjectAccruedRevenue, amountCur, currency, check.amountMST, date, text);
    }
    v.write(ctx);
    vouchers.push(voucher);
    patch(ctx, 'ProjectIntegrationJournalLine', lineId(line), { Status: JournalStatus.Posted, Voucher: voucher });
    const stagingId = `${dataAreaId}|${String(line.ActualsImportId)}`;
    if (ctx.tx.get(STAGING, stagingId)) {
      patch(ctx, STAGING, stagingId, {
        JournalPosted: true, IsJournalized: true, VoucherNumber: voucher,
        AccountingAmount: num(check.amountMST), AmountMST: num(check.amountMST), ExchangeRate: rateNumber(check.rate), ExchangeRateDate: date,
      });
    }
  }
  if (vouchers.length > 0) applied(ctx, 'rule.journal-voucher-per-line');

  const failed = checked.filter((c) => !c.check.ok);
  let errorJournal: string | undefined;
  if (failed.length > 0) {
    errorJournal = newJournalId(ctx, dataAreaId);
    insert(ctx, 'ProjectIntegrationJournal', `${dataAreaId}|${errorJournal}`, {
      dataAreaId, JournalId: errorJournal, Description: null, Status: JournalStatus.Error, LineCount: failed.length,
      OriginalJournalId: journalId, PeriodStartDate: journal.PeriodStartDate ?? null,
    });
    for (const { line, check } of failed) {
      if (!check.ok) log.push(check.problem);
      const moved = { ...line, JournalId: errorJournal, LineNum: nextLineNum(ctx, dataAreaId, errorJournal), Status: JournalStatus.Error };
      ctx.tx.del('ProjectIntegrationJournalLine', lineId(line));
      insert(ctx, 'ProjectIntegrationJournalLine', lineId(moved), moved);
      const stagingId = `${dataAreaId}|${String(line.ActualsImportId)}`;
      if (ctx.tx.get(STAGING, stagingId)) patch(ctx, STAGING, stagingId, { JournalId: errorJournal });
    }
    applied(ctx, 'rule.journal-transfer-error-lines');
    if (failed.some((c) => !c.check.ok && c.check.problem.key === 'finance.periodNotOpen')) applied(ctx, 'rule.journal-period-not-open');
    log.push(info('finance.journalErrorLinesMoved', { journal: journalId, company: dataAreaId, errorJournal, lines: failed.length }));
  }
  patch(ctx, 'ProjectIntegrationJournal', id, { Status: JournalStatus.Posted, LineCount: Number(journal.LineCount ?? 0) - failed.length });
  log.unshift(info('finance.journalPosted', { journal: journalId, company: dataAreaId, lines: vouchers.length }));
  return { vouchers, log, ...(errorJournal ? { errorJournal } : {}) };
}

/** Statuses Reset to draft applies to (the page's tables: Error and Processing, header and line). */
const RESETTABLE: readonly unknown[] = [JournalStatus.Error, JournalStatus.Processing];

/** Reset to draft of a journal header: the header and its Error and Processing lines become Draft (convention: the lines with it). */
export function resetJournalToDraft(ctx: Ctx, dataAreaId: string, journalId: string): Rec {
  const journal = journalOf(ctx, dataAreaId, journalId);
  if (!RESETTABLE.includes(journal.Status)) {
    throw Finance.refusal('rule.journal-reset-to-draft', 'JournalNotInError', 'finance.journalResetNotAllowed', { journal: journalId, status: String(journal.Status) });
  }
  for (const line of journalLines(ctx, dataAreaId, journalId)) if (RESETTABLE.includes(line.Status)) patch(ctx, 'ProjectIntegrationJournalLine', lineId(line), { Status: JournalStatus.Draft });
  applied(ctx, 'rule.journal-reset-to-draft');
  return patch(ctx, 'ProjectIntegrationJournal', `${dataAreaId}|${journalId}`, { Status: JournalStatus.Draft });
}

/** Reset to draft of one line (its header keeps its status until it is reset too). */
export function resetJournalLineToDraft(ctx: Ctx, line: Rec): Rec {
  if (!RESETTABLE.includes(line.Status)) {
    throw Finance.refusal('rule.journal-reset-to-draft', 'JournalNotInError', 'finance.journalLineResetNotAllowed', { journal: String(line.JournalId), line: Number(line.LineNum), status: String(line.Status) });
  }
  applied(ctx, 'rule.journal-reset-to-draft');
  return patch(ctx, 'ProjectIntegrationJournalLine', lineId(line), { Status: JournalStatus.Draft });
}

/**
 * Deleting a line that isn't posted: its actual's staging row is unprocessed again, so the next Import from staging
 * table inserts it anew (in the journal of its period, with a new voucher). A posted line is refused (convention: the
 * page allows deleting unposted lines only by saying those come back).
 */
export function deleteJournalLine(ctx: Ctx, id: string): void {
  const line = ctx.tx.get('ProjectIntegrationJournalLine', id);
  if (!line) throw Finance.notFound('ProjectIntegrationJournalLines', id);
  if (line.Status === JournalStatus.Posted) {
    throw Finance.refusal('rule.journal-line-delete-posted', 'JournalLinePosted', 'finance.journalLinePosted', { journal: String(line.JournalId), line: Number(line.LineNum) });
  }
  const dataAreaId = String(line.dataAreaId);
  const journalKey = `${dataAreaId}|${String(line.JournalId)}`;
  ctx.tx.del('ProjectIntegrationJournalLine', id);
  const journal = ctx.tx.get('ProjectIntegrationJournal', journalKey);
  if (journal) patch(ctx, 'ProjectIntegrationJournal', journalKey, { LineCount: Math.max(0, Number(journal.LineCount ?? 0) - 1) });
  const stagingId = `${dataAreaId}|${String(line.ActualsImportId)}`;
  if (ctx.tx.get(STAGING, stagingId)) patch(ctx, STAGING, stagingId, { IsProcessed: false, JournalId: null });
  applied(ctx, 'rule.journal-line-delete-reimport');
}
