/**
 * The simulator under test, in its own process: `--path <file>` (file store; else a memory store),
 * `--clock <iso>`. Prints `{"url","startMs","rss"}` once listening; SIGTERM closes it (final compaction).
 */
import { parseArgs } from 'node:util';
import { createSimulator } from '../../simulator/index.js';

const { values } = parseArgs({ options: { path: { type: 'string' }, clock: { type: 'string' } } });
const t0 = performance.now();
const sim = await createSimulator({
  store: values.path ? { kind: 'file', path: values.path } : { kind: 'memory' },
  clock: values.clock ?? '2026-03-02T10:00:00.000Z',
});
const url = await sim.listen(0, '127.0.0.1');
const startMs = performance.now() - t0;
console.log(JSON.stringify({ url, startMs, rss: process.memoryUsage().rss, processMs: performance.now() }));
const stop = (): void => {
  sim.close().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
