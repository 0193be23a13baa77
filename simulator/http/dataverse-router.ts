import express, { type Router } from 'express';
import { findBy, type ReadView, type Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { Service } from '../service.js';
import type { Ctx } from '../domain/context.js';
import { SimError } from '../errors.js';
import { translator } from '../i18n.js';
import { readPayload } from '../payload.js';
import { dataverseBySet, dataverseByName, dataverseEntities } from '../dataverse/entities.js';
import { createRecord, deleteRecord, updateRecord } from '../dataverse/records.js';
import { dataverseActions } from '../dataverse/actions.js';
import { dataverseWire, recordEtag } from './wire.js';
import { langOf, sendError, toSimError } from './errors.js';
import { checkIfMatch, nextLink, notModified, parsePrefer, parseSegment, queryRecords, dataverseSchema } from './odata-adapter.js';
import type { ParsedKey } from '../odata/keys.js';
import { isGuid } from '../odata/ids.js';
import { entityDefinitions } from './entity-definitions.js';
import type { ApiRequest, ApiResponse } from './exchange.js';
import { batchRoute } from './batch-route.js';
import { fetchXmlList, hasFetchXml } from './fetchxml-route.js';

export const DATAVERSE_BASE = '/api/data/v9.2';

/** The Dataverse Web API subset. Thin: HTTP in, a domain call through the service, HTTP out. */
export function dataverseRouter(service: Service, batchLimit = '4mb'): Router {
  const router = express.Router();
  const base = (req: ApiRequest): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${DATAVERSE_BASE}`;

  router.get('/', (req, res) => {
    res.set('OData-Version', '4.0').json({
      '@odata.context': `${base(req)}/$metadata`,
      value: [...dataverseEntities.map((e) => ({ name: e.set, kind: 'EntitySet', url: e.set })), { name: 'EntityDefinitions', kind: 'EntitySet', url: 'EntityDefinitions' }],
    });
  });

  /** What a request is about: the entity set, the record's key, and a bound action or `$count` below it. */
  interface Target { readonly def: EntityDef; readonly key?: ParsedKey; readonly action?: string; readonly count?: boolean }

  /** One request: a segment path below the base, as on its own or inside a `$batch`. */
  async function dispatch(req: ApiRequest, res: ApiResponse): Promise<void> {
    try {
      const segments = req.path.split('/').filter(Boolean);
      if (segments.length === 0 || segments.length > 2) throw notFound(req.path);
      if (/^EntityDefinitions(\(|$)/.test(segments[0] as string)) {
        const text = decodeURIComponent(segments[0] as string);
        return entityDefinitions(req, res, text.includes('(') ? text.slice(text.indexOf('(') + 1, -1) : undefined, langOf(req));
      }
      const t = targetOf(req, segments);
      if (req.method === 'GET') {
        const id = t.key === undefined ? undefined : recordId(service.store, t.def, t.key);
        if (t.count) return count(service, req, res, t.def);
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
    if (req.method !== 'POST' || seg.key === undefined) throw methodNotAllowed(req);
    return { def, ...key, action: decodeURIComponent(segments[1] as string) };
  }

  /** A write, as one step of a transaction (what it reads, it reads from the transaction); then its answer. */
  interface Step { readonly respond: (res: ApiResponse) => void; readonly entityPath?: string }

  function write(ctx: Ctx, req: ApiRequest, t: Target): Step {
    const id = t.key === undefined ? undefined : recordId(ctx.tx, t.def, t.key);
    if (t.action !== undefined) return action(ctx, req, t.def, id as string, t.action);
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
    if (segments.length === 0 || segments.length > 2 || /^EntityDefinitions/.test(segments[0] as string)) throw notFound(req.path);
    return write(ctx, req, targetOf(req, segments));
  }

  router.post(/^\/\$batch$/, ...batchRoute(service, { base: DATAVERSE_BASE, limit: batchLimit, dispatch, writeStep }));
  router.all(/.*/, (req, res) => dispatch(req, res));

  type Wire = (def: EntityDef, rec: Rec, select?: readonly string[]) => Record<string, unknown>;

  /** How this request's records go on the wire: its language and annotations, read once for all its records. */
  function wireFor(req: ApiRequest): Wire {
    const lang = langOf(req);
    const opts = { annotations: parsePrefer(req.get('prefer')).annotations, t: translator(lang), lang, db: service.store };
    return (def, rec, select) => dataverseWire(def, rec, { ...opts, select });
  }

  function list(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    if (hasFetchXml(req.query)) return fetchXmlList(req, res, def, { view: svc.store, now: svc.now(), base: base(req) });
    const prefer = parsePrefer(req.get('prefer'));
    const result = queryRecords(svc.store.all(def.logicalName), req.query, dataverseSchema(def), prefer.maxPageSize, 'dataverse', (field, value) => findBy(svc.store, def.logicalName, field, value));
    const body: Record<string, unknown> = { '@odata.context': `${base(req)}/$metadata#${def.set}` };
    if (result.count !== undefined) body['@odata.count'] = result.count;
    const wire = wireFor(req);
    body.value = result.value.map((r) => ({ ...wire(def, r, result.select), ...expanded(wire, def, r, result.expand) }));
    if (result.nextSkipToken) body['@odata.nextLink'] = nextLink(`${base(req)}/${def.set}`, req.query, result.nextSkipToken);
    if (prefer.maxPageSize) res.set('Preference-Applied', `odata.maxpagesize=${prefer.maxPageSize}`);
    res.set('OData-Version', '4.0').json(body);
  }

  /** `GET /set/$count`: the number of records (with `$filter`), as plain text; Dataverse caps it at 5,000. */
  function count(svc: Service, req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    if (hasFetchXml(req.query)) throw new SimError(400, '0x80060888', 'odata.unsupportedOption', { option: 'fetchXml' });
    const q = typeof req.query.$filter === 'string' ? { $filter: req.query.$filter } : {};
    const result = queryRecords(svc.store.all(def.logicalName), q, dataverseSchema(def), undefined, 'dataverse');
    res.set('OData-Version', '4.0').type('text/plain').send(String(Math.min(result.value.length, 5000)));
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
    if (!rec) throw new SimError(404, '0x80040217', 'record.notFound', { entity: def.logicalName, id });
    if (notModified(req.get('if-none-match'), recordEtag(rec))) { res.status(304).end(); return; }
    // Performance: a plain read by key (no $select/$expand) skips query parsing; same result as parsing nothing.
    const q = req.query.$select === undefined && req.query.$expand === undefined
      ? { select: undefined, expand: [] }
      : queryRecords([rec], { $select: req.query.$select, $expand: req.query.$expand }, dataverseSchema(def), undefined, 'dataverse');
    const wire = wireFor(req);
    res.set('OData-Version', '4.0').set('ETag', recordEtag(rec)).json({
      '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`,
      ...wire(def, rec, q.select), ...expanded(wire, def, rec, q.expand),
    });
  }

  function payload(ctx: Ctx, req: ApiRequest, def: EntityDef, mode: 'create' | 'update'): Record<string, unknown> {
    // An entity that refuses generic writes answers with its business rule before any field check.
    if (mode === 'create' && def.refuse?.create) throw new SimError(400, '0x80040265', def.refuse.create, { entity: def.logicalName });
    if (mode === 'update' && def.refuse?.update && req.body && typeof req.body === 'object') {
      const outside = Object.keys(req.body as object).filter((k) => !k.startsWith('@odata.') && !def.updatable?.includes(k));
      if (outside.length) throw new SimError(400, '0x80040265', def.refuse.update, { entity: def.logicalName, property: outside[0] ?? '' });
    }
    return readPayload(def, req.body, {
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
          res.status(status === 201 ? 201 : 200).json({ '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`, ...wireFor(req)(def, rec, q.select) });
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
      if (ifMatch !== undefined) throw new SimError(404, '0x80040217', 'record.notFound', { entity: def.logicalName, id });
      return written(req, def, createRecord(ctx, def, { ...payload(ctx, req, def, 'create'), [def.key[0] as string]: id }), 201);
    }
    if (ifNoneMatch?.trim() === '*') throw new SimError(412, '0x80040237', 'record.duplicate', { entity: def.logicalName, id });
    if (!checkIfMatch(ifMatch, recordEtag(old))) throw new SimError(412, '0x80060882', 'record.etagMismatch');
    return written(req, def, updateRecord(ctx, def, id, values), 200);
  }

  function remove(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string): Step {
    const old = ctx.tx.get(def.logicalName, id);
    if (!old) throw new SimError(404, '0x80040217', 'record.notFound', { entity: def.logicalName, id });
    if (!checkIfMatch(req.get('if-match'), recordEtag(old))) throw new SimError(412, '0x80060882', 'record.etagMismatch');
    deleteRecord(ctx, def, id);
    return { respond: (res) => res.status(204).end() };
  }

  function action(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string, name: string): Step {
    const short = name.startsWith('Microsoft.Dynamics.CRM.') ? name.slice('Microsoft.Dynamics.CRM.'.length) : name;
    const acts = Object.hasOwn(dataverseActions, def.set) ? dataverseActions[def.set] : undefined;
    const act = acts && Object.hasOwn(acts, short) ? acts[short] : undefined;
    if (!act) throw new SimError(404, '0x80060888', 'record.unknownAction', { action: name, entity: def.logicalName });
    if (req.body !== undefined && (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body))) throw new SimError(400, '0x80048d19', 'payload.notObject', { entity: name });
    const result = act(ctx, id);
    const resultDef = result.entity ? dataverseByName.get(result.entity) : undefined;
    return {
      respond: (res) => {
        const wire = wireFor(req);
        if (result.records && resultDef) {
          res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata#${resultDef.set}`, value: result.records.map((r) => wire(resultDef, r)) });
        } else if (result.record && resultDef) {
          res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata#${resultDef.set}/$entity`, ...wire(resultDef, result.record) });
        } else {
          res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata#Microsoft.Dynamics.CRM.${short}Response`, ...(result.value ?? {}) });
        }
      },
    };
  }

  return router;
}

/** The record id of a key: a GUID, or alternate key values (`accounts(accountnumber='A1')`) found by lookup. */
function recordId(view: ReadView, def: EntityDef, key: ParsedKey): string {
  if (key.kind === 'id') return key.id; // a GUID, checked and lower-cased by parseKeyPredicate
  const parts = [...key.parts];
  for (const [name] of parts) {
    const f = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
    if (!f || f.type === 'lookup') throw new SimError(400, '0x80060888', 'odata.badKey', { value: name.slice(0, 100) });
  }
  for (const r of view.all(def.logicalName)) {
    if (parts.every(([name, v]) => r[name] === v)) return String(r[def.key[0] as string]);
  }
  throw new SimError(404, '0x80040217', 'record.notFound', { entity: def.logicalName, id: parts.map(([k, v]) => `${k}=${String(v)}`).join(',') });
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

const notFound = (segment: string): SimError => new SimError(404, '0x8006088a', 'record.setNotFound', { segment: segment.slice(0, 100) });
const methodNotAllowed = (req: ApiRequest): SimError => new SimError(405, '0x80060888', 'record.methodNotAllowed', { method: req.method, path: req.path.slice(0, 100) });

/** `/accounts(<guid>)`, `accounts(<guid>)` or an absolute URL ending so; the set must be the lookup's target. */
function resolveBind(view: ReadView, ref: string, field: string, target: string): string {
  const m = /(?:^|\/)([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F-]{36})\}?\)$/.exec(ref.trim());
  if (!m) throw new SimError(400, '0x80048d19', 'payload.badBind', { property: field, value: JSON.stringify(ref).slice(0, 120) });
  const def = dataverseBySet.get(m[1] as string);
  if (!def || def.logicalName !== target) throw new SimError(400, '0x80048d19', 'payload.bindWrongEntity', { property: field, target, set: String(m[1]) });
  const id = (m[2] as string).toLowerCase();
  if (!isGuid(id)) throw new SimError(400, '0x80048d19', 'payload.badBind', { property: field, value: ref.slice(0, 120) });
  if (!view.get(target, id)) throw new SimError(404, '0x80040217', 'record.notFound', { entity: target, id });
  return id;
}
