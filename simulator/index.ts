import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from './store/types.js';
import { createStore, type StoreOptions } from './store/index.js';
import { Service } from './service.js';
import { SimError } from './errors.js';
import { iso } from './clock.js';
import { i18nInstance } from './i18n.js';
import { DATAVERSE_BASE, dataverseRouter } from './http/dataverse-router.js';
import { FINANCE_BASE, financeRouter } from './http/finance-router.js';
import { simRouter } from './http/sim-router.js';
import { errorHandler, sendError, toSimError, type Flavour } from './http/errors.js';
import { oneLayer } from './http/one-layer.js';
import { seedDemo } from './demo-data.js';
import { ROW_VERSION } from './domain/context.js';
import { mountExtras } from './extras.js';
import { terminologyPage } from './http/terminology-route.js';
import { jsonBody } from './http/json-body.js';
import { plainJsonType } from './http/plain-json.js';
import { type SchemaSet, withSchema } from './schema/scope.js';
import { Sim } from './errors/sim.js';

export interface SimulatorOptions {
  /** Default: a memory store. `npm start` passes a file store. */
  readonly store?: StoreOptions | Store;
  /** Start of the simulated clock (ISO 8601 UTC); default: now. */
  readonly clock?: string;
  /** Seed demo data when the store is empty. */
  readonly demo?: boolean;
  /** Largest request body accepted. */
  readonly bodyLimit?: string;
  /** The instance's schema with its extensions (schema/extensions.ts buildSchema); default: the built-in schema. */
  readonly schema?: SchemaSet;
}

export interface Simulator {
  readonly app: Express;
  readonly service: Service;
  readonly store: Store;
  readonly schema: SchemaSet | undefined;
  /** Starts listening (port 0 = ephemeral) on 127.0.0.1 unless told otherwise; resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  reset(demo: boolean): Promise<void>;
  close(): Promise<void>;
}

/** One simulator: one store, one clock, its own routers. No global state: create as many as you like. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const store = isStore(options.store) ? options.store : await createStore(options.store ?? { kind: 'memory' });
  const service = new Service(store, options.clock ?? iso(Date.now()));
  await service.init();
  i18nInstance();
  const schema = options.schema;
  if (options.demo && store.count('cdm_company') === 0 && store.count('LegalEntity') === 0) await withSchema(schema, () => seedDemo(service));

  const reset = async (demo: boolean): Promise<void> => {
    // The row version goes on across a reset: an ETag handed out before must never come back (one increasing number).
    const rowVersion = store.get('sim_counter', ROW_VERSION);
    await store.replaceAll(rowVersion ? { sim_counter: { [ROW_VERSION]: rowVersion } } : {});
    await service.init();
    if (demo) await withSchema(schema, () => seedDemo(service));
    service.events.emit('event', { type: 'reset', data: { demo } });
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // records carry their own ETags; Express's body hashes would answer 304 to collections
  app.set('query parser', 'simple');
  // Everything a request does reads this instance's schema (extensions included): see schema/scope.ts.
  if (schema) app.use((_req: Request, _res: Response, next: NextFunction) => withSchema(schema, next));
  const limit = options.bodyLimit ?? '1mb';
  // The APIs' middleware, in one layer; its errors in the API's shape (as `errorHandler(flavour)` right after it).
  const api = (flavour: Flavour, router: RequestHandler) => oneLayer([
    queryOnce,
    latency(service),
    requireJson(flavour),
    ...jsonBody(flavour, { limit, type: ['application/json', 'application/*+json'] }),
  ], (err, req, res) => sendError(req, res, toSimError(err, flavour), flavour), router);
  app.use(DATAVERSE_BASE, api('dataverse', dataverseRouter(service)));
  app.use(FINANCE_BASE, api('finance', financeRouter(service)));
  app.use('/sim', oneLayer([requireJson('sim'), ...jsonBody('sim', { limit: '100kb' })], (err, req, res) => sendError(req, res, toSimError(err, 'sim'), 'sim'), simRouter(service, reset)));
  app.get('/terminology', terminologyPage);
  mountExtras(app, service);
  app.use((req: Request, res: Response) => sendError(req, res, Sim.notFound(req.path), 'sim'));
  // Last resort for every other route (the demo page and its JSON): the API error shape, never Express's HTML page
  // with a stack trace and file paths.
  app.use(errorHandler('sim'));

  let server: Server | undefined;
  return {
    app, service, store, reset, schema,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host, () => {
          const addr = s.address() as AddressInfo;
          resolve(`http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`);
        });
        s.on('error', reject);
        s.keepAliveTimeout = 5_000;
        server = s;
      });
    },
    async close() {
      service.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      }
      await store.close();
    },
  };
}

function isStore(s: SimulatorOptions['store']): s is Store {
  return typeof s === 'object' && s !== null && 'transact' in s;
}

/**
 * Performance: Express 5's `req.query` is a getter that parses the query string again on every read, and the API
 * handlers read it several times per request: parsed once here, the same object for the rest of the request.
 */
function queryOnce(req: Request, _res: Response, next: NextFunction): void {
  Object.defineProperty(req, 'query', { value: req.query, configurable: true, enumerable: true, writable: true });
  next();
}

/** Simulated latency (faults.latencyMs) on the two APIs. */
function latency(service: Service) {
  return (_req: Request, _res: Response, next: NextFunction): void => {
    const ms = service.faults.latencyMs;
    if (ms > 0) setTimeout(next, ms);
    else next();
  };
}

/** A request with a body must send JSON (415 otherwise), in the API's error shape. */
function requireJson(flavour: Flavour) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    // A `$batch` (Dataverse and Finance) is multipart/mixed; its router parses it (simulator/http/batch.ts).
    const batch = flavour !== 'sim' && req.method === 'POST' && req.path === '/$batch';
    if (hasBody && !batch && !plainJsonType(req.headers['content-type']) && !req.is(['application/json', 'application/*+json'])) {
      sendError(req, res, new SimError(415, flavour === 'dataverse' ? '0x80048d19' : 'UnsupportedMediaType', 'payload.contentType'), flavour);
      return;
    }
    next();
  };
}
