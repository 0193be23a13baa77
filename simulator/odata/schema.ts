/**
 * What the OData layer needs to know about an entity type: its property types (for `$filter` typing,
 * `$select`, `$orderby`), its single-valued navigation properties (`$expand`, paths in `$filter`) and
 * its key properties (always returned under `$select`).
 */
import type { FieldType } from '../schema.js';

/** The property types are the entity field types (simulator/schema.ts). */
export type PropType = FieldType;

export interface ODataSchema {
  /** Qualified type name for messages, e.g. `Microsoft.Dynamics.CRM.account`. */
  readonly typeName: string;
  /** Type of a structural property, `undefined` when there is none of that name. */
  property(name: string): PropType | undefined;
  /** Target schema of a single-valued navigation property, `undefined` when there is none. */
  navigation?(name: string): ODataSchema | undefined;
  /** Key properties, always included in a `$select` projection. */
  readonly keys?: readonly string[];
}

/** Names that must never reach a property lookup, whatever the caller's schema function does. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const isForbiddenName = (name: string): boolean => FORBIDDEN.has(name);

/** Safe lookups: the schema's answer, or undefined for forbidden names. */
export function propertyType(schema: ODataSchema, name: string): PropType | undefined {
  if (isForbiddenName(name)) return undefined;
  return schema.property(name);
}
export function navigationTarget(schema: ODataSchema, name: string): ODataSchema | undefined {
  if (isForbiddenName(name) || !schema.navigation) return undefined;
  return schema.navigation(name);
}

export interface SchemaOptions {
  readonly keys?: readonly string[];
  /** Navigation name → target schema (a thunk allows cycles). */
  readonly navigation?: Readonly<Record<string, ODataSchema | (() => ODataSchema)>>;
}

/** A schema from a plain map of property types (own properties only; no prototype lookups). */
export function defineSchema(
  typeName: string,
  props: Readonly<Record<string, PropType>> | ReadonlyMap<string, PropType>,
  options: SchemaOptions = {},
): ODataSchema {
  const map = new Map<string, PropType>(props instanceof Map ? props : Object.entries(props));
  const navs = new Map(Object.entries(options.navigation ?? {}));
  return {
    typeName,
    keys: options.keys,
    property: (name) => (isForbiddenName(name) ? undefined : map.get(name)),
    navigation: (name) => {
      if (isForbiddenName(name)) return undefined;
      const target = navs.get(name);
      return typeof target === 'function' ? target() : target;
    },
  };
}

/**
 * A schema from entity field definitions (`simulator/schema.ts` `EntityDef.fields`): a lookup field `x`
 * becomes the guid property `_x_value` (the Web API name), everything else keeps its name and type.
 */
export function schemaFromFields(
  typeName: string,
  fields: Readonly<Record<string, { readonly type: string }>>,
  options: SchemaOptions = {},
): ODataSchema {
  const props = new Map<string, PropType>();
  for (const [name, def] of Object.entries(fields)) {
    if (def.type === 'lookup') props.set(`_${name}_value`, 'lookup');
    else props.set(name, def.type as PropType); // callers pass EntityDef.fields, whose types are FieldType
  }
  return defineSchema(typeName, props, options);
}
