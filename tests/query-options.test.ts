/**
 * "Refuse, never ignore" for the query layer (issue 11): every system query option OData 4.0/4.01 defines and
 * every parameter Dataverse defines on a collection GET, in one table. Each is either served as Dataverse
 * documents it, or refused with the error Dataverse gives; a refusal is never a 200 and nothing changes the store.
 * `fetchXml` is left out: the FetchXML handler answers it (simulator/odata/fetchxml/).
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulator, type Simulator } from '../simulator/index.js';
import { encodeSkiptoken } from '../simulator/odata/query.js';
import { rawRequest } from './support/raw-http.js';

let sim: Simulator;
let base: string;
let account = '';
const DV = '/api/data/v9.2';
const MISSING = 'deadbeef-0000-4000-8000-000000000000';

before(async () => {
  sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
  base = await sim.listen();
  account = String([...sim.store.all('account')][0]?.accountid ?? '');
  assert.ok(account, 'demo data has an account');
});
after(async () => { await sim.close(); });

interface Served { readonly path: string; readonly check?: (json: Record<string, unknown>, text: string) => void }
interface Refused { readonly path: string; readonly status: number; readonly code: string; readonly message: string }
type Row = { readonly name: string } & ({ readonly served: Served } | { readonly refused: Refused });

const rows = (json: Record<string, unknown>): Record<string, unknown>[] => json.value as Record<string, unknown>[];
const refused = (path: string, message: string, status = 400, code = '0x80060888'): { refused: Refused } => ({ refused: { path, status, code, message } });

const TABLE: readonly Row[] = [
  // ---- OData 4.0/4.01 system query options on a Dataverse collection ----
  { name: '$select', served: { path: '/accounts?$select=name', check: (j) => assert.ok(rows(j).every((r) => 'name' in r && !('accountnumber' in r))) } },
  { name: '$filter', served: { path: "/accounts?$filter=name ne null", check: (j) => assert.ok(rows(j).length > 0) } },
  { name: '$orderby', served: { path: '/accounts?$orderby=name desc&$select=name', check: (j) => { const n = rows(j).map((r) => String(r.name)); assert.deepEqual(n, [...n].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()))); } } },
  { name: '$top', served: { path: '/accounts?$top=1', check: (j) => assert.equal(rows(j).length, 1) } },
  { name: '$skip', ...refused('/accounts?$skip=1', "'$skip' is not supported") },
  { name: '$count', served: { path: '/accounts?$count=true', check: (j) => assert.equal(j['@odata.count'], rows(j).length) } },
  { name: '$expand', served: { path: '/accounts?$expand=msdyn_company($select=cdm_companycode)&$top=1', check: (j) => assert.ok('msdyn_company' in (rows(j)[0] ?? {})) } },
  { name: '$search', ...refused('/accounts?$search=Contoso', "'$search' is not supported") },
  { name: '$apply', served: { path: '/accounts?$apply=aggregate($count as n)', check: (j) => assert.deepEqual(rows(j), [{ n: [...sim.store.all('account')].length }]) } },
  { name: '$compute', ...refused("/accounts?$compute=name as n2", "'$compute' is not supported") },
  { name: '$format', ...refused('/accounts?$format=json', "'$format' is not supported") },
  { name: '$levels', ...refused('/accounts?$levels=2', "'$levels' is not supported") },
  { name: '$skiptoken (ours)', served: { path: `/accounts?$skiptoken=${encodeSkiptoken(0)}` } },
  { name: '$skiptoken (forged)', ...refused('/accounts?$skiptoken=garbage', 'continuation token') },
  { name: '$deltatoken', ...refused('/accounts?$deltatoken=1', "'$deltatoken' is not supported") },
  { name: '$schemaversion', ...refused('/accounts?$schemaversion=1', "'$schemaversion' is not supported") },
  { name: '$index', ...refused('/accounts?$index=1', "'$index' is not supported") },
  { name: '$id', ...refused(`/accounts?$id=accounts(${MISSING})`, "'$id' is not supported") },
  { name: 'unknown $option', ...refused('/accounts?$shout=1', "'$shout' is not known") },
  // ---- Dataverse parameters ----
  { name: 'savedQuery of no view', ...refused(`/accounts?savedQuery=${MISSING}`, `savedquery With Id = ${MISSING} Does Not Exist`, 404, '0x80040217') },
  { name: 'userQuery of no view', ...refused(`/accounts?userQuery=${MISSING}`, `userquery With Id = ${MISSING} Does Not Exist`, 404, '0x80040217') },
  { name: 'savedQuery not a GUID', ...refused('/accounts?savedQuery=Active', 'GUID of a view') },
  { name: 'parameter alias in $filter', served: { path: "/accounts?$filter=accountid eq @p1&@p1=" + '{account}', check: (j) => assert.deepEqual(rows(j).map((r) => r.accountid), [account]) } },
  { name: 'parameter alias in $orderby', served: { path: '/accounts?$orderby=@o desc&@o=name&$select=name', check: (j) => { const n = rows(j).map((r) => String(r.name)); assert.deepEqual(n, [...n].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()))); } } },
  { name: 'parameter alias without value', ...refused('/accounts?$filter=name eq @p1', "'@p1' is used but") },
  { name: 'parameter alias in $select', ...refused('/accounts?$select=@p1&@p1=name', '$filter and $orderby only') },
  { name: 'unknown parameter', ...refused('/accounts?foo=bar', "'foo' is not known") },
  // ---- Dataverse query functions ----
  { name: 'Microsoft.Dynamics.CRM.Today', served: { path: "/msdyn_actuals?$filter=Microsoft.Dynamics.CRM.Today(PropertyName='msdyn_documentdate')" } },
  { name: 'Microsoft.Dynamics.CRM.In', served: { path: "/accounts?$filter=Microsoft.Dynamics.CRM.In(PropertyName='accountid',PropertyValues=[\"{account}\"])", check: (j) => assert.deepEqual(rows(j).map((r) => r.accountid), [account]) } },
  { name: 'Microsoft.Dynamics.CRM.InFiscalYear', ...refused("/accounts?$filter=Microsoft.Dynamics.CRM.InFiscalYear(PropertyName='createdon',PropertyValue=2026)", 'fiscal year settings') },
  { name: 'Microsoft.Dynamics.CRM.EqualUserId', ...refused("/accounts?$filter=Microsoft.Dynamics.CRM.EqualUserId(PropertyName='accountid')", 'calling user') },
  { name: 'Microsoft.Dynamics.CRM.ContainValues', ...refused("/accounts?$filter=Microsoft.Dynamics.CRM.ContainValues(PropertyName='name',PropertyValues=[\"1\"])", 'multi-select') },
  { name: 'unknown CRM function', ...refused("/accounts?$filter=Microsoft.Dynamics.CRM.Sometime(PropertyName='createdon')", "Unknown function 'Microsoft.Dynamics.CRM.Sometime'") },
  // ---- a single record and $count take fewer options ----
  { name: 'record: $select', served: { path: '/accounts({account})?$select=name', check: (j) => assert.equal(j.accountid, account) } },
  { name: 'record: $filter', ...refused(`/accounts({account})?$filter=name eq 'x'`, "'$filter' is not supported") },
  { name: 'record: $top', ...refused('/accounts({account})?$top=1', "'$top' is not supported") },
  { name: 'record: unknown parameter', ...refused('/accounts({account})?foo=1', "'foo' is not known") },
  { name: '$count segment: $filter', served: { path: '/accounts/$count?$filter=name ne null', check: (_j, text) => assert.match(text, /^\d+$/) } },
  { name: '$count segment: $top', ...refused('/accounts/$count?$top=1', "'$top' is not supported") },
  { name: '$count segment: alias', served: { path: "/accounts/$count?$filter=accountid eq @a&@a={account}", check: (_j, text) => assert.equal(text, '1') } },
];

const encode = (path: string): string => {
  const [p, q] = path.replace(/\{account\}/g, account).split('?') as [string, string | undefined];
  if (q === undefined) return `${DV}${p}`;
  const pairs = q.split('&').map((kv) => {
    const eq = kv.indexOf('=');
    return `${encodeURIComponent(kv.slice(0, eq)).replace(/%24/g, '$').replace(/%40/g, '@')}=${encodeURIComponent(kv.slice(eq + 1))}`;
  });
  return `${DV}${p}?${pairs.join('&')}`;
};

test('every OData system query option and Dataverse parameter is served as documented or refused with the real error', async (t) => {
  const names = new Set(TABLE.map((r) => r.name));
  for (const option of ['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand', '$search', '$apply', '$compute', '$format', '$levels', '$deltatoken', '$schemaversion', '$index', '$id']) {
    assert.ok(names.has(option), `the table covers ${option}`);
  }
  for (const row of TABLE) {
    await t.test(row.name, async () => {
      const before = sim.store.snapshot();
      const path = encode('served' in row ? row.served.path : row.refused.path);
      const res = await rawRequest(base, { method: 'GET', path });
      if ('served' in row) {
        assert.equal(res.status, 200, res.text.slice(0, 300));
        const json = /^application\/json/.test(String(res.headers['content-type'])) ? (JSON.parse(res.text) as Record<string, unknown>) : {};
        row.served.check?.(json, res.text);
      } else {
        assert.notEqual(res.status, 200, `refused, never 200: ${res.text.slice(0, 200)}`);
        const json = JSON.parse(res.text) as { error: { code: string; message: string } };
        assert.deepEqual({ status: res.status, code: json.error.code }, { status: row.refused.status, code: row.refused.code }, res.text.slice(0, 300));
        assert.ok(json.error.message.includes(row.refused.message), `"${json.error.message}" includes "${row.refused.message}"`);
      }
      assert.deepEqual(sim.store.snapshot(), before, 'store unchanged');
    });
  }
});

test('Finance keeps its options: $skip served, $apply and parameter aliases refused', async () => {
  const skip = await rawRequest(base, { method: 'GET', path: '/data/LedgerVouchers?$skip=1&$top=1' });
  assert.equal(skip.status, 200, skip.text.slice(0, 200));
  const apply = await rawRequest(base, { method: 'GET', path: `/data/LedgerVouchers?$apply=${encodeURIComponent('aggregate($count as n)')}` });
  assert.deepEqual([apply.status, (JSON.parse(apply.text) as { error: { code: string } }).error.code], [400, '']);
});

test('$apply over HTTP: groupby with aggregate, decimal-exact sums, the context lists the columns', async () => {
  const actuals = [...sim.store.all('msdyn_actual')];
  const path = `${DV}/msdyn_actuals?$apply=${encodeURIComponent('groupby((msdyn_transactiontypecode),aggregate(msdyn_amount with sum as total,$count as n))')}`;
  const res = await rawRequest(base, { method: 'GET', path, headers: { prefer: 'odata.maxpagesize=1' } });
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.equal(res.headers['preference-applied'], undefined, 'aggregates are not paged, so the page size is not claimed');
  const json = JSON.parse(res.text) as { '@odata.context': string; value: { msdyn_transactiontypecode: number; total: number | null; n: number }[] };
  assert.ok(json['@odata.context'].endsWith('$metadata#msdyn_actuals(msdyn_transactiontypecode,total,n)'), json['@odata.context']);
  const types = [...new Set(actuals.map((a) => Number(a.msdyn_transactiontypecode)))].sort((a, b) => a - b);
  assert.deepEqual(json.value.map((g) => g.msdyn_transactiontypecode), types);
  for (const g of json.value) {
    const mine = actuals.filter((a) => a.msdyn_transactiontypecode === g.msdyn_transactiontypecode);
    assert.equal(g.n, mine.length);
    // Expected sum in integer hundredths of a cent, so the comparison is exact.
    const cents = mine.reduce((s, a) => s + Math.round(Number(a.msdyn_amount) * 10000), 0);
    assert.equal(Math.round((g.total ?? 0) * 10000), cents);
  }
});

test('@odata.count and /$count stop at 5,000, as Dataverse reports them; $top is applied after counting', async () => {
  const before = [...sim.store.all('cdm_company')].length;
  await sim.service.exec((ctx) => {
    for (let i = 0; i < 5001; i++) ctx.tx.put('cdm_company', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, { cdm_companyid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, cdm_companycode: `C${i}`, cdm_name: `Company ${i}` });
  });
  const res = await rawRequest(base, { method: 'GET', path: `${DV}/cdm_companies?$count=true&$top=2&$select=cdm_companycode` });
  const json = JSON.parse(res.text) as { '@odata.count': number; value: unknown[] };
  assert.equal(json['@odata.count'], 5000);
  assert.equal(json.value.length, 2);
  const plain = await rawRequest(base, { method: 'GET', path: `${DV}/cdm_companies/$count` });
  assert.equal(plain.text, '5000');
  const few = await rawRequest(base, { method: 'GET', path: `${DV}/cdm_companies/$count?$filter=${encodeURIComponent("cdm_companycode eq 'C7'")}` });
  assert.equal(few.text, '1');
  assert.ok(before < 5001);
});
