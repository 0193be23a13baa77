import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rec } from '../simulator/store/types.js';
import type { Ctx } from '../simulator/domain/context.js';
import { createSimulator, type Simulator } from '../simulator/index.js';
import { dvEntity, BillingMethod } from '../simulator/dataverse/entities.js';
import { foEntity } from '../simulator/finance/entities.js';
import { createRecord } from '../simulator/dataverse/records.js';
import { createFinanceRecord, deleteFinanceRecord, updateFinanceRecord } from '../simulator/finance/records.js';
import { approveTimeEntry } from '../simulator/dataverse/work.js';
import { markContractReady } from '../simulator/dataverse/backlog.js';
import { confirmInvoice, createInvoice } from '../simulator/dataverse/invoices.js';
import { SimError } from '../simulator/errors.js';

/** The dual-write runtime through the service (no HTTP): live sync, pause/queue/resume, async mode, limits. */
async function setUp(entries = 1): Promise<{ sim: Simulator; contract: string; run: <T>(fn: (ctx: Ctx) => T) => Promise<T> }> {
  const sim = await createSimulator({ clock: '2026-03-02T09:00:00Z' });
  const run = <T>(fn: (ctx: Ctx) => T): Promise<T> => sim.service.exec(fn);
  await run((ctx) => createFinanceRecord(ctx, foEntity('LegalEntity'), { LegalEntityId: 'USPM', Name: 'USPM', AccountingCurrency: 'USD' }, undefined));
  const contract = await run((ctx) => {
    const dv = (e: string, v: Record<string, unknown>): Rec => createRecord(ctx, dvEntity(e), v);
    const company = [...ctx.tx.all('cdm_company')][0] as Rec;
    const account = dv('account', { name: 'Contoso Ltd.', _msdyn_company_value: company.cdm_companyid });
    const project = dv('msdyn_project', { msdyn_subject: 'ERP', _msdyn_customer_value: account.accountid });
    const contract = dv('salesorder', { name: 'ERP', _customerid_value: account.accountid });
    dv('salesorderdetail', { productdescription: 'T&M', _salesorderid_value: contract.salesorderid, _msdyn_project_value: project.msdyn_projectid, msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: 200, msdyn_costperunit: 100 });
    for (let i = 0; i < entries; i++) {
      const e = dv('msdyn_timeentry', { msdyn_date: '2026-03-02', msdyn_duration: 60, _msdyn_project_value: project.msdyn_projectid });
      approveTimeEntry(ctx, String(e.msdyn_timeentryid));
    }
    return String(contract.salesorderid);
  });
  return { sim, contract, run };
}

const confirm = (run: <T>(fn: (ctx: Ctx) => T) => Promise<T>, contract: string): Promise<Rec> =>
  run((ctx) => { markContractReady(ctx, contract); return confirmInvoice(ctx, String(createInvoice(ctx, contract).invoiceid)); });

test('a legal entity created in Finance reaches Dataverse; approved work reaches actuals staging live', async () => {
  const { sim } = await setUp(2);
  assert.equal(sim.store.count('cdm_company'), 1);
  assert.equal(sim.store.count('ProjCDSActualsImport'), 4); // 2 cost + 2 unbilled sales
  assert.equal(sim.store.count('ProjCDSTransactionRelationshipImport'), 2);
  await sim.close();
});

test('paused actuals map queues in order; resume catches up exactly once and drains what arrived meanwhile', async () => {
  const { sim, contract, run } = await setUp();
  await sim.service.setMap('actuals', 'pause');
  const before = sim.store.count('ProjCDSActualsImport');
  await confirm(run, contract);
  assert.equal(sim.store.count('ProjCDSActualsImport'), before, 'nothing synced while paused');
  const queued = [...sim.store.all('dw_queue')];
  assert.ok(queued.length >= 2);
  assert.deepEqual(queued.map((q) => q.seq), [...queued.map((q) => q.seq)].sort((a, b) => Number(a) - Number(b)));
  const result = await sim.service.resume('actuals');
  assert.equal(result.failed, 0);
  assert.equal(sim.store.count('dw_queue'), 0);
  assert.equal(sim.store.get('dw_map', 'actuals')?.state, 'Running');
  const billed = [...sim.store.all('ProjCDSActualsImport')].filter((r) => r.TransType === 'BilledSales');
  assert.equal(billed.length, 1);
  await sim.close();
});

test('a failing catch-up record is kept as a catch-up error and a retry succeeds', async () => {
  const { sim, contract, run } = await setUp();
  await sim.service.setMap('actuals', 'pause');
  await confirm(run, contract);
  sim.service.faults.failNext.actuals = 1;
  const r = await sim.service.resume('actuals');
  assert.equal(r.failed, 1);
  const [err] = [...sim.store.all('dw_error')];
  assert.equal((err?.error as { key: string }).key, 'dualwrite.injectedFailure');
  const retry = await sim.service.retry('actuals');
  assert.deepEqual(retry, { retried: 1, succeeded: 1, failed: 0 });
  assert.equal(sim.store.count('dw_error'), 0);
  await sim.close();
});

test('resume skipping the queue: discarded or kept as catch-up errors, all in one transaction, also under load', async () => {
  for (const mode of ['skipDiscard', 'skipPreserve'] as const) {
    const { sim, contract, run } = await setUp(300);
    await sim.service.setMap('actuals', 'pause');
    await confirm(run, contract);
    const queuedBefore = sim.store.count('dw_queue');
    assert.ok(queuedBefore >= 600, `${queuedBefore} queued`);
    const stagingBefore = sim.store.count('ProjCDSActualsImport');
    // Changes keep coming while the map resumes; they are queued until it runs, then sync live.
    let commits = 0;
    const off = sim.store.onCommit(() => { commits++; });
    const resumed = sim.service.resume('actuals', mode);
    const meanwhile = run((ctx) => approveTimeEntry(ctx, String(createRecord(ctx, dvEntity('msdyn_timeentry'), { msdyn_date: '2026-03-02', msdyn_duration: 60, _msdyn_project_value: [...ctx.tx.all('msdyn_project')][0]?.msdyn_projectid }).msdyn_timeentryid)));
    const r = await resumed;
    await meanwhile;
    off();
    assert.equal(sim.store.get('dw_map', 'actuals')?.state, 'Running', mode);
    assert.equal(sim.store.count('dw_queue'), 0, `${mode}: nothing left queued`);
    assert.equal(r.applied, 0);
    if (mode === 'skipDiscard') {
      assert.equal(r.failed, 0);
      assert.equal(sim.store.count('dw_error'), 0);
    } else {
      assert.equal(r.discarded, 0);
      assert.equal(sim.store.count('dw_error'), r.failed);
      assert.equal((([...sim.store.all('dw_error')][0]?.error) as { key: string }).key, 'dualwrite.skipped');
    }
    // The approval made meanwhile (a cost and an unbilled sales actual) was either queued and skipped, or synced live
    // once the map ran: every change is skipped or synced, none both, none lost.
    const synced = sim.store.count('ProjCDSActualsImport') - stagingBefore;
    assert.equal(r.discarded + r.failed + synced, queuedBefore + 2, `${mode}: skipped ${r.discarded + r.failed}, synced ${synced}`);
    assert.ok(commits <= 3, `${mode}: ${commits} commits (Resuming, the skip, the change made meanwhile)`);
    await sim.close();
  }
});

test('renaming a legal entity syncs the name and leaves its line properties as they are', async () => {
  const { sim, run } = await setUp(0);
  await run((ctx) => deleteFinanceRecord(ctx, foEntity('ProjectLineProperty'), 'USPM|NonChargeable'));
  await run((ctx) => updateFinanceRecord(ctx, foEntity('LegalEntity'), 'USPM', { Name: 'Contoso US' }));
  assert.equal([...sim.store.all('cdm_company')].find((c) => c.cdm_companycode === 'USPM')?.cdm_name, 'Contoso US');
  assert.equal(sim.store.get('ProjectLineProperty', 'USPM|NonChargeable'), undefined, 'the deleted line property stays deleted');
  assert.ok(sim.store.get('ProjectLineProperty', 'USPM|Chargeable'));
  await sim.close();
});

test('a stopped map syncs nothing and queues nothing', async () => {
  const { sim, contract, run } = await setUp();
  await sim.service.setMap('pi_v2', 'stop');
  await confirm(run, contract);
  assert.equal(sim.store.count('ProjectInvoiceProposal'), 0);
  assert.equal(sim.store.count('dw_queue'), 0);
  await sim.close();
});

test('Finance unavailable: the confirmation is refused and nothing changes on either side', async () => {
  const { sim, contract, run } = await setUp();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  const snapshot = sim.store.snapshot();
  sim.service.faults.financeUnavailable = true;
  await assert.rejects(run((ctx) => confirmInvoice(ctx, String(inv.invoiceid))), (e: unknown) => e instanceof SimError && e.key === 'dualwrite.financeUnavailable');
  assert.deepEqual(sim.store.snapshot(), snapshot);
  await sim.close();
});

test('over 1,000 invoice lines: refused in real time, synced by the asynchronous integration job', async () => {
  const { sim, contract, run } = await setUp(1001);
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  await assert.rejects(run((ctx) => confirmInvoice(ctx, String(inv.invoiceid))), (e: unknown) => e instanceof SimError && e.key === 'dualwrite.tooManyLines');
  await sim.service.setSettings({ invoiceIntegration: 'async' });
  await run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  assert.equal(sim.store.count('ProjectInvoiceProposal'), 0, 'eventually consistent: nothing until the job runs');
  const job = await sim.service.runProcess('async_integration');
  assert.equal((job.lastLog as { params: { failed: number } }[])[0]?.params.failed, 0);
  assert.equal(sim.store.count('ProjectInvoiceProposal'), 1);
  assert.equal([...sim.store.all('ProjCDSActualsImport')].filter((r) => r.TransType === 'BilledSales').length, 1001);
  assert.equal(sim.store.count('dw_async'), 0);
  await sim.close();
});
