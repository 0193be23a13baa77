import { step } from './support/phrases.js';
import type { Rec, SpecWorld } from './support/world.js';

/** Dual-write table maps through the simulator's control surface (/sim/maps). */

async function mapInfo(w: SpecWorld, id: string): Promise<Rec> {
  const maps = await w.ok('GET', '/sim/maps');
  const list = (Array.isArray(maps.value) ? maps.value : []) as Rec[];
  const m = list.find((x) => x.id === id);
  if (!m) throw new Error(`internal: the simulator has no table map ${id}`);
  return m;
}

/** What a map check names: "Table map "<its label>"" in the feature's language. */
const mapName = (w: SpecWorld, id: string): string => `${w.label('terms.table_map')} "${w.label(`maps.${id}`)}"`;

/** A count of the map and the length of the list it serves: both must match the step. */
const counted = (w: SpecWorld, count: unknown, listed: number): string =>
  Number(count) === listed ? w.num(listed) : w.failText('count', { n: w.num(Number(count)), listed: w.num(listed) });

step('map.pause', async function (map: string) {
  await this.ok('POST', `/sim/maps/${map}/pause`);
});

step('map.run', async function (map: string) {
  await this.ok('POST', `/sim/maps/${map}/run`);
});

step('map.stop', async function (map: string) {
  await this.ok('POST', `/sim/maps/${map}/stop`);
});

step('map.resume', async function (map: string) {
  await this.ok('POST', `/sim/maps/${map}/resume`, { mode: 'catchup' });
});

step('map.retry', async function (map: string) {
  await this.ok('POST', `/sim/maps/${map}/errors/retry`, {});
});

step('map.state', async function (map: string, state: string) {
  const m = await mapInfo(this, map);
  if (m.state !== state) throw this.mismatch(mapName(this, map), `"${this.label(`options.mapState.${String(m.state)}`)}"`, `"${this.label(`options.mapState.${state}`)}"`);
});

step('map.queued', async function (map: string, n: number) {
  const m = await mapInfo(this, map);
  const queue = await this.ok('GET', `/sim/maps/${map}/queue`);
  const items = Array.isArray(queue.value) ? queue.value.length : -1;
  if (m.queued !== n || items !== n) throw this.mismatch(`${mapName(this, map)}: ${this.label('terms.queued_records')}`, counted(this, m.queued, items), this.num(n));
});

step('map.errors', async function (map: string, n: number) {
  const m = await mapInfo(this, map);
  const errors = await this.ok('GET', `/sim/maps/${map}/errors`);
  const items = Array.isArray(errors.value) ? errors.value.length : -1;
  if (m.errors !== n || items !== n) throw this.mismatch(`${mapName(this, map)}: ${this.label('terms.catchup_errors')}`, counted(this, m.errors, items), this.num(n));
});
