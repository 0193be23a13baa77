import type { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { odataString } from './support/http.js';
import { parseNumber, sameAmount, formatNumber } from './support/numbers.js';
import { resolvePath } from './support/parameters.js';
import type { Rec, SpecWorld } from './support/world.js';
import { compareWhole } from './actuals-table.steps.js';
import { writeBackField } from './posting.steps.js';
import { today } from './setup.steps.js';
import { BillingMethod, PriceListModule, TxClass, TxType } from '../simulator/dataverse/entities.js';

/**
 * Expenses and the category prices of the contract's sales price list (issue 14, part 1;
 * pricing-costing/set-up-cost-sales-rates-expenses.md, psa/FAQ-zero-price-expense-*-actuals.md). The expense's
 * actuals are those of class Expense on the contract's project (a scenario has one expense).
 */

const ACTION = 'Microsoft.Dynamics.CRM.';
const PRICING_METHOD = 'options.msdyn_transactioncategorypricelevel_msdyn_pricecalculation';

async function contractRecord(w: SpecWorld): Promise<Rec> {
  return w.dv('GET', `salesorders(${w.currentContract().id})?$select=_transactioncurrencyid_value,_pricelevelid_value`);
}

/** The contract's sales price list, created (in the contract's currency) and set on the contract when it has none. */
async function priceListOf(w: SpecWorld): Promise<string> {
  const contract = await contractRecord(w);
  if (contract._pricelevelid_value) return String(contract._pricelevelid_value);
  const list = await w.dv('POST', 'pricelevels', {
    name: w.currentContract().name, msdyn_module: PriceListModule.Sales,
    ...(contract._transactioncurrencyid_value ? { 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${String(contract._transactioncurrencyid_value)})` } : {}),
  });
  const id = String(list.pricelevelid);
  await w.dv('PATCH', `salesorders(${w.currentContract().id})`, { 'pricelevelid@odata.bind': `/pricelevels(${id})` });
  return id;
}

/** The expense category of this name with its transaction category (created when missing). */
async function expenseCategory(w: SpecWorld, name: string): Promise<{ expense: string; transaction: string }> {
  const found = await w.dvList(`msdyn_expensecategories?$filter=msdyn_name eq ${odataString(name)}`);
  if (found[0]) return { expense: String(found[0].msdyn_expensecategoryid), transaction: String(found[0]._msdyn_expensecategoryuid_value) };
  const tc = await w.dv('POST', 'msdyn_transactioncategories', { msdyn_name: name });
  const transaction = String(tc.msdyn_transactioncategoryid);
  const ec = await w.dv('POST', 'msdyn_expensecategories', { msdyn_name: name, 'msdyn_expensecategoryuid@odata.bind': `/msdyn_transactioncategories(${transaction})` });
  return { expense: String(ec.msdyn_expensecategoryid), transaction };
}

/** Table columns by position: expense category, pricing method, price, percent (an empty cell: no value). */
step('expense.categoryPrices', async function (table: DataTable) {
  const list = await priceListOf(this);
  for (const [category = '', method = '', price = '', percent = ''] of table.raw()) {
    const { transaction } = await expenseCategory(this, category);
    await this.dv('POST', 'msdyn_transactioncategorypricelevels', {
      'msdyn_pricelist@odata.bind': `/pricelevels(${list})`, 'msdyn_transactioncategory@odata.bind': `/msdyn_transactioncategories(${transaction})`,
      msdyn_pricecalculation: resolvePath(PRICING_METHOD, this.lang, method, Number),
      ...(price.trim() ? { msdyn_price: parseNumber(price, this.lang) } : {}), ...(percent.trim() ? { msdyn_percent: parseNumber(percent, this.lang) } : {}),
    });
  }
});

step('expense.priceListDates', async function (begin: string, end: string) {
  await this.dv('PATCH', `pricelevels(${await priceListOf(this)})`, { begindate: begin, enddate: end });
});

/** The contract's time-and-material lines no longer include expenses. */
step('expense.lineExcludes', async function () {
  const lines = await this.dvList(`salesorderdetails?$filter=_salesorderid_value eq ${this.currentContract().id} and msdyn_billingmethod eq ${BillingMethod.TimeAndMaterial}`);
  for (const l of lines) await this.dv('PATCH', `salesorderdetails(${String(l.salesorderdetailid)})`, { msdyn_includeexpense: false });
});

async function approveExpense(w: SpecWorld, resource: string, amount: number, category: string, quantity?: number): Promise<void> {
  const { expense: categoryId } = await expenseCategory(w, category);
  const e = await w.dv('POST', 'msdyn_expenses', {
    msdyn_expensetype: category, msdyn_name: `${resource}: ${category}`, msdyn_transactiondate: await today(w), msdyn_amount: amount,
    'msdyn_project@odata.bind': `/msdyn_projects(${w.currentContract().projectId})`, 'msdyn_expensecategory@odata.bind': `/msdyn_expensecategories(${categoryId})`,
    ...(quantity === undefined ? {} : { msdyn_quantity: quantity }),
  });
  await w.tracking(() => w.dv('POST', `msdyn_expenses(${String(e.msdyn_expenseid)})/${ACTION}msdyn_ApproveExpense`, {}));
}

step('expense.approved', async function (resource: string, amount: number, category: string) {
  await approveExpense(this, resource, amount, category);
});

step('expense.approvedUnits', async function (resource: string, amount: number, quantity: number, category: string) {
  await approveExpense(this, resource, amount, category, quantity);
});

const expenseActuals = (w: SpecWorld, filter = ''): Promise<Rec[]> =>
  w.dvList(`msdyn_actuals?$filter=_msdyn_project_value eq ${w.currentContract().projectId} and msdyn_transactionclassification eq ${TxClass.Expense}${filter}`);

step('expense.then.actuals', async function (table: DataTable) {
  compareWhole(this, table, await expenseActuals(this), `${this.label('entities.msdyn_actual.other')} (${this.label('entities.msdyn_expense.one')})`);
});

async function billedExpense(w: SpecWorld): Promise<Rec> {
  const billed = await expenseActuals(w, ` and msdyn_transactiontypecode eq ${TxType.BilledSales} and _msdyn_invoice_value eq ${w.currentInvoice().id}`);
  if (billed.length !== 1) throw w.mismatch(`${w.label('entities.msdyn_actual.other')} "${w.label(`options.msdyn_transactiontypecode.${TxType.BilledSales}`)}" (${w.label('entities.msdyn_expense.one')})`, w.num(billed.length), w.num(1));
  return billed[0] as Rec;
}

step('expense.then.billedLacks', async function (term: string) {
  const got = (await billedExpense(this))[writeBackField(this, term)];
  if (got !== null && got !== undefined && got !== '') throw this.mismatch(`${this.label('entities.msdyn_expense.one')}: ${term}`, String(got), this.failText('none'));
});

step('expense.then.voucher', async function () {
  const actual = await billedExpense(this);
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  if (!posted.Voucher || actual.msdyn_vouchernumber !== posted.Voucher) {
    throw this.mismatch(`${this.label('entities.msdyn_expense.one')}: ${this.label('terms.voucher_number')}`, String(actual.msdyn_vouchernumber ?? '—'), String(posted.Voucher ?? '—'));
  }
});

step('expense.then.proposalLine', async function (amount: number) {
  const inv = this.currentInvoice();
  this.tell('proposal', inv.number);
  const lines = await this.foList(`ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq ${odataString(inv.company)} and ProposalId eq ${odataString(inv.number)} and TransactionClassification eq 'Expense'`);
  const amounts = lines.map((l) => formatNumber(Number(l.Amount), this.lang));
  if (lines.length !== 1 || !sameAmount(lines[0]?.Amount, amount)) throw this.mismatch(`${this.label('entities.ProjectInvoiceProposalLine.other')} (${this.label('options.msdyn_transactionclassification.192350001')})`, amounts.join(', ') || this.failText('none'), formatNumber(amount, this.lang));
});

step('expense.then.categoryPriceCurrency', async function (iso: string) {
  const rows = await this.dvList(`msdyn_transactioncategorypricelevels?$filter=_msdyn_pricelist_value eq ${await priceListOf(this)}&$select=_transactioncurrencyid_value`);
  for (const r of rows) {
    const c = r._transactioncurrencyid_value ? await this.dv('GET', `transactioncurrencies(${String(r._transactioncurrencyid_value)})?$select=isocurrencycode`) : undefined;
    const got = String(c?.isocurrencycode ?? this.failText('none'));
    if (got !== iso) throw this.mismatch(`${this.label('entities.msdyn_transactioncategorypricelevel.one')}: ${this.label('terms.currency')}`, got, iso);
  }
  if (rows.length === 0) throw this.mismatch(this.label('entities.msdyn_transactioncategorypricelevel.other'), this.num(0), '≥ 1');
});
