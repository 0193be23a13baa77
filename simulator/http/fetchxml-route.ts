/**
 * `GET /api/data/v9.2/<set>?fetchXml=…`: a FetchXML query on an entity set, answered as the Web API answers
 * FetchXML (Learn: powerapps-docs developer/data-platform/fetchxml/retrieve-data.md, page-results.md,
 * count-rows.md, aggregate-data.md): properties with null values are left out, link-entity columns are named
 * `<alias>.<column>`, aggregates by their alias, paging annotations only when asked for with
 * `Prefer: odata.include-annotations`.
 */
import type { EntityDef, FieldDef } from '../schema.js';
import type { ReadView } from '../store/types.js';
import { translator } from '../i18n.js';
import { dataverseByName } from '../dataverse/entities.js';
import { includesAnnotation, parsePrefer } from '../odata/prefer.js';
import { parseFetchXml, runFetch, type Attribute, type FetchQuery, type FetchResult } from '../odata/fetchxml/index.js';
import { FORMATTED, LOOKUP_NAME, formatValue, primaryNameOf, recordEtag } from './wire.js';
import { langOf } from './errors.js';
import type { ApiRequest, ApiResponse } from './exchange.js';
import { Dataverse } from '../errors/dataverse.js';

const PAGING_COOKIE = 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie';
const MORE_RECORDS = 'Microsoft.Dynamics.CRM.morerecords';
const TOTAL = 'Microsoft.Dynamics.CRM.totalrecordcount';
const TOTAL_EXCEEDED = 'Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded';
/** Learn: fetchxml/count-rows.md, counts go up to 5,000. */
const COUNT_LIMIT = 5000;

/** Query options that may come with `fetchXml`: `$count=true` is documented as returntotalrecordcount (count-rows.md). */
const ALLOWED = new Set(['fetchXml', '$count']);

export interface FetchXmlDeps {
  readonly view: ReadView;
  readonly now: string;
  /** `<scheme>://<host>/api/data/v9.2` */
  readonly base: string;
}

export const hasFetchXml = (query: Readonly<Record<string, unknown>>): boolean => Object.hasOwn(query, 'fetchXml');

export function fetchXmlList(req: ApiRequest, res: ApiResponse, def: EntityDef, deps: FetchXmlDeps): void {
  const q = req.query as Readonly<Record<string, unknown>>;
  for (const [name, value] of Object.entries(q)) {
    if (!ALLOWED.has(name)) throw Dataverse.badRequest('odata.unsupportedOption', { option: name.slice(0, 50) });
    if (typeof value !== 'string') throw Dataverse.badRequest('odata.duplicateOption', { option: name });
  }
  const countOption = q.$count as string | undefined;
  if (countOption !== undefined && countOption !== 'true' && countOption !== 'false') throw Dataverse.badRequest('odata.badCount', { value: countOption.slice(0, 20) });
  const query = parseFetchXml(q.fetchXml as string, { resolve: (n) => dataverseByName.get(n), expected: def });
  const result = runFetch(query, { view: deps.view, now: deps.now });

  const header = req.get('prefer');
  const prefs = header === undefined ? undefined : parsePrefer(header);
  const wants = (name: string): boolean => includesAnnotation(prefs?.includeAnnotations, name);
  const lang = langOf(req);
  const fmt: Formatter = { formatted: wants(FORMATTED), lookupNames: wants(LOOKUP_NAME), t: translator(lang), lang, view: deps.view };

  const body: Record<string, unknown> = { '@odata.context': `${deps.base}/$metadata#${def.set}${contextColumns(query)}` };
  let annotated = false;
  if (query.returnTotalRecordCount || countOption === 'true') {
    body['@odata.count'] = Math.min(result.total, COUNT_LIMIT);
    if (wants(TOTAL)) { body[`@${TOTAL}`] = result.total <= COUNT_LIMIT ? result.total : -1; annotated = true; }
    if (wants(TOTAL_EXCEEDED)) { body[`@${TOTAL_EXCEEDED}`] = result.total > COUNT_LIMIT; annotated = true; }
  }
  // Learn: fetchxml/page-results.md (Web API): both annotations only when asked for; neither on the last page.
  if (result.pagingCookie !== undefined && wants(PAGING_COOKIE)) { body[`@${PAGING_COOKIE}`] = result.pagingCookie; annotated = true; }
  if (result.moreRecords && wants(MORE_RECORDS)) { body[`@${MORE_RECORDS}`] = true; annotated = true; }
  const value = rowsOf(query, result, fmt);
  if (fmt.formatted || fmt.lookupNames) annotated ||= value.some((r) => Object.keys(r).some((k) => k.includes('@') && !k.startsWith('@')));
  body.value = value;
  const raw = prefs?.preferences.find((p) => p.name === 'odata.include-annotations')?.value;
  if (annotated && raw !== undefined) res.set('Preference-Applied', `odata.include-annotations="${raw.replace(/["\\\r\n]/g, '')}"`);
  res.set('OData-Version', '4.0').json(body);
}

interface Formatter {
  readonly formatted: boolean;
  readonly lookupNames: boolean;
  readonly t: ReturnType<typeof translator>;
  readonly lang: string;
  readonly view: ReadView;
}

/** The column list of `@odata.context` (as retrieve-data.md shows: the selected columns and the key); none for aggregates. */
function contextColumns(q: FetchQuery): string {
  if (q.aggregate || q.entity.attributes === undefined) return '';
  const names = q.entity.attributes.map((a) => a.alias ?? a.prop);
  const pk = q.entity.def.key[0] as string;
  if (!q.distinct && !names.includes(pk)) names.push(pk);
  return `(${names.join(',')})`;
}

function rowsOf(q: FetchQuery, result: FetchResult, fmt: Formatter): Record<string, unknown>[] {
  if (result.groups) {
    return result.groups.map((g) => {
      const out: Record<string, unknown> = {};
      for (const [alias, { value, attr }] of g) put(out, alias, value, aggregateField(attr), fmt);
      return out;
    });
  }
  const pk = q.entity.def.key[0] as string;
  return (result.rows ?? []).map((row) => {
    const out: Record<string, unknown> = { '@odata.etag': recordEtag(row.rec) };
    const attrs = q.entity.attributes ?? allAttributes(q.entity.def);
    for (const a of attrs) put(out, a.alias ?? a.prop, row.rec[a.prop], a.field, fmt);
    if (!q.distinct && !attrs.some((a) => a.name === pk)) put(out, pk, row.rec[pk], q.entity.def.fields[pk] as FieldDef, fmt);
    q.links.forEach((link, i) => {
      const linked = row.linked[i];
      if (!linked) return;
      for (const a of link.attributes ?? allAttributes(link.def)) put(out, a.alias ?? `${link.alias}.${a.name}`, linked[a.prop], a.field, fmt);
    });
    return out;
  });
}

const allCache = new WeakMap<EntityDef, Attribute[]>();
function allAttributes(def: EntityDef): Attribute[] {
  let list = allCache.get(def);
  if (!list) {
    list = Object.entries(def.fields).map(([name, field]) => ({ name, prop: field.type === 'lookup' ? `_${name}_value` : name, field }));
    allCache.set(def, list);
  }
  return list;
}

/** How an aggregate value is typed for formatting: counts and date parts are whole numbers. */
function aggregateField(a: Attribute): FieldDef {
  if (a.aggregate === 'count' || a.aggregate === 'countcolumn' || a.dategrouping) return { type: 'int' };
  return a.field;
}

/** A property, left out when null (retrieve-data.md), with its formatted value and lookup table when asked for. */
function put(out: Record<string, unknown>, name: string, value: unknown, field: FieldDef, fmt: Formatter): void {
  if (value === null || value === undefined) return;
  if (field.type === 'lookup') {
    if (fmt.formatted && field.target) out[`${name}@${FORMATTED}`] = primaryNameOf(fmt.view, field.target, String(value));
    if (fmt.lookupNames && field.target) out[`${name}@${LOOKUP_NAME}`] = field.target;
  } else if (fmt.formatted) {
    const text = formatValue(field.type, field.optionSet, value, fmt);
    if (text !== undefined) out[`${name}@${FORMATTED}`] = text;
  }
  out[name] = value;
}
