/**
 * The package's API for other projects' test runners: `startSimulator(options)` starts one simulator (its own store,
 * clock, faults and schema) on a port and returns its URLs and handles. Start as many as you like in one process;
 * they share nothing.
 */
import { resolve } from 'node:path';
import { createSimulator, type Simulator } from './index.js';
import { DATAVERSE_BASE } from './http/dataverse-router.js';
import { FINANCE_BASE } from './http/finance-router.js';
import { type Fixture, readFixtureFile } from './fixtures/fixture.js';
import { type SeedResult, seedFixture } from './fixtures/seed.js';
import { type FaultsInput, applyFaults } from './faults.js';
import { type MapId, type TableMap, mapById, tableMaps } from './dualwrite/maps.js';
import { Sim } from './errors/sim.js';
import { mapStatus } from './dualwrite/runtime.js';
import type { MapState } from './dualwrite/maps.js';
import { type SchemaExtension, buildSchema, checkExtension, readExtensionFile } from './schema/extensions.js';
import { withSchema } from './schema/scope.js';

export type { Fixture, FixtureProblem } from './fixtures/fixture.js';
export { FixtureError, checkFixture } from './fixtures/fixture.js';
export type { SeedResult } from './fixtures/seed.js';
export type { FaultsInput } from './faults.js';
export type { MapId, MapState } from './dualwrite/maps.js';
export type { SchemaExtension, ColumnSpec, ValueMapTransform } from './schema/extensions.js';
export { ExtensionError } from './schema/extensions.js';

export interface StartOptions {
  /** Port to listen on; 0 (the default) takes a free one. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** `'memory'` (the default: nothing on disk) or a lowdb file (`{ file, dataDir? }`; the file must lie in dataDir). */
  readonly store?: 'memory' | { readonly file: string; readonly dataDir?: string };
  /** Seed the demo data (simulator/fixtures/demo.json) into an empty store. Default false. */
  readonly demo?: boolean;
  /** Fixtures seeded in order after the demo data: file paths (JSON) or fixture objects. */
  readonly fixtures?: readonly (string | Fixture)[];
  /**
   * Schema extensions: custom columns on the simulated tables and dual-write field pairs for them (file paths or
   * objects). A bad one is refused (ExtensionError) and nothing starts.
   */
  readonly schema?: readonly (string | SchemaExtension)[];
  /** Faults in force from the start (the same as `PUT /sim/faults`). */
  readonly faults?: FaultsInput;
  /** Start of the simulated clock (ISO 8601 UTC); default: now. */
  readonly clock?: string;
}

export interface MapInfo {
  readonly id: MapId;
  readonly dataverse: string;
  readonly finance: string;
  readonly state: MapState;
  readonly queued: number;
  readonly errors: number;
}

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (demo page at `/`, control API at `/sim`). */
  readonly url: string;
  /** Dataverse Web API root, ending in `/api/data/v9.2/`. */
  readonly dataverseUrl: string;
  /** Finance and Operations OData root, ending in `/data/`. */
  readonly financeUrl: string;
  /** Stops listening and closes the store. */
  stop(): Promise<void>;
  /** Back to the state right after start: empty, then the demo data and fixtures of the options; the faults of the options. */
  reset(): Promise<void>;
  /** Seeds a fixture (file path or object) now; refused as a whole (FixtureError) when anything in it is wrong. */
  seed(fixture: string | Fixture): Promise<SeedResult>;
  readonly clock: {
    now(): string;
    /** Moves the clock forward by an ISO 8601 duration (e.g. `PT1H`, `P1D`); due periodic processes run on the way. */
    advance(duration: string): Promise<string>;
    /** Moves the clock forward to an instant. */
    set(to: string): Promise<string>;
  };
  readonly maps: {
    list(): MapInfo[];
    state(id: MapId): MapState;
    run(id: MapId): Promise<void>;
    pause(id: MapId): Promise<void>;
    stop(id: MapId): Promise<void>;
    resume(id: MapId, mode?: 'catchup' | 'skipPreserve' | 'skipDiscard'): Promise<{ applied: number; failed: number; discarded: number }>;
    retry(id: MapId): Promise<{ retried: number; succeeded: number; failed: number }>;
  };
  readonly faults: {
    /** Sets faults (validated like `PUT /sim/faults`); returns those in force. */
    set(faults: FaultsInput): FaultsInput;
    clear(): void;
    current(): FaultsInput;
  };
}

const FIXTURES_SEEDED = 'fixtures';

export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const extensions = (options.schema ?? []).map((x) => {
    if (typeof x === 'string') return readExtensionFile(resolve(x));
    checkExtension(x);
    return x;
  });
  const schema = extensions.length ? buildSchema(extensions) : undefined;
  // Whatever this instance does outside a request (seeding, control calls) reads its own schema too.
  const scoped = <T>(fn: () => T): T => withSchema(schema, fn);
  const fixtures = (options.fixtures ?? []).map((f) => (typeof f === 'string' ? { file: resolve(f), fixture: readFixtureFile(resolve(f)) } : { file: '(fixture)', fixture: f }));
  const store = options.store === undefined || options.store === 'memory'
    ? { kind: 'memory' as const }
    : { kind: 'file' as const, path: resolve(options.store.file), dataDir: resolve(options.store.dataDir ?? resolve(options.store.file, '..')) };
  const sim: Simulator = await createSimulator({ store, demo: options.demo === true, schema, ...(options.clock ? { clock: options.clock } : {}) });
  const demo = options.demo === true;
  const service = sim.service;
  const seedAll = (): Promise<void> => scoped(async () => {
    for (const f of fixtures) await seedFixture(service, f.fixture, f.file);
    await service.exec((ctx) => ctx.tx.put('sim_meta', FIXTURES_SEEDED, { count: fixtures.length }));
  });
  try {
    if (options.faults) applyFaults(service.faults, options.faults);
    // A file store keeps what it holds across restarts: the fixtures of the options go in once (as the demo data does).
    if (!service.store.get('sim_meta', FIXTURES_SEEDED)) await seedAll();
    const url = await sim.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    return {
      url,
      dataverseUrl: `${url}${DATAVERSE_BASE}/`,
      financeUrl: `${url}${FINANCE_BASE}/`,
      stop: () => sim.close(),
      async reset() {
        applyFaults(service.faults, null);
        if (options.faults) applyFaults(service.faults, options.faults);
        await scoped(() => sim.reset(demo));
        await seedAll();
      },
      seed: async (fixture) => scoped(() => (typeof fixture === 'string' ? seedFixture(service, readFixtureFile(resolve(fixture)), resolve(fixture)) : seedFixture(service, fixture))),
      clock: {
        now: () => service.now(),
        advance: (duration) => scoped(() => service.advanceClock({ advance: duration })),
        set: (to) => scoped(() => service.advanceClock({ to })),
      },
      maps: {
        list: () => scoped(() => tableMaps.map((m) => {
          const s = mapStatus(service.store, m);
          return { id: s.id, dataverse: s.dataverse, finance: s.finance, state: s.state, queued: s.queued, errors: s.errors };
        })),
        state: (id) => mapStatus(service.store, mapOf(id)).state,
        run: async (id) => { await scoped(() => service.setMap(mapOf(id).id, 'run')); },
        pause: async (id) => { await scoped(() => service.setMap(mapOf(id).id, 'pause')); },
        stop: async (id) => { await scoped(() => service.setMap(mapOf(id).id, 'stop')); },
        resume: (id, mode = 'catchup') => scoped(() => service.resume(mapOf(id).id, mode)),
        retry: (id) => scoped(() => service.retry(mapOf(id).id)),
      },
      faults: {
        set: (f) => applyFaults(service.faults, f),
        clear: () => applyFaults(service.faults, null),
        current: () => structuredClone(service.faults),
      },
    };
  } catch (e) {
    await sim.close();
    throw e;
  }
}

function mapOf(id: MapId): TableMap {
  const m = mapById.get(id);
  if (!m) throw Sim.error(404, 'UnknownMap', 'sim.unknownMap', { map: String(id).slice(0, 60) }); // as /sim/maps/<id> answers
  return m;
}
