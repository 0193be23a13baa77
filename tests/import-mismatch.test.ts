import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Harness, type Json, Opt, approveTime, confirm, createInvoice, list, ok, postJournals, proposalKey, runProcess, setUpContract, startSim,
} from './support/http.js';

/**
 * Import from staging table adds a proposal's lines only when all of them are there (format-update-project-invoice-
 * proposals.md, "Import from staging"); a billed sales actual that didn't reach Finance (a catch-up error of the
 * actuals map) holds the whole proposal back and the mismatch with Dataverse is logged
 * (project-integration-workspace.md, Troubleshoot tab). A proposal without lines can't be posted.
 */
let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); });

const proposalLines = (id: string): Promise<Json[]> => list(h.fo, `/ProjectInvoiceProposalLines?cross-company=true&$filter=dataAreaId eq 'USPM' and ProposalId eq '${id}'`);
const proposal = async (id: string): Promise<Json> => (await ok(h.fo('GET', `/ProjectInvoiceProposals${proposalKey('USPM', id)}?cross-company=true`))).json;
const mismatches = (log: Json[], id: string): Json[] => log.filter((l) => l.level === 'error' && l.key === 'import.mismatch' && l.params.proposal === id);

/** Two time entries posted through the journal and the contract's milestone, the actuals map paused, the invoice confirmed: its three billed actuals are queued. */
async function confirmedWithQueuedBilledActuals(): Promise<{ invoice: Json; billed: string[] }> {
  const c = await setUpContract(h);
  await approveTime(h, c.projectId, 4, 'Design');
  await runProcess(h, 'import_staging');
  await postJournals(h);
  await ok(h.simApi('POST', '/maps/actuals/pause'));
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(draft.invoiceid)));
  const billed = (await list(h.dv, `/msdyn_actuals?$filter=_msdyn_invoice_value eq ${String(draft.invoiceid)} and msdyn_transactiontypecode eq ${Opt.BilledSales}`)).map((a) => String(a.msdyn_actualid));
  assert.equal(billed.length, 3);
  return { invoice: draft, billed };
}

test('one billed sales actual missing: the proposal gets no lines, the mismatch is logged, a later import adds all', async () => {
  const { invoice, billed } = await confirmedWithQueuedBilledActuals();
  const id = String(invoice.invoicenumber);
  // Every queued change fails once; then all but one billed actual are retried successfully.
  const queued = (await ok(h.simApi('GET', '/maps/actuals/queue'))).json as Json[];
  await ok(h.simApi('PUT', '/faults', { failNext: { actuals: queued.length } }));
  await ok(h.simApi('POST', '/maps/actuals/resume', {}));
  await ok(h.simApi('DELETE', '/faults'));
  const errors = (await ok(h.simApi('GET', '/maps/actuals/errors'))).json as Json[];
  const held = errors.find((e) => e.source.id === billed[0]);
  assert.ok(held, 'the first billed actual is a catch-up error');
  await ok(h.simApi('POST', '/maps/actuals/errors/retry', { ids: errors.filter((e) => e !== held).map((e) => String(e.seq)) }));
  const staged = await list(h.fo, "/ProjCDSActualsImports?cross-company=true&$filter=TransType eq 'BilledSales'");
  assert.deepEqual(staged.map((s) => String(s.ActualId)).sort(), billed.slice(1).sort());

  const log1 = await runProcess(h, 'import_staging');
  assert.deepEqual(mismatches(log1, id).map((l) => [l.params.expected, l.params.found]), [[3, 2]]);
  assert.equal((await proposalLines(id)).length, 0);
  assert.equal((await proposal(id)).LineCount, 0);
  assert.equal((await proposal(id)).InvoiceAmount, 0);
  const post = await h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', id)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {});
  assert.equal(post.status, 400, 'a proposal held back has no lines and cannot be posted');
  assert.equal((await proposal(id)).Status, 'Open');

  // The billed actual arrives; the next run adds both lines at once.
  await ok(h.simApi('POST', '/maps/actuals/errors/retry', { ids: [String(held.seq)] }));
  const log2 = await runProcess(h, 'import_staging');
  assert.deepEqual(mismatches(log2, id), []);
  const lines = await proposalLines(id);
  assert.deepEqual(lines.map((l) => String(l.ActualId)).sort(), [...billed].sort());
  assert.equal((await proposal(id)).InvoiceAmount, 7400, '8 h and 4 h at 200 and the milestone of 5,000');
  await ok(h.fo('POST', `/ProjectInvoiceProposals${proposalKey('USPM', id)}/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}));
});

test('no billed sales actual arrived at all: the proposal is reported on every run until they do', async () => {
  const { invoice } = await confirmedWithQueuedBilledActuals();
  const id = String(invoice.invoicenumber);
  const first = await runProcess(h, 'import_staging');
  assert.deepEqual(mismatches(first, id).map((l) => [l.params.expected, l.params.found]), [[3, 0]]);
  assert.equal((await runProcess(h, 'import_staging')).filter((l) => l.key === 'import.mismatch').length, 1, 'reported again');
  const posted = await runProcess(h, 'post_proposals');
  assert.deepEqual(posted.filter((l) => l.params.proposal === id).map((l) => l.key), ['finance.proposalWithoutLines']);
  await ok(h.simApi('POST', '/maps/actuals/resume', {}));
  const log = await runProcess(h, 'import_staging');
  assert.deepEqual(mismatches(log, id), []);
  assert.equal((await proposalLines(id)).length, 3);
});

test('a proposal whose billed actuals all arrived is not reported', async () => {
  const c = await setUpContract(h);
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(draft.invoiceid)));
  const log = await runProcess(h, 'import_staging');
  assert.deepEqual(log.filter((l) => l.level === 'error'), []);
  assert.equal((await proposalLines(String(draft.invoicenumber))).length, 2, 'the time and the milestone');
});
