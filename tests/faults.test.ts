/**
 * Faults controlled through `/sim/faults` and the map controls, all over HTTP against a simulator with demo data:
 * - Finance unavailable during a confirmation: the request fails and nothing changes on either side.
 * - The actuals map paused during a burst of work: everything is queued, and arrives after resume in queue order,
 *   exactly once, with the latest values.
 * - A catch-up failure is kept with its error; a retry succeeds.
 * - Added latency: requests are slower but correct.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { createSimulator, type Simulator } from '../simulator/index.js';
import type { Rec } from '../simulator/store/types.js';
import { InvoiceStatus } from '../simulator/dataverse/entities.js';
import { jsonRequest } from './support/raw-http.js';

const DV = '/api/data/v9.2';

interface Env { sim: Simulator; base: string; agent: Agent; call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }> }

async function env(): Promise<Env> {
  const sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
  const base = await sim.listen();
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  return { sim, base, agent, call: (method, path, body) => jsonRequest(base, method, path, body, {}, agent) };
}
async function done(e: Env): Promise<void> {
  e.agent.destroy();
  await e.sim.close();
}

const errorOf = (json: unknown): { code: string; message: string } => (json as { error: { code: string; message: string } }).error;
const values = (json: unknown): Rec[] => (json as { value: Rec[] }).value;

/** The project of a demo contract, by the contract's name. */
function projectOf(sim: Simulator, subject: string): string {
  const p = [...sim.store.all('msdyn_project')].find((r) => r.msdyn_subject === subject);
  assert.ok(p, `demo project ${subject}`);
  return String(p.msdyn_projectid);
}

/** Creates and approves a time entry over HTTP; returns the actuals the approval created. */
async function approvedWork(e: Env, project: string, i: number): Promise<Rec[]> {
  const created = await jsonRequest(e.base, 'POST', `${DV}/msdyn_timeentries`, {
    msdyn_description: `Burst ${i}`, msdyn_date: '2026-03-02', msdyn_duration: 60 + i, 'msdyn_project@odata.bind': `/msdyn_projects(${project})`,
  }, { prefer: 'return=representation' }, e.agent);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = String((created.json as Rec).msdyn_timeentryid);
  const approved = await e.call('POST', `${DV}/msdyn_timeentries(${id})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {});
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  return values(approved.json);
}

async function staged(e: Env): Promise<Rec[]> {
  const r = await e.call('GET', '/data/ProjCDSActualsImports?cross-company=true');
  assert.equal(r.status, 200);
  return values(r.json);
}

test('Finance unavailable during confirm: 503, and nothing changes on either side; after recovery the confirm works', async () => {
  const e = await env();
  try {
    const draft = [...e.sim.store.all('invoice')].find((i) => i.msdyn_projectinvoicestatus === InvoiceStatus.Draft);
    assert.ok(draft);
    const put = await e.call('PUT', '/sim/faults', { financeUnavailable: true });
    assert.equal(put.status, 200);
    assert.equal((put.json as { financeUnavailable: boolean }).financeUnavailable, true);

    const before = e.sim.store.snapshot();
    const r = await e.call('POST', `${DV}/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {});
    assert.equal(r.status, 503);
    assert.equal(errorOf(r.json).code, '0x80040265');
    assert.match(errorOf(r.json).message, /not available; the change was not saved in either app/);
    assert.deepEqual(e.sim.store.snapshot(), before, 'nothing changed on either side');
    const inv = await e.call('GET', `${DV}/invoices(${String(draft.invoiceid)})?$select=msdyn_projectinvoicestatus`);
    assert.equal((inv.json as Rec).msdyn_projectinvoicestatus, InvoiceStatus.Draft);
    const proposals = await e.call('GET', `/data/ProjectInvoiceProposals?cross-company=true&$filter=ProposalId%20eq%20'${String(draft.invoicenumber)}'`);
    assert.equal(values(proposals.json).length, 0);

    assert.equal((await e.call('DELETE', '/sim/faults')).status, 200);
    const ok = await e.call('POST', `${DV}/invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {});
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    const after = await e.call('GET', `/data/ProjectInvoiceProposals?cross-company=true&$filter=ProposalId%20eq%20'${String(draft.invoicenumber)}'`);
    assert.equal(values(after.json).length, 1);
  } finally {
    await done(e);
  }
});

test('actuals map paused during a burst: all queued, then after resume in order, exactly once, latest values', async (t) => {
  const e = await env();
  try {
    const project = projectOf(e.sim, 'Data platform');
    const contract = [...e.sim.store.all('salesorder')].find((s) => s.name === 'Data platform');
    assert.ok(contract);
    assert.equal((await e.call('POST', '/sim/maps/actuals/pause')).status, 200);
    const stagedBefore = await staged(e);

    // A burst: 25 approvals at once, then the contract's backlog marked ready, invoiced and confirmed.
    const created = (await Promise.all(Array.from({ length: 25 }, (_, i) => approvedWork(e, project, i)))).flat();
    assert.equal(created.length, 50, 'a cost and an unbilled sales actual per entry');
    assert.equal((await e.call('POST', `${DV}/salesorders(${String(contract.salesorderid)})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {})).status, 200);
    const inv = await e.call('POST', `${DV}/salesorders(${String(contract.salesorderid)})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {});
    assert.equal(inv.status, 200, JSON.stringify(inv.json));
    const confirm = await e.call('POST', `${DV}/invoices(${String((inv.json as Rec).invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {});
    assert.equal(confirm.status, 200, JSON.stringify(confirm.json));

    // Nothing reached Finance's staging; everything waits in the queue, in sequence.
    assert.deepEqual(await staged(e), stagedBefore, 'staging untouched while paused');
    const queue = (await e.call('GET', '/sim/maps/actuals/queue')).json as Rec[];
    const seqs = queue.map((q) => Number(q.seq));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'queue in sequence');
    const sources = queue.map((q) => String((q.source as { id: string }).id));
    for (const a of created) assert.ok(sources.includes(String(a.msdyn_actualid)), 'every new actual queued');
    const maps = (await e.call('GET', '/sim/maps')).json as Rec[];
    assert.equal(maps.find((m) => m.id === 'actuals')?.queued, queue.length);

    const resumed = await e.call('POST', '/sim/maps/actuals/resume', { mode: 'catchup' });
    assert.equal(resumed.status, 200, JSON.stringify(resumed.json));
    assert.deepEqual(resumed.json, { applied: queue.length, failed: 0, discarded: 0 });
    assert.equal(((await e.call('GET', '/sim/maps/actuals/queue')).json as Rec[]).length, 0);

    // In order: new staging rows appear in the order of their first queue entry; each exactly once.
    const after = await staged(e);
    const beforeIds = new Set(stagedBefore.map((s) => String(s.ActualId)));
    const firstSeen = [...new Set(sources)].filter((id) => !beforeIds.has(id));
    const newRows = after.filter((s) => !beforeIds.has(String(s.ActualId)));
    assert.deepEqual(newRows.map((s) => String(s.ActualId)), firstSeen, 'arrived in queue order');
    const counts = new Map<string, number>();
    for (const s of after) counts.set(String(s.ActualId), (counts.get(String(s.ActualId)) ?? 0) + 1);
    for (const id of new Set(sources)) assert.equal(counts.get(id), 1, `actual ${id} staged exactly once`);
    // With the latest values (a queued update was applied after its create, not before).
    for (const id of new Set(sources)) {
      const actual = e.sim.store.get('msdyn_actual', id);
      const row = after.find((s) => s.ActualId === id);
      assert.equal(row?.Amount, actual?.msdyn_amount ?? null);
      assert.equal(row?.InvoiceId ?? null, actual?._msdyn_invoice_value ? String(e.sim.store.get('invoice', String(actual._msdyn_invoice_value))?.invoicenumber) : null);
    }
    t.diagnostic(`burst: actuals created=${created.length} queued items=${queue.length} applied=${queue.length} distinct rows=${firstSeen.length}`);
  } finally {
    await done(e);
  }
});

test('a catch-up failure is kept with its error; a retry succeeds', async () => {
  const e = await env();
  try {
    const project = projectOf(e.sim, 'Data platform');
    assert.equal((await e.call('POST', '/sim/maps/actuals/pause')).status, 200);
    const actuals = await approvedWork(e, project, 1);
    assert.equal(actuals.length, 2);
    assert.equal((await e.call('PUT', '/sim/faults', { failNext: { actuals: 1 } })).status, 200);

    const resumed = await e.call('POST', '/sim/maps/actuals/resume', {});
    assert.deepEqual(resumed.json, { applied: 1, failed: 1, discarded: 0 });
    const errors = (await e.call('GET', '/sim/maps/actuals/errors')).json as Rec[];
    assert.equal(errors.length, 1);
    const failed = errors[0] as Rec;
    assert.equal((failed.error as { code: string; key: string }).code, '0x80040265');
    assert.equal((failed.error as { code: string; key: string }).key, 'dualwrite.injectedFailure');
    assert.equal(failed.attempts, 1);
    const failedActual = String((failed.source as { id: string }).id);
    assert.equal((await staged(e)).filter((s) => s.ActualId === failedActual).length, 0, 'not in Finance yet');
    const maps = (await e.call('GET', '/sim/maps')).json as Rec[];
    assert.deepEqual(maps.filter((m) => m.id === 'actuals').map((m) => [m.state, m.errors]), [['Running', 1]]);

    const retry = await e.call('POST', '/sim/maps/actuals/errors/retry', { ids: [String(failed.seq)] });
    assert.deepEqual(retry.json, { retried: 1, succeeded: 1, failed: 0 });
    assert.equal(((await e.call('GET', '/sim/maps/actuals/errors')).json as Rec[]).length, 0);
    const rows = await staged(e);
    for (const a of actuals) assert.equal(rows.filter((s) => s.ActualId === a.msdyn_actualid).length, 1, 'each actual staged exactly once');
  } finally {
    await done(e);
  }
});

test('added latency: requests are slower but their answers are the same', async () => {
  const e = await env();
  try {
    const path = `${DV}/accounts?$select=name&$orderby=name`;
    const fast = await e.call('GET', path);
    assert.equal((await e.call('PUT', '/sim/faults', { latencyMs: 250 })).status, 200);
    let t0 = performance.now();
    const slow = await e.call('GET', path);
    const slowMs = performance.now() - t0;
    assert.ok(slowMs >= 240, `slowed down (${slowMs.toFixed(0)} ms)`);
    assert.deepEqual([slow.status, slow.json], [fast.status, fast.json], 'same answer');
    t0 = performance.now();
    const fin = await e.call('GET', '/data/LegalEntities');
    assert.ok(performance.now() - t0 >= 240, 'Finance slowed down too');
    assert.equal(values(fin.json).length, 2);
    // Writes under latency still land, once.
    const company = [...e.sim.store.all('cdm_company')][0] as Rec;
    const writes = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      e.call('POST', `${DV}/accounts`, { name: `Slow ${i}`, 'msdyn_company@odata.bind': `/cdm_companies(${String(company.cdm_companyid)})` })));
    assert.deepEqual(writes.map((w) => w.status), Array(10).fill(204));
    assert.equal([...e.sim.store.all('account')].filter((a) => String(a.name).startsWith('Slow ')).length, 10);
    assert.equal((await e.call('DELETE', '/sim/faults')).status, 200);
    const again = await e.call('GET', path);
    assert.equal(again.status, 200);
    assert.equal(values(again.json).length, values(fast.json).length + 10);
  } finally {
    await done(e);
  }
});
