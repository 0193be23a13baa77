import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Harness, type Json, confirm, createInvoice, list, ok, postJournals, proposalKey, runProcess, setUpContract, startSim,
} from './support/http.js';

/** Sales tax as Finance computes it (issue 14 part 4), over HTTP: setup, defaults, corrections, posting, Dataverse. */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const CROSS = '?cross-company=true';
const lineKey = (company: string, id: string, n: number): string => `(dataAreaId='${company}',ProposalId='${id}',LineNum=${n})`;
const lines = (id: string): Promise<Json[]> => list(h.fo, `/ProjectInvoiceProposalLines${CROSS}&$filter=dataAreaId eq 'USPM' and ProposalId eq '${id}'&$orderby=LineNum`);
const post = (id: string) => h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', id)}/Microsoft.Dynamics.DataEntities.Post${CROSS}`, {});
const deleteAll = (id: string) => h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', id)}/Microsoft.Dynamics.DataEntities.DeleteAll${CROSS}`, {});
const proposal = async (id: string): Promise<Json> => (await ok(h.fo('GET', `/ProjectInvoiceProposals${proposalKey('USPM', id)}${CROSS}`))).json;
const message = (r: { json: Json }): string => String(r.json?.error?.innererror?.message ?? r.json?.error?.message ?? '');

/** USPM with the standard 19 % setup (TAX19 in STD / ALL), 7.25 h × 200.00 and the 5,000.00 milestone on a confirmed, imported invoice. */
async function importedProposal(o: { hours?: number } = {}): Promise<{ id: string; invoiceId: string }> {
  const c = await setUpContract(h, { taxPercent: 19, hours: o.hours ?? 7.25 });
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(draft.invoiceid)));
  await runProcess(h, 'import_staging');
  return { id: String(draft.invoicenumber), invoiceId: String(draft.invoiceid) };
}

test('defaults: the billing sales tax group from the customer, the item sales tax group from the hour category and the milestone parameter', async () => {
  const { id } = await importedProposal();
  assert.equal((await proposal(id)).SalesTaxGroup, 'STD');
  const got = (await lines(id)).map((l) => [l.TransactionClassification, l.SalesTaxGroup, l.ItemSalesTaxGroup, l.SalesTaxAmount]);
  assert.deepEqual(got.sort(), [['Milestone', 'STD', 'ALL', null], ['Time', 'STD', 'ALL', null]]);
});

test('posting: each code of both groups, rounded per line and code by its own rule; the voucher balances', async () => {
  const { id } = await importedProposal();
  // A second code in both groups: 2.5 %, rounded up to 0.10.
  await ok(h.fo('POST', '/SalesTaxCodes', { dataAreaId: 'USPM', TaxCode: 'EXTRA', TaxName: 'Extra', TaxRoundOff: 0.1, TaxRoundOffType: 'RoundingUp' }), 201);
  await ok(h.fo('POST', '/SalesTaxCodeValues', { dataAreaId: 'USPM', TaxCodeId: 'EXTRA', FromDate: '2026-01-01', Value: 2.5 }), 201);
  await ok(h.fo('POST', '/SalesTaxGroupDetails', { dataAreaId: 'USPM', TaxGroupId: 'STD', TaxCodeId: 'EXTRA' }), 201);
  await ok(h.fo('POST', '/ItemSalesTaxGroupDetails', { dataAreaId: 'USPM', TaxItemGroupCode: 'ALL', TaxCodeId: 'EXTRA' }), 201);
  const invoice = (await ok(post(id))).json;
  // Time 1,450.00: 19 % = 275.50, 2.5 % = 36.25 → 36.30 (up to 0.10) → 311.80. Milestone 5,000.00: 950.00 + 125.00.
  assert.deepEqual([invoice.InvoiceAmount, invoice.SalesTaxAmount, invoice.TotalAmount], [6450, 1386.8, 7836.8]);
  const taxes = (await lines(id)).map((l) => l.SalesTaxAmount).sort((a, b) => a - b);
  assert.deepEqual(taxes, [311.8, 1075]);
  const voucher = await list(h.fo, `/LedgerVouchers${CROSS}&$filter=Voucher eq '${String(invoice.Voucher)}'`);
  assert.equal(voucher.reduce((s, l) => s + Math.round(Number(l.AmountMST) * 100), 0), 0);
  assert.deepEqual(voucher.filter((l) => l.PostingType === 'SalesTax').map((l) => l.AmountCur).sort((a, b) => a - b), [-1075, -311.8]);
  // Write-back: the billed sales actual carries its line's tax.
  const billed = await list(h.dv, '/msdyn_actuals?$filter=msdyn_transactiontypecode eq 192350006 and msdyn_transactionclassification eq 192350000');
  assert.deepEqual(billed.map((a) => a.msdyn_salestaxamount), [311.8]);
});

test('rates by date: the value valid on the invoice date; none valid refuses posting and writes nothing', async () => {
  const { id } = await importedProposal({ hours: 8 });
  // TAX19 is valid from 2000-01-01; close it before the invoice date (2026-03-02) and add 16 % from 2026-03-01.
  await ok(h.fo('PATCH', `/SalesTaxCodeValues(dataAreaId='USPM',TaxCodeId='TAX19',FromDate=2000-01-01)${CROSS}`, { ToDate: '2026-02-28' }));
  await ok(h.fo('POST', '/SalesTaxCodeValues', { dataAreaId: 'USPM', TaxCodeId: 'TAX19', FromDate: '2026-03-03', Value: 16 }), 201);
  const refused = await post(id);
  assert.equal(refused.status, 400);
  assert.equal(message(refused), 'Sales tax code TAX19 in legal entity USPM has no value that is valid on 2026-03-02.');
  assert.equal((await proposal(id)).Status, 'Open');
  assert.deepEqual(await list(h.fo, '/CustomerInvoices'), []);
  await ok(h.fo('POST', '/SalesTaxCodeValues', { dataAreaId: 'USPM', TaxCodeId: 'TAX19', FromDate: '2026-03-01', ToDate: '2026-03-02', Value: 16 }), 201);
  const invoice = (await ok(post(id))).json;
  // 1,600.00 + 5,000.00 at 16 %.
  assert.equal(invoice.SalesTaxAmount, 1056);
});

test('the accountant changes a line\'s groups before posting; only those two columns, only to existing groups, not after posting', async () => {
  const { id } = await importedProposal({ hours: 8 });
  await ok(h.fo('POST', '/SalesTaxCodes', { dataAreaId: 'USPM', TaxCode: 'RED7', TaxName: '7 %' }), 201);
  await ok(h.fo('POST', '/SalesTaxCodeValues', { dataAreaId: 'USPM', TaxCodeId: 'RED7', FromDate: '2026-01-01', Value: 7 }), 201);
  await ok(h.fo('POST', '/ItemSalesTaxGroups', { dataAreaId: 'USPM', TaxItemGroup: 'REDUCED', Name: 'Reduced' }), 201);
  await ok(h.fo('POST', '/ItemSalesTaxGroupDetails', { dataAreaId: 'USPM', TaxItemGroupCode: 'REDUCED', TaxCodeId: 'RED7' }), 201);
  await ok(h.fo('POST', '/SalesTaxGroupDetails', { dataAreaId: 'USPM', TaxGroupId: 'STD', TaxCodeId: 'RED7' }), 201);
  const [first] = await lines(id);
  const path = `/ProjectInvoiceProposalLines${lineKey('USPM', id, Number(first.LineNum))}${CROSS}`;

  const unknown = await h.fo('PATCH', path, { ItemSalesTaxGroup: 'NOPE' });
  assert.equal(unknown.status, 400);
  assert.equal(message(unknown), 'ItemSalesTaxGroup NOPE doesn\'t exist in legal entity USPM.');
  const amount = await h.fo('PATCH', path, { Amount: 1 });
  assert.equal(amount.status, 400);
  assert.equal((await ok(h.fo('GET', path))).json.Amount, first.Amount);

  await ok(h.fo('PATCH', path, { ItemSalesTaxGroup: 'REDUCED' }));
  const invoice = (await ok(post(id))).json;
  const expected = Math.round(Number(first.Amount) * 7) / 100 + Math.round((6600 - Number(first.Amount)) * 19) / 100;
  assert.equal(invoice.SalesTaxAmount, expected);
  const after = await h.fo('PATCH', path, { ItemSalesTaxGroup: 'ALL' });
  assert.equal(after.status, 400);
  assert.equal((await ok(h.fo('GET', path))).json.ItemSalesTaxGroup, 'REDUCED');
});

test('Delete all: lines gone and their rows back in staging; the next import creates them with the defaults; not on a posted proposal', async () => {
  const { id } = await importedProposal({ hours: 8 });
  const [first] = await lines(id);
  await ok(h.fo('PATCH', `/ProjectInvoiceProposalLines${lineKey('USPM', id, Number(first.LineNum))}${CROSS}`, { SalesTaxGroup: null }));
  const emptied = (await ok(deleteAll(id))).json;
  assert.deepEqual([emptied.LineCount, emptied.InvoiceAmount], [0, 0]);
  assert.deepEqual(await lines(id), []);
  const rows = await list(h.fo, `/ProjCDSActualsImports${CROSS}&$filter=TransType eq 'BilledSales'`);
  assert.deepEqual(rows.map((r) => [r.IsProcessed, r.InvoiceProposalId]), [[false, null], [false, null]]);

  await runProcess(h, 'import_staging');
  const again = await lines(id);
  assert.deepEqual(again.map((l) => [l.SalesTaxGroup, l.ItemSalesTaxGroup]), [['STD', 'ALL'], ['STD', 'ALL']]);
  assert.equal((await proposal(id)).InvoiceAmount, 6600);
  const invoice = (await ok(post(id))).json;
  assert.equal(invoice.SalesTaxAmount, 1254);
  const refused = await deleteAll(id);
  assert.equal(refused.status, 400);
  assert.equal((await lines(id)).length, 2);
});

test('the export map brings the invoice-level tax to the pro-forma invoice (totaltax)', async () => {
  await ok(h.simApi('POST', '/maps/customerinvoices/run'));
  const { id, invoiceId } = await importedProposal({ hours: 8 });
  const before = (await ok(h.dv('GET', `/invoices(${invoiceId})?$select=totaltax`))).json;
  assert.equal(before.totaltax, 0);
  const invoice = (await ok(post(id))).json;
  const after = (await ok(h.dv('GET', `/invoices(${invoiceId})?$select=totaltax`))).json;
  assert.equal(after.totaltax, invoice.SalesTaxAmount);
  assert.equal(after.totaltax, 1254);
});

test('setup writes are checked: enumerations and references to codes and groups; nothing is stored on refusal', async () => {
  await setUpContract(h, { taxPercent: 10, hours: 0 });
  const badType = await h.fo('POST', '/SalesTaxCodes', { dataAreaId: 'USPM', TaxCode: 'X', TaxRoundOffType: 'OwnAdvantage' });
  assert.equal(badType.status, 400);
  assert.equal(message(badType), 'OwnAdvantage isn\'t a value of TaxRoundOffType. Use one of: Normal, Downward, RoundingUp.');
  const badRef = await h.fo('POST', '/SalesTaxGroupDetails', { dataAreaId: 'USPM', TaxGroupId: 'STD', TaxCodeId: 'NONE' });
  assert.equal(badRef.status, 400);
  const badCategory = await h.fo('POST', '/ProjectCategories', { dataAreaId: 'USPM', Category: 'Odd', TransactionType: 'Hours' });
  assert.equal(badCategory.status, 400);
  assert.deepEqual((await list(h.fo, `/SalesTaxCodes${CROSS}`)).map((c) => c.TaxCode), ['TAX10']);
  assert.deepEqual((await list(h.fo, `/SalesTaxGroupDetails${CROSS}`)).map((d) => d.TaxCodeId), ['TAX10']);
  assert.equal((await list(h.fo, `/ProjectCategories${CROSS}&$filter=Category eq 'Odd'`)).length, 0);
});
