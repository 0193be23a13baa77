/**
 * The package's API for other projects (issue 15): startSimulator(), fixtures in business terms, schema extensions
 * with custom columns and dual-write field pairs, faults, and many isolated instances in one process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionError, FixtureError, startSimulator, type Fixture, type RunningSimulator, type SchemaExtension } from '../simulator/api.js';
import { builtinTableMaps } from '../simulator/dualwrite/maps.js';

const json = async (r: Response): Promise<any> => r.json(); // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
const get = async (url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
  return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await json(r) : await r.text() };
};
const send = async (method: string, url: string, body: unknown): Promise<{ status: number; body: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(url, { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
};

const REGION: SchemaExtension = {
  publisher: { prefix: 'cr4a1', optionValuePrefix: 10000 },
  dataverse: {
    account: { cr4a1_region: { type: 'Picklist', options: [{ value: 100000000, label: 'North' }, { value: 100000001, label: 'South' }] } },
    invoice: { cr4a1_ponumber: { type: 'String', maxLength: 20 } },
  },
  finance: { ProjectInvoiceProposal: { CR4A1PONumber: { type: 'String', maxLength: 20 } } },
  dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_ponumber', finance: 'CR4A1PONumber' }],
};

const FIXTURE: Fixture = {
  legalEntities: [{ id: 'USPM', name: 'Contoso Robotics USA', currency: 'USD' }],
  salesTaxCodes: [{ legalEntity: 'USPM', code: 'SALES10', rate: 10, fromDate: '2026-01-01' }],
  salesTaxGroups: [{ legalEntity: 'USPM', id: 'US', codes: ['SALES10'] }],
  itemSalesTaxGroups: [{ legalEntity: 'USPM', id: 'SERVICE', codes: ['SALES10'] }],
  projectCategories: [{ legalEntity: 'USPM', id: 'Consulting', transactionType: 'Hour', itemSalesTaxGroup: 'SERVICE' }],
  customers: [{ id: 'adatum', name: 'Adatum', legalEntity: 'USPM', salesTaxGroup: 'US', columns: { cr4a1_region: 100000001 } }],
  projects: [{ id: 'p1', name: 'Rollout', customer: 'adatum' }],
  contracts: [{ id: 'c1', name: 'Rollout', customer: 'adatum', lines: [{ name: 'Rollout T&M', billingMethod: 'timeAndMaterial', project: 'p1', price: 100, cost: 50 }] }],
  work: [{ kind: 'time', project: 'p1', hours: 8, description: 'Day 1', journal: 'posted' }],
  invoices: [{ contract: 'c1', stage: 'draft' }],
};

test('startSimulator: a free port, the three URLs, a fixture seeded in business terms through the domain, reset back to it, stop', async () => {
  const sim = await startSimulator({ fixtures: [FIXTURE], schema: [REGION], clock: '2026-03-02T09:00:00Z' });
  try {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(sim.dataverseUrl, `${sim.url}/api/data/v9.2/`);
    assert.equal(sim.financeUrl, `${sim.url}/data/`);
    const inv = await get(`${sim.dataverseUrl}invoices?$select=invoicenumber,msdyn_projectinvoicestatus,totalamount`);
    assert.equal(inv.status, 200);
    assert.equal(inv.body.value.length, 1);
    assert.equal(inv.body.value[0].msdyn_projectinvoicestatus, 192350000, 'the invoice is a draft');
    assert.equal(Number(inv.body.value[0].totalamount), 800, '8 hours at 100');
    // Dual-write brought the legal entity to Dataverse; the journal was posted in Finance.
    assert.equal((await get(`${sim.dataverseUrl}cdm_companies?$select=cdm_companycode`)).body.value[0].cdm_companycode, 'USPM');
    const journals = await get(`${sim.financeUrl}ProjectIntegrationJournals?$select=Status`);
    assert.deepEqual(journals.body.value.map((j: { Status: string }) => j.Status), ['Posted']);

    // The fixture's custom column is stored, filterable and formatted with the extension's label.
    const acc = await get(`${sim.dataverseUrl}accounts?$select=name,cr4a1_region&$filter=cr4a1_region eq 100000001`, { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' });
    assert.equal(acc.status, 200);
    assert.equal(acc.body.value.length, 1);
    assert.equal(acc.body.value[0]['cr4a1_region@OData.Community.Display.V1.FormattedValue'], 'South');

    await send('POST', `${sim.dataverseUrl}accounts`, { name: 'Later' });
    assert.equal((await get(`${sim.dataverseUrl}accounts?$count=true&$top=0`)).body['@odata.count'], 2);
    await sim.reset();
    assert.equal((await get(`${sim.dataverseUrl}accounts?$count=true&$top=0`)).body['@odata.count'], 1, 'reset: back to the fixtures of the options');
    assert.equal((await get(`${sim.dataverseUrl}invoices?$count=true&$top=0`)).body['@odata.count'], 1);
  } finally {
    await sim.stop();
  }
  await assert.rejects(fetch(`${sim.url}/sim/health`), 'stopped: nothing listens any more');
});

test('seed(fixture): invoices at each stage of the flow; the result names the records by the fixture ids', async () => {
  const sim = await startSimulator();
  try {
    const result = await sim.seed({
      legalEntities: [{ id: 'DEMF', name: 'Contoso Germany', currency: 'EUR' }],
      salesTaxCodes: [{ legalEntity: 'DEMF', code: 'VAT19', rate: 19, fromDate: '2020-01-01' }],
      salesTaxGroups: [{ legalEntity: 'DEMF', id: 'DE', codes: ['VAT19'] }],
      itemSalesTaxGroups: [{ legalEntity: 'DEMF', id: 'FULL', codes: ['VAT19'] }],
      projectCategories: [{ legalEntity: 'DEMF', id: 'Beratung', transactionType: 'Hour', itemSalesTaxGroup: 'FULL' }],
      customers: [{ id: 'fab', name: 'Fabrikam GmbH', legalEntity: 'DEMF', salesTaxGroup: 'DE' }],
      projects: [{ id: 'a', name: 'A', customer: 'fab' }, { id: 'b', name: 'B', customer: 'fab' }, { id: 'c', name: 'C', customer: 'fab' }],
      contracts: ['a', 'b', 'c'].map((p) => ({ id: p, name: p, customer: 'fab', lines: [{ name: `${p} T&M`, billingMethod: 'timeAndMaterial' as const, project: p, price: 150, cost: 80 }] })),
      work: ['a', 'b', 'c'].map((p) => ({ kind: 'time' as const, project: p, hours: 4, journal: 'posted' as const })),
      invoices: [{ contract: 'a', stage: 'draft' }, { contract: 'b', stage: 'confirmed' }, { contract: 'c', stage: 'posted' }],
    });
    assert.deepEqual(Object.keys(result.invoices).sort(), ['a', 'b', 'c']);
    const status = async (id: string): Promise<number> => (await get(`${sim.dataverseUrl}invoices(${id})?$select=msdyn_projectinvoicestatus`)).body.msdyn_projectinvoicestatus;
    assert.equal(await status(String(result.invoices.a?.id)), 192350000);
    assert.equal(await status(String(result.invoices.b?.id)), 192350002);
    const proposals = await get(`${sim.financeUrl}ProjectInvoiceProposals?$select=ProposalId,Status&$orderby=ProposalId`);
    const byId = Object.fromEntries(proposals.body.value.map((p: { ProposalId: string; Status: string }) => [p.ProposalId, p.Status]));
    assert.equal(byId[String(result.invoices.b?.number)], 'Open');
    assert.equal(byId[String(result.invoices.c?.number)], 'Posted');
    assert.equal(byId[String(result.invoices.a?.number)], undefined, 'a draft is not synced');
    // The posted one was taxed by the customer's sales tax group and the category's item sales tax group: 4 h × 150 × 19 %.
    const invoice = await get(`${sim.financeUrl}CustomerInvoices?$filter=ProposalId eq '${String(result.invoices.c?.number)}'&$select=InvoiceAmount,SalesTaxAmount`);
    assert.deepEqual([invoice.body.value[0]?.InvoiceAmount, invoice.body.value[0]?.SalesTaxAmount], [600, 114]);
  } finally {
    await sim.stop();
  }
});

test('a bad fixture: every problem names the file, the JSON path and the reason; nothing is stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({
    customers: [{ id: 'x', name: 'X', legalEntity: 'USPM', colour: 'red' }],
    contracts: [{ id: 'k', name: 'K', customer: 'nobody', lines: [{ name: 'L', billingMethod: 'hourly' }] }],
    invoices: [{ contract: 'k', stage: 'sent' }],
  }));
  const sim = await startSimulator({ demo: true });
  try {
    const before = await get(`${sim.dataverseUrl}accounts?$count=true&$top=0`);
    const e = await sim.seed(file).then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof FixtureError, String(e));
    const paths = e.problems.map((p) => p.path);
    assert.deepEqual(paths.sort(), ['$.contracts[0].lines[0].billingMethod', '$.customers[0].colour', '$.invoices[0].stage'].sort());
    assert.ok(e.problems.every((p) => p.file === file));
    assert.match(e.message, /bad\.json at \$\.customers\[0\]\.colour: is not a property here/);
    assert.match(e.message, /\$\.invoices\[0\]\.stage: must be one of: draft, confirmed, posted/);
    assert.match(e.message, /nothing was stored/);

    // References are checked once the shape is right.
    const e2 = await sim.seed({ contracts: [{ id: 'k', name: 'K', customer: 'nobody', lines: [] }] }).then(() => undefined, (x: unknown) => x);
    assert.ok(e2 instanceof FixtureError);
    assert.deepEqual(e2.problems.map((p) => [p.path, p.key]), [['$.contracts[0].customer', 'unknownReference']]);

    // A fixture the domain refuses halfway (the second legal entity already exists) leaves nothing of its first part.
    const snapshot = JSON.stringify((await get(`${sim.financeUrl}LegalEntities?$select=LegalEntityId`)).body.value);
    const e3 = await sim.seed({ legalEntities: [{ id: 'ZZ01', name: 'New', currency: 'USD' }, { id: 'USPM', name: 'Again', currency: 'USD' }] }).then(() => undefined, (x: unknown) => x);
    assert.ok(e3 instanceof FixtureError, String(e3));
    assert.equal(e3.problems[0]?.path, '$.legalEntities[1]');
    assert.match(e3.message, /refused by the simulator/);
    assert.equal(JSON.stringify((await get(`${sim.financeUrl}LegalEntities?$select=LegalEntityId`)).body.value), snapshot, 'ZZ01 was rolled back');
    assert.equal((await get(`${sim.dataverseUrl}cdm_companies?$filter=cdm_companycode eq 'ZZ01'`)).body.value.length, 0, 'and its dual-written company too');
    assert.deepEqual((await get(`${sim.dataverseUrl}accounts?$count=true&$top=0`)).body['@odata.count'], before.body['@odata.count']);
  } finally {
    await sim.stop();
  }
});

test('custom columns: in $metadata and EntityDefinitions, validated, stored, queryable; a field pair carries one to Finance', async () => {
  const sim = await startSimulator({ fixtures: [FIXTURE], schema: [REGION] });
  try {
    const meta = (await get(`${sim.dataverseUrl}$metadata`)).body as string;
    assert.match(meta, /<EntityType Name="account"[^]*?<Property Name="cr4a1_region" Type="Edm.Int32"/);
    assert.match((await get(`${sim.financeUrl}$metadata`)).body as string, /<Property Name="CR4A1PONumber" Type="Edm.String" MaxLength="20"/);
    const def = await get(`${sim.dataverseUrl}EntityDefinitions(LogicalName='account')?$expand=Attributes`);
    const attr = def.body.Attributes.find((a: { LogicalName: string }) => a.LogicalName === 'cr4a1_region');
    assert.equal(attr.AttributeType, 'Picklist');
    assert.equal(attr.IsCustomAttribute, true);
    assert.equal(def.body.Attributes.find((a: { LogicalName: string }) => a.LogicalName === 'name').IsCustomAttribute, false);

    // Validated like any choice column: a value outside its options is refused with Dataverse's code.
    const bad = await send('POST', `${sim.dataverseUrl}accounts`, { name: 'Bad', cr4a1_region: 7 });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, '0x8004431A');
    const good = await send('POST', `${sim.dataverseUrl}accounts`, { name: 'Good', cr4a1_region: 100000000 });
    assert.equal(good.status, 204);
    const north = await get(`${sim.dataverseUrl}accounts?$select=name&$filter=cr4a1_region eq 100000000&$orderby=cr4a1_region desc`);
    assert.deepEqual(north.body.value.map((a: { name: string }) => a.name), ['Good']);
    const tooLong = await send('PATCH', `${sim.dataverseUrl}invoices(${(await get(`${sim.dataverseUrl}invoices?$select=invoiceid`)).body.value[0].invoiceid})`, { cr4a1_ponumber: 'x'.repeat(21) });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.code, '0x80044331');

    // The draft invoice gets a PO number; confirming it carries it to the proposal (pi_v2 with the extension's pair).
    const invoiceId = (await get(`${sim.dataverseUrl}invoices?$select=invoiceid`)).body.value[0].invoiceid;
    assert.equal((await send('PATCH', `${sim.dataverseUrl}invoices(${invoiceId})`, { cr4a1_ponumber: 'PO-4711' })).status, 204);
    assert.equal((await send('POST', `${sim.dataverseUrl}invoices(${invoiceId})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {})).status, 200);
    const proposal = await get(`${sim.financeUrl}ProjectInvoiceProposals?$select=ProposalId,CR4A1PONumber&$filter=CR4A1PONumber eq 'PO-4711'`);
    assert.equal(proposal.body.value.length, 1);
    assert.equal((await get(`${sim.url}/sim/maps`)).body.find((m: { id: string }) => m.id === 'pi_v2').fields.at(-1).finance, 'CR4A1PONumber');
  } finally {
    await sim.stop();
  }
});

test('many instances in one process are isolated: data, schema extensions, faults, clock', async () => {
  const plain = await startSimulator({ clock: '2026-01-01T00:00:00Z' });
  const extended = await startSimulator({ schema: [REGION], faults: { financeUnavailable: true }, clock: '2026-06-01T00:00:00Z' });
  try {
    assert.notEqual(plain.url, extended.url);
    const [a, b] = await Promise.all([get(`${plain.dataverseUrl}$metadata`), get(`${extended.dataverseUrl}$metadata`)]);
    assert.doesNotMatch(a.body as string, /cr4a1_region/, 'the plain instance has no custom column');
    assert.match(b.body as string, /cr4a1_region/);
    const refused = await send('POST', `${plain.dataverseUrl}accounts`, { name: 'X', cr4a1_region: 100000000 });
    assert.equal(refused.status, 400, 'an unknown property on the plain instance');
    assert.equal((await send('POST', `${extended.dataverseUrl}accounts`, { name: 'X', cr4a1_region: 100000000 })).status, 204);
    assert.equal((await get(`${plain.dataverseUrl}accounts?$count=true&$top=0`)).body['@odata.count'], 0);
    assert.deepEqual(extended.faults.current(), { financeUnavailable: true, failNext: {}, latencyMs: 0 });
    assert.equal(plain.faults.current().financeUnavailable, false);
    extended.faults.clear();
    assert.equal(extended.faults.current().financeUnavailable, false);
    assert.throws(() => plain.faults.set({ financeUnavaliable: true } as never), /badFaults|BadRequest/);
    assert.equal(await extended.clock.advance('P1D'), '2026-06-02T00:00:00Z');
    assert.equal(plain.clock.now(), '2026-01-01T00:00:00Z');
    await plain.maps.pause('actuals');
    assert.equal(plain.maps.state('actuals'), 'Paused');
    assert.equal(extended.maps.state('actuals'), 'Running');
    assert.equal(extended.maps.list().length, builtinTableMaps.length, 'every table map, in each instance');
  } finally {
    await Promise.all([plain.stop(), extended.stop()]);
  }
});

test('a bad schema extension is refused at start with every problem and its path; nothing starts', async () => {
  const bad = {
    publisher: { prefix: 'mscrmx' },
    dataverse: {
      account: { region: { type: 'Picklist', options: [] }, name: { type: 'String', maxLength: 10 } },
      nosuchtable: { cr4a1_x: { type: 'String', maxLength: 10 } },
    },
    finance: { ProjectInvoiceProposal: { Extra: { type: 'Lookup' } } },
  };
  const e = await startSimulator({ schema: [bad as unknown as SchemaExtension] }).then(async (s: RunningSimulator) => { await s.stop(); return undefined; }, (x: unknown) => x);
  assert.ok(e instanceof ExtensionError, String(e));
  assert.deepEqual(e.problems.map((p) => p.path).sort(), [
    '$.dataverse.account.name', '$.dataverse.account.region', '$.dataverse.account.region.options', '$.dataverse.nosuchtable',
    '$.finance.ProjectInvoiceProposal.Extra.type', '$.publisher.prefix',
  ]);
  assert.match(e.message, /schema extension \(extension\) was refused \(6 problem\(s\)\); the simulator did not start/);
  assert.match(e.message, /'mscrmx' is not a publisher prefix/);

  const dir = mkdtempSync(join(tmpdir(), 'ext-'));
  const file = join(dir, 'pairs.json');
  writeFileSync(file, JSON.stringify({
    publisher: { prefix: 'cr4a1', optionValuePrefix: 10000 },
    dataverse: { invoice: { cr4a1_region: { type: 'Picklist', options: [{ value: 5, label: 'Out of range' }] }, cr4a1_note: { type: 'String', maxLength: 5 } } },
    finance: { ProjectInvoiceProposal: { Note: { type: 'Integer' } } },
    dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_note', finance: 'Note' }],
  }));
  const e2 = await startSimulator({ schema: [file] }).then(async (s: RunningSimulator) => { await s.stop(); return undefined; }, (x: unknown) => x);
  assert.ok(e2 instanceof ExtensionError);
  assert.deepEqual(e2.problems.map((p) => [p.file, p.path, p.key]), [[file, '$.dataverse.invoice.cr4a1_region.options[0].value', 'optionOutOfRange']]);
  // Field pairs are checked once the columns are right.
  writeFileSync(file, JSON.stringify({
    publisher: { prefix: 'cr4a1' },
    dataverse: { invoice: { cr4a1_note: { type: 'String', maxLength: 5 } } },
    finance: { ProjectInvoiceProposal: { Note: { type: 'Integer' }, Note2: { type: 'String', maxLength: 5 } } },
    dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_note', finance: 'Note' }, { map: 'pi_v2', dataverse: 'name', finance: 'Note2' }],
  }));
  const e3 = await startSimulator({ schema: [file] }).then(async (s: RunningSimulator) => { await s.stop(); return undefined; }, (x: unknown) => x);
  assert.ok(e3 instanceof ExtensionError);
  assert.deepEqual(e3.problems.map((p) => [p.path, p.key]), [['$.dualWrite[0]', 'kindMismatch'], ['$.dualWrite[1].dataverse', 'notCustomColumn']]);
});

test('a file store keeps its data across restarts: the fixtures of the options go in once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pkg-file-'));
  const store = { file: join(dir, 'sim.json'), dataDir: dir };
  const first = await startSimulator({ store, fixtures: [FIXTURE], schema: [REGION] });
  await send('POST', `${first.dataverseUrl}accounts`, { name: 'Kept', cr4a1_region: 100000000 });
  await first.stop();
  const second = await startSimulator({ store, fixtures: [FIXTURE], schema: [REGION] });
  try {
    const names = (await get(`${second.dataverseUrl}accounts?$select=name,cr4a1_region&$orderby=name`)).body.value.map((a: { name: string; cr4a1_region: number }) => `${a.name}:${a.cr4a1_region}`);
    assert.deepEqual(names, ['Adatum:100000001', 'Kept:100000000']);
  } finally {
    await second.stop();
  }
});

// A choice on the invoice carried to a Finance enum on the proposal through a dual-write value map
// (dual-write/customizing-mappings.md: Finance value → Dataverse value), and an enum carried back to a choice.
const VALUE_MAP: SchemaExtension = {
  publisher: { prefix: 'cr4a1' },
  dataverse: {
    invoice: { cr4a1_billingregion: { type: 'Picklist', options: [{ value: 100000000, label: 'North' }, { value: 100000001, label: 'South' }] } },
    cdm_company: { cr4a1_tier: { type: 'Picklist', options: [{ value: 100000000, label: 'Gold' }, { value: 100000001, label: 'Silver' }] } },
  },
  finance: {
    ProjectInvoiceProposal: { CR4A1Region: { type: 'Enum', enumValues: [{ name: 'North', value: 0 }, { name: 'South', value: 1 }] } },
    LegalEntity: { CR4A1Tier: { type: 'Enum', enumValues: [{ name: 'Gold', value: 0 }, { name: 'Silver', value: 1 }] } },
  },
  dualWrite: [
    // Names as Microsoft's maps write them (lower camel case) and as declared; option values as text and as numbers.
    { map: 'pi_v2', dataverse: 'cr4a1_billingregion', finance: 'CR4A1Region', transforms: [{ transformType: 'ValueMap', valueMap: { north: '100000000', South: 100000001 } }] },
    { map: 'legal_entities', dataverse: 'cr4a1_tier', finance: 'CR4A1Tier', transforms: [{ transformType: 'ValueMap', valueMap: { gold: '100000000', silver: '100000001' } }] },
  ],
};

test('value map: a choice column reaches a Finance enum column (and an enum a choice), value by value', async () => {
  const sim = await startSimulator({ fixtures: [FIXTURE], schema: [REGION, VALUE_MAP] });
  try {
    const fo = (await get(`${sim.financeUrl}$metadata`)).body as string;
    assert.match(fo, /<Property Name="CR4A1Region" Type="Edm.String"/, 'a Finance enum travels by its value names, as the built-in enums');
    const pair = (await get(`${sim.url}/sim/maps`)).body.find((m: { id: string }) => m.id === 'pi_v2').fields.find((f: { finance: string }) => f.finance === 'CR4A1Region');
    assert.deepEqual(pair.transforms, [{ transformType: 'ValueMap', valueMap: { North: '100000000', South: '100000001' } }], 'the map as dual-write shows it, in the enum\'s spelling');

    const invoiceId = (await get(`${sim.dataverseUrl}invoices?$select=invoiceid`)).body.value[0].invoiceid;
    assert.equal((await send('PATCH', `${sim.dataverseUrl}invoices(${invoiceId})`, { cr4a1_billingregion: 100000001 })).status, 204);
    assert.equal((await send('POST', `${sim.dataverseUrl}invoices(${invoiceId})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {})).status, 200);
    const south = await get(`${sim.financeUrl}ProjectInvoiceProposals?$select=ProposalId,CR4A1Region&$filter=CR4A1Region eq 'South'`);
    assert.equal(south.body.value.length, 1);
    assert.equal(south.body.value[0].CR4A1Region, 'South');
    // The enum column takes only its values, as any Finance enum.
    const key = `dataAreaId='USPM',ProposalId='${south.body.value[0].ProposalId}'`;
    assert.equal((await send('PATCH', `${sim.financeUrl}ProjectInvoiceProposals(${key})`, { CR4A1Region: 'West' })).status, 400);

    // The other way: a legal entity's enum becomes its company's choice in Dataverse.
    assert.equal((await send('POST', `${sim.financeUrl}LegalEntities`, { LegalEntityId: 'DEMF', Name: 'Contoso Germany', AccountingCurrency: 'EUR', CR4A1Tier: 'Silver' })).status, 201);
    const company = await get(`${sim.dataverseUrl}cdm_companies?$select=cr4a1_tier&$filter=cdm_companycode eq 'DEMF'`);
    assert.equal(company.body.value[0].cr4a1_tier, 100000001);
  } finally {
    await sim.stop();
  }
});

test('value map: refused at start when it is missing, names an unknown enum value or option, leaves a value unmapped, or is not a ValueMap', async () => {
  const base = { publisher: { prefix: 'cr4a1' }, dataverse: VALUE_MAP.dataverse, finance: VALUE_MAP.finance };
  const refusal = async (ext: unknown): Promise<ExtensionError> => {
    const e = await startSimulator({ schema: [ext as SchemaExtension] }).then(async (s: RunningSimulator) => { await s.stop(); return undefined; }, (x: unknown) => x);
    assert.ok(e instanceof ExtensionError, String(e));
    return e;
  };
  const pi = (transforms?: unknown): unknown => ({ ...base, dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_billingregion', finance: 'CR4A1Region', ...(transforms === undefined ? {} : { transforms }) }] });

  const missing = await refusal(pi());
  assert.deepEqual(missing.problems.map((p) => [p.path, p.key]), [['$.dualWrite[0]', 'valueMapRequired']]);
  assert.match(missing.message, /the choice cr4a1_billingregion reaches the enum CR4A1Region only through a value map/);

  const wrong = await refusal(pi([{ transformType: 'ValueMap', valueMap: { North: '100000000', East: '100000001', South: '42' } }]));
  assert.deepEqual(wrong.problems.map((p) => [p.path, p.key]), [
    ['$.dualWrite[0].transforms[0].valueMap.East', 'unknownEnumValue'],
    ['$.dualWrite[0].transforms[0].valueMap.South', 'unknownOptionValue'],
  ]);
  assert.match(wrong.message, /at \$\.dualWrite\[0\]\.transforms\[0\]\.valueMap\.East: 'East' is not a value of the Finance enum; its values are: North, South/);

  const incomplete = await refusal(pi([{ transformType: 'ValueMap', valueMap: { North: '100000000' } }]));
  assert.deepEqual(incomplete.problems.map((p) => [p.path, p.key]), [['$.dualWrite[0].transforms[0].valueMap', 'unmappedOption']]);
  assert.match(incomplete.message, /has no entry for the option 100000001 \(South\)/);

  const ambiguous = await refusal(pi([{ transformType: 'ValueMap', valueMap: { North: '100000000', South: '100000000' } }]));
  assert.deepEqual(ambiguous.problems.map((p) => p.key), ['ambiguousValue', 'unmappedOption']);

  const other = await refusal(pi([{ transformType: 'Default', defaultValue: 'North' }]));
  assert.deepEqual(other.problems.map((p) => [p.path, p.key]), [['$.dualWrite[0].transforms[0].defaultValue', 'unknownProperty'], ['$.dualWrite[0].transforms[0].transformType', 'transformUnsupported']]);

  // Back to Dataverse, every value of the enum needs its option.
  const back = await refusal({ ...base, dualWrite: [{ map: 'legal_entities', dataverse: 'cr4a1_tier', finance: 'CR4A1Tier', transforms: [{ transformType: 'ValueMap', valueMap: { Gold: '100000000' } }] }] });
  assert.deepEqual(back.problems.map((p) => [p.path, p.key, p.params]), [['$.dualWrite[0].transforms[0].valueMap', 'unmappedEnumValue', { value: 'Silver' }]]);

  // A value map only between a choice and an enum; an enum column needs its values.
  const kinds = await refusal({
    publisher: { prefix: 'cr4a1' }, dataverse: { invoice: { cr4a1_note: { type: 'String', maxLength: 5 } } },
    finance: { ProjectInvoiceProposal: { Note: { type: 'String', maxLength: 5 }, Kind: { type: 'Enum' } } },
    dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_note', finance: 'Note', transforms: [{ transformType: 'ValueMap', valueMap: {} }] }],
  });
  assert.deepEqual(kinds.problems.map((p) => [p.path, p.key]), [['$.finance.ProjectInvoiceProposal.Kind.enumValues', 'noEnumValues']]);
  const kinds2 = await refusal({
    publisher: { prefix: 'cr4a1' }, dataverse: { invoice: { cr4a1_note: { type: 'String', maxLength: 5 } } },
    finance: { ProjectInvoiceProposal: { Note: { type: 'String', maxLength: 5 } } },
    dualWrite: [{ map: 'pi_v2', dataverse: 'cr4a1_note', finance: 'Note', transforms: [{ transformType: 'ValueMap', valueMap: {} }] }],
  });
  assert.deepEqual(kinds2.problems.map((p) => [p.path, p.key]), [['$.dualWrite[0].transforms', 'valueMapKinds']]);
});
