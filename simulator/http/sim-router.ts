import express, { type Request, type Router } from 'express';
import type { Service, SimEvent } from '../service.js';
import { isProcessId } from '../service.js';
import { SimError } from '../errors.js';
import { Sim } from '../errors/sim.js';
import { translator } from '../i18n.js';
import { tableMaps } from '../dualwrite/maps.js';
import { catchUpErrors, isMapId, mapStatus, queued } from '../dualwrite/runtime.js';
import { applyFaults } from '../faults.js';
import { initialSyncErrors } from '../dualwrite/initial-sync.js';
import { langOf, sendError, toSimError } from './errors.js';
import { sse } from './sse.js';
import { sendJson } from './exchange.js';
import { ruleRoutes } from './rules-route.js';

type Handler = (req: Request) => Promise<unknown> | unknown;

/** Simulator control: maps, processes, clock, faults, reset, health (docs/api.md). */
export function simRouter(service: Service, reset: (demo: boolean) => Promise<void>): Router {
  const router = express.Router();
  const route = (method: 'get' | 'post' | 'put' | 'delete', path: string, fn: Handler): void => {
    router[method](path, async (req, res) => {
      try {
        const out = await fn(req);
        sendJson(res, out ?? {});
      } catch (e) {
        sendError(req, res, toSimError(e, 'sim'), 'sim');
      }
    });
  };
  const mapIdOf = (req: Request) => {
    const id = String(req.params.id);
    if (!isMapId(id)) throw new SimError(404, 'UnknownMap', 'sim.unknownMap', { map: id.slice(0, 60) });
    return id;
  };
  const body = (req: Request): Record<string, unknown> => {
    if (req.body === undefined) return {};
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw Sim.badRequest('body must be a JSON object');
    return req.body as Record<string, unknown>;
  };

  route('get', '/health', () => ({ status: 'ok', now: service.now(), store: service.store.kind }));
  route('post', '/reset', async (req) => { await reset(body(req).demo === true); return { status: 'reset', demo: body(req).demo === true }; });
  route('get', '/clock', () => ({ now: service.now() }));
  route('post', '/clock', async (req) => ({ now: await service.advanceClock(body(req)) }));

  route('get', '/maps', (req) => {
    const t = translator(langOf(req));
    return tableMaps.map((m) => {
      const s = mapStatus(service.store, m);
      return {
        id: s.id, name: t(`labels:maps.${s.id}`), version: s.version, dataverse: s.dataverse, finance: s.finance, master: m.master,
        state: s.state, stateLabel: t(`labels:options.mapState.${s.state}`), stateCode: s.stateCode, queued: s.queued, errors: s.errors, initialSyncErrors: initialSyncErrors(service.store, s.id).length, fields: m.fields,
      };
    });
  });
  for (const action of ['pause', 'stop'] as const) route('post', `/maps/:id/${action}`, (req) => service.setMap(mapIdOf(req), action));
  // Run with the dialog's Initial sync check box (enable-entity-map.md): on unless `initialSync: false`
  route('post', '/maps/:id/run', (req) => {
    const initialSync = body(req).initialSync ?? true;
    if (typeof initialSync !== 'boolean') throw Sim.badRequest('initialSync is true or false');
    return service.runMap(mapIdOf(req), initialSync);
  });
  route('get', '/maps/:id/initial-sync', (req) => initialSyncErrors(service.store, mapIdOf(req)));
  route('post', '/maps/:id/initial-sync/rerun', (req) => {
    const withoutErrors = body(req).withoutErrors ?? false;
    if (typeof withoutErrors !== 'boolean') throw Sim.badRequest('withoutErrors is true or false');
    return service.rerunInitialSync(mapIdOf(req), withoutErrors ? 'withoutErrors' : 'all');
  });
  route('post', '/maps/:id/initial-sync/skip', (req) => service.skipInitialSync(mapIdOf(req)));
  route('post', '/maps/:id/resume', (req) => {
    const mode = body(req).mode ?? 'catchup';
    if (mode !== 'catchup' && mode !== 'skipPreserve' && mode !== 'skipDiscard') throw Sim.badRequest('mode is catchup, skipPreserve or skipDiscard');
    return service.resume(mapIdOf(req), mode);
  });
  route('get', '/maps/:id/queue', (req) => queued(service.store, mapIdOf(req)));
  route('get', '/maps/:id/errors', (req) => catchUpErrors(service.store, mapIdOf(req)));
  route('get', '/maps/:id/log', (req) => {
    const id = mapIdOf(req);
    const t = translator(langOf(req));
    // Each entry with its message in the caller's language (labels:mapLog.<event>).
    return [...service.store.all('dw_log')].filter((l) => l.mapId === id)
      .map((l) => ({ ...l, message: t(`labels:mapLog.${String(l.event)}`, { ...(l.detail as Record<string, unknown>) }) }));
  });
  route('post', '/maps/:id/errors/retry', (req) => {
    const ids = body(req).ids;
    if (ids !== undefined && (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string' || typeof x === 'number'))) throw Sim.badRequest('ids is a list');
    return service.retry(mapIdOf(req), ids?.map(String));
  });

  route('get', '/processes', (req) => {
    const t = translator(langOf(req));
    return [...service.store.all('sim_process')].map((p) => ({ ...p, name: t(`labels:processes.${String(p.id)}`) }));
  });
  const processOf = (req: Request) => {
    const id = String(req.params.id);
    if (!isProcessId(id)) throw new SimError(404, 'UnknownProcess', 'sim.unknownProcess', { process: id.slice(0, 60) });
    return id;
  };
  route('post', '/processes/:id/run', (req) => {
    const company = body(req).company;
    if (company !== undefined && typeof company !== 'string') throw Sim.badRequest('company is a text');
    return service.runProcess(processOf(req), { company });
  });
  route('put', '/processes/:id', (req) => {
    const minutes = body(req).recurrenceMinutes;
    if (minutes !== null && (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 525600)) throw Sim.badRequest('recurrenceMinutes is null or 1–525600');
    return service.setRecurrence(processOf(req), minutes);
  });

  route('get', '/settings', () => service.settings());
  route('put', '/settings', (req) => service.setSettings(body(req)));
  route('get', '/async', () => [...service.store.all('dw_async')]);

  route('get', '/faults', () => service.faults);
  route('put', '/faults', (req) => applyFaults(service.faults, body(req)));
  route('delete', '/faults', () => applyFaults(service.faults, null));

  ruleRoutes(route);

  router.get('/events', (req, res) => {
    sse(req, res, service.events, { event: 'hello', data: { now: service.now() } }, (e: SimEvent) =>
      `event: ${e.type}\n${e.seq !== undefined ? `id: ${e.seq}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`
      // A commit's rules follow it as their own event, so a client that reads only `commit` sees the same data as before.
      + (e.rules ? `event: rules\ndata: ${JSON.stringify({ seq: e.seq, rules: e.rules })}\n\n` : ''));
  });

  router.use((req, res) => sendError(req, res, Sim.notFound(req.path), 'sim'));
  return router;
}
