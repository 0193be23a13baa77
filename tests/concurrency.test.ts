/**
 * Concurrency over HTTP: many clients at once against one simulator.
 * - 50 simultaneous confirmations of one draft invoice: exactly one succeeds; every other one gets the domain's
 *   refusal (400, 0x80040265, "already confirmed"); one invoice proposal and one set of billed actuals exist.
 * - 1,000 concurrent creates on a file store: every acknowledged record is stored exactly once (by $count and by
 *   a snapshot), and still so after reopening the file.
 * - 20 simultaneous `$batch` change sets racing for the same confirmation: one commits whole, the others roll back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../simulator/index.js';
import type { Rec } from '../simulator/store/types.js';
import { InvoiceStatus, TxType } from '../simulator/dataverse/entities.js';
import { jsonRequest } from './support/raw-http.js';

const DV = '/api/data/v9.2';

test('50 simultaneous confirmations of one invoice: exactly one succeeds, one proposal, one set of actuals', async (t) => {
  const sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
  const base = await sim.listen();
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  try {
    const draft = [...sim.store.all('invoice')].find((i) => i.msdyn_projectinvoicestatus === InvoiceStatus.Draft);
    assert.ok(draft, 'the demo data has a draft invoice');
    const id = String(draft.invoiceid);
    const number = String(draft.invoicenumber);
    const details = [...sim.store.all('msdyn_invoicelinetransaction')].filter((d) => d._msdyn_invoice_value === id);
    assert.ok(details.length > 0);
    const proposalsBefore = sim.store.count('ProjectInvoiceProposal');

    const results = await Promise.all(
      Array.from({ length: 50 }, () => jsonRequest(base, 'POST', `${DV}/invoices(${id})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {}, {}, agent)),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    assert.equal(ok.length, 1, 'exactly one confirmation succeeds');
    assert.equal((ok[0]?.json as Rec).msdyn_projectinvoicestatus, InvoiceStatus.Confirmed);
    assert.equal(refused.length, 49);
    for (const r of refused) {
      const e = (r.json as { error: { code: string; message: string } }).error;
      assert.equal(r.status, 400);
      assert.equal(e.code, '0x80040265');
      assert.equal(e.message, `The invoice ${number} is already confirmed; only a draft or in-review invoice can be confirmed.`);
    }

    // One proposal, numbered with the invoice ID.
    assert.equal(sim.store.count('ProjectInvoiceProposal'), proposalsBefore + 1);
    const proposals = [...sim.store.all('ProjectInvoiceProposal')].filter((p) => p.ProposalId === number);
    assert.equal(proposals.length, 1);
    // One billed sales actual per invoice line detail, each referenced by its detail, each staged once in Finance.
    const billed = [...sim.store.all('msdyn_actual')].filter((a) => a._msdyn_invoice_value === id && a.msdyn_transactiontypecode === TxType.BilledSales);
    assert.equal(billed.length, details.length, 'one billed actual per line detail');
    const after = [...sim.store.all('msdyn_invoicelinetransaction')].filter((d) => d._msdyn_invoice_value === id);
    assert.deepEqual(new Set(after.map((d) => d._msdyn_billedactual_value)), new Set(billed.map((a) => a.msdyn_actualid)));
    const staged = [...sim.store.all('ProjCDSActualsImport')].filter((s) => billed.some((a) => a.msdyn_actualid === s.ActualId));
    assert.equal(staged.length, billed.length, 'each billed actual staged in Finance exactly once');
    const dv = await jsonRequest(base, 'GET', `${DV}/msdyn_actuals?$count=true&$filter=_msdyn_invoice_value%20eq%20${id}%20and%20msdyn_transactiontypecode%20eq%20${TxType.BilledSales}`);
    assert.equal((dv.json as { '@odata.count': number })['@odata.count'], details.length);
    t.diagnostic(`confirms=50 succeeded=${ok.length} refused=${refused.length} proposals=${proposals.length} billed actuals=${billed.length}`);
  } finally {
    agent.destroy();
    await sim.close();
  }
});

test('1,000 concurrent creates over keep-alive: every acknowledged record stored exactly once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'concurrency-'));
  const path = join(dir, 'db.json');
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z', store: { kind: 'file', path, dataDir: dir } });
    const base = await sim.listen();
    const company = [...sim.store.all('cdm_company')].find((c) => c.cdm_companycode === 'USPM');
    assert.ok(company);
    const N = 1000;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        jsonRequest(base, 'POST', `${DV}/accounts`, { name: `Load ${String(i).padStart(4, '0')}`, 'msdyn_company@odata.bind': `/cdm_companies(${String(company.cdm_companyid)})` }, {}, agent)
          .then((r) => ({ i, r }), (e: unknown) => ({ i, e })),
      ),
    );
    const elapsed = Date.now() - started;
    const acked = new Set<string>();
    for (const x of results) {
      if ('r' in x && x.r.status === 204) {
        acked.add(`Load ${String(x.i).padStart(4, '0')}`);
        assert.match(String(x.r.headers['odata-entityid']), /\/accounts\([0-9a-f-]{36}\)$/);
      }
    }
    assert.equal(acked.size, N, 'every create acknowledged');

    const count = await jsonRequest(base, 'GET', `${DV}/accounts?$count=true&$top=0&$filter=startswith(name,'Load%20')`, undefined, {}, agent);
    assert.equal((count.json as { '@odata.count': number })['@odata.count'], N, '$count');
    const names = (list: Iterable<Rec>): Map<string, number> => {
      const m = new Map<string, number>();
      for (const a of list) if (String(a.name).startsWith('Load ')) m.set(String(a.name), (m.get(String(a.name)) ?? 0) + 1);
      return m;
    };
    const inSnapshot = names(Object.values(sim.store.snapshot().account ?? {}));
    assert.equal(inSnapshot.size, N);
    for (const name of acked) assert.equal(inSnapshot.get(name), 1, `${name} exactly once`);
    await sim.close();

    // The file holds them too.
    const reopened = await createSimulator({ store: { kind: 'file', path, dataDir: dir } });
    const onDisk = names(reopened.store.all('account'));
    assert.equal(onDisk.size, N);
    for (const name of acked) assert.equal(onDisk.get(name), 1, `${name} exactly once after reopening`);
    await reopened.close();
    t.diagnostic(`creates=${N} acknowledged=${acked.size} stored once=${onDisk.size} in ${elapsed} ms`);
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('20 simultaneous change sets that each add an account and confirm the same invoice: one commits whole, the others leave nothing', async () => {
  const sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
  const base = await sim.listen();
  try {
    const draft = [...sim.store.all('invoice')].find((i) => i.msdyn_projectinvoicestatus === InvoiceStatus.Draft);
    assert.ok(draft, 'the demo data has a draft invoice');
    const company = [...sim.store.all('cdm_company')][0] as Rec;
    const proposalsBefore = sim.store.count('ProjectInvoiceProposal');
    const part = (id: number, line: string, body: unknown): string =>
      `--cs\r\nContent-Type: application/http\r\nContent-ID: ${id}\r\n\r\n${line}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`;
    const changeSet = (k: number): string =>
      `--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n` +
      part(1, 'POST accounts HTTP/1.1', { name: `Racer ${k}`, 'msdyn_company@odata.bind': `/cdm_companies(${String(company.cdm_companyid)})` }) +
      part(2, `POST invoices(${String(draft.invoiceid)})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice HTTP/1.1`, {}) +
      `--cs--\r\n--b--\r\n`;
    const answers = await Promise.all(Array.from({ length: 20 }, async (_, k) => {
      const r = await fetch(`${base}${DV}/$batch`, { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=b' }, body: changeSet(k) });
      assert.equal(r.status, 200);
      return r.text();
    }));
    const committed = answers.filter((t) => t.includes('changesetresponse_'));
    const refused = answers.filter((t) => !t.includes('changesetresponse_'));
    assert.equal(committed.length, 1, 'exactly one change set commits');
    assert.equal(refused.length, 19);
    for (const t of refused) assert.match(t, /HTTP\/1\.1 400 [\s\S]*"code":"0x80040265"[\s\S]*already confirmed/);
    const racers = [...sim.store.all('account')].filter((a) => String(a.name).startsWith('Racer '));
    assert.equal(racers.length, 1, 'only the committed change set\'s account exists');
    assert.equal(sim.store.count('ProjectInvoiceProposal'), proposalsBefore + 1, 'one proposal');
  } finally {
    await sim.close();
  }
});
