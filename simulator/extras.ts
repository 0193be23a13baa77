import type { Express } from 'express';
import type { Service } from './service.js';

/** Pages beside the APIs: the stakeholder demo (`/`) and the terminology report (`/terminology`). */
export function mountExtras(app: Express, service: Service): void {
  app.get('/', (req, res) => {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.json({ dataverse: `${base}/api/data/v9.2/`, finance: `${base}/data/`, sim: `${base}/sim/health`, now: service.now() });
  });
}
