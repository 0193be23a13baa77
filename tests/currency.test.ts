import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { standardTaxParameters, standardTaxSetup } from '../simulator/finance/tax-setup.js';
import {
  type Harness, type Json, Opt, cents, confirm, createInvoice, list, ok, postJournals, proposalKey, rep, runProcess, setUpContract, startSim,
} from './support/http.js';

/**
 * Issue 14 part 2, over HTTP: a contract in EUR in the legal entity USPM, whose accounting currency is USD.
 * Rates come from Finance's ExchangeRates by date (format-update-project-invoice-proposals.md "Exchange rates";
 * project-operations-integration-journal.md), amounts round per currency, a missing rate fails the right process.
 * The clock and every date of the flow is 2026-03-02.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const rateKey = (from: string, to: string, start: string): string => `(RateTypeName='Default',FromCurrency='${from}',ToCurrency='${to}',StartDate=${start})`;

async function addRate(from: string, to: string, start: string, rate: number, extra: Record<string, unknown> = {}): Promise<void> {
  await ok(h.fo('POST', '/ExchangeRates', { RateTypeName: 'Default', FromCurrency: from, ToCurrency: to, StartDate: start, Rate: rate, ConversionFactor: 'Hundred', ...extra }), 201);
}

async function currency(iso: string, precision: number): Promise<string> {
  return String((await ok(h.dv('POST', '/transactioncurrencies', { isocurrencycode: iso, currencyname: iso, currencyprecision: precision }, rep), 201)).json.transactioncurrencyid);
}

/** USPM in USD; USD and the contract's currency in Dataverse; the contract in that currency with `hours` approved. */
async function foreignContract(o: { iso?: string; precision?: number; hours: number; rate: number; cost?: number }) {
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'USPM', Name: 'Contoso Robotics USA', AccountingCurrency: 'USD' }), 201);
  for (const [set, body] of standardTaxSetup('USPM', 10)) await ok(h.fo('POST', `/${set}`, body), 201);
  const params = standardTaxParameters('USPM');
  await ok(h.fo('PATCH', `/${params.path}`, params.body));
  const usd = await currency('USD', 2);
  const foreign = await currency(o.iso ?? 'EUR', o.precision ?? 2);
  const c = await setUpContract(h, { createCompany: false, currency: o.iso ?? 'EUR', hours: o.hours, rate: o.rate, cost: o.cost ?? 90 });
  return { ...c, usd, foreign };
}

const actualsOf = async (type: number): Promise<Json[]> => list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${type}&$orderby=createdon`);
const stagingOf = async (actualId: string): Promise<Json> => (await list(h.fo, `/ProjCDSActualsImports?$filter=ActualId eq ${actualId}`))[0];

test('EUR contract in a USD legal entity: transaction currency throughout, accounting currency amount and rate written back', async () => {
  await addRate('EUR', 'USD', '2026-01-01', 108.5);
  await addRate('EUR', 'USD', '2026-04-01', 112); // later: not valid on 2026-03-02
  const c = await foreignContract({ hours: 7.5, rate: 133.33 });

  // Approval: cost in the accounting currency, unbilled sales in the contract's; 7.5 × 133.33 = 999.975 → 999.98 EUR.
  const [cost] = await actualsOf(Opt.Cost);
  const [unbilled] = await actualsOf(Opt.UnbilledSales);
  assert.deepEqual([cost._transactioncurrencyid_value, cost.msdyn_amount], [c.usd, 675]);
  assert.deepEqual([unbilled._transactioncurrencyid_value, unbilled.msdyn_amount], [c.foreign, 999.98]);

  // Import from staging and journal posting: the unbilled sales at 108.50 per 100 EUR (1.085).
  await runProcess(h, 'import_staging');
  const journalLines = await list(h.fo, '/ProjectIntegrationJournalLines?$orderby=LineNum');
  assert.deepEqual(journalLines.map((l) => [l.TransType, l.CurrencyCode, l.Amount]), [['Cost', 'USD', 675], ['UnbilledSales', 'EUR', 999.98]]);
  await postJournals(h);
  const staged = await stagingOf(String(unbilled.msdyn_actualid));
  assert.deepEqual([staged.TransactionCurrencyId, staged.ExchangeRate, staged.AccountingAmount, String(staged.ExchangeRateDate).slice(0, 10)], ['EUR', 1.085, 1084.98, '2026-03-02']);
  const unbilledBack = (await ok(h.dv('GET', `/msdyn_actuals(${String(unbilled.msdyn_actualid)})`))).json;
  assert.deepEqual([unbilledBack.msdyn_exchangerate, unbilledBack.msdyn_accountingcurrencyamount], [1.085, 1084.98]);

  // The pro-forma invoice and the proposal carry EUR; 999.98 + the 5,000.00 milestone.
  const draft = await createInvoice(h, c.contractId);
  assert.deepEqual([draft._transactioncurrencyid_value, draft.totalamount], [c.foreign, 5999.98]);
  await ok(confirm(h, draft.invoiceid));
  const p0 = (await ok(h.fo('GET', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}?cross-company=true`))).json;
  assert.equal(p0.CurrencyCode, 'EUR');
  await runProcess(h, 'import_staging');
  const lines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=ProposalId eq '${String(draft.invoicenumber)}'&$orderby=LineNum`);
  assert.deepEqual(lines.map((l) => [l.CurrencyCode, l.Amount]), [['EUR', 999.98], ['EUR', 5000]]);

  // Posting: the customer invoice in EUR, tax rounded in EUR, the ledger in USD at 1.085.
  const posted = (await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}))).json;
  assert.deepEqual([posted.CurrencyCode, posted.InvoiceAmount, posted.SalesTaxAmount, posted.TotalAmount, posted.ExchangeRate], ['EUR', 5999.98, 600, 6599.98, 1.085]);
  const voucher = await list(h.fo, `/LedgerVouchers?$filter=Voucher eq '${String(posted.Voucher)}'&$orderby=LineNum`);
  assert.equal(voucher.reduce((s, l) => s + cents(l.AmountMST), 0), 0, 'debits equal credits in USD');
  assert.deepEqual(voucher.filter((l) => l.MainAccount === '161300').map((l) => [l.CurrencyCode, l.AmountCur, l.AmountMST]), [['EUR', -999.98, -1084.98]], 'WIP clears at the journal amount');
  assert.deepEqual(voucher.filter((l) => l.MainAccount === '411100').map((l) => [l.AmountCur, l.AmountMST]), [[-999.98, -1084.98], [-5000, -5425]]);

  // Write-back to the billed sales actuals: accounting currency amount, a rate other than 1, tax in EUR.
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales} and msdyn_transactionclassification eq 192350000`);
  assert.equal(billed.length, 1);
  assert.deepEqual([billed[0]._transactioncurrencyid_value, billed[0].msdyn_amount, billed[0].msdyn_exchangerate, billed[0].msdyn_accountingcurrencyamount, billed[0].msdyn_salestaxamount, billed[0].msdyn_vouchernumber],
    [c.foreign, 999.98, 1.085, 1084.98, 100, posted.Voucher]);
});

test('the rate is the one valid at the date: a later start or an end date before it does not count', async () => {
  await addRate('EUR', 'USD', '2025-01-01', 105, { EndDate: '2026-02-28' });
  await addRate('EUR', 'USD', '2026-03-03', 112);
  await foreignContract({ hours: 8, rate: 100 });
  const log = await runProcess(h, 'import_staging');
  assert.deepEqual(log.filter((l) => l.level === 'error').map((l) => [l.key, l.params.from, l.params.to, l.params.date]), [['import.noExchangeRate', 'EUR', 'USD', '2026-03-02']]);
  await addRate('EUR', 'USD', '2026-03-01', 110);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const [unbilled] = await actualsOf(Opt.UnbilledSales);
  assert.deepEqual([(await stagingOf(String(unbilled.msdyn_actualid))).ExchangeRate, unbilled.msdyn_amount], [1.1, 800]);
});

test('missing rate: Import from staging table leaves the actual out of the journal, logs it, and imports it once the rate exists', async () => {
  await foreignContract({ hours: 8, rate: 100 });
  const log = await runProcess(h, 'import_staging');
  const [unbilled] = await actualsOf(Opt.UnbilledSales);
  const errors = log.filter((l) => l.level === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].key, 'import.noExchangeRate');
  assert.equal(errors[0].params.actual, (await stagingOf(String(unbilled.msdyn_actualid))).ActualsImportId);
  // The cost (USD) is imported; the EUR unbilled sales are not, and nothing of them is half-done.
  assert.deepEqual((await list(h.fo, '/ProjectIntegrationJournalLines')).map((l) => l.TransType), ['Cost']);
  const row = await stagingOf(String(unbilled.msdyn_actualid));
  assert.deepEqual([row.IsProcessed, row.JournalId ?? null, row.VoucherNumber, row.ExchangeRate], [false, null, null, null]);
  await postJournals(h);
  const still = (await ok(h.dv('GET', `/msdyn_actuals(${String(unbilled.msdyn_actualid)})`))).json;
  assert.deepEqual([still.msdyn_vouchernumber, still.msdyn_exchangerate, still.msdyn_accountingcurrencyamount], [null, null, null]);

  await addRate('EUR', 'USD', '2026-01-01', 108.5);
  const again = await runProcess(h, 'import_staging');
  assert.deepEqual(again.filter((l) => l.level === 'error'), []);
  assert.deepEqual((await list(h.fo, "/ProjectIntegrationJournalLines?$filter=Status eq 'Draft'")).map((l) => [l.TransType, l.CurrencyCode, l.Amount]), [['UnbilledSales', 'EUR', 800]]);
});

test('missing rate at posting: the journal posts its valid lines and moves the EUR line to a new journal in Error (issue 14 part 3); the proposal is refused whole', async () => {
  await addRate('EUR', 'USD', '2026-01-01', 108.5);
  const c = await foreignContract({ hours: 8, rate: 100 });
  await runProcess(h, 'import_staging');
  // The rate disappears between the import and the posting.
  await ok(h.fo('DELETE', `/ExchangeRates${rateKey('EUR', 'USD', '2026-01-01')}`), 204);
  const journal = (await list(h.fo, '/ProjectIntegrationJournals'))[0];
  const posted = await ok(h.fo('POST', `/ProjectIntegrationJournals(dataAreaId='USPM',JournalId='${String(journal.JournalId)}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}));
  const errors = (posted.json.log as Json[]).filter((l) => l.level === 'error');
  assert.deepEqual(errors.map((l) => [l.key, l.params.from, l.params.to, l.params.date]), [['finance.noExchangeRate', 'EUR', 'USD', '2026-03-02']]);
  assert.equal(posted.json.Status, 'Posted');
  const journals = await list(h.fo, '/ProjectIntegrationJournals?$orderby=JournalId');
  assert.deepEqual(journals.map((j) => [j.JournalId, j.Status, j.OriginalJournalId, j.LineCount]), [[journal.JournalId, 'Posted', null, 1], ['PIJ-000002', 'Error', journal.JournalId, 1]]);
  const lines = await list(h.fo, '/ProjectIntegrationJournalLines?$orderby=JournalId');
  assert.deepEqual(lines.map((l) => [l.JournalId, l.TransType, l.Status]), [[journal.JournalId, 'Cost', 'Posted'], ['PIJ-000002', 'UnbilledSales', 'Error']]);
  // Only the cost line's voucher is in the ledger; the EUR line's staging row is not journalized.
  assert.deepEqual([...new Set((await list(h.fo, '/LedgerVouchers')).map((v) => v.Voucher))], [lines[0].Voucher]);
  const [unbilled] = await actualsOf(Opt.UnbilledSales);
  const row = await stagingOf(String(unbilled.msdyn_actualid));
  assert.deepEqual([row.JournalPosted, row.VoucherNumber, row.JournalId], [false, null, 'PIJ-000002']);
  // The journal in Error isn't posted until it is reset to draft.
  const refused = await h.fo('POST', "/ProjectIntegrationJournals(dataAreaId='USPM',JournalId='PIJ-000002')/Microsoft.Dynamics.DataEntities.Post?cross-company=true", {});
  assert.equal(refused.status, 400);
  assert.match(refused.json.error.innererror.message, /PIJ-000002/);

  await addRate('EUR', 'USD', '2026-01-01', 108.5, { EndDate: '2026-03-02' });
  await ok(h.fo('POST', "/ProjectIntegrationJournals(dataAreaId='USPM',JournalId='PIJ-000002')/Microsoft.Dynamics.DataEntities.ResetToDraft?cross-company=true", {}));
  // With the rate back and the journal reset to draft, it posts; then the proposal's posting meets a missing rate at the invoice date.
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  await ok(h.fo('PATCH', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}?cross-company=true`, { InvoiceDate: '2026-03-10' }));
  const vouchersBefore = await list(h.fo, '/LedgerVouchers');
  const post = await h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {});
  assert.equal(post.status, 400);
  assert.match(post.json.error.innererror.message, /2026-03-10/);
  const p = (await ok(h.fo('GET', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}?cross-company=true`))).json;
  assert.deepEqual([p.Status, p.CustomerInvoiceId, p.Voucher], ['Open', null, null]);
  assert.deepEqual(await list(h.fo, '/CustomerInvoices'), []);
  assert.deepEqual(await list(h.fo, '/LedgerVouchers'), vouchersBefore);
  const billed = await actualsOf(Opt.BilledSales);
  assert.ok(billed.every((a) => a.msdyn_vouchernumber === null && a.msdyn_exchangerate === null));
});

test('rounding follows each currency: JPY without decimals in Dataverse, its general rounding rule in Finance', async () => {
  await ok(h.fo('POST', '/Currencies', { CurrencyCode: 'JPY', Name: 'Yen', GeneralRoundingRule: 1 }), 201);
  await addRate('JPY', 'USD', '2026-01-01', 0.6667);
  const c = await foreignContract({ iso: 'JPY', precision: 0, hours: 1.5, rate: 3331 });
  // 1.5 × 3,331 = 4,996.5 → 4,997 JPY (precision 0).
  const [unbilled] = await actualsOf(Opt.UnbilledSales);
  assert.equal(unbilled.msdyn_amount, 4997);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  // 4,997 × 0.006667 = 33.314999 → 33.31 USD (cents).
  assert.equal((await stagingOf(String(unbilled.msdyn_actualid))).AccountingAmount, 33.31);
  await ok(h.dv('PATCH', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})`, { msdyn_amount: 1 }));
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  const posted = (await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}))).json;
  // Tax 10 % of 4,997 = 499.7 → 500 JPY under the rule 1 (not 499.70).
  const billed = (await actualsOf(Opt.BilledSales)).find((a) => a.msdyn_transactionclassification === 192350000);
  assert.equal(billed.msdyn_salestaxamount, 500);
  assert.equal(posted.CurrencyCode, 'JPY');
  assert.equal(cents(posted.SalesTaxAmount) % 100, 0, 'whole yen');
});

test('ExchangeRates: the key is rate type, currency pair and start date; an unknown conversion factor or a rate ≤ 0 is refused and not stored', async () => {
  await addRate('EUR', 'USD', '2026-01-01', 108.5);
  const got = (await ok(h.fo('GET', `/ExchangeRates${rateKey('EUR', 'USD', '2026-01-01')}`))).json;
  assert.deepEqual([got.RateTypeName, got.FromCurrency, got.ToCurrency, got.StartDate.slice(0, 10), got.Rate, got.ConversionFactor], ['Default', 'EUR', 'USD', '2026-01-01', 108.5, 'Hundred']);
  const factor = await h.fo('POST', '/ExchangeRates', { RateTypeName: 'Default', FromCurrency: 'GBP', ToCurrency: 'USD', StartDate: '2026-01-01', Rate: 1250, ConversionFactor: 'Thousand' });
  assert.equal(factor.status, 400);
  assert.match(factor.json.error.innererror.message, /Thousand/);
  const inherited = await h.fo('POST', '/ExchangeRates', { RateTypeName: 'Default', FromCurrency: 'GBP', ToCurrency: 'USD', StartDate: '2026-01-01', Rate: 125, ConversionFactor: 'constructor' });
  assert.equal(inherited.status, 400);
  const zero = await h.fo('POST', '/ExchangeRates', { RateTypeName: 'Default', FromCurrency: 'GBP', ToCurrency: 'USD', StartDate: '2026-01-01', Rate: 0 });
  assert.equal(zero.status, 400);
  assert.deepEqual((await list(h.fo, '/ExchangeRates')).map((r) => r.FromCurrency), ['EUR']);
  const badPatch = await h.fo('PATCH', `/ExchangeRates${rateKey('EUR', 'USD', '2026-01-01')}`, { ConversionFactor: 'Ten' });
  assert.equal(badPatch.status, 400);
  assert.equal((await ok(h.fo('GET', `/ExchangeRates${rateKey('EUR', 'USD', '2026-01-01')}`))).json.ConversionFactor, 'Hundred');
});
