import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_TABLES, catalog } from '../simulator/schema/catalog.js';
import { parseReference } from '../scripts/schema/reference-md.js';
import { type Harness, type Json, FORMATTED, ok, rep, startSim } from './support/http.js';

/**
 * The column catalogue (simulator/schema/catalog/dataverse.json, generated from Microsoft's table references) and
 * what it brings over HTTP: documented columns created, read back, filtered, selected, validated and listed by
 * EntityDefinitions.
 */
let h: Harness;
let companyId: string;

before(async () => {
  h = await startSim();
  companyId = String((await ok(h.dv('POST', '/cdm_companies', { cdm_companycode: 'CATA', cdm_name: 'Catalogue Inc.' }, rep), 201)).json.cdm_companyid);
});
after(async () => { await h.close(); });

const TYPES = new Set(['String', 'Memo', 'Integer', 'Decimal', 'Double', 'Money', 'DateTime', 'Boolean', 'Picklist', 'State', 'Status', 'Uniqueidentifier', 'Lookup', 'Customer']);
const LEVELS = new Set(['None', 'SystemRequired', 'ApplicationRequired', 'Recommended']);

test('the catalogue covers every simulated table, names its source and holds facts only', () => {
  const c = catalog();
  assert.deepEqual(Object.keys(c.tables).sort(), [...CATALOG_TABLES].sort());
  for (const [name, t] of Object.entries(c.tables)) {
    if (t.source === null) {
      assert.equal(Object.keys(t.columns).length, 0, `${name}: no source, no columns`);
      continue;
    }
    assert.match(t.source.repository, /^[\w.-]+\/[\w.-]+$/, name);
    assert.equal(t.source.path.endsWith(`/${name}.md`), true, `${name}: ${t.source.path}`);
    assert.match(String(t.source.commit), /^[0-9a-f]{40}$/, name);
    assert.equal(Number.isNaN(Date.parse(String(t.source.commitDate))), false, name);
    assert.match(t.source.read, /^\d{4}-\d{2}-\d{2}$/, name);
    assert.ok(Object.keys(t.columns).length > 5, `${name} has columns`);
    for (const [col, d] of Object.entries(t.columns)) {
      const where = `${name}.${col}`;
      assert.match(col, /^[a-z0-9_]+$/, where);
      assert.ok(TYPES.has(d.type), `${where}: ${d.type}`);
      assert.ok(LEVELS.has(d.requiredLevel), `${where}: ${d.requiredLevel}`);
      assert.equal(typeof d.validForCreate, 'boolean', where);
      assert.equal(typeof d.validForUpdate, 'boolean', where);
      assert.deepEqual(Object.keys(d).filter((k) => /description|display/i.test(k)), [], `${where}: no Microsoft text`);
      if (d.type === 'String' || d.type === 'Memo') assert.ok(Number.isInteger(d.maxLength) && Number(d.maxLength) > 0, `${where}: max length`);
      if (['Picklist', 'State', 'Status'].includes(d.type)) {
        assert.ok(Array.isArray(d.options), `${where}: options (a reference may list none)`);
        for (const o of d.options ?? []) assert.ok(Number.isInteger(o.value) && o.label.length > 0, `${where}: ${JSON.stringify(o)}`);
      }
      if (d.type === 'Lookup' || d.type === 'Customer') {
        assert.ok((d.targets ?? []).length > 0 && (d.targets ?? []).every((x) => (CATALOG_TABLES as readonly string[]).includes(x)), `${where}: simulated targets`);
      }
    }
  }
  assert.equal(c.tables.cdm_company?.source, null, 'cdm_company has no generated reference in the source');
  const account = c.tables.account?.columns ?? {};
  assert.deepEqual({ type: account.telephone1?.type, maxLength: account.telephone1?.maxLength }, { type: 'String', maxLength: 50 });
  assert.equal(account.revenue?.type, 'Money');
  assert.equal(account.description?.type, 'Memo');
  assert.equal(account.revenue_base?.validForCreate, false);
});

test('the reader takes facts from both generations of reference pages', () => {
  // Synthetic pages in the two layouts (not Microsoft's text).
  const old = [
    '## Writable attributes', '', '### <a name="BKMK_Colour"></a> Colour', '', '|Property|Value|', '|--------|-----|', '|Description|x|',
    '|LogicalName|new_colour|', '|RequiredLevel|None|', '|Type|Picklist|', '', '#### Colour Options', '', '|Value|Label|', '|-----|-----|', '|1|Red|', '|2|Blue|', '',
    '### <a name="BKMK_StateCode"></a> StateCode', '', '|Property|Value|', '|--------|-----|', '|IsValidForCreate|False|', '|LogicalName|statecode|', '|RequiredLevel|SystemRequired|', '|Type|State|', '',
    '## Read-only attributes', '', '### <a name="BKMK_Total"></a> Total', '', '|Property|Value|', '|--------|-----|', '|LogicalName|new_total|', '|Precision|2|', '|RequiredLevel|None|', '|Type|Money|', '',
  ].join('\n');
  const r = parseReference(old);
  assert.deepEqual(r.columns.map((c) => [c.logicalName, c.type, c.validForCreate, c.validForUpdate]), [
    ['new_colour', 'Picklist', true, true], ['statecode', 'State', false, true], ['new_total', 'Money', false, false],
  ]);
  assert.deepEqual(r.columns[0]?.options, [{ value: 1, label: 'Red' }, { value: 2, label: 'Blue' }]);
  assert.equal(r.columns[2]?.precision, 2);
  const current = [
    '## Writable columns/attributes', '', '### <a name="BKMK_new_code"></a> new_code', '', '|Property|Value|', '|---|---|', '|Description|**x**|',
    '|LogicalName|`new_code`|', '|RequiredLevel|ApplicationRequired|', '|Type|String|', '|MaxLength|40|', '',
    '### <a name="BKMK_new_kind"></a> new_kind', '', '|Property|Value|', '|---|---|', '|LogicalName|`new_kind`|', '|RequiredLevel|None|', '|Type|Picklist|', '|GlobalChoiceName|`new_kinds`|', '',
    '#### new_kind Choices/Options', '', '|Value|Label|', '|---|---|', '|7|**Seven**|', '',
  ].join('\n');
  const c = parseReference(current);
  assert.deepEqual(c.columns[0], { logicalName: 'new_code', type: 'String', requiredLevel: 'ApplicationRequired', validForCreate: true, validForUpdate: true, maxLength: 40 });
  assert.deepEqual([c.columns[1]?.globalOptionSet, c.columns[1]?.options], ['new_kinds', [{ value: 7, label: 'Seven' }]]);
});

const documented = { telephone1: '+31 20 555 0100', revenue: 1250000.5, emailaddress1: 'ap@contoso.example', address1_city: 'Utrecht', description: 'Key account\nsince 2019' };

test('documented account columns are created, read back, filtered and selected over HTTP', async () => {
  const created = (await ok(h.dv('POST', '/accounts', { name: 'Contoso Catalogue', 'msdyn_company@odata.bind': `/cdm_companies(${companyId})`, ...documented }, rep), 201)).json;
  for (const [k, v] of Object.entries(documented)) assert.deepEqual(created[k], v, k);
  const id = String(created.accountid);
  const read = (await ok(h.dv('GET', `/accounts(${id})`))).json;
  for (const [k, v] of Object.entries(documented)) assert.deepEqual(read[k], v, k);
  const filtered = (await ok(h.dv('GET', `/accounts?$filter=${encodeURIComponent(`telephone1 eq '${documented.telephone1}' and address1_city eq 'Utrecht' and revenue gt 1000000`)}`))).json.value as Json[];
  assert.deepEqual(filtered.map((a) => a.accountid), [id]);
  assert.deepEqual((await ok(h.dv('GET', "/accounts?$filter=address1_city eq 'Rotterdam'"))).json.value, []);
  const selected = (await ok(h.dv('GET', `/accounts(${id})?$select=telephone1,revenue`))).json;
  assert.deepEqual(Object.keys(selected).filter((k) => !k.startsWith('@')).sort(), ['accountid', 'revenue', 'telephone1']);
  await ok(h.dv('PATCH', `/accounts(${id})`, { emailaddress1: 'billing@contoso.example', address1_city: null }), 204);
  const patched = (await ok(h.dv('GET', `/accounts(${id})?$select=emailaddress1,address1_city`))).json;
  assert.deepEqual([patched.emailaddress1, patched.address1_city], ['billing@contoso.example', null]);
  // statecode is valid for update (not for create) in the reference.
  await ok(h.dv('PATCH', `/accounts(${id})`, { statecode: 1, statuscode: 2 }), 204);
  assert.equal((await ok(h.dv('GET', `/accounts(${id})?$select=statecode`))).json.statecode, 1);
});

test('a too-long string, a value out of range, a wrong type and a write to a computed column are refused and change nothing', async () => {
  const id = String((await ok(h.dv('POST', '/accounts', { name: 'Refusals Ltd.', 'msdyn_company@odata.bind': `/cdm_companies(${companyId})` }, rep), 201)).json.accountid);
  const base = { name: 'Other', 'msdyn_company@odata.bind': `/cdm_companies(${companyId})` };
  // Codes: StringLengthTooLong, IntegerValueOutOfRange, DecimalValueOutOfRange, PicklistValueOutOfRange (Dataverse's
  // web service error codes); other payload errors 0x80048d19.
  const cases: { send: () => Promise<{ status: number; json: Json }>; code: string; message: RegExp }[] = [
    { send: () => h.dv('POST', '/accounts', { ...base, telephone1: 'x'.repeat(51) }), code: '0x80044331', message: /telephone1.*50/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { telephone1: 'x'.repeat(51) }), code: '0x80044331', message: /telephone1.*50/ },
    { send: () => h.dv('POST', '/accounts', { ...base, description: 'y'.repeat(2001) }), code: '0x80044331', message: /description.*2000/ },
    { send: () => h.dv('POST', '/accounts', { ...base, revenue: -1 }), code: '0x80044330', message: /revenue.*0.*100000000000000/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { numberofemployees: -5 }), code: '0x8004432F', message: /numberofemployees/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { accountcategorycode: 42 }), code: '0x8004431A', message: /accountcategorycode/ },
    { send: () => h.dv('POST', '/accounts', { ...base, revenue: 'a lot' }), code: '0x80048d19', message: /revenue.*Edm\.Decimal/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { numberofemployees: 12.5 }), code: '0x80048d19', message: /numberofemployees.*Edm\.Int32/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { creditonhold: 'yes' }), code: '0x80048d19', message: /creditonhold.*Edm\.Boolean/ },
    { send: () => h.dv('POST', '/accounts', { ...base, revenue_base: 10 }), code: '0x80048d19', message: /revenue_base/ },
    { send: () => h.dv('PATCH', `/accounts(${id})`, { address1_composite: 'Main St 1' }), code: '0x80048d19', message: /address1_composite/ },
    { send: () => h.dv('POST', '/accounts', { ...base, statecode: 1 }), code: '0x80048d19', message: /statecode/ },
  ];
  for (const c of cases) {
    const before = JSON.stringify(h.sim.store.snapshot());
    const r = await c.send();
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.error.code, c.code, String(r.json.error.message));
    assert.match(String(r.json.error.message), c.message);
    assert.equal(JSON.stringify(h.sim.store.snapshot()), before, 'nothing changed');
  }
});

test('EntityDefinitions lists the catalogue attributes with their types, lengths and validity', async () => {
  const def = (await ok(h.dv('GET', "/EntityDefinitions(LogicalName='account')?$expand=Attributes"))).json;
  const attr = (n: string): Json => (def.Attributes as Json[]).find((a) => a.LogicalName === n);
  assert.deepEqual([attr('telephone1').AttributeType, attr('telephone1').MaxLength], ['String', 50]);
  assert.equal(attr('revenue').AttributeType, 'Money');
  assert.equal(attr('description').AttributeType, 'Memo');
  assert.equal(attr('statecode').AttributeType, 'State');
  assert.deepEqual([attr('statecode').IsValidForCreate, attr('statecode').IsValidForUpdate], [false, true]);
  assert.deepEqual([attr('revenue_base').IsValidForCreate, attr('revenue_base').IsValidForUpdate], [false, false]);
  assert.deepEqual(attr('parentaccountid').Targets, ['account']);
  assert.equal(attr('name').RequiredLevel.Value, 'ApplicationRequired');
  assert.equal(attr('owneridname'), undefined, 'display names of lookups are no attributes');
});

test('catalogue option sets have formatted values with the reference labels', async () => {
  const c = catalog().tables.account?.columns.accountcategorycode;
  const option = c?.options?.[0];
  assert.ok(option);
  const id = String((await ok(h.dv('POST', '/accounts', { name: 'Labels BV', 'msdyn_company@odata.bind': `/cdm_companies(${companyId})`, accountcategorycode: option.value }, rep), 201)).json.accountid);
  for (const lang of ['en', 'de', 'nl']) {
    const r = (await ok(h.dv('GET', `/accounts(${id})?$select=accountcategorycode`, undefined, { Prefer: FORMATTED, 'Accept-Language': lang }))).json;
    assert.equal(r['accountcategorycode@OData.Community.Display.V1.FormattedValue'], option.label, lang);
  }
});

test('only what the server requires is required: an account without a name is stored', async () => {
  // account.name is ApplicationRequired in the reference: checked by forms, not by the Web API.
  const r = await ok(h.dv('POST', '/accounts', { 'msdyn_company@odata.bind': `/cdm_companies(${companyId})`, telephone1: '0800' }, rep), 201);
  assert.equal(r.json.name, null);
  // salesorderid is SystemRequired: a contract line without its contract is refused.
  const refused = await h.dv('POST', '/salesorderdetails', { productdescription: 'orphan', msdyn_billingmethod: 192350001 });
  assert.deepEqual([refused.status, refused.json.error.code], [400, '0x80048d19']);
  assert.match(String(refused.json.error.message), /salesorderid/);
});

test('the generator runs offline on a folder of reference pages and records their source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  try {
    // A synthetic page (not Microsoft's text) for one table; every other table has none.
    writeFileSync(join(dir, 'account.md'), ['## Writable attributes', '', '### <a name="BKMK_Phone"></a> Phone', '', '|Property|Value|', '|--------|-----|',
      '|Description|x|', '|LogicalName|new_phone|', '|RequiredLevel|None|', '|Type|String|', '|MaxLength|20|', '',
      '### <a name="BKMK_Owner"></a> Owner', '', '|Property|Value|', '|--------|-----|', '|LogicalName|ownerid|', '|RequiredLevel|SystemRequired|', '|Targets|systemuser,team|', '|Type|Owner|', ''].join('\n'));
    const out = join(dir, 'out.json');
    const commit = '0123456789abcdef0123456789abcdef01234567';
    execFileSync(process.execPath, ['--import', './register.mjs', 'scripts/schema/catalog.ts', '--dir', dir, '--repository', 'test/refs', '--commit', commit,
      '--commit-date', '2020-01-01T00:00:00Z', '--read', '2026-01-02', '--out', out], { cwd: new URL('..', import.meta.url), stdio: 'ignore' });
    const file = JSON.parse(readFileSync(out, 'utf8')) as Json;
    assert.deepEqual(file.tables.account.source, { repository: 'test/refs', path: 'ce/developer/entities/account.md', commit, commitDate: '2020-01-01T00:00:00Z', read: '2026-01-02' });
    assert.deepEqual(file.tables.account.columns, { new_phone: { type: 'String', requiredLevel: 'None', validForCreate: true, validForUpdate: true, maxLength: 20 } });
    assert.deepEqual(file.tables.account.omitted, { 'type Owner': 1 });
    assert.equal(file.tables.invoice.source, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
