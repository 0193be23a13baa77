/**
 * Schema extensions: a user's own columns on the simulated tables, as a Project Operations environment has them
 * (e.g. `cr4a1_region` on account or invoice), and dual-write field pairs that carry them to a Finance column.
 *
 * An extension file is checked as a whole at start; a bad one is refused with every problem (file, JSON path,
 * reason: locales/<lng>/errors.json `extension.*`) and the simulator does not start. A good one yields the instance's
 * schema (scope.ts): the built-in definitions with the columns added, read by validation, `$select`/`$filter`,
 * `$metadata`, `EntityDefinitions`, formatted values and the dual-write runtime like any other column.
 *
 * Sources:
 * - Publisher prefix: 2 to 8 alphanumeric characters, not starting with "mscrm"; option value prefix 10,000–99,999
 *   (MicrosoftDocs/dynamics-365-customer-engagement ce/developer/create-export-import-unmanaged-solution.md, "Create a
 *   solution publisher"; powerapps-docs powerapps-docs/developer/data-platform/reference/entities/publisher.md,
 *   CustomizationPrefix MaxLength 8, CustomizationOptionValuePrefix 10000–99999). The prefix is added to the logical
 *   name of the columns a publisher creates: `<prefix>_<name>`.
 * - Column types are the reference's type names, the ones the catalogue uses (schema/catalog.ts).
 * - Value maps: a column mapping may carry transforms; the `ValueMap` transform lists, per value in the finance and
 *   operations app, the value in Dataverse, as JSON `[{ "transformType": "ValueMap", "valueMap": { "<Finance value>":
 *   "<Dataverse value>" } }]` (MicrosoftDocs/dynamics-365-unified-operations-public articles/fin-ops-core/dev-itpro/
 *   data-entities/dual-write/customizing-mappings.md, "Customize column mappings, add transforms, and enable
 *   filtering"). Microsoft's own maps carry enums to option sets so, naming the enum value in lower camel case
 *   (`legalEntity` : `192350003`, dual-write/mapping-reference.md, e.g. "CDS Parties"): the names are matched
 *   without regard to case.
 * Conventions: logical names are lower case (as every logical name in the references); a custom choice's values lie
 * in the publisher's option value range (prefix × 10,000 … + 9,999) when the extension gives the option value prefix;
 * a field pair goes the way its map already carries rows (to Finance for maps Dataverse masters, to Dataverse for
 * legal entities). Without a transform both columns must be of the same kind; a choice (Picklist) reaches a Finance
 * enum only through a value map, and the map must be complete for the way it goes (every option of the choice, or
 * every value of the enum, has its counterpart; a Dataverse value named twice in a map to Finance is ambiguous), so
 * that no value is ever dropped on the way: an incomplete map is refused at start. The simulator carries `ValueMap`
 * transforms only; `Default` (a value when the source has none) is refused at start as not simulated.
 */
import { readFileSync } from 'node:fs';
import type { EntityDef, FieldDef, FieldType } from '../schema.js';
import { type CatalogColumn, toField } from './catalog.js';
import type { SchemaSet } from './scope.js';
import { builtinDataverseEntities } from '../dataverse/entities.js';
import { builtinFinanceEntities } from '../finance/entities.js';
import { type FieldPair, type MapId, SyncDirection, type TableMap, type ValueMapTransform, builtinTableMaps } from '../dualwrite/maps.js';
import { type FileProblem, ProblemList, describeProblems } from '../file-problems.js';

export interface ColumnSpec {
  readonly type: string;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly requiredLevel?: 'None' | 'Recommended' | 'ApplicationRequired';
  /** DateTime only: `DateOnly` (an Edm.Date) or `UserLocal` (the default, Edm.DateTimeOffset). */
  readonly dateTimeBehavior?: 'DateOnly' | 'UserLocal' | 'TimeZoneIndependent';
  /** Picklist only. */
  readonly options?: readonly { readonly value: number; readonly label: string }[];
  /** Finance `Enum` only: the enum's values, as the AOT declares them (name and integer value). */
  readonly enumValues?: readonly { readonly name: string; readonly value: number }[];
}



export interface SchemaExtension {
  readonly publisher: { readonly prefix: string; readonly optionValuePrefix?: number };
  /** Dataverse table logical name → custom column logical name → column. */
  readonly dataverse?: Readonly<Record<string, Readonly<Record<string, ColumnSpec>>>>;
  /** Finance entity name → column name → column. */
  readonly finance?: Readonly<Record<string, Readonly<Record<string, ColumnSpec>>>>;
  /** Field pairs added to the dual-write table maps. */
  readonly dualWrite?: readonly { readonly map: MapId; readonly dataverse: string; readonly finance: string; readonly transforms?: readonly ValueMapTransform[] }[];
}

export type { ValueMapTransform };

/** A schema extension that was refused; the simulator does not start with it. */
export class ExtensionError extends Error {
  constructor(readonly file: string, readonly problems: readonly FileProblem[]) {
    super(describeProblems('extension', file, problems));
    this.name = 'ExtensionError';
  }
}

export function readExtensionFile(file: string): SchemaExtension {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ExtensionError(file, [{ file, path: '$', key: 'unreadable', params: { detail } }]);
  }
  checkExtension(data, file);
  return data as SchemaExtension;
}

const DV_TYPES = ['String', 'Memo', 'Integer', 'Decimal', 'Double', 'Money', 'Boolean', 'DateTime', 'Picklist'] as const;
const FO_TYPES = ['String', 'Integer', 'Decimal', 'Boolean', 'DateTime', 'Enum'] as const;
const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
const FO_NAME = /^[A-Za-z][A-Za-z0-9_]{0,80}$/;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks an extension; throws ExtensionError listing every problem. */
export function checkExtension(data: unknown, file = '(extension)'): asserts data is SchemaExtension {
  const p = new ProblemList(file);
  const unknownKeys = (o: Obj, path: string, allowed: readonly string[]): void => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) p.at(`${path}.${k}`, 'unknownProperty', { expected: allowed.join(', ') });
  };
  if (!isObj(data)) throw new ExtensionError(file, [{ file, path: '$', key: 'type', params: { type: 'object' } }]);
  unknownKeys(data, '$', ['$schema', 'description', 'publisher', 'dataverse', 'finance', 'dualWrite']);

  let prefix = '';
  let optionPrefix: number | undefined;
  const pub = data.publisher;
  if (!isObj(pub)) p.at('$.publisher', 'missing');
  else {
    unknownKeys(pub, '$.publisher', ['prefix', 'optionValuePrefix']);
    if (typeof pub.prefix !== 'string' || !PREFIX.test(pub.prefix) || pub.prefix.startsWith('mscrm')) p.at('$.publisher.prefix', 'badPrefix', { value: String(pub.prefix) });
    else prefix = pub.prefix;
    if (pub.optionValuePrefix !== undefined) {
      if (!isInt(pub.optionValuePrefix) || pub.optionValuePrefix < 10_000 || pub.optionValuePrefix > 99_999) p.at('$.publisher.optionValuePrefix', 'badOptionValuePrefix');
      else optionPrefix = pub.optionValuePrefix;
    }
  }

  const column = (c: unknown, path: string, types: readonly string[], dataverse: boolean): void => {
    if (!isObj(c)) { p.at(path, 'type', { type: 'object' }); return; }
    unknownKeys(c, path, dataverse ? ['type', 'maxLength', 'minValue', 'maxValue', 'requiredLevel', 'dateTimeBehavior', 'options'] : ['type', 'maxLength', 'dateTimeBehavior', 'enumValues']);
    if (typeof c.type !== 'string' || !types.includes(c.type)) { p.at(`${path}.type`, 'oneOf', { values: types.join(', ') }); return; }
    const text = c.type === 'String' || c.type === 'Memo';
    if (text && (!isInt(c.maxLength) || c.maxLength < 1)) p.at(`${path}.maxLength`, 'positiveInteger');
    if (!text && c.maxLength !== undefined) p.at(`${path}.maxLength`, 'notForType', { type: c.type });
    for (const k of ['minValue', 'maxValue'] as const) {
      if (c[k] === undefined) continue;
      if (!['Integer', 'Decimal', 'Double', 'Money'].includes(c.type)) p.at(`${path}.${k}`, 'notForType', { type: c.type });
      else if (typeof c[k] !== 'number' || !Number.isFinite(c[k])) p.at(`${path}.${k}`, 'type', { type: 'number' });
    }
    if (c.requiredLevel !== undefined && !['None', 'Recommended', 'ApplicationRequired'].includes(String(c.requiredLevel))) p.at(`${path}.requiredLevel`, 'oneOf', { values: 'None, Recommended, ApplicationRequired' });
    if (c.dateTimeBehavior !== undefined) {
      if (c.type !== 'DateTime') p.at(`${path}.dateTimeBehavior`, 'notForType', { type: c.type });
      else if (!['DateOnly', 'UserLocal', 'TimeZoneIndependent'].includes(String(c.dateTimeBehavior))) p.at(`${path}.dateTimeBehavior`, 'oneOf', { values: 'DateOnly, UserLocal, TimeZoneIndependent' });
    }
    if (c.type !== 'Enum' && c.enumValues !== undefined) p.at(`${path}.enumValues`, 'notForType', { type: c.type });
    if (c.type === 'Enum') {
      if (!Array.isArray(c.enumValues) || c.enumValues.length === 0) { p.at(`${path}.enumValues`, 'noEnumValues'); return; }
      const names = new Set<string>();
      const values = new Set<number>();
      c.enumValues.forEach((o: unknown, i: number) => {
        const op = `${path}.enumValues[${i}]`;
        if (!isObj(o)) { p.at(op, 'type', { type: 'object' }); return; }
        unknownKeys(o, op, ['name', 'value']);
        if (typeof o.name !== 'string' || !FO_NAME.test(o.name)) p.at(`${op}.name`, 'badFinanceName');
        else if (names.has(o.name.toLowerCase())) p.at(`${op}.name`, 'duplicate', { id: o.name });
        else names.add(o.name.toLowerCase());
        if (!isInt(o.value) || o.value < 0 || o.value > 255) p.at(`${op}.value`, 'enumValue');
        else if (values.has(o.value)) p.at(`${op}.value`, 'duplicate', { id: String(o.value) });
        else values.add(o.value);
      });
      return;
    }
    if (c.type !== 'Picklist') {
      if (c.options !== undefined) p.at(`${path}.options`, 'notForType', { type: c.type });
      return;
    }
    if (!Array.isArray(c.options) || c.options.length === 0) { p.at(`${path}.options`, 'noOptions'); return; }
    const seen = new Set<number>();
    c.options.forEach((o: unknown, i: number) => {
      const op = `${path}.options[${i}]`;
      if (!isObj(o)) { p.at(op, 'type', { type: 'object' }); return; }
      unknownKeys(o, op, ['value', 'label']);
      if (!isInt(o.value) || o.value < -2_147_483_648 || o.value > 2_147_483_647) p.at(`${op}.value`, 'type', { type: 'Int32' });
      else if (seen.has(o.value)) p.at(`${op}.value`, 'duplicate', { id: String(o.value) });
      else {
        seen.add(o.value);
        if (optionPrefix !== undefined && (o.value < optionPrefix * 10_000 || o.value > optionPrefix * 10_000 + 9_999)) {
          p.at(`${op}.value`, 'optionOutOfRange', { from: optionPrefix * 10_000, to: optionPrefix * 10_000 + 9_999 });
        }
      }
      if (typeof o.label !== 'string' || o.label.trim() === '') p.at(`${op}.label`, 'type', { type: 'text' });
    });
  };

  const side = (key: 'dataverse' | 'finance'): void => {
    const tables = data[key];
    if (tables === undefined) return;
    if (!isObj(tables)) { p.at(`$.${key}`, 'type', { type: 'object' }); return; }
    const defs = key === 'dataverse' ? builtinDataverseEntities : builtinFinanceEntities;
    for (const [table, cols] of Object.entries(tables)) {
      const tp = `$.${key}.${table}`;
      const def = defs.find((d) => d.logicalName === table);
      if (!def) { p.at(tp, 'unknownTable', { names: defs.map((d) => d.logicalName).join(', ') }); continue; }
      if (!isObj(cols)) { p.at(tp, 'type', { type: 'object' }); continue; }
      for (const [name, c] of Object.entries(cols)) {
        const cp = `${tp}.${name}`;
        if (Object.hasOwn(def.fields, name) || (key === 'dataverse' && def.fields[name.replace(/^_(.*)_value$/, '$1')] !== undefined)) p.at(cp, 'exists', { table });
        else if (key === 'dataverse' && (!prefix || !name.startsWith(`${prefix}_`) || !/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(name))) p.at(cp, 'badColumnName', { prefix: prefix || '<prefix>' });
        else if (key === 'finance' && !FO_NAME.test(name)) p.at(cp, 'badFinanceName');
        column(c, cp, key === 'dataverse' ? DV_TYPES : FO_TYPES, key === 'dataverse');
      }
    }
  };
  side('dataverse');
  side('finance');

  const pairs = data.dualWrite;
  if (pairs !== undefined) {
    if (!Array.isArray(pairs)) p.at('$.dualWrite', 'type', { type: 'list' });
    else if (p.problems.length === 0) {
      // Checked against the extended schema, so only once the columns themselves are right.
      const set = buildSchema([data as unknown as SchemaExtension]); // its columns are checked above
      pairs.forEach((pair: unknown, i: number) => {
        const pp = `$.dualWrite[${i}]`;
        if (!isObj(pair)) { p.at(pp, 'type', { type: 'object' }); return; }
        unknownKeys(pair, pp, ['map', 'dataverse', 'finance', 'transforms']);
        const map = set.mapById.get(pair.map as MapId);
        if (!map) { p.at(`${pp}.map`, 'oneOf', { values: builtinTableMaps.map((m) => m.id).join(', ') }); return; }
        const dvField = set.dataverseByName.get(map.dataverse)?.fields[String(pair.dataverse)];
        const foField = set.financeByName.get(map.finance)?.fields[String(pair.finance)];
        if (!dvField?.custom) p.at(`${pp}.dataverse`, 'notCustomColumn', { table: map.dataverse });
        if (!foField?.custom) p.at(`${pp}.finance`, 'notCustomColumn', { table: map.finance });
        if (dvField?.custom && foField?.custom) {
          const valueMapped = dvField.type === 'option' && foField.attributeType === 'Enum';
          if (pair.transforms !== undefined) checkValueMaps(p, pp, pair.transforms, dvField, foField, map.master === 'dataverse' ? 'toFinance' : 'toDataverse');
          else if (valueMapped) p.at(pp, 'valueMapRequired', { dataverse: String(pair.dataverse), finance: String(pair.finance) });
          else if (kind(dvField) !== kind(foField)) p.at(pp, 'kindMismatch', { dataverse: dvField.attributeType ?? dvField.type, finance: foField.attributeType ?? foField.type });
        }
        if (map.fields.filter((f) => f.finance === pair.finance).length > 1) p.at(`${pp}.finance`, 'alreadyMapped', { map: map.id });
      });
    }
  }
  if (p.problems.length) throw new ExtensionError(file, p.problems);
}

/**
 * A pair's `transforms`: one ValueMap from a choice to a Finance enum, whose every entry names a value of the enum and
 * an option of the choice, complete for the way the map goes (see the conventions above).
 */
function checkValueMaps(p: ProblemList, pp: string, transforms: unknown, dv: FieldDef, fo: FieldDef, way: 'toFinance' | 'toDataverse'): void {
  const tp = `${pp}.transforms`;
  if (!Array.isArray(transforms) || transforms.length === 0) { p.at(tp, 'type', { type: 'list' }); return; }
  if (!(dv.type === 'option' && fo.attributeType === 'Enum')) { p.at(tp, 'valueMapKinds', { dataverse: dv.attributeType ?? dv.type, finance: fo.attributeType ?? fo.type }); return; }
  if (transforms.length > 1) p.at(tp, 'oneValueMap');
  const t: unknown = transforms[0];
  const at = `${tp}[0]`;
  if (!isObj(t)) { p.at(at, 'type', { type: 'object' }); return; }
  unknownKeys(p, t, at, ['transformType', 'valueMap']);
  if (t.transformType !== 'ValueMap') { p.at(`${at}.transformType`, 'transformUnsupported', { value: String(t.transformType) }); return; }
  if (!isObj(t.valueMap)) { p.at(`${at}.valueMap`, 'type', { type: 'object' }); return; }
  const enumNames = (fo.options ?? []).map(String);
  const options = (dv.options ?? []).map(Number);
  const dvSeen = new Map<number | null, string>();
  const foSeen = new Set<string>();
  for (const [name, value] of Object.entries(t.valueMap)) {
    const vp = `${at}.valueMap.${name}`;
    const member = enumNames.find((n) => n.toLowerCase() === name.toLowerCase());
    if (!member) p.at(vp, 'unknownEnumValue', { value: name, values: enumNames.join(', ') });
    else if (foSeen.has(member)) p.at(vp, 'duplicate', { id: name });
    else foSeen.add(member);
    const option = optionValue(value);
    if (option === undefined || (option !== null && !options.includes(option))) { p.at(vp, 'unknownOptionValue', { value: String(value), values: options.join(', ') }); continue; }
    if (way === 'toFinance' && dvSeen.has(option)) p.at(vp, 'ambiguousValue', { value: String(value), first: dvSeen.get(option) ?? '' });
    dvSeen.set(option, name);
  }
  if (way === 'toFinance') {
    const labels = dv.optionLabels ?? {};
    for (const o of options) if (!dvSeen.has(o)) p.at(`${at}.valueMap`, 'unmappedOption', { value: o, label: labels[String(o)] ?? '' });
  } else {
    for (const n of enumNames) if (!foSeen.has(n)) p.at(`${at}.valueMap`, 'unmappedEnumValue', { value: n });
  }
}

/** A value map's Dataverse side: an option value, as dual-write's JSON writes it (text) or as a number; null: none. */
function optionValue(v: unknown): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

function unknownKeys(p: ProblemList, o: Obj, path: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) p.at(`${path}.${k}`, 'unknownProperty', { expected: allowed.join(', ') });
}

/** What a value is, for a field pair without a transform: the same kind on both sides. */
function kind(f: FieldDef): string {
  if (f.attributeType === 'Enum') return 'enum';
  switch (f.type) {
    case 'string': case 'memo': return 'text';
    case 'int': case 'option': return 'integer';
    case 'decimal': case 'double': case 'money': return 'number';
    default: return f.type;
  }
}

function customField(table: string, name: string, c: ColumnSpec): FieldDef {
  // A Finance enum travels by its value names (as the built-in enums of finance/entities.ts): a text-valued choice.
  if (c.type === 'Enum') return { type: 'option', options: (c.enumValues ?? []).map((e) => e.name), attributeType: 'Enum', requiredLevel: 'None', custom: true };
  const col: CatalogColumn = {
    type: c.type, requiredLevel: c.requiredLevel ?? 'None', validForCreate: true, validForUpdate: true,
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(c.minValue !== undefined ? { minValue: c.minValue } : {}),
    ...(c.maxValue !== undefined ? { maxValue: c.maxValue } : {}),
    ...(c.dateTimeBehavior ? { dateTimeBehavior: c.dateTimeBehavior } : {}),
    ...(c.options ? { options: c.options } : {}),
  };
  const f = toField(table, name, col);
  if (!f) throw new Error(`extension column ${table}.${name}: type ${c.type}`); // checkExtension allows only convertible types
  return { ...f, catalogOnly: false, custom: true };
}

/** A checked value map with the Finance side spelled as the enum declares it, and the Dataverse side as text. */
function canonicalValueMap(t: ValueMapTransform, column: ColumnSpec | undefined): ValueMapTransform {
  const names = (column?.enumValues ?? []).map((e) => e.name);
  const valueMap: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(isObj(t?.valueMap) ? t.valueMap : {})) valueMap[names.find((n) => n.toLowerCase() === k.toLowerCase()) ?? k] = v === null ? null : String(v);
  return { transformType: 'ValueMap', valueMap };
}

/** The schema of an instance with these (checked) extensions, applied in order. */
export function buildSchema(extensions: readonly SchemaExtension[]): SchemaSet {
  const extend = (defs: readonly EntityDef[], side: 'dataverse' | 'finance'): EntityDef[] =>
    defs.map((def) => {
      const added: Record<string, FieldDef> = {};
      for (const ext of extensions) {
        for (const [name, c] of Object.entries(ext[side]?.[def.logicalName] ?? {})) added[name] = customField(def.logicalName, name, c);
      }
      if (Object.keys(added).length === 0) return def;
      return { ...def, fields: { ...def.fields, ...added }, ...(def.updatable ? { updatable: [...def.updatable, ...Object.keys(added)] } : {}) };
    });
  const dataverse = extend(builtinDataverseEntities, 'dataverse');
  const finance = extend(builtinFinanceEntities, 'finance');
  const maps: TableMap[] = builtinTableMaps.map((m) => {
    const pairs: FieldPair[] = [];
    for (const ext of extensions) {
      for (const pair of ext.dualWrite ?? []) {
        if (pair.map !== m.id) continue;
        pairs.push({
          dataverse: pair.dataverse, finance: pair.finance, dir: m.master === 'dataverse' ? SyncDirection.ToFinance : SyncDirection.ToDataverse,
          // Also built while an extension is checked, before its pairs are: a malformed list is left to the check.
          ...(Array.isArray(pair.transforms) ? { transforms: pair.transforms.map((t) => canonicalValueMap(t, ext.finance?.[m.finance]?.[pair.finance])) } : {}),
        });
      }
    }
    return pairs.length ? { ...m, fields: [...m.fields, ...pairs] } : m;
  });
  return {
    dataverse, finance, maps,
    dataverseByName: new Map(dataverse.map((e) => [e.logicalName, e])),
    dataverseBySet: new Map(dataverse.map((e) => [e.set, e])),
    financeByName: new Map(finance.map((e) => [e.logicalName, e])),
    financeBySet: new Map(finance.map((e) => [e.set, e])),
    mapById: new Map(maps.map((m) => [m.id, m])),
  };
}
