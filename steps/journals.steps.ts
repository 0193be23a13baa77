import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import { odataString } from './support/http.js';
import { resolveLabel } from './support/parameters.js';
import { formatNumber } from './support/numbers.js';
import type { Rec, SpecWorld } from './support/world.js';
import { cellReaders, matches } from './invoicing.steps.js';
import { TxClass, TxType } from '../simulator/dataverse/entities.js';

/**
 * Material usage and fees recorded in entry journals and confirmed into actuals
 * (actuals/create-confirm-entry-journals-integrated.md; simulator/dataverse/journals.ts). The confirmation is the
 * simulator's action msdyn_PostJournal (docs/api.md, "Entry journals").
 */

const CONFIRM = 'Microsoft.Dynamics.CRM.msdyn_PostJournal';

/** The scenario's entry journals by the names the feature gives them (kept here: other steps don't need them). */
const journalsOf = new WeakMap<SpecWorld, Map<string, string>>();

async function clockDate(w: SpecWorld): Promise<string> {
  return String((await w.ok('GET', '/sim/clock')).now).slice(0, 10);
}

/** The named entry journal of the scenario, created on first use. */
async function entryJournal(w: SpecWorld, name: string): Promise<string> {
  let journals = journalsOf.get(w);
  if (!journals) journalsOf.set(w, (journals = new Map()));
  const known = journals.get(name);
  if (known) return known;
  const j = await w.dv('POST', 'msdyn_journals', { msdyn_description: name });
  const id = String(j.msdyn_journalid);
  journals.set(name, id);
  return id;
}

function knownJournal(w: SpecWorld, name: string): string {
  const id = journalsOf.get(w)?.get(name);
  if (!id) throw w.fail('unknownJournal', { name, what: w.label('entities.msdyn_journal.one') });
  return id;
}

async function addLine(w: SpecWorld, journal: string, line: { description: string; cls: number; type: number; quantity: number; price: number }): Promise<void> {
  const id = await entryJournal(w, journal);
  await w.dv('POST', 'msdyn_journallines', {
    msdyn_description: line.description, 'msdyn_journal@odata.bind': `/msdyn_journals(${id})`,
    'msdyn_project@odata.bind': `/msdyn_projects(${w.currentContract().projectId})`,
    msdyn_transactionclassification: line.cls, msdyn_transactiontypecode: line.type, msdyn_documentdate: await clockDate(w),
    msdyn_quantity: line.quantity, msdyn_price: line.price,
  });
}

/** Material usage: a cost line at the unit cost and an unbilled sales line at the unit price, both of class Material. */
step('entry.material', async function (journal: string, quantity: number, product: string, cost: number, price: number) {
  await addLine(this, journal, { description: product, cls: TxClass.Material, type: TxType.Cost, quantity, price: cost });
  await addLine(this, journal, { description: product, cls: TxClass.Material, type: TxType.UnbilledSales, quantity, price });
});

/** A fee: one unbilled sales line of class Fee, quantity 1 (a fee has no cost: journal-line-improvements.md). */
step('entry.fee', async function (journal: string, fee: string, amount: number) {
  await addLine(this, journal, { description: fee, cls: TxClass.Fee, type: TxType.UnbilledSales, quantity: 1, price: amount });
});

step('entry.feeAsCost', async function (journal: string, fee: string, amount: number) {
  await addLine(this, journal, { description: fee, cls: TxClass.Fee, type: TxType.Cost, quantity: 1, price: amount });
});

step('entry.confirm', async function (role: string, journal: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const id = knownJournal(this, journal);
  await this.tracking(() => this.dv('POST', `msdyn_journals(${id})/${CONFIRM}`, {}));
});

step('entry.tryConfirm', async function (role: string, journal: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const id = knownJournal(this, journal);
  await this.tracking(() => this.tryDv('POST', `msdyn_journals(${id})/${CONFIRM}`, {}));
});

step('entry.tryChangeQuantity', async function (role: string, journal: string, quantity: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const lines = await this.dvList(`msdyn_journallines?$filter=_msdyn_journal_value eq ${knownJournal(this, journal)}`);
  const line = lines[0];
  if (!line) throw this.mismatch(`${this.label('entities.msdyn_journal.one')} "${journal}": ${this.label('entities.msdyn_journalline.other')}`, this.num(0), '≥ 1');
  await this.tryDv('PATCH', `msdyn_journallines(${String(line.msdyn_journallineid)})`, { msdyn_quantity: quantity });
});

/** Include Fee = No on the contract's time and material line (table reference of salesorderdetail). */
step('contract.noFees', async function () {
  const contract = this.currentContract();
  if (!contract.lineId) throw this.fail('need', { what: this.label('entities.salesorderdetail.one') });
  await this.dv('PATCH', `salesorderdetails(${contract.lineId})`, { msdyn_includefee: false });
});

/**
 * An unbilled sales actual that no contract line bills: no contract, contract line or contract line customer, so
 * the contract's backlog never shows it (create-confirm-entry-journals-integrated.md, "Contract line customer").
 */
step('then.entryNotInvoiceable', async function (description: string) {
  const found = await this.dvList(`msdyn_actuals?$filter=msdyn_description eq ${odataString(description)} and msdyn_transactiontypecode eq ${TxType.UnbilledSales}`);
  const what = `${this.label('entities.msdyn_actual.one')} "${this.label(`options.msdyn_transactiontypecode.${TxType.UnbilledSales}`)}" ${description}`;
  if (found.length !== 1) throw this.mismatch(what, this.num(found.length), this.num(1));
  const a = found[0] as Rec;
  const linked = ['_msdyn_salescontract_value', '_msdyn_salescontractlineid_value', '_msdyn_accountcustomer_value'].filter((f) => a[f] !== null && a[f] !== undefined);
  if (linked.length) throw this.mismatch(what, linked.map((f) => `${f} = ${String(a[f])}`).join(', '), '—');
});

/** Finance's name of each transaction class (the actuals map carries the option's name: dualwrite/transforms.ts). */
const CLASS_NAME = new Map<number, string>(Object.entries(TxClass).map(([name, value]) => [value, name]));
const PROPOSAL_FIELD: Readonly<Record<string, string>> = { msdyn_transactionclassification: 'TransactionClassification', msdyn_quantity: 'Quantity', msdyn_amount: 'Amount' };

/** The proposal's lines as a whole (columns: transaction class, quantity, amount), in any order. */
step('then.proposalLineTable', async function (table: DataTable) {
  const inv = this.currentInvoice();
  this.tell('proposal', inv.number);
  const found = await this.foList(`ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq ${odataString(inv.company)} and ProposalId eq ${odataString(inv.number)}`);
  const [header, ...rows] = table.raw();
  if (!header) throw this.fail('tableHeader');
  const fields = header.map((h) => String(resolveLabel('field', this.lang, h)));
  fields.forEach((f, i) => {
    if (!PROPOSAL_FIELD[f]) throw this.fail('column', { column: header[i] ?? f, columns: Object.keys(PROPOSAL_FIELD).map((c) => `"${this.label(`fields.msdyn_actual.${c}`)}"`).join(', ') });
  });
  const value = (f: string, l: Rec): unknown => (f === 'msdyn_transactionclassification' ? [...CLASS_NAME].find(([, n]) => n === l.TransactionClassification)?.[0] : l[PROPOSAL_FIELD[f] ?? '']);
  const remaining = [...found];
  const missing: string[] = [];
  for (const row of rows) {
    const expected = fields.map((f, i) => cellReaders[f]?.(this, row[i] ?? ''));
    const k = remaining.findIndex((l) => fields.every((f, i) => matches(f, value(f, l), expected[i])));
    if (k < 0) missing.push(row.join(' | '));
    else remaining.splice(k, 1);
  }
  if (missing.length || remaining.length) {
    const show = (l: Rec): string => fields.map((f) => {
      const v = value(f, l);
      return f === 'msdyn_transactionclassification' ? (v === undefined ? String(l.TransactionClassification) : this.label(`options.msdyn_transactionclassification.${String(v)}`)) : formatNumber(Number(v), this.lang, f === 'msdyn_amount' ? 2 : 0);
    }).join(' | ');
    throw new Error([
      this.failText('rowsDifferAll', { what: this.label('entities.ProjectInvoiceProposalLine.other'), columns: header.join(' | ') }),
      ...missing.map((r) => `  ${this.failText('rowAbsent', { row: r })}`),
      ...remaining.map((l) => `  ${this.failText('rowUnexpected', { row: show(l) })}`),
    ].join('\n'));
  }
});

/** Write-back on an invoice of several classes: each billed sales actual has the posted customer invoice's voucher. */
step('then.allVouchers', async function () {
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  const billed = await this.dvList(`msdyn_actuals?$filter=_msdyn_invoice_value eq ${this.currentInvoice().id} and msdyn_transactiontypecode eq ${TxType.BilledSales}`);
  const what = `${this.label('entities.msdyn_actual.other')} "${this.label(`options.msdyn_transactiontypecode.${TxType.BilledSales}`)}": ${this.label('terms.voucher_number')}`;
  if (billed.length === 0) throw this.mismatch(what, this.num(0), '≥ 1');
  const wrong = billed.filter((a) => !posted.Voucher || a.msdyn_vouchernumber !== posted.Voucher);
  if (wrong.length) throw this.mismatch(what, wrong.map((a) => String(a.msdyn_vouchernumber ?? '—')).join(', '), String(posted.Voucher ?? '—'));
});
