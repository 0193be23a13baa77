#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectPath } from './paths.js';
import { startSimulator } from './api.js';

/**
 * `po-invoice-sim` (the package's command) and `npm start`: the simulator on a lowdb file, with demo data when the
 * file is new. Flags (or environment): --port (PORT, 4000; 0 = a free port), --host (HOST, 127.0.0.1),
 * --data (SIM_DATA, data/simulator.json), --data-dir (SIM_DATA_DIR, data/: the store file must lie inside it),
 * --memory (nothing on disk), --no-demo, --seed <fixture.json> and --schema <extension.json> (repeatable), --help, --version.
 */
const USAGE = `usage: po-invoice-sim [options]      (in this repository: npm start -- [options])

  --port <n>         port to listen on (PORT; default 4000; 0 = a free port)
  --host <addr>      address to listen on (HOST; default 127.0.0.1)
  --data <file>      lowdb store file (SIM_DATA; default <data-dir>/simulator.json)
  --data-dir <dir>   folder the store file must lie in (SIM_DATA_DIR; default ./data)
  --memory           keep everything in memory (no store file)
  --no-demo          start without the demo data
  --seed <file>      seed a fixture (JSON) into a new store; repeatable, seeded in order
  --schema <file>    a schema extension (JSON: custom columns, dual-write field pairs); repeatable
  -h, --help         this text
  -v, --version      the package's version`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, 'data-dir': { type: 'string' },
      memory: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, seed: { type: 'string', multiple: true }, schema: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
    },
    strict: true,
  }));
} catch (e) {
  console.error(`po-invoice-sim: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.version) {
  console.log((JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version);
  process.exit(0);
}
if (values.memory && (values.data !== undefined || values['data-dir'] !== undefined)) {
  console.error('po-invoice-sim: --memory keeps no store file: leave out --data and --data-dir');
  process.exit(2);
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
  const sim = await startSimulator({
    port, host, store: values.memory ? 'memory' : { file: path, dataDir }, demo: !values['no-demo'], fixtures: values.seed ?? [], schema: values.schema ?? [],
  });
  // Handlers first: a SIGTERM right after the URL is printed still closes the store cleanly.
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    sim.stop().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { url } = sim;
  console.log(`po-invoice-sim on ${url} (data: ${values.memory ? 'memory' : path})`);
  console.log(`  demo page      ${url}/`);
  console.log(`  Dataverse API  ${sim.dataverseUrl}`);
  console.log(`  Finance OData  ${sim.financeUrl}`);
  console.log(`  control        ${url}/sim/health`);
} catch (e) {
  console.error(`po-invoice-sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
