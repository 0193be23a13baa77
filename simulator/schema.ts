/**
 * Entity metadata shared by both sides: field types drive validation, `$filter` typing, `$select`,
 * lookups (`name@odata.bind`), formatted values and `EntityDefinitions`. Labels are not here: the display
 * name of entity `x` is `labels:entities.x`, of field `f` is `labels:fields.x.f`, of option `v` of option
 * set `s` is `labels:options.s.v`.
 */
import type { RuleId } from './rules/index.js';
export type FieldType =
  | 'string'
  | 'memo'
  | 'int'
  | 'decimal'
  | 'double'
  | 'money'
  | 'bool'
  | 'datetime'
  | 'date'
  | 'guid'
  | 'option'
  | 'lookup';

export interface FieldDef {
  readonly type: FieldType;
  /** Option set name for `option` fields (key under `labels:options`). */
  readonly optionSet?: string;
  /** Allowed option values for `option` fields. */
  readonly options?: readonly (number | string)[];
  /** Target entity (logical name) of a lookup. The stored property is `_<name>_value`. */
  readonly target?: string;
  /** Extra `@odata.bind` names accepted for a lookup (e.g. `customerid_account`). */
  readonly bindAs?: readonly string[];
  /** Set by the system only: a client write is refused. */
  readonly readOnly?: boolean;
  /** Must be given on create. */
  readonly required?: boolean;
  readonly maxLength?: number;
  /** A simulator field with no documented Microsoft name (shown as such in EntityDefinitions). */
  readonly sim?: boolean;
  /** A custom column a schema extension adds (simulator/schema/extensions.ts): the user's, neither Microsoft's nor ours. */
  readonly custom?: boolean;
  /** From the column catalogue (simulator/schema/catalog.ts): the reference's type name, e.g. `Customer`, `State`. */
  readonly attributeType?: string;
  /** From the catalogue: the reference's RequiredLevel (None, SystemRequired, ApplicationRequired, Recommended). */
  readonly requiredLevel?: string;
  /** From the catalogue: valid for neither create nor update (computed by the platform). Implies readOnly. */
  readonly computed?: boolean;
  /** From the catalogue: the one operation the column is not valid for (e.g. statecode: not on create). */
  readonly notValidFor?: 'create' | 'update';
  /** A documented column of the catalogue that the domain does not use (the demo's record panel leaves it out). */
  readonly catalogOnly?: boolean;
  /** From the catalogue: the documented range of a number column. */
  readonly minValue?: number;
  readonly maxValue?: number;
  /** From the catalogue: English option labels by value, used where the locales have no label. */
  readonly optionLabels?: Readonly<Record<string, string>>;
}

/** A generic write an entity refuses: the rule (simulator/rules/) and its message key (locales/<lng>/errors.json). */
export interface EntityRefusal { readonly rule: RuleId; readonly key: string }

export interface EntityDef {
  readonly logicalName: string;
  /** Web API entity set (Dataverse) or public collection name (Finance). */
  readonly set: string;
  /** Primary key property (Dataverse: `<logical>id`); Finance: the key fields in order. */
  readonly key: readonly string[];
  readonly primaryName: string;
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Company-specific: Dataverse rows carry `_msdyn_company_value`, Finance rows `dataAreaId`. */
  readonly companySpecific?: boolean;
  /** Refusals of generic writes: the rule that refuses and the i18n error key to answer with (the domain offers actions instead). */
  readonly refuse?: { readonly create?: EntityRefusal; readonly update?: EntityRefusal; readonly delete?: EntityRefusal };
  /** With `refuse.update`: the fields a client may still change. */
  readonly updatable?: readonly string[];
}

export const isLookup = (f: FieldDef): boolean => f.type === 'lookup';
/** Web API property that stores a lookup's value. */
export const lookupProp = (name: string): string => `_${name}_value`;
