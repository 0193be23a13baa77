import type { Request, Response } from 'express';
import { projectRoot } from '../paths.js';
import { checkProject, formatJson, renderTerminologyHtml } from '../../scripts/terminology/index.js';



/** `/terminology`: the project's terminology check, run on request (HTML, or JSON with `?format=json`). */
export function terminologyPage(req: Request, res: Response): void {
  // The project's location on disk is nobody's business over HTTP.
  const report = { ...checkProject(projectRoot), root: '.' };
  if (req.query.format === 'json') {
    res.type('application/json').send(formatJson(report));
    return;
  }
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").type('html').send(renderTerminologyHtml(report));
}
