import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Rec, ReadView } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { Service } from '../service.js';
import type { Ctx } from '../domain/context.js';
import { SimError } from '../errors.js';
import { readPayload } from '../payload.js';
import { financeBySet, financeEntities, foId } from '../finance/entities.js';
import { createFinanceRecord, deleteFinanceRecord, refused, updateFinanceRecord } from '../finance/records.js';
import { financeActions } from '../finance/actions.js';
import { formatKey, type ParsedKey } from '../odata/keys.js';
import { FINANCE, odataError } from '../odata/flavour.js';
import { financeWire, recordEtag } from './wire.js';
import { actionError, sendError, toSimError } from './errors.js';
import { metadataRoute } from './metadata-route.js';
import { contextUrl } from '../odata/context-url.js';
import { checkIfMatch, financeKey, financeSchema, nextLink, parsePrefer, parseSegment, queryRecords } from './odata-adapter.js';
import { financeQuery, type FinanceQuery } from './finance-query.js';
import { sendJson, viaRouter, type ApiRequest, type ApiResponse } from './exchange.js';
import { batchRoute } from './batch-route.js';
import { Finance } from '../errors/finance.js';

export const FINANCE_BASE = '/data';
const ACTION_NAMESPACE = 'Microsoft.Dynamics.DataEntities.';

/**
 * The user's default company. odata.md ("Cross-company behavior"): without `cross-company=true` a request sees only
 * the data of the user's default company. convention: the simulator has one user, whose default company is the first
 * legal entity set up (the demo's USPM); none before any is set up.
 */
export function defaultCompany(view: ReadView): string | undefined {
  for (const le of view.all('LegalEntity')) return String(le.LegalEntityId);
  return undefined;
}

/** What a request is about: the entity set, the record's key, and a bound action or `$count` below it. */
interface Target { readonly def: EntityDef; readonly key?: ParsedKey; readonly action?: string; readonly count?: boolean }
/** A write, as one step of a transaction; then its answer. */
interface Step { readonly respond: (res: ApiResponse) => void; readonly entityPath?: string }

/** The Finance and Operations OData subset: company-striped collections, composite keys, two posting actions, `$batch`. */
export function financeRouter(service: Service, batchLimit = '4mb'): RequestHandler {
  const router = express.Router();
  const base = (req: ApiRequest): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${FINANCE_BASE}`;

  router.get('/', (req, res) => {
    res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata`, value: financeEntities.map((e) => ({ name: e.set, kind: 'EntitySet', url: e.set })) });
  });

  /** One request: a path below `/data`, as on its own or inside a `$batch`. */
  async function dispatch(req: ApiRequest, res: ApiResponse): Promise<void> {
    try {
      if (/^\/?\$metadata\/?$/.test(req.path)) return metadataRoute(req, res, 'finance');
      const t = targetOf(req);
      if (req.method === 'GET') {
        if (t.count) return count(req, res, t.def);
        return t.key === undefined ? list(req, res, t.def) : one(req, res, t.def, t.key);
      }
      const step = await service.exec((ctx) => write(ctx, req, t));
      step.respond(res);
    } catch (e) {
      sendError(req, res, toSimError(e, 'finance'), 'finance');
    }
  }

  function targetOf(req: ApiRequest): Target {
    const segments = req.path.split('/').filter(Boolean);
    if (segments.length === 0 || segments.length > 2) throw notFound(req.path);
    const seg = parseSegment(segments[0] as string, 'finance');
    const def = financeBySet.get(seg.set);
    if (!def) throw notFound(seg.set);
    const key = seg.key === undefined ? {} : { key: seg.key };
    if (segments.length === 1) return { def, ...key };
    if (segments[1] === '$count' && seg.key === undefined && req.method === 'GET') return { def, count: true };
    if (req.method !== 'POST' || seg.key === undefined) throw methodNotAllowed(req);
    return { def, ...key, action: decodeURIComponent(segments[1] as string) };
  }

  /**
   * The store id of the record a key addresses, if it is in the request's company scope. odata.md (OData services):
   * every field of the entity key is given; keys.ts reads them in any order, quoted strings with '' for a quote.
   */
  function recordId(view: ReadView, def: EntityDef, key: ParsedKey, q: FinanceQuery): string {
    const values = financeKey(key, def);
    for (const k of def.key) {
      // A key value of another type than its property (a number for a string, text for an integer) is a bad key.
      const numeric = def.fields[k]?.type === 'int';
      if (numeric !== (typeof values[k] === 'number')) throw odataError(FINANCE, 'badKey', { value: `${k}=${String(values[k]).slice(0, 60)}` });
    }
    const id = foId(def, values);
    const rec = view.get(def.logicalName, id);
    if (!rec || !inScope(view, def, rec, q)) throw Finance.notFound(def.set, formatKey(values).slice(0, 200));
    return id;
  }

  /** Company-specific records outside the default company are seen with `cross-company=true` only. */
  function inScope(view: ReadView, def: EntityDef, rec: Rec, q: FinanceQuery): boolean {
    return !def.companySpecific || q.crossCompany || rec.dataAreaId === defaultCompany(view);
  }

  function write(ctx: Ctx, req: ApiRequest, t: Target): Step {
    const q = financeQuery(req.query, 'write');
    const id = t.key === undefined ? undefined : recordId(ctx.tx, t.def, t.key, q);
    if (t.action !== undefined) return action(ctx, req, t.def, id as string, t.action);
    switch (req.method) {
      case 'POST':
        if (id !== undefined) throw methodNotAllowed(req);
        return create(ctx, req, t.def);
      case 'PATCH':
        if (id === undefined) throw methodNotAllowed(req);
        return update(ctx, req, t.def, id);
      case 'PUT':
        if (id === undefined) throw methodNotAllowed(req);
        return update(ctx, req, t.def, id, replacement(t.def, req.body));
      case 'DELETE':
        if (id === undefined) throw methodNotAllowed(req);
        return remove(ctx, req, t.def, id);
      default:
        throw methodNotAllowed(req);
    }
  }

  /** A write request of a change set, as one step of the change set's transaction. */
  const writeStep = (ctx: Ctx, req: ApiRequest): Step => write(ctx, req, targetOf(req));

  // odata.md ("Batch requests", "Run multiple requests in a single transaction"): $batch with change sets, each one
  // atomic. The same machinery as Dataverse's $batch (batch-route.ts), answering in Finance's error shape.
  router.post(/^\/\$batch$/, ...batchRoute(service, { base: FINANCE_BASE, limit: batchLimit, dispatch, writeStep, flavour: 'finance' }));
  router.all(/.*/, (req, res) => dispatch(req, res));

  function list(req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    const q = financeQuery(req.query, 'collection');
    const company = defaultCompany(service.store);
    const all = service.store.all(def.logicalName);
    const rows = def.companySpecific && !q.crossCompany ? [...all].filter((r) => r.dataAreaId === company) : all;
    const prefer = parsePrefer(req.get('prefer'));
    const result = queryRecords(rows, q.options, financeSchema(def), prefer.maxPageSize, 'finance');
    const body: Record<string, unknown> = { '@odata.context': contextUrl(`${base(req)}/$metadata`, def.set, result) };
    if (result.count !== undefined) body['@odata.count'] = result.count;
    body.value = result.value.map((r) => financeWire(def, r, result.select));
    if (result.nextSkipToken) body['@odata.nextLink'] = nextLink(`${base(req)}/${def.set}`, req.query, result.nextSkipToken);
    sendJson(res.set('OData-Version', '4.0'), body);
  }

  /** `GET Set/$count`: the number of records in scope (with `$filter`), as plain text. */
  function count(req: ApiRequest, res: ApiResponse, def: EntityDef): void {
    const q = financeQuery(req.query, 'count');
    const rows = [...service.store.all(def.logicalName)].filter((r) => inScope(service.store, def, r, q));
    const result = queryRecords(rows, q.options, financeSchema(def), undefined, 'finance');
    res.set('OData-Version', '4.0').type('text/plain').send(String(result.value.length));
  }

  function one(req: ApiRequest, res: ApiResponse, def: EntityDef, key: ParsedKey): void {
    const q = financeQuery(req.query, 'record');
    const rec = service.store.get(def.logicalName, recordId(service.store, def, key, q)) as Rec;
    const { select } = queryRecords([rec], q.options, financeSchema(def), undefined, 'finance');
    sendJson(res.set('OData-Version', '4.0').set('ETag', recordEtag(rec)), { '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`, ...financeWire(def, rec, select) });
  }

  function payload(body: unknown, def: EntityDef, mode: 'create' | 'update'): Record<string, unknown> {
    return readPayload(def, body, { mode, code: 'BadRequest', allowReadOnly: mode === 'create' ? [...def.key] : [] });
  }

  const entityPath = (def: EntityDef, rec: Rec): string => `${def.set}${formatKey(Object.fromEntries(def.key.map((k) => [k, typeof rec[k] === 'number' ? rec[k] : String(rec[k])])))}`;

  function create(ctx: Ctx, req: ApiRequest, def: EntityDef): Step {
    if (def.refuse?.create) throw refused(def.refuse.create, def.set); // the rule answers before any field check
    // A company-specific record created without dataAreaId is created in the user's default company.
    const company = defaultCompany(ctx.tx);
    const body = def.companySpecific && isObject(req.body) && !Object.hasOwn(req.body, 'dataAreaId') && company !== undefined ? { ...req.body, dataAreaId: company } : req.body;
    const rec = createFinanceRecord(ctx, def, payload(body, def, 'create'), company);
    const path = entityPath(def, rec);
    return {
      entityPath: path,
      respond: (res) => {
        res.status(201).set('OData-Version', '4.0').set('ETag', recordEtag(rec)).set('Location', `${base(req)}/${path}`);
        sendJson(res, { '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`, ...financeWire(def, rec) });
      },
    };
  }

  /**
   * PUT replaces the record (odata.md: CRUD through POST, PATCH, PUT and DELETE; OData 4.0 part 1 §11.4.4: properties
   * left out take their defaults): every writable property absent from the body is cleared, and a required one must
   * be given.
   */
  function replacement(def: EntityDef, body: unknown): unknown {
    if (!isObject(body)) return body; // readPayload refuses it with its own error
    const writable = def.updatable ?? Object.keys(def.fields).filter((k) => !def.fields[k]?.readOnly && !def.key.includes(k));
    for (const k of writable) {
      if (def.fields[k]?.required && (body[k] === undefined || body[k] === null)) throw Finance.badRequest('payload.required', { property: k, entity: def.logicalName });
    }
    return { ...Object.fromEntries(writable.map((k) => [k, null])), ...body };
  }

  function update(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string, body: unknown = req.body): Step {
    if (def.refuse?.update) throw refused(def.refuse.update, def.set);
    const values = payload(body, def, 'update');
    const old = ctx.tx.get(def.logicalName, id) as Rec;
    if (!checkIfMatch(req.get('if-match'), recordEtag(old), 'finance')) throw Finance.etagMismatch();
    const rec = updateFinanceRecord(ctx, def, id, values);
    return { entityPath: entityPath(def, rec), respond: (res) => void res.status(204).set('OData-Version', '4.0').set('ETag', recordEtag(rec)).end() };
  }

  function remove(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string): Step {
    if (def.refuse?.delete) throw refused(def.refuse.delete, def.set);
    const old = ctx.tx.get(def.logicalName, id) as Rec;
    if (!checkIfMatch(req.get('if-match'), recordEtag(old), 'finance')) throw Finance.etagMismatch();
    deleteFinanceRecord(ctx, def, id);
    return { respond: (res) => void res.status(204).set('OData-Version', '4.0').end() };
  }

  function action(ctx: Ctx, req: ApiRequest, def: EntityDef, id: string, name: string): Step {
    // Bound actions are called by their namespace-qualified name (odata.md, "Adding actions on OData entities";
    // hr-developer-api-myleaverequests-submit.md: `…)/Microsoft.Dynamics.DataEntities.submit`).
    const short = name.startsWith(ACTION_NAMESPACE) ? name.slice(ACTION_NAMESPACE.length) : undefined;
    const acts = Object.hasOwn(financeActions, def.set) ? financeActions[def.set] : undefined;
    const act = acts && short !== undefined && Object.hasOwn(acts, short) ? acts[short] : undefined;
    if (!act) throw Finance.error(404, 'NotFound', 'record.unknownAction', { action: name.slice(0, 100), entity: def.set });
    const rec = ctx.tx.get(def.logicalName, id) as Rec;
    let result;
    try {
      result = act(ctx, rec);
    } catch (e) {
      throw actionError(e);
    }
    const resultDef = financeBySet.get(result.set);
    const body = resultDef ? { '@odata.context': `${base(req)}/$metadata#${resultDef.set}/$entity`, ...financeWire(resultDef, result.record), log: result.log ?? [] } : { value: result.record };
    return { respond: (res) => void sendJson(res.status(200).set('OData-Version', '4.0'), body) };
  }

  // Performance: every path but the router's own routes (`GET /`, `POST /$batch`) ends in `router.all(/.*/)`; it
  // goes to dispatch straight, without walking the router's layers.
  return (req: Request, res: Response, next: NextFunction): void => {
    if (viaRouter(req.path)) router(req, res, next);
    else void dispatch(req, res);
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const notFound = (segment: string): SimError => Finance.setNotFound(segment);
const methodNotAllowed = (req: ApiRequest): SimError => Finance.methodNotAllowed(req.method, req.path);
