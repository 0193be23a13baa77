import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, Opt, confirm, createInvoice, list, ok, postJournals, proposalKey, rep, runProcess, setUpContract, startSim } from './support/http.js';

/**
 * Expenses end to end over HTTP (issue 14, part 1): expense categories and the category prices of the contract's
 * sales price list (pricing-costing/set-up-cost-sales-rates-expenses.md; psa/FAQ-zero-price-expense-*-actuals.md),
 * approval, the integration journal, the backlog, the pro-forma invoice, confirmation, Import from staging table,
 * posting and write-back.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const PriceCalc = { PricePerUnit: 192350000, AtCost: 192350001, Markup: 192350002 } as const;
const Expense = 192350001;

interface Pricing { readonly priceListId: string; readonly categories: Record<string, string> }

/** A sales price list on the contract with category prices: Airfare +10 %, Mileage 0.50 per mile, Hotel at cost. */
async function priceList(contractId: string, currencyId: string, extra: Record<string, unknown> = {}): Promise<Pricing> {
  const list = (await ok(h.dv('POST', '/pricelevels', { name: 'Sales 2026', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${currencyId})`, msdyn_module: 192350002, ...extra }, rep), 201)).json;
  const priceListId = String(list.pricelevelid);
  await ok(h.dv('PATCH', `/salesorders(${contractId})`, { 'pricelevelid@odata.bind': `/pricelevels(${priceListId})` }), 204);
  const categories: Record<string, string> = {};
  const prices: [string, number, Record<string, unknown>][] = [
    ['Airfare', PriceCalc.Markup, { msdyn_percent: 10 }], ['Mileage', PriceCalc.PricePerUnit, { msdyn_price: 0.5 }], ['Hotel', PriceCalc.AtCost, {}],
  ];
  for (const [name, calc, values] of [...prices, ['Meals', -1, {}] as [string, number, Record<string, unknown>]]) {
    const tc = (await ok(h.dv('POST', '/msdyn_transactioncategories', { msdyn_name: name }, rep), 201)).json;
    const ec = (await ok(h.dv('POST', '/msdyn_expensecategories', { msdyn_name: name, 'msdyn_expensecategoryuid@odata.bind': `/msdyn_transactioncategories(${String(tc.msdyn_transactioncategoryid)})` }, rep), 201)).json;
    categories[name] = String(ec.msdyn_expensecategoryid);
    if (calc < 0) continue; // Meals: no category price on the list
    await ok(h.dv('POST', '/msdyn_transactioncategorypricelevels', {
      'msdyn_pricelist@odata.bind': `/pricelevels(${priceListId})`, 'msdyn_transactioncategory@odata.bind': `/msdyn_transactioncategories(${String(tc.msdyn_transactioncategoryid)})`,
      msdyn_pricecalculation: calc, ...values,
    }), 204);
  }
  return { priceListId, categories };
}

async function approveExpense(projectId: string, category: string | undefined, amount: number, quantity?: number, name = 'Trip'): Promise<Json[]> {
  const e = (await ok(h.dv('POST', '/msdyn_expenses', {
    msdyn_expensetype: name, msdyn_name: name, msdyn_transactiondate: '2026-03-02', msdyn_amount: amount, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
    ...(category ? { 'msdyn_expensecategory@odata.bind': `/msdyn_expensecategories(${category})` } : {}), ...(quantity === undefined ? {} : { msdyn_quantity: quantity }),
  }, rep), 201)).json;
  return (await ok(h.dv('POST', `/msdyn_expenses(${String(e.msdyn_expenseid)})/Microsoft.Dynamics.CRM.msdyn_ApproveExpense`, {}))).json.value as Json[];
}

const shape = (actuals: Json[]): unknown[] => actuals.map((a) => [a.msdyn_transactiontypecode, a.msdyn_transactionclassification, a.msdyn_quantity, a.msdyn_price, a.msdyn_amount]);

test('category prices: markup over cost, price per unit, at cost; the cost is the entry amount', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const p = await priceList(c.contractId, c.currencyId);
  assert.deepEqual(shape(await approveExpense(c.projectId, p.categories.Airfare, 400)), [[Opt.Cost, Expense, 1, 400, 400], [Opt.UnbilledSales, Expense, 1, 440, 440]]);
  assert.deepEqual(shape(await approveExpense(c.projectId, p.categories.Mileage, 60, 120)), [[Opt.Cost, Expense, 120, 0.5, 60], [Opt.UnbilledSales, Expense, 120, 0.5, 60]]);
  assert.deepEqual(shape(await approveExpense(c.projectId, p.categories.Hotel, 189.9)), [[Opt.Cost, Expense, 1, 189.9, 189.9], [Opt.UnbilledSales, Expense, 1, 189.9, 189.9]]);
  const sales = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.UnbilledSales}&$select=_msdyn_transactioncategory_value,_msdyn_pricelist_value`);
  assert.ok(sales.every((a) => a._msdyn_pricelist_value === p.priceListId && typeof a._msdyn_transactioncategory_value === 'string'));
});

test('no category price, no price list, or a price list not valid on the date: the sales price is zero', async () => {
  const c = await setUpContract(h, { hours: 0 });
  // No price list on the contract yet (FAQ check 1).
  assert.deepEqual(shape(await approveExpense(c.projectId, undefined, 50)), [[Opt.Cost, Expense, 1, 50, 50], [Opt.UnbilledSales, Expense, 1, 0, 0]]);
  // A price list without a row for the category (check 3).
  const p = await priceList(c.contractId, c.currencyId, { begindate: '2026-03-01', enddate: '2026-12-31' });
  assert.deepEqual(shape(await approveExpense(c.projectId, p.categories.Meals, 35)), [[Opt.Cost, Expense, 1, 35, 35], [Opt.UnbilledSales, Expense, 1, 0, 0]]);
  // The list ends before the expense's date (check 2).
  await ok(h.dv('PATCH', `/pricelevels(${p.priceListId})`, { begindate: '2026-01-01', enddate: '2026-02-28' }), 204);
  assert.deepEqual(shape(await approveExpense(c.projectId, p.categories.Airfare, 400)), [[Opt.Cost, Expense, 1, 400, 400], [Opt.UnbilledSales, Expense, 1, 0, 0]]);
});

test('the category price takes the price list currency; a client cannot set another', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const p = await priceList(c.contractId, c.currencyId);
  const rows = await list(h.dv, `/msdyn_transactioncategorypricelevels?$filter=_msdyn_pricelist_value eq ${p.priceListId}`);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r._transactioncurrencyid_value === c.currencyId));
  const eur = (await ok(h.dv('POST', '/transactioncurrencies', { isocurrencycode: 'EUR', currencyname: 'EUR' }, rep), 201)).json;
  const tc = (await ok(h.dv('POST', '/msdyn_transactioncategories', { msdyn_name: 'Taxi' }, rep), 201)).json;
  const refused = await h.dv('POST', '/msdyn_transactioncategorypricelevels', {
    'msdyn_pricelist@odata.bind': `/pricelevels(${p.priceListId})`, 'msdyn_transactioncategory@odata.bind': `/msdyn_transactioncategories(${String(tc.msdyn_transactioncategoryid)})`,
    msdyn_pricecalculation: PriceCalc.AtCost, 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${String(eur.transactioncurrencyid)})`,
  });
  assert.equal(refused.status, 400);
  assert.equal((await list(h.dv, `/msdyn_transactioncategorypricelevels?$filter=_msdyn_pricelist_value eq ${p.priceListId}`)).length, 3, 'nothing created');
});

test('a contract line that excludes expenses: the expense has a cost actual only', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.dv('PATCH', `/salesorderdetails(${c.tmLineId})`, { msdyn_includeexpense: false }), 204);
  const actuals = await approveExpense(c.projectId, undefined, 80);
  assert.deepEqual(actuals.map((a) => [a.msdyn_transactiontypecode, a._msdyn_salescontractlineid_value]), [[Opt.Cost, null]]);
  // Time on the same line is still billed: the line includes time (not set counts as Yes).
  const entry = (await ok(h.dv('POST', '/msdyn_timeentries', { msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201)).json;
  const time = (await ok(h.dv('POST', `/msdyn_timeentries(${String(entry.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}))).json.value as Json[];
  assert.deepEqual(time.map((a) => [a.msdyn_transactiontypecode, a._msdyn_salescontractlineid_value]), [[Opt.Cost, c.tmLineId], [Opt.UnbilledSales, c.tmLineId]]);
});

test('time and an expense on one invoice: journal, backlog, pro-forma, confirmation, proposal, posting, write-back', async () => {
  const c = await setUpContract(h, { hours: 8 });
  const p = await priceList(c.contractId, c.currencyId);
  await approveExpense(c.projectId, p.categories.Airfare, 400, undefined, 'Flight to Seattle');

  // Integration journal: the expense's cost and unbilled sales lines carry the class Expense.
  assert.deepEqual((await runProcess(h, 'import_staging')).filter((l) => l.level === 'error'), []);
  const journalLines = await list(h.fo, '/ProjectIntegrationJournalLines');
  assert.deepEqual(journalLines.filter((l) => l.TransactionClassification === 'Expense').map((l) => `${String(l.TransType)} ${String(l.Amount)}`).sort(), ['Cost 400', 'UnbilledSales 440']);
  await postJournals(h);

  // Backlog → pro-forma invoice: one time-and-material line with a time and an expense detail (+ the milestone).
  const draft = await createInvoice(h, c.contractId);
  const details = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)}`);
  const expenseDetail = details.find((d) => d.msdyn_transactionclassification === Expense);
  assert.ok(expenseDetail, 'the expense is on the invoice');
  assert.deepEqual([expenseDetail.msdyn_quantity, expenseDetail.msdyn_price, expenseDetail.msdyn_amount, expenseDetail._msdyn_invoicelineid_value],
    [1, 440, 440, details.find((d) => d.msdyn_transactionclassification === 192350000)?._msdyn_invoicelineid_value]);
  assert.equal(draft.totalamount, 1600 + 440 + 5000);

  // Confirmation: the expense's billed sales actual.
  await ok(confirm(h, draft.invoiceid));
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales} and msdyn_transactionclassification eq ${Expense}`);
  assert.deepEqual(billed.map((a) => [a.msdyn_quantity, a.msdyn_amount, a.msdyn_vouchernumber, typeof a._msdyn_transactioncategory_value]), [[1, 440, null, 'string']]);

  // Import from staging table: a proposal line of class Expense; posting writes the voucher back.
  await runProcess(h, 'import_staging');
  const lines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq 'USPM' and ProposalId eq '${String(draft.invoicenumber)}'&$orderby=LineNum`);
  assert.deepEqual(lines.map((l) => [l.TransactionClassification, l.Quantity, l.SalesPrice, l.Amount]).sort(), [['Expense', 1, 440, 440], ['Milestone', 1, 5000, 5000], ['Time', 8, 200, 1600]]);
  const posted = (await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', String(draft.invoicenumber))}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}))).json;
  assert.equal(posted.InvoiceAmount, 7040);
  const after = await list(h.dv, `/msdyn_actuals?$filter=msdyn_actualid eq ${String(billed[0].msdyn_actualid)}`);
  assert.equal(after[0].msdyn_vouchernumber, posted.Voucher);
  assert.equal(after[0].msdyn_accountingcurrencyamount, 440);
});

test('demo data: Travel billed at cost on the posted ERP rollout invoice; Airfare and Mileage ready to invoice on Data platform', async () => {
  await h.reset(true);
  const contracts = await list(h.dv, `/salesorders?$filter=name eq 'Data platform'&$select=salesorderid,_pricelevelid_value`);
  assert.equal(contracts.length, 1);
  assert.equal(typeof contracts[0]._pricelevelid_value, 'string', 'the contract has a sales price list');
  const sales = await list(h.dv, `/msdyn_actuals?$filter=_msdyn_salescontract_value eq ${String(contracts[0].salesorderid)} and msdyn_transactionclassification eq ${Expense} and msdyn_transactiontypecode eq ${Opt.UnbilledSales}`);
  assert.deepEqual(sales.map((a) => [a.msdyn_quantity, a.msdyn_price, a.msdyn_amount, a.msdyn_billingstatus]).sort(), [[1, 440, 440, Opt.ReadyToInvoice], [120, 0.5, 60, Opt.ReadyToInvoice]]);
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactionclassification eq ${Expense} and msdyn_transactiontypecode eq ${Opt.BilledSales}`);
  assert.deepEqual(billed.map((a) => [a.msdyn_amount, typeof a.msdyn_vouchernumber]), [[120.5, 'string']]);
});

test('fixture checks: category prices name known expense categories and the fields of their method', async () => {
  const { checkFixture } = await import('../simulator/fixtures/fixture.js');
  const problems = (data: unknown): string[] => {
    try { checkFixture(data); return []; } catch (e) { return ((e as { problems: { path: string; key: string }[] }).problems).map((p) => `${p.path} ${p.key}`); }
  };
  assert.deepEqual(problems({
    expenseCategories: [{ id: 'air', name: 'Airfare' }],
    priceLists: [{ id: 'p', name: 'P', currency: 'USD', categoryPrices: [
      { category: 'air', method: 'markupOverCost' }, { category: 'air', method: 'atCost', price: 3 }, { category: 'car', method: 'pricePerUnit', price: 1 }, { category: 'air', method: 'discount' },
    ] }],
  }), ['$.priceLists[0].categoryPrices[3].method oneOf']);
  assert.deepEqual(problems({
    expenseCategories: [{ id: 'air', name: 'Airfare' }],
    priceLists: [{ id: 'p', name: 'P', currency: 'USD', categoryPrices: [{ category: 'air', method: 'markupOverCost' }, { category: 'air', method: 'atCost', price: 3 }, { category: 'car', method: 'pricePerUnit', price: 1 }] }],
    contracts: [{ id: 'c', name: 'C', customer: 'x', priceList: 'nope', lines: [] }],
  }), [
    '$.priceLists[0].categoryPrices[0].percent missing', '$.priceLists[0].categoryPrices[1].price notForMethod', '$.priceLists[0].categoryPrices[2].category unknownReference',
    '$.contracts[0].customer unknownReference', '$.contracts[0].priceList unknownReference',
  ]);
});
