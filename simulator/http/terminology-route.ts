import type { Request, Response } from 'express';
import { projectRoot } from '../paths.js';
import { translator } from '../i18n.js';
import { langOf } from './errors.js';

type TerminologyModule = typeof import('../../scripts/terminology/index.js');
let loading: Promise<TerminologyModule | undefined> | undefined;

/**
 * The check reads this repository's features with cucumber's Gherkin parser, a development dependency: it is loaded on
 * the first request, not at start, and an installed package (no features, no cucumber) says so instead of failing.
 */
function terminology(): Promise<TerminologyModule | undefined> {
  loading ??= import('../../scripts/terminology/index.js').catch((e: unknown) => {
    if ((e as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw e;
  });
  return loading;
}

/** `/terminology`: the project's terminology check, run on request (HTML, or JSON with `?format=json`). */
export async function terminologyPage(req: Request, res: Response): Promise<void> {
  const mod = await terminology();
  if (!mod) {
    res.status(503).json({ error: { code: 'terminologyUnavailable', message: translator(langOf(req))('ui:errors.devOnly', { feature: '/terminology' }) } });
    return;
  }
  // The project's location on disk is nobody's business over HTTP.
  const report = { ...mod.checkProject(projectRoot), root: '.' };
  if (req.query.format === 'json') {
    res.type('application/json').send(mod.formatJson(report));
    return;
  }
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").type('html').send(mod.renderTerminologyHtml(report));
}
