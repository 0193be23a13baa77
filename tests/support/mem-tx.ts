/**
 * A minimal in-memory `Tx` for domain tests: plain Maps, no durability, no store. `attempt` runs a function
 * and restores every table if it throws, as a store transaction would roll back.
 */
import type { Ctx } from '../../simulator/domain/context.js';
import type { Op, Rec, Tx } from '../../simulator/store/types.js';

export class MemTx implements Tx {
  #tables = new Map<string, Map<string, Rec>>();
  #ops = new Map<string, Op>();

  get(table: string, id: string): Rec | undefined {
    return this.#tables.get(table)?.get(id);
  }

  all(table: string): Iterable<Rec> {
    const t = this.#tables.get(table);
    return t ? [...t.values()] : [];
  }

  count(table: string): number {
    return this.#tables.get(table)?.size ?? 0;
  }

  put(table: string, id: string, rec: Rec): void {
    let t = this.#tables.get(table);
    if (!t) this.#tables.set(table, (t = new Map()));
    const frozen = Object.freeze({ ...rec });
    t.set(id, frozen);
    this.#ops.set(`${table}\u0000${id}`, { t: 'put', table, id, rec: frozen });
  }

  del(table: string, id: string): void {
    if (this.#tables.get(table)?.delete(id)) this.#ops.set(`${table}\u0000${id}`, { t: 'del', table, id });
  }

  ops(): Op[] {
    return [...this.#ops.values()];
  }

  /** Runs `fn`; if it throws, every table is as before and the error propagates. */
  attempt<T>(fn: () => T): T {
    const tables = new Map([...this.#tables].map(([k, v]) => [k, new Map(v)]));
    const ops = new Map(this.#ops);
    try {
      return fn();
    } catch (e) {
      this.#tables = tables;
      this.#ops = ops;
      throw e;
    }
  }
}

export interface MemCtx extends Ctx {
  readonly tx: MemTx;
  /** Moves the simulated clock. */
  now: string;
}

export function memCtx(now = '2026-01-15T10:00:00.000Z'): MemCtx {
  let n = 0;
  return {
    tx: new MemTx(),
    now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}
