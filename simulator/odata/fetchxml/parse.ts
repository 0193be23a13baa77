/**
 * FetchXML text → a checked FetchQuery. Elements and attributes follow Learn: powerapps-docs
 * developer/data-platform/fetchxml/reference/ (fetch, entity, attribute, all-attributes, filter, condition,
 * value, order, link-entity) and the how-to pages next to it (aggregate-data, page-results, count-rows,
 * filter-rows, join-tables). What the simulator does not implement is refused, never ignored.
 */
import type { EntityDef } from '../../schema.js';
import { parseDec } from '../decimal.js';
import { parseXml, type XmlElement } from './xml.js';
import { FX, fxError } from './errors.js';
import type { AggregateFn, Attribute, Column, Condition, DateGrouping, EntityPart, FetchQuery, Filter, LinkEntity, Operator, Order } from './model.js';

export type EntityResolver = (logicalName: string) => EntityDef | undefined;

/** Convention: page size and `top` are bounded by Dataverse's maximum page of 5,000 rows (fetchxml/page-results.md, reference/fetch.md `top`). */
export const MAX_PAGE = 5000;

/**
 * Documented attributes per element. `known` lists what Microsoft's reference names; `supported` what the
 * simulator implements. A documented but unimplemented attribute is refused as such; an undocumented one as invalid.
 */
const ATTRS: Readonly<Record<string, { supported: readonly string[]; known: readonly string[] }>> = {
  fetch: {
    supported: ['version', 'output-format', 'mapping', 'distinct', 'count', 'page', 'paging-cookie', 'top', 'aggregate', 'aggregatelimit', 'returntotalrecordcount', 'no-lock'],
    known: ['latematerialize', 'options', 'datasource', 'useraworderby', 'min-active-row-version', 'utc-offset'],
  },
  entity: { supported: ['name'], known: ['enableprefiltering', 'prefilterparametername'] },
  attribute: { supported: ['name', 'alias', 'aggregate', 'groupby', 'distinct', 'dategrouping'], known: ['rowaggregate', 'usertimezone', 'build', 'addedby'] },
  'all-attributes': { supported: [], known: [] },
  filter: { supported: ['type'], known: ['isquickfindfields', 'overridequickfindrecordlimitenabled', 'overridequickfindrecordlimitdisabled', 'hint'] },
  condition: { supported: ['attribute', 'operator', 'value'], known: ['entityname', 'valueof', 'alias', 'aggregate', 'column', 'rowaggregate', 'uiname', 'uitype', 'uihidden'] },
  value: { supported: [], known: ['uiname', 'uitype'] },
  order: { supported: ['attribute', 'alias', 'descending'], known: ['entityname'] },
  'link-entity': { supported: ['name', 'from', 'to', 'alias', 'link-type'], known: ['visible', 'intersect', 'enableprefiltering', 'prefilterparametername'] },
};
/** Elements Microsoft documents that the simulator does not implement. */
const KNOWN_ELEMENTS = new Set(['no-attrs']);

const OPERATORS: ReadonlySet<string> = new Set<Operator>([
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'not-like', 'begins-with', 'not-begin-with', 'ends-with', 'not-end-with',
  'in', 'not-in', 'null', 'not-null', 'between', 'not-between', 'on', 'on-or-before', 'on-or-after',
  'today', 'yesterday', 'tomorrow', 'last-x-days', 'next-x-days', 'last-seven-days', 'next-seven-days',
]);
const AGGREGATES: ReadonlySet<string> = new Set<AggregateFn>(['count', 'countcolumn', 'sum', 'avg', 'min', 'max']);
const DATE_GROUPINGS: ReadonlySet<string> = new Set<DateGrouping>(['year', 'quarter', 'month', 'day']);
/** dategrouping values Microsoft documents (reference/includes/dategrouping-table.md) that the simulator does not implement. */
const KNOWN_DATE_GROUPINGS = new Set(['week', 'fiscal-period', 'fiscal-year']);
const NUMBER_TYPES = new Set(['int', 'decimal', 'money']);
const STRING_TYPES = new Set(['string', 'memo']);
const DATE_TYPES = new Set(['date', 'datetime']);

export interface ParseContext {
  readonly resolve: EntityResolver;
  /** The entity of the URL's entity set: the `entity` element must name it. */
  readonly expected: EntityDef;
}

export function parseFetchXml(text: string, ctx: ParseContext): FetchQuery {
  const root = parseXml(text);
  if (root.name !== 'fetch') throw fxError(FX.InvalidNode, 'invalidNode', { node: root.name });
  checkAttrs(root);
  const mapping = root.attrs.get('mapping');
  if (mapping !== undefined && mapping !== 'logical') throw fxError(FX.InvalidMapping, 'invalidMapping', { value: mapping });
  const aggregate = bool(root, 'aggregate', FX.InvalidValue) ?? false;
  const distinct = bool(root, 'distinct', FX.InvalidDistinct) ?? false;
  bool(root, 'no-lock', FX.InvalidValue); // legacy hint without effect on results (fetchxml/optimize-performance.md "No lock")
  const returnTotalRecordCount = bool(root, 'returntotalrecordcount', FX.InvalidValue) ?? false;
  const top = positive(root, 'top');
  const count = positive(root, 'count');
  const page = positive(root, 'page');
  const aggregateLimit = positive(root, 'aggregatelimit');
  // Learn: fetchxml/page-results.md (top is not compatible with paging) and fetchxml/count-rows.md (nor with returntotalrecordcount).
  if (top !== undefined && (count !== undefined || page !== undefined)) throw fxError(FX.InvalidValue, 'topWithPaging');
  if (top !== undefined && returnTotalRecordCount) throw fxError(FX.InvalidValue, 'topWithTotalCount');
  if (aggregateLimit !== undefined && !aggregate) throw fxError(FX.InvalidValue, 'aggregateLimitWithoutAggregate');

  const entities = root.children.filter((c) => c.name === 'entity');
  for (const c of root.children) if (c.name !== 'entity') throw unknownElement(c, 'fetch');
  if (entities.length !== 1) throw fxError(FX.ElementNotFound, 'oneEntity');
  const entityEl = entities[0] as XmlElement;
  checkAttrs(entityEl);
  const name = required(entityEl, 'name');
  const def = ctx.resolve(name);
  if (!def) throw fxError(FX.NoEntity, 'noEntity', { entity: name });
  // Learn: fetchxml/page-results.md, the entity set of the URL must be that of the entity element's table.
  if (def !== ctx.expected) throw fxError(FX.EntitiesDontMatch, 'entitiesDontMatch', { entity: name, set: ctx.expected.set });

  const aliases = new Set<string>();
  const linkNames = new Map<string, number>();
  const links: LinkEntity[] = [];
  const entity = entityPart(entityEl, def, aggregate, aliases, (el) => {
    const link = linkEntity(el, def, aggregate, aliases, ctx, linkNames);
    links.push(link);
  });
  // Learn: fetchxml/join-tables.md "Limitations": at most 15 link-entity elements in a query.
  if (links.length > 15) throw fxError(FX.LinkEntityLimitExceeded, 'tooManyLinks', { max: 15 });
  if (aggregate) checkAggregate(entity, links);
  return {
    entity, links, aggregate, distinct, returnTotalRecordCount,
    ...(aggregateLimit !== undefined ? { aggregateLimit } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(page !== undefined ? { page } : {}),
    ...(root.attrs.has('paging-cookie') ? { pagingCookie: root.attrs.get('paging-cookie') as string } : {}),
  };
}

function entityPart(el: XmlElement, def: EntityDef, aggregate: boolean, aliases: Set<string>, onLink: ((el: XmlElement) => void) | undefined): EntityPart {
  let attributes: Attribute[] | undefined = [];
  let all = false;
  let filter: Filter | undefined;
  const filters: Filter[] = [];
  const orders: Order[] = [];
  for (const c of el.children) {
    switch (c.name) {
      case 'attribute':
        attributes.push(attribute(c, def, aggregate, aliases));
        break;
      case 'all-attributes':
        checkAttrs(c);
        noChildren(c);
        // Learn: fetchxml/aggregate-data.md, every column of an aggregate query has an alias and an aggregate or groupby.
        if (aggregate) throw fxError(FX.AttributeWithAggregate, 'attributeWithAggregate');
        all = true;
        break;
      case 'filter':
        filters.push(filterOf(c, def));
        break;
      case 'order':
        orders.push(order(c, def, aggregate));
        break;
      case 'link-entity':
        if (!onLink) throw fxError(FX.InvalidNode, 'nestedLink');
        onLink(c);
        break;
      default:
        throw unknownElement(c, el.name);
    }
  }
  // No attribute element: every column of the entity (fetchxml/select-columns.md), none of a link-entity (join-tables.md).
  if (all || (attributes.length === 0 && onLink !== undefined)) attributes = undefined;
  if (filters.length === 1) filter = filters[0];
  else if (filters.length > 1) filter = { kind: 'filter', type: 'and', items: filters };
  return { def, ...(attributes ? { attributes } : {}), ...(filter ? { filter } : {}), orders };
}

function linkEntity(el: XmlElement, parent: EntityDef, aggregate: boolean, aliases: Set<string>, ctx: ParseContext, names: Map<string, number>): LinkEntity {
  checkAttrs(el);
  const name = required(el, 'name');
  const def = ctx.resolve(name);
  if (!def) throw fxError(FX.NoEntity, 'noEntity', { entity: name });
  const from = column(def, required(el, 'from'));
  const to = column(parent, required(el, 'to'));
  const type = el.attrs.get('link-type') ?? 'inner';
  if (type !== 'inner' && type !== 'outer') {
    const documented = ['natural', 'in', 'exists', 'matchfirstrowusingcrossapply', 'any', 'not any', 'all', 'not all'].includes(type);
    throw fxError(FX.InvalidLinkType, documented ? 'linkTypeNotSupported' : 'invalidLinkType', { value: type.slice(0, 50) });
  }
  // Learn: fetchxml/select-columns.md "Column aliases": without an alias, link-entity columns are named
  // <table>.<column>. convention: a second unaliased link to the same table gets <table>2, and so on.
  const n = (names.get(name) ?? 0) + 1;
  names.set(name, n);
  const alias = el.attrs.get('alias') ?? (n === 1 ? name : `${name}${n}`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw fxError(FX.InvalidAlias, 'invalidAlias', { alias: alias.slice(0, 50) });
  if (aliases.has(alias)) throw fxError(FX.DuplicateAlias, 'duplicateAlias', { alias });
  aliases.add(alias);
  const part = entityPart(el, def, aggregate, aliases, undefined);
  if (compareAs(from) !== compareAs(to)) throw fxError(FX.BadCondition, 'linkTypesDiffer', { from: from.name, to: to.name });
  return { ...part, from, to, alias, linkType: type };
}

function attribute(el: XmlElement, def: EntityDef, aggregate: boolean, aliases: Set<string>): Attribute {
  checkAttrs(el);
  noChildren(el);
  const col = column(def, required(el, 'name'));
  const alias = el.attrs.get('alias');
  if (alias !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw fxError(FX.InvalidAlias, 'invalidAlias', { alias: alias.slice(0, 50) });
    if (aliases.has(alias)) throw fxError(FX.DuplicateAlias, 'duplicateAlias', { alias });
    aliases.add(alias);
  }
  const agg = el.attrs.get('aggregate');
  const groupby = bool(el, 'groupby', FX.InvalidGroupBy);
  const distinct = bool(el, 'distinct', FX.InvalidDistinct);
  const dg = el.attrs.get('dategrouping');
  if (!aggregate) {
    if (agg !== undefined || groupby !== undefined || dg !== undefined) throw fxError(FX.InvalidAggregate, 'aggregateWithoutFetchAggregate');
    return { ...col, ...(alias !== undefined ? { alias } : {}) };
  }
  if (alias === undefined) throw fxError(FX.InvalidAlias, 'aliasRequired', { attribute: col.name });
  if (agg !== undefined && groupby) throw fxError(FX.AttributeCannotBeGroupByAndAggregate, 'groupByAndAggregate', { attribute: col.name });
  if (agg !== undefined) {
    if (!AGGREGATES.has(agg)) throw fxError(FX.InvalidAggregate, 'invalidAggregate', { value: agg.slice(0, 50) });
    const fn = agg as AggregateFn;
    const t = col.field.type;
    const ok = fn === 'count' || fn === 'countcolumn' || ((fn === 'sum' || fn === 'avg') && NUMBER_TYPES.has(t)) || ((fn === 'min' || fn === 'max') && (NUMBER_TYPES.has(t) || DATE_TYPES.has(t)));
    if (!ok) throw fxError(FX.InvalidAggregateAttribute, 'aggregateType', { fn, type: t });
    if (distinct && fn !== 'countcolumn') throw fxError(FX.InvalidAggregate, 'distinctOnlyCountColumn');
    if (dg !== undefined) throw fxError(FX.InvalidDateGrouping, 'dateGroupingNeedsGroupBy');
    return { ...col, alias, aggregate: fn, ...(distinct ? { distinct } : {}) };
  }
  if (!groupby) throw fxError(FX.AttributeWithAggregate, 'attributeWithAggregate');
  if (distinct) throw fxError(FX.InvalidAggregate, 'distinctOnlyCountColumn');
  if (dg !== undefined) {
    if (!DATE_TYPES.has(col.field.type)) throw fxError(FX.InvalidDateGrouping, 'invalidDateGrouping', { value: dg.slice(0, 50) });
    if (!DATE_GROUPINGS.has(dg)) throw fxError(FX.InvalidDateGrouping, KNOWN_DATE_GROUPINGS.has(dg) ? 'dateGroupingNotSupported' : 'invalidDateGrouping', { value: dg.slice(0, 50) });
    return { ...col, alias, groupby: true, dategrouping: dg as DateGrouping };
  }
  return { ...col, alias, groupby: true };
}

function checkAggregate(entity: EntityPart, links: readonly LinkEntity[]): void {
  const all = [...(entity.attributes ?? []), ...links.flatMap((l) => l.attributes ?? [])];
  if (all.length === 0) throw fxError(FX.InvalidAggregate, 'aggregateWithoutColumns');
  const aliases = new Set(all.map((a) => a.alias));
  for (const o of [...entity.orders, ...links.flatMap((l) => l.orders)]) {
    if (o.alias !== undefined && !aliases.has(o.alias)) throw fxError(FX.InvalidAlias, 'orderAliasUnknown', { alias: o.alias });
  }
}

function filterOf(el: XmlElement, def: EntityDef): Filter {
  checkAttrs(el);
  const type = el.attrs.get('type') ?? 'and';
  if (type !== 'and' && type !== 'or') throw fxError(FX.InvalidFilterType, 'invalidFilterType', { value: type.slice(0, 50) });
  const items: (Filter | Condition)[] = [];
  for (const c of el.children) {
    if (c.name === 'condition') items.push(condition(c, def));
    else if (c.name === 'filter') items.push(filterOf(c, def));
    else throw unknownElement(c, 'filter');
  }
  return { kind: 'filter', type, items };
}

const SINGLE: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'not-like', 'begins-with', 'not-begin-with', 'ends-with', 'not-end-with', 'on', 'on-or-before', 'on-or-after']);
const NONE: ReadonlySet<string> = new Set(['null', 'not-null', 'today', 'yesterday', 'tomorrow', 'last-seven-days', 'next-seven-days']);
const STRING_OPS: ReadonlySet<string> = new Set(['like', 'not-like', 'begins-with', 'not-begin-with', 'ends-with', 'not-end-with']);
const DATE_OPS: ReadonlySet<string> = new Set(['on', 'on-or-before', 'on-or-after', 'today', 'yesterday', 'tomorrow', 'last-x-days', 'next-x-days', 'last-seven-days', 'next-seven-days']);
const ORDERED_OPS: ReadonlySet<string> = new Set(['gt', 'ge', 'lt', 'le', 'between', 'not-between']);

function condition(el: XmlElement, def: EntityDef): Condition {
  checkAttrs(el);
  const col = column(def, required(el, 'attribute'));
  const op = required(el, 'operator');
  // 'neq' is documented as the older spelling of 'ne' (reference/includes/operator-neq-description.md).
  const operator = (op === 'neq' ? 'ne' : op) as Operator;
  if (!OPERATORS.has(operator)) throw fxError(FX.InvalidConditionOperator, 'invalidOperator', { operator: op.slice(0, 50) });
  const t = col.field.type;
  if (STRING_OPS.has(operator) && !STRING_TYPES.has(t)) throw fxError(FX.BadCondition, 'operatorType', { operator, attribute: col.name });
  if (DATE_OPS.has(operator) && !DATE_TYPES.has(t)) throw fxError(FX.BadCondition, 'operatorType', { operator, attribute: col.name });
  if (ORDERED_OPS.has(operator) && (t === 'bool' || t === 'lookup' || t === 'guid')) throw fxError(FX.BadCondition, 'operatorType', { operator, attribute: col.name });
  const valueEls = el.children.filter((c) => c.name === 'value');
  for (const c of el.children) if (c.name !== 'value') throw unknownElement(c, 'condition');
  for (const v of valueEls) {
    checkAttrs(v);
    noChildren(v);
  }
  const attr = el.attrs.get('value');
  let raw: string[];
  if (SINGLE.has(operator)) {
    if (valueEls.length > 1 || (valueEls.length === 1) === (attr !== undefined)) throw fxError(FX.BadCondition, 'valueCount', { operator, count: 1 });
    raw = [attr ?? (valueEls[0] as XmlElement).text];
  } else if (NONE.has(operator)) {
    if (valueEls.length > 0 || attr !== undefined) throw fxError(FX.BadCondition, 'valueCount', { operator, count: 0 });
    raw = [];
  } else if (operator === 'between' || operator === 'not-between') {
    if (attr !== undefined || valueEls.length !== 2) throw fxError(FX.BadCondition, 'valueCount', { operator, count: 2 });
    raw = valueEls.map((v) => v.text);
  } else if (operator === 'last-x-days' || operator === 'next-x-days') {
    if (valueEls.length > 1 || (valueEls.length === 1) === (attr !== undefined)) throw fxError(FX.BadCondition, 'valueCount', { operator, count: 1 });
    const x = (attr ?? (valueEls[0] as XmlElement).text).trim();
    if (!/^\d{1,5}$/.test(x)) throw fxError(FX.InvalidValue, 'invalidValue', { value: x.slice(0, 50), attribute: col.name });
    return { kind: 'condition', column: col, operator, values: [Number(x)] };
  } else {
    // in, not-in: one or more value elements (a single value attribute is accepted too).
    raw = attr !== undefined ? [attr, ...valueEls.map((v) => v.text)] : valueEls.map((v) => v.text);
    if (raw.length === 0) throw fxError(FX.BadCondition, 'valueCount', { operator, count: 1 });
  }
  const values = STRING_OPS.has(operator) ? raw : raw.map((r) => typed(col, r, DATE_OPS.has(operator)));
  return { kind: 'condition', column: col, operator, values };
}

/** A condition value as the record keeps it (dates as ISO text for date operators). */
function typed(col: Column, raw: string, dateOnly: boolean): unknown {
  const v = raw.trim();
  const bad = (): never => {
    throw fxError(FX.InvalidValue, 'invalidValue', { value: raw.slice(0, 100), attribute: col.name });
  };
  switch (col.field.type) {
    case 'string':
    case 'memo':
      return raw;
    case 'int':
    case 'option':
      if (!/^-?\d{1,15}$/.test(v)) bad();
      return Number(v);
    case 'decimal':
    case 'money':
      if (!parseDec(v) || v.length > 60) bad();
      return v;
    case 'bool':
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      return bad();
    case 'guid':
    case 'lookup': {
      const m = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/.exec(v);
      if (!m || (v.startsWith('{') !== v.endsWith('}'))) bad();
      return (m as RegExpExecArray)[1]!.toLowerCase();
    }
    case 'date':
    case 'datetime': {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(v);
      if (!m) return bad();
      const ms = Date.parse(m[2] ? `${m[1]}T${m[2]}${m[3] ?? 'Z'}` : `${m[1]}T00:00:00Z`);
      if (Number.isNaN(ms)) return bad();
      const iso = new Date(ms).toISOString();
      return dateOnly || col.field.type === 'date' ? iso.slice(0, 10) : iso;
    }
    default:
      return bad();
  }
}

function order(el: XmlElement, def: EntityDef, aggregate: boolean): Order {
  checkAttrs(el);
  noChildren(el);
  const attr = el.attrs.get('attribute');
  const alias = el.attrs.get('alias');
  const d = el.attrs.get('descending');
  if (d !== undefined && !['true', 'false', '1', '0'].includes(d)) throw fxError(FX.InvalidDescending, 'invalidDescending', { value: d.slice(0, 20) });
  const descending = d === 'true' || d === '1';
  // Learn: web-service-error-codes QueryBuilder*OrderBy: aliases for aggregate queries, attributes otherwise.
  if (aggregate) {
    if (attr !== undefined) throw fxError(FX.AttributeNotAllowedForAggregateOrderBy, 'orderAttributeInAggregate');
    if (alias === undefined) throw fxError(FX.AliasRequiredForAggregateOrderBy, 'orderAliasRequired');
    return { alias, descending };
  }
  if (alias !== undefined) throw fxError(FX.AliasNotAllowedForNonAggregateOrderBy, 'orderAliasInNonAggregate');
  if (attr === undefined) throw fxError(FX.AttributeRequiredForNonAggregateOrderBy, 'orderAttributeRequired');
  return { column: column(def, attr), descending };
}

export function column(def: EntityDef, name: string): Column {
  const field = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
  if (!field) throw fxError(FX.NoAttribute, 'noAttribute', { attribute: name.slice(0, 100), entity: def.logicalName });
  return { name, prop: field.type === 'lookup' ? `_${name}_value` : name, field };
}

/** How join columns compare: a lookup holds the GUID of the row it refers to. */
const compareAs = (c: Column): string => (c.field.type === 'lookup' ? 'guid' : c.field.type === 'option' ? 'int' : c.field.type);

function checkAttrs(el: XmlElement): void {
  const spec = ATTRS[el.name];
  if (!spec) return;
  // Only <value> holds text; text anywhere else is not part of FetchXML (refused, not ignored).
  if (el.name !== 'value' && el.text.trim() !== '') throw fxError(FX.InvalidNode, 'textNotAllowed', { element: el.name });
  for (const a of el.attrs.keys()) {
    if (spec.supported.includes(a)) continue;
    if (spec.known.includes(a)) throw fxError(FX.InvalidNode, 'attributeNotSupported', { attribute: a, element: el.name });
    throw fxError(FX.InvalidNode, 'unknownAttribute', { attribute: a.slice(0, 50), element: el.name });
  }
}

function unknownElement(el: XmlElement, parent: string): never {
  if (KNOWN_ELEMENTS.has(el.name) || (el.name === 'link-entity' && parent === 'link-entity')) {
    throw fxError(FX.InvalidNode, el.name === 'link-entity' ? 'nestedLink' : 'elementNotSupported', { node: el.name });
  }
  throw fxError(FX.InvalidNode, 'invalidNode', { node: el.name.slice(0, 50) });
}

function noChildren(el: XmlElement): void {
  const c = el.children[0];
  if (c) throw unknownElement(c, el.name);
}

function required(el: XmlElement, name: string): string {
  const v = el.attrs.get(name);
  if (v === undefined || v === '') throw fxError(FX.AttributeNotFound, 'requiredAttribute', { attribute: name, element: el.name });
  return v;
}

function bool(el: XmlElement, name: string, code: string): boolean | undefined {
  const v = el.attrs.get(name);
  if (v === undefined) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw fxError(code, 'invalidBoolean', { attribute: name, value: v.slice(0, 20) });
}

function positive(el: XmlElement, name: string): number | undefined {
  const v = el.attrs.get(name);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v.trim())) throw fxError(FX.InvalidValue, 'invalidNumber', { attribute: name, value: v.slice(0, 20) });
  const n = Number(v.trim());
  if (n <= 0) throw fxError(FX.ValueGreaterThanZero, 'greaterThanZero', { attribute: name });
  if ((name === 'top' || name === 'count') && n > MAX_PAGE) throw fxError(FX.InvalidValue, 'overMaximum', { attribute: name, max: MAX_PAGE });
  if (name === 'aggregatelimit' && n > 50_000) throw fxError(FX.InvalidValue, 'overMaximum', { attribute: name, max: 50_000 });
  return n;
}
