/**
 * Dual-write as the platform pages describe it (issue 14, part 6), over HTTP: Run's initial write (Initializing →
 * Running, errors on the initial sync details, re-run, skip), the 1-day retention of catch-up errors on the simulated
 * clock, the limits of a paused map (7 days, 1 GB), and the milestone map carrying milestones to Finance.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { PAUSE_MAX_MS, QUEUE_MAX_BYTES, pauseLimitReached } from '../simulator/dualwrite/queue-limits.js';
import { approveTime, type Harness, type Json, list, ok, rep, setUpContract, startSim } from './support/http.js';

let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const mapOf = async (id: string): Promise<Json> => ((await ok(h.simApi('GET', '/maps'))).json as Json[]).find((m) => m.id === id);
const staging = (): Promise<Json[]> => list(h.fo, '/ProjCDSActualsImports');
const stateLog = async (id: string): Promise<string[]> => ((await ok(h.simApi('GET', `/maps/${id}/log`))).json as Json[]).filter((l) => l.event === 'state').map((l) => String(l.detail.to));
const lineProperty = (company: string, id: string): string => `/ProjectLineProperties(dataAreaId='${company}',LinePropertyId='${id}')`;

test('Run copies the rows that exist (initial write): Stopped → Initializing → Running', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/stop'));
  await approveTime(h, c.projectId, 8);
  assert.equal((await staging()).length, 0, 'a stopped map syncs nothing');
  const run = (await ok(h.simApi('POST', '/maps/actuals/run'))).json;
  assert.deepEqual([run.state, run.copied, run.failed], ['Running', 2, 0]);
  assert.deepEqual((await staging()).map((r) => r.TransType).sort(), ['Cost', 'UnbilledSales']);
  assert.deepEqual((await stateLog('actuals')).slice(-3), ['Stopped', 'Initializing', 'Running']);
  const log = (await ok(h.simApi('GET', '/maps/actuals/log', undefined, { 'Accept-Language': 'de' }))).json as Json[];
  assert.equal(log.find((l) => l.event === 'initialSync')?.message, 'Erstsynchronisation: 2 Datensätze kopiert, 0 fehlgeschlagen.');
  // live again: a second Run is refused while Running
  assert.equal((await h.simApi('POST', '/maps/actuals/run')).status, 409);
  await approveTime(h, c.projectId, 1);
  assert.equal((await staging()).length, 4);
});

test('a row that fails the initial write keeps the map Initializing until the execution is re-run', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/stop'));
  await approveTime(h, c.projectId, 8);
  // Finance refuses the unbilled sales row without the line property; the cost row needs none
  const lp = (await ok(h.fo('GET', lineProperty(c.company, 'Chargeable')))).json;
  await ok(h.fo('DELETE', lineProperty(c.company, 'Chargeable')), 204);
  const run = (await ok(h.simApi('POST', '/maps/actuals/run'))).json;
  assert.deepEqual([run.state, run.copied, run.failed], ['Initializing', 1, 1]);
  const m = await mapOf('actuals');
  assert.deepEqual([m.state, m.stateCode, m.initialSyncErrors], ['Initializing', 2, 1]);
  const details = (await ok(h.simApi('GET', '/maps/actuals/initial-sync'))).json as Json[];
  assert.deepEqual([details.length, details[0].entity, details[0].error.key], [1, 'ProjCDSActualsImport', 'dualwrite.writeFailed']);
  assert.equal((await staging()).length, 1);
  // Initializing: no live sync; the re-run takes the new data too
  await approveTime(h, c.projectId, 1);
  assert.equal((await staging()).length, 1, 'nothing live while initializing');
  await ok(h.fo('POST', '/ProjectLineProperties', { dataAreaId: c.company, LinePropertyId: 'Chargeable', Name: lp.Name, ToBeInvoiced: lp.ToBeInvoiced }), 201);
  const rerun = (await ok(h.simApi('POST', '/maps/actuals/initial-sync/rerun', {}))).json;
  assert.deepEqual([rerun.state, rerun.copied, rerun.failed], ['Running', 4, 0]);
  assert.equal((await staging()).length, 4);
  assert.deepEqual((await ok(h.simApi('GET', '/maps/actuals/initial-sync'))).json, []);
  assert.equal((await h.simApi('POST', '/maps/actuals/initial-sync/rerun', {})).status, 409, 'nothing to re-run when Running');
});

test('re-run without errors leaves the failed rows out; skipping the initial sync goes live without copying', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/stop'));
  await approveTime(h, c.projectId, 8);
  await ok(h.fo('DELETE', lineProperty(c.company, 'Chargeable')), 204);
  assert.equal((await ok(h.simApi('POST', '/maps/actuals/run'))).json.failed, 1);
  const without = (await ok(h.simApi('POST', '/maps/actuals/initial-sync/rerun', { withoutErrors: true }))).json;
  assert.deepEqual([without.state, without.copied, without.failed], ['Running', 1, 0]);
  assert.deepEqual((await staging()).map((r) => r.TransType), ['Cost']);

  await ok(h.simApi('POST', '/maps/txconn/stop'));
  assert.equal((await ok(h.simApi('POST', '/maps/txconn/run', { initialSync: false }))).json.state, 'Running');
  assert.deepEqual((await stateLog('txconn')).slice(-3), ['Stopped', 'Initializing', 'Running']);
  assert.equal((await h.simApi('POST', '/maps/txconn/run', { initialSync: 'yes' })).status, 400);
});

test('catch-up errors are kept for 1 day on the simulated clock, then purged', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/pause'));
  await approveTime(h, c.projectId, 8);
  await ok(h.simApi('PUT', '/faults', { failNext: { actuals: 1 } }));
  assert.equal((await ok(h.simApi('POST', '/maps/actuals/resume', {}))).json.failed, 1);
  assert.equal((await mapOf('actuals')).errors, 1);
  await ok(h.simApi('POST', '/clock', { advance: 'PT23H59M' }));
  assert.equal((await mapOf('actuals')).errors, 1, 'still there just before a day has passed');
  // a failed retry does not restart the day
  await ok(h.simApi('PUT', '/faults', { failNext: { actuals: 1 } }));
  assert.equal((await ok(h.simApi('POST', '/maps/actuals/errors/retry', {}))).json.failed, 1);
  await ok(h.simApi('POST', '/clock', { advance: 'PT1M' }));
  assert.equal((await mapOf('actuals')).errors, 0);
  assert.deepEqual((await ok(h.simApi('GET', '/maps/actuals/errors'))).json, []);
  const log = (await ok(h.simApi('GET', '/maps/actuals/log'))).json as Json[];
  assert.equal(log.find((l) => l.event === 'catchUpErrorsPurged')?.detail.n, 1);
});

test('a map paused for 7 days blocks further records until it is resumed; nothing is saved', async () => {
  const c = await setUpContract(h, { hours: 0 });
  await ok(h.simApi('POST', '/maps/actuals/pause'));
  await approveTime(h, c.projectId, 8);
  await ok(h.simApi('POST', '/clock', { advance: 'P6DT23H' }));
  await approveTime(h, c.projectId, 1);
  assert.equal((await mapOf('actuals')).queued, 4, 'still queuing on day 7');
  await ok(h.simApi('POST', '/clock', { advance: 'PT1H' }));
  const before = (await list(h.dv, '/msdyn_actuals')).length;
  const entry = (await ok(h.dv('POST', '/msdyn_timeentries', { msdyn_description: 'x', msdyn_date: '2026-03-09', msdyn_duration: 60, 'msdyn_project@odata.bind': `/msdyn_projects(${c.projectId})` }, rep), 201)).json;
  const refused = await h.dv('POST', `/msdyn_timeentries(${String(entry.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}, { 'Accept-Language': 'nl' });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, '0x80040265');
  assert.match(refused.json.error.message, /is al 7 dagen onderbroken/);
  assert.equal((await list(h.dv, '/msdyn_actuals')).length, before, 'the approval is not saved');
  assert.equal((await mapOf('actuals')).queued, 4);
  // a user resumes: the queue catches up and records are accepted again
  assert.deepEqual((await ok(h.simApi('POST', '/maps/actuals/resume', {}))).json, { applied: 4, failed: 0, discarded: 0 });
  await ok(h.dv('POST', `/msdyn_timeentries(${String(entry.msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}));
  assert.equal((await staging()).length, 6);
});

test('the pause limits: 7 days, and 1 GB of queued records', () => {
  const since = '2026-03-02T09:00:00Z';
  const at = (ms: number): string => new Date(Date.parse(since) + ms).toISOString();
  assert.equal(pauseLimitReached(since, at(PAUSE_MAX_MS - 1000), 0, 100), undefined);
  assert.equal(pauseLimitReached(since, at(PAUSE_MAX_MS), 0, 100), 'pauseDays');
  assert.equal(pauseLimitReached(since, since, QUEUE_MAX_BYTES - 100, 100), undefined);
  assert.equal(pauseLimitReached(since, since, QUEUE_MAX_BYTES - 100, 101), 'queueSize');
  assert.equal(QUEUE_MAX_BYTES, 1024 ** 3);
});

test('the milestone map carries milestones to their integration table in Finance, like the actuals map', async () => {
  const c = await setUpContract(h, { hours: 0, milestoneAmount: 5000 });
  const rows = await list(h.fo, '/ProjCDSContractLineMilestoneImports');
  assert.equal(rows.length, 1);
  const r = rows[0];
  assert.deepEqual([r.dataAreaId, r.TransactionId, r.Description, r.Amount, r.CurrencyId, r.InvoiceDate], [c.company, c.milestoneId, 'Go-live', 5000, 'USD', '2026-03-02']);
  assert.match(String(r.ContractLineRef), /fixed price/);
  assert.equal((await mapOf('milestones')).name, 'Project Operations integration contract line milestones (msdyn_contractlinescheduleofvalues)');
  // an update is carried too; a paused map queues, a stopped one carries nothing
  await ok(h.dv('PATCH', `/msdyn_contractlinescheduleofvalues(${c.milestoneId})`, { msdyn_amount: 5500 }), 204);
  assert.equal((await list(h.fo, '/ProjCDSContractLineMilestoneImports'))[0]?.Amount, 5500);
  await ok(h.simApi('POST', '/maps/milestones/pause'));
  await ok(h.dv('POST', '/msdyn_contractlinescheduleofvalues', { msdyn_name: 'Sign-off', 'msdyn_contractlineid@odata.bind': `/salesorderdetails(${c.fpLineId})`, msdyn_amount: 1000, msdyn_invoicedate: '2026-04-01' }), 204);
  assert.equal((await mapOf('milestones')).queued, 1);
  await ok(h.simApi('POST', '/maps/milestones/resume', {}));
  assert.equal((await list(h.fo, '/ProjCDSContractLineMilestoneImports')).length, 2);
  await ok(h.simApi('POST', '/maps/milestones/stop'));
  await ok(h.dv('POST', '/msdyn_contractlinescheduleofvalues', { msdyn_name: 'Hypercare', 'msdyn_contractlineid@odata.bind': `/salesorderdetails(${c.fpLineId})`, msdyn_amount: 500, msdyn_invoicedate: '2026-05-01' }), 204);
  assert.equal((await list(h.fo, '/ProjCDSContractLineMilestoneImports')).length, 2);
  // Finance does not take milestones directly (one way, Dataverse → Finance)
  assert.equal((await h.fo('POST', '/ProjCDSContractLineMilestoneImports', { dataAreaId: c.company, TransactionId: 'x' })).status >= 400, true);
});
