import { step } from './support/phrases.js';
import { FINANCE_ROLES, actAs } from './support/roles.js';
import { foKey, odataString } from './support/http.js';
import { formatNumber, sameAmount } from './support/numbers.js';
import type { Rec, SpecWorld } from './support/world.js';
import { createLegalEntity, today } from './setup.steps.js';

/**
 * Sales tax as Finance computes it (issue 14 parts 4 and 7): sales tax codes and their values, sales tax groups,
 * item sales tax groups, the defaults of a proposal line, the accountant's corrections, and the tax total.
 */

const CROSS = '?cross-company=true';
/** A value with no end, valid long before any scenario's dates. */
const SINCE_EVER = '2000-01-01';

const codes = (list: string): string[] => list.split(/\s*,\s*/).filter((c) => c !== '');

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

step('tax.legalEntity', async function (code: string, currency: string) {
  await createLegalEntity(this, code, currency);
});

step('tax.code', async function (code: string, rate: number) {
  const company = this.currentCompany().code;
  await this.ok('POST', '/data/SalesTaxCodes', { dataAreaId: company, TaxCode: code, TaxName: code });
  await this.ok('POST', '/data/SalesTaxCodeValues', { dataAreaId: company, TaxCodeId: code, FromDate: SINCE_EVER, Value: rate });
});

/** The value valid until now ends the day before yesterday; the new one is valid from yesterday on. */
step('tax.codeChanged', async function (code: string, rate: number) {
  const company = this.currentCompany().code;
  const yesterday = addDays(await today(this), -1);
  const open = await this.foList(`SalesTaxCodeValues?cross-company=true&$filter=dataAreaId eq ${odataString(company)} and TaxCodeId eq ${odataString(code)} and ToDate eq null`);
  for (const v of open) {
    const key = `${foKey({ dataAreaId: company, TaxCodeId: code })}`.replace(/\)$/, `,FromDate=${String(v.FromDate).slice(0, 10)})`);
    await this.ok('PATCH', `/data/SalesTaxCodeValues${key}${CROSS}`, { ToDate: addDays(yesterday, -1) });
  }
  await this.ok('POST', '/data/SalesTaxCodeValues', { dataAreaId: company, TaxCodeId: code, FromDate: yesterday, Value: rate });
});

step('tax.group', async function (group: string, list: string) {
  const company = this.currentCompany().code;
  await this.ok('POST', '/data/SalesTaxGroups', { dataAreaId: company, TaxGroupCode: group, Description: group });
  for (const code of codes(list)) await this.ok('POST', '/data/SalesTaxGroupDetails', { dataAreaId: company, TaxGroupId: group, TaxCodeId: code });
});

step('tax.itemGroup', async function (group: string, list: string) {
  const company = this.currentCompany().code;
  await this.ok('POST', '/data/ItemSalesTaxGroups', { dataAreaId: company, TaxItemGroup: group, Name: group });
  for (const code of codes(list)) await this.ok('POST', '/data/ItemSalesTaxGroupDetails', { dataAreaId: company, TaxItemGroupCode: group, TaxCodeId: code });
});

step('tax.customerGroup', async function (group: string) {
  const contract = this.currentContract();
  const account = String(contract.customerAccount);
  await this.ok('PATCH', `/data/CustomersV3${foKey({ dataAreaId: contract.company, CustomerAccount: account })}${CROSS}`, { SalesTaxGroup: group });
});

step('tax.categoryHours', async function (category: string, group: string) {
  await this.ok('POST', '/data/ProjectCategories', { dataAreaId: this.currentCompany().code, Category: category, CategoryName: category, TransactionType: 'Hour', ItemSalesTaxGroup: group });
});

/** "The project invoice proposal line": the first line of the current proposal. */
function linePath(w: SpecWorld): string {
  const inv = w.currentInvoice();
  w.tell('proposal', inv.number);
  return `/data/ProjectInvoiceProposalLines${foKey({ dataAreaId: inv.company, ProposalId: inv.number })}`.replace(/\)$/, ',LineNum=1)');
}

async function proposalLine(w: SpecWorld): Promise<Rec> {
  return w.ok('GET', `${linePath(w)}${CROSS}`);
}

step('tax.setLineGroup', async function (role: string, group: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.ok('PATCH', `${linePath(this)}${CROSS}`, { SalesTaxGroup: group });
});

step('tax.setLineItemGroup', async function (role: string, group: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.ok('PATCH', `${linePath(this)}${CROSS}`, { ItemSalesTaxGroup: group });
});

step('tax.trySetLineItemGroup', async function (role: string, group: string) {
  actAs(this, role, FINANCE_ROLES);
  await this.attemptCall('PATCH', `${linePath(this)}${CROSS}`, { ItemSalesTaxGroup: group });
});

step('tax.deleteAll', async function (role: string) {
  actAs(this, role, FINANCE_ROLES);
  const inv = this.currentInvoice();
  this.tell('proposal', inv.number);
  await this.ok('POST', `/data/ProjectInvoiceProposals${foKey({ dataAreaId: inv.company, ProposalId: inv.number })}/Microsoft.Dynamics.DataEntities.DeleteAll${CROSS}`, {});
});

step('tax.thenLineGroups', async function (group: string, itemGroup: string) {
  const line = await proposalLine(this);
  const got = `${String(line.SalesTaxGroup ?? this.failText('none'))} / ${String(line.ItemSalesTaxGroup ?? this.failText('none'))}`;
  if (got !== `${group} / ${itemGroup}`) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposalLine.one')} 1: ${this.label('terms.sales_tax_group')} / ${this.label('terms.item_sales_tax_group')}`, got, `${group} / ${itemGroup}`);
});

step('tax.thenInvoiceTax', async function (amount: number) {
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  if (!sameAmount(posted.SalesTaxAmount, amount)) {
    throw this.mismatch(`${this.label('entities.CustomerInvoice.one')} ${String(posted.InvoiceId)}: ${this.label('terms.sales_tax_amount')}`, formatNumber(Number(posted.SalesTaxAmount), this.lang), formatNumber(amount, this.lang));
  }
});

step('tax.thenProformaTax', async function (amount: number) {
  const inv = this.currentInvoice();
  const rec = await this.dv('GET', `invoices(${inv.id})?$select=totaltax`);
  if (!sameAmount(rec.totaltax, amount)) {
    throw this.mismatch(`${this.label('entities.invoice.one')} ${inv.number}: ${this.label('terms.total_tax')}`, rec.totaltax === null || rec.totaltax === undefined ? this.failText('none') : formatNumber(Number(rec.totaltax), this.lang), formatNumber(amount, this.lang));
  }
});
