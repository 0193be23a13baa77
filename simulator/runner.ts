import type { Store } from './store/types.js';
import type { RuleId } from './rules/index.js';
import type { Ctx } from './domain/context.js';
import type { Faults } from './dualwrite/runtime.js';

export interface SimEvent {
  readonly type: 'commit' | 'map' | 'process' | 'clock' | 'reset';
  readonly seq?: number;
  readonly data: unknown;
  /** On a commit: the rules (ids of simulator/rules/) the domain applied in it. */
  readonly rules?: readonly RuleId[];
}

/**
 * What the modules the Service delegates to (dualwrite/catch-up.ts, processes.ts) need of it: its store and
 * faults, its clock, its two kinds of transaction and its event stream. Kept apart so they need not import
 * service.ts.
 */
export interface Runner {
  readonly store: Store;
  readonly faults: Faults;
  now(): string;
  /** A domain function in one transaction, with live dual-write of its changes. */
  exec<T>(fn: (ctx: Ctx) => T): Promise<T>;
  /** One transaction without live sync (what dual-write itself writes, and the simulator's own records). */
  direct<T>(fn: (ctx: Ctx) => T): Promise<T>;
  emit(event: SimEvent): void;
}
