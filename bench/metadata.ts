/**
 * `$metadata` served from its cache: after the first request (which builds the document), the p50 of
 * `GET $metadata` against the p50 of `GET` of the service document, both APIs, measured in the same run on the
 * same server (a simulator child, memory store), one request at a time, alternating so both see the same load.
 */
import { Client, fig, now, pct, startChild, type Figure } from './lib.js';

const ROUNDS = 400;

export async function run(): Promise<Figure[]> {
  const child = await startChild('sim', []);
  const client = new Client(child.url, 1);
  try {
    const out: Figure[] = [];
    for (const [api, base] of [['Dataverse', '/api/data/v9.2'], ['Finance', '/data']] as const) {
      const t0 = now();
      const first = await client.ok('GET', `${base}/$metadata`, undefined, { accept: 'application/xml' });
      const firstMs = now() - t0;
      const meta: number[] = [];
      const service: number[] = [];
      for (let k = 0; k < ROUNDS + 20; k++) {
        const a = now();
        await client.ok('GET', `${base}/$metadata`, undefined, { accept: 'application/xml' });
        const b = now();
        await client.ok('GET', `${base}/`);
        const c = now();
        if (k >= 20) { meta.push(b - a); service.push(c - b); } // the first 20 rounds warm up
      }
      const ratio = pct(meta, 50) / pct(service, 50);
      out.push(fig('metadata', `${api} $metadata (cached) vs service document, p50 ratio`, ratio, '×', '<=', 2,
        `$metadata p50 ${pct(meta, 50).toFixed(2)} ms (${Math.round(first.text.length / 1024)} KiB), service document p50 ${pct(service, 50).toFixed(2)} ms, first $metadata ${firstMs.toFixed(1)} ms; ${ROUNDS} requests each`));
    }
    return out;
  } finally {
    client.close();
    await child.stop();
  }
}
