import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { findBy, type ReadView, type Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { Service } from '../service.js';
import type { Ctx } from '../domain/context.js';
import { SimError } from '../errors.js';
import { translator } from '../i18n.js';
import { readPayload } from '../payload.js';
import { dataverseBySet, dataverseByName, dataverseEntities } from '../dataverse/entities.js';
import { createRecord, deleteRecord, updateRecord } from '../dataverse/records.js';
import { checkGenericWrite } from '../dataverse/entity-hooks.js';
import { dataverseActions } from '../dataverse/actions.js';
import { dataverseWire, dataverseWireText, recordEtag, type WireOptions } from './wire.js';
import { langOf, sendError, toSimError } from './errors.js';
import { DATAVERSE_ENTITY_OPTIONS, checkIfMatch, nextLink, notModified, parsePrefer, parseSegment, queryRecords, dataverseSchema } from './odata-adapter.js';
import type { ParsedKey } from '../odata/keys.js';
import { isGuid } from '../odata/ids.js';
import { entityDefinitions } from './entity-definitions.js';
import { sendJson, sendJsonText, viaRouter, type ApiRequest, type ApiResponse } from './exchange.js';
import { batchRoute } from './batch-route.js';
import { unboundFunctionOf } from '../dataverse/organization.js';
import { columnOf, isColumnSegment, rawValue } from './single-column.js';
import { parsePreferences } from '../odata/prefer.js';
import { metadataRoute } from './metadata-route.js';
import { contextUrl } from '../odata/context-url.js';
import { fetchXmlList, hasFetchXml } from './fetchxml-route.js';
import { Dataverse } from '../errors/dataverse.js';

export const DATAVERSE_BASE = '/api/data/v9.2';
/** Highest count Dataverse reports, with `$count=true` and on `/$count`. */
const MAX_COUNT = 5000;

/** The Dataverse Web API subset. Thin: HTTP in, a domain call through the service, HTTP out. */
export function dataverseRouter(service: Service, batchLimit = '4mb'): RequestHandler {
  const router = express.Router();
  const base = (req: ApiRequest): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${DATAVERSE_BASE}`;

  router.get('/', (req, res) => {
    res.set('OData-Version', '4.0').json({
      '@odata.context': `${base(req)}/$metadata`,
      value: [...dataverseEntities.map((e) => ({ name: e.set, kind: 'EntitySet', url: e.set })), { name: 'EntityDefinitions', kind: 'EntitySet', url: 'EntityDefinitions' }],
    });
  });

  /**
   * What a request is about: the entity set, the record's key, and a bound action, `$count` or one column below
   * it (`raw`: the column's `/$value`).
   */
  interface Target { readonly def: EntityDef; readonly key?: ParsedKey; readonly action?: string; readonly count?: boolean; readonly column?: string; readonly raw?: boolean }

  /** One request: a segment path below the base, as on its own or inside a `$batch`. */
  async function dispatch(req: ApiRequest, res: ApiResponse): Promise<void> {
    try {
      const segments = req.path.split('/').filter(Boolean);
      if (segments.length === 0 || segments.length > 3) throw notFound(req.path);
      if (segments[0] === '$metadata' && segments.length === 1) return metadataRoute(req, res, 'dataverse');
      const fn = unboundFunctionOf(decodeURIComponent(segments[0] as string));
      if (fn !== undefined) {
        // WhoAmI, RetrieveVersion: functions, so GET only (use-web-api-functions.md); nothing below them.
        if (segments.length > 1) throw notFound(segments[1] as string);
        if (req.method !== 'GET') throw methodNotAllowed(req);
        noQueryOptions(req);
        res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata#${fn.responseType}`, ...fn.result() });
        return;
      }
      if (/^EntityDefinitions(\(|$)/.test(segments[0] as string)) {
        const text = decodeURIComponent(segments[0] as string);
        return entityDefinitions(req, res, text.includes('(') ? text.slice(text.indexOf('(') + 1, -1) : undefined, langOf(req));
      }
      const t = targetOf(req, segments);
      if (req.method === 'GET') {
        const id = t.key === undefined ? undefined : recordId(service.store, t.def, t.key);
        if (t.count) return count(service, req, res, t.def);
        if (id !== undefined && t.column !== undefined) return column(service, req, res, t.def, id, t.column, t.raw === true);
        return id === undefined ? list(service, req, res, t.def) : one(service, req, res, t.def, id);
      }
      const step = await service.exec((ctx) => write(ctx, req, t));
      step.respond(res);
    } catch (e) {
      sendError(req, res, toSimError(e, 'dataverse'), 'dataverse');
    }
  }

  function targetOf(req: ApiRequest, segments: readonly string[]): Target {
    const seg = segmentOf(segments[0] as string);
    const def = dataverseBySet.get(seg.set);
    if (!def) throw notFound(seg.set);
    const key = seg.key === undefined ? {} : { key: seg.key };
    if (segments.length === 1) return { def, ...key };
    if (segments[1] === '$count' && seg.key === undefined && req.method === 'GET') return { def, count: true };
    const col = decodeURIComponent(segments[1] as string);
    if (seg.key !== undefined && req.method !== 'POST' && isColumnSegment(col)) {
      // One column of a record (retrieve-entity-using-web-api.md "Retrieve a single property value";
      // update-delete-entities-using-web-api.md "Update a single property value", "Delete a single property value").
      if (segments.length === 2) return { def, ...key, column: col };
      if (segments[2] === '$value' && req.method === 'GET') return { def, ...key, column: col, raw: true };
      throw notFound(segments[2] as string);
    }
    if (segments.length > 2) throw notFound(segments[2] as string);
    if (req.method !== 'POST' || seg.key === undefined) throw methodNotAllowed(req);
    return { def, ...key, action: decodeURIComponent(segments[1] as string) };
  }

  /** A write, as one step of a transaction (what it reads, it reads from the transaction); then its answer. */
  interface Step { readonly respond: (res: ApiResponse) => void; readonly entityPath?: string }

  function write(ctx: Ctx, req: ApiRequest, t: Target): Step {
    const id = t.key === undefined ? undefined : recordId(ctx.tx, t.def, t.key);
    if (t.action !== undefined) return action(ctx, req, t.def, id as string, t.action);
    if (t.column !== undefined) return columnWrite(ctx, req, t.def, id as string, t.column);
    switch (req.method) {
      case 'POST':
        if (id !== undefined) throw methodNotAllowed(req);
        return written(req, t.def, createRecord(ctx, t.def, payload(ctx, req, t.def, 'create')), 201);
      case 'PATCH':
        if (id === undefined) throw methodNotAllowed(req);
        return update(ctx, req, t.def, id);
      case 'DELETE':
        if (id === undefined) throw methodNotAllowed(req);
        return remove(ctx, req, t.def, id);
      default:
        throw methodNotAllowed(req);
    }
  }

  /** A write request of a change set, as one step of the change set's transaction. */
  function writeStep(ctx: Ctx, req: ApiRequest): Step {
    const segments = req.path.split('/').filter(Boolean);
    if (segments.length === 0 || segments.length > 3 || /^EntityDefinitions/.test(segments[0] as string)) throw notFound(req.path);
    if (unboundFunctionOf(decodeURIComponent(segments[0] as string)) !== undefined) throw methodNotAllowed(req);
    return write(ctx, req, targetOf(req, segments));
  }

  router.post(/^\/\$batch$/, ...batchRoute(service, { base: DATAVERSE_BASE, limit: batchLimit, dispatch, writeStep }));
  router.all(/.*/, (req, res) => dispatch(req, res));

  type Wire = (def: EntityDef, rec: Rec, select?: readonly string[]) => Record<string, unknown>;

  /** How this request's records go on the wire: its language and annotations, read once for all its records. */
  function wireOptions(req: ApiRequest): WireOptions {
    const lang = langOf(req);
    return { annotations: parsePrefer(req.get('prefer')).annotations, t: translator(lang), lang, db: service.store };
  }

  function wireFor(req: ApiRequest): Wire {
    const opts = wireOptions(req);
    return (def, rec, select) => dataverseWire(def, rec, { ...opts, select });
  }

  /** One record (no `$expand`) with its context URL, as response text: what `res.json` of the wire object would send. */
  function recordText(req: ApiRequest, context: string, def: EntityDef, rec: Rec, select?: readonly string[]): string {
    return `{"@odata.context":${JSON.stringify(context)},${dataverseWireText(def, rec, { ...wireOptions(req), select })}}`;
  }

  function list(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    if (hasFetchXml(req.query)) return fetchXmlList(req, res, def, { view: svc.store, now: svc.now(), base: base(req) });
    const prefer = parsePrefer(req.get('prefer'));
    const result = queryRecords(svc.store.all(def.logicalName), req.query, dataverseSchema(def), prefer.maxPageSize, 'dataverse', (field, value) => findBy(svc.store, def.logicalName, field, value), { now: svc.now() });
    if (result.aggregated) {
      // $apply rows (aggregate-data.md): the context lists the grouped and aggregated columns; rows are not records.
      const cols = Object.keys(result.value[0] ?? {});
      sendJson(res.set('OData-Version', '4.0'), { '@odata.context': `${base(req)}/$metadata#${def.set}(${cols.join(',')})`, value: result.value });
      return;
    }
    const body: Record<string, unknown> = { '@odata.context': contextUrl(`${base(req)}/$metadata`, def.set, result) };
    // Dataverse's @odata.count stops at 5,000 like /$count (webapi/query/count-rows.md).
    if (result.count !== undefined) body['@odata.count'] = Math.min(result.count, MAX_COUNT);
    const wire = wireFor(req);
    body.value = result.value.map((r) => ({ ...wire(def, r, result.select), ...expanded(wire, def, r, result.expand) }));
    if (result.nextSkipToken) body['@odata.nextLink'] = nextLink(`${base(req)}/${def.set}`, req.query, result.nextSkipToken);
    if (prefer.maxPageSize) res.set('Preference-Applied', `odata.maxpagesize=${prefer.maxPageSize}`);
    sendJson(res.set('OData-Version', '4.0'), body);
  }

  /** `GET /set/$count`: the number of records (with `$filter`), as plain text; Dataverse caps it at 5,000. */
  function count(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    if (hasFetchXml(req.query)) throw Dataverse.badRequest('odata.unsupportedOption', { option: 'fetchXml' });
    // Only $filter (and its aliases) applies to a count; any other option is refused, not ignored.
    const result = queryRecords(svc.store.all(def.logicalName), req.query, dataverseSchema(def), undefined, 'dataverse', undefined, { allow: ['$filter'], now: svc.now() });
    res.set('OData-Version', '4.0').type('text/plain').send(String(Math.min(result.value.length, MAX_COUNT)));
  }

  function expanded(wire: Wire, def: EntityDef, rec: Rec, expand: readonly { name: string; select?: readonly string[] }[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const x of expand) {
      const f = def.fields[x.name];
      const target = f?.target ? dataverseByName.get(f.target) : undefined;
      const value = rec[`_${x.name}_value`];
      const related = target && value ? service.store.get(target.logicalName, String(value)) : undefined;
      out[x.name] = target && related ? wire(target, related, x.select) : null;
    }
    return out;
  }

  function one(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef, id: string): void {
    const rec = svc.store.get(def.logicalName, id);
    if (!rec) throw Dataverse.notFound(def.logicalName, id);
    if (unchanged(req, recordEtag(rec), req.query.$expand !== undefined)) { res.status(304).end(); return; }
    // Performance: a plain read by key (no $select/$expand) skips query parsing; same result as parsing nothing.
    const q = Object.keys(req.query).length === 0
      ? { select: undefined, expand: [] }
      : queryRecords([rec], req.query, dataverseSchema(def), undefined, 'dataverse', undefined, { allow: DATAVERSE_ENTITY_OPTIONS });
    const context = contextUrl(`${base(req)}/$metadata`, def.set, q, true);
    res.set('OData-Version', '4.0').set('ETag', recordEtag(rec));
    if (q.expand.length === 0) { sendJsonText(res, recordText(req, context, def, rec, q.select)); return; }
    const wire = wireFor(req);
    sendJson(res, { '@odata.context': context, ...wire(def, rec, q.select), ...expanded(wire, def, rec, q.expand) });
  }

  function payload(ctx: Ctx, req: ApiRequest, def: EntityDef, mode: 'create' | 'update', body: unknown = req.body): Record<string, unknown> {
    // An entity that refuses generic writes answers with its business rule before any field check.
    checkGenericWrite(def, mode, body && typeof body === 'object' ? Object.keys(body) : []);
    return readPayload(def, body, {
      mode, code: '0x80048d19', allowReadOnly: mode === 'create' ? [def.key[0] as string] : [],
      resolveBind: (ref, field, target) => resolveBind(ctx.tx, ref, field, target),
    });
  }

  /** The answer to a create or update: 204 with OData-EntityId, or the record with `Prefer: return=representation`. */
  function written(req: ApiRequest, def: EntityDef, rec: Rec, status: number): Step {
    const id = String(rec[def.key[0] as string]);
    return {
      entityPath: `${def.set}(${id})`,
      respond: (res) => {
        res.set('OData-Version', '4.0').set('OData-EntityId', `${base(req)}/${def.set}(${id})`).set('ETag', recordEtag(rec));
        if (parsePrefer(req.get('prefer')).returnRepresentation) {
          const q = queryRecords([rec], { $select: req.query.$select }, dataverseSchema(def), undefined, 'dataverse');
          sendJsonText(res.status(status === 201 ? 201 : 200), recordText(req, contextUrl(`${base(req)}/$metadata`, def.set, q, true), def, rec, q.select));
        } else {
          res.status(204).end();
        }
      },
    };
  }

  function update(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string): Step {
    const ifMatch = req.get('if-match');
    const ifNoneMatch = req.get('if-none-match');
    const values = payload(ctx, req, def, 'update');
    const old = ctx.tx.get(def.logicalName, id);
    if (!old) {
      // PATCH of a missing record is an upsert, unless If-Match asks for an existing one.
      if (ifMatch !== undefined) throw Dataverse.notFound(def.logicalName, id);
      return written(req, def, createRecord(ctx, def, { ...payload(ctx, req, def, 'create'), [def.key[0] as string]: id }), 201);
    }
    if (ifNoneMatch?.trim() === '*') throw Dataverse.duplicate('record.duplicate', { entity: def.logicalName, id });
    if (!checkIfMatch(ifMatch, recordEtag(old))) throw Dataverse.etagMismatch();
    return written(req, def, updateRecord(ctx, def, id, values), 200);
  }

  function remove(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string): Step {
    const old = ctx.tx.get(def.logicalName, id);
    if (!old) throw Dataverse.notFound(def.logicalName, id);
    if (!checkIfMatch(req.get('if-match'), recordEtag(old))) throw Dataverse.etagMismatch();
    deleteRecord(ctx, def, id);
    return { respond: (res) => res.status(204).end() };
  }

  /**
   * Whether a GET of one record answers 304 (perform-conditional-operations-using-web-api.md, "Conditional
   * retrievals"): If-None-Match names its ETag, and the request has no `$expand` and no
   * `Prefer: odata.include-annotations` (with either, Dataverse never answers 304). An If-Match that does not
   * match answers 412 (convention: the page is silent on If-Match with GET; RFC 9110 §13.1.1 says so).
   */
  function unchanged(req: ApiRequest, etag: string, expand: boolean): boolean {
    if (!checkIfMatch(req.get('if-match'), etag)) throw Dataverse.etagMismatch();
    const notChanged = notModified(req.get('if-none-match'), etag); // parsed (a malformed header is refused) in every case
    const annotations = req.get('prefer') !== undefined && parsePreferences(req.get('prefer')).some((p) => p.name === 'odata.include-annotations');
    return notChanged && !expand && !annotations;
  }

  /**
   * `GET set(id)/column` and `/column/$value`; `GET set(id)/lookup` answers the related record. A null answers
   * 204 (OData Part 1 §11.2.4 and §11.2.6: a null property, no related entity).
   */
  function column(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef, id: string, name: string, raw: boolean): void {
    const rec = svc.store.get(def.logicalName, id);
    if (!rec) throw Dataverse.notFound(def.logicalName, id);
    const col = columnOf(def, name);
    if (!col) throw notFound(name);
    if (col.kind === 'navigation') {
      if (raw) throw notFound('$value');
      const target = dataverseByName.get(String(col.def.target));
      const value = rec[`_${col.field}_value`];
      const related = target && value ? svc.store.get(target.logicalName, String(value)) : undefined;
      if (!target || !related) { res.set('OData-Version', '4.0').status(204).end(); return; }
      if (unchanged(req, recordEtag(related), req.query.$expand !== undefined)) { res.status(304).end(); return; }
      const q = queryRecords([related], req.query, dataverseSchema(target), undefined, 'dataverse', undefined, { allow: DATAVERSE_ENTITY_OPTIONS });
      const wire = wireFor(req);
      res.set('OData-Version', '4.0').set('ETag', recordEtag(related)).json({
        '@odata.context': `${base(req)}/$metadata#${target.set}/$entity`,
        ...wire(target, related, q.select), ...expanded(wire, target, related, q.expand),
      });
      return;
    }
    noQueryOptions(req);
    // convention: a column's ETag is its record's; the conditional rules of a retrieve apply.
    if (unchanged(req, recordEtag(rec), false)) { res.status(304).end(); return; }
    const value = rec[col.prop] ?? null;
    res.set('OData-Version', '4.0').set('ETag', recordEtag(rec));
    if (value === null) { res.status(204).end(); return; }
    if (raw) { res.type('text/plain').send(rawValue(value)); return; }
    res.json({ '@odata.context': `${base(req)}/$metadata#${def.set}(${id})/${name}`, value });
  }

  /**
   * `PUT set(id)/column` with `{"value": …}` and `DELETE set(id)/column` (its value to null): an update of that one
   * column, validated, conditioned (If-Match) and synchronized as a PATCH is; no upsert (the record must exist).
   * convention: a lookup is changed with `@odata.bind` or `/$ref`, so PUT/DELETE on a navigation property is refused
   * (update-delete-entities-using-web-api.md: DELETE of a single-valued navigation property doesn't disassociate).
   */
  function columnWrite(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string, name: string): Step {
    if (req.method !== 'PUT' && req.method !== 'DELETE') throw methodNotAllowed(req);
    noQueryOptions(req);
    const old = ctx.tx.get(def.logicalName, id);
    if (!old) throw Dataverse.notFound(def.logicalName, id);
    const col = columnOf(def, name);
    if (!col) throw notFound(name);
    if (col.kind === 'navigation') throw methodNotAllowed(req);
    // The primary key is set on create only (not valid for update).
    if (col.prop === def.key[0]) throw Dataverse.payload('payload.readOnly', { property: name, entity: def.logicalName });
    let value: unknown = null;
    if (req.method === 'PUT') {
      const body: unknown = req.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body) || !Object.hasOwn(body, 'value')) {
        throw Dataverse.payload('payload.columnValue', { property: name });
      }
      const extra = Object.keys(body).find((k) => k !== 'value' && !k.startsWith('@odata.'));
      if (extra !== undefined) throw Dataverse.badRequest('payload.unknownProperty', { property: extra.slice(0, 100), entity: def.logicalName });
      value = (body as { value: unknown }).value;
    }
    if (!checkIfMatch(req.get('if-match'), recordEtag(old))) throw Dataverse.etagMismatch();
    const rec = updateRecord(ctx, def, id, payload(ctx, req, def, 'update', { [col.prop]: value }));
    return { respond: (res) => res.set('OData-Version', '4.0').set('ETag', recordEtag(rec)).status(204).end() };
  }

  function action(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string, name: string): Step {
    const short = name.startsWith('Microsoft.Dynamics.CRM.') ? name.slice('Microsoft.Dynamics.CRM.'.length) : name;
    const acts = Object.hasOwn(dataverseActions, def.set) ? dataverseActions[def.set] : undefined;
    const act = acts && Object.hasOwn(acts, short) ? acts[short] : undefined;
    if (!act) throw Dataverse.badRequest('record.unknownAction', { action: name, entity: def.logicalName }, 404);
    if (req.body !== undefined && (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body))) throw Dataverse.payload('payload.notObject', { entity: name });
    const result = act(ctx, id);
    const resultDef = result.entity ? dataverseByName.get(result.entity) : undefined;
    return {
      respond: (res) => {
        const wire = wireFor(req);
        if (result.records && resultDef) {
          sendJson(res.set('OData-Version', '4.0'), { '@odata.context': `${base(req)}/$metadata#${resultDef.set}`, value: result.records.map((r) => wire(resultDef, r)) });
        } else if (result.record && resultDef) {
          sendJsonText(res.set('OData-Version', '4.0'), recordText(req, `${base(req)}/$metadata#${resultDef.set}/$entity`, resultDef, result.record));
        } else {
          sendJson(res.set('OData-Version', '4.0'), { '@odata.context': `${base(req)}/$metadata#Microsoft.Dynamics.CRM.${short}Response`, ...(result.value ?? {}) });
        }
      },
    };
  }

  return (req: Request, res: Response, next: NextFunction): void => {
    // 304 is decided by the handlers, by Dataverse's rules (see `unchanged`). Express's own freshness check would turn
    // any 200 carrying an ETag into a 304 on a matching If-None-Match, also with $expand or annotations.
    Object.defineProperty(req, 'fresh', { value: false, configurable: true });
    // Performance: every path but the two the router's own routes take ends in `router.all(/.*/)`; it goes to
    // dispatch straight, without walking the router's layers.
    if (viaRouter(req.path)) router(req, res, next);
    else void dispatch(req, res);
  };
}

/** The record id of a key: a GUID, or alternate key values (`accounts(accountnumber='A1')`) found by lookup. */
function recordId(view: ReadView, def: EntityDef, key: ParsedKey): string {
  if (key.kind === 'id') return key.id; // a GUID, checked and lower-cased by parseKeyPredicate
  const parts = [...key.parts];
  for (const [name] of parts) {
    const f = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
    if (!f || f.type === 'lookup') throw Dataverse.badRequest('odata.badKey', { value: name.slice(0, 100) });
  }
  for (const r of view.all(def.logicalName)) {
    if (parts.every(([name, v]) => r[name] === v)) return String(r[def.key[0] as string]);
  }
  throw Dataverse.notFound(def.logicalName, parts.map(([k, v]) => `${k}=${String(v)}`).join(','));
}

/** An entity set name that cannot exist (e.g. `accöunts`) is an unknown segment like any other: 404 0x8006088a. */
function segmentOf(raw: string): ReturnType<typeof parseSegment> {
  try {
    return parseSegment(raw, 'dataverse');
  } catch (e) {
    if (e instanceof SimError && e.key === 'odata.badSegment') throw notFound(String(e.params.segment ?? ''));
    throw e;
  }
}

/** A request that takes no query option (a function, one column) refuses any, rather than ignore it. */
function noQueryOptions(req: ApiRequest): void {
  const option = Object.keys(req.query)[0];
  if (option !== undefined) throw Dataverse.badRequest('odata.unsupportedOption', { option: option.slice(0, 100) });
}

const notFound = (segment: string): SimError => Dataverse.setNotFound(segment);
const methodNotAllowed = (req: ApiRequest): SimError => Dataverse.badRequest('record.methodNotAllowed', { method: req.method, path: req.path.slice(0, 100) }, 405);

/** `/accounts(<guid>)`, `accounts(<guid>)` or an absolute URL ending so; the set must be the lookup's target. */
function resolveBind(view: ReadView, ref: string, field: string, target: string): string {
  const m = /(?:^|\/)([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F-]{36})\}?\)$/.exec(ref.trim());
  if (!m) throw Dataverse.payload('payload.badBind', { property: field, value: JSON.stringify(ref).slice(0, 120) });
  const def = dataverseBySet.get(m[1] as string);
  if (!def || def.logicalName !== target) throw Dataverse.payload('payload.bindWrongEntity', { property: field, target, set: String(m[1]) });
  const id = (m[2] as string).toLowerCase();
  if (!isGuid(id)) throw Dataverse.payload('payload.badBind', { property: field, value: ref.slice(0, 120) });
  if (!view.get(target, id)) throw Dataverse.notFound(target, id);
  return id;
}
