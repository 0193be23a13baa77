import { findBy, type Rec } from '../store/types.js';
import { type Ctx, applied, insert, pad, patch } from '../domain/context.js';
import { dec, num, toFixed } from '../domain/money.js';
import { JournalStatus, ProposalStatus, STAGING } from './entities.js';
import { accountingCurrency, lineInvoiced, newVoucher, rateLookup } from './ledger.js';
import { journalForPeriod, nextLineNum, periodStart, periodUnitOf } from './journal-periods.js';
import { expectedBilledLines } from './expected-lines.js';
import { type ProcessLog, error, info } from './process-log.js';
import { defaultLineGroups } from './tax.js';

/**
 * The periodic process "Import from staging table" (domain.md §2.1 steps 2 and 7, §2.6):
 * Project Management and Accounting › Periodic › Project Operations integration › Import from staging table.
 *
 * - Cost and unbilled sales rows of ProjCDSActualsImport become lines of Project Operations integration journals,
 *   grouped by the company's period unit (importJournalLines). A row without an exchange rate to the accounting currency at its
 *   accounting date is not imported (project-operations-integration-journal.md).
 * - Billed sales rows become invoice proposal lines, all or nothing per proposal: only once every time and
 *   material line's unbilled sales were posted through the integration journal
 *   (format-update-project-invoice-proposals.md). Otherwise the proposal stays without lines (amount 0.00)
 *   and the log says "Project transaction hasn't been posted yet…"; a later run completes it.
 * - A proposal whose billed sales rows don't match the billed sales actuals Dataverse has for its invoice (one
 *   still queued or a catch-up error of the actuals map, or none arrived at all) gets no lines either: the log
 *   reports the mismatch (project-integration-workspace.md, Troubleshoot tab) and a later run, after the row
 *   arrives, adds them all. So a short proposal never exists, and one without lines can't be posted.
 *
 * Rows are read once and indexed by actual id, relationships once by their first transaction: a run is
 * linear in the number of rows.
 */

/** What a billed sales row invoices, as the transaction relationships tell (domain.md §2.4). */
export type BilledKind = 'TimeAndMaterial' | 'Milestone' | 'Reversal';

interface RelationIndex {
  /** billed sales actual → the unbilled sales actual it invoices (BilledSales ↔ UnbilledSales). */
  readonly unbilledOf: Map<string, string>;
  /** reversing actual → its original (Reversing ↔ Original). */
  readonly originalOf: Map<string, string>;
}

/** The relationships whose first transaction is one of `actuals` (performance: indexed by Transaction1, not a table scan). */
function indexRelationships(ctx: Ctx, actuals: Iterable<string>): RelationIndex {
  const unbilledOf = new Map<string, string>();
  const originalOf = new Map<string, string>();
  for (const actual of new Set(actuals)) {
    if (!actual) continue;
    for (const r of findBy(ctx.tx, 'ProjCDSTransactionRelationshipImport', 'Transaction1', actual)) {
      const one = String(r.Transaction1 ?? '');
      const two = String(r.Transaction2 ?? '');
      if (!one || !two) continue;
      if (r.Transaction1Role === 'BilledSales' && r.Transaction2Role === 'UnbilledSales') unbilledOf.set(one, two);
      else if (r.Transaction1Role === 'Reversing' && r.Transaction2Role === 'Original') originalOf.set(one, two);
    }
  }
  return { unbilledOf, originalOf };
}

const stagingId = (row: Rec): string => `${String(row.dataAreaId)}|${String(row.ActualsImportId)}`;

export function importFromStaging(ctx: Ctx, opts: { company?: string } = {}): ProcessLog[] {
  const company = opts.company ? opts.company.toUpperCase() : undefined;
  const log: ProcessLog[] = [];

  // Only the rows still to process, through the store's index: a run costs what is new, not the whole table.
  const journalRows: Rec[] = [];
  const billedRows: Rec[] = [];
  for (const row of [...findBy(ctx.tx, STAGING, 'IsProcessed', false)]) {
    if (row.IsProcessed === true || (company && row.dataAreaId !== company)) continue;
    if (row.TransType === 'Cost' || row.TransType === 'UnbilledSales') journalRows.push(row);
    else if (row.TransType === 'BilledSales') billedRows.push(row);
  }

  const journalLines = importJournalLines(ctx, journalRows, log);
  const proposalLines = importProposalLines(ctx, billedRows, log, company);
  if (proposalLines.lines) applied(ctx, 'seed.import-creates-lines');
  log.push(info('import.finished', { journalLines, proposalLines: proposalLines.lines, proposalsWaiting: proposalLines.waiting }));
  return log;
}

/**
 * Cost and unbilled sales rows → integration journal lines, one per row, in the journal of the row's period (the
 * company's period unit, journal-periods.ts); each line gets its own voucher number (project-operations-integration-
 * journal.md, "Create records…"). Returns the number of lines.
 */
function importJournalLines(ctx: Ctx, rows: readonly Rec[], log: ProcessLog[]): number {
  const rates = rateLookup(ctx);
  const byCompany = new Map<string, Rec[]>();
  for (const row of rows) {
    const c = String(row.dataAreaId);
    let list = byCompany.get(c);
    if (!list) byCompany.set(c, (list = []));
    list.push(row);
  }
  let total = 0;
  for (const [dataAreaId, list] of byCompany) {
    const le = ctx.tx.get('LegalEntity', dataAreaId);
    if (!le) {
      log.push(error('finance.unknownCompany', { company: dataAreaId }));
      continue;
    }
    const mst = accountingCurrency(le);
    const unit = periodUnitOf(ctx, dataAreaId);
    const journals = new Map<string, string>();
    const added = new Map<string, number>();
    for (const row of list) {
      const currency = String(row.TransactionCurrencyId ?? mst);
      const date = String(row.AccountingDate ?? ctx.now).slice(0, 10);
      if (rates(currency, mst, date) === undefined) {
        log.push(error('import.noExchangeRate', { actual: String(row.ActualsImportId), from: currency, to: mst, date, company: dataAreaId }));
        continue;
      }
      const journalId = journalForPeriod(ctx, dataAreaId, periodStart(unit, date), journals);
      const lineNum = nextLineNum(ctx, dataAreaId, journalId);
      insert(ctx, 'ProjectIntegrationJournalLine', `${dataAreaId}|${journalId}|${lineNum}`, {
        dataAreaId, JournalId: journalId, LineNum: lineNum, ActualId: row.ActualId, ActualsImportId: row.ActualsImportId,
        TransType: row.TransType, TransactionClassification: row.TransactionClassification ?? null, ProjectId: row.ProjectId ?? null,
        Quantity: row.Quantity ?? 0, Amount: row.Amount ?? 0, CurrencyCode: currency, AccountingDate: date,
        Status: JournalStatus.Draft, Voucher: newVoucher(ctx, dataAreaId),
        // Not part of the data entity: the line property decides whether the unbilled sales go to WIP.
        LineProperty: row.BillingType ?? null,
      });
      patch(ctx, STAGING, stagingId(row), { IsProcessed: true, JournalId: journalId });
      added.set(journalId, (added.get(journalId) ?? 0) + 1);
    }
    for (const [journalId, lines] of added) {
      const id = `${dataAreaId}|${journalId}`;
      patch(ctx, 'ProjectIntegrationJournal', id, { LineCount: Number(ctx.tx.get('ProjectIntegrationJournal', id)?.LineCount ?? 0) + lines });
      log.push(info('import.journalCreated', { company: dataAreaId, journal: journalId, lines }));
      total += lines;
    }
    if (added.size > 0) applied(ctx, 'rule.journal-period-unit');
    if (added.size > 0) applied(ctx, 'rule.journal-voucher-per-line');
  }
  return total;
}

/** What a billed row invoices, and the unbilled actual a time and material row depends on. */
function classify(row: Rec, rel: RelationIndex): { kind: BilledKind; unbilled?: string } {
  const actual = String(row.ActualId);
  if (rel.originalOf.has(actual)) return { kind: 'Reversal' };
  if (row.TransactionClassification === 'Milestone') return { kind: 'Milestone' };
  return { kind: 'TimeAndMaterial', unbilled: rel.unbilledOf.get(actual) };
}

/** Billed sales rows → proposal lines, all or nothing per proposal. */
function importProposalLines(ctx: Ctx, rows: readonly Rec[], log: ProcessLog[], company: string | undefined): { lines: number; waiting: number } {
  const stagingIdOf = (actualId: string): string | undefined => {
    for (const r of findBy(ctx.tx, STAGING, 'ActualId', actualId)) return stagingId(r);
    return undefined;
  };
  const rel = indexRelationships(ctx, rows.map((r) => String(r.ActualId)));
  const groups = new Map<string, Rec[]>();
  for (const row of rows) {
    const k = `${String(row.dataAreaId)}|${String(row.InvoiceId ?? '')}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(row);
  }
  let lines = 0;
  let waiting = 0;
  // Open proposals without lines whose billed sales haven't arrived at all: held back and reported too.
  for (const header of findBy(ctx.tx, 'ProjectInvoiceProposal', 'LineCount', 0)) {
    const key = `${String(header.dataAreaId)}|${String(header.ProposalId)}`;
    if (groups.has(key) || header.Status === ProposalStatus.Posted || (company && header.dataAreaId !== company)) continue;
    const expected = expectedBilledLines(ctx, header.DataverseInvoiceId);
    if (!expected) continue;
    log.push(error('import.mismatch', { proposal: String(header.ProposalId), company: String(header.dataAreaId), expected, found: 0 }));
    applied(ctx, 'rule.import-mismatch-held-back');
    waiting++;
  }
  for (const [proposalKey, group] of groups) {
    const first = group[0] as Rec;
    const dataAreaId = String(first.dataAreaId);
    const proposalId = String(first.InvoiceId ?? '');
    const header = proposalId ? ctx.tx.get('ProjectInvoiceProposal', proposalKey) : undefined;
    if (!header) {
      log.push(error('import.proposalMissing', { proposal: proposalId, company: dataAreaId, lines: group.length }));
      waiting++;
      continue;
    }
    if (header.Status === ProposalStatus.Posted) {
      log.push(error('finance.proposalPosted', { proposal: proposalId, company: dataAreaId }));
      waiting++;
      continue;
    }
    const expected = expectedBilledLines(ctx, header.DataverseInvoiceId);
    const found = Number(header.LineCount ?? 0) + group.length;
    if (expected !== undefined && found !== expected) {
      log.push(error('import.mismatch', { proposal: proposalId, company: dataAreaId, expected, found }));
      applied(ctx, 'rule.import-mismatch-held-back');
      waiting++;
      continue;
    }
    const planned = group.map((row) => ({ row, ...classify(row, rel) }));
    const notReady = planned.filter((p) => {
      if (p.kind !== 'TimeAndMaterial') return false;
      const unbilledId = p.unbilled ? stagingIdOf(p.unbilled) : undefined;
      const unbilled = unbilledId ? ctx.tx.get(STAGING, unbilledId) : undefined;
      return unbilled?.JournalPosted !== true;
    });
    if (notReady.length > 0) {
      log.push(error('import.notPosted', { proposal: proposalId, company: dataAreaId, lines: notReady.length }));
      waiting++;
      continue;
    }

    let lineNum = Number(header.LineCount ?? 0);
    let amount = dec(header.InvoiceAmount);
    for (const p of planned) {
      const row = p.row;
      lineNum++;
      const chargeable = lineInvoiced(ctx, dataAreaId, row.BillingType);
      if (chargeable) amount += dec(row.Amount);
      const groups = defaultLineGroups(ctx, dataAreaId, header, row.TransactionClassification);
      insert(ctx, 'ProjectInvoiceProposalLine', `${dataAreaId}|${proposalId}|${lineNum}`, {
        dataAreaId, ProposalId: proposalId, LineNum: lineNum, ActualId: row.ActualId, ProjectId: row.ProjectId ?? null,
        ContractLine: row.ContractLine ?? null, TransactionClassification: row.TransactionClassification ?? null,
        LineProperty: row.BillingType ?? null, Quantity: row.Quantity ?? 0, SalesPrice: row.UnitPrice ?? 0, Amount: row.Amount ?? 0,
        CurrencyCode: row.TransactionCurrencyId ?? header.CurrencyCode ?? null, Description: row.Description ?? null,
        SalesTaxGroup: groups.salesTaxGroup, ItemSalesTaxGroup: groups.itemSalesTaxGroup, SalesTaxAmount: null,
        // Not part of the data entity: what posting needs to reverse WIP (read by posting.ts).
        SourceKind: p.kind, UnbilledActualId: p.unbilled ?? null, ActualsImportId: row.ActualsImportId,
      });
      patch(ctx, STAGING, stagingId(row), {
        IsProcessed: true, InvoiceProposalId: proposalId, InvoiceProposalLineTransId: `${proposalId}-${pad(lineNum, 4)}`,
      });
    }
    patch(ctx, 'ProjectInvoiceProposal', proposalKey, { LineCount: lineNum, InvoiceAmount: num(amount) });
    log.push(info('import.linesAdded', { proposal: proposalId, company: dataAreaId, lines: planned.length, amount: toFixed(amount) }));
    lines += planned.length;
  }
  return { lines, waiting };
}
