/**
 * `$apply` in the forms Dataverse documents (powerapps/developer/data-platform/webapi/query/aggregate-data.md):
 *
 *   aggregate(revenue with sum as total, $count as count)
 *   groupby((statuscode,_ownerid_value))
 *   groupby((statuscode),aggregate(revenue with average as avg))
 *   filter(statecode eq 0)/groupby((statuscode),aggregate($count as count))
 *
 * Aggregation methods: sum, average, min, max, countdistinct, and `$count`. Any other transformation (compute,
 * expand, concat, topcount, search …), method or navigation path is refused. Sums and averages of money and
 * decimal columns are decimal-exact.
 */
import { SimError } from '../errors.js';
import { type DecParts, parseDec } from './decimal.js';
import { type Category, type Expr, type Rec, categoryOf, compareValues, compileFilter, own, parseFilter } from './filter.js';
import { type Flavour, odataError } from './flavour.js';
import { type ODataSchema, type PropType, propertyType } from './schema.js';

export type AggregateMethod = 'sum' | 'average' | 'min' | 'max' | 'countdistinct';

export interface AggregateItem {
  /** `$count` counts rows; otherwise a method over a property. */
  readonly method: AggregateMethod | 'count';
  readonly property?: string;
  readonly type?: PropType;
  readonly alias: string;
}

export interface ApplyPlan {
  /** `filter(...)` transformations before grouping, all must hold. */
  readonly filters: readonly Expr[];
  /** Properties of `groupby((...))`; undefined without groupby. */
  readonly groupby?: readonly string[];
  readonly aggregate: readonly AggregateItem[];
}

/**
 * Most rows an aggregation reads. Dataverse refuses an aggregate over more than 50,000 rows with the
 * AggregateQueryRecordLimit error (fetchxml/aggregate-data.md "Limitations"; the Web API page points there).
 */
export const AGGREGATE_LIMIT = 50_000;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const METHODS: ReadonlySet<string> = new Set(['sum', 'average', 'min', 'max', 'countdistinct']);
/** Transformations OData Data Aggregation defines that Dataverse does not document: refused as unsupported. */
const OTHER_TRANSFORMATIONS: ReadonlySet<string> = new Set(['compute', 'expand', 'concat', 'topcount', 'topsum', 'toppercent', 'bottomcount', 'bottomsum', 'bottompercent', 'identity', 'search', 'orderby', 'top', 'skip', 'nest', 'ancestors', 'descendants', 'traverse']);

/** Index of the parenthesis closing the one at `open`, skipping quoted strings; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const q = text.indexOf("'", i + 1);
      if (q < 0) return -1;
      i = q; // '' (an escaped quote) reopens at the next iteration
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level pieces of `text` split at `sep`, outside parentheses and quotes. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

export interface ApplyParseOptions {
  readonly flavour: Flavour;
  readonly aliases?: ReadonlyMap<string, string>;
  readonly maxDepth?: number;
  readonly maxLength?: number;
}

export function parseApply(text: string, schema: ODataSchema, options: ApplyParseOptions): ApplyPlan {
  const { flavour } = options;
  const syntax = (pos: number, token: string): SimError => odataError(flavour, 'syntax', { position: pos, token: token.slice(0, 40) });
  if (text.length > (options.maxLength ?? 8192)) throw odataError(flavour, 'tooLong', { max: options.maxLength ?? 8192 });
  const filters: Expr[] = [];
  let groupby: string[] | undefined;
  let aggregate: AggregateItem[] = [];
  const steps = splitTop(text, '/');
  let pos = 0;
  steps.forEach((raw, index) => {
    const step = raw.trim();
    const open = step.indexOf('(');
    const name = open < 0 ? step : step.slice(0, open).trim();
    if (open < 0 || closing(step, open) !== step.length - 1) {
      if (OTHER_TRANSFORMATIONS.has(name)) throw odataError(flavour, 'applyUnsupported', { transformation: name });
      throw syntax(pos, step);
    }
    const inner = step.slice(open + 1, -1);
    const last = index === steps.length - 1;
    if (name === 'filter') {
      if (groupby || aggregate.length) throw odataError(flavour, 'applyUnsupported', { transformation: `${name} after groupby/aggregate` });
      filters.push(parseFilter(inner, schema, { flavour, aliases: options.aliases, maxDepth: options.maxDepth, maxLength: options.maxLength }));
    } else if (name === 'aggregate' && last) {
      aggregate = parseAggregate(inner, schema, flavour, pos + open + 1);
    } else if (name === 'groupby' && last) {
      [groupby, aggregate] = parseGroupby(inner, schema, flavour, pos + open + 1);
    } else if (name === 'aggregate' || name === 'groupby') {
      throw odataError(flavour, 'applyUnsupported', { transformation: `${name} followed by another transformation` });
    } else if (OTHER_TRANSFORMATIONS.has(name) || NAME.test(name)) {
      throw odataError(flavour, 'applyUnsupported', { transformation: name.slice(0, 50) });
    } else throw syntax(pos, step);
    pos += raw.length + 1;
  });
  if (!groupby && aggregate.length === 0) throw odataError(flavour, 'applyUnsupported', { transformation: 'filter without groupby or aggregate' });
  return { filters, ...(groupby ? { groupby } : {}), aggregate };
}

function checkProperty(name: string, schema: ODataSchema, flavour: Flavour, pos: number): PropType {
  if (name.includes('/')) throw odataError(flavour, 'applyUnsupported', { transformation: `navigation path ${name.slice(0, 60)}` });
  if (!NAME.test(name)) throw odataError(flavour, 'syntax', { position: pos, token: name.slice(0, 40) });
  const type = propertyType(schema, name);
  if (!type) throw odataError(flavour, 'unknownProperty', { property: name, type: schema.typeName });
  return type;
}

/** `(a,b)` or `(a,b),aggregate(...)`. */
function parseGroupby(inner: string, schema: ODataSchema, flavour: Flavour, pos: number): [string[], AggregateItem[]] {
  const parts = splitTop(inner, ',');
  const first = (parts[0] ?? '').trim();
  if (!first.startsWith('(') || !first.endsWith(')') || first.length < 3) throw odataError(flavour, 'syntax', { position: pos, token: first.slice(0, 40) });
  const props: string[] = [];
  for (const p of first.slice(1, -1).split(',')) {
    const name = p.trim();
    checkProperty(name, schema, flavour, pos);
    if (!props.includes(name)) props.push(name);
  }
  let aggregate: AggregateItem[] = [];
  if (parts.length > 2) throw odataError(flavour, 'syntax', { position: pos, token: inner.slice(0, 40) });
  if (parts.length === 2) {
    const rest = (parts[1] ?? '').trim();
    const open = rest.indexOf('(');
    if (open < 0 || rest.slice(0, open).trim() !== 'aggregate' || closing(rest, open) !== rest.length - 1) {
      throw odataError(flavour, 'applyUnsupported', { transformation: `groupby with ${rest.slice(0, open < 0 ? 40 : open)}` });
    }
    aggregate = parseAggregate(rest.slice(open + 1, -1), schema, flavour, pos);
    for (const a of aggregate) if (props.includes(a.alias)) throw odataError(flavour, 'applyDuplicateAlias', { alias: a.alias });
  }
  return [props, aggregate];
}

const NUMERIC: readonly Category[] = ['number'];
const ORDERED: readonly Category[] = ['number', 'datetime'];

/** `x with sum as total, $count as n`. */
function parseAggregate(inner: string, schema: ODataSchema, flavour: Flavour, pos: number): AggregateItem[] {
  const out: AggregateItem[] = [];
  for (const raw of splitTop(inner, ',')) {
    const words = raw.trim().split(/\s+/);
    let item: AggregateItem;
    if (words.length === 3 && words[0] === '$count' && words[1] === 'as') {
      item = { method: 'count', alias: words[2]! };
    } else if (words.length === 5 && words[1] === 'with' && words[3] === 'as') {
      const method = words[2]!;
      if (!METHODS.has(method)) throw odataError(flavour, 'applyMethod', { method: method.slice(0, 40) });
      const type = checkProperty(words[0]!, schema, flavour, pos);
      const allowed = method === 'sum' || method === 'average' ? NUMERIC : method === 'countdistinct' ? undefined : ORDERED;
      if (allowed && !allowed.includes(categoryOf(type))) throw odataError(flavour, 'typeMismatch', { property: words[0]!, expected: allowed.join(' or ') });
      item = { method: method as AggregateMethod, property: words[0]!, type, alias: words[4]! };
    } else {
      throw odataError(flavour, 'syntax', { position: pos, token: raw.trim().slice(0, 40) });
    }
    if (!NAME.test(item.alias)) throw odataError(flavour, 'syntax', { position: pos, token: item.alias.slice(0, 40) });
    if (propertyType(schema, item.alias) || out.some((o) => o.alias === item.alias)) throw odataError(flavour, 'applyDuplicateAlias', { alias: item.alias });
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

/** Exact decimal arithmetic on parsed parts. */
const toBig = (d: DecParts, scale: number): bigint => (d.neg ? -d.digits : d.digits) * 10n ** BigInt(scale - d.scale);

function decText(value: bigint, scale: number): string {
  const neg = value < 0n;
  const abs = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  const frac = scale > 0 ? abs.slice(abs.length - scale).replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Digits an average keeps (convention: Dataverse's decimal columns hold at most 10 decimal places). */
const AVERAGE_SCALE = 10;

function sumOf(values: readonly unknown[]): { sum: bigint; scale: number; n: number } | undefined {
  const parts = values.map((v) => parseDec(v)).filter((d): d is DecParts => d !== undefined);
  if (parts.length === 0) return undefined;
  const scale = Math.max(...parts.map((d) => d.scale));
  return { sum: parts.reduce((acc, d) => acc + toBig(d, scale), 0n), scale, n: parts.length };
}

function aggregateValue(item: AggregateItem, rows: readonly Rec[], ci: boolean): unknown {
  if (item.method === 'count') return rows.length;
  const values = rows.map((r) => own(r, item.property!)).filter((v) => v !== null && v !== undefined);
  const cat = categoryOf(item.type!);
  switch (item.method) {
    case 'sum': {
      const s = sumOf(values);
      return s ? Number(decText(s.sum, s.scale)) : null;
    }
    case 'average': {
      const s = sumOf(values);
      if (!s) return null;
      // Round half away from zero at AVERAGE_SCALE digits: (sum × 10^k) / n with the scale moved.
      const shift = 10n ** BigInt(AVERAGE_SCALE);
      const num = s.sum * shift * 10n;
      const den = BigInt(s.n) * 10n ** BigInt(s.scale);
      let q = num / den;
      q = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n;
      return Number(decText(q, AVERAGE_SCALE));
    }
    case 'min':
    case 'max': {
      let best: unknown = null;
      for (const v of values) {
        const c = best === null ? undefined : compareValues(cat, v, best, ci);
        if (best === null || (c !== undefined && (item.method === 'min' ? c < 0 : c > 0))) best = v;
      }
      return best;
    }
    case 'countdistinct': {
      const seen = new Set(values.map((v) => (typeof v === 'string' && (ci || cat === 'guid') ? v.toLowerCase() : JSON.stringify(v))));
      return seen.size;
    }
  }
}

/** The rows of an `$apply`: one per group (sorted by the group values), or one row without groupby. */
export function runApply(records: readonly Rec[], plan: ApplyPlan, flavour: Flavour, ci = true): Rec[] {
  let rows = [...records];
  for (const f of plan.filters) rows = rows.filter(compileFilter(f, { caseInsensitive: ci }));
  if (rows.length > AGGREGATE_LIMIT && plan.aggregate.length > 0) {
    throw new SimError(400, flavour.name === 'dataverse' ? '0x8004e023' : flavour.code, 'odata.aggregateLimit', { max: AGGREGATE_LIMIT });
  }
  if (!plan.groupby) return [Object.fromEntries(plan.aggregate.map((a) => [a.alias, aggregateValue(a, rows, ci)]))];
  const groups = new Map<string, { key: Record<string, unknown>; rows: Rec[] }>();
  for (const r of rows) {
    const key: Record<string, unknown> = {};
    for (const p of plan.groupby) key[p] = own(r, p);
    const id = JSON.stringify(plan.groupby.map((p) => (typeof key[p] === 'string' && ci ? (key[p] as string).toLowerCase() : key[p])));
    const g = groups.get(id);
    if (g) g.rows.push(r);
    else groups.set(id, { key, rows: [r] });
  }
  const out = [...groups.values()].map((g) => ({ ...g.key, ...Object.fromEntries(plan.aggregate.map((a) => [a.alias, aggregateValue(a, g.rows, ci)])) }));
  const props = plan.groupby;
  return out.sort((a, b) => {
    for (const p of props) {
      const x = a[p];
      const y = b[p];
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      const c = compareValues('string', String(x), String(y), ci) ?? 0;
      const n = typeof x === 'number' && typeof y === 'number' ? x - y : c;
      if (n !== 0) return n;
    }
    return 0;
  });
}
