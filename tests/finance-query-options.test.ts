/**
 * Refuse, never ignore, on Finance and Operations' OData endpoint (`/data/`): every system query option OData defines
 * and the parameters clients send, on a collection, a single record, `$count` and writes. What odata.md lists
 * ($filter, $count, $orderby, $skip, $top, $expand, $select, cross-company, $format=json) is served; the rest is
 * refused with a 400 in Finance's error shape, and nothing changes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { type Harness, type Json, type Res, ok, startSim } from './support/http.js';

let h: Harness;
before(async () => {
  h = await startSim();
  // USPM first: the user's default company (the simulator's convention); DEMF a second one.
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'USPM', Name: 'USPM Ltd.', AccountingCurrency: 'USD' }), 201);
  await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: 'DEMF', Name: 'DEMF GmbH', AccountingCurrency: 'EUR' }), 201);
});
after(async () => { await h.close(); });

const LP = '/ProjectLineProperties';
const ONE = "/ProjectLineProperties(dataAreaId='USPM',LinePropertyId='Chargeable')";
const ids = (r: Res): string[] => (r.json.value as Json[]).map((x) => `${String(x.dataAreaId)}/${String(x.LinePropertyId)}`);

interface Row {
  readonly send: string;
  readonly method?: string;
  /** 200 (served, then `check`) or 400 (refused). */
  readonly status: number;
  readonly check?: (r: Res) => void;
  /** A fragment of the refusal's message (innererror.message, English). */
  readonly message?: string;
}

const rows: Row[] = [
  // ---- served on a collection (odata.md, "Supported features from the OData specification") ----
  { send: `${LP}?$filter=LinePropertyId eq 'Chargeable'`, status: 200, check: (r) => assert.deepEqual(ids(r), ['USPM/Chargeable']) },
  { send: `${LP}?$select=LinePropertyId`, status: 200, check: (r) => assert.deepEqual(Object.keys((r.json.value as Json[])[0]).sort(), ['@odata.etag', 'LinePropertyId', 'dataAreaId']) },
  { send: `${LP}?$orderby=LinePropertyId desc&$top=1`, status: 200, check: (r) => assert.equal(ids(r).length, 1) },
  { send: `${LP}?$orderby=LinePropertyId&$skip=1&$top=1`, status: 200, check: (r) => assert.equal(ids(r).length, 1) },
  { send: `${LP}?$count=true&$top=0`, status: 200, check: (r) => assert.equal(r.json['@odata.count'], 5) },
  { send: `${LP}?$format=json`, status: 200, check: (r) => assert.ok(ids(r).length > 0) },
  { send: `${LP}?$format=application/json;odata.metadata=minimal`, status: 200 },
  // ---- cross-company (odata.md, "Cross-company behavior") ----
  { send: LP, status: 200, check: (r) => assert.ok(ids(r).every((x) => x.startsWith('USPM/')), 'default company only') },
  { send: `${LP}?cross-company=false`, status: 200, check: (r) => assert.ok(ids(r).every((x) => x.startsWith('USPM/'))) },
  { send: `${LP}?cross-company=true&$count=true`, status: 200, check: (r) => assert.equal(r.json['@odata.count'], 10) },
  { send: `${LP}?$filter=dataAreaId eq 'demf'&cross-company=true`, status: 200, check: (r) => assert.ok(ids(r).length === 5 && ids(r).every((x) => x.startsWith('DEMF/'))) },
  { send: `${LP}?$filter=dataAreaId eq 'DEMF'`, status: 200, check: (r) => assert.deepEqual(ids(r), [], 'without cross-company the filter sees the default company only') },
  { send: `${LP}?cross-company=yes`, status: 400, message: 'cross-company' },
  { send: `${LP}?cross-company=`, status: 400, message: 'cross-company' },
  { send: `${LP}?cross-company=true&cross-company=false`, status: 400 },
  // ---- refused: OData options the service does not offer ----
  { send: `${LP}?$apply=groupby((dataAreaId))`, status: 400, message: '$apply' },
  { send: `${LP}?$search=Chargeable`, status: 400, message: '$search' },
  { send: `${LP}?$compute=1 add 1 as x`, status: 400, message: '$compute' },
  { send: `${LP}?$format=xml`, status: 400, message: '$format' },
  { send: `${LP}?$format=atom`, status: 400, message: '$format' },
  { send: `${LP}?$index=1`, status: 400 },
  { send: `${LP}?$levels=2`, status: 400 },
  { send: `${LP}?$deltatoken=1`, status: 400 },
  { send: `${LP}?$schemaversion=1`, status: 400 },
  { send: `${LP}?$id=x`, status: 400 },
  { send: `${LP}?$nonsense=1`, status: 400, message: '$nonsense' },
  { send: `${LP}?$expand=Lines`, status: 400 },
  { send: `${LP}?$top=1&$top=2`, status: 400 },
  // ---- refused: parameters that are not OData's or Finance's ----
  { send: `${LP}?savedQuery=00000000-0000-0000-0000-000000000001`, status: 400, message: 'savedQuery' },
  { send: `${LP}?userQuery=00000000-0000-0000-0000-000000000001`, status: 400, message: 'userQuery' },
  { send: `${LP}?fetchXml=%3Cfetch%2F%3E`, status: 400, message: 'fetchXml' },
  { send: `${LP}?company=DEMF`, status: 400, message: 'company' },
  { send: `${LP}?$filter=LinePropertyId eq @p&@p='Chargeable'`, status: 400, message: '@p' },
  { send: `${LP}?foo=bar`, status: 400, message: 'foo' },
  { send: `${LP}?Cross-Company=true`, status: 400, message: 'Cross-Company' },
  // ---- a single record: $select (and $expand) only ----
  { send: `${ONE}?$select=Name`, status: 200, check: (r) => assert.deepEqual(Object.keys(r.json).filter((k) => !k.startsWith('@')).sort(), ['LinePropertyId', 'Name', 'dataAreaId']) },
  { send: `${ONE}?$format=json&cross-company=true`, status: 200, check: (r) => assert.equal(r.json.LinePropertyId, 'Chargeable') },
  { send: `${ONE}?$filter=Name eq 'x'`, status: 400, message: '$filter' },
  { send: `${ONE}?$top=1`, status: 400, message: '$top' },
  { send: `${ONE}?$orderby=Name`, status: 400 },
  { send: `${ONE}?$count=true`, status: 400 },
  { send: `${ONE}?$skip=1`, status: 400 },
  { send: `${ONE}?$apply=groupby((Name))`, status: 400 },
  { send: `${ONE}?savedQuery=1`, status: 400 },
  // ---- $count: $filter only ----
  { send: `${LP}/$count`, status: 200, check: (r) => assert.equal(r.text, '5') },
  { send: `${LP}/$count?cross-company=true`, status: 200, check: (r) => assert.equal(r.text, '10') },
  { send: `${LP}/$count?cross-company=true&$filter=ToBeInvoiced eq true`, status: 200, check: (r) => assert.equal(r.text, '2') },
  { send: `${LP}/$count?$top=1`, status: 400 },
  { send: `${LP}/$count?$select=Name`, status: 400 },
  // ---- writes and actions: no query options but cross-company ----
  { method: 'PATCH', send: `${ONE}?$select=Name`, status: 400 },
  { method: 'PATCH', send: `${ONE}?foo=1`, status: 400 },
  { method: 'DELETE', send: `${ONE}?$filter=Name eq 'x'`, status: 400 },
  { method: 'POST', send: `${LP}?$top=1`, status: 400 },
];

for (const row of rows) {
  const method = row.method ?? 'GET';
  test(`${method} ${row.send} → ${row.status}`, async () => {
    const before = JSON.stringify(h.sim.store.snapshot());
    const body = method === 'PATCH' ? { Name: 'changed' } : method === 'POST' ? { dataAreaId: 'USPM', LinePropertyId: 'New', Name: 'New' } : undefined;
    const r = await h.fo(method, row.send.replace(/ /g, '%20'), body);
    assert.equal(r.status, row.status, r.text.slice(0, 300));
    if (row.status === 200) row.check?.(r);
    else {
      // Finance's error shape, and the request changed nothing.
      assert.deepEqual([r.json.error.code, r.json.error.message, r.json.error.innererror.type, r.json.error.innererror.stacktrace], ['', 'An error has occurred.', 'Microsoft.OData.ODataException', '']);
      if (row.message) assert.ok(String(r.json.error.innererror.message).includes(row.message), String(r.json.error.innererror.message));
      assert.equal(JSON.stringify(h.sim.store.snapshot()), before, 'nothing changed');
    }
  });
}
