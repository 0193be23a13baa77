/**
 * FetchXML on 100k actuals filtered by an indexed lookup (`msdyn_project eq <guid>`, 200 matching rows) against the
 * same query in OData (`$filter=_msdyn_project_value eq <guid>&$select=…`), measured in the same run against the
 * same simulator child (file store), requests interleaved so both see the same machine load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, fig, now, pct, runChild, startChild, type Figure } from './lib.js';
import { ACTUALS } from './store.js';

const ROUNDS = 400;
const WARMUP = 40;

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fetchxml-'));
  const path = join(dir, 'db.json');
  try {
    await runChild('build', ['--path', path, '--actuals', String(ACTUALS)]);
    const server = await startChild('sim', ['--path', path]);
    try {
      const c = new Client(server.url, 1);
      const project = (k: number): string => `00000000-0000-4000-8000-${String(k % 500).padStart(12, '0')}`;
      const fetchPath = (k: number): string => `/api/data/v9.2/msdyn_actuals?fetchXml=${encodeURIComponent(
        `<fetch><entity name="msdyn_actual"><attribute name="msdyn_description"/><attribute name="msdyn_amount"/><filter><condition attribute="msdyn_project" operator="eq" value="${project(k)}"/></filter></entity></fetch>`)}`;
      const odataPath = (k: number): string => `/api/data/v9.2/msdyn_actuals?$select=msdyn_description,msdyn_amount&$filter=${encodeURIComponent(`_msdyn_project_value eq ${project(k)}`)}`;
      const fx: number[] = [];
      const od: number[] = [];
      let rows = 0;
      for (let k = 0; k < WARMUP + ROUNDS; k++) {
        // Alternate which goes first, so neither always runs on a warmer cache.
        const order = k % 2 ? ['f', 'o'] : ['o', 'f'];
        for (const which of order) {
          const t0 = now();
          const r = await c.ok('GET', which === 'f' ? fetchPath(k) : odataPath(k));
          const ms = now() - t0;
          if (k === WARMUP) rows = Math.max(rows, (r.json<{ value: unknown[] }>().value).length);
          if (k >= WARMUP) (which === 'f' ? fx : od).push(ms);
        }
      }
      c.close();
      const f50 = pct(fx, 50);
      const o50 = pct(od, 50);
      return [
        fig('fetchxml', `FetchXML by indexed lookup at ${ACTUALS / 1000}k actuals, p50`, f50, 'ms', undefined, undefined, `${rows} rows per query; p99 ${pct(fx, 99).toFixed(2)} ms`),
        fig('fetchxml', `same query in OData ($filter=_msdyn_project_value eq …), p50`, o50, 'ms', undefined, undefined, `p99 ${pct(od, 99).toFixed(2)} ms`),
        fig('fetchxml', 'FetchXML p50 / OData p50', f50 / o50, 'ratio', '<=', 1.5, `${ROUNDS} requests each, interleaved, sequential, same server`),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
