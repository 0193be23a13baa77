import type { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { FINANCE_ROLES, actAs } from './support/roles.js';
import { foKey, odataString } from './support/http.js';
import { resolvePath } from './support/parameters.js';
import { formatNumber, parseNumber, sameAmount } from './support/numbers.js';
import type { Rec, SpecWorld } from './support/world.js';
import { today } from './setup.steps.js';
import { journalPostings } from './posting.steps.js';
import { PostingType } from '../simulator/finance/ledger.js';
import { translator } from '../simulator/i18n.js';

/**
 * The Project Operations integration journal (issue 14 parts 3 and 7): its period unit, ledger periods, deleting
 * lines, lines with posting errors and Reset to draft, and the voucher lines posting books
 * (project-operations-integration-journal.md; format-update-project-invoice-proposals.md "Example scenario").
 */

const ACTIONS = 'Microsoft.Dynamics.DataEntities';
const CROSS = '?cross-company=true';
const journalPath = (company: string, id: string): string => `/data/ProjectIntegrationJournals${foKey({ dataAreaId: company, JournalId: id })}`;

step('journal.periodUnit', async function (unit: string) {
  const key = String(resolvePath('options.integrationJournalPeriodUnit', this.lang, unit));
  await this.ok('PATCH', `/data/ProjectParameters${foKey({ dataAreaId: this.currentCompany().code })}${CROSS}`, { IntegrationJournalPeriodUnit: key });
});

/** The ledger period of the simulator's current month gets the status (created when the company has none yet). */
step('journal.ledgerPeriod', async function (status: string) {
  const key = String(resolvePath('options.ledgerPeriodStatus', this.lang, status));
  const company = this.currentCompany().code;
  const day = await today(this);
  const start = `${day.slice(0, 7)}-01`;
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const found = await this.foList(`LedgerPeriods?cross-company=true&$filter=dataAreaId eq ${odataString(company)} and StartDate eq ${start}`);
  if (found.length) await this.ok('PATCH', `/data/LedgerPeriods(dataAreaId=${odataString(company)},StartDate=${start})${CROSS}`, { Status: key });
  else await this.ok('POST', '/data/LedgerPeriods', { dataAreaId: company, StartDate: start, EndDate: end, Status: key });
});

async function journalLines(w: SpecWorld, filter = ''): Promise<Rec[]> {
  return w.foList(`ProjectIntegrationJournalLines?cross-company=true&$filter=dataAreaId eq ${odataString(w.currentCompany().code)}${filter}&$orderby=JournalId,LineNum`);
}

/** "The unbilled sales line": the integration journal line of the last approved work's unbilled sales actual. */
async function unbilledLine(w: SpecWorld): Promise<Rec> {
  const actual = w.need(w.unbilledActualId, 'unbilledActual');
  const found = await journalLines(w, ` and ActualId eq ${actual}`);
  const line = found[0];
  if (!line) throw w.mismatch(w.label('entities.ProjectIntegrationJournalLine.other'), w.num(0), w.num(1));
  return line;
}

const linePath = (line: Rec): string =>
  `/data/ProjectIntegrationJournalLines(dataAreaId=${odataString(String(line.dataAreaId))},JournalId=${odataString(String(line.JournalId))},LineNum=${Number(line.LineNum)})${CROSS}`;

step('journal.deleteUnbilledLine', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.ok('DELETE', linePath(await unbilledLine(this)));
});

step('journal.tryDeleteUnbilledLine', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.attemptCall('DELETE', linePath(await unbilledLine(this)));
});

/** The journal holding the lines with posting errors: the newest one that names an original journal. */
async function errorJournal(w: SpecWorld): Promise<Rec> {
  const found = await w.foList(`ProjectIntegrationJournals?cross-company=true&$filter=dataAreaId eq ${odataString(w.currentCompany().code)} and OriginalJournalId ne null&$orderby=JournalId desc&$top=1`);
  const j = found[0];
  if (!j) throw w.mismatch(w.label('entities.ProjectIntegrationJournal.one'), w.failText('none'), w.label('options.journalLineStatus.Error'));
  return j;
}

step('journal.tryPostErrorJournal', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  const j = await errorJournal(this);
  await this.attemptCall('POST', `${journalPath(String(j.dataAreaId), String(j.JournalId))}/${ACTIONS}.Post${CROSS}`, {});
});

step('journal.resetErrorJournal', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  const j = await errorJournal(this);
  await this.ok('POST', `${journalPath(String(j.dataAreaId), String(j.JournalId))}/${ACTIONS}.ResetToDraft${CROSS}`, {});
});

step('journal.thenPeriodNotOpen', async function () {
  const log = journalPostings.get(this)?.log ?? [];
  if (!log.some((l) => l.level === 'error' && l.key === 'finance.periodNotOpen')) {
    throw this.mismatch(this.label('entities.ProjectIntegrationJournal.one'), log.filter((l) => l.level === 'error').map((l) => String(l.key)).join(', ') || this.failText('none'), 'finance.periodNotOpen');
  }
});

step('journal.thenErrorJournal', async function (status: string, n: number) {
  const key = String(resolvePath('options.journalLineStatus', this.lang, status));
  const j = await errorJournal(this);
  const posted = journalPostings.get(this)?.journals ?? [];
  const lines = await journalLines(this, ` and JournalId eq ${odataString(String(j.JournalId))}`);
  const what = `${this.label('entities.ProjectIntegrationJournal.one')} ${String(j.JournalId)}`;
  if (!posted.includes(String(j.OriginalJournalId))) throw this.mismatch(`${what}: ${this.label('terms.original_journal')}`, String(j.OriginalJournalId), posted.join(', ') || this.failText('none'));
  if (j.Status !== key) throw this.mismatch(what, this.label(`options.journalLineStatus.${String(j.Status)}`), status);
  if (lines.length !== n || lines.some((l) => l.Status !== key)) throw this.mismatch(`${what}: ${this.label('entities.ProjectIntegrationJournalLine.other')}`, lines.map((l) => this.label(`options.journalLineStatus.${String(l.Status)}`)).join(', '), `${this.num(n)} × ${status}`);
});

step('journal.thenOwnVouchers', async function () {
  const lines = await journalLines(this);
  const vouchers = new Set(lines.map((l) => String(l.Voucher ?? '')).filter(Boolean));
  if (lines.length === 0 || vouchers.size !== lines.length) throw this.mismatch(this.label('terms.voucher_number'), this.num(vouchers.size), this.num(lines.length));
});

/** Posting type labels of the language (ui.json codes.postingType, the names Finance shows) → posting types. */
function postingTypeOf(w: SpecWorld, text: string): string {
  const t = translator(w.lang);
  const hit = Object.values(PostingType).find((p) => t(`ui:codes.postingType.${p}`) === text.trim());
  if (!hit) throw w.mismatch(w.label('terms.posting_type'), text, Object.values(PostingType).map((p) => `"${t(`ui:codes.postingType.${p}`)}"`).join(', '));
  return hit;
}

/** Compares voucher lines with a table (header row, then posting type | main account | amount in accounting currency), in any order. */
function checkVoucherLines(w: SpecWorld, got: readonly Rec[], table: DataTable): void {
  const rows = table.raw().slice(1);
  const t = translator(w.lang);
  const expected = rows.map(([type, account, amount]) => ({ type: postingTypeOf(w, type ?? ''), account: String(account ?? '').trim(), amount: parseNumber(amount ?? '', w.lang) }));
  const left = [...got];
  const missing: string[] = [];
  for (const e of expected) {
    const i = left.findIndex((l) => l.PostingType === e.type && String(l.MainAccount) === e.account && sameAmount(l.AmountMST, e.amount));
    if (i < 0) missing.push(`${t(`ui:codes.postingType.${e.type}`)} ${e.account} ${formatNumber(e.amount, w.lang)}`);
    else left.splice(i, 1);
  }
  if (missing.length || left.length) {
    const show = (l: Rec): string => `${t(`ui:codes.postingType.${String(l.PostingType)}`)} ${String(l.MainAccount)} ${formatNumber(Number(l.AmountMST), w.lang)}`;
    throw w.mismatch(w.label('entities.LedgerVoucher.other'), got.map(show).join('; ') || w.failText('none'), rows.map((r) => r.join(' ')).join('; '));
  }
}

async function voucherLinesOf(w: SpecWorld, vouchers: readonly string[]): Promise<Rec[]> {
  if (vouchers.length === 0) return [];
  const company = w.currentCompany().code;
  const filter = vouchers.map((v) => `Voucher eq ${odataString(v)}`).join(' or ');
  return w.foList(`LedgerVouchers?cross-company=true&$filter=dataAreaId eq ${odataString(company)} and (${filter})&$orderby=Voucher,LineNum`);
}

step('journal.thenJournalVoucherLines', async function (table: DataTable) {
  const lines = await journalLines(this, " and Status eq 'Posted'");
  checkVoucherLines(this, await voucherLinesOf(this, lines.map((l) => String(l.Voucher))), table);
});

step('journal.thenInvoiceVoucherLines', async function (table: DataTable) {
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  checkVoucherLines(this, await voucherLinesOf(this, [String(posted.Voucher)]), table);
});
