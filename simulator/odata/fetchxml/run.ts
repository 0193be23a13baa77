/**
 * Runs a checked FetchQuery over the store: filter (narrowed through the store's index where a top-level
 * condition allows it), link-entity joins, order, distinct, aggregation and paging. Plain data in, plain data out.
 */
import { findBy, type ReadView, type Rec } from '../../store/types.js';
import { compareValues, categoryOf } from '../filter.js';
import { compareDecimal } from '../decimal.js';
import { dec, div, num, sum } from '../../domain/money.js';
import { FX, fxError } from './errors.js';
import { parseXml } from './xml.js';
import { MAX_PAGE } from './parse.js';
import type { Attribute, Column, Condition, FetchQuery, Filter, LinkEntity, Order } from './model.js';

/** A result row: the primary record and, per link-entity, the joined record (null for an outer join without match). */
export interface JoinedRow {
  readonly rec: Rec;
  readonly linked: readonly (Rec | null)[];
}

/** An aggregate result row: per alias, the value and the attribute it comes from. */
export type AggregateRow = ReadonlyMap<string, { readonly value: unknown; readonly attr: Attribute }>;

export interface FetchResult {
  readonly rows?: readonly JoinedRow[];
  readonly groups?: readonly AggregateRow[];
  readonly moreRecords: boolean;
  /** Every row matching the query, before paging. */
  readonly total: number;
  /** The `@Microsoft.Dynamics.CRM.fetchxmlpagingcookie` value, when there are more records and the query allows one. */
  readonly pagingCookie?: string;
}

export interface RunContext {
  readonly view: ReadView;
  /** The simulated clock (ISO 8601 UTC), for today, last-x-days and the like. */
  readonly now: string;
}

/** Learn: fetchxml/aggregate-data.md "Limitations": aggregate queries evaluate at most 50,000 records. */
const AGGREGATE_LIMIT = 50_000;
/**
 * convention: the most joined rows the simulator builds for one query (link-entities that each match many rows
 * multiply); beyond it the query is refused rather than exhausting the process's memory.
 */
export const MAX_JOINED_ROWS = 1_000_000;

export function runFetch(q: FetchQuery, ctx: RunContext): FetchResult {
  const day = dayBounds(ctx.now);
  const primary = q.entity;
  const test = primary.filter ? compile(primary.filter, day) : undefined;
  const source = narrowed(q, ctx.view) ?? ctx.view.all(primary.def.logicalName);
  const linkTests = q.links.map((l) => (l.filter ? compile(l.filter, day) : undefined));
  let rows: JoinedRow[] = [];
  for (const rec of source) {
    if (test && !test(rec)) continue;
    if (q.links.length === 0) {
      rows.push({ rec, linked: [] });
      continue;
    }
    let partial: (Rec | null)[][] = [[]];
    for (const [i, link] of q.links.entries()) {
      const matches = joined(link, rec, ctx.view, linkTests[i]);
      if (matches.length === 0 && link.linkType === 'inner') {
        partial = [];
        break;
      }
      const options: (Rec | null)[] = matches.length ? matches : [null];
      if (partial.length * options.length > MAX_JOINED_ROWS) throw fxError(FX.QueryBuilderUnexpected, 'tooManyJoinedRows', { max: MAX_JOINED_ROWS });
      partial = partial.flatMap((p) => options.map((m) => [...p, m]));
    }
    if (rows.length + partial.length > MAX_JOINED_ROWS) throw fxError(FX.QueryBuilderUnexpected, 'tooManyJoinedRows', { max: MAX_JOINED_ROWS });
    for (const linked of partial) rows.push({ rec, linked });
  }
  if (q.aggregate) return aggregate(q, rows);

  const orders = orderKeys(q);
  if (orders.length) rows = sortRows(rows, orders);
  if (q.distinct) rows = distinctRows(q, rows);
  const total = rows.length;
  if (q.top !== undefined) return { rows: rows.slice(0, q.top), moreRecords: false, total };
  const size = q.count ?? MAX_PAGE;
  const page = q.page ?? 1;
  const start = startOf(q, rows, page, size);
  const pageRows = rows.slice(start, start + size);
  const moreRecords = start + size < total;
  // Learn: fetchxml/page-results.md: queries ordered by a link-entity column don't get paging cookies.
  const cookie = moreRecords && pageRows.length > 0 && !q.links.some((l) => l.orders.length > 0) ? pagingCookie(q, pageRows, page) : undefined;
  return { rows: pageRows, moreRecords, total, ...(cookie !== undefined ? { pagingCookie: cookie } : {}) };
}

// ---- filtering -----------------------------------------------------------------------------------------------

/**
 * The records an equality at the top of the entity's filter selects through the store's index (findBy), or
 * undefined when no condition allows it. The whole filter is still evaluated on them, so narrowing never
 * changes the result.
 */
function narrowed(q: FetchQuery, view: ReadView): Iterable<Rec> | undefined {
  const f = q.entity.filter;
  if (!f || (f.type !== 'and' && f.items.length > 1)) return undefined;
  const table = q.entity.def.logicalName;
  const key = q.entity.def.key[0];
  for (const item of f.items) {
    if (item.kind !== 'condition' || item.operator !== 'eq') continue;
    const t = item.column.field.type;
    if (!['lookup', 'guid', 'int', 'option', 'bool'].includes(t)) continue;
    const value = item.values[0];
    if (item.column.name === key) {
      const rec = view.get(table, String(value));
      return rec ? [rec] : [];
    }
    return findBy(view, table, item.column.prop, value);
  }
  return undefined;
}

function joined(link: LinkEntity, parent: Rec, view: ReadView, test: ((r: Rec) => boolean) | undefined): Rec[] {
  const value = parent[link.to.prop];
  if (value === null || value === undefined) return [];
  const table = link.def.logicalName;
  let candidates: Iterable<Rec>;
  if (link.from.name === link.def.key[0]) {
    const rec = view.get(table, String(value).toLowerCase());
    candidates = rec ? [rec] : [];
  } else {
    candidates = findBy(view, table, link.from.prop, typeof value === 'string' && isGuidType(link.from) ? value.toLowerCase() : value);
  }
  const out: Rec[] = [];
  for (const r of candidates) if (!test || test(r)) out.push(r);
  return out;
}

const isGuidType = (c: Column): boolean => c.field.type === 'guid' || c.field.type === 'lookup';

interface Day { readonly now: number; readonly today: number }
const DAY = 86_400_000;

function dayBounds(now: string): Day {
  const ms = Date.parse(now);
  return { now: ms, today: Math.floor(ms / DAY) * DAY };
}

function compile(f: Filter, day: Day): (r: Rec) => boolean {
  const items = f.items.map((i) => (i.kind === 'filter' ? compile(i, day) : conditionTest(i, day)));
  if (items.length === 0) return () => true;
  return f.type === 'and' ? (r) => items.every((t) => t(r)) : (r) => items.some((t) => t(r));
}

function conditionTest(c: Condition, day: Day): (r: Rec) => boolean {
  const prop = c.column.prop;
  const type = c.column.field.type;
  const cat = categoryOf(type === 'lookup' ? 'guid' : type);
  const cmp = (a: unknown, b: unknown): number | undefined => compareValues(cat, a, b, true);
  const v = c.values;
  const present = (x: unknown): boolean => x !== null && x !== undefined;
  const dateMs = (x: unknown): number => Math.floor(Date.parse(String(x).length === 10 ? `${String(x)}T00:00:00Z` : String(x)) / DAY) * DAY;
  const instant = (x: unknown): number => Date.parse(String(x).length === 10 ? `${String(x)}T00:00:00Z` : String(x));
  const within = (from: number, to: number) => (r: Rec): boolean => present(r[prop]) && instant(r[prop]) >= from && instant(r[prop]) < to;
  switch (c.operator) {
    case 'eq':
      return (r) => present(r[prop]) && cmp(r[prop], v[0]) === 0;
    case 'ne':
      return (r) => present(r[prop]) && cmp(r[prop], v[0]) !== 0;
    case 'gt':
      return (r) => present(r[prop]) && (cmp(r[prop], v[0]) ?? 0) > 0;
    case 'ge':
      return (r) => present(r[prop]) && (cmp(r[prop], v[0]) ?? -1) >= 0;
    case 'lt':
      return (r) => present(r[prop]) && (cmp(r[prop], v[0]) ?? 0) < 0;
    case 'le':
      return (r) => present(r[prop]) && (cmp(r[prop], v[0]) ?? 1) <= 0;
    case 'in':
    case 'not-in': {
      // Performance: values of exact types go into a set (a long list must not cost rows × values compares).
      const key = exactKey(type);
      const yes = c.operator === 'in';
      if (key) {
        const set = new Set(v.map(key));
        return (r) => present(r[prop]) && set.has(key(r[prop])) === yes;
      }
      return (r) => present(r[prop]) && v.some((x) => cmp(r[prop], x) === 0) === yes;
    }
    case 'between':
      return (r) => present(r[prop]) && (cmp(r[prop], v[0]) ?? -1) >= 0 && (cmp(r[prop], v[1]) ?? 1) <= 0;
    case 'not-between':
      return (r) => present(r[prop]) && ((cmp(r[prop], v[0]) ?? 0) < 0 || (cmp(r[prop], v[1]) ?? 0) > 0);
    case 'null':
      return (r) => !present(r[prop]);
    case 'not-null':
      return (r) => present(r[prop]);
    case 'like':
    case 'not-like': {
      const re = likePattern(String(v[0]));
      return c.operator === 'like' ? (r) => present(r[prop]) && re.test(String(r[prop])) : (r) => present(r[prop]) && !re.test(String(r[prop]));
    }
    case 'begins-with':
    case 'not-begin-with': {
      const p = String(v[0]).toLowerCase();
      const yes = c.operator === 'begins-with';
      return (r) => present(r[prop]) && String(r[prop]).toLowerCase().startsWith(p) === yes;
    }
    case 'ends-with':
    case 'not-end-with': {
      const p = String(v[0]).toLowerCase();
      const yes = c.operator === 'ends-with';
      return (r) => present(r[prop]) && String(r[prop]).toLowerCase().endsWith(p) === yes;
    }
    // Date operators compare calendar days in UTC (the simulated user's time zone).
    case 'on':
      return (r) => present(r[prop]) && dateMs(r[prop]) === dateMs(v[0]);
    case 'on-or-before':
      return (r) => present(r[prop]) && dateMs(r[prop]) <= dateMs(v[0]);
    case 'on-or-after':
      return (r) => present(r[prop]) && dateMs(r[prop]) >= dateMs(v[0]);
    case 'today':
      return within(day.today, day.today + DAY);
    case 'yesterday':
      return within(day.today - DAY, day.today);
    case 'tomorrow':
      return within(day.today + DAY, day.today + 2 * DAY);
    // convention: "last X days" runs from the start of the day X days ago up to now, "next X days" from now to the end of the day X days ahead.
    case 'last-x-days':
      return within(day.today - Number(v[0]) * DAY, day.now + 1);
    case 'last-seven-days':
      return within(day.today - 7 * DAY, day.now + 1);
    case 'next-x-days':
      return within(day.now, day.today + (Number(v[0]) + 1) * DAY);
    case 'next-seven-days':
      return within(day.now, day.today + 8 * DAY);
  }
}

/** A set key for the values of a column type that compare exactly (strings case-insensitively), or undefined. */
function exactKey(type: string): ((x: unknown) => unknown) | undefined {
  switch (type) {
    case 'string':
    case 'memo':
    case 'guid':
    case 'lookup':
      return (x) => String(x).toLowerCase();
    case 'int':
    case 'option':
      return (x) => Number(x);
    case 'bool':
      return (x) => x === true;
    default:
      return undefined; // decimals compare by value (1.0 = 1): compared one by one
  }
}

type LikeToken = { readonly k: 'any' } | { readonly k: 'one' } | { readonly k: 'set'; readonly chars: string; readonly neg: boolean } | { readonly k: 'lit'; readonly ch: string };

/**
 * SQL LIKE (case-insensitive, as Dataverse's collation): % any run, _ one character, [set] / [^set] one of a set
 * (ranges a-z). Matched by the greedy wildcard algorithm (O(text × pattern)), never by a backtracking regular
 * expression, so a hostile pattern such as '%a%a%a…%b' stays cheap.
 */
function likePattern(pattern: string): { test(text: string): boolean } {
  const p = pattern.toLowerCase();
  const tokens: LikeToken[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    if (ch === '%') {
      if (tokens[tokens.length - 1]?.k !== 'any') tokens.push({ k: 'any' });
    } else if (ch === '_') tokens.push({ k: 'one' });
    else if (ch === '[' && p.indexOf(']', i + 1) > i + 1) {
      const end = p.indexOf(']', i + 1);
      const body = p.slice(i + 1, end);
      const neg = body.startsWith('^') && body.length > 1;
      tokens.push({ k: 'set', chars: neg ? body.slice(1) : body, neg });
      i = end;
    } else tokens.push({ k: 'lit', ch });
  }
  const inSet = (t: { chars: string; neg: boolean }, c: string): boolean => {
    let hit = false;
    for (let j = 0; j < t.chars.length && !hit; j++) {
      const a = t.chars[j] as string;
      if (t.chars[j + 1] === '-' && j + 2 < t.chars.length) {
        hit = c >= a && c <= (t.chars[j + 2] as string);
        j += 2;
      } else hit = c === a;
    }
    return hit !== t.neg;
  };
  const one = (t: LikeToken, c: string): boolean => (t.k === 'one' ? true : t.k === 'lit' ? t.ch === c : t.k === 'set' ? inSet(t, c) : false);
  return {
    test(raw: string): boolean {
      const text = [...raw.toLowerCase()];
      let ti = 0;
      let pi = 0;
      let star = -1;
      let mark = 0;
      while (ti < text.length) {
        const t = tokens[pi];
        if (t && t.k !== 'any' && one(t, text[ti] as string)) { ti++; pi++; }
        else if (t && t.k === 'any') { star = pi++; mark = ti; }
        else if (star >= 0) { pi = star + 1; ti = ++mark; }
        else return false;
      }
      while (tokens[pi]?.k === 'any') pi++;
      return pi === tokens.length;
    },
  };
}

// ---- order, distinct, paging ---------------------------------------------------------------------------------

interface OrderKey { readonly link: number; readonly column: Column; readonly descending: boolean }

/** The entity's orders, then each link-entity's (Learn: fetchxml/order-rows.md); the primary key breaks ties. */
function orderKeys(q: FetchQuery): OrderKey[] {
  const keys: OrderKey[] = [];
  const add = (link: number, orders: readonly Order[]) => { for (const o of orders) if (o.column) keys.push({ link, column: o.column, descending: o.descending }); };
  add(-1, q.entity.orders);
  q.links.forEach((l, i) => add(i, l.orders));
  if (keys.length) {
    const pk = q.entity.def.key[0] as string;
    if (!keys.some((k) => k.link === -1 && k.column.name === pk)) keys.push({ link: -1, column: { name: pk, prop: pk, field: q.entity.def.fields[pk]! }, descending: false });
  }
  return keys;
}

const valueAt = (row: JoinedRow, link: number, prop: string): unknown => (link < 0 ? row.rec : row.linked[link])?.[prop] ?? null;

function sortRows(rows: JoinedRow[], keys: readonly OrderKey[]): JoinedRow[] {
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const x = valueAt(a, k.link, k.column.prop);
      const y = valueAt(b, k.link, k.column.prop);
      let c: number;
      // Nulls sort first ascending, last descending (SQL Server).
      if (x === null || y === null) c = x === y ? 0 : x === null ? -1 : 1;
      else c = compareValues(categoryOf(k.column.field.type === 'lookup' ? 'guid' : k.column.field.type), x, y, true) ?? 0;
      if (c !== 0) return k.descending ? -c : c;
    }
    return 0;
  });
}

function distinctRows(q: FetchQuery, rows: readonly JoinedRow[]): JoinedRow[] {
  const seen = new Set<string>();
  const out: JoinedRow[] = [];
  const cols = (attrs: readonly Attribute[] | undefined, def: { fields: Readonly<Record<string, unknown>> }): string[] =>
    attrs ? attrs.map((a) => a.prop) : Object.keys(def.fields);
  const primary = cols(q.entity.attributes, q.entity.def);
  const linked = q.links.map((l) => cols(l.attributes, l.def));
  for (const row of rows) {
    const key = JSON.stringify([primary.map((p) => row.rec[p] ?? null), linked.map((ps, i) => ps.map((p) => row.linked[i]?.[p] ?? null))]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
}

/**
 * Where a page starts. With the previous page's cookie, just after the cookie's last primary key (so rows
 * created or deleted before it don't shift the page); else, and for a cookie of another page, by position.
 */
function startOf(q: FetchQuery, rows: readonly JoinedRow[], page: number, size: number): number {
  const byPosition = (page - 1) * size;
  if (q.pagingCookie === undefined || q.pagingCookie === '') return byPosition;
  let cookie;
  try {
    cookie = parseXml(q.pagingCookie);
  } catch {
    throw fxError(FX.InvalidPagingCookie, 'invalidPagingCookie');
  }
  const cookiePage = Number(cookie.attrs.get('page'));
  if (cookie.name !== 'cookie' || !Number.isInteger(cookiePage) || cookiePage < 0) throw fxError(FX.InvalidPagingCookie, 'invalidPagingCookie');
  if (cookiePage !== page - 1) return byPosition; // Learn (SDK docs): a cookie of a nonconsecutive page is not used.
  const pk = q.entity.def.key[0] as string;
  const last = cookie.children.find((c) => c.name === pk)?.attrs.get('last');
  const id = last ? /^\{?([0-9a-fA-F-]{36})\}?$/.exec(last)?.[1]?.toLowerCase() : undefined;
  if (!id) return byPosition;
  const at = rows.findIndex((r) => r.rec[pk] === id);
  return at < 0 ? byPosition : at + 1;
}

/**
 * Learn: fetchxml/page-results.md (Web API): `<cookie pagenumber="n+1" pagingcookie="…" istracking="False" />`,
 * the pagingcookie attribute being the inner `<cookie page="n">` (first and last value of each order column and
 * of the primary key) URL-encoded twice.
 */
function pagingCookie(q: FetchQuery, rows: readonly JoinedRow[], page: number): string {
  const first = rows[0] as JoinedRow;
  const last = rows[rows.length - 1] as JoinedRow;
  const pk = q.entity.def.key[0] as string;
  const cols = [...q.entity.orders.flatMap((o) => (o.column && o.column.name !== pk ? [o.column] : []))];
  const text = (c: Column, r: JoinedRow): string => {
    const v = r.rec[c.prop];
    if (v === null || v === undefined) return '';
    return c.field.type === 'guid' || c.field.type === 'lookup' ? `{${String(v).toUpperCase()}}` : String(v);
  };
  let inner = `<cookie page="${page}">`;
  for (const c of cols) inner += `<${c.name} last="${xmlAttr(text(c, last))}" first="${xmlAttr(text(c, first))}" />`;
  const pkCol: Column = { name: pk, prop: pk, field: q.entity.def.fields[pk]! };
  inner += `<${pk} last="${xmlAttr(text(pkCol, last))}" first="${xmlAttr(text(pkCol, first))}" /></cookie>`;
  return `<cookie pagenumber="${page + 1}" pagingcookie="${urlEncode(urlEncode(inner))}" istracking="False" />`;
}

const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Percent-encoding as the documented cookie shows it: lower-case hex, letters, digits, '-', '_' and '.' kept. */
function urlEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.]/.test(ch) ? ch : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

// ---- aggregation ---------------------------------------------------------------------------------------------

interface Source { readonly attr: Attribute; readonly link: number }

function aggregate(q: FetchQuery, rows: readonly JoinedRow[]): FetchResult {
  const limit = q.aggregateLimit ?? AGGREGATE_LIMIT;
  if (rows.length > limit) throw fxError(FX.AggregateQueryRecordLimitExceeded, 'aggregateLimit', { limit });
  const sources: Source[] = [
    ...(q.entity.attributes ?? []).map((attr) => ({ attr, link: -1 })),
    ...q.links.flatMap((l, i) => (l.attributes ?? []).map((attr) => ({ attr, link: i }))),
  ];
  const groupCols = sources.filter((s) => s.attr.groupby);
  const groups = new Map<string, JoinedRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupCols.map((g) => groupValue(g, row)));
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(row);
  }
  // Without groupby there is one row, also over no records (SQL aggregates without GROUP BY).
  if (groupCols.length === 0 && groups.size === 0) groups.set('[]', []);
  let out: AggregateRow[] = [...groups.values()].map((members) => {
    const row = new Map<string, { value: unknown; attr: Attribute }>();
    for (const s of sources) {
      const value = s.attr.groupby ? (members[0] ? groupValue(s, members[0]) : null) : aggregateValue(s, members);
      row.set(s.attr.alias as string, { value, attr: s.attr });
    }
    return row;
  });
  const orders = [...q.entity.orders, ...q.links.flatMap((l) => l.orders)];
  if (orders.length) {
    out = [...out].sort((a, b) => {
      for (const o of orders) {
        const x = a.get(o.alias as string);
        const y = b.get(o.alias as string);
        const xv = x?.value ?? null;
        const yv = y?.value ?? null;
        let c: number;
        if (xv === null || yv === null) c = xv === yv ? 0 : xv === null ? -1 : 1;
        else {
          const t = x?.attr.dategrouping || x?.attr.aggregate === 'count' || x?.attr.aggregate === 'countcolumn' ? 'int' : x?.attr.field.type ?? 'string';
          c = compareValues(categoryOf(t === 'lookup' ? 'guid' : t), xv, yv, true) ?? 0;
        }
        if (c !== 0) return o.descending ? -c : c;
      }
      return 0;
    });
  }
  const total = out.length;
  if (q.top !== undefined) return { groups: out.slice(0, q.top), moreRecords: false, total };
  const size = q.count ?? MAX_PAGE;
  const start = ((q.page ?? 1) - 1) * size;
  return { groups: out.slice(start, start + size), moreRecords: start + size < total, total };
}

function groupValue(s: Source, row: JoinedRow): unknown {
  const v = valueAt(row, s.link, s.attr.prop);
  if (v === null || !s.attr.dategrouping) return typeof v === 'string' && s.attr.field.type === 'lookup' ? v.toLowerCase() : v;
  const d = new Date(String(v).length === 10 ? `${String(v)}T00:00:00Z` : String(v));
  switch (s.attr.dategrouping) {
    case 'year': return d.getUTCFullYear();
    case 'quarter': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month': return d.getUTCMonth() + 1;
    case 'day': return d.getUTCDate();
  }
}

function aggregateValue(s: Source, members: readonly JoinedRow[]): unknown {
  const fn = s.attr.aggregate;
  if (fn === 'count') return members.length;
  const values = members.map((m) => valueAt(m, s.link, s.attr.prop)).filter((v) => v !== null);
  if (fn === 'countcolumn') return s.attr.distinct ? new Set(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v)))).size : values.length;
  if (values.length === 0) return null; // SQL: sum, avg, min and max of no values are null
  const type = s.attr.field.type;
  const places = type === 'money' ? 2 : 10;
  switch (fn) {
    case 'sum':
      return type === 'int' ? values.reduce((a: number, v) => a + Number(v), 0) : num(sum(values), places);
    case 'avg':
      // SQL AVG of an integer column is an integer (truncated); decimals exactly, rounded to the column's places.
      if (type === 'int') return Math.trunc(values.reduce((a: number, v) => a + Number(v), 0) / values.length);
      return num(div(sum(values), dec(values.length)), places);
    case 'min':
    case 'max': {
      const sign = fn === 'min' ? -1 : 1;
      return values.reduce((best, v) => {
        const c = type === 'date' || type === 'datetime' ? Date.parse(String(v)) - Date.parse(String(best)) : compareDecimal(v, best) ?? 0;
        return c * sign > 0 ? v : best;
      });
    }
    default:
      return null;
  }
}
