/** A FetchXML query, parsed and checked against the entity definitions (see parse.ts), ready to run (run.ts). */
import type { EntityDef, FieldDef } from '../../schema.js';

export type AggregateFn = 'count' | 'countcolumn' | 'sum' | 'avg' | 'min' | 'max';
export type DateGrouping = 'year' | 'quarter' | 'month' | 'day';

/** A column of an entity: its logical name, the record property that holds it, its definition. */
export interface Column {
  readonly name: string;
  /** Record property: `_x_value` for lookups, else the logical name. */
  readonly prop: string;
  readonly field: FieldDef;
}

export interface Attribute extends Column {
  readonly alias?: string;
  readonly aggregate?: AggregateFn;
  readonly groupby?: boolean;
  readonly dategrouping?: DateGrouping;
  /** `distinct='true'` with `countcolumn`. */
  readonly distinct?: boolean;
}

export type Operator =
  | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'
  | 'like' | 'not-like' | 'begins-with' | 'not-begin-with' | 'ends-with' | 'not-end-with'
  | 'in' | 'not-in' | 'null' | 'not-null' | 'between' | 'not-between'
  | 'on' | 'on-or-before' | 'on-or-after'
  | 'today' | 'yesterday' | 'tomorrow' | 'last-x-days' | 'next-x-days' | 'last-seven-days' | 'next-seven-days';

export interface Condition {
  readonly kind: 'condition';
  readonly column: Column;
  readonly operator: Operator;
  /** Values, typed for the column (strings, numbers, booleans, lower-case GUIDs, decimal strings, ISO dates). */
  readonly values: readonly unknown[];
}

export interface Filter {
  readonly kind: 'filter';
  readonly type: 'and' | 'or';
  readonly items: readonly (Filter | Condition)[];
}

export interface Order {
  /** A column of the entity (non-aggregate queries) … */
  readonly column?: Column;
  /** … or the alias of an aggregate or group-by attribute (aggregate queries). */
  readonly alias?: string;
  readonly descending: boolean;
}

export interface EntityPart {
  readonly def: EntityDef;
  /** `undefined`: every column (all-attributes, or no attribute element at all). */
  readonly attributes?: readonly Attribute[];
  readonly filter?: Filter;
  readonly orders: readonly Order[];
}

export interface LinkEntity extends EntityPart {
  /** Column of the linked entity … */
  readonly from: Column;
  /** … equal to this column of the parent entity. */
  readonly to: Column;
  readonly alias: string;
  readonly linkType: 'inner' | 'outer';
}

export interface FetchQuery {
  readonly entity: EntityPart;
  readonly links: readonly LinkEntity[];
  readonly aggregate: boolean;
  readonly aggregateLimit?: number;
  readonly distinct: boolean;
  readonly top?: number;
  readonly count?: number;
  readonly page?: number;
  /** The decoded `paging-cookie` attribute (the inner `<cookie page="…">` element). */
  readonly pagingCookie?: string;
  readonly returnTotalRecordCount: boolean;
}
