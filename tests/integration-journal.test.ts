import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, type Res, list, ok, rep, runProcess, setUpContract, startSim } from './support/http.js';

/**
 * Issue 14 part 3 over HTTP: the Project Operations integration journal as
 * project-operations-integration-journal.md describes it — journals by the period unit, a voucher for each line,
 * deleted lines that come back on the next import, posting that moves the lines with errors to a new journal in
 * Error (naming its Original journal) which Reset to draft makes postable again.
 */
let h: Harness | undefined;
let projectId: string;
// A simulator of its own per test: the clock only moves forward, and the tests need days before 2026-03-02.
beforeEach(async () => {
  await h?.close();
  h = await startSim('2026-02-27T09:00:00Z');
  projectId = (await setUpContract(sim(), { hours: 0, rate: 200, cost: 100 })).projectId;
});
after(async () => { await h?.close(); });
const sim = (): Harness => h as Harness;

const ACTION = 'Microsoft.Dynamics.DataEntities';
const journalKey = (id: string): string => `(dataAreaId='USPM',JournalId='${id}')`;
const lineKey = (journal: string, line: number): string => `(dataAreaId='USPM',JournalId='${journal}',LineNum=${line})`;
const journals = (): Promise<Json[]> => list(sim().fo, '/ProjectIntegrationJournals?$orderby=JournalId');
const lines = (journal?: string): Promise<Json[]> => list(sim().fo, `/ProjectIntegrationJournalLines?$orderby=JournalId,LineNum${journal ? `&$filter=JournalId eq '${journal}'` : ''}`);
const post = (journal: string): Promise<Res> => sim().fo('POST', `/ProjectIntegrationJournals${journalKey(journal)}/${ACTION}.Post`, {});
const setUnit = (unit: string): Promise<Res> => sim().fo('PATCH', "/ProjectParameters(dataAreaId='USPM')", { IntegrationJournalPeriodUnit: unit });

/** Approved time on a day: a cost and an unbilled sales actual, accounting date = the day. */
async function work(date: string, hours = 1): Promise<void> {
  // The actual's accounting date is the day of the approval: the clock moves to that day first.
  const now = String((await ok(sim().simApi('GET', '/clock'))).json.now);
  if (date > now.slice(0, 10)) await ok(sim().simApi('POST', '/clock', { to: `${date}T09:00:00Z` }));
  const entry = await ok(sim().dv('POST', '/msdyn_timeentries', {
    msdyn_description: `Work ${date}`, msdyn_date: date, msdyn_duration: hours * 60, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
  }, rep), 201);
  await ok(sim().dv('POST', `/msdyn_timeentries(${String(entry.json.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}));
}

/** Finance's error shape (odata.md; the one of simulator/http/errors.ts): returns the inner message. */
function financeError(r: Res, status: number): string {
  assert.equal(r.status, status, r.text.slice(0, 300));
  assert.deepEqual(Object.keys(r.json.error), ['code', 'message', 'innererror']);
  assert.deepEqual([r.json.error.code, r.json.error.message], ['', 'An error has occurred.']);
  return String(r.json.error.innererror.message);
}

test('period unit: Days (the default) makes a journal per accounting date; Months, Years and All group further; a Draft journal of the period takes later lines', async () => {
  const params = (await ok(sim().fo('GET', "/ProjectParameters(dataAreaId='USPM')"))).json;
  assert.equal(params.IntegrationJournalPeriodUnit, 'Days');
  await work('2026-03-02');
  await work('2026-03-03');
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).map((j) => [j.JournalId, j.PeriodStartDate, j.LineCount, j.Status]), [['PIJ-000001', '2026-03-02', 2, 'Draft'], ['PIJ-000002', '2026-03-03', 2, 'Draft']]);
  assert.deepEqual((await lines()).map((l) => [l.JournalId, l.AccountingDate, l.TransType]), [
    ['PIJ-000001', '2026-03-02', 'Cost'], ['PIJ-000001', '2026-03-02', 'UnbilledSales'], ['PIJ-000002', '2026-03-03', 'Cost'], ['PIJ-000002', '2026-03-03', 'UnbilledSales'],
  ]);
  // Another run adds work of an existing day to that day's Draft journal.
  await work('2026-03-03', 2);
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).map((j) => [j.JournalId, j.LineCount]), [['PIJ-000001', 2], ['PIJ-000002', 4]]);

  await ok(setUnit('Months'), 204);
  await work('2026-03-10');
  await work('2026-04-01');
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).slice(2).map((j) => [j.PeriodStartDate, j.LineCount]), [['2026-03-01', 2], ['2026-04-01', 2]]);

  await ok(setUnit('Years'), 204);
  await work('2026-05-05');
  await work('2026-06-06');
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).slice(4).map((j) => [j.PeriodStartDate, j.LineCount]), [['2026-01-01', 4]]);

  await ok(setUnit('All'), 204);
  await work('2026-07-07');
  await runProcess(sim(), 'import_staging');
  await work('2027-01-01');
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).slice(5).map((j) => [j.PeriodStartDate, j.LineCount]), [[null, 4]]);
  // Once it is posted, it isn't available: the next run makes a new journal.
  await ok(post('PIJ-000006'));
  await work('2027-01-02');
  await runProcess(sim(), 'import_staging');
  assert.deepEqual((await journals()).slice(5).map((j) => [j.JournalId, j.Status, j.LineCount]), [['PIJ-000006', 'Posted', 4], ['PIJ-000007', 'Draft', 2]]);
});

test('period unit: a value outside Days, Months, Years and All is refused in Finance\'s error shape; the parameters are neither created nor deleted directly', async () => {
  const before = JSON.stringify(sim().sim.store.snapshot());
  assert.match(financeError(await setUnit('Weeks'), 400), /Weeks/);
  financeError(await sim().fo('PATCH', "/ProjectParameters(dataAreaId='USPM')", { IntegrationJournalPeriodUnit: 3 }), 400);
  financeError(await sim().fo('POST', '/ProjectParameters', { dataAreaId: 'USPM', IntegrationJournalPeriodUnit: 'Days' }), 400);
  financeError(await sim().fo('DELETE', "/ProjectParameters(dataAreaId='USPM')"), 400);
  assert.equal(JSON.stringify(sim().sim.store.snapshot()), before);
});

test('a voucher for each line: cost and unbilled sales of one time entry post separate balanced vouchers, written back to each actual', async () => {
  await work('2026-03-02', 8);
  await runProcess(sim(), 'import_staging');
  const [cost, sales] = await lines();
  assert.ok(cost.Voucher && sales.Voucher && cost.Voucher !== sales.Voucher, 'each line has its own voucher number from the import on');
  await ok(post('PIJ-000001'));
  const vouchers = await list(sim().fo, '/LedgerVouchers?$orderby=Voucher,LineNum');
  assert.deepEqual(vouchers.map((v) => [v.Voucher, v.PostingType, v.MainAccount, v.AmountMST]), [
    [cost.Voucher, 'ProjectCost', '510100', 800], [cost.Voucher, 'ProjectPayrollAllocation', '605100', -800],
    [sales.Voucher, 'ProjectWIPSalesValue', '161300', 1600], [sales.Voucher, 'ProjectAccruedRevenue', '420200', -1600],
  ]);
  const actuals = await list(sim().dv, '/msdyn_actuals?$select=msdyn_transactiontypecode,msdyn_vouchernumber&$orderby=msdyn_transactiontypecode');
  assert.deepEqual(actuals.map((a) => a.msdyn_vouchernumber), [cost.Voucher, sales.Voucher]);
});

test('deleting lines: an unposted line can be deleted and comes back on the next import; a posted line can\'t', async () => {
  await work('2026-03-02', 8);
  await runProcess(sim(), 'import_staging');
  const [cost, sales] = await lines();
  await ok(sim().fo('DELETE', `/ProjectIntegrationJournalLines${lineKey('PIJ-000001', Number(sales.LineNum))}`), 204);
  assert.deepEqual((await lines()).map((l) => l.TransType), ['Cost']);
  assert.equal((await journals())[0].LineCount, 1);
  const staging = (await list(sim().fo, `/ProjCDSActualsImports?$filter=ActualId eq ${String(sales.ActualId)}`))[0];
  assert.deepEqual([staging.IsProcessed, staging.JournalId], [false, null]);

  const log = await runProcess(sim(), 'import_staging');
  assert.deepEqual(log.filter((l: Json) => l.key === 'import.journalCreated').map((l: Json) => l.params), [{ company: 'USPM', journal: 'PIJ-000001', lines: 1 }]);
  const back = await lines();
  assert.deepEqual(back.map((l) => [l.TransType, l.LineNum, l.ActualId]), [['Cost', 1, cost.ActualId], ['UnbilledSales', 3, sales.ActualId]]);
  assert.notEqual(back[1].Voucher, sales.Voucher, 'a new line, a new voucher number');
  assert.equal((await journals())[0].LineCount, 2);

  await ok(post('PIJ-000001'));
  const before = JSON.stringify(sim().sim.store.snapshot());
  const refused = await sim().fo('DELETE', `/ProjectIntegrationJournalLines${lineKey('PIJ-000001', 1)}`);
  assert.match(financeError(refused, 400), /PIJ-000001/);
  assert.match(String(refused.json.error.innererror.helplink), /rule\.journal-line-delete-posted$/);
  financeError(await sim().fo('DELETE', `/ProjectIntegrationJournalLines${lineKey('PIJ-000001', 99)}`), 404);
  assert.equal(JSON.stringify(sim().sim.store.snapshot()), before);
});

test('posting with a closed ledger period: valid lines post, error lines move to a new journal in Error with its Original journal; Reset to draft makes it postable', async () => {
  await work('2026-02-27', 2);
  await work('2026-03-02', 8);
  await runProcess(sim(), 'import_staging');
  await ok(sim().fo('POST', '/LedgerPeriods', { StartDate: '2026-02-01', EndDate: '2026-02-28', Status: 'Closed' }), 201);
  const closedDay = (await journals()).find((j) => j.PeriodStartDate === '2026-02-27');
  const open = (await journals()).find((j) => j.PeriodStartDate === '2026-03-02');
  const r = await ok(post(String(closedDay?.JournalId)));
  assert.equal(r.json.Status, 'Posted');
  assert.deepEqual((r.json.log as Json[]).map((l) => [l.level, l.key]), [
    ['info', 'finance.journalPosted'], ['error', 'finance.periodNotOpen'], ['error', 'finance.periodNotOpen'], ['info', 'finance.journalErrorLinesMoved'],
  ]);
  const all = await journals();
  const moved = all.find((j) => j.OriginalJournalId === closedDay?.JournalId) as Json;
  assert.deepEqual([moved.Status, moved.LineCount, moved.PeriodStartDate], ['Error', 2, '2026-02-27']);
  assert.deepEqual((await lines(String(moved.JournalId))).map((l) => [l.LineNum, l.Status, l.AccountingDate]), [[1, 'Error', '2026-02-27'], [2, 'Error', '2026-02-27']]);
  assert.equal((await lines(String(closedDay?.JournalId))).length, 0);
  assert.deepEqual(await list(sim().fo, '/LedgerVouchers'), [], 'nothing reached the ledger');
  // The other day's journal posts normally.
  await ok(post(String(open?.JournalId)));
  assert.equal((await list(sim().fo, '/LedgerVouchers')).length, 4);

  // A journal in Error isn't posted; Reset to draft of a line leaves the header in Error.
  const errorId = String(moved.JournalId);
  assert.match(financeError(await post(errorId), 400), new RegExp(errorId));
  await ok(sim().fo('PATCH', "/LedgerPeriods(dataAreaId='USPM',StartDate=2026-02-01)", { Status: 'Open' }), 204);
  const line = (await ok(sim().fo('POST', `/ProjectIntegrationJournalLines${lineKey(errorId, 1)}/${ACTION}.ResetToDraft`, {}))).json;
  assert.equal(line.Status, 'Draft');
  financeError(await sim().fo('POST', `/ProjectIntegrationJournalLines${lineKey(errorId, 1)}/${ACTION}.ResetToDraft`, {}), 400);
  financeError(await post(errorId), 400);
  const header = (await ok(sim().fo('POST', `/ProjectIntegrationJournals${journalKey(errorId)}/${ACTION}.ResetToDraft`, {}))).json;
  assert.equal(header.Status, 'Draft');
  assert.ok((await lines(errorId)).every((l) => l.Status === 'Draft'));
  await ok(post(errorId));
  assert.ok((await lines(errorId)).every((l) => l.Status === 'Posted'));
  assert.equal((await list(sim().fo, '/LedgerVouchers')).length, 8);
  // Reset to draft of a posted journal is refused.
  const refused = await sim().fo('POST', `/ProjectIntegrationJournals${journalKey(errorId)}/${ACTION}.ResetToDraft`, {});
  assert.match(String(refused.json.error.innererror.helplink), /rule\.journal-reset-to-draft$/);
  financeError(refused, 400);
});

test('ledger periods: statuses Open, OnHold and Closed; On hold also stops posting; a period ending before it starts or another status is refused', async () => {
  financeError(await sim().fo('POST', '/LedgerPeriods', { StartDate: '2026-03-01', EndDate: '2026-03-31', Status: 'Frozen' }), 400);
  financeError(await sim().fo('POST', '/LedgerPeriods', { StartDate: '2026-03-31', EndDate: '2026-03-01', Status: 'Open' }), 400);
  await ok(sim().fo('POST', '/LedgerPeriods', { StartDate: '2026-03-01', EndDate: '2026-03-31', Status: 'OnHold' }), 201);
  await work('2026-03-02');
  await runProcess(sim(), 'import_staging');
  const r = await ok(post('PIJ-000001'));
  assert.deepEqual((r.json.log as Json[]).filter((l) => l.level === 'error').map((l) => [l.key, l.params.status]), [['finance.periodNotOpen', 'OnHold'], ['finance.periodNotOpen', 'OnHold']]);
});

test('$metadata declares the journal entities with their new columns, the parameters, the ledger periods and the actions', async () => {
  const xml = (await ok(sim().fo('GET', '/$metadata'))).text;
  for (const name of ['OriginalJournalId', 'PeriodStartDate', 'IntegrationJournalPeriodUnit']) assert.match(xml, new RegExp(`Property Name="${name}"`));
  for (const set of ['ProjectParameters', 'LedgerPeriods', 'ProjectIntegrationJournalLines']) assert.match(xml, new RegExp(`EntitySet Name="${set}"`));
  assert.equal((xml.match(/Action Name="ResetToDraft"/g) ?? []).length, 2, 'on journals and on journal lines');
});
