import express, { type Request, type Response, type Router } from 'express';
import type { Rec } from '../store/types.js';
import type { EntityDef } from '../schema.js';
import type { Service } from '../service.js';
import { SimError } from '../errors.js';
import { readPayload } from '../payload.js';
import { financeBySet, financeEntities, foId } from '../finance/entities.js';
import { createFinanceRecord, deleteFinanceRecord, refused, updateFinanceRecord } from '../finance/records.js';
import { financeActions } from '../finance/actions.js';
import { financeWire, recordEtag } from './wire.js';
import { sendError, toSimError } from './errors.js';
import { metadataRoute } from './metadata-route.js';
import { contextUrl } from '../odata/context-url.js';
import { checkIfMatch, financeKey, financeSchema, nextLink, parsePrefer, parseSegment, queryRecords } from './odata-adapter.js';

export const FINANCE_BASE = '/data';

/** The default company of a request: `?company=`, else the first legal entity. */
function defaultCompany(service: Service, req: Request): string | undefined {
  if (typeof req.query.company === 'string') {
    const company = req.query.company.toUpperCase();
    if (!service.store.get('LegalEntity', company)) throw new SimError(400, 'BadRequest', 'finance.unknownCompany', { company: company.slice(0, 20) });
    return company;
  }
  for (const le of service.store.all('LegalEntity')) return String(le.LegalEntityId);
  return undefined;
}

/** The Finance and Operations OData subset: company-striped collections and two posting actions. */
export function financeRouter(service: Service): Router {
  const router = express.Router();
  const base = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${FINANCE_BASE}`;

  router.get('/', (req, res) => {
    res.set('OData-Version', '4.0').json({ '@odata.context': `${base(req)}/$metadata`, value: financeEntities.map((e) => ({ name: e.set, kind: 'EntitySet', url: e.set })) });
  });

  router.all(/.*/, async (req, res) => {
    try {
      const segments = req.path.split('/').filter(Boolean);
      if (segments.length === 0 || segments.length > 2) throw notFound(req.path);
      if (segments[0] === '$metadata' && segments.length === 1) return metadataRoute(req, res, 'finance');
      const seg = parseSegment(segments[0] as string, 'finance');
      const def = financeBySet.get(seg.set);
      if (!def) throw notFound(seg.set);
      const id = seg.key === undefined ? undefined : foId(def, financeKey(seg.key, def));
      if (segments.length === 2) {
        if (req.method !== 'POST' || id === undefined) throw methodNotAllowed(req);
        return await action(req, res, def, id, decodeURIComponent(segments[1] as string));
      }
      switch (req.method) {
        case 'GET':
          return id === undefined ? list(req, res, def) : one(req, res, def, id);
        case 'POST':
          if (id !== undefined) throw methodNotAllowed(req);
          return await create(req, res, def);
        case 'PATCH':
          if (id === undefined) throw methodNotAllowed(req);
          return await update(req, res, def, id);
        case 'DELETE':
          if (id === undefined) throw methodNotAllowed(req);
          return await remove(req, res, def, id);
        default:
          throw methodNotAllowed(req);
      }
    } catch (e) {
      sendError(req, res, toSimError(e, 'finance'), 'finance');
    }
  });

  function list(req: Request, res: Response, def: EntityDef): void {
    const cross = req.query['cross-company'] === 'true';
    const company = defaultCompany(service, req);
    const rows = def.companySpecific && !cross ? [...service.store.all(def.logicalName)].filter((r) => r.dataAreaId === company) : service.store.all(def.logicalName);
    const prefer = parsePrefer(req.get('prefer'));
    const result = queryRecords(rows, req.query, financeSchema(def), prefer.maxPageSize, 'finance');
    const body: Record<string, unknown> = { '@odata.context': contextUrl(`${base(req)}/$metadata`, def.set, result) };
    if (result.count !== undefined) body['@odata.count'] = result.count;
    body.value = result.value.map((r) => financeWire(def, r, result.select));
    if (result.nextSkipToken) body['@odata.nextLink'] = nextLink(`${base(req)}/${def.set}`, req.query, result.nextSkipToken);
    res.set('OData-Version', '4.0').json(body);
  }

  function one(req: Request, res: Response, def: EntityDef, id: string): void {
    const rec = service.store.get(def.logicalName, id);
    if (!rec) throw new SimError(404, 'NotFound', 'record.notFound', { entity: def.set, id });
    res.set('OData-Version', '4.0').set('ETag', recordEtag(rec)).json({ '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`, ...financeWire(def, rec) });
  }

  function payload(req: Request, def: EntityDef, mode: 'create' | 'update'): Record<string, unknown> {
    return readPayload(def, req.body, { mode, code: 'BadRequest', allowReadOnly: mode === 'create' ? [...def.key] : [] });
  }

  function written(req: Request, res: Response, def: EntityDef, rec: Rec, status: number): void {
    res.status(status).set('OData-Version', '4.0').set('ETag', recordEtag(rec)).set('Location', `${base(req)}/${def.set}(${def.key.map((k) => `${k}='${String(rec[k]).replace(/'/g, "''")}'`).join(',')})`);
    res.json({ '@odata.context': `${base(req)}/$metadata#${def.set}/$entity`, ...financeWire(def, rec) });
  }

  async function create(req: Request, res: Response, def: EntityDef): Promise<void> {
    if (def.refuse?.create) throw refused(def.refuse.create, def.set); // the rule answers before any field check
    const values = payload(req, def, 'create');
    const company = defaultCompany(service, req);
    const rec = await service.exec((ctx) => createFinanceRecord(ctx, def, values, company));
    written(req, res, def, rec, 201);
  }

  async function update(req: Request, res: Response, def: EntityDef, id: string): Promise<void> {
    if (def.refuse?.update) throw refused(def.refuse.update, def.set);
    const values = payload(req, def, 'update');
    const rec = await service.exec((ctx) => {
      const old = ctx.tx.get(def.logicalName, id);
      if (!old) throw new SimError(404, 'NotFound', 'record.notFound', { entity: def.set, id });
      if (!checkIfMatch(req.get('if-match'), recordEtag(old), 'finance')) throw new SimError(412, 'PreconditionFailed', 'record.etagMismatch');
      return updateFinanceRecord(ctx, def, id, values);
    });
    res.status(204).set('ETag', recordEtag(rec)).end();
  }

  async function remove(req: Request, res: Response, def: EntityDef, id: string): Promise<void> {
    if (def.refuse?.delete) throw refused(def.refuse.delete, def.set);
    await service.exec((ctx) => {
      const old = ctx.tx.get(def.logicalName, id);
      if (!old) throw new SimError(404, 'NotFound', 'record.notFound', { entity: def.set, id });
      if (!checkIfMatch(req.get('if-match'), recordEtag(old), 'finance')) throw new SimError(412, 'PreconditionFailed', 'record.etagMismatch');
      deleteFinanceRecord(ctx, def, id);
    });
    res.status(204).end();
  }

  async function action(req: Request, res: Response, def: EntityDef, id: string, name: string): Promise<void> {
    const short = name.startsWith('Microsoft.Dynamics.DataEntities.') ? name.slice('Microsoft.Dynamics.DataEntities.'.length) : name;
    const acts = Object.hasOwn(financeActions, def.set) ? financeActions[def.set] : undefined;
    const act = acts && Object.hasOwn(acts, short) ? acts[short] : undefined;
    if (!act) throw new SimError(404, 'NotFound', 'record.unknownAction', { action: name, entity: def.set });
    const rec = service.store.get(def.logicalName, id);
    if (!rec) throw new SimError(404, 'NotFound', 'record.notFound', { entity: def.set, id });
    const result = await service.exec((ctx) => act(ctx, rec));
    const resultDef = financeBySet.get(result.set);
    res.set('OData-Version', '4.0').json(resultDef ? { '@odata.context': `${base(req)}/$metadata#${resultDef.set}/$entity`, ...financeWire(resultDef, result.record), log: result.log ?? [] } : { value: result.record });
  }

  return router;
}

const notFound = (segment: string): SimError => new SimError(404, 'NotFound', 'record.setNotFound', { segment: segment.slice(0, 100) });
const methodNotAllowed = (req: Request): SimError => new SimError(405, 'MethodNotAllowed', 'record.methodNotAllowed', { method: req.method, path: req.path.slice(0, 100) });
