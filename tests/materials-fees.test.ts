import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, Opt, confirm, createInvoice, list, ok, postJournals, proposalKey, rep, runProcess, setUpContract, startSim } from './support/http.js';

/**
 * Material usage and fees through the whole integration, over HTTP only: entry journal lines confirmed into actuals
 * (actuals/create-confirm-entry-journals-integrated.md), integration journal, billing backlog, pro-forma invoice,
 * confirmation, Import from staging table, posting and write-back.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const Material = 192350002;
const Fee = 192350004;
const Time = 192350000;
const ACTION = 'Microsoft.Dynamics.CRM.msdyn_PostJournal';

interface Line { readonly cls: number; readonly type: number; readonly qty: number; readonly price: number | null; readonly description: string }

/** A journal with its lines (201s), unconfirmed; returns its id. */
async function journal(projectId: string, name: string, lines: readonly Line[]): Promise<string> {
  const j = await ok(h.dv('POST', '/msdyn_journals', { msdyn_description: name }, rep), 201);
  const id = String(j.json.msdyn_journalid);
  for (const l of lines) {
    await ok(h.dv('POST', '/msdyn_journallines', {
      msdyn_description: l.description, 'msdyn_journal@odata.bind': `/msdyn_journals(${id})`, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
      msdyn_transactionclassification: l.cls, msdyn_transactiontypecode: l.type, msdyn_documentdate: '2026-03-02', msdyn_quantity: l.qty,
      ...(l.price === null ? {} : { msdyn_price: l.price }),
    }), 204);
  }
  return id;
}

const ANNOTATIONS = { Prefer: 'odata.include-annotations="*"' } as const;
const post = (id: string) => h.dv('POST', `/msdyn_journals(${id})/${ACTION}`, {}, ANNOTATIONS);
const cables: readonly Line[] = [
  { cls: Material, type: Opt.Cost, qty: 3, price: 10, description: 'Cables' },
  { cls: Material, type: Opt.UnbilledSales, qty: 3, price: 15.5, description: 'Cables' },
];
const setupFee: Line = { cls: Fee, type: Opt.UnbilledSales, qty: 1, price: 500, description: 'Project setup fee' };

async function refusedBy(p: Promise<{ status: number; json: Json }>, rule: string): Promise<void> {
  const r = await p;
  assert.equal(r.status, 400, JSON.stringify(r.json));
  assert.equal(r.json.error.code, "0x80040265", JSON.stringify(r.json));
  assert.equal(r.json.error["@Microsoft.PowerApps.CDS.HelpLink"], `${h.url}/sim/rules/${rule}`, JSON.stringify(r.json));
}

test('material usage: journal → actuals → integration journal → invoice → proposal line "Material" → posting → write-back', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const jid = await journal(c.projectId, 'Material usage', cables);
  const created = (await ok(post(jid))).json.value as Json[];
  assert.deepEqual(created.map((a) => [a.msdyn_transactiontypecode, a.msdyn_transactionclassification, a.msdyn_quantity, a.msdyn_amount]), [[Opt.Cost, Material, 3, 30], [Opt.UnbilledSales, Material, 3, 46.5]]);
  const unbilled = created[1];
  assert.equal(unbilled._msdyn_salescontractlineid_value, c.tmLineId, 'the time and material line bills the material');
  assert.equal(unbilled._msdyn_accountcustomer_value, c.accountId);
  assert.equal(created[0]._msdyn_salescontractlineid_value, null, 'cost has no contract line');
  assert.equal((await list(h.dv, '/msdyn_transactionconnections')).length, 0, 'entry journals link no cost to sales');
  const lines = await list(h.dv, `/msdyn_journallines?$filter=_msdyn_journal_value eq ${jid}`);
  assert.deepEqual(lines.map((l) => l.msdyn_amount).sort(), [30, 46.5]);

  // Synced to staging with their class; imported into the integration journal and posted.
  const staging = await list(h.fo, '/ProjCDSActualsImports');
  assert.deepEqual(staging.map((s) => `${s.TransType} ${s.TransactionClassification} ${s.Amount}`).sort(), ['Cost Material 30', 'UnbilledSales Material 46.5']);
  await runProcess(h, 'import_staging');
  assert.equal((await postJournals(h)).length, 1);

  // Backlog, invoice with a material line detail (plus the milestone), confirmation.
  const draft = await createInvoice(h, c.contractId);
  const details = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)}`);
  assert.deepEqual(details.map((d) => [d.msdyn_transactionclassification, d.msdyn_quantity, d.msdyn_amount]).sort(), [[Material, 3, 46.5], [192350003, 1, 5000]].sort());
  await ok(confirm(h, draft.invoiceid));
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales} and msdyn_transactionclassification eq ${Material}`);
  assert.deepEqual(billed.map((a) => [a.msdyn_quantity, a.msdyn_amount]), [[3, 46.5]]);

  // Import from staging: the proposal line carries the class; posting writes the accounting details back.
  await runProcess(h, 'import_staging');
  const key = proposalKey('USPM', draft.invoicenumber);
  const plines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=ProposalId eq '${String(draft.invoicenumber)}'&$orderby=LineNum`);
  assert.deepEqual(plines.map((l) => [l.TransactionClassification, l.Quantity, l.SalesPrice, l.Amount]), [['Material', 3, 15.5, 46.5], ['Milestone', 1, 5000, 5000]]);
  const posted = (await ok(h.fo('POST', `/ProjectInvoiceProposals${key}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}))).json;
  assert.equal(posted.InvoiceAmount, 5046.5);
  const back = (await ok(h.dv('GET', `/msdyn_actuals(${String(billed[0].msdyn_actualid)})`))).json;
  assert.equal(back.msdyn_vouchernumber, posted.Voucher);
  assert.deepEqual([back.msdyn_accountingcurrencyamount, back.msdyn_exchangerate, back.msdyn_salestaxamount], [46.5, 1, 4.65]);
});

test('a fee: an unbilled sales journal line of class Fee through to a posted proposal line "Fee"', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const created = (await ok(post(await journal(c.projectId, 'Fees', [setupFee])))).json.value as Json[];
  assert.deepEqual(created.map((a) => [a.msdyn_transactiontypecode, a.msdyn_transactionclassification, a.msdyn_amount, a.msdyn_billingtype, a.msdyn_billingstatus]), [[Opt.UnbilledSales, Fee, 500, Opt.Chargeable, Opt.UnbilledSalesCreated]]);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  const plines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=ProposalId eq '${String(draft.invoicenumber)}'&$orderby=LineNum`);
  assert.deepEqual(plines.map((l) => [l.TransactionClassification, l.Amount]), [['Fee', 500], ['Milestone', 5000]]);
  await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}));
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales} and msdyn_transactionclassification eq ${Fee}`);
  assert.deepEqual(billed.map((a) => [a.msdyn_amount, a.msdyn_salestaxamount, typeof a.msdyn_vouchernumber]), [[500, 50, 'string']]);
});

test('time, material and a fee on one invoice and one proposal', async () => {
  const c = await setUpContract(h, { hours: 8 });
  await ok(post(await journal(c.projectId, 'Material and fee', [...cables, setupFee])));
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  assert.equal(draft.totalamount, 1600 + 46.5 + 500 + 5000);
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  const plines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=ProposalId eq '${String(draft.invoicenumber)}'`);
  assert.deepEqual(plines.map((l) => `${String(l.TransactionClassification)} ${String(l.Amount)}`).sort(), ['Fee 500', 'Material 46.5', 'Milestone 5000', 'Time 1600']);
  const posted = (await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', draft.invoicenumber)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}))).json;
  assert.deepEqual([posted.InvoiceAmount, posted.SalesTaxAmount], [7146.5, 714.65]);
  const billed = await list(h.dv, `/msdyn_actuals?$filter=msdyn_transactiontypecode eq ${Opt.BilledSales}`);
  assert.deepEqual(billed.map((a) => a.msdyn_transactionclassification).sort(), [Time, Material, 192350003, Fee].sort());
  assert.ok(billed.every((a) => a.msdyn_vouchernumber === posted.Voucher), 'every billed sales actual carries the voucher');
});

test('a contract line that leaves fees out: the fee has no contract line and never reaches the backlog', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.dv('PATCH', `/salesorderdetails(${c.tmLineId})`, { msdyn_includefee: false }), 204);
  const created = (await ok(post(await journal(c.projectId, 'Fees', [setupFee])))).json.value as Json[];
  assert.deepEqual(created.map((a) => [a._msdyn_salescontractlineid_value, a._msdyn_salescontract_value, a._msdyn_accountcustomer_value]), [[null, null, null]]);
  await ok(h.dv('POST', `/salesorders(${c.contractId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}));
  const again = (await ok(h.dv('GET', `/msdyn_actuals(${String(created[0].msdyn_actualid)})`))).json;
  assert.equal(again.msdyn_billingstatus, Opt.UnbilledSalesCreated, 'not in the contract backlog');
  // Material still goes onto the line.
  const mat = (await ok(post(await journal(c.projectId, 'Material', cables)))).json.value as Json[];
  assert.equal(mat[1]._msdyn_salescontractlineid_value, c.tmLineId);
});

test('refusals: a fee as cost, a missing price, billed sales on a journal, changes after confirmation — nothing written', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const before = (await list(h.dv, '/msdyn_actuals')).length;
  await refusedBy(post(await journal(c.projectId, 'Fee as cost', [{ ...setupFee, type: Opt.Cost }])), 'rule.journal-fee-sales-only');
  await refusedBy(post(await journal(c.projectId, 'No price', [cables[0] as Line, { ...setupFee, price: null }])), 'rule.journal-line-price');
  await refusedBy(post(await journal(c.projectId, 'Billed', [{ ...setupFee, type: Opt.BilledSales }])), 'rule.journal-line-types');
  assert.equal((await list(h.dv, '/msdyn_actuals')).length, before, 'a refused journal creates no actual');

  const jid = await journal(c.projectId, 'Cables', cables);
  await ok(post(jid));
  const line = (await list(h.dv, `/msdyn_journallines?$filter=_msdyn_journal_value eq ${jid}`))[0];
  await refusedBy(post(jid), 'rule.journal-confirmed-read-only');
  await refusedBy(h.dv('PATCH', `/msdyn_journallines(${String(line.msdyn_journallineid)})`, { msdyn_quantity: 4 }, ANNOTATIONS), 'rule.journal-confirmed-read-only');
  await refusedBy(h.dv('DELETE', `/msdyn_journallines(${String(line.msdyn_journallineid)})`, undefined, ANNOTATIONS), 'rule.journal-confirmed-read-only');
  await refusedBy(h.dv('PATCH', `/msdyn_journals(${jid})`, { msdyn_description: 'Changed' }, ANNOTATIONS), 'rule.journal-confirmed-read-only');
  await refusedBy(h.dv('DELETE', `/msdyn_journals(${jid})`, undefined, ANNOTATIONS), 'rule.journal-confirmed-read-only');
  await refusedBy(h.dv('POST', '/msdyn_journallines', {
    msdyn_description: 'Late', 'msdyn_journal@odata.bind': `/msdyn_journals(${jid})`, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})`,
    msdyn_transactionclassification: Material, msdyn_transactiontypecode: Opt.Cost, msdyn_documentdate: '2026-03-02', msdyn_quantity: 1, msdyn_price: 1,
  }, ANNOTATIONS), 'rule.journal-confirmed-read-only');
  assert.equal((await ok(h.dv('GET', `/msdyn_journallines(${String(line.msdyn_journallineid)})`))).json.msdyn_quantity, 3);
});

test('fixtures: material and fee work are seeded through entry journals; their fields are checked', async () => {
  const { checkFixture, FixtureError } = await import('../simulator/fixtures/fixture.js');
  const base = {
    legalEntities: [{ id: 'USPM', name: 'USPM', currency: 'USD' }], customers: [{ id: 'c', name: 'Contoso', legalEntity: 'USPM' }],
    projects: [{ id: 'p', name: 'P', customer: 'c' }],
    contracts: [{ id: 'k', name: 'K', customer: 'c', lines: [{ name: 'T&M', billingMethod: 'timeAndMaterial', project: 'p', price: 200, cost: 100 }] }],
  };
  assert.doesNotThrow(() => checkFixture({ ...base, work: [
    { kind: 'material', project: 'p', description: 'Cables', quantity: 3, unitCost: 10, unitPrice: 15.5 },
    { kind: 'fee', project: 'p', description: 'Setup fee', amount: 500 },
  ] }));
  assert.throws(() => checkFixture({ ...base, work: [{ kind: 'material', project: 'p', description: 'Cables', quantity: 3, unitCost: 10, hours: 2 }] }), (e: unknown) => {
    assert.ok(e instanceof FixtureError);
    assert.deepEqual(e.problems.map((p) => `${p.path} ${p.key}`).sort(), ['$.work[0].hours notForKind', '$.work[0].unitPrice missing']);
    return true;
  });

  // The demo data's ERP rollout contract bills material and a fee on its posted invoice.
  await h.reset(true);
  const lines = await list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=TransactionClassification eq 'Material' or TransactionClassification eq 'Fee'`);
  assert.deepEqual(lines.map((l) => `${String(l.TransactionClassification)} ${String(l.Amount)}`).sort(), ['Fee 500', 'Material 980']);
});
