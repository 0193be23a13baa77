/**
 * Finance and Operations' OData protocol over HTTP: cross-company scope, composite keys (any order, all parts, typed,
 * quotes doubled), the error shape, and `$batch` on `/data/` with change sets (one transaction each, Content-ID
 * references): a change set that posts a proposal, and one that fails and leaves nothing.
 */
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, type Res, confirm, createInvoice, ok, postJournals, runProcess, setUpContract, startSim } from './support/http.js';

let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => {
  await h.reset();
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'USPM', Name: 'USPM Ltd.', AccountingCurrency: 'USD' }), 201);
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'DEMF', Name: 'DEMF GmbH', AccountingCurrency: 'EUR' }), 201);
});

const TYPE_REQUEST = 'Microsoft.OData.ODataException';
const TYPE_WRITE = 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException';
const TYPE_ACTION = 'System.InvalidOperationException';
const snapshot = (): string => JSON.stringify(h.sim.store.snapshot());

/** Asserts Finance's error shape; returns the cause's message. */
function financeError(r: Res, status: number, type: string): string {
  assert.equal(r.status, status, r.text.slice(0, 300));
  assert.equal(r.headers.get('odata-version'), '4.0');
  assert.deepEqual(Object.keys(r.json), ['error']);
  assert.deepEqual(Object.keys(r.json.error), ['code', 'message', 'innererror']);
  // A refusal by a rule of the registry adds its link (convention, simulator/http/errors.ts); nothing else is added.
  const inner = Object.keys(r.json.error.innererror);
  assert.deepEqual(inner, inner.includes('helplink') ? ['message', 'type', 'stacktrace', 'helplink'] : ['message', 'type', 'stacktrace']);
  if (inner.includes('helplink')) assert.match(String(r.json.error.innererror.helplink), /^http:\/\/[^/]+\/sim\/rules\/[\w.-]+$/);
  assert.deepEqual([r.json.error.code, r.json.error.message, r.json.error.innererror.type, r.json.error.innererror.stacktrace], ['', 'An error has occurred.', type, '']);
  return String(r.json.error.innererror.message);
}

test('cross-company: the default company (the first legal entity) only, unless cross-company=true, for collections and records', async () => {
  const chargeableDe = "/ProjectLineProperties(dataAreaId='DEMF',LinePropertyId='Chargeable')";
  // A record of another company is not seen by its key without cross-company …
  const before = snapshot();
  financeError(await h.fo('GET', chargeableDe), 404, TYPE_REQUEST);
  financeError(await h.fo('PATCH', chargeableDe, { Name: 'x' }), 404, TYPE_REQUEST);
  financeError(await h.fo('DELETE', `${chargeableDe}?cross-company=false`), 404, TYPE_REQUEST);
  assert.equal(snapshot(), before, 'nothing changed');
  // … and is with it: read, changed, deleted.
  assert.equal((await ok(h.fo('GET', `${chargeableDe}?cross-company=true`))).json.dataAreaId, 'DEMF');
  await ok(h.fo('PATCH', `${chargeableDe}?cross-company=true`, { Name: 'Abrechenbar' }), 204);
  assert.equal((await ok(h.fo('GET', `${chargeableDe}?cross-company=true`))).json.Name, 'Abrechenbar');
  await ok(h.fo('DELETE', `${chargeableDe}?cross-company=true`), 204);
  financeError(await h.fo('GET', `${chargeableDe}?cross-company=true`), 404, TYPE_REQUEST);
  // Records of the default company need no option; shared entities (legal entities) are not striped.
  assert.equal((await ok(h.fo('GET', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')"))).json.dataAreaId, 'USPM');
  assert.deepEqual(((await ok(h.fo('GET', '/LegalEntities?$orderby=LegalEntityId'))).json.value as Json[]).map((l) => l.LegalEntityId), ['DEMF', 'USPM']);
  // A new record without dataAreaId lands in the default company.
  const created = await ok(h.fo('POST', '/ProjectLineProperties', { LinePropertyId: 'Internal', Name: 'Internal' }), 201);
  assert.equal(created.json.dataAreaId, 'USPM');
});

test('composite keys: every part, named, in any order; a missing, extra or mistyped part is refused; quotes are doubled', async () => {
  const a = await ok(h.fo('GET', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')"));
  const b = await ok(h.fo('GET', "/ProjectLineProperties(LinePropertyId='Chargeable',dataAreaId='USPM')"));
  const spaced = await ok(h.fo('GET', "/ProjectLineProperties(LinePropertyId='Chargeable',%20dataAreaId='USPM')"));
  assert.deepEqual(b.json, a.json);
  assert.deepEqual(spaced.json, a.json);
  const before = snapshot();
  assert.match(financeError(await h.fo('GET', "/ProjectLineProperties(LinePropertyId='Chargeable')"), 400, TYPE_REQUEST), /dataAreaId/);
  assert.match(financeError(await h.fo('GET', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable',Name='x')"), 400, TYPE_REQUEST), /Name/);
  assert.match(financeError(await h.fo('GET', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId=5)"), 400, TYPE_REQUEST), /LinePropertyId/);
  financeError(await h.fo('GET', "/ProjectLineProperties('Chargeable')"), 400, TYPE_REQUEST);
  financeError(await h.fo('GET', "/ProjectLineProperties(dataAreaId='USPM',dataAreaId='USPM',LinePropertyId='Chargeable')"), 400, TYPE_REQUEST);
  financeError(await h.fo('PATCH', "/ProjectLineProperties(dataAreaId='USPM')", { Name: 'x' }), 400, TYPE_REQUEST);
  financeError(await h.fo('DELETE', "/ProjectLineProperties(LinePropertyId='Chargeable',Extra=1,dataAreaId='USPM')"), 400, TYPE_REQUEST);
  // An integer key part given as text.
  financeError(await h.fo('GET', "/ProjectInvoiceProposalLines(dataAreaId='USPM',ProposalId='P',LineNum='1')"), 400, TYPE_REQUEST);
  financeError(await h.fo('POST', "/ProjectInvoiceProposals(dataAreaId='USPM')/Microsoft.Dynamics.DataEntities.Post", {}), 400, TYPE_REQUEST);
  assert.equal(snapshot(), before, 'nothing changed');

  // A quote inside a key value is written twice in the URL (OData ABNF, SQUOTE-in-string), in Location too.
  const created = await ok(h.fo('POST', '/ProjectLineProperties', { dataAreaId: 'USPM', LinePropertyId: "O'Neil, (1)", Name: 'Quoted' }), 201);
  const location = String(created.headers.get('location'));
  assert.ok(location.endsWith("/data/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='O''Neil, (1)')"), location);
  const key = "/ProjectLineProperties(LinePropertyId='O''Neil%2C%20(1)',dataAreaId='USPM')";
  assert.equal((await ok(h.fo('GET', key))).json.LinePropertyId, "O'Neil, (1)");
  await ok(h.fo('PATCH', key, { Name: 'Still quoted' }), 204);
  assert.equal((await ok(h.fo('GET', key))).json.Name, 'Still quoted');
  financeError(await h.fo('GET', "/ProjectLineProperties(LinePropertyId='O'Neil',dataAreaId='USPM')"), 400, TYPE_REQUEST);
  await ok(h.fo('DELETE', key), 204);
  financeError(await h.fo('GET', key), 404, TYPE_REQUEST);
});

test('PUT replaces a record: what the body leaves out is cleared, a required property must be given', async () => {
  const key = "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')";
  await ok(h.fo('PUT', key, { Name: 'Billable' }), 204);
  const after = (await ok(h.fo('GET', key))).json;
  assert.deepEqual([after.Name, after.ToBeInvoiced], ['Billable', null]);
  await ok(h.fo('PUT', key, { dataAreaId: 'USPM', LinePropertyId: 'Chargeable', Name: 'Chargeable', ToBeInvoiced: true }), 204);
  assert.equal((await ok(h.fo('GET', key))).json.ToBeInvoiced, true);
  const before = snapshot();
  assert.match(financeError(await h.fo('PUT', "/LegalEntities(LegalEntityId='USPM')", { Name: 'x' }), 400, TYPE_REQUEST), /AccountingCurrency/);
  financeError(await h.fo('PUT', key, { LinePropertyId: 'Other', Name: 'x' }), 400, TYPE_REQUEST);
  financeError(await h.fo('PUT', "/ProjCDSActualsImports(dataAreaId='USPM',ActualsImportId='x')", {}), 404, TYPE_REQUEST);
  assert.equal(snapshot(), before, 'nothing changed');
});

test('errors: one shape for every kind (request, write, action, unknown set, method, media type), localized cause, no internals', async () => {
  const cases: Array<[Res, number, string]> = [
    [await h.fo('GET', '/NoSuchEntities'), 404, TYPE_REQUEST],
    [await h.fo('GET', '/ProjectLineProperties?$filter=Nope eq 1'), 400, TYPE_REQUEST],
    [await h.fo('PUT', '/ProjectLineProperties', { Name: 'x' }), 405, TYPE_REQUEST],
    [await h.fo('PUT', "/LegalEntities(LegalEntityId='USPM')", { Name: 'x' }), 400, TYPE_REQUEST],
    [await h.fo('POST', '/LegalEntities', 'LegalEntityId=X', { 'Content-Type': 'text/plain' }), 415, TYPE_REQUEST],
    [await h.fo('POST', '/LegalEntities', '{', { 'Content-Type': 'application/json' }), 400, TYPE_REQUEST],
    [await h.fo('POST', '/CustomerInvoices', { InvoiceId: 'X' }), 400, TYPE_WRITE],
    [await h.fo('POST', '/LegalEntities', { LegalEntityId: 'USPM', AccountingCurrency: 'USD' }), 409, TYPE_WRITE],
    [await h.fo('POST', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')/Microsoft.Dynamics.DataEntities.Post", {}), 404, TYPE_REQUEST],
    [await h.fo('POST', "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')/Post", {}), 404, TYPE_REQUEST],
  ];
  for (const [r, status, type] of cases) {
    const cause = financeError(r, status, type);
    assert.ok(cause.length > 0);
    assert.doesNotMatch(r.text, /at [\w.]+ \(|\/work\/|node_modules|\.ts:\d+/, 'no stack trace or path');
  }
  const de = await h.fo('GET', '/NoSuchEntities', undefined, { 'Accept-Language': 'de' });
  assert.notEqual(financeError(de, 404, TYPE_REQUEST), String((cases[0]?.[0] as Res).json.error.innererror.message), 'the cause in the caller\'s language');
  assert.equal(de.json.error.message, 'An error has occurred.');
});

// ---- $batch ------------------------------------------------------------------------------------------------

interface Part { method: string; url: string; body?: unknown; contentId?: string }
const partText = (p: Part): string => [
  'Content-Type: application/http', 'Content-Transfer-Encoding: binary', ...(p.contentId ? [`Content-ID: ${p.contentId}`] : []), '',
  `${p.method} ${p.url} HTTP/1.1`, ...(p.body === undefined ? [] : ['Content-Type: application/json']), '',
  p.body === undefined ? '' : JSON.stringify(p.body),
].join('\r\n');
const changeSet = (parts: readonly Part[], boundary: string): string =>
  `Content-Type: multipart/mixed; boundary=${boundary}\r\n\r\n${parts.map((p) => `--${boundary}\r\n${partText(p)}\r\n`).join('')}--${boundary}--`;
const batch = (items: readonly string[]): string => `${items.map((i) => `--batch_F\r\n${i}\r\n`).join('')}--batch_F--\r\n`;
const sendBatch = (items: readonly string[]): Promise<Res> =>
  h.raw('POST', '/data/$batch', batch(items), { 'Content-Type': 'multipart/mixed; boundary=batch_F' });
/** HTTP status lines and JSON bodies of the answers, in order. */
const answers = (text: string): Array<{ status: number; body: Json }> =>
  [...text.matchAll(/HTTP\/1\.1 (\d{3})[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)/g)].map((m) => ({ status: Number(m[1]), body: m[2] ? JSON.parse(m[2] as string) : undefined }));

/** A confirmed invoice whose proposal has its lines imported: ready to post. */
async function proposalReady(): Promise<string> {
  const c = await setUpContract(h, { createCompany: false });
  await runProcess(h, 'import_staging');
  await postJournals(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, draft.invoiceid));
  await runProcess(h, 'import_staging');
  return String(draft.invoicenumber);
}

test('$batch: a change set edits and posts a proposal in one transaction; GETs outside change sets; Content-ID references', async () => {
  const id = await proposalReady();
  const key = `ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='${id}')`;
  const r = await sendBatch([
    partText({ method: 'GET', url: `${key}?$select=Status` }),
    changeSet([
      { method: 'PATCH', url: key, body: { Description: 'Posted through $batch' }, contentId: '1' },
      { method: 'POST', url: '$1/Microsoft.Dynamics.DataEntities.Post', body: {}, contentId: '2' },
    ], 'changeset_A'),
    partText({ method: 'GET', url: `/data/${key}` }),
  ]);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  assert.match(String(r.headers.get('content-type')), /^multipart\/mixed; boundary=batchresponse_/);
  const got = answers(r.text);
  assert.deepEqual(got.map((a) => a.status), [200, 204, 200, 200]);
  assert.equal(got[0]?.body.Status, 'Open');
  assert.deepEqual([got[2]?.body.ProposalId, got[2]?.body.dataAreaId], [id, 'USPM'], 'the customer invoice of the posting');
  assert.deepEqual([got[3]?.body.Status, got[3]?.body.Description], ['Posted', 'Posted through $batch']);
  assert.match(r.text, /Content-ID: 2\r\n/);
  assert.equal(((await ok(h.fo('GET', `/CustomerInvoices?$filter=ProposalId eq '${id}'`))).json.value as Json[]).length, 1);
});

test('$batch: a change set that fails leaves nothing, answers one error in Finance\'s shape; later requests still run', async () => {
  const id = await proposalReady();
  const key = `ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='${id}')`;
  const before = snapshot();
  const r = await sendBatch([
    changeSet([
      { method: 'POST', url: 'ProjectLineProperties', body: { LinePropertyId: 'Batch', Name: 'Batch' }, contentId: '1' },
      { method: 'PATCH', url: key, body: { Description: 'never' }, contentId: '2' },
      { method: 'POST', url: `${key}/Microsoft.Dynamics.DataEntities.Post`, body: {}, contentId: '3' },
      { method: 'POST', url: `${key}/Microsoft.Dynamics.DataEntities.Post`, body: {}, contentId: '4' },
    ], 'changeset_B'),
  ]);
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const got = answers(r.text);
  assert.equal(got.length, 1, 'one answer for the failed change set');
  assert.equal(got[0]?.status, 400);
  assert.deepEqual([got[0]?.body.error.code, got[0]?.body.error.message, got[0]?.body.error.innererror.type, got[0]?.body.error.innererror.stacktrace], ['', 'An error has occurred.', TYPE_ACTION, '']);
  assert.match(String(got[0]?.body.error.innererror.message), /already been posted/);
  assert.equal(snapshot(), before, 'nothing of the change set was written');

  // A request on its own after a failed one runs with odata.continue-on-error; without it the batch stops.
  const bad = partText({ method: 'GET', url: 'ProjectLineProperties?savedQuery=1' });
  const good = partText({ method: 'GET', url: 'LegalEntities?$select=LegalEntityId' });
  const stopped = answers((await sendBatch([bad, good])).text);
  assert.deepEqual(stopped.map((a) => a.status), [400]);
  assert.equal(stopped[0]?.body.error.innererror.type, TYPE_REQUEST);
  const going = await h.raw('POST', '/data/$batch', batch([bad, good]), { 'Content-Type': 'multipart/mixed; boundary=batch_F', Prefer: 'odata.continue-on-error' });
  assert.deepEqual(answers(going.text).map((a) => a.status), [400, 200]);
  // A batch that is not multipart, or malformed, is refused whole in Finance's shape.
  financeError(await h.raw('POST', '/data/$batch', '{}', { 'Content-Type': 'application/json' }), 415, TYPE_REQUEST);
  financeError(await h.raw('POST', '/data/$batch', '--batch_F\r\nnonsense', { 'Content-Type': 'multipart/mixed; boundary=batch_F' }), 400, TYPE_REQUEST);
  // A request of a batch may not address the other API.
  const other = answers((await sendBatch([partText({ method: 'GET', url: '/api/data/v9.2/accounts' })])).text);
  assert.deepEqual([other.length, other[0]?.status, other[0]?.body.error.innererror.type], [1, 400, TYPE_REQUEST]);
  assert.match(String(other[0]?.body.error.innererror.message), /not below \/data/);
  assert.equal(snapshot(), before);
});
