import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Harness, type Json, Opt, approveTime, cents, confirm, createInvoice, list, ok, postJournals, proposalKey, rep, runProcess, setUpContract, snapshot, startSim,
} from './support/http.js';

/** The project invoice integration end to end, over HTTP only: Dataverse, dual-write, Finance. */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const actuals = (filter = ''): Promise<Json[]> => list(h.dv, `/msdyn_actuals${filter ? `?$filter=${encodeURIComponent(filter)}` : ''}`);
const proposal = async (company: string, id: string): Promise<Json> => (await ok(h.fo('GET', `/ProjectInvoiceProposals${proposalKey(company, id)}?cross-company=true`))).json;
const proposalLines = (company: string, id: string): Promise<Json[]> => list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq '${company}' and ProposalId eq '${id}'&$orderby=LineNum`);
const postProposal = (company: string, id: string) => h.fo('POST', `/ProjectInvoiceProposals${proposalKey(company, id)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {});
const logKeys = (log: Json[], level?: string): string[] => log.filter((l) => !level || l.level === level).map((l) => String(l.key));

test('the whole flow: approve → import → journal → ready → invoice → confirm → proposal → import → post → write-back', async () => {
  const c = await setUpContract(h);
  // Approval: cost 8 h × 100 and unbilled sales 8 h × 200, synced live to actuals staging.
  const approved = await actuals();
  assert.deepEqual(approved.map((a) => [a.msdyn_transactiontypecode, a.msdyn_quantity, a.msdyn_amount]).sort(), [[Opt.Cost, 8, 800], [Opt.UnbilledSales, 8, 1600]].sort());
  const staging = await list(h.fo, '/ProjCDSActualsImports');
  assert.deepEqual(staging.map((s) => `${s.TransType} ${s.Amount}`).sort(), ['Cost 800', 'UnbilledSales 1600']);

  // Finance imports the unbilled work into the integration journal and posts it.
  const log1 = await runProcess(h, 'import_staging');
  assert.deepEqual(logKeys(log1, 'error'), []);
  assert.deepEqual(await postJournals(h), ['PIJ-000001']);
  const journalLines = await list(h.fo, '/ProjectIntegrationJournalLines');
  assert.equal(journalLines.length, 2);
  assert.ok(journalLines.every((l) => l.Status === 'Posted'));

  // Ready to invoice, draft, confirm.
  const draft = await createInvoice(h, c.contractId);
  assert.equal(draft.msdyn_projectinvoicestatus, Opt.Draft);
  assert.equal(draft.totalamount, 6600);
  const details = await list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)}`);
  assert.equal(details.length, 2);
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 0, 'a draft is not synced');
  const confirmed = (await ok(confirm(h, draft.invoiceid))).json;
  assert.equal(confirmed.msdyn_projectinvoicestatus, Opt.Confirmed);

  // The proposal header: numbered with the Invoice ID, no lines yet.
  const p0 = await proposal('USPM', draft.invoicenumber);
  assert.equal(p0.ProposalId, draft.invoicenumber);
  assert.equal(p0.DataverseInvoiceId, draft.invoiceid);
  assert.equal(p0.Status, 'Open');
  assert.equal(p0.LineCount, 0);
  assert.equal(p0.InvoiceAmount, 0);
  assert.deepEqual(await proposalLines('USPM', draft.invoicenumber), []);

  // Actuals of the confirmation: unbilled reversal (Skip Sync, not synced) and billed sales.
  const unbilled = await actuals(`msdyn_transactiontypecode eq ${Opt.UnbilledSales}`);
  assert.deepEqual(unbilled.map((a) => [a.msdyn_quantity, a.msdyn_amount, a.msdyn_skipsync, a.msdyn_billingstatus]).sort(), [[-8, -1600, true, Opt.CustomerInvoicePosted], [8, 1600, false, Opt.CustomerInvoicePosted]]);
  const reversal = unbilled.find((a) => a.msdyn_quantity < 0);
  assert.equal((await list(h.fo, `/ProjCDSActualsImports?$filter=ActualId eq ${String(reversal.msdyn_actualid)}`)).length, 0, 'Skip Sync actuals stay in Dataverse');

  // Import from staging adds the lines.
  const log2 = await runProcess(h, 'import_staging');
  assert.ok(logKeys(log2).includes('import.linesAdded'));
  const lines = await proposalLines('USPM', draft.invoicenumber);
  assert.deepEqual(lines.map((l) => [l.TransactionClassification, l.Quantity, l.SalesPrice, l.Amount, l.LineProperty]), [['Time', 8, 200, 1600, 'Chargeable'], ['Milestone', 1, 5000, 5000, 'Chargeable']]);
  assert.equal((await proposal('USPM', draft.invoicenumber)).InvoiceAmount, 6600);

  // Posting: customer invoice with 10 % sales tax; the voucher balances.
  const posted = (await ok(postProposal('USPM', draft.invoicenumber))).json;
  assert.equal(posted.ProposalId, draft.invoicenumber);
  assert.deepEqual([posted.InvoiceAmount, posted.SalesTaxAmount, posted.TotalAmount, posted.AmountMST, posted.ExchangeRate], [6600, 660, 7260, 7260, 1]);
  const customerInvoices = await list(h.fo, '/CustomerInvoices');
  assert.deepEqual(customerInvoices.map((i) => i.InvoiceId), [posted.InvoiceId]);
  const p1 = await proposal('USPM', draft.invoicenumber);
  assert.deepEqual([p1.Status, p1.CustomerInvoiceId, p1.Voucher], ['Posted', posted.InvoiceId, posted.Voucher]);
  const voucher = await list(h.fo, `/LedgerVouchers?$filter=Voucher eq '${String(posted.Voucher)}'&$orderby=LineNum`);
  assert.equal(voucher.reduce((s, l) => s + cents(l.AmountMST), 0), 0, 'debits equal credits');
  assert.deepEqual(voucher.map((l) => [l.MainAccount, l.AmountMST]), [
    ['420200', 1600], ['161300', -1600], // reverse WIP against accrued revenue
    ['411100', -1600], ['222200', -160],
    ['411100', -5000], ['222200', -500],
    ['130100', 7260],
  ]);

  // Write-back to the Dataverse actuals (voucher, accounting currency amount, exchange rate, sales tax).
  const billed = await actuals(`msdyn_transactiontypecode eq ${Opt.BilledSales}`);
  assert.deepEqual(billed.map((a) => [a.msdyn_amount, a.msdyn_vouchernumber, a.msdyn_accountingcurrencyamount, a.msdyn_exchangerate, a.msdyn_salestaxamount]).sort(), [
    [1600, posted.Voucher, 1600, 1, 160],
    [5000, posted.Voucher, 5000, 1, 500],
  ]);
  const cost = (await actuals(`msdyn_transactiontypecode eq ${Opt.Cost}`))[0];
  // A voucher for each journal line (issue 14 part 3): the cost actual carries its own line's voucher.
  const costLine = (await list(h.fo, "/ProjectIntegrationJournalLines?$filter=TransType eq 'Cost'"))[0];
  assert.deepEqual([cost.msdyn_vouchernumber, cost.msdyn_accountingcurrencyamount, cost.msdyn_exchangerate, cost.msdyn_isjournalized], [costLine.Voucher, 800, 1, true]);

  // A posted proposal can't be posted again.
  const again = await postProposal('USPM', draft.invoicenumber);
  assert.equal(again.status, 400);
  assert.deepEqual([again.json.error.code, again.json.error.innererror.type], ['', 'System.InvalidOperationException']);
  assert.match(again.json.error.innererror.message, /already been posted/);
});

test('decimal-exact amounts: 3 × 0.1 h and 2.25 h at 33.35, tax rounded per line', async () => {
  const c = await setUpContract(h, { hours: 0, rate: 33.35, cost: 10.01, milestoneAmount: 1000.1 });
  for (const hrs of [0.1, 0.1, 0.1, 2.25]) await approveTime(h, c.projectId, hrs);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  // 0.1 × 33.35 = 3.335 → 3.34 (a binary float would give 3.33); 2.25 × 33.35 = 75.0375 → 75.04.
  const sales = (await actuals(`msdyn_transactiontypecode eq ${Opt.UnbilledSales}`)).map((a) => a.msdyn_amount).sort((a, b) => a - b);
  assert.deepEqual(sales, [3.34, 3.34, 3.34, 75.04]);
  assert.equal(draft.totalamount, 1085.16); // 3 × 3.34 + 75.04 + 1,000.10
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  assert.equal((await proposal('USPM', draft.invoicenumber)).InvoiceAmount, 1085.16);
  const inv = (await ok(postProposal('USPM', draft.invoicenumber))).json;
  // Tax per line: 0.334 → 0.33 (×3), 7.504 → 7.50, 100.01 → 100.01.
  assert.equal(inv.SalesTaxAmount, 108.5);
  assert.equal(inv.TotalAmount, 1193.66);
  const all = await list(h.fo, '/LedgerVouchers');
  const byVoucher = new Map<string, number>();
  for (const l of all) byVoucher.set(String(l.Voucher), (byVoucher.get(String(l.Voucher)) ?? 0) + cents(l.AmountMST));
  assert.equal(byVoucher.size, 9, 'a voucher for each of the 8 journal lines (issue 14 part 3) and the invoice');
  for (const [v, total] of byVoucher) assert.equal(total, 0, `voucher ${v} balances`);
  const taxes = (await actuals(`msdyn_transactiontypecode eq ${Opt.BilledSales}`)).map((a) => a.msdyn_salestaxamount).sort((a, b) => a - b);
  assert.deepEqual(taxes, [0.33, 0.33, 0.33, 7.5, 100.01]);
});

test('confirming before the unbilled sales are posted: no lines and import.notPosted; after the journal, import completes once', async () => {
  const c = await setUpContract(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, draft.invoiceid));
  const log1 = await runProcess(h, 'import_staging');
  const notPosted = log1.filter((l) => l.key === 'import.notPosted');
  assert.equal(notPosted.length, 1);
  assert.equal(notPosted[0].level, 'error');
  assert.equal(notPosted[0].params.proposal, draft.invoicenumber);
  assert.equal((await proposal('USPM', draft.invoicenumber)).LineCount, 0, 'all or nothing: the milestone waits too');
  assert.equal((await proposal('USPM', draft.invoicenumber)).InvoiceAmount, 0);
  // The log is kept on the process, in the caller's language.
  const procs = await list(async (m, p) => { const r = await h.simApi(m, p); return { ...r, json: { value: r.json } }; }, '/processes');
  assert.equal(procs.find((p) => p.id === 'import_staging')?.lastLog.some((l: Json) => l.key === 'import.notPosted'), true);

  // Posting the proposal without lines is refused.
  const refused = await postProposal('USPM', draft.invoicenumber);
  assert.equal(refused.status, 400);
  assert.deepEqual([refused.json.error.code, refused.json.error.innererror.type], ['', 'System.InvalidOperationException']);
  assert.match(refused.json.error.innererror.message, /has no lines/);

  await postJournals(h);
  const log2 = await runProcess(h, 'import_staging');
  assert.deepEqual(logKeys(log2, 'error'), []);
  assert.equal((await proposalLines('USPM', draft.invoicenumber)).length, 2);
  const journalsBefore = await list(h.fo, '/ProjectIntegrationJournals');

  const log3 = await runProcess(h, 'import_staging');
  assert.deepEqual(log3.map((l) => [l.key, l.params]), [['import.finished', { journalLines: 0, proposalLines: 0, proposalsWaiting: 0 }]]);
  assert.equal((await proposalLines('USPM', draft.invoicenumber)).length, 2, 'nothing imported twice');
  assert.deepEqual(await list(h.fo, '/ProjectIntegrationJournals'), journalsBefore);
});

test('out-of-order confirmation: with AllowUserChangesToLowerNumber = No the lower number is refused and nothing changes', async () => {
  const a = await setUpContract(h, { name: 'ERP rollout' });
  const b = await setUpContract(h, { name: 'Data platform', customer: 'Adventure Works', createCompany: false });
  const first = await createInvoice(h, a.contractId);
  const second = await createInvoice(h, b.contractId);
  assert.deepEqual([first.invoicenumber, second.invoicenumber], ['INV-00001', 'INV-00002']);
  const seqKey = "(dataAreaId='USPM',NumberSequenceCode='ProjInvoiceProposal')";
  assert.equal((await ok(h.fo('GET', `/NumberSequences${seqKey}`))).json.AllowUserChangesToLowerNumber, true, 'the documented setting: Yes');
  await ok(h.fo('PATCH', `/NumberSequences${seqKey}`, { AllowUserChangesToLowerNumber: false }), 204);

  await ok(confirm(h, second.invoiceid));
  assert.equal((await ok(h.fo('GET', `/NumberSequences${seqKey}`))).json.HighestUsed, 'INV-00002');

  const sets = ['invoices', 'msdyn_actuals', 'msdyn_invoicelinetransactions', 'msdyn_transactionconnections'];
  const fo = ['ProjectInvoiceProposals', 'ProjCDSActualsImports', 'ProjCDSTransactionRelationshipImports', 'NumberSequences'];
  const before = await snapshot(h, sets, fo);
  const r = await confirm(h, first.invoiceid);
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, '0x80040265');
  assert.match(r.json.error.message, /INV-00001 is lower than INV-00002/);
  assert.match(r.json.error.message, /user changes to a lower number/);
  assert.deepEqual(await snapshot(h, sets, fo), before, 'rolled back on both sides');

  // German message, same refusal.
  const de = await h.dv('POST', `/invoices(${String(first.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}, { 'Accept-Language': 'de-DE' });
  assert.equal(de.status, 400);
  assert.notEqual(de.json.error.message, r.json.error.message);

  // With the documented setting (Yes) the lower number is accepted.
  await ok(h.fo('PATCH', `/NumberSequences${seqKey}`, { AllowUserChangesToLowerNumber: true }), 204);
  await ok(confirm(h, first.invoiceid));
  assert.deepEqual((await list(h.fo, '/ProjectInvoiceProposals?$orderby=ProposalId')).map((p) => p.ProposalId), ['INV-00001', 'INV-00002']);
});

test('two legal entities are kept apart: default company, ?company= and ?cross-company=true', async () => {
  const us = await setUpContract(h, { company: 'USPM', currency: 'USD', taxPercent: 10 });
  const de = await setUpContract(h, { company: 'DEMF', currency: 'EUR', taxPercent: 19, customer: 'Fabrikam GmbH', name: 'Lagerverwaltung', rate: 150, cost: 80, hours: 4 });
  assert.notEqual(us.companyId, de.companyId);
  const companies = await list(h.dv, '/cdm_companies?$orderby=cdm_companycode');
  assert.deepEqual(companies.map((x) => [x.cdm_companycode, x.msdyn_accountingcurrencycode]), [['DEMF', 'EUR'], ['USPM', 'USD']]);

  for (const c of [us, de]) {
    const inv = await createInvoice(h, c.contractId);
    await ok(confirm(h, inv.invoiceid));
  }
  await runProcess(h, 'import_staging');
  await postJournals(h, 'USPM');
  await postJournals(h, 'DEMF');
  await runProcess(h, 'import_staging');

  // Default company = the first legal entity (USPM).
  const deflt = await list(h.fo, '/ProjectInvoiceProposals');
  assert.deepEqual(deflt.map((p) => [p.dataAreaId, p.ProposalId, p.CurrencyCode, p.InvoiceAmount]), [['USPM', 'INV-00001', 'USD', 6600]]);
  const demf = await list(h.fo, "/ProjectInvoiceProposals?cross-company=true&$filter=dataAreaId eq 'DEMF'");
  assert.deepEqual(demf.map((p) => [p.dataAreaId, p.ProposalId, p.CurrencyCode, p.InvoiceAmount]), [['DEMF', 'INV-00002', 'EUR', 5600]]);
  const cross = await list(h.fo, '/ProjectInvoiceProposals?cross-company=true&$orderby=dataAreaId');
  assert.deepEqual(cross.map((p) => p.dataAreaId), ['DEMF', 'USPM']);
  const stagingUs = await list(h.fo, '/ProjCDSActualsImports');
  const stagingDe = await list(h.fo, "/ProjCDSActualsImports?cross-company=true&$filter=dataAreaId eq 'demf'");
  assert.ok(stagingUs.length > 0 && stagingUs.every((s) => s.dataAreaId === 'USPM'), 'default company USPM');
  assert.ok(stagingDe.length > 0 && stagingDe.every((s) => s.dataAreaId === 'DEMF'), "dataAreaId eq 'demf' matches DEMF (case-insensitive)");
  assert.equal((await list(h.fo, '/ProjCDSActualsImports?cross-company=true')).length, stagingUs.length + stagingDe.length);

  // The proposal of one company is not addressable under the other's key; another company's record only with cross-company.
  assert.equal((await h.fo('GET', `/ProjectInvoiceProposals${proposalKey('DEMF', 'INV-00002')}`)).status, 404);
  assert.equal((await h.fo('GET', `/ProjectInvoiceProposals${proposalKey('USPM', 'INV-00002')}`)).status, 404);

  // Posting in DEMF: EUR, 19 % tax; USPM untouched.
  const inv = (await ok(postProposal('DEMF', 'INV-00002'))).json;
  assert.deepEqual([inv.dataAreaId, inv.CurrencyCode, inv.InvoiceAmount, inv.SalesTaxAmount, inv.TotalAmount], ['DEMF', 'EUR', 5600, 1064, 6664]);
  assert.deepEqual(await list(h.fo, '/CustomerInvoices'), []);
  assert.equal((await list(h.fo, "/CustomerInvoices?cross-company=true&$filter=dataAreaId eq 'DEMF'")).length, 1);
  assert.ok((await list(h.fo, "/LedgerVouchers?cross-company=true&$filter=dataAreaId eq 'DEMF'")).every((l) => l.dataAreaId === 'DEMF' && l.CurrencyCode === 'EUR'), 'DEMF vouchers in EUR');
  // Dataverse: each actual belongs to the company of its project.
  const deActuals = await actuals(`_msdyn_company_value eq ${de.companyId}`);
  assert.ok(deActuals.length > 0 && deActuals.every((a) => a._msdyn_project_value === de.projectId), 'DEMF actuals are the DEMF project\'s');
});

test('paused map: changes are queued, resume catches up; a failure during catch-up becomes a catch-up error; retry', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/pause'));
  await approveTime(h, c.projectId, 8);
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 0, 'nothing synced while paused');
  const maps = (await ok(h.simApi('GET', '/maps'))).json as Json[];
  const m = maps.find((x) => x.id === 'actuals');
  assert.deepEqual([m.state, m.stateCode, m.queued, m.errors], ['Paused', 5, 2, 0]);
  const queue = (await ok(h.simApi('GET', '/maps/actuals/queue'))).json as Json[];
  assert.deepEqual(queue.map((q) => q.values.TransType).sort(), ['Cost', 'UnbilledSales']);

  const resumed = (await ok(h.simApi('POST', '/maps/actuals/resume', { mode: 'catchup' }))).json;
  assert.deepEqual(resumed, { applied: 2, failed: 0, discarded: 0 });
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 2);

  // Fail the next write of the map during the next catch-up.
  await ok(h.simApi('POST', '/maps/actuals/pause'));
  await approveTime(h, c.projectId, 2);
  await ok(h.simApi('PUT', '/faults', { failNext: { actuals: 1 } }));
  const r2 = (await ok(h.simApi('POST', '/maps/actuals/resume', {}))).json;
  assert.deepEqual(r2, { applied: 1, failed: 1, discarded: 0 });
  const errors = (await ok(h.simApi('GET', '/maps/actuals/errors'))).json as Json[];
  assert.equal(errors.length, 1);
  assert.equal(errors[0].error.key, 'dualwrite.injectedFailure');
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 3);
  const state = ((await ok(h.simApi('GET', '/maps'))).json as Json[]).find((x) => x.id === 'actuals');
  assert.deepEqual([state.state, state.queued, state.errors], ['Running', 0, 1]);
  const log = (await ok(h.simApi('GET', '/maps/actuals/log'))).json as Json[];
  assert.ok(log.some((l) => l.event === 'catchUpError'));
  assert.ok(log.some((l) => l.event === 'state' && l.detail.to === 'Paused'));

  const retried = (await ok(h.simApi('POST', '/maps/actuals/errors/retry', { ids: [String(errors[0].seq)] }))).json;
  assert.deepEqual(retried, { retried: 1, succeeded: 1, failed: 0 });
  assert.deepEqual((await ok(h.simApi('GET', '/maps/actuals/errors'))).json, []);
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 4);
});

test('stopped map: nothing is synced, nothing is queued', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/stop'));
  await approveTime(h, c.projectId, 8);
  assert.equal((await actuals()).length, 2, 'Dataverse has the actuals');
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 0);
  assert.deepEqual((await ok(h.simApi('GET', '/maps/actuals/queue'))).json, []);
  const m = ((await ok(h.simApi('GET', '/maps'))).json as Json[]).find((x) => x.id === 'actuals');
  assert.deepEqual([m.state, m.stateCode], ['Stopped', 1]);
  // Run with the Initial sync check box cleared (enable-entity-map.md): live again, nothing copied
  await ok(h.simApi('POST', '/maps/actuals/run', { initialSync: false }));
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 0, 'changes made while stopped are not caught up');
  await approveTime(h, c.projectId, 1);
  assert.equal((await list(h.fo, '/ProjCDSActualsImports')).length, 2, 'live again after Run');
});

test('Finance unavailable: confirmation is refused atomically (invoice, actuals, proposals unchanged)', async () => {
  const c = await setUpContract(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(h.simApi('PUT', '/faults', { financeUnavailable: true }));
  const sets = ['invoices', 'msdyn_actuals', 'msdyn_invoicelinetransactions', 'msdyn_contractlinescheduleofvalues'];
  const fo = ['ProjectInvoiceProposals', 'ProjCDSActualsImports'];
  const before = await snapshot(h, sets, fo);
  const r = await confirm(h, draft.invoiceid);
  assert.equal(r.status, 503);
  assert.equal(r.json.error.code, '0x80040265');
  assert.match(r.json.error.message, /not available/);
  assert.deepEqual(await snapshot(h, sets, fo), before);
  const nl = await h.dv('POST', `/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}, { 'Accept-Language': 'nl' });
  assert.equal(nl.status, 503);
  assert.notEqual(nl.json.error.message, r.json.error.message);

  await ok(h.simApi('DELETE', '/faults'));
  await ok(confirm(h, draft.invoiceid));
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 1);
});

test('a deleted line property makes live sync fail with the dual-write error and its cause; everything is rolled back', async () => {
  const c = await setUpContract(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(h.fo('DELETE', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')"), 204);
  const sets = ['invoices', 'msdyn_actuals', 'msdyn_transactionconnections'];
  const fo = ['ProjectInvoiceProposals', 'ProjCDSActualsImports', 'ProjCDSTransactionRelationshipImports'];
  const before = await snapshot(h, sets, fo);
  const r = await confirm(h, draft.invoiceid);
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, '0x80040265');
  assert.match(r.json.error.message, /^Unable to write data to entity ProjCDSActualsImport/);
  assert.match(r.json.error.message, /Line property Chargeable doesn't exist in legal entity USPM/);
  assert.deepEqual(await snapshot(h, sets, fo), before);
  assert.equal((await ok(h.dv('GET', `/invoices(${String(draft.invoiceid)})`))).json.msdyn_projectinvoicestatus, Opt.Draft);

  // Approving new work fails the same way: the time entry stays a draft.
  const entry = await ok(h.dv('POST', '/msdyn_timeentries', { msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201);
  const approve = await h.dv('POST', `/msdyn_timeentries(${String(entry.json.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {});
  assert.equal(approve.status, 400);
  assert.match(approve.json.error.message, /Line property Chargeable/);
  assert.equal((await ok(h.dv('GET', `/msdyn_timeentries(${String(entry.json.msdyn_timeentryid)})`))).json.msdyn_entrystatus, 192350000);
});

test('an invoice with more than 1,000 lines is refused in real time and goes through the asynchronous integration', async () => {
  const c = await setUpContract(h, { hours: 0 });
  const n = 1001;
  const ids: string[] = [];
  const batch = 50;
  for (let i = 0; i < n; i += batch) {
    const made = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () =>
      ok(h.dv('POST', '/msdyn_timeentries', { msdyn_date: '2026-03-02', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201)));
    ids.push(...made.map((r) => String(r.json.msdyn_timeentryid)));
  }
  for (let i = 0; i < n; i += batch) {
    await Promise.all(ids.slice(i, i + batch).map((id) => ok(h.dv('POST', `/msdyn_timeentries(${id})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}))));
  }
  const draft = await createInvoice(h, c.contractId);
  assert.equal((await ok(h.dv('GET', `/msdyn_invoicelinetransactions/$count?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)}`))).text, '1002');
  const r = await confirm(h, draft.invoiceid);
  assert.equal(r.status, 400);
  assert.match(r.json.error.message, /1002 lines/);
  assert.match(r.json.error.message, /at most 1000/);
  assert.equal((await ok(h.dv('GET', `/invoices(${String(draft.invoiceid)})?$select=msdyn_projectinvoicestatus`))).json.msdyn_projectinvoicestatus, Opt.Draft);
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 0);

  await ok(h.simApi('PUT', '/settings', { invoiceIntegration: 'async' }));
  await ok(confirm(h, draft.invoiceid));
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 0, 'eventually consistent: the job has not run');
  assert.ok(((await ok(h.simApi('GET', '/async'))).json as Json[]).length > 0);
  await runProcess(h, 'async_integration');
  assert.equal((await list(h.fo, '/ProjectInvoiceProposals')).length, 1);
  assert.deepEqual((await ok(h.simApi('GET', '/async'))).json, []);
});

/** A confirmed invoice of 8 h × 200 and the 5,000 milestone, posted through Finance. */
async function confirmedInvoice(): Promise<{ c: Awaited<ReturnType<typeof setUpContract>>; inv: Json }> {
  const c = await setUpContract(h);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const inv = await createInvoice(h, c.contractId);
  await ok(confirm(h, inv.invoiceid));
  return { c, inv };
}
const correct = async (invoiceId: string): Promise<Json> => (await ok(h.dv('POST', `/invoices(${invoiceId})/Microsoft.Dynamics.CRM.msdyn_CorrectInvoice`, {}))).json;
const detailsOf = (invoiceId: string): Promise<Json[]> => list(h.dv, `/msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${invoiceId}`);

test('correction, full credit: billed sales reversed, the work and the milestone go back to the backlog; Finance posts a credit note', async () => {
  const { c, inv } = await confirmedInvoice();
  const corr = await correct(inv.invoiceid);
  assert.deepEqual([corr.msdyn_projectinvoicestatus, corr.msdyn_hascorrections, corr._msdyn_correctedinvoice_value], [Opt.Draft, true, inv.invoiceid]);
  const copies = await detailsOf(corr.invoiceid);
  assert.deepEqual(copies.map((d) => [d.msdyn_quantity, d.msdyn_correction]).sort(), [[0, true], [0, true]]);
  assert.equal(corr.totalamount, -6600);
  await ok(confirm(h, corr.invoiceid));

  const billed = await actuals(`msdyn_transactiontypecode eq ${Opt.BilledSales}`);
  assert.deepEqual(billed.map((a) => a.msdyn_amount).sort((a, b) => a - b), [-5000, -1600, 1600, 5000]);
  const backlog = await actuals(`msdyn_transactiontypecode eq ${Opt.UnbilledSales} and msdyn_billingstatus eq ${Opt.UnbilledSalesCreated}`);
  assert.deepEqual(backlog.map((a) => [a.msdyn_quantity, a.msdyn_amount]), [[8, 1600]]);
  assert.equal((await ok(h.dv('GET', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})`))).json.msdyn_invoicestatus, Opt.MilestoneReady);

  const p = await proposal('USPM', corr.invoicenumber);
  assert.equal(p.IsCorrection, true);
  await runProcess(h, 'import_staging');
  const credit = (await ok(postProposal('USPM', corr.invoicenumber))).json;
  assert.deepEqual([credit.InvoiceAmount, credit.SalesTaxAmount, credit.TotalAmount], [-6600, -660, -7260]);
});

test('correction, partial credit 8 → 6: reversal, 6 h invoiced again, 2 h back in the backlog', async () => {
  const { inv } = await confirmedInvoice();
  const corr = await correct(inv.invoiceid);
  const time = (await detailsOf(corr.invoiceid)).find((d) => d.msdyn_transactionclassification !== 192350003);
  await ok(h.dv('PATCH', `/msdyn_invoicelinetransactions(${String(time.msdyn_invoicelinetransactionid)})`, { msdyn_quantity: 6 }), 204);
  const updated = (await ok(h.dv('GET', `/invoices(${String(corr.invoiceid)})`))).json;
  assert.equal(updated.totalamount, -5400); // −400 of time, −5,000 milestone
  await ok(confirm(h, corr.invoiceid));
  const billed = await actuals(`msdyn_transactiontypecode eq ${Opt.BilledSales} and msdyn_transactionclassification eq 192350000`);
  assert.deepEqual(billed.map((a) => a.msdyn_quantity).sort((a, b) => a - b), [-8, 6, 8]);
  const backlog = await actuals(`msdyn_transactiontypecode eq ${Opt.UnbilledSales} and msdyn_billingstatus eq ${Opt.UnbilledSalesCreated}`);
  assert.deepEqual(backlog.map((a) => [a.msdyn_quantity, a.msdyn_amount]), [[2, 400]]);
});

test('correction: a partial credit of a milestone is refused; a draft cannot be corrected', async () => {
  const { inv } = await confirmedInvoice();
  const corr = await correct(inv.invoiceid);
  const milestone = (await detailsOf(corr.invoiceid)).find((d) => d.msdyn_transactionclassification === 192350003);
  const before = await snapshot(h, ['invoices', 'msdyn_invoicelinetransactions']);
  const r = await h.dv('PATCH', `/msdyn_invoicelinetransactions(${String(milestone.msdyn_invoicelinetransactionid)})`, { msdyn_quantity: 0.5 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, '0x80040265');
  assert.match(r.json.error.message, /milestone can only be credited in full/);
  assert.deepEqual(await snapshot(h, ['invoices', 'msdyn_invoicelinetransactions']), before);
  const draftCorrection = await h.dv('POST', `/invoices(${String(corr.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_CorrectInvoice`, {});
  assert.equal(draftCorrection.status, 400);
  assert.match(draftCorrection.json.error.message, /Only a confirmed invoice can be corrected/);
});

test('the simulated clock runs a recurring Import from staging table on its way', async () => {
  const c = await setUpContract(h);
  void c;
  const rec = (await ok(h.simApi('PUT', '/processes/import_staging', { recurrenceMinutes: 60 }))).json;
  assert.deepEqual([rec.recurrenceMinutes, rec.nextRunAt], [60, '2026-03-02T10:00:00Z']);
  assert.equal((await list(h.fo, '/ProjectIntegrationJournals')).length, 0);
  const moved = (await ok(h.simApi('POST', '/clock', { advance: 'PT2H' }))).json;
  assert.equal(moved.now, '2026-03-02T11:00:00Z');
  assert.equal((await ok(h.simApi('GET', '/clock'))).json.now, '2026-03-02T11:00:00Z');
  const journals = await list(h.fo, '/ProjectIntegrationJournals');
  assert.equal(journals.length, 1, 'the first run imports; the second finds nothing new');
  const proc = ((await ok(h.simApi('GET', '/processes'))).json as Json[]).find((p) => p.id === 'import_staging');
  assert.deepEqual([proc.lastRunAt, proc.nextRunAt], ['2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z']);
  assert.equal(typeof proc.name, 'string');
  // Records created by the run carry the simulated time.
  const actualsNow = await list(h.fo, '/ProjectIntegrationJournalLines');
  assert.ok(actualsNow.every((l) => l.AccountingDate === '2026-03-02'));
  const back = await h.simApi('POST', '/clock', { to: '2026-03-01T00:00:00Z' });
  assert.equal(back.status, 400);
});
