import type { Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import { DATAVERSE, FINANCE } from '../odata/flavour.js';
import { type SystemOption, applyQuery, parseQuery } from '../odata/query.js';
import { isGuid } from '../odata/ids.js';
import type { Expr } from '../odata/filter.js';
import { type ODataSchema, schemaFromFields } from '../odata/schema.js';
import { dataverseByName } from '../dataverse/entities.js';

import { includesAnnotation, parsePrefer as parsePreferHeader } from '../odata/prefer.js';
import { ifMatchPasses, ifNoneMatchPasses, parseEtagHeader } from '../odata/etag.js';
import { type ParsedKey, parseEntitySegment, requireKeyParts } from '../odata/keys.js';
import { Dataverse } from '../errors/dataverse.js';

export interface RequestPrefer {
  readonly returnRepresentation: boolean;
  readonly maxPageSize?: number;
  readonly annotations: (name: string) => boolean;
}

/** The `Prefer` header as the routers use it. */
const NO_PREFER: RequestPrefer = { returnRepresentation: false, maxPageSize: undefined, annotations: () => false };

/** Performance: the last header parsed and its meaning (a client sends the same Prefer header request after request). */
let lastPrefer: { header: string; prefer: RequestPrefer } | undefined;

export function parsePrefer(header: string | undefined): RequestPrefer {
  if (header === undefined) return NO_PREFER; // performance: most requests send no Prefer header
  if (lastPrefer?.header === header) return lastPrefer.prefer;
  const p = parsePreferHeader(header); // throws on a malformed header: nothing is kept
  const prefer: RequestPrefer = { returnRepresentation: p.returnRepresentation, maxPageSize: p.maxPageSize, annotations: (name) => includesAnnotation(p.includeAnnotations, name) };
  lastPrefer = { header, prefer };
  return prefer;
}

type Fl = 'dataverse' | 'finance';
const flavourOf = (f: Fl) => (f === 'dataverse' ? DATAVERSE : FINANCE);

/** `If-Match` passes (no header, `*`, or the record's ETag among the tags). Malformed → 400. */
export const checkIfMatch = (header: string | undefined, etag: string, f: Fl = 'dataverse'): boolean => ifMatchPasses(parseEtagHeader(header, flavourOf(f)), etag);
/** `If-None-Match` matches the record: a GET answers 304. */
export const notModified = (header: string | undefined, etag: string, f: Fl = 'dataverse'): boolean =>
  header !== undefined && !ifNoneMatchPasses(parseEtagHeader(header, flavourOf(f)), etag);

/** Entity set and key of a raw (still percent-encoded) path segment. */
export function parseSegment(raw: string, f: Fl): { set: string; key?: ParsedKey } {
  return parseEntitySegment(raw, flavourOf(f));
}

/** The named key values of a Finance key predicate, all key fields required. */
export function financeKey(key: ParsedKey, def: EntityDef): Record<string, string | number> {
  return requireKeyParts(key, def.key, FINANCE);
}

/** OData schemas of the entities, built once. */
const schemas = new WeakMap<EntityDef, ODataSchema>();
export function dataverseSchema(def: EntityDef): ODataSchema {
  let s = schemas.get(def);
  if (!s) {
    const navigation: Record<string, () => ODataSchema> = {};
    for (const [name, f] of Object.entries(def.fields)) {
      const target = f.target ? dataverseByName.get(f.target) : undefined;
      if (f.type === 'lookup' && target) navigation[name] = () => dataverseSchema(target);
    }
    s = schemaFromFields(`Microsoft.Dynamics.CRM.${def.logicalName}`, def.fields, { keys: def.key, navigation });
    schemas.set(def, s);
  }
  return s;
}
export function financeSchema(def: EntityDef): ODataSchema {
  let s = schemas.get(def);
  if (!s) {
    s = schemaFromFields(`Microsoft.Dynamics.DataEntities.${def.logicalName}`, def.fields, { keys: def.key });
    schemas.set(def, s);
  }
  return s;
}

export interface Queried {
  readonly value: Rec[];
  /** The rows are `$apply` aggregates: sent as they are, without ETags or annotations. */
  readonly aggregated?: boolean;
  readonly count?: number;
  readonly nextSkipToken?: string;
  /** Properties to return (`$select`), undefined = all. */
  readonly select?: readonly string[];
  readonly expand: readonly { name: string; select?: readonly string[] }[];
}

/** Parses and applies the system query options of a request to records. */
/** Looks records up by an indexed field (the store's `findBy`), to narrow a `$filter` before evaluating it. */
export type IndexLookup = (field: string, value: unknown) => Iterable<Rec>;

/**
 * An equality on a key-like property (`_x_value eq <guid>`, `statuscode eq 1`, `IsProcessed eq false`) at the top
 * of the filter: its field and value, so that an index can narrow the records. The whole filter is still
 * evaluated on what the index returns, so narrowing never changes which records match.
 */
function indexableEquality(expr: Expr | undefined): { field: string; value: unknown } | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'and') {
    for (const item of expr.items) {
      const hit = indexableEquality(item);
      if (hit) return hit;
    }
    return undefined;
  }
  if (expr.kind !== 'cmp' || expr.op !== 'eq') return undefined;
  const [prop, lit] = expr.left.kind === 'prop' ? [expr.left, expr.right] : [expr.right, expr.left];
  if (prop.kind !== 'prop' || lit.kind !== 'lit' || prop.path.length !== 1 || lit.value === null) return undefined;
  const field = prop.path[0] as string;
  switch (prop.type) {
    case 'guid':
    case 'lookup':
      return lit.type === 'guid' && typeof lit.value === 'string' ? { field, value: lit.value.toLowerCase() } : undefined;
    case 'int':
    case 'option':
      return lit.type === 'int' && /^-?\d{1,15}$/.test(String(lit.value)) ? { field, value: Number(lit.value) } : undefined;
    case 'bool':
      return lit.type === 'bool' ? { field, value: lit.value } : undefined;
    default:
      return undefined; // strings compare case-insensitively, decimals by value: no exact index key
  }
}

/**
 * What a Dataverse collection GET takes (webapi/query/overview.md and page-results.md): every OData option but
 * `$skip` ("Page results using OData": Dataverse does not support it; paging is by `Prefer: odata.maxpagesize`
 * and the `@odata.nextLink`), plus `$apply` (aggregate-data.md).
 */
export const DATAVERSE_COLLECTION_OPTIONS: readonly SystemOption[] = ['$select', '$filter', '$orderby', '$top', '$count', '$expand', '$skiptoken', '$apply'];
/** What a single-record GET takes (webapi/retrieve-entity-using-web-api.md): `$select` and `$expand`. */
export const DATAVERSE_ENTITY_OPTIONS: readonly SystemOption[] = ['$select', '$expand'];

/**
 * Parameters without `$` on a Dataverse GET. `fetchXml` is answered by the FetchXML handler before the OData
 * query (when it reaches here, it is refused). `savedQuery`/`userQuery` run a saved view by id
 * (webapi/retrieve-and-execute-predefined-queries.md); the simulator has no savedquery or userquery rows, so a
 * well-formed id is the not-found error of that table, as Dataverse answers for an id that does not exist.
 * Convention: any other parameter is refused rather than ignored (Dataverse documents no others).
 */
function checkDataverseParams(params: ReadonlyMap<string, string>): void {
  for (const [name, value] of params) {
    const lower = name.toLowerCase();
    if (lower === 'savedquery' || lower === 'userquery') {
      const entity = lower;
      const id = value.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
      if (!isGuid(id)) throw Dataverse.badRequest('odata.badViewId', { parameter: name, value: value.slice(0, 100) });
      throw Dataverse.notFound(entity, id);
    }
    if (lower === 'fetchxml') throw Dataverse.badRequest('odata.unsupportedParameter', { parameter: name });
    throw Dataverse.badRequest('odata.unknownParameter', { parameter: name.slice(0, 100) });
  }
}

export interface QueryContext {
  /** Options the endpoint takes (default: the collection's). */
  readonly allow?: readonly SystemOption[];
  /** The simulated clock, for Dataverse's date query functions. */
  readonly now?: string;
}

/** Parses and applies the system query options of a request to records. */
export function queryRecords(
  records: Iterable<Rec>,
  raw: Readonly<Record<string, unknown>>,
  schema: ODataSchema,
  pageSize: number | undefined,
  flavour: 'dataverse' | 'finance',
  by?: IndexLookup,
  context: QueryContext = {},
): Queried {
  const fl = flavour === 'dataverse' ? DATAVERSE : FINANCE;
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && (k.startsWith('$') || flavour === 'dataverse')) clean[k] = v;
  const allow = flavour === 'dataverse' ? (context.allow ?? DATAVERSE_COLLECTION_OPTIONS) : (context.allow ?? ['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand', '$skiptoken']);
  const query = parseQuery(clean, schema, { flavour: fl, allow });
  if (flavour === 'dataverse') checkDataverseParams(query.params);
  const eq = by ? indexableEquality(query.filter) : undefined;
  const source = eq && by ? by(eq.field, eq.value) : records;
  // Projection happens in the wire format (which adds etags and annotations), so apply without $select/$expand.
  const result = applyQuery(Array.isArray(source) ? source : [...source], { ...query, select: undefined, expand: undefined }, schema, { pageSize, caseInsensitive: fl.caseInsensitive, now: context.now, flavour: fl });
  return {
    ...(result.aggregated ? { aggregated: true } : {}),
    value: result.value,
    count: result.count,
    nextSkipToken: result.skiptoken,
    select: query.select,
    expand: (query.expand ?? []).map((x) => ({ name: x.name, select: x.select })),
  };
}


/** `@odata.nextLink`: the same request with the next page's `$skiptoken`. */
export function nextLink(collectionUrl: string, query: Readonly<Record<string, unknown>>, token: string): string {
  const url = new URL(collectionUrl);
  for (const [k, v] of Object.entries(query)) if (k !== '$skiptoken' && typeof v === 'string') url.searchParams.set(k, v);
  url.searchParams.set('$skiptoken', token);
  return url.toString();
}
