import { Sim } from './errors/sim.js';
import { type Faults, isMapId, noFaults } from './dualwrite/runtime.js';
import type { MapId } from './dualwrite/maps.js';

/** Faults as a client gives them (`PUT /sim/faults`, `startSimulator({ faults })`): each one optional. */
export interface FaultsInput {
  readonly financeUnavailable?: boolean;
  readonly latencyMs?: number;
  readonly failNext?: Partial<Record<MapId, number>>;
}

/**
 * Checks faults and sets them on an instance's faults (null: back to none). All or nothing: a misspelt or out-of-range
 * fault (e.g. "financeUnavaliable") is refused, never accepted silently. Returns the faults now in force.
 */
export function applyFaults(target: Faults, input: unknown): Faults {
  if (input === null) {
    Object.assign(target, noFaults());
    return target;
  }
  const bad = () => Sim.error(400, 'BadRequest', 'sim.badFaults');
  if (typeof input !== 'object' || Array.isArray(input)) throw bad();
  const b = input as Record<string, unknown>;
  if (Object.keys(b).some((k) => k !== 'financeUnavailable' && k !== 'latencyMs' && k !== 'failNext')) throw bad();
  if (b.financeUnavailable !== undefined && typeof b.financeUnavailable !== 'boolean') throw bad();
  if (b.latencyMs !== undefined && (typeof b.latencyMs !== 'number' || !Number.isInteger(b.latencyMs) || b.latencyMs < 0 || b.latencyMs > 10_000)) throw bad();
  const failNext: Record<string, number> = {};
  if (b.failNext !== undefined) {
    if (b.failNext === null || typeof b.failNext !== 'object' || Array.isArray(b.failNext)) throw bad();
    for (const [k, v] of Object.entries(b.failNext)) {
      if (!isMapId(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) throw bad();
      failNext[k] = v;
    }
  }
  if (b.financeUnavailable !== undefined) target.financeUnavailable = b.financeUnavailable;
  if (b.latencyMs !== undefined) target.latencyMs = b.latencyMs;
  Object.assign(target.failNext, failNext);
  return target;
}
