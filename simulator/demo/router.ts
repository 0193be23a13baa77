import express, { type Request, type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath, projectRoot } from '../paths.js';
import type { Service } from '../service.js';
import { isLang, loadResources, translator, type Lang } from '../i18n.js';
import { langOf } from '../http/errors.js';
import { sse } from '../http/sse.js';
import { demoDetail, demoState } from './state.js';
import { PlayerUnavailableError, loadScenarios, type Scenario } from './scenarios.js';
import { Player, clampDelay } from './player.js';

/**
 * The stakeholder page (`/`) and the JSON it needs under `/demo/`:
 * - `GET /demo/i18n/:lng`: the `ui`, `labels` and `errors` resources of a language (the page renders every word
 *   through i18next with them)
 * - `GET /demo/state`: the records of each box of the picture; `GET /demo/record/:table/:id`: one record
 * - `GET /demo/scenarios?lang=de`: the scenarios of `features/<lng>/`
 * - `POST /demo/play` `{id, lang, delayMs?, mode?: "run"|"step", fresh?: boolean}`, `POST /demo/play/next`,
 *   `/mode` `{mode}`, `/delay` `{delayMs}`, `/stop`; `GET /demo/play` (the run) and `GET /demo/play/events` (SSE)
 * Map, process, clock and reset buttons of the page use `/sim/*` and the Finance posting action directly.
 */
const publicDir = projectPath('simulator', 'demo', 'public');
// Wherever the package manager put i18next (this repository's node_modules, or a project's that installed the package).
const i18nextBrowser = fileURLToPath(import.meta.resolve('i18next'));

/** Self only: no inline script or style, no other origin (the page works offline). */
export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export interface DemoOptions {
  /** Project root holding `features/`, `steps/`, `locales/`, `cucumber.mjs` (default: this repository). */
  readonly root?: string;
}

export function demoRouter(service: Service, options: DemoOptions = {}): Router {
  const root = options.root ?? projectRoot;
  const player = new Player(root);
  const router = express.Router();
  const secure = (_req: Request, res: Response, next: () => void): void => {
    res.set({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' });
    next();
  };
  const fail = (req: Request, res: Response, status: number, key: string, params: Record<string, string> = {}): void => {
    res.status(status).json({ error: { code: key, message: translator(langOf(req))(`ui:errors.${key}`, params) } });
  };
  const body = (req: Request): Record<string, unknown> =>
    req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

  router.get('/', secure, (req, res, next) => {
    if (req.accepts(['html', 'json']) === 'json') {
      const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      res.json({ dataverse: `${base}/api/data/v9.2/`, finance: `${base}/data/`, sim: `${base}/sim/health`, demo: `${base}/`, now: service.now() });
      return;
    }
    res.sendFile(join(publicDir, 'index.html'), (e) => { if (e) next(e); });
  });
  router.get('/favicon.ico', (_req, res) => { res.status(204).end(); });
  router.use('/demo/assets', secure, express.static(publicDir, { index: false, fallthrough: false, dotfiles: 'deny' }));
  router.get('/demo/vendor/i18next.js', secure, (_req, res) => {
    if (!existsSync(i18nextBrowser)) { res.status(404).end(); return; }
    res.type('text/javascript').sendFile(i18nextBrowser);
  });

  router.use('/demo', secure, express.json({ limit: '10kb' }));

  let resources: ReturnType<typeof loadResources> | undefined;
  router.get('/demo/i18n/:lng', (req, res) => {
    const lng = req.params.lng;
    if (!isLang(lng)) { fail(req, res, 404, 'unknownLanguage', { lang: String(lng).slice(0, 10) }); return; }
    resources ??= loadResources();
    const r = resources[lng] ?? {};
    res.json({ ui: r.ui ?? {}, labels: r.labels ?? {}, errors: r.errors ?? {} });
  });

  router.get('/demo/state', (_req, res) => { res.json(demoState(service)); });
  router.get('/demo/record/:table/:id', (req, res) => {
    const detail = demoDetail(service, String(req.params.table), String(req.params.id));
    if (!detail) { fail(req, res, 404, 'unknownRecord'); return; }
    res.json(detail);
  });

  const scenarios = (lang: Lang): Scenario[] => loadScenarios(root, lang);
  const langParam = (v: unknown): Lang | undefined => (v === undefined ? 'en' : isLang(v) ? v : undefined);
  const unavailable = (req: Request, res: Response, e: unknown): boolean => {
    if (!(e instanceof PlayerUnavailableError)) return false;
    fail(req, res, 503, 'playerUnavailable');
    return true;
  };
  router.get('/demo/scenarios', (req, res) => {
    const lang = langParam(req.query.lang);
    if (!lang) { fail(req, res, 400, 'unknownLanguage', { lang: String(req.query.lang).slice(0, 10) }); return; }
    try {
      res.json(scenarios(lang));
    } catch (e) {
      if (!unavailable(req, res, e)) throw e;
    }
  });

  router.get('/demo/play', (_req, res) => { res.json(player.state ?? null); });
  router.post('/demo/play', async (req, res) => {
    const b = body(req);
    const lang = langParam(b.lang);
    if (!lang) { fail(req, res, 400, 'unknownLanguage', { lang: String(b.lang).slice(0, 10) }); return; }
    let scenario: Scenario | undefined;
    try {
      scenario = scenarios(lang).find((s) => s.id === b.id);
    } catch (e) {
      if (!unavailable(req, res, e)) throw e;
      return;
    }
    if (!scenario) { fail(req, res, 404, 'unknownScenario', { id: String(b.id).slice(0, 100) }); return; }
    if (player.busy) { fail(req, res, 409, 'playerBusy'); return; }
    const mode = b.mode === 'step' ? 'step' : 'run';
    const simulatorUrl = selfUrl(req);
    try {
      // The specs expect a fresh simulator per scenario: start from an empty one unless told otherwise.
      if (b.fresh !== false) {
        const r = await fetch(`${simulatorUrl}/sim/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ demo: false }) });
        if (!r.ok) throw new Error(`reset ${r.status}`);
      }
      const run = player.start(scenario, lang, { simulatorUrl, delayMs: clampDelay(b.delayMs), mode });
      res.status(202).json(run);
    } catch (e) {
      if (unavailable(req, res, e)) return;
      fail(req, res, 500, 'playFailed', { message: e instanceof Error ? e.message : String(e) });
    }
  });
  router.post('/demo/play/next', (_req, res) => { player.next(); res.json(player.state ?? null); });
  router.post('/demo/play/stop', (_req, res) => { player.stop(); res.json(player.state ?? null); });
  router.post('/demo/play/mode', (req, res) => {
    const mode = body(req).mode;
    if (mode !== 'run' && mode !== 'step') { fail(req, res, 400, 'badRequest'); return; }
    player.setMode(mode);
    res.json(player.state ?? null);
  });
  router.post('/demo/play/delay', (req, res) => {
    player.setDelay(clampDelay(body(req).delayMs));
    res.json(player.state ?? null);
  });
  router.get('/demo/play/events', (req, res) => {
    sse(req, res, player.events, { event: 'snapshot', data: player.state ?? null }, (e: { type: string; data: unknown }) => `event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
  });

  return router;
}

/** This server as its own client sees it: the address the request came in on (never the Host header). */
function selfUrl(req: Request): string {
  const addr = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = addr === '::' || addr === '0.0.0.0' ? '127.0.0.1' : addr.includes(':') ? `[${addr}]` : addr;
  return `http://${host}:${String(req.socket.localPort)}`;
}
