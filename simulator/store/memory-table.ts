/**
 * The in-memory tables of a store: one `Map` per table, keyed by record id. A `Map` gives O(1) lookups and
 * counts and iterates in insertion order whatever the ids look like (a plain object would list integer-like
 * keys first, in numeric order). Replacing an existing record keeps its position; deleting and re-inserting
 * moves it to the end.
 */
import type { Op, ReadView, Rec } from './types.js';

export type TableMap = Map<string, Rec>;

/** Table name → entries `[id, record]` in insertion order: the persisted shape of the tables (JSON keeps arrays in order). */
export type TableEntries = Record<string, Array<[string, Rec]>>;

const EMPTY: ReadonlyMap<string, Rec> = new Map();

/** Re-iterable view of a map's values (a bare `map.values()` iterator could be consumed only once). */
export function iterableValues<V>(map: ReadonlyMap<string, V>): Iterable<V> {
  return { [Symbol.iterator]: () => map.values() };
}

export function checkKey(what: 'table' | 'id', value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`store: ${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

/**
 * Checks that `rec` is a plain JSON object and freezes it (shallow), so that an accidental mutation of a stored
 * record throws in strict-mode code instead of silently diverging from what is persisted.
 */
export function freezeRec(rec: unknown): Rec {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new TypeError(`store: a record must be a plain object, got ${rec === null ? 'null' : Array.isArray(rec) ? 'an array' : typeof rec}`);
  }
  const proto: unknown = Object.getPrototypeOf(rec);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError('store: a record must be a plain object (not a class instance)');
  }
  return Object.freeze(rec as Rec);
}

/** Sets `obj[key] = value` as an own property even for the key `__proto__`. */
export function setOwn<V>(obj: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export class Tables implements ReadView {
  #tables = new Map<string, TableMap>();

  /** The map of a table, or an empty read-only map (never creates the table). */
  table(table: string): ReadonlyMap<string, Rec> {
    return this.#tables.get(table) ?? EMPTY;
  }

  get(table: string, id: string): Rec | undefined {
    return this.#tables.get(table)?.get(id);
  }

  has(table: string, id: string): boolean {
    return this.#tables.get(table)?.has(id) ?? false;
  }

  all(table: string): Iterable<Rec> {
    return iterableValues(this.table(table));
  }

  count(table: string): number {
    return this.#tables.get(table)?.size ?? 0;
  }

  tableNames(): IterableIterator<string> {
    return this.#tables.keys();
  }

  /** Applies committed ops (records already frozen). */
  apply(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.t === 'put') {
        let t = this.#tables.get(op.table);
        if (t === undefined) this.#tables.set(op.table, (t = new Map()));
        t.set(op.id, op.rec);
      } else {
        this.#tables.get(op.table)?.delete(op.id);
      }
    }
  }

  /** Replaces every table by the given entries (records already frozen). */
  replace(entries: TableEntries): void {
    this.#tables = new Map();
    for (const [name, rows] of Object.entries(entries)) this.#tables.set(name, new Map(rows));
  }

  /** Entries of every non-empty table, sharing the (immutable) records: the snapshot written by a compaction. */
  entries(): TableEntries {
    const out: TableEntries = {};
    for (const [name, map] of this.#tables) if (map.size > 0) setOwn(out, name, Array.from(map));
    return out;
  }

  /** Plain objects sharing the (immutable) records. */
  toObjects(): Record<string, Record<string, Rec>> {
    const out: Record<string, Record<string, Rec>> = {};
    for (const [name, map] of this.#tables) {
      if (map.size === 0) continue;
      const t: Record<string, Rec> = {};
      for (const [id, rec] of map) setOwn(t, id, rec);
      setOwn(out, name, t);
    }
    return out;
  }
}
