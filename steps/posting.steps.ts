import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { FINANCE_ROLES, actAs } from './support/roles.js';
import { foKey, odataString } from './support/http.js';
import { resolvePath } from './support/parameters.js';
import { formatNumber, parseNumber, sameAmount } from './support/numbers.js';
import type { InvoiceRef, Rec, SpecWorld } from './support/world.js';
import { TxType } from '../simulator/dataverse/entities.js';

/** Finance and Operations: periodic processes, the integration journal, invoice proposals and posting. */

const POST = 'Microsoft.Dynamics.DataEntities.Post';
const proposalPath = (inv: InvoiceRef): string => `/data/ProjectInvoiceProposals${foKey({ dataAreaId: inv.company, ProposalId: inv.number })}`;
/** Records of another company than the user's default are addressed with cross-company=true (odata.md). */
const CROSS = '?cross-company=true';

/** "The project invoice proposal": the one of the current pro-forma invoice (its number is the invoice ID); named in the report. */
function currentProposalPath(w: SpecWorld): string {
  const inv = w.currentInvoice();
  w.tell('proposal', inv.number);
  return proposalPath(inv);
}

async function proposal(w: SpecWorld, inv?: InvoiceRef): Promise<Rec> {
  return w.ok('GET', `${inv ? proposalPath(inv) : currentProposalPath(w)}${CROSS}`);
}

async function runProcess(w: SpecWorld, process: string): Promise<void> {
  if (process !== 'import_staging' && process !== 'post_proposals') throw w.fail('notPeriodic', { process: w.label(`processes.${process}`), processes: ['import_staging', 'post_proposals'].map((p) => `"${w.label(`processes.${p}`)}"`).join(', ') });
  const run = await w.ok('POST', `/sim/processes/${process}/run`, { company: w.currentCompany().code });
  w.processLogs.set(process, Array.isArray(run.lastLog) ? (run.lastLog as Rec[]) : []);
}

/** The posting log of the last journal posting step of a scenario, and the journals it posted (read by journal.steps.ts). */
export const journalPostings = new WeakMap<SpecWorld, { readonly journals: string[]; readonly log: Rec[] }>();

async function postJournals(w: SpecWorld): Promise<void> {
  const company = w.currentCompany().code;
  const drafts = await w.foList(`ProjectIntegrationJournals?cross-company=true&$filter=dataAreaId eq ${odataString(company)} and Status eq 'Draft'`);
  if (drafts.length === 0) throw w.fail('noDraftJournal', { company, what: w.label('entities.ProjectIntegrationJournal.one') });
  const done = { journals: [] as string[], log: [] as Rec[] };
  for (const j of drafts) {
    const r = await w.ok('POST', `/data/ProjectIntegrationJournals${foKey({ dataAreaId: String(j.dataAreaId), JournalId: String(j.JournalId) })}/${POST}${CROSS}`, {});
    done.journals.push(String(j.JournalId));
    if (Array.isArray(r.log)) done.log.push(...(r.log as Rec[]));
  }
  journalPostings.set(w, done);
}

step('process.run', async function (process: string) {
  await runProcess(this, process);
});

step('journal.post', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await postJournals(this);
});

step('journal.posted', async function () {
  await runProcess(this, 'import_staging');
  await postJournals(this);
});

step('proposal.post', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  this.customerInvoice = await this.ok('POST', `${currentProposalPath(this)}/${POST}${CROSS}`, {});
});

step('proposal.tryPost', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.attemptCall('POST', `${currentProposalPath(this)}/${POST}${CROSS}`, {});
});

step('proposal.tryCreate', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.attemptCall('POST', '/data/ProjectInvoiceProposals', { dataAreaId: this.currentCompany().code, ProposalId: 'INV-90001', Description: 'Created in Finance' });
});

step('proposal.tryDelete', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.attemptCall('DELETE', `${currentProposalPath(this)}${CROSS}`);
});

step('proposal.editDescription', async function (role: string, text: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.ok('PATCH', `${currentProposalPath(this)}${CROSS}`, { Description: text });
});

step('finance.numberSequenceLower', async function (allow: boolean) {
  const company = this.currentCompany().code;
  const sequences = await this.foList(`NumberSequences?cross-company=true&$filter=dataAreaId eq ${odataString(company)} and Reference eq ${odataString('Invoice proposal')}`);
  const seq = sequences[0];
  if (!seq) throw this.fail('noNumberSequence', { company });
  await this.ok('PATCH', `/data/NumberSequences${foKey({ dataAreaId: company, NumberSequenceCode: String(seq.NumberSequenceCode) })}${CROSS}`, { AllowUserChangesToLowerNumber: allow });
});

/** Finance line property of each billing type (resource-configure-integration-per-legal-entity.md). */
const LINE_PROPERTY: Record<number, string> = { 192350000: 'NonChargeable', 192350001: 'Chargeable', 192350002: 'Complimentary', 192350003: 'NotAvailable' };
const lineProperty = (billingType: number): string => {
  const lp = LINE_PROPERTY[billingType];
  if (!lp) throw new Error(`internal: no line property for billing type ${billingType}`);
  return lp;
};

step('finance.removeLineProperty', async function (billingType: number) {
  const company = this.currentCompany().code;
  await this.ok('DELETE', `/data/ProjectLineProperties${foKey({ dataAreaId: company, LinePropertyId: lineProperty(billingType) })}${CROSS}`);
});

step('finance.addLineProperty', async function (billingType: number) {
  const lp = lineProperty(billingType);
  await this.ok('POST', '/data/ProjectLineProperties', { dataAreaId: this.currentCompany().code, LinePropertyId: lp, Name: lp, ToBeInvoiced: lp === 'Chargeable' });
});

// ---- outcomes in Finance -------------------------------------------------------------------------------

step('then.proposalExists', async function () {
  const inv = this.currentInvoice();
  const p = await proposal(this, inv);
  if (p.ProposalId !== inv.number) throw this.mismatch(this.label('entities.ProjectInvoiceProposal.one'), String(p.ProposalId), inv.number);
});

step('then.proposalExistsNamed', async function (alias: string) {
  const inv = this.namedInvoice(alias);
  const p = await proposal(this, inv);
  if (p.ProposalId !== inv.number) throw this.mismatch(this.label('entities.ProjectInvoiceProposal.one'), String(p.ProposalId), inv.number);
});

step('then.noProposal', async function () {
  const inv = this.currentInvoice();
  const found = await this.foList(`ProjectInvoiceProposals?cross-company=true&$filter=ProposalId eq ${odataString(inv.number)}`);
  if (found.length) throw this.fail('proposalIn', { what: this.label('entities.ProjectInvoiceProposal.one'), number: inv.number, companies: found.map((p) => String(p.dataAreaId)).join(', ') });
});

async function proposalLines(w: SpecWorld): Promise<Rec[]> {
  const inv = w.currentInvoice();
  return w.foList(`ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq ${odataString(inv.company)} and ProposalId eq ${odataString(inv.number)}`);
}

step('then.proposalNoLines', async function () {
  const lines = await proposalLines(this);
  const p = await proposal(this);
  if (lines.length || Number(p.LineCount) !== 0) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposal.one')} ${String(p.ProposalId)}: ${this.label('entities.ProjectInvoiceProposalLine.other')}`, `${this.num(lines.length)} (LineCount ${this.num(Number(p.LineCount))})`, this.num(0));
});

step('then.proposalLines', async function (n: number) {
  const lines = await proposalLines(this);
  const p = await proposal(this);
  if (lines.length !== n || Number(p.LineCount) !== n) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposal.one')} ${String(p.ProposalId)}: ${this.label('entities.ProjectInvoiceProposalLine.other')}`, `${this.num(lines.length)} (LineCount ${this.num(Number(p.LineCount))})`, this.num(n));
});

/**
 * The last run of Import from staging table held the current proposal back because its billed sales actuals don't
 * match Dataverse's (project-integration-workspace.md, Troubleshoot tab).
 */
step('then.importMismatch', async function () {
  const inv = this.currentInvoice();
  const log = this.processLogs.get('import_staging') ?? [];
  const errors = log.filter((l) => l.level === 'error' && (l.params as Rec | undefined)?.proposal === inv.number);
  if (!errors.some((l) => l.key === 'import.mismatch')) {
    throw this.mismatch(`${this.label('processes.import_staging')}: ${this.label('entities.ProjectInvoiceProposal.one')} ${inv.number}`, errors.map((l) => String(l.key)).join(', ') || this.failText('none'), 'import.mismatch');
  }
});

step('then.proposalAmount', async function (amount: number) {
  const p = await proposal(this);
  if (!sameAmount(p.InvoiceAmount, amount)) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposal.one')} ${String(p.ProposalId)}`, formatNumber(Number(p.InvoiceAmount), this.lang), formatNumber(amount, this.lang));
});

step('then.proposalCompany', async function (alias: string, company: string) {
  const inv = this.namedInvoice(alias);
  const found = await this.foList(`ProjectInvoiceProposals?cross-company=true&$filter=ProposalId eq ${odataString(inv.number)}`);
  const areas = found.map((p) => String(p.dataAreaId));
  if (areas.length !== 1 || areas[0] !== company) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposal.one')} ${inv.number}: ${this.label('entities.LegalEntity.one')}`, areas.join(', ') || this.failText('none'), company);
});

/** Write-back after posting: the terms of the table name the actual's accounting fields. */
const WRITE_BACK: Record<string, string> = {
  accounting_amount: 'msdyn_accountingcurrencyamount',
  exchange_rate: 'msdyn_exchangerate',
  sales_tax_amount: 'msdyn_salestaxamount',
  voucher_number: 'msdyn_vouchernumber',
};

export async function billedActual(w: SpecWorld): Promise<Rec> {
  const billed = await w.dvList(`msdyn_actuals?$filter=_msdyn_invoice_value eq ${w.currentInvoice().id} and msdyn_transactiontypecode eq ${TxType.BilledSales}`);
  if (billed.length !== 1) throw w.mismatch(`${w.label('entities.invoice.one')} ${w.currentInvoice().number}: ${w.label('entities.msdyn_actual.other')} "${w.label(`options.msdyn_transactiontypecode.${TxType.BilledSales}`)}"`, w.num(billed.length), w.num(1));
  return billed[0] as Rec;
}

/** Checks the accounting details (terms of the table) written back to an actual. */
export function checkAccountingDetails(w: SpecWorld, actual: Rec, table: DataTable): void {
  const problems: string[] = [];
  for (const [term, value] of table.raw()) {
    const field = writeBackField(w, term ?? '');
    const got = actual[field];
    if (field === 'msdyn_vouchernumber') {
      if (got !== value) problems.push(`${term}: ${String(got)} ≠ ${value}`);
    } else if (got === null || got === undefined || !sameAmount(got, parseNumber(value ?? '', w.lang))) {
      problems.push(`${term}: ${got === null || got === undefined ? '—' : formatNumber(Number(got), w.lang)} ≠ ${value}`);
    }
  }
  if (problems.length) throw new Error(`${w.failText('accountingDetails')}\n  ${problems.join('\n  ')}`);
}

/** The actual's column of an accounting detail named by its term ("Exchange rate"…). */
export function writeBackField(w: SpecWorld, term: string): string {
  const key = String(resolvePath('terms', w.lang, term));
  const field = WRITE_BACK[key];
  if (!field) throw w.fail('notAccountingDetail', { term, terms: Object.keys(WRITE_BACK).map((k) => `"${w.label(`terms.${k}`)}"`).join(', ') });
  return field;
}

step('then.accountingDetails', async function (table: DataTable) {
  checkAccountingDetails(this, await billedActual(this), table);
});

step('then.voucher', async function () {
  const actual = await billedActual(this);
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  if (!posted.Voucher || actual.msdyn_vouchernumber !== posted.Voucher) {
    throw this.mismatch(`${this.label('entities.msdyn_actual.one')} "${this.label(`options.msdyn_transactiontypecode.${TxType.BilledSales}`)}": ${this.label('terms.voucher_number')}`, String(actual.msdyn_vouchernumber ?? '—'), String(posted.Voucher ?? '—'));
  }
});
