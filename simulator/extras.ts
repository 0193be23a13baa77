import type { Express } from 'express';
import type { Service } from './service.js';
import { demoRouter } from './demo/router.js';

/** Pages beside the APIs: the stakeholder demo (`/`, `/demo/*`: simulator/demo/router.ts). */
export function mountExtras(app: Express, service: Service): void {
  app.use(demoRouter(service));
}
