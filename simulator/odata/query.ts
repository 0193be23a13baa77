/**
 * System query options (`$select`, `$filter`, `$orderby`, `$top`, `$skip`, `$count`, `$expand`,
 * `$skiptoken`) parsed and validated against a schema, and applied to an array of plain records:
 * filter → orderby → skip → top → page → select/expand.
 */
import { DATAVERSE, type Flavour, odataError } from './flavour.js';
import { type EvalOptions, type Expr, type Rec, categoryOf, compareValues, compileFilter, own, parseFilter } from './filter.js';
import { type ODataSchema, type PropType, navigationTarget, propertyType } from './schema.js';
import { type ApplyPlan, parseApply, runApply } from './apply.js';

export interface OrderItem {
  readonly property: string;
  readonly type: PropType;
  readonly desc: boolean;
}

export interface ExpandItem {
  /** Single-valued navigation property. */
  readonly name: string;
  /** Nested `$select`, validated against the target schema; undefined = all properties. */
  readonly select?: readonly string[];
  readonly schema: ODataSchema;
}

export interface ODataQuery {
  readonly select?: readonly string[];
  readonly filter?: Expr;
  readonly orderby?: readonly OrderItem[];
  readonly top?: number;
  readonly skip?: number;
  readonly count: boolean;
  readonly expand?: readonly ExpandItem[];
  /** The opaque token as received. */
  readonly skiptoken?: string;
  /** Position decoded from `$skiptoken`: records already returned by earlier pages. */
  readonly pageOffset?: number;
  /** Parameters without `$` or `@` (e.g. `cross-company`, `savedQuery`), last value wins. */
  readonly params: ReadonlyMap<string, string>;
  /** Parameter aliases (`@p1` → raw value), used by `$filter` and `$orderby`. */
  readonly aliases: ReadonlyMap<string, string>;
  /** `$apply` (groupby/aggregate): the result rows are aggregates, not records. */
  readonly apply?: ApplyPlan;
}

export const SYSTEM_OPTIONS = ['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand', '$skiptoken', '$apply'] as const;
export type SystemOption = (typeof SYSTEM_OPTIONS)[number];
/** What an endpoint accepts unless it says otherwise (`$apply` only where it is asked for). */
const DEFAULT_ALLOW: readonly SystemOption[] = ['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand', '$skiptoken'];
/** OData 4.0/4.01 system query options the simulator does not implement: 400 "not supported", not "unknown". */
export const KNOWN_UNSUPPORTED: ReadonlySet<string> = new Set(['$search', '$format', '$compute', '$index', '$levels', '$schemaversion', '$deltatoken', '$id']);
/** Options where a parameter alias may stand (Dataverse: filter-rows.md "Use parameter aliases with system query options"). */
const ALIAS_OPTIONS: ReadonlySet<string> = new Set(['$filter', '$orderby']);
/** `@name` at the start of a value or an item: an alias reference. */
const ALIAS_REF = /(?:^|[,(=;\s])@[A-Za-z_]/;

export const MAX_TOP = 5000;

export interface QueryOptions {
  readonly flavour?: Flavour;
  /** Options this endpoint accepts (default: all of SYSTEM_OPTIONS but `$apply`); others are 400 'odata.unsupportedOption'. */
  readonly allow?: readonly SystemOption[];
  /** Upper bound of `$top` (default 5000). */
  readonly maxTop?: number;
  readonly maxDepth?: number;
  readonly maxLength?: number;
  /** Whether `@name` parameter aliases are taken (default: on Dataverse). */
  readonly aliases?: boolean;
}

type RawQuery = string | URLSearchParams | Readonly<Record<string, unknown>>;

/** Name/value pairs of a raw query string (with or without '?'), a URLSearchParams or Express `req.query`. */
function pairs(input: RawQuery, flavour: Flavour): [string, string][] {
  if (typeof input === 'string') return [...new URLSearchParams(input.startsWith('?') ? input.slice(1) : input)];
  if (input instanceof URLSearchParams) return [...input];
  const out: [string, string][] = [];
  for (const [name, v] of Object.entries(input)) {
    const values = Array.isArray(v) ? (v as unknown[]) : [v];
    for (const x of values) {
      if (typeof x !== 'string') throw odataError(flavour, 'syntax', { position: 0, token: name });
      out.push([name, x]);
    }
  }
  return out;
}

/** Parse the query options of a request. Throws `SimError` 400 on anything invalid. */
export function parseQuery(input: RawQuery, schema: ODataSchema, options: QueryOptions = {}): ODataQuery {
  const flavour = options.flavour ?? DATAVERSE;
  const allow: ReadonlySet<string> = new Set(options.allow ?? DEFAULT_ALLOW);
  const takesAliases = options.aliases ?? flavour.name === 'dataverse';
  const seen = new Map<string, string>();
  const params = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const [rawName, v] of pairs(input, flavour)) {
    if (rawName.startsWith('@') && takesAliases) {
      if (!/^@[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(rawName)) throw odataError(flavour, 'syntax', { position: 0, token: rawName.slice(0, 100) });
      if (aliases.has(rawName)) throw odataError(flavour, 'duplicateOption', { option: rawName });
      aliases.set(rawName, v);
      continue;
    }
    if (!rawName.startsWith('$')) {
      params.set(rawName, v);
      continue;
    }
    const name = rawName.toLowerCase();
    if (!(SYSTEM_OPTIONS as readonly string[]).includes(name)) {
      throw odataError(flavour, KNOWN_UNSUPPORTED.has(name) ? 'unsupportedOption' : 'unknownOption', { option: rawName.slice(0, 100) });
    }
    if (!allow.has(name)) throw odataError(flavour, 'unsupportedOption', { option: rawName });
    if (seen.has(name)) throw odataError(flavour, 'duplicateOption', { option: rawName });
    if (takesAliases && !ALIAS_OPTIONS.has(name) && ALIAS_REF.test(v)) throw odataError(flavour, 'aliasNotAllowed', { option: rawName });
    seen.set(name, v);
  }

  const q: {
    -readonly [K in keyof ODataQuery]: ODataQuery[K];
  } = { count: false, params, aliases };
  const apply = seen.get('$apply');
  if (apply !== undefined) {
    // convention: $apply stands alone (Dataverse documents it with no other option); filter() goes inside it.
    const other = [...seen.keys()].find((k) => k !== '$apply');
    if (other) throw odataError(flavour, 'applyWith', { option: other });
    q.apply = parseApply(apply, schema, { flavour, maxDepth: options.maxDepth, maxLength: options.maxLength });
    return q;
  }
  const select = seen.get('$select');
  if (select !== undefined) q.select = parseSelect(select, schema, flavour);
  const filter = seen.get('$filter');
  if (filter !== undefined) q.filter = parseFilter(filter, schema, { flavour, maxDepth: options.maxDepth, maxLength: options.maxLength, aliases: takesAliases ? aliases : undefined });
  const orderby = seen.get('$orderby');
  if (orderby !== undefined) q.orderby = parseOrderby(orderby, schema, flavour, takesAliases ? aliases : undefined);
  const top = seen.get('$top');
  if (top !== undefined) q.top = parseCount(top, options.maxTop ?? MAX_TOP, 'badTop', flavour);
  const skip = seen.get('$skip');
  if (skip !== undefined) q.skip = parseCount(skip, Number.MAX_SAFE_INTEGER, 'badSkip', flavour);
  const count = seen.get('$count');
  if (count !== undefined) {
    if (count !== 'true' && count !== 'false') throw odataError(flavour, 'badCount', { value: count.slice(0, 100) });
    q.count = count === 'true';
  }
  const expand = seen.get('$expand');
  if (expand !== undefined) q.expand = parseExpand(expand, schema, flavour);
  const token = seen.get('$skiptoken');
  if (token !== undefined) {
    q.skiptoken = token;
    q.pageOffset = decodeSkiptoken(token, flavour);
  }
  return q;
}

const DIGITS = /^\d{1,16}$/;

function parseCount(text: string, max: number, key: string, flavour: Flavour): number {
  const t = text.trim();
  const n = DIGITS.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > max) throw odataError(flavour, key, { value: text.slice(0, 100), max });
  return n;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function checkName(name: string, schema: ODataSchema, flavour: Flavour, position: number): PropType {
  if (!NAME.test(name)) throw odataError(flavour, 'syntax', { position, token: name.slice(0, 100) });
  const type = propertyType(schema, name);
  if (!type) throw odataError(flavour, 'unknownProperty', { property: name, type: schema.typeName });
  return type;
}

/** Comma-separated items with their offsets; empty items are a syntax error. */
function items(text: string, flavour: Flavour): { text: string; pos: number }[] {
  const out: { text: string; pos: number }[] = [];
  let pos = 0;
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (!trimmed) throw odataError(flavour, 'syntax', { position: pos, token: ',' });
    out.push({ text: trimmed, pos: pos + part.indexOf(trimmed) });
    pos += part.length + 1;
  }
  return out;
}

export function parseSelect(text: string, schema: ODataSchema, flavour: Flavour = DATAVERSE): string[] {
  const names: string[] = [];
  for (const { text: name, pos } of items(text, flavour)) {
    checkName(name, schema, flavour, pos);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function parseOrderby(text: string, schema: ODataSchema, flavour: Flavour = DATAVERSE, aliases?: ReadonlyMap<string, string>): OrderItem[] {
  const out: OrderItem[] = [];
  for (const { text: item, pos } of items(text, flavour)) {
    const words = item.split(/[ \t]+/);
    let [name, dir, ...rest] = words as [string, string | undefined, ...string[]];
    if (rest.length > 0 || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) {
      throw odataError(flavour, 'syntax', { position: pos, token: item.slice(0, 100) });
    }
    if (name.startsWith('@') && aliases) {
      // An alias in $orderby stands for a property (filter-rows.md "Use parameter aliases with system query options").
      const value = aliases.get(name);
      if (value === undefined) throw odataError(flavour, 'aliasWithoutValue', { alias: name.slice(0, 100) });
      if (!NAME.test(value.trim())) throw odataError(flavour, 'badAliasValue', { alias: name, value: value.slice(0, 100) });
      name = value.trim();
    }
    const type = checkName(name, schema, flavour, pos);
    out.push({ property: name, type, desc: dir === 'desc' });
  }
  return out;
}

/** `nav1($select=a,b),nav2`: single-valued navigation properties with an optional nested `$select`. */
export function parseExpand(text: string, schema: ODataSchema, flavour: Flavour = DATAVERSE): ExpandItem[] {
  const out: ExpandItem[] = [];
  let i = 0;
  const syntax = (pos: number) => odataError(flavour, 'syntax', { position: pos, token: text.slice(pos, pos + 20) });
  for (;;) {
    while (text[i] === ' ') i++;
    const start = i;
    while (i < text.length && text[i] !== '(' && text[i] !== ',' && text[i] !== ')') i++;
    const name = text.slice(start, i).trim();
    if (!NAME.test(name)) throw syntax(start);
    const target = navigationTarget(schema, name);
    if (!target) throw odataError(flavour, 'unknownProperty', { property: name, type: schema.typeName });
    if (out.some((e) => e.name === name)) throw odataError(flavour, 'duplicateOption', { option: `$expand=${name}` });
    let select: string[] | undefined;
    if (text[i] === '(') {
      const close = text.indexOf(')', i);
      if (close < 0) throw syntax(i);
      const inner = text.slice(i + 1, close);
      if (inner.includes('(')) throw syntax(i + 1 + inner.indexOf('('));
      for (const opt of inner.split(';')) {
        const eq = opt.indexOf('=');
        const optName = (eq < 0 ? opt : opt.slice(0, eq)).trim();
        if (optName.toLowerCase() !== '$select' || eq < 0) {
          throw odataError(flavour, 'unsupportedOption', { option: `$expand=${name}(${optName.slice(0, 50)})` });
        }
        if (select) throw odataError(flavour, 'duplicateOption', { option: `$expand=${name}($select)` });
        select = parseSelect(opt.slice(eq + 1), target, flavour);
      }
      i = close + 1;
    }
    out.push(select ? { name, select, schema: target } : { name, schema: target });
    while (text[i] === ' ') i++;
    if (i >= text.length) return out;
    if (text[i] !== ',') throw syntax(i);
    i++;
  }
}

// ---------------------------------------------------------------------------------------------------
// Skip tokens: opaque to clients; ours carry the number of records already returned.

const TOKEN_PREFIX = 'sim1:';

export function encodeSkiptoken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeSkiptoken(token: string, flavour: Flavour = DATAVERSE): number {
  const bad = () => odataError(flavour, 'badSkiptoken', { value: token.slice(0, 100) });
  if (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token)) throw bad();
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) throw bad();
  const n = text.slice(TOKEN_PREFIX.length);
  if (!DIGITS.test(n) || !Number.isSafeInteger(Number(n))) throw bad();
  return Number(n);
}

/** The query string of the next page: the original one with `$skiptoken` replaced. */
export function withSkiptoken(search: string | URLSearchParams, token: string): string {
  const p = new URLSearchParams(typeof search === 'string' ? search.replace(/^\?/, '') : search);
  for (const name of [...p.keys()]) if (name.toLowerCase() === '$skiptoken') p.delete(name);
  p.set('$skiptoken', token);
  return p.toString();
}

// ---------------------------------------------------------------------------------------------------
// Applying a query

export interface ApplyOptions extends EvalOptions {
  /** Page size from `Prefer: odata.maxpagesize`; undefined = no paging. */
  readonly pageSize?: number;
  /** The record behind a single-valued navigation property, for `$expand` (default: the record's own object property). */
  readonly expand?: (record: Rec, nav: string) => Rec | null | undefined;
  /** Properties always kept under `$select` besides the schema's keys (e.g. `versionnumber`). */
  readonly keep?: readonly string[];
  /** For errors of `$apply` in the API's code. */
  readonly flavour?: Flavour;
}

export interface QueryResult {
  readonly value: Rec[];
  /** Number of records matching `$filter` (before `$skip`/`$top`), with `$count=true`. */
  readonly count?: number;
  /** Offset of the next page when there is one. */
  readonly nextSkip?: number;
  /** Opaque `$skiptoken` for the next page (encodes `nextSkip`). */
  readonly skiptoken?: string;
  /** The rows are `$apply` aggregates (no keys, ETags or annotations). */
  readonly aggregated?: boolean;
}

export function applyQuery(records: readonly Rec[], query: ODataQuery, schema: ODataSchema, options: ApplyOptions = {}): QueryResult {
  if (query.apply) return { value: runApply(records, query.apply, options.flavour ?? DATAVERSE, options.caseInsensitive ?? true), aggregated: true };
  let rows = query.filter ? records.filter(compileFilter(query.filter, options)) : [...records];
  const total = rows.length;
  if (query.orderby?.length) rows = sortRecords(rows, query.orderby, options.caseInsensitive ?? true);
  if (query.skip) rows = rows.slice(query.skip);
  if (query.top !== undefined) rows = rows.slice(0, query.top);

  const offset = query.pageOffset ?? 0;
  let page = rows.slice(offset);
  let nextSkip: number | undefined;
  if (options.pageSize !== undefined && options.pageSize > 0 && page.length > options.pageSize) {
    page = page.slice(0, options.pageSize);
    nextSkip = offset + options.pageSize;
  }

  const value = page.map((r) => project(r, query, schema, options));
  return {
    value,
    ...(query.count ? { count: total } : {}),
    ...(nextSkip !== undefined ? { nextSkip, skiptoken: encodeSkiptoken(nextSkip) } : {}),
  };
}

/** Stable sort by the order items; nulls first ascending (SQL Server), last descending. */
export function sortRecords(rows: readonly Rec[], order: readonly OrderItem[], caseInsensitive = true): Rec[] {
  return [...rows].sort((a, b) => {
    for (const item of order) {
      const x = own(a, item.property);
      const y = own(b, item.property);
      let c: number;
      if (x === null || y === null) c = x === y ? 0 : x === null ? -1 : 1;
      else {
        const cmp = compareValues(categoryOf(item.type), x, y, caseInsensitive);
        c = cmp ?? (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
      }
      if (c !== 0) return item.desc ? -c : c;
    }
    return 0;
  });
}

/** `$select` projection keeping record annotations (`@odata.etag`) and those of selected properties. */
function select(record: Rec, names: readonly string[] | undefined, keep: readonly string[]): Record<string, unknown> {
  if (!names) return { ...record };
  const wanted = new Set([...keep, ...names]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const at = k.indexOf('@');
    const base = at < 0 ? k : k.slice(0, at);
    if (at === 0 || wanted.has(base)) out[k] = v;
  }
  for (const name of names) if (!Object.prototype.hasOwnProperty.call(out, name)) out[name] = null;
  return out;
}

function project(record: Rec, query: ODataQuery, schema: ODataSchema, options: ApplyOptions): Rec {
  const out = select(record, query.select, [...(schema.keys ?? []), ...(options.keep ?? [])]);
  for (const item of query.expand ?? []) {
    const related = options.expand ? options.expand(record, item.name) : own(record, item.name);
    out[item.name] =
      related && typeof related === 'object' ? select(related as Rec, item.select, item.schema.keys ?? []) : null;
  }
  return out;
}
