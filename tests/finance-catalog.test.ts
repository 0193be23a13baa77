import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FINANCE_CATALOG_TABLES, ODATA_NAME, financeCatalog, typeDiffers } from '../simulator/schema/finance-catalog.js';
import { foEntity } from '../simulator/finance/entities.js';
import { parseCdmTable } from '../scripts/schema/cdm-md.js';
import { type Harness, type Json, type Res, confirm, createInvoice, list, ok, setUpContract, startSim } from './support/http.js';

/**
 * The Finance staging tables' column catalogue (simulator/schema/catalog/finance.json, generated from Microsoft's
 * Common Data Model table pages) and what it brings over HTTP: every documented column declared, returned,
 * selectable and filterable, while client writes stay refused.
 */
let h: Harness;
let rows: Record<string, Json[]>;

before(async () => {
  h = await startSim();
  const c = await setUpContract(h);
  const draft = await createInvoice(h, c.contractId);
  await ok(confirm(h, String(draft.invoiceid)));
  rows = {
    ProjCDSActualsImport: await list(h.fo, '/ProjCDSActualsImports?cross-company=true'),
    ProjCDSTransactionRelationshipImport: await list(h.fo, '/ProjCDSTransactionRelationshipImports?cross-company=true'),
  };
});
after(async () => { await h.close(); });

const SET: Record<string, string> = { ProjCDSActualsImport: 'ProjCDSActualsImports', ProjCDSTransactionRelationshipImport: 'ProjCDSTransactionRelationshipImports' };
const FORMATS = new Set(['string', 'guid', 'int32', 'int64', 'decimal', 'date', 'dateTime', 'boolean']);
const odata = (doc: string): string => ODATA_NAME[doc] ?? doc;
const documented = (table: string): string[] => Object.keys(financeCatalog().tables[table]?.columns ?? {}).map(odata);

test('the Finance catalogue covers the staging tables, names its source and holds facts only', () => {
  const c = financeCatalog();
  assert.equal(c.generatedBy, 'scripts/schema/finance-catalog.ts');
  assert.deepEqual(Object.keys(c.tables).sort(), [...FINANCE_CATALOG_TABLES].sort());
  for (const [name, t] of Object.entries(c.tables)) {
    assert.equal(t.source.repository, 'MicrosoftDocs/common-data-model-and-service', name);
    assert.match(t.source.path, /^common-data-model\/schema\/core\/operationsCommon\/Tables\/.+\.md$/, name);
    assert.equal(t.source.path.endsWith(`/${name}.md`), true, name);
    assert.match(t.source.commit, /^[0-9a-f]{40}$/, name);
    assert.equal(Number.isNaN(Date.parse(t.source.commitDate)), false, name);
    assert.match(t.source.read, /^\d{4}-\d{2}-\d{2}$/, name);
    for (const [col, d] of Object.entries(t.columns)) {
      assert.match(col, /^[A-Za-z][A-Za-z0-9_]*$/, `${name}.${col}`);
      assert.ok(FORMATS.has(d.dataFormat), `${name}.${col}: ${d.dataFormat}`);
      assert.deepEqual(Object.keys(d).filter((k) => /description|display/i.test(k)), [], `${name}.${col}: no Microsoft text`);
    }
  }
  const actuals = c.tables.ProjCDSActualsImport?.columns ?? {};
  // The documented names domain.md relies on.
  for (const n of ['ActualsImportId', 'ActualId', 'AccountingDate', 'AdjustmentStatus', 'Amount', 'AmountMST', 'BillingStatusId', 'BillingType', 'ContractId', 'ContractLine',
    'IsProcessed', 'IntegrationCount', 'IsDuplicate', 'CustomerAccountNumber', 'VoucherNumber', 'SalesTaxAmount', 'AccountingAmount', 'InvoiceProposalId', 'InvoiceProposalLineTransId', 'DataAreaId']) {
    assert.ok(actuals[n], `ProjCDSActualsImport.${n} documented`);
  }
  assert.deepEqual(actuals.ActualId, { dataFormat: 'guid', isNullable: true });
  assert.deepEqual(actuals.RecId, { dataFormat: 'int64', isReadOnly: true, isPrimaryKey: true });
  assert.equal(actuals.Relationship_ProjProposalJourRelationshipId?.linkedEntity, 'ProjProposalJour');
  assert.deepEqual(Object.keys(c.tables.ProjCDSTransactionRelationshipImport?.columns ?? {}),
    ['RecId', 'TransactionRelationshipId', 'ConnectionId', 'Transaction1Id', 'Transaction1Role', 'Transaction1Type', 'Transaction2Id', 'Transaction2Role', 'Transaction2Type']);
  assert.match(String(c.notes.DataAreaId), /dataAreaId/, 'the case difference is explained');
});

test('the reader takes the facts of a Common Data Model page and none of its text', () => {
  // A synthetic page in the layout of the Common Data Model table pages (not Microsoft's text).
  const md = [
    '# Widget in Somewhere(WidgetTable)', '', '## Attributes', '',
    '### <a href=#WidgetId name="WidgetId">WidgetId</a>', '', '#### Properties', '',
    '<table><tr><th>Name</th><th>Value</th></tr><tr><td>displayName</td><td>Widget id</td></tr><tr><td>dataFormat</td><td>guid</td></tr><tr><td>isNullable</td><td>true</td></tr></table>', '',
    '### <a href=#Code name="Code">Code</a>', '', '#### Properties', '',
    '<table><tr><th>Name</th><th>Value</th></tr><tr><td>dataFormat</td><td>string</td></tr><tr><td>maximumLength</td><td>20</td></tr><tr><td>isReadOnly</td><td>true</td></tr></table>', '',
    '### <a href=#Owner_Id name="Owner_Id">Owner_Id</a>', '', '#### Properties', '',
    '<table><tr><th>Name</th><th>Value</th></tr><tr><td>dataFormat</td><td>guid</td></tr></table>', '',
    '**is.linkedEntity.identifier**  ', '<a href="x">/core/x/Owners.cdm.json/Owners</a>', '',
  ].join('\n');
  const r = parseCdmTable(md);
  assert.equal(r.name, 'WidgetTable');
  assert.deepEqual(r.columns, [
    { name: 'WidgetId', dataFormat: 'guid', isNullable: true },
    { name: 'Code', dataFormat: 'string', isReadOnly: true, maximumLength: 20 },
    { name: 'Owner_Id', dataFormat: 'guid', linkedEntity: 'Owners' },
  ]);
});

test('the staging entities declare every documented column, read-only; our own columns are marked sim', () => {
  for (const table of FINANCE_CATALOG_TABLES) {
    const def = foEntity(table);
    for (const n of documented(table)) {
      assert.ok(def.fields[n], `${table}.${n} declared`);
      assert.equal(def.fields[n]?.readOnly, true, `${table}.${n} read-only`);
      assert.notEqual(def.fields[n]?.sim, true, `${table}.${n} is documented`);
    }
    const own = Object.keys(def.fields).filter((n) => !documented(table).includes(n) && n !== 'dataAreaId');
    assert.deepEqual(own.filter((n) => def.fields[n]?.sim !== true), [], `${table}: undocumented columns are sim`);
    assert.equal(def.fields.DataAreaId, undefined, 'the OData name dataAreaId, not a second column');
  }
  assert.deepEqual(Object.keys(foEntity('ProjCDSActualsImport').fields).filter((n) => foEntity('ProjCDSActualsImport').fields[n]?.sim), ['JournalId', 'JournalPosted']);
  // New columns take the page's type; where the domain already fills a column, ours decides (the dual-write map
  // writes enum names and NoYes as booleans). Pinned so that a change is seen.
  const a = foEntity('ProjCDSActualsImport').fields;
  assert.deepEqual([a.IsDuplicate?.type, a.RecId?.type, a.ExchangeRateDate?.type, a.UnitPriceMST?.type, a.TaskId?.type], ['int', 'int', 'date', 'decimal', 'guid']);
  assert.deepEqual(Object.keys(typeDiffers('ProjCDSActualsImport', a)).sort(),
    ['ActualsImportId', 'AdjustmentStatus', 'BillingStatusId', 'BillingType', 'ContractLine', 'IsJournalized', 'IsProcessed', 'TransType', 'TransactionClassification'].sort());
  assert.deepEqual(typeDiffers('ProjCDSTransactionRelationshipImport', foEntity('ProjCDSTransactionRelationshipImport').fields), {});
});

/** An OData literal for a value of a field in a $filter. */
function literal(type: string, v: unknown): string {
  if (v === null) return 'null';
  if (type === 'string') return `'${String(v).replace(/'/g, "''")}'`;
  return String(v);
}

test('every documented staging column is returned on GET, selectable, orderable and filterable', async () => {
  for (const table of FINANCE_CATALOG_TABLES) {
    const set = SET[table] as string;
    const def = foEntity(table);
    const got = rows[table] ?? [];
    assert.ok(got.length > 0, `${set}: the flow created rows`);
    const row = got[0] as Json;
    for (const n of documented(table)) {
      assert.ok(n in row, `${set}: ${n} returned`);
      const sel = await ok(h.fo('GET', `/${set}?cross-company=true&$select=${n}`));
      const first = (sel.json.value as Json[])[0] as Json;
      // The key properties come along with a $select (as they do elsewhere in this simulator's Finance API).
      assert.deepEqual(Object.keys(first).filter((k) => !k.startsWith('@')).sort(), [...new Set([n, ...def.key])].sort(), `${set}: $select=${n}`);
      assert.deepEqual(first[n], row[n], `${set}: $select=${n} value`);
      await ok(h.fo('GET', `/${set}?cross-company=true&$orderby=${n} desc`));
      const filter = `${n} eq ${literal(def.fields[n]?.type ?? 'string', row[n])}`;
      const r: Res = await h.fo('GET', `/${set}?cross-company=true&$filter=${encodeURIComponent(filter)}`);
      assert.equal(r.status, 200, `${set}: $filter=${filter}: ${r.text.slice(0, 300)}`);
      const keys = (r.json.value as Json[]).map((x) => def.key.map((k) => String(x[k])).join('|'));
      assert.ok(keys.includes(def.key.map((k) => String(row[k])).join('|')), `${set}: $filter=${filter} finds the row`);
    }
  }
  // Columns the domain fills carry its values; the ones it does not are null.
  const cost = (rows.ProjCDSActualsImport ?? []).find((r) => r.TransType === 'Cost') as Json;
  assert.equal(cost.Amount, 800);
  assert.equal(cost.IsDuplicate, null);
  assert.equal(cost.RecId, null);
  const rel = (rows.ProjCDSTransactionRelationshipImport ?? [])[0] as Json;
  assert.equal(typeof rel.RelationshipId, 'string');
  assert.equal(rel.TransactionRelationshipId, null);
});

test('a client write to a staging table is still refused in Finance\'s error shape and changes nothing', async () => {
  const row = (rows.ProjCDSActualsImport ?? [])[0] as Json;
  const key = `(dataAreaId='${String(row.dataAreaId)}',ActualsImportId='${String(row.ActualsImportId)}')`;
  const before = JSON.stringify(h.sim.store.snapshot());
  const writes: Res[] = [
    await h.fo('POST', '/ProjCDSActualsImports', { dataAreaId: 'USPM', ActualsImportId: 'x', IsDuplicate: 1 }),
    await h.fo('PATCH', `/ProjCDSActualsImports${key}?cross-company=true`, { IsDuplicate: 1 }),
    await h.fo('PATCH', `/ProjCDSActualsImports${key}?cross-company=true`, { ExternalReference: 'x' }),
    await h.fo('DELETE', `/ProjCDSActualsImports${key}?cross-company=true`),
  ];
  for (const r of writes) {
    assert.equal(r.status, 400, r.text.slice(0, 300));
    assert.deepEqual(Object.keys(r.json), ['error']);
    assert.deepEqual([r.json.error.code, r.json.error.message, r.json.error.innererror.type], ['', 'An error has occurred.', 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException']);
  }
  assert.equal(JSON.stringify(h.sim.store.snapshot()), before, 'nothing changed');
});

test('$metadata declares the documented staging columns with their Edm types', async () => {
  const r = await ok(h.fo('GET', '/$metadata'));
  const type = /<EntityType Name="ProjCDSActualsImport">(.*?)<\/EntityType>/s.exec(r.text)?.[1] ?? '';
  assert.ok(type.length > 0, 'entity type present');
  for (const n of documented('ProjCDSActualsImport')) assert.match(type, new RegExp(`<Property Name="${n}" `), n);
  assert.match(type, /<Property Name="RecId" Type="Edm.Int64"/);
  assert.match(type, /<Property Name="IsDuplicate" Type="Edm.Int32"/);
  assert.match(type, /<Property Name="ExchangeRateDate" Type="Edm.Date"/);
});
