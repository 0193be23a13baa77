import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DynamicsWebApi } from 'dynamics-web-api';
import { type Contract, type Harness, type Json, FORMATTED, ok, rep, setUpContract, startSim } from './support/http.js';
import { parseFetchXml, runFetch } from '../simulator/odata/fetchxml/index.js';
import { dataverseByName, dvEntity } from '../simulator/dataverse/entities.js';
import type { ReadView, Rec } from '../simulator/store/types.js';

/**
 * FetchXML through `?fetchXml=` on entity-set GETs (Learn: powerapps-docs developer/data-platform/fetchxml/),
 * over HTTP and through dynamics-web-api. Clock: 2026-03-02T09:00:00Z.
 *
 * Time entries (duration in minutes, date, description, project):
 *   P1 "ERP rollout" (customer Contoso): 480 03-02 Consulting (approved), 240 03-01 Design workshop, 120 02-20 Testing, 60 03-03 Go-live support
 *   P2 "Data migration" (customer Fabrikam): 300 02-27 Migration, 90 03-02 Review 100%, 30 01-15 (no description)
 * Northwind has no project.
 */
let h: Harness;
let c: Contract;
let p2: string;
let fabrikam: string;
let northwind: string;

before(async () => {
  h = await startSim();
  await h.reset();
  c = await setUpContract(h, { hours: 8 });
  fabrikam = String((await ok(h.dv('POST', '/accounts', { name: 'Fabrikam Inc.', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` }, rep), 201)).json.accountid);
  northwind = String((await ok(h.dv('POST', '/accounts', { name: 'Northwind Traders', 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` }, rep), 201)).json.accountid);
  p2 = String((await ok(h.dv('POST', '/msdyn_projects', { msdyn_subject: 'Data migration', 'msdyn_customer@odata.bind': `/accounts(${fabrikam})` }, rep), 201)).json.msdyn_projectid);
  const entry = (project: string, minutes: number, date: string, description?: string) =>
    ok(h.dv('POST', '/msdyn_timeentries', { ...(description !== undefined ? { msdyn_description: description } : {}), msdyn_date: date, msdyn_duration: minutes, 'msdyn_project@odata.bind': `/msdyn_projects(${project})` }), 204);
  await entry(c.projectId, 240, '2026-03-01', 'Design workshop');
  await entry(c.projectId, 120, '2026-02-20', 'Testing');
  await entry(c.projectId, 60, '2026-03-03', 'Go-live support');
  await entry(p2, 300, '2026-02-27', 'Migration');
  await entry(p2, 90, '2026-03-02', 'Review 100%');
  await entry(p2, 30, '2026-01-15');
});
after(async () => { await h.close(); });

const get = (set: string, fetchXml: string, headers: Record<string, string> = {}, extra = '') =>
  h.dv('GET', `/${set}?fetchXml=${encodeURIComponent(fetchXml)}${extra}`, undefined, headers);
const entries = (filter: string, extra = '') =>
  `<fetch${extra}><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><attribute name='msdyn_description'/>${filter}</entity></fetch>`;
const durations = (r: { json: Json }): number[] => (r.json.value as Json[]).map((v) => Number(v.msdyn_duration)).sort((a, b) => b - a);

test('attribute elements select columns; the key comes along; null values are left out', async () => {
  const r = await ok(get('accounts', `<fetch><entity name='account'><attribute name='name'/><attribute name='accountnumber'/><order attribute='name'/></entity></fetch>`));
  assert.match(r.json['@odata.context'], /\$metadata#accounts\(name,accountnumber,accountid\)$/);
  const rows = r.json.value as Json[];
  assert.deepEqual(rows.map((a) => a.name), ['Contoso Ltd.', 'Fabrikam Inc.', 'Northwind Traders']);
  for (const a of rows) {
    assert.match(String(a['@odata.etag']), /^W\/"\d+"$/);
    assert.match(String(a.accountid), /^[0-9a-f-]{36}$/);
    assert.deepEqual(Object.keys(a).filter((k) => !['@odata.etag', 'name', 'accountnumber', 'accountid'].includes(k)), []);
  }
  // Form encoding (spaces as '+', as .NET's HttpUtility.UrlEncode writes it in Learn's paging sample) works too.
  const form = await ok(h.dv('GET', `/accounts?${new URLSearchParams({ fetchXml: `<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' value='Northwind Traders'/></filter></entity></fetch>` }).toString()}`));
  assert.deepEqual(form.json.value.map((a: Json) => a.name), ['Northwind Traders']);
  const aliased = await ok(get('accounts', `<fetch><entity name='account'><attribute name='name' alias='customer'/><filter><condition attribute='accountid' operator='eq' value='{${fabrikam.toUpperCase()}}'/></filter></entity></fetch>`));
  assert.deepEqual(aliased.json.value.map((a: Json) => [a.customer, a.accountid]), [['Fabrikam Inc.', fabrikam]]);
});

test('all-attributes (and no attribute element) return every non-null column, lookups as _x_value', async () => {
  for (const xml of [
    `<fetch><entity name='msdyn_timeentry'><all-attributes/><filter><condition attribute='msdyn_duration' operator='eq' value='30'/></filter></entity></fetch>`,
    `<fetch><entity name='msdyn_timeentry'><filter><condition attribute='msdyn_duration' operator='eq' value='30'/></filter></entity></fetch>`,
  ]) {
    const r = await ok(get('msdyn_timeentries', xml));
    assert.equal(r.json.value.length, 1);
    const e = r.json.value[0];
    assert.equal(e._msdyn_project_value, p2);
    assert.equal(e.msdyn_date, '2026-01-15');
    assert.equal(e.msdyn_duration, 30);
    assert.ok(!('msdyn_description' in e), 'null description left out');
    assert.ok(!('msdyn_project' in e));
    assert.match(r.json['@odata.context'], /#msdyn_timeentries$/);
  }
});

test('filters: and, or, nested, several filters combined with and', async () => {
  const and = await ok(get('msdyn_timeentries', entries(`<filter type='and'><condition attribute='msdyn_duration' operator='ge' value='100'/><condition attribute='msdyn_project' operator='eq' value='${p2}'/></filter>`)));
  assert.deepEqual(durations(and), [300]);
  const or = await ok(get('msdyn_timeentries', entries(`<filter type='or'><condition attribute='msdyn_duration' operator='eq' value='480'/><condition attribute='msdyn_duration' operator='eq' value='30'/></filter>`)));
  assert.deepEqual(durations(or), [480, 30]);
  const nested = await ok(get('msdyn_timeentries', entries(`<filter type='and'><condition attribute='msdyn_project' operator='eq' value='${c.projectId}'/><filter type='or'><condition attribute='msdyn_duration' operator='lt' value='100'/><condition attribute='msdyn_description' operator='begins-with' value='design'/></filter></filter>`)));
  assert.deepEqual(durations(nested), [240, 60]);
  const two = await ok(get('msdyn_timeentries', entries(`<filter><condition attribute='msdyn_duration' operator='gt' value='50'/></filter><filter><condition attribute='msdyn_duration' operator='lt' value='150'/></filter>`)));
  assert.deepEqual(durations(two), [120, 90, 60]);
});

test('each condition operator', async () => {
  const cases: [string, number[]][] = [
    [`<condition attribute='msdyn_duration' operator='eq' value='480'/>`, [480]],
    [`<condition attribute='msdyn_duration' operator='ne' value='480'/>`, [300, 240, 120, 90, 60, 30]],
    [`<condition attribute='msdyn_duration' operator='neq' value='480'/>`, [300, 240, 120, 90, 60, 30]],
    [`<condition attribute='msdyn_duration' operator='gt' value='240'/>`, [480, 300]],
    [`<condition attribute='msdyn_duration' operator='ge' value='240'/>`, [480, 300, 240]],
    [`<condition attribute='msdyn_duration' operator='lt' value='90'/>`, [60, 30]],
    [`<condition attribute='msdyn_duration' operator='le' value='90'/>`, [90, 60, 30]],
    [`<condition attribute='msdyn_description' operator='like' value='%ING%'/>`, [480, 120]],
    [`<condition attribute='msdyn_description' operator='like' value='Review 100[%]'/>`, [90]],
    [`<condition attribute='msdyn_description' operator='like' value='_esting'/>`, [120]],
    [`<condition attribute='msdyn_description' operator='like' value='[c-m]%[^t]'/>`, [480, 300, 240]],
    [`<condition attribute='msdyn_description' operator='like' value='%${'%o'.repeat(30)}%zz'/>`, []],
    [`<condition attribute='msdyn_description' operator='not-like' value='%ing%'/>`, [300, 240, 90, 60]],
    [`<condition attribute='msdyn_description' operator='begins-with' value='de'/>`, [240]],
    [`<condition attribute='msdyn_description' operator='not-begin-with' value='de'/>`, [480, 300, 120, 90, 60]],
    [`<condition attribute='msdyn_description' operator='ends-with' value='ING'/>`, [480, 120]],
    [`<condition attribute='msdyn_description' operator='not-end-with' value='ing'/>`, [300, 240, 90, 60]],
    [`<condition attribute='msdyn_duration' operator='in'><value>60</value><value>90</value></condition>`, [90, 60]],
    [`<condition attribute='msdyn_duration' operator='not-in'><value>60</value><value>90</value></condition>`, [480, 300, 240, 120, 30]],
    [`<condition attribute='msdyn_duration' operator='in'>${Array.from({ length: 300 }, (_, i) => `<value>${i * 2 + 1}</value>`).join('')}</condition>`, []],
    [`<condition attribute='msdyn_description' operator='in'><value>testing</value><value>MIGRATION</value></condition>`, [300, 120]],
    [`<condition attribute='msdyn_project' operator='in'><value>{${p2.toUpperCase()}}</value></condition>`, [300, 90, 30]],
    [`<condition attribute='msdyn_description' operator='null'/>`, [30]],
    [`<condition attribute='msdyn_description' operator='not-null'/>`, [480, 300, 240, 120, 90, 60]],
    [`<condition attribute='msdyn_duration' operator='between'><value>90</value><value>240</value></condition>`, [240, 120, 90]],
    [`<condition attribute='msdyn_duration' operator='not-between'><value>90</value><value>240</value></condition>`, [480, 300, 60, 30]],
    [`<condition attribute='msdyn_date' operator='on' value='2026-03-02'/>`, [480, 90]],
    [`<condition attribute='msdyn_date' operator='on-or-before' value='2026-02-27'/>`, [300, 120, 30]],
    [`<condition attribute='msdyn_date' operator='on-or-after' value='2026-03-02'/>`, [480, 90, 60]],
    [`<condition attribute='msdyn_date' operator='today'/>`, [480, 90]],
    [`<condition attribute='msdyn_date' operator='yesterday'/>`, [240]],
    [`<condition attribute='msdyn_date' operator='tomorrow'/>`, [60]],
    [`<condition attribute='msdyn_date' operator='last-x-days' value='3'/>`, [480, 300, 240, 90]],
    [`<condition attribute='msdyn_date' operator='next-x-days' value='1'/>`, [60]],
    [`<condition attribute='msdyn_project' operator='eq' value='{${p2.toUpperCase()}}'/>`, [300, 90, 30]],
    [`<condition attribute='msdyn_project' operator='ne' value='${p2}'/>`, [480, 240, 120, 60]],
  ];
  for (const [condition, expected] of cases) {
    const r = await ok(get('msdyn_timeentries', entries(`<filter>${condition}</filter>`)));
    assert.deepEqual(durations(r), expected, condition);
  }
});

test('the date operators follow the simulated clock', async () => {
  // No later test of this file depends on the date.
  await ok(h.simApi('POST', '/clock', { advance: 'P1D' }));
  const r = await ok(get('msdyn_timeentries', entries(`<filter><condition attribute='msdyn_date' operator='today'/></filter>`)));
  assert.deepEqual(durations(r), [60]);
  const y = await ok(get('msdyn_timeentries', entries(`<filter><condition attribute='msdyn_date' operator='yesterday'/></filter>`)));
  assert.deepEqual(durations(y), [480, 90]);
});

test('order: ascending, descending, several columns', async () => {
  const r = await ok(get('msdyn_timeentries', `<fetch><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><attribute name='msdyn_project'/><order attribute='msdyn_project' /><order attribute='msdyn_duration' descending='true'/></entity></fetch>`));
  const rows = r.json.value as Json[];
  const p1 = rows.filter((e) => e._msdyn_project_value === c.projectId).map((e) => e.msdyn_duration);
  assert.deepEqual(p1, [480, 240, 120, 60]);
  const asc = await ok(get('msdyn_timeentries', `<fetch><entity name='msdyn_timeentry'><attribute name='msdyn_date'/><order attribute='msdyn_date'/></entity></fetch>`));
  assert.deepEqual(asc.json.value.map((e: Json) => e.msdyn_date), ['2026-01-15', '2026-02-20', '2026-02-27', '2026-03-01', '2026-03-02', '2026-03-02', '2026-03-03']);
});

test('link-entity inner and outer, columns as alias.column, a filter inside the link', async () => {
  const inner = await ok(get('msdyn_projects', `<fetch><entity name='msdyn_project'><attribute name='msdyn_subject'/><order attribute='msdyn_subject'/>
    <link-entity name='account' from='accountid' to='msdyn_customer' link-type='inner' alias='customer'><attribute name='name'/></link-entity></entity></fetch>`));
  assert.deepEqual(inner.json.value.map((p: Json) => [p.msdyn_subject, p['customer.name']]), [['Data migration', 'Fabrikam Inc.'], ['ERP rollout', 'Contoso Ltd.']]);

  const outer = await ok(get('accounts', `<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>
    <link-entity name='msdyn_project' from='msdyn_customer' to='accountid' link-type='outer' alias='p'><attribute name='msdyn_subject'/></link-entity></entity></fetch>`));
  assert.deepEqual(outer.json.value.map((a: Json) => [a.name, a['p.msdyn_subject'] ?? null]), [['Contoso Ltd.', 'ERP rollout'], ['Fabrikam Inc.', 'Data migration'], ['Northwind Traders', null]]);
  assert.ok(!('p.msdyn_subject' in outer.json.value[2]), 'no linked row: the column is left out');
  assert.equal(outer.json.value[2].accountid, northwind);

  const innerAccounts = await ok(get('accounts', `<fetch><entity name='account'><attribute name='name'/>
    <link-entity name='msdyn_project' from='msdyn_customer' to='accountid' link-type='inner'><filter><condition attribute='msdyn_subject' operator='like' value='%migration%'/></filter></link-entity></entity></fetch>`));
  assert.deepEqual(innerAccounts.json.value.map((a: Json) => a.name), ['Fabrikam Inc.']);
  assert.ok(Object.keys(innerAccounts.json.value[0]).every((k) => k.startsWith('@') || !k.includes('.')), 'a link without attribute elements adds no columns');

  // Without an alias, link-entity columns are named <table>.<column> (Learn: fetchxml/select-columns.md).
  const unaliased = await ok(get('msdyn_projects', `<fetch><entity name='msdyn_project'><attribute name='msdyn_subject'/><filter><condition attribute='msdyn_projectid' operator='eq' value='${p2}'/></filter>
    <link-entity name='account' from='accountid' to='msdyn_customer'><attribute name='name'/></link-entity></entity></fetch>`));
  assert.equal(unaliased.json.value[0]['account.name'], 'Fabrikam Inc.');

  // One row per match: accounts → time entries through projects is two links deep, refused; entries → projects is one.
  const perEntry = await ok(get('msdyn_timeentries', `<fetch><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/>
    <link-entity name='msdyn_project' from='msdyn_projectid' to='msdyn_project' alias='pr'><attribute name='msdyn_subject'/><attribute name='msdyn_customer'/><order attribute='msdyn_subject' descending='true'/></link-entity></entity></fetch>`));
  const rows = perEntry.json.value as Json[];
  assert.equal(rows.length, 7);
  assert.deepEqual([...new Set(rows.map((r) => r['pr.msdyn_subject']))], ['ERP rollout', 'Data migration']);
  assert.equal(rows.find((r) => r.msdyn_duration === 300)['pr.msdyn_customer'], fabrikam);
});

test('aggregates with groupby: count, countcolumn, sum, avg, min, max; order by alias; formatted in German', async () => {
  const xml = `<fetch aggregate='true'><entity name='msdyn_timeentry'>
    <attribute name='msdyn_project' alias='project' groupby='true'/>
    <attribute name='msdyn_timeentryid' alias='entries' aggregate='count'/>
    <attribute name='msdyn_description' alias='described' aggregate='countcolumn'/>
    <attribute name='msdyn_duration' alias='total' aggregate='sum'/>
    <attribute name='msdyn_duration' alias='average' aggregate='avg'/>
    <attribute name='msdyn_duration' alias='shortest' aggregate='min'/>
    <attribute name='msdyn_date' alias='last' aggregate='max'/>
    <order alias='total' descending='true'/></entity></fetch>`;
  const r = await ok(get('msdyn_timeentries', xml, { Prefer: FORMATTED, 'Accept-Language': 'de' }));
  const rows = r.json.value as Json[];
  assert.deepEqual(rows.map((g) => [g.project, g.entries, g.described, g.total, g.average, g.shortest, g.last]), [
    [c.projectId, 4, 4, 900, 225, 60, '2026-03-03'],
    [p2, 3, 2, 420, 140, 30, '2026-03-02'],
  ]);
  assert.equal(rows[0]['project@OData.Community.Display.V1.FormattedValue'], 'ERP rollout');
  assert.equal(rows[0]['last@OData.Community.Display.V1.FormattedValue'], '03.03.2026');
  assert.ok(!('@odata.etag' in rows[0]));

  const distinct = await ok(get('msdyn_timeentries', `<fetch aggregate='true'><entity name='msdyn_timeentry'><attribute name='msdyn_date' alias='days' aggregate='countcolumn' distinct='true'/></entity></fetch>`));
  assert.deepEqual(distinct.json.value, [{ days: 6 }]);
  const byMonth = await ok(get('msdyn_timeentries', `<fetch aggregate='true'><entity name='msdyn_timeentry'><attribute name='msdyn_duration' alias='total' aggregate='sum'/><attribute name='msdyn_date' alias='month' groupby='true' dategrouping='month'/><order alias='month'/></entity></fetch>`));
  assert.deepEqual(byMonth.json.value.map((g: Json) => [g.month, g.total]), [[1, 30], [2, 420], [3, 870]]);
  const money = await ok(get('salesorderdetails', `<fetch aggregate='true'><entity name='salesorderdetail'><attribute name='priceperunit' alias='price' aggregate='sum'/><attribute name='msdyn_billingmethod' alias='method' groupby='true'/></entity></fetch>`, { Prefer: FORMATTED, 'Accept-Language': 'de' }));
  const tm = (money.json.value as Json[]).find((g) => g.method === 192350000);
  assert.equal(tm.price, 200);
  assert.equal(tm['method@OData.Community.Display.V1.FormattedValue'], 'Zeit und Material');
  assert.equal(tm['price@OData.Community.Display.V1.FormattedValue'], '200,00');
  // Over no records: one row; count is 0, sum is null and so left out.
  const none = await ok(get('msdyn_timeentries', `<fetch aggregate='true'><entity name='msdyn_timeentry'><attribute name='msdyn_duration' alias='n' aggregate='count'/><attribute name='msdyn_duration' alias='s' aggregate='sum'/><filter><condition attribute='msdyn_duration' operator='gt' value='10000'/></filter></entity></fetch>`));
  assert.deepEqual(none.json.value, [{ n: 0 }]);
  // An aggregate over a link-entity's column.
  const byCustomer = await ok(get('msdyn_timeentries', `<fetch aggregate='true'><entity name='msdyn_timeentry'><attribute name='msdyn_duration' alias='total' aggregate='sum'/>
    <link-entity name='msdyn_project' from='msdyn_projectid' to='msdyn_project' alias='pr'><attribute name='msdyn_customer' alias='customer' groupby='true'/></link-entity><order alias='total'/></entity></fetch>`));
  assert.deepEqual(byCustomer.json.value.map((g: Json) => [g.customer, g.total]), [[fabrikam, 420], [c.accountId, 900]]);
});

test('formatted values in German: option labels, dates, lookups; lookup logical names', async () => {
  const r = await ok(get('salesorderdetails', `<fetch><entity name='salesorderdetail'><attribute name='msdyn_billingmethod'/><attribute name='priceperunit'/><attribute name='salesorderid'/><filter><condition attribute='msdyn_billingmethod' operator='eq' value='192350000'/></filter></entity></fetch>`,
    { Prefer: 'odata.include-annotations="*"', 'Accept-Language': 'de' }));
  const line = r.json.value[0];
  assert.equal(line['msdyn_billingmethod@OData.Community.Display.V1.FormattedValue'], 'Zeit und Material');
  assert.equal(line['priceperunit@OData.Community.Display.V1.FormattedValue'], '200,00');
  assert.equal(line['_salesorderid_value@OData.Community.Display.V1.FormattedValue'], 'ERP rollout');
  assert.equal(line['_salesorderid_value@Microsoft.Dynamics.CRM.lookuplogicalname'], 'salesorder');
  assert.equal(r.headers.get('preference-applied'), 'odata.include-annotations="*"');
  const plain = await ok(get('salesorderdetails', `<fetch><entity name='salesorderdetail'><attribute name='msdyn_billingmethod'/></entity></fetch>`));
  assert.ok(Object.keys(plain.json.value[0]).every((k) => !k.includes('@OData')), 'no annotations without Prefer');
  assert.equal(plain.headers.get('preference-applied'), null);
});

const PAGING = { Prefer: 'odata.include-annotations="Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords"' };

test('paging by count and page with the paging cookie and morerecords, across every page', async () => {
  const page = (n: number, cookie?: string) =>
    `<fetch count='3' page='${n}'${cookie !== undefined ? ` paging-cookie='${cookie.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;')}'` : ''}><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><order attribute='msdyn_duration' descending='true'/></entity></fetch>`;
  const seen: number[] = [];
  let cookie: string | undefined;
  for (let n = 1; ; n++) {
    const r = await ok(get('msdyn_timeentries', page(n, cookie), PAGING));
    seen.push(...r.json.value.map((e: Json) => e.msdyn_duration));
    if (n < 3) {
      assert.equal(r.json['@Microsoft.Dynamics.CRM.morerecords'], true);
      const outer = String(r.json['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']);
      const m = /^<cookie pagenumber="(\d+)" pagingcookie="([^"]+)" istracking="False" \/>$/.exec(outer);
      assert.ok(m, outer);
      assert.equal(Number(m[1]), n + 1);
      cookie = decodeURIComponent(decodeURIComponent(m[2] as string));
      assert.match(cookie, new RegExp(`^<cookie page="${n}"><msdyn_duration last="\\d+" first="\\d+" /><msdyn_timeentryid last="\\{[0-9A-F-]{36}\\}" first="\\{[0-9A-F-]{36}\\}" /></cookie>$`));
      assert.equal(r.headers.get('preference-applied'), PAGING.Prefer);
    } else {
      assert.ok(!('@Microsoft.Dynamics.CRM.morerecords' in r.json), 'last page: no morerecords');
      assert.ok(!('@Microsoft.Dynamics.CRM.fetchxmlpagingcookie' in r.json), 'last page: no cookie');
      break;
    }
  }
  assert.deepEqual(seen, [480, 300, 240, 120, 90, 60, 30]);
  // Without the Prefer header the annotations are not returned, though there are more records.
  const bare = await ok(get('msdyn_timeentries', page(1)));
  assert.equal(bare.json.value.length, 3);
  assert.ok(!('@Microsoft.Dynamics.CRM.morerecords' in bare.json));
  // Simple paging (page without cookie) gives the same page; top limits without paging.
  assert.deepEqual((await ok(get('msdyn_timeentries', page(2)))).json.value.map((e: Json) => e.msdyn_duration), [120, 90, 60]);
  const top = await ok(get('msdyn_timeentries', `<fetch top='2'><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><order attribute='msdyn_duration'/></entity></fetch>`, PAGING));
  assert.deepEqual(top.json.value.map((e: Json) => e.msdyn_duration), [30, 60]);
  assert.ok(!('@Microsoft.Dynamics.CRM.morerecords' in top.json));
});

test('total record count: returntotalrecordcount or $count=true, with its annotations', async () => {
  const xml = `<fetch count='2' returntotalrecordcount='true'><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/></entity></fetch>`;
  const r = await ok(get('msdyn_timeentries', xml, { Prefer: 'odata.include-annotations="Microsoft.Dynamics.CRM.totalrecordcount,Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded"' }));
  assert.equal(r.json['@odata.count'], 7);
  assert.equal(r.json['@Microsoft.Dynamics.CRM.totalrecordcount'], 7);
  assert.equal(r.json['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'], false);
  assert.equal(r.json.value.length, 2);
  const viaCount = await ok(get('msdyn_timeentries', `<fetch count='2'><entity name='msdyn_timeentry'/></fetch>`, {}, '&$count=true'));
  assert.equal(viaCount.json['@odata.count'], 7);
  const noCount = await ok(get('msdyn_timeentries', `<fetch count='2'><entity name='msdyn_timeentry'/></fetch>`));
  assert.ok(!('@odata.count' in noCount.json));
});

test('refusals with Dataverse error codes; other query options with fetchXml are refused', async () => {
  const cases: [string, string, number, string][] = [
    ['accounts', `<fetch><entity name='msdyn_project'/></fetch>`, 400, '0x80041128'],
    ['accounts', `<fetch><entity name='nosuchtable'/></fetch>`, 400, '0x80041102'],
    ['accounts', `<fetch><entity name='account'><attribute name='nosuchcolumn'/></entity></fetch>`, 400, '0x80041103'],
    ['accounts', `<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x'/></filter></entity></fetch>`, 400, '0x80041120'],
    ['accounts', `<fetch><entity name='account'><filter type='xor'/></entity></fetch>`, 400, '0x80041122'],
    ['accounts', `<fetch><entity name='account'><link-entity name='msdyn_project' from='msdyn_customer' to='accountid' link-type='exists'/></entity></fetch>`, 400, '0x80041117'],
    ['accounts', `<fetch><entity name='account'><link-entity name='msdyn_project' from='msdyn_customer' to='accountid'><link-entity name='account' from='accountid' to='msdyn_customer'/></link-entity></entity></fetch>`, 400, '0x8004111c'],
    ['accounts', `<fetch aggregate='true'><entity name='account'><attribute name='name' aggregate='count'/></entity></fetch>`, 400, '0x80041109'],
    ['accounts', `<fetch aggregate='true'><entity name='account'><attribute name='name' alias='n' aggregate='sum'/></entity></fetch>`, 400, '0x8004112f'],
    ['accounts', `<fetch aggregate='true'><entity name='account'><attribute name='name' alias='n'/></entity></fetch>`, 400, '0x80041107'],
    ['accounts', `<fetch top='2' count='2'><entity name='account'/></fetch>`, 400, '0x80041108'],
    ['accounts', `<fetch><entity name='account'><filter><condition attribute='accountid' operator='eq' value='not-a-guid'/></filter></entity></fetch>`, 400, '0x80041108'],
    ['accounts', `<fetch><entity name='account'><order attribute='name' descending='maybe'/></entity></fetch>`, 400, '0x80041119'],
    ['accounts', `<fetch count='2' page='2' paging-cookie='&lt;cookie page="1"'><entity name='account'/></fetch>`, 400, '0x8004112a'],
  ];
  for (const [set, xml, status, code] of cases) {
    const r = await get(set, xml);
    assert.equal(r.status, status, xml);
    assert.equal(r.json.error.code, code, `${xml}: ${r.text}`);
  }
  const withSelect = await get('accounts', `<fetch><entity name='account'/></fetch>`, {}, '&$select=name');
  assert.equal(withSelect.status, 400);
  assert.equal(withSelect.json.error.code, '0x80060888');
  const german = await get('accounts', `<fetch><entity name='account'><attribute name='x'/></entity></fetch>`, { 'Accept-Language': 'de' });
  assert.match(german.json.error.message, /hat kein Attribut 'x'/);
});

test('a filter on an indexed lookup reads through the store index, never the whole table', () => {
  const def = dvEntity('msdyn_timeentry');
  const query = parseFetchXml(`<fetch><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><filter><condition attribute='msdyn_project' operator='eq' value='{AAAAAAAA-0000-0000-0000-000000000001}'/><condition attribute='msdyn_duration' operator='gt' value='10'/></filter></entity></fetch>`, { resolve: (n) => dataverseByName.get(n), expected: def });
  const recs: Rec[] = [
    { msdyn_timeentryid: 'a', _msdyn_project_value: 'aaaaaaaa-0000-0000-0000-000000000001', msdyn_duration: 60 },
    { msdyn_timeentryid: 'b', _msdyn_project_value: 'aaaaaaaa-0000-0000-0000-000000000001', msdyn_duration: 5 },
  ];
  const lookups: string[] = [];
  const view: ReadView & { findBy(table: string, field: string, value: unknown): Iterable<Rec> } = {
    get: () => undefined,
    count: () => 100_000,
    all: () => { throw new Error('scanned the whole table'); },
    findBy: (table, field, value) => { lookups.push(`${table}.${field}=${String(value)}`); return recs.filter((r) => r[field] === value); },
  };
  const result = runFetch(query, { view, now: '2026-03-02T09:00:00Z' });
  assert.deepEqual(lookups, ['msdyn_timeentry._msdyn_project_value=aaaaaaaa-0000-0000-0000-000000000001']);
  assert.deepEqual(result.rows?.map((r) => r.rec.msdyn_timeentryid), ['a'], 'the whole filter still applies');
});

test('dynamics-web-api: fetch and fetchAll (paging through the cookie)', async () => {
  const api = new DynamicsWebApi({ serverUrl: `${h.url}/`, onTokenRefresh: async () => 'dummy-token' });
  const fetchXml = `<fetch count="2"><entity name="msdyn_timeentry"><attribute name="msdyn_duration"/><order attribute="msdyn_duration"/></entity></fetch>`;
  const first = await api.fetch<Json>({ collection: 'msdyn_timeentries', fetchXml, includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie' });
  assert.deepEqual(first.value.map((e: Json) => e.msdyn_duration), [30, 60]);
  assert.equal(first.PagingInfo?.nextPage, 2);
  const second = await api.fetch<Json>({ collection: 'msdyn_timeentries', fetchXml, includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie', pageNumber: first.PagingInfo?.nextPage, pagingCookie: first.PagingInfo?.cookie });
  assert.deepEqual(second.value.map((e: Json) => e.msdyn_duration), [90, 120]);
  const all = await api.fetchAll<Json>({ collection: 'msdyn_timeentries', fetchXml, includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie' });
  assert.deepEqual(all.value.map((e: Json) => e.msdyn_duration), [30, 60, 90, 120, 240, 300, 480]);
  const agg = await api.fetch<Json>({ collection: 'msdyn_timeentries', fetchXml: `<fetch aggregate="true"><entity name="msdyn_timeentry"><attribute name="msdyn_duration" alias="total" aggregate="sum"/></entity></fetch>` });
  assert.deepEqual(agg.value, [{ total: 1320 }]);
  await assert.rejects(
    new DynamicsWebApi({ serverUrl: `${h.url}/`, onTokenRefresh: async () => 'dummy-token' }).fetch({ collection: 'accounts', fetchXml: '<fetch><entity name="account"><filter><condition attribute="name" operator="sounds-like" value="x"/></filter></entity></fetch>' }),
    (e: unknown) => typeof e === 'object' && e !== null && (e as { status?: number }).status === 400 && (e as { code?: string }).code === '0x80041120',
  );
});

test('the paging cookie continues after the previous page even when a row is added before it (simple paging shifts)', async () => {
  const xml = (page: number, cookie?: string) =>
    `<fetch count='2' page='${page}'${cookie ? ` paging-cookie='${cookie.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}'` : ''}><entity name='msdyn_timeentry'><attribute name='msdyn_duration'/><order attribute='msdyn_duration' descending='true'/></entity></fetch>`;
  const first = await ok(get('msdyn_timeentries', xml(1), PAGING));
  assert.deepEqual(first.json.value.map((e: Json) => e.msdyn_duration), [480, 300]);
  const outer = String(first.json['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']);
  const cookie = decodeURIComponent(decodeURIComponent(/pagingcookie="([^"]+)"/.exec(outer)?.[1] ?? ''));
  // A new longest entry sorts before the first page.
  await ok(h.dv('POST', '/msdyn_timeentries', { msdyn_description: 'Late entry', msdyn_date: '2026-03-02', msdyn_duration: 600, 'msdyn_project@odata.bind': `/msdyn_projects(${p2})` }), 204);
  const withCookie = await ok(get('msdyn_timeentries', xml(2, cookie), PAGING));
  assert.deepEqual(withCookie.json.value.map((e: Json) => e.msdyn_duration), [240, 120]);
  const simple = await ok(get('msdyn_timeentries', xml(2)));
  assert.deepEqual(simple.json.value.map((e: Json) => e.msdyn_duration), [300, 240]);
});

test('FetchXML inside $batch (Learn: retrieve-data.md); longer than 64 KB it is refused as invalid XML and nothing changes', async () => {
  const part = (xml: string) => `--b1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET accounts?fetchXml=${encodeURIComponent(xml)} HTTP/1.1\r\nAccept: application/json\r\n\r\n`;
  const small = `<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' value='Northwind Traders'/></filter></entity></fetch>`;
  const huge = `<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' value='${'x'.repeat(70_000)}'/></filter></entity></fetch>`;
  const before = h.sim.store.snapshot();
  const r = await h.dv('POST', '/$batch', `${part(small)}${part(huge)}--b1--\r\n`, { 'Content-Type': 'multipart/mixed; boundary=b1' });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.text, /HTTP\/1\.1 200[\s\S]*"name":"Northwind Traders"/);
  assert.match(r.text, /HTTP\/1\.1 400[\s\S]*"code":"0x80040201"[\s\S]*longer than 65536/);
  assert.deepEqual(h.sim.store.snapshot(), before);
});

test('XML as tools write it: declaration, comments, FetchXML Builder attributes, CDATA and predefined entities in values; distinct', async () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- written by hand -->
<fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false" no-lock="true">
  <entity name="msdyn_timeentry">
    <attribute name="msdyn_duration" />
    <filter type="or">
      <condition attribute="msdyn_description" operator="in"><value><![CDATA[Review 100%]]></value><value>Design &amp; workshop</value><value>&#84;esting</value></condition>
    </filter>
  </entity>
</fetch>`;
  const r = await ok(get('msdyn_timeentries', xml));
  assert.deepEqual(durations(r), [120, 90]);
  const distinct = await ok(get('msdyn_timeentries', `<fetch distinct='true'><entity name='msdyn_timeentry'><attribute name='msdyn_project'/><order attribute='msdyn_project'/></entity></fetch>`));
  assert.equal(distinct.json.value.length, 2);
  assert.ok(distinct.json.value.every((e: Json) => !('msdyn_timeentryid' in e)), 'distinct rows carry only the selected columns');
  assert.deepEqual(new Set(distinct.json.value.map((e: Json) => e._msdyn_project_value)), new Set([c.projectId, p2]));
});
