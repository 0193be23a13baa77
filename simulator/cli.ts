import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSimulator } from './index.js';

/**
 * `npm start`: the simulator on a lowdb file, with demo data when the file is new.
 * Flags (or environment): --port (PORT, 4000), --host (HOST, 127.0.0.1), --data (SIM_DATA, data/simulator.json),
 * --data-dir (SIM_DATA_DIR, data/: the store file must lie inside it), --no-demo.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, 'data-dir': { type: 'string' },
    'no-demo': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log('usage: npm start -- [--port 4000] [--host 127.0.0.1] [--data data/simulator.json] [--data-dir data] [--no-demo]');
  process.exit(0);
}
const port = Number(values.port ?? process.env.PORT ?? 4000);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(values['data-dir'] ?? process.env.SIM_DATA_DIR ?? 'data');
const path = resolve(values.data ?? process.env.SIM_DATA ?? `${dataDir}/simulator.json`);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`po-invoice-sim: invalid port ${String(values.port ?? process.env.PORT)}`);
  process.exit(2);
}

try {
  const sim = await createSimulator({ store: { kind: 'file', path, dataDir }, demo: !values['no-demo'] });
  // Handlers first: a SIGTERM right after the URL is printed still closes the store cleanly.
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    sim.close().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const url = await sim.listen(port, host);
  console.log(`po-invoice-sim on ${url} (data: ${path})`);
  console.log(`  demo page      ${url}/`);
  console.log(`  Dataverse API  ${url}/api/data/v9.2/`);
  console.log(`  Finance OData  ${url}/data/`);
  console.log(`  control        ${url}/sim/health`);
} catch (e) {
  console.error(`po-invoice-sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
