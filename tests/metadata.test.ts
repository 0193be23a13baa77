import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Harness, type Json, FORMATTED, ok, setUpContract, startSim, createInvoice } from './support/http.js';
import { dataverseEntities } from '../simulator/dataverse/entities.js';
import { financeEntities } from '../simulator/finance/entities.js';
import { dataverseActionReturns, dataverseActions } from '../simulator/dataverse/actions.js';
import { financeActionReturns, financeActions } from '../simulator/finance/actions.js';

/** `$metadata` of both APIs (simulator/schema/metadata.ts) checked against what the same server answers. */
let h: Harness;
const docs: Record<'dv' | 'fo', { text: string; res: Response }> = {} as never;

const REPEATED = new Set(['Schema', 'EntityType', 'ComplexType', 'EnumType', 'Member', 'Property', 'NavigationProperty', 'PropertyRef', 'Action', 'Function',
  'Parameter', 'EntitySet', 'NavigationPropertyBinding', 'FunctionImport', 'Annotation', 'Term', 'ReferentialConstraint']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name) });

/** The parsed document: its schemas by namespace, and lookups used by the tests. */
interface Model {
  readonly schemas: Json[];
  type(qualified: string): Json | undefined;
  /** Declared structural and navigation property names of an entity type, its base types included. */
  names(qualified: string): Set<string>;
  container(): Json;
}

function model(text: string): Model {
  const schemas: Json[] = parser.parse(text)['edmx:Edmx']['edmx:DataServices'].Schema;
  const resolve = (q: string): [Json, string] => {
    const dot = q.lastIndexOf('.');
    const ns = q.slice(0, dot);
    return [schemas.find((s) => s.Namespace === ns || s.Alias === ns), q.slice(dot + 1)];
  };
  const type = (q: string): Json | undefined => {
    const [s, name] = resolve(q);
    return [...(s?.EntityType ?? []), ...(s?.ComplexType ?? [])].find((t: Json) => t.Name === name);
  };
  const names = (q: string): Set<string> => {
    const out = new Set<string>();
    for (let t = type(q); t; t = t.BaseType ? type(t.BaseType) : undefined) {
      for (const p of [...(t.Property ?? []), ...(t.NavigationProperty ?? [])]) out.add(p.Name);
    }
    return out;
  };
  const container = (): Json => schemas.find((s) => s.EntityContainer)?.EntityContainer;
  return { schemas, type, names, container };
}

const SIM_TERM = 'PoInvoiceSim.V1.SimulatorName';
const marked = (x: Json): boolean => (x.Annotation ?? []).some((a: Json) => a.Term === SIM_TERM && a.Bool === 'true');

before(async () => {
  h = await startSim();
  await h.reset(true);
  // The demo data plus one invoice flow of our own, so every table has rows to walk.
  const c = await setUpContract(h, { company: 'MDTA', createCompany: true });
  await createInvoice(h, c.contractId);
  for (const [k, path] of [['dv', '/api/data/v9.2/$metadata'], ['fo', '/data/$metadata']] as const) {
    const res = await fetch(h.url + path);
    docs[k] = { res, text: await res.text() };
  }
});
after(async () => { await h.close(); });

test('both documents are well-formed CSDL XML, served as application/xml with OData-Version 4.0', () => {
  for (const k of ['dv', 'fo'] as const) {
    const { res, text } = docs[k];
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get('content-type')), /^application\/xml\b/);
    assert.equal(res.headers.get('odata-version'), '4.0');
    assert.equal(XMLValidator.validate(text), true);
    const root = parser.parse(text)['edmx:Edmx'];
    assert.equal(root.Version, '4.0');
  }
  const dv = model(docs.dv.text);
  assert.ok(dv.schemas.some((s) => s.Namespace === 'Microsoft.Dynamics.CRM' && s.Alias === 'mscrm'));
  assert.equal(dv.container().Name, 'System');
  const fo = model(docs.fo.text);
  assert.ok(fo.schemas.some((s) => s.Namespace === 'Microsoft.Dynamics.DataEntities'));
});

test('every entity set of the service document is in the container, with its entity type declared', async () => {
  for (const [k, svc] of [['dv', '/api/data/v9.2/'], ['fo', '/data/']] as const) {
    const m = model(docs[k].text);
    const sets = new Map<string, string>(m.container().EntitySet.map((s: Json) => [s.Name, s.EntityType]));
    const listed = (await ok(h.raw('GET', svc))).json.value as Json[];
    assert.ok(listed.length > 0);
    for (const s of listed) {
      assert.ok(sets.has(s.name), `${k}: ${s.name} in the container`);
      assert.ok(m.type(String(sets.get(s.name))), `${k}: type of ${s.name} declared`);
    }
    assert.equal(sets.size, listed.length, `${k}: nothing in the container that the service document lacks`);
  }
});

test('every property a GET returns is declared in its entity type', async () => {
  const dv = model(docs.dv.text);
  let walked = 0;
  for (const def of dataverseEntities) {
    const r = await ok(h.dv('GET', `/${def.set}`, undefined, { Prefer: `${FORMATTED},odata.include-annotations="*"` }));
    const declared = dv.names(`Microsoft.Dynamics.CRM.${def.logicalName}`);
    for (const rec of r.json.value as Json[]) {
      walked++;
      for (const key of Object.keys(rec)) if (!key.includes('@')) assert.ok(declared.has(key), `${def.set}: ${key} declared`);
    }
  }
  const fo = model(docs.fo.text);
  for (const def of financeEntities) {
    const r = await ok(h.fo('GET', `/${def.set}?cross-company=true`));
    const declared = fo.names(`Microsoft.Dynamics.DataEntities.${def.logicalName}`);
    for (const rec of r.json.value as Json[]) {
      walked++;
      for (const key of Object.keys(rec)) if (!key.includes('@')) assert.ok(declared.has(key), `${def.set}: ${key} declared`);
    }
  }
  assert.ok(walked > 100, `walked ${walked} records`);
  // Expanded lookups are declared navigation properties.
  const expanded = await ok(h.dv('GET', '/msdyn_actuals?$top=1&$expand=msdyn_project($select=msdyn_subject),msdyn_accountcustomer'));
  const actual = expanded.json.value[0] as Json;
  assert.ok(actual.msdyn_project && dv.names('Microsoft.Dynamics.CRM.msdyn_actual').has('msdyn_project'));
  // EntityDefinitions with its attributes.
  const defs = await ok(h.dv('GET', "/EntityDefinitions(LogicalName='account')?$expand=Attributes"));
  const entityProps = dv.names('Microsoft.Dynamics.CRM.EntityMetadata');
  for (const key of Object.keys(defs.json)) if (!key.startsWith('@')) assert.ok(entityProps.has(key), `EntityMetadata.${key} declared`);
  const attrProps = dv.names('Microsoft.Dynamics.CRM.AttributeMetadata');
  for (const a of defs.json.Attributes as Json[]) for (const key of Object.keys(a)) assert.ok(attrProps.has(key), `AttributeMetadata.${key} declared`);
});

test('keys: Dataverse by its id, Finance by its composite key in order', () => {
  const dv = model(docs.dv.text);
  for (const def of dataverseEntities) {
    const t = dv.type(`mscrm.${def.logicalName}`);
    assert.deepEqual(t.Key.PropertyRef.map((p: Json) => p.Name), [`${def.logicalName}id`]);
    assert.equal(t.BaseType, 'mscrm.crmbaseentity');
  }
  const fo = model(docs.fo.text);
  for (const def of financeEntities) {
    const t = fo.type(`Microsoft.Dynamics.DataEntities.${def.logicalName}`);
    assert.deepEqual(t.Key.PropertyRef.map((p: Json) => p.Name), [...def.key]);
    for (const k of def.key) assert.equal(t.Property.find((p: Json) => p.Name === k).Nullable, 'false');
  }
  assert.deepEqual(fo.type('Microsoft.Dynamics.DataEntities.ProjectInvoiceProposal').Key.PropertyRef.map((p: Json) => p.Name), ['dataAreaId', 'ProposalId']);
});

test('types: Edm types of the field types, lookups as a navigation property with its _x_value', () => {
  const dv = model(docs.dv.text);
  const prop = (type: string, name: string): Json => dv.type(type).Property.find((p: Json) => p.Name === name);
  assert.equal(prop('mscrm.msdyn_actual', 'msdyn_amount').Type, 'Edm.Decimal');
  assert.equal(prop('mscrm.msdyn_actual', 'msdyn_amount').Scale, 'Variable');
  assert.equal(prop('mscrm.msdyn_actual', 'msdyn_accountingdate').Type, 'Edm.Date');
  assert.equal(prop('mscrm.msdyn_actual', 'createdon').Type, 'Edm.DateTimeOffset');
  assert.equal(prop('mscrm.msdyn_actual', 'msdyn_transactiontypecode').Type, 'Edm.Int32');
  assert.equal(prop('mscrm.msdyn_actual', 'versionnumber').Type, 'Edm.Int64');
  assert.equal(prop('mscrm.account', 'name').Type, 'Edm.String');
  let lookups = 0;
  const sets = new Map<string, Json>(dv.container().EntitySet.map((s: Json) => [s.Name, s]));
  for (const def of dataverseEntities) {
    const t = dv.type(`mscrm.${def.logicalName}`);
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.type !== 'lookup') continue;
      lookups++;
      assert.equal(t.Property.find((p: Json) => p.Name === `_${name}_value`)?.Type, 'Edm.Guid', `${def.logicalName}._${name}_value`);
      assert.equal(t.Property.find((p: Json) => p.Name === name), undefined, 'a lookup is not a structural property');
      const target = dataverseEntities.find((d) => d.logicalName === f.target);
      if (!target) continue;
      const nav = t.NavigationProperty.find((n: Json) => n.Name === name);
      assert.equal(nav?.Type, `mscrm.${target.logicalName}`, `${def.logicalName}.${name}`);
      assert.deepEqual(nav.ReferentialConstraint, [{ Property: `_${name}_value`, ReferencedProperty: `${target.logicalName}id` }]);
      assert.ok(sets.get(def.set).NavigationPropertyBinding.some((b: Json) => b.Path === name && b.Target === target.set));
    }
  }
  assert.ok(lookups > 20);
});

test('bound actions on the right types with their results; WhoAmI and RetrieveVersion with their responses', () => {
  const dv = model(docs.dv.text);
  const crm = dv.schemas.find((s) => s.Namespace === 'Microsoft.Dynamics.CRM');
  assert.deepEqual(Object.keys(dataverseActionReturns).sort(), Object.keys(dataverseActions).sort());
  let count = 0;
  for (const [set, actions] of Object.entries(dataverseActions)) {
    assert.deepEqual(Object.keys(dataverseActionReturns[set] ?? {}).sort(), Object.keys(actions).sort());
    const def = dataverseEntities.find((d) => d.set === set);
    for (const name of Object.keys(actions)) {
      const found = (crm.Action as Json[]).filter((a) => a.Name === name && a.IsBound === 'true' && a.Parameter[0].Type === `Microsoft.Dynamics.CRM.${String(def?.logicalName)}`);
      assert.equal(found.length, 1, `${set}/${name}`);
      assert.equal(found[0].Parameter[0].Name, 'entity');
      count++;
    }
  }
  assert.equal(count, 15); // + submit, recall, cancel approval, approve recall (time entries), confirm contract (issue 12 part 3)
  const approve = (crm.Action as Json[]).find((a) => a.Name === 'msdyn_ApproveTimeEntry');
  assert.equal(approve.ReturnType.Type, 'Collection(mscrm.msdyn_actual)');
  const contractReady = (crm.Action as Json[]).find((a) => a.Name === 'msdyn_MarkReadyToInvoice' && a.Parameter[0].Type.endsWith('.salesorder'));
  assert.deepEqual(dv.type(contractReady.ReturnType.Type).Property.map((p: Json) => [p.Name, p.Type]), [['Count', 'Edm.Int32']]);

  for (const [fn, props] of [['WhoAmI', ['BusinessUnitId', 'UserId', 'OrganizationId']], ['RetrieveVersion', ['Version']]] as const) {
    const f = (crm.Function as Json[]).find((x) => x.Name === fn);
    assert.equal(f.IsBound, undefined, `${fn} is unbound`);
    assert.equal(f.ReturnType.Type, `mscrm.${fn}Response`);
    assert.deepEqual(dv.type(f.ReturnType.Type).Property.map((p: Json) => p.Name), [...props]);
    assert.ok(dv.container().FunctionImport.some((i: Json) => i.Name === fn && i.Function === `Microsoft.Dynamics.CRM.${fn}`));
  }

  const fo = model(docs.fo.text);
  const ns = fo.schemas.find((s) => s.Namespace === 'Microsoft.Dynamics.DataEntities');
  for (const [set, actions] of Object.entries(financeActions)) {
    const def = financeEntities.find((d) => d.set === set);
    for (const name of Object.keys(actions)) {
      const a = (ns.Action as Json[]).find((x) => x.Name === name && x.Parameter[0].Type === `Microsoft.Dynamics.DataEntities.${String(def?.logicalName)}`);
      const ret = financeEntities.find((d) => d.set === financeActionReturns[set]?.[name]?.set);
      assert.equal(a?.ReturnType.Type, `Microsoft.Dynamics.DataEntities.${String(ret?.logicalName)}`, `${set}/${name}`);
    }
  }
});

test('our own names carry our annotation, declared as a term; Microsoft names do not', () => {
  const dv = model(docs.dv.text);
  assert.ok(dv.schemas.some((s) => (s.Term ?? []).some((t: Json) => `${String(s.Namespace)}.${String(t.Name)}` === SIM_TERM)));
  let sims = 0;
  for (const def of dataverseEntities) {
    const t = dv.type(`mscrm.${def.logicalName}`);
    for (const [name, f] of Object.entries(def.fields)) {
      const p = t.Property.find((x: Json) => x.Name === (f.type === 'lookup' ? `_${name}_value` : name));
      assert.equal(marked(p), f.sim === true, `${def.logicalName}.${name}`);
      if (f.sim) sims++;
    }
    assert.equal(marked(t), false, `${def.logicalName} is Microsoft's name`);
  }
  assert.ok(sims > 5);
  const fo = model(docs.fo.text);
  assert.ok(fo.schemas.some((s) => (s.Term ?? []).some((t: Json) => `${String(s.Namespace)}.${String(t.Name)}` === SIM_TERM)));
  for (const def of financeEntities) {
    const t = fo.type(`Microsoft.Dynamics.DataEntities.${def.logicalName}`);
    assert.ok(marked(t), `${def.logicalName}: our name`);
    for (const [name, f] of Object.entries(def.fields)) assert.equal(marked(t.Property.find((x: Json) => x.Name === name)), f.sim === true, `${def.logicalName}.${name}`);
  }
  assert.ok(fo.container().EntitySet.every(marked));
});

test('$metadata refuses what it does not implement', async () => {
  const post = await h.dv('POST', '/$metadata', {});
  assert.equal(post.status, 405);
  const annotated = await h.dv('GET', '/$metadata?annotations=true');
  assert.equal(annotated.status, 400);
  assert.equal(annotated.json.error.code, '0x80060888');
  const fo = await h.fo('GET', '/$metadata?x=1');
  assert.equal(fo.status, 400);
  // Inside $batch, the same route answers.
  const boundary = 'batch_meta';
  const body = `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET $metadata HTTP/1.1\r\n\r\n--${boundary}--\r\n`;
  const batch = await h.raw('POST', '/api/data/v9.2/$batch', body, { 'Content-Type': `multipart/mixed; boundary=${boundary}` });
  assert.equal(batch.status, 200);
  assert.match(batch.text, /HTTP\/1\.1 200[\s\S]*<edmx:Edmx/);
});

test('@odata.context: column list after $select, /$entity for one entity, expanded navigation in the list', async () => {
  const base = `${h.url}/api/data/v9.2/$metadata`;
  const account = (await ok(h.dv('GET', '/accounts?$top=1'))).json.value[0] as Json;
  const ctx = async (path: string): Promise<string> => String((await ok(h.dv('GET', path))).json['@odata.context']);
  assert.equal(await ctx('/accounts'), `${base}#accounts`);
  assert.equal(await ctx('/accounts?$select=name,accountnumber'), `${base}#accounts(name,accountnumber)`);
  assert.equal(await ctx(`/accounts(${String(account.accountid)})`), `${base}#accounts/$entity`);
  assert.equal(await ctx(`/accounts(${String(account.accountid)})?$select=name`), `${base}#accounts(name)/$entity`);
  assert.equal(await ctx('/accounts?$select=name&$expand=msdyn_company($select=cdm_name,cdm_companycode)'), `${base}#accounts(name,msdyn_company(cdm_name,cdm_companycode))`);
  assert.equal(await ctx('/accounts?$select=name&$expand=msdyn_company'), `${base}#accounts(name,msdyn_company())`);
  const created = await ok(h.dv('POST', '/accounts?$select=name', { name: 'Context Ltd.', 'msdyn_company@odata.bind': `/cdm_companies(${String(account._msdyn_company_value)})` }, { Prefer: 'return=representation' }), 201);
  assert.equal(created.json['@odata.context'], `${base}#accounts(name)/$entity`);
  const fo = await ok(h.fo('GET', '/ProjectInvoiceProposals?cross-company=true&$select=ProposalId'));
  assert.equal(fo.json['@odata.context'], `${h.url}/data/$metadata#ProjectInvoiceProposals(ProposalId)`);
});
