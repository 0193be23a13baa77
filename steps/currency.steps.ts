import type { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { odataString } from './support/http.js';
import type { Rec, SpecWorld } from './support/world.js';
import { createContract, currencyId, today } from './setup.steps.js';
import { billedActual, checkAccountingDetails, writeBackField } from './posting.steps.js';
import { TxType } from '../simulator/dataverse/entities.js';

/**
 * Currencies (issue 14 parts 2 and 7): a contract in another currency than its legal entity's, Finance's exchange
 * rates, the currency of records, and checks that an accounting detail is not there yet.
 */

step('setup.contractIn', async function (name: string, customer: string, iso: string) {
  await createContract(this, name, customer, await currencyId(this, iso));
});

/** A rate of the ledger's type (Default), one unit of `from` in `to`, valid from the first day of the current year. */
step('setup.exchangeRate', async function (from: string, to: string, rate: number) {
  const year = (await today(this)).slice(0, 4);
  await this.ok('POST', '/data/ExchangeRates', { RateTypeName: 'Default', FromCurrency: from, ToCurrency: to, StartDate: `${year}-01-01`, Rate: rate, ConversionFactor: 'One' });
});

async function isoOf(w: SpecWorld, id: unknown): Promise<string> {
  if (!id) return w.failText('none');
  const c = await w.dv('GET', `transactioncurrencies(${String(id)})?$select=isocurrencycode`);
  return String(c.isocurrencycode);
}

function expectCurrency(w: SpecWorld, what: string, got: string, iso: string): void {
  if (got !== iso) throw w.mismatch(`${what}: ${w.label('terms.currency')}`, got, iso);
}

step('then.invoiceCurrency', async function (iso: string) {
  const inv = this.currentInvoice();
  const rec = await this.dv('GET', `invoices(${inv.id})?$select=_transactioncurrencyid_value`);
  expectCurrency(this, `${this.label('entities.invoice.one')} ${inv.number}`, await isoOf(this, rec._transactioncurrencyid_value), iso);
});

step('then.proposalCurrency', async function (iso: string) {
  const inv = this.currentInvoice();
  this.tell('proposal', inv.number);
  const found = await this.foList(`ProjectInvoiceProposals?cross-company=true&$filter=dataAreaId eq ${odataString(inv.company)} and ProposalId eq ${odataString(inv.number)}`);
  expectCurrency(this, `${this.label('entities.ProjectInvoiceProposal.one')} ${inv.number}`, String(found[0]?.CurrencyCode ?? this.failText('none')), iso);
});

step('then.customerInvoiceCurrency', async function (iso: string) {
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  expectCurrency(this, `${this.label('entities.CustomerInvoice.one')} ${String(posted.InvoiceId)}`, String(posted.CurrencyCode), iso);
});

/** The latest actual of a transaction type on the current contract's project. */
async function latestActual(w: SpecWorld, type: number): Promise<Rec> {
  const project = w.currentContract().projectId;
  const found = await w.dvList(`msdyn_actuals?$filter=_msdyn_project_value eq ${project} and msdyn_transactiontypecode eq ${type} and msdyn_quantity gt 0&$orderby=createdon desc&$top=1`);
  const actual = found[0];
  if (!actual) throw w.mismatch(`${w.label('entities.msdyn_actual.other')} "${w.label(`options.msdyn_transactiontypecode.${type}`)}"`, w.num(0), w.num(1));
  return actual;
}

const actualLabel = (w: SpecWorld, type: number): string => `${w.label('entities.msdyn_actual.one')} "${w.label(`options.msdyn_transactiontypecode.${type}`)}"`;

step('then.costCurrency', async function (iso: string) {
  const a = await latestActual(this, TxType.Cost);
  expectCurrency(this, actualLabel(this, TxType.Cost), await isoOf(this, a._transactioncurrencyid_value), iso);
});

step('then.unbilledCurrency', async function (iso: string) {
  const a = await latestActual(this, TxType.UnbilledSales);
  expectCurrency(this, actualLabel(this, TxType.UnbilledSales), await isoOf(this, a._transactioncurrencyid_value), iso);
});

step('then.billedCurrency', async function (iso: string) {
  const a = await billedActual(this);
  expectCurrency(this, actualLabel(this, TxType.BilledSales), await isoOf(this, a._transactioncurrencyid_value), iso);
});

/** "The unbilled sales actual": the one of the last approved work. */
async function unbilledActual(w: SpecWorld): Promise<Rec> {
  const id = w.need(w.unbilledActualId, 'unbilledActual');
  return w.dv('GET', `msdyn_actuals(${id})`);
}

step('then.unbilledAccountingDetails', async function (table: DataTable) {
  checkAccountingDetails(this, await unbilledActual(this), table);
});

function expectAbsent(w: SpecWorld, actual: Rec, type: number, term: string): void {
  const got = actual[writeBackField(w, term)];
  if (got !== null && got !== undefined && got !== '') throw w.mismatch(`${actualLabel(w, type)}: ${term}`, String(got), w.failText('none'));
}

step('then.unbilledLacks', async function (term: string) {
  expectAbsent(this, await unbilledActual(this), TxType.UnbilledSales, term);
});

step('then.billedLacks', async function (term: string) {
  expectAbsent(this, await billedActual(this), TxType.BilledSales, term);
});

step('then.jobLogNoRate', async function (from: string, to: string) {
  const log = this.processLogs.get('import_staging') ?? [];
  const hit = log.find((l) => l.level === 'error' && l.key === 'import.noExchangeRate' && (l.params as Rec | undefined)?.from === from && (l.params as Rec | undefined)?.to === to);
  if (!hit) {
    const errors = log.filter((l) => l.level === 'error').map((l) => String(l.key));
    throw this.mismatch(this.label('terms.job_log'), errors.join(', ') || this.failText('none'), `import.noExchangeRate ${from} → ${to}`);
  }
});
