/**
 * A bounded mixed workload (SOAK_LOAD_SECONDS, default 20 s) over HTTP against a simulator on a file store, with
 * faults toggled while it runs: Finance unavailable for short spells, latency, injected map failures, the actuals
 * map paused and resumed, catch-up errors retried. Every answer is a success or an API-shaped client error (or
 * the 503 of the outage). After draining (faults off, map running, errors retried, import, journal posting,
 * import), the invariants hold: every voucher balances; one proposal per confirmed invoice and none without one;
 * no actual on two proposal lines; every billed actual is on a proposal line or waiting, staged, in Finance;
 * the file reopens to exactly the same data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../../simulator/index.js';
import type { Rec } from '../../simulator/store/types.js';
import { BillingMethod, InvoiceStatus, TxType } from '../../simulator/dataverse/entities.js';
import { createRecord } from '../../simulator/dataverse/records.js';
import { dvEntity } from '../../simulator/dataverse/entities.js';
import { jsonRequest } from '../support/raw-http.js';

const SECONDS = Number(process.env.SOAK_LOAD_SECONDS ?? 20);
const DV = '/api/data/v9.2';
const CONTRACTS = 6;

test(`mixed workload for ${SECONDS} s with faults toggled: invariants hold`, { timeout: (SECONDS + 90) * 1000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-load-'));
  const path = join(dir, 'simulator.json');
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const stats = { requests: 0, ok: 0, refused: 0, unavailable: 0, entries: 0, confirmed: 0, posted: 0, toggles: 0 };
  const statuses = new Map<number, number>();
  try {
    const sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z', store: { kind: 'file', path, dataDir: dir } });
    const base = await sim.listen();

    // Contracts of their own, in both companies (one per T&M line and project).
    const projects: { project: string; contract: string }[] = await sim.service.exec((ctx) => {
      const out: { project: string; contract: string }[] = [];
      const companies = [...ctx.tx.all('cdm_company')];
      for (let i = 0; i < CONTRACTS; i++) {
        const company = companies[i % companies.length] as Rec;
        const dv = (e: string, v: Record<string, unknown>): Rec => createRecord(ctx, dvEntity(e), v);
        const account = dv('account', { name: `Load customer ${i}`, _msdyn_company_value: company.cdm_companyid });
        const project = dv('msdyn_project', { msdyn_subject: `Load project ${i}`, _msdyn_customer_value: account.accountid, _msdyn_company_value: company.cdm_companyid });
        const contract = dv('salesorder', { name: `Load contract ${i}`, _customerid_value: account.accountid, _msdyn_company_value: company.cdm_companyid });
        dv('salesorderdetail', { productdescription: 'T&M', _salesorderid_value: contract.salesorderid, _msdyn_project_value: project.msdyn_projectid, msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: 150 + i, msdyn_costperunit: 80 });
        out.push({ project: String(project.msdyn_projectid), contract: String(contract.salesorderid) });
      }
      return out;
    });

    const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> => {
      const r = await jsonRequest(base, method, p, body, headers, agent);
      stats.requests++;
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status < 300) stats.ok++;
      else {
        const e = (r.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        assert.ok(e && typeof e.code === 'string' && typeof e.message === 'string', `API error shape for ${method} ${p}: ${JSON.stringify(r.json)}`);
        assert.ok(r.status < 500 || (r.status === 503 && sim.service.faults.financeUnavailable) || r.status === 503, `${method} ${p} → ${r.status} ${JSON.stringify(r.json)}`);
        if (r.status === 503) stats.unavailable++;
        else stats.refused++;
      }
      return r;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
    const deadline = Date.now() + SECONDS * 1000;
    const running = (): boolean => Date.now() < deadline;

    const work = async (): Promise<void> => {
      while (running()) {
        const { project } = pick(projects);
        const r = await call('POST', `${DV}/msdyn_timeentries`, { msdyn_date: '2026-03-02', msdyn_duration: 30 + Math.floor(Math.random() * 450), 'msdyn_project@odata.bind': `/msdyn_projects(${project})` }, { prefer: 'return=representation' });
        if (r.status !== 201) continue;
        const a = await call('POST', `${DV}/msdyn_timeentries(${String((r.json as Rec).msdyn_timeentryid)})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {});
        if (a.status === 200) stats.entries++;
      }
    };
    const invoicing = async (): Promise<void> => {
      while (running()) {
        const { contract } = pick(projects);
        await call('POST', `${DV}/salesorders(${contract})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {});
        const inv = await call('POST', `${DV}/salesorders(${contract})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {});
        if (inv.status !== 200) continue;
        const id = String((inv.json as Rec).invoiceid);
        // Sometimes twice at once: exactly one may win.
        const confirms = await Promise.all([call('POST', `${DV}/invoices(${id})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}), ...(Math.random() < 0.3 ? [call('POST', `${DV}/invoices(${id})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {})] : [])]);
        assert.ok(confirms.filter((c) => c.status === 200).length <= 1, 'at most one confirmation wins');
        if (confirms.some((c) => c.status === 200)) stats.confirmed++;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const finance = async (): Promise<void> => {
      while (running()) {
        await call('POST', '/sim/processes/import_staging/run', {});
        await postJournals(call);
        const p = await call('POST', '/sim/processes/post_proposals/run', {});
        if (p.status === 200) stats.posted++;
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    const faults = async (): Promise<void> => {
      while (running()) {
        await new Promise((r) => setTimeout(r, 400 + Math.random() * 600));
        if (!running()) break;
        stats.toggles++;
        switch (Math.floor(Math.random() * 5)) {
          case 0: // a short outage of Finance
            await call('PUT', '/sim/faults', { financeUnavailable: true });
            await new Promise((r) => setTimeout(r, 150 + Math.random() * 250));
            await call('PUT', '/sim/faults', { financeUnavailable: false });
            break;
          case 1:
            await call('PUT', '/sim/faults', { latencyMs: Math.floor(Math.random() * 30) });
            break;
          case 2:
            await call('PUT', '/sim/faults', { failNext: { actuals: 1 + Math.floor(Math.random() * 2) } });
            break;
          case 3: { // pause the actuals map for a while, then catch up
            const p = await call('POST', '/sim/maps/actuals/pause');
            if (p.status !== 200) break;
            await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
            await call('POST', '/sim/maps/actuals/resume', { mode: 'catchup' });
            break;
          }
          default:
            await call('POST', '/sim/maps/actuals/errors/retry', {});
        }
      }
    };
    await Promise.all([work(), work(), work(), invoicing(), invoicing(), finance(), faults()]);

    // Drain: no faults, the map running, catch-up errors retried, the unbilled work journalized and posted, the
    // billed actuals imported.
    assert.equal((await call('DELETE', '/sim/faults')).status, 200);
    if (sim.store.get('dw_map', 'actuals')?.state === 'Paused') assert.equal((await call('POST', '/sim/maps/actuals/resume', {})).status, 200);
    for (let i = 0; i < 3 && sim.store.count('dw_error') > 0; i++) await call('POST', '/sim/maps/actuals/errors/retry', {});
    assert.equal(sim.store.count('dw_error'), 0, 'catch-up errors retried');
    assert.equal(sim.store.count('dw_queue'), 0, 'queue drained');
    await call('POST', '/sim/processes/import_staging/run', {});
    await postJournals(call);
    await call('POST', '/sim/processes/import_staging/run', {});

    // ---- invariants ------------------------------------------------------------------------------------
    const db = sim.store;
    // Every voucher balances.
    const vouchers = new Map<string, number>();
    for (const v of db.all('LedgerVoucher')) vouchers.set(`${String(v.dataAreaId)}|${String(v.Voucher)}`, (vouchers.get(`${String(v.dataAreaId)}|${String(v.Voucher)}`) ?? 0) + Math.round(Number(v.AmountMST) * 100));
    for (const [k, cents] of vouchers) assert.equal(cents, 0, `voucher ${k} balances`);
    // One proposal per confirmed invoice; none without one.
    const companyCode = (id: unknown): string => String(db.get('cdm_company', String(id))?.cdm_companycode);
    const confirmed = [...db.all('invoice')].filter((i) => i.msdyn_projectinvoicestatus !== InvoiceStatus.Draft && i.msdyn_projectinvoicestatus !== InvoiceStatus.InReview);
    const proposalKeys = [...db.all('ProjectInvoiceProposal')].map((p) => `${String(p.dataAreaId)}|${String(p.ProposalId)}`);
    assert.equal(new Set(proposalKeys).size, proposalKeys.length, 'no duplicate proposals');
    assert.deepEqual(new Set(proposalKeys), new Set(confirmed.map((i) => `${companyCode(i._msdyn_company_value)}|${String(i.invoicenumber)}`)), 'one proposal per confirmed invoice');
    // No actual on two proposal lines, no line without an actual.
    const lineActuals = [...db.all('ProjectInvoiceProposalLine')].map((l) => String(l.ActualId));
    assert.equal(new Set(lineActuals).size, lineActuals.length, 'no duplicate proposal lines');
    const staged = new Map([...db.all('ProjCDSActualsImport')].map((s) => [String(s.ActualId), s]));
    // Every billed actual: on a proposal line, or staged in Finance and waiting (its proposal waits for posting).
    let onLine = 0, waiting = 0;
    const onLines = new Set(lineActuals);
    for (const a of db.all('msdyn_actual')) {
      if (a.msdyn_transactiontypecode !== TxType.BilledSales || !a._msdyn_company_value) continue;
      const id = String(a.msdyn_actualid);
      if (onLines.has(id)) { onLine++; continue; }
      const s = staged.get(id);
      assert.ok(s, `billed actual ${id} reached Finance`);
      assert.equal(s.IsProcessed === true, false, `billed actual ${id} is either on a line or still waiting`);
      waiting++;
    }
    // Staging holds each actual once and matches Dataverse.
    for (const a of db.all('msdyn_actual')) {
      if (!a._msdyn_company_value || a.msdyn_skipsync === true) continue;
      assert.equal(staged.get(String(a.msdyn_actualid))?.Amount, a.msdyn_amount ?? null, `staged amount of ${String(a.msdyn_actualid)}`);
    }
    const snapshot = db.snapshot();
    await sim.close();
    // The file holds exactly what was acknowledged.
    const reopened = await createSimulator({ store: { kind: 'file', path, dataDir: dir } });
    assert.deepEqual(reopened.store.snapshot(), snapshot, 'reopened file = data at close');
    await reopened.close();

    const codes = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(' ');
    t.diagnostic(`requests=${stats.requests} (${codes}) entries approved=${stats.entries} invoices confirmed=${stats.confirmed} fault toggles=${stats.toggles}`);
    t.diagnostic(`vouchers balanced=${vouchers.size} proposals=${proposalKeys.length} billed actuals on lines=${onLine} waiting=${waiting}`);
    console.log(`load soak: ${SECONDS} s, requests=${stats.requests}, 5xx other than the simulated outage=0, vouchers balanced=${vouchers.size}, proposals=${proposalKeys.length} (no duplicates), billed actuals on lines=${onLine} + waiting=${waiting}, unaccounted=0`);
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Posts every draft integration journal (each company); a refusal (already posted meanwhile) is fine. */
async function postJournals(call: (m: string, p: string, b?: unknown) => Promise<{ status: number; json: unknown }>): Promise<void> {
  const r = await call('GET', "/data/ProjectIntegrationJournals?cross-company=true&$filter=Status%20eq%20'Draft'");
  if (r.status !== 200) return;
  for (const j of (r.json as { value: Rec[] }).value) {
    await call('POST', `/data/ProjectIntegrationJournals(dataAreaId='${String(j.dataAreaId)}',JournalId='${String(j.JournalId)}')/Microsoft.Dynamics.DataEntities.Post`, {});
  }
}
