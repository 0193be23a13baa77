import type { ApiRequest, ApiResponse } from './exchange.js';
import { translator, type Lang } from '../i18n.js';
import { dataverseByName, dataverseEntities } from '../dataverse/entities.js';
import type { EntityDef } from '../schema.js';
import { Dataverse } from '../errors/dataverse.js';

/**
 * `EntityDefinitions`: the metadata clients use to map logical names to entity sets (e.g. dynamics-web-api's
 * collection-name lookup). Labels come from i18next in the caller's language.
 */
function definition(def: EntityDef, lang: Lang, withAttributes: boolean): Record<string, unknown> {
  const t = translator(lang);
  const label = (text: string): Record<string, unknown> => ({ UserLocalizedLabel: { Label: text, LanguageCode: lcid(lang) }, LocalizedLabels: [{ Label: text, LanguageCode: lcid(lang) }] });
  const out: Record<string, unknown> = {
    MetadataId: metadataId(def.logicalName),
    LogicalName: def.logicalName,
    SchemaName: def.logicalName,
    EntitySetName: def.set,
    LogicalCollectionName: def.set,
    PrimaryIdAttribute: def.key[0],
    PrimaryNameAttribute: def.primaryName,
    DisplayName: label(t(`labels:entities.${def.logicalName}.one`)),
    DisplayCollectionName: label(t(`labels:entities.${def.logicalName}.other`)),
    IsCustomEntity: def.logicalName.startsWith('msdyn_') || def.logicalName.startsWith('cdm_'),
  };
  if (withAttributes) {
    out.Attributes = Object.entries(def.fields).map(([name, f]) => ({
      LogicalName: name,
      // The reference's type where the catalogue has the column (Customer, State, Status, …), else ours.
      AttributeType: f.attributeType ?? ({ string: 'String', memo: 'Memo', int: 'Integer', decimal: 'Decimal', double: 'Double', money: 'Money', bool: 'Boolean', datetime: 'DateTime', date: 'DateTime', guid: 'Uniqueidentifier', option: 'Picklist', lookup: 'Lookup' } as const)[f.type],
      IsValidForCreate: !f.readOnly && f.notValidFor !== 'create', IsValidForUpdate: !f.readOnly && f.notValidFor !== 'update',
      RequiredLevel: { Value: f.requiredLevel ?? (f.required ? 'ApplicationRequired' : 'None') },
      MaxLength: f.type === 'string' || f.type === 'memo' ? f.maxLength : undefined,
      Targets: f.target ? [f.target] : undefined,
      // A schema extension's column is custom (AttributeMetadata.IsCustomAttribute); catalogue and simulator columns are not.
      IsCustomAttribute: f.custom === true,
      Description: f.sim ? label('Simulator field: no documented Microsoft logical name.') : undefined,
    }));
  }
  return out;
}

const lcid = (lang: Lang): number => ({ en: 1033, de: 1031, nl: 1043 })[lang];
function metadataId(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

export function entityDefinitions(req: ApiRequest, res: ApiResponse, key: string | undefined, lang: Lang): void {
  if (req.method !== 'GET') throw Dataverse.badRequest('record.methodNotAllowed', { method: req.method, path: 'EntityDefinitions' }, 405);
  const expand = typeof req.query.$expand === 'string' && /\bAttributes\b/.test(req.query.$expand);
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/api/data/v9.2`;
  if (key !== undefined) {
    const m = /^LogicalName='([a-z0-9_]+)'$/.exec(key);
    const def = m ? dataverseByName.get(m[1] as string) : dataverseEntities.find((d) => metadataId(d.logicalName) === key);
    if (!def) throw Dataverse.notFound('EntityMetadata', key.slice(0, 100));
    res.set('OData-Version', '4.0').json({ '@odata.context': `${base}/$metadata#EntityDefinitions/$entity`, ...definition(def, lang, expand) });
    return;
  }
  const filter = typeof req.query.$filter === 'string' ? req.query.$filter : '';
  const m = /^\s*(LogicalName|EntitySetName)\s+eq\s+'([A-Za-z0-9_]+)'\s*$/.exec(filter);
  if (filter && !m) throw Dataverse.badRequest('odata.syntax', { position: 0, token: filter.slice(0, 40) });
  const defs = dataverseEntities.filter((d) => !m || (m[1] === 'LogicalName' ? d.logicalName : d.set) === m[2]);
  res.set('OData-Version', '4.0').json({ '@odata.context': `${base}/$metadata#EntityDefinitions`, value: defs.map((d) => definition(d, lang, expand)) });
}
