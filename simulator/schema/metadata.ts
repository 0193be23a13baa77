/**
 * The `$metadata` documents of both APIs, described from the entity definitions that also drive
 * validation, `$filter` typing and `EntityDefinitions` (simulator/dataverse/entities.ts,
 * simulator/finance/entities.ts) and the bound actions (…/actions.ts). Whatever a definition holds is
 * declared; nothing here lists columns by hand. Each document is built once per process: it depends only on
 * static definitions (and an instance's schema extensions).
 *
 * Sources (MicrosoftDocs/powerapps-docs, powerapps/developer/data-platform/webapi/):
 * - query-metadata-web-api.md / web-api-service-documents.md "Service namespace": schema
 *   `Microsoft.Dynamics.CRM`, alias `mscrm`; entity types derive from the abstract `mscrm.crmbaseentity`.
 * - web-api-properties.md: strings are `Edm.String Unicode="false"`, money and decimals `Edm.Decimal
 *   Scale="Variable"`; choice (picklist) columns are `Edm.Int32` (their options are metadata, served by
 *   `EntityDefinitions`, not CSDL enum types); `versionnumber` is `Edm.Int64` (BigInt); date-only columns
 *   are `Edm.Date`, date and time `Edm.DateTimeOffset`.
 * - web-api-navigation-properties.md "Single-valued navigation properties": a lookup is a navigation
 *   property plus the `_<name>_value` lookup property, tied by a ReferentialConstraint.
 * - web-api-types-operations.md / reference: `WhoAmI` → `WhoAmIResponse` (BusinessUnitId, UserId,
 *   OrganizationId), `RetrieveVersion` → `RetrieveVersionResponse` (Version); bound operations take the
 *   binding parameter `entity`.
 * Finance (MicrosoftDocs/dynamics-365-unified-operations-public, articles/fin-ops-core/dev-itpro/data-entities/odata.md):
 * namespace `Microsoft.Dynamics.DataEntities` ("Using Enums"), container `Resources` (the client context class of
 * "Tips and tricks"), every key field required in the URL ("OData services"), bound actions ("Adding actions on
 * OData entities"). Convention: Finance's enumerations and NoYes booleans are sent by the simulator as strings and
 * JSON booleans, so they are declared as `Edm.String` and `Edm.Boolean`: the document declares what is sent.
 */
import type { EntityDef, FieldDef, FieldType } from '../schema.js';
import { dataverseByName, dataverseEntities } from '../dataverse/entities.js';
import { financeBySet, financeEntities } from '../finance/entities.js';
import { type SchemaSet, currentSchema } from './scope.js';
import { dataverseActionReturns, dataverseActions } from '../dataverse/actions.js';
import { financeActionReturns, financeActions } from '../finance/actions.js';
import {
  type CsdlAnnotation, type CsdlNavigation, type CsdlOperation, type CsdlProperty, type CsdlSchema, type CsdlStructured, writeCsdl,
} from './csdl.js';

export const CRM = 'Microsoft.Dynamics.CRM';
export const DATA_ENTITIES = 'Microsoft.Dynamics.DataEntities';

/**
 * Our own vocabulary: its one term marks a name Microsoft does not publish (a simulator field, our Finance
 * entity and collection names, our process log). Convention: a namespace of our own, so no client mistakes it
 * for a Microsoft term; declared in the document itself (docs/api.md "$metadata").
 */
export const SIM_VOCABULARY = 'PoInvoiceSim.V1';
export const SIM_TERM = `${SIM_VOCABULARY}.SimulatorName`;
const simMark: CsdlAnnotation = { term: SIM_TERM, bool: true };
const simSchema: CsdlSchema = {
  namespace: SIM_VOCABULARY,
  alias: 'Sim',
  terms: [{ name: 'SimulatorName', type: 'Edm.Boolean', defaultValue: 'true', appliesTo: 'EntityType ComplexType EntitySet Property NavigationProperty Action' }],
};
const marks = (sim: boolean | undefined): { annotations?: readonly CsdlAnnotation[] } => (sim ? { annotations: [simMark] } : {});

const EDM: Readonly<Record<FieldType, string>> = {
  string: 'Edm.String', memo: 'Edm.String', int: 'Edm.Int32', decimal: 'Edm.Decimal', double: 'Edm.Double', money: 'Edm.Decimal',
  bool: 'Edm.Boolean', datetime: 'Edm.DateTimeOffset', date: 'Edm.Date', guid: 'Edm.Guid', option: 'Edm.Int32', lookup: 'Edm.Guid',
};

/** The Edm type of a field: text-valued option sets (Finance) stay strings, as they are sent. */
function edmType(f: FieldDef): string {
  if (f.type === 'option' && f.options?.some((o) => typeof o === 'string')) return 'Edm.String';
  return EDM[f.type];
}

function scalarProperty(name: string, f: FieldDef, dataverse: boolean, key: boolean): CsdlProperty {
  // Int64: Dataverse's versionnumber (BigInt); Finance columns the Common Data Model page gives as int64 (finance.json).
  const type = (dataverse && name === 'versionnumber') || (!dataverse && f.type === 'int' && f.attributeType === 'int64') ? 'Edm.Int64' : edmType(f);
  return {
    name, type,
    ...(key ? { nullable: false } : {}),
    ...(type === 'Edm.Decimal' ? { scale: 'Variable' as const } : {}),
    ...(type === 'Edm.String' && dataverse ? { unicode: false as const } : {}),
    ...(type === 'Edm.String' && !dataverse && f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
    ...marks(f.sim),
  };
}

// ---------------------------------------------------------------- Dataverse

const mscrm = (name: string): string => `mscrm.${name}`;

function dataverseType(def: EntityDef): CsdlStructured {
  const properties: CsdlProperty[] = [];
  const navigation: CsdlNavigation[] = [];
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.type !== 'lookup') {
      properties.push(scalarProperty(name, f, true, def.key.includes(name)));
      continue;
    }
    properties.push({ name: `_${name}_value`, type: 'Edm.Guid', ...marks(f.sim) });
    const target = f.target === undefined ? undefined : dataverseByName.get(f.target);
    // A lookup to a table the simulator does not hold keeps its value property only: no type to point to.
    // Convention: the navigation property has the field's name, the name `$expand` accepts here (a customer
    // lookup's `customerid_account` is accepted for `@odata.bind` only).
    if (target) {
      navigation.push({
        name, type: mscrm(target.logicalName),
        constraint: { property: `_${name}_value`, referencedProperty: target.key[0] as string },
        ...marks(f.sim),
      });
    }
  }
  return { kind: 'EntityType', name: def.logicalName, baseType: mscrm('crmbaseentity'), key: def.key, properties, navigation };
}

/** The metadata types `EntityDefinitions` answers with (simulator/http/entity-definitions.ts), as Dataverse names them. */
const metadataTypes: readonly CsdlStructured[] = [
  { kind: 'ComplexType', name: 'LocalizedLabel', properties: [{ name: 'Label', type: 'Edm.String', unicode: false }, { name: 'LanguageCode', type: 'Edm.Int32', nullable: false }] },
  { kind: 'ComplexType', name: 'Label', properties: [{ name: 'LocalizedLabels', type: `Collection(${mscrm('LocalizedLabel')})`, nullable: false }, { name: 'UserLocalizedLabel', type: mscrm('LocalizedLabel') }] },
  {
    kind: 'ComplexType', name: 'AttributeRequiredLevelManagedProperty',
    properties: [{ name: 'Value', type: mscrm('AttributeRequiredLevel'), nullable: false }, { name: 'CanBeChanged', type: 'Edm.Boolean' }, { name: 'ManagedPropertyLogicalName', type: 'Edm.String', unicode: false }],
  },
  { kind: 'EntityType', name: 'MetadataBase', abstract: true, key: ['MetadataId'], properties: [{ name: 'MetadataId', type: 'Edm.Guid', nullable: false }, { name: 'HasChanged', type: 'Edm.Boolean' }] },
  {
    kind: 'EntityType', name: 'EntityMetadata', baseType: mscrm('MetadataBase'),
    properties: [
      ...['LogicalName', 'SchemaName', 'EntitySetName', 'LogicalCollectionName', 'PrimaryIdAttribute', 'PrimaryNameAttribute'].map((name): CsdlProperty => ({ name, type: 'Edm.String', unicode: false })),
      { name: 'DisplayName', type: mscrm('Label') }, { name: 'DisplayCollectionName', type: mscrm('Label') }, { name: 'IsCustomEntity', type: 'Edm.Boolean' },
    ],
    navigation: [{ name: 'Attributes', type: `Collection(${mscrm('AttributeMetadata')})`, containsTarget: true }],
  },
  {
    kind: 'EntityType', name: 'AttributeMetadata', baseType: mscrm('MetadataBase'),
    properties: [
      { name: 'LogicalName', type: 'Edm.String', unicode: false }, { name: 'AttributeType', type: mscrm('AttributeTypeCode') },
      { name: 'IsValidForCreate', type: 'Edm.Boolean' }, { name: 'IsValidForUpdate', type: 'Edm.Boolean' },
      { name: 'RequiredLevel', type: mscrm('AttributeRequiredLevelManagedProperty') }, { name: 'Description', type: mscrm('Label') },
      { name: 'IsCustomAttribute', type: 'Edm.Boolean' },
      // Dataverse declares Targets on LookupAttributeMetadata; the simulator sends it on the attribute itself.
      { name: 'Targets', type: 'Collection(Edm.String)', annotations: [simMark] },
      // Likewise MaxLength, which Dataverse declares on StringAttributeMetadata and MemoAttributeMetadata.
      { name: 'MaxLength', type: 'Edm.Int32', annotations: [simMark] },
    ],
  },
];

/** AttributeTypeCode and AttributeRequiredLevel, the enumerations of attribute metadata (Dataverse's values). */
const metadataEnums = [
  {
    name: 'AttributeTypeCode',
    members: ['Boolean', 'Customer', 'DateTime', 'Decimal', 'Double', 'Integer', 'Lookup', 'Memo', 'Money', 'Owner', 'PartyList', 'Picklist', 'State', 'Status', 'String', 'Uniqueidentifier', 'CalendarRules', 'Virtual', 'BigInt', 'ManagedProperty', 'EntityName']
      .map((name, value) => ({ name, value })),
  },
  { name: 'AttributeRequiredLevel', members: ['None', 'SystemRequired', 'ApplicationRequired', 'Recommended'].map((name, value) => ({ name, value })) },
];

/** The responses of the unbound functions clients call first. */
const functionResponses: readonly CsdlStructured[] = [
  { kind: 'ComplexType', name: 'WhoAmIResponse', properties: ['BusinessUnitId', 'UserId', 'OrganizationId'].map((name) => ({ name, type: 'Edm.Guid', nullable: false })) },
  { kind: 'ComplexType', name: 'RetrieveVersionResponse', properties: [{ name: 'Version', type: 'Edm.String', unicode: false }] },
];
const unboundFunctions: readonly CsdlOperation[] = ['WhoAmI', 'RetrieveVersion'].map((name) => ({
  kind: 'Function', name, bound: false, parameters: [], returnType: { type: mscrm(`${name}Response`), nullable: false },
}));

function dataverseOperations(): { operations: CsdlOperation[]; complex: CsdlStructured[] } {
  const operations: CsdlOperation[] = [];
  const complex = new Map<string, CsdlStructured>();
  for (const [set, actions] of Object.entries(dataverseActions)) {
    const def = dataverseEntities.find((d) => d.set === set);
    if (!def) throw new Error(`$metadata: actions of unknown entity set ${set}`);
    for (const name of Object.keys(actions)) {
      const ret = dataverseActionReturns[set]?.[name];
      if (!ret) throw new Error(`$metadata: no declared result for ${set}/${name}`);
      let type: string;
      if ('entity' in ret) {
        type = ret.collection ? `Collection(${mscrm(ret.entity)})` : mscrm(ret.entity);
      } else {
        type = mscrm(ret.complex);
        complex.set(ret.complex, {
          kind: 'ComplexType', name: ret.complex,
          properties: Object.entries(ret.properties).map(([p, t]) => ({ name: p, type: t === 'int' ? 'Edm.Int32' : 'Edm.String', ...(t === 'int' ? { nullable: false } : {}) })),
        });
      }
      operations.push({
        kind: 'Action', name, bound: true,
        // Qualified by namespace, not alias: the same type in CSDL, and odata2ts (0.34) binds only so.
        parameters: [{ name: 'entity', type: `${CRM}.${def.logicalName}`, nullable: false }],
        returnType: { type, nullable: false },
      });
    }
  }
  return { operations, complex: [...complex.values()] };
}

function dataverseDocument(): string {
  const { operations, complex } = dataverseOperations();
  const crm: CsdlSchema = {
    namespace: CRM,
    alias: 'mscrm',
    enums: metadataEnums,
    types: [
      { kind: 'EntityType', name: 'crmbaseentity', abstract: true, properties: [] },
      ...dataverseEntities.map(dataverseType),
      ...metadataTypes, ...functionResponses, ...complex,
    ],
    operations: [...operations, ...unboundFunctions],
    container: {
      name: 'System',
      entitySets: [
        ...dataverseEntities.map((def) => ({
          name: def.set, entityType: mscrm(def.logicalName),
          bindings: Object.entries(def.fields).flatMap(([name, f]) => {
            const target = f.type === 'lookup' && f.target !== undefined ? dataverseByName.get(f.target) : undefined;
            return target ? [{ path: name, target: target.set }] : [];
          }),
        })),
        { name: 'EntityDefinitions', entityType: mscrm('EntityMetadata') },
      ],
      functionImports: unboundFunctions.map((f) => ({ name: f.name, function: `${CRM}.${f.name}` })),
    },
  };
  return writeCsdl({ schemas: [crm, simSchema] });
}

// ---------------------------------------------------------------- Finance

const fo = (name: string): string => `${DATA_ENTITIES}.${name}`;

/** The process log every Finance action answer carries (`log`), a type of our own. */
const processLogTypes: readonly CsdlStructured[] = [
  { kind: 'ComplexType', name: 'ProcessLogParams', openType: true, properties: [], annotations: [simMark] },
  {
    kind: 'ComplexType', name: 'ProcessLogEntry', annotations: [simMark],
    properties: [{ name: 'level', type: 'Edm.String', nullable: false }, { name: 'key', type: 'Edm.String', nullable: false }, { name: 'params', type: fo('ProcessLogParams') }],
  },
];

function financeType(def: EntityDef, carriesLog: boolean): CsdlStructured {
  const properties = Object.entries(def.fields).map(([name, f]) => scalarProperty(name, f, false, def.key.includes(name)));
  // The records an action returns are answered with the action's process log beside their properties.
  if (carriesLog) properties.push({ name: 'log', type: `Collection(${fo('ProcessLogEntry')})`, annotations: [simMark] });
  // Microsoft does not publish these entities under these names (simulator/finance/entities.ts).
  return { kind: 'EntityType', name: def.logicalName, key: def.key, properties, annotations: [simMark] };
}

function financeDocument(): string {
  const returned = new Set(Object.values(financeActionReturns).flatMap((acts) => Object.values(acts).map((r) => r.set)));
  const operations: CsdlOperation[] = [];
  for (const [set, actions] of Object.entries(financeActions)) {
    const def = financeBySet.get(set);
    if (!def) throw new Error(`$metadata: actions of unknown collection ${set}`);
    for (const name of Object.keys(actions)) {
      const ret = financeActionReturns[set]?.[name];
      const retDef = ret ? financeBySet.get(ret.set) : undefined;
      if (!retDef) throw new Error(`$metadata: no declared result for ${set}/${name}`);
      // The binding parameter is named after the entity (odata.md "Adding actions on OData entities").
      operations.push({
        kind: 'Action', name, bound: true,
        parameters: [{ name: def.logicalName, type: fo(def.logicalName), nullable: false }],
        returnType: { type: fo(retDef.logicalName), nullable: false },
        annotations: [simMark],
      });
    }
  }
  const schema: CsdlSchema = {
    namespace: DATA_ENTITIES,
    types: [...financeEntities.map((def) => financeType(def, returned.has(def.set))), ...processLogTypes],
    operations,
    container: {
      name: 'Resources',
      entitySets: financeEntities.map((def) => ({ name: def.set, entityType: fo(def.logicalName), annotations: [simMark] })),
    },
  };
  return writeCsdl({ schemas: [schema, simSchema] });
}

// ---------------------------------------------------------------- cache

const builtin = new Map<'dataverse' | 'finance', string>();
const extended = new WeakMap<SchemaSet, Map<'dataverse' | 'finance', string>>();

/**
 * The `$metadata` document of an API: built on first use, then the same string for the life of the process (one per
 * schema: an instance with schema extensions has its own).
 */
export function metadataDocument(api: 'dataverse' | 'finance'): string {
  const schema = currentSchema();
  let cache = schema ? extended.get(schema) : builtin;
  if (!cache) extended.set(schema as SchemaSet, (cache = new Map()));
  let doc = cache.get(api);
  if (doc === undefined) {
    doc = api === 'dataverse' ? dataverseDocument() : financeDocument();
    cache.set(api, doc);
  }
  return doc;
}
