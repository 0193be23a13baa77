/**
 * The in-memory tables of a store: one `Map` per table, keyed by record id. A `Map` gives O(1) lookups and
 * counts and iterates in insertion order whatever the ids look like (a plain object would list integer-like
 * keys first, in numeric order). Replacing an existing record keeps its position; deleting and re-inserting
 * moves it to the end.
 */
import type { Op, ReadView, Rec } from './types.js';
import { indexName, keyOfRec, keyOfValue, type IndexField } from './index-key.js';

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

/**
 * Checks persisted tables (snapshot or journal reset): an object of lists of `[id, record]` entries; freezes the
 * records. `bad` reports what is wrong (and throws).
 */
export function checkEntries(tables: unknown, bad: (what: string) => never): TableEntries {
  if (tables === null || typeof tables !== 'object' || Array.isArray(tables)) return bad('no tables');
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows)) return bad(`table ${name} is not a list of entries`);
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 2 || typeof row[0] !== 'string') return bad(`bad entry in table ${name}`);
      freezeRec(row[1]);
    }
  }
  return tables as TableEntries;
}

/** Sets `obj[key] = value` as an own property even for the key `__proto__`. */
export function setOwn<V>(obj: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** A secondary index of one field (or a list of fields): key → records (id → record) in the order they took that key. */
interface FieldIndex {
  readonly field: IndexField;
  readonly groups: Map<unknown, Map<string, Rec>>;
}
const NO_MATCH: ReadonlyMap<string, Rec> = new Map();

export class Tables implements ReadView {
  #tables = new Map<string, TableMap>();
  /** Secondary indexes (performance), built on first use by `findBy` and kept up to date by `apply`: table → index name → index. */
  #indexes = new Map<string, Map<string, FieldIndex>>();

  /**
   * The records whose `field` is `value` (`===`; for a list of fields, one value per field), as id → record.
   * Builds an index of the field(s) on first use. Order: table order for fields that records keep for life
   * (foreign keys); a record whose value changed comes last.
   */
  findBy(table: string, field: IndexField, value: unknown): ReadonlyMap<string, Rec> {
    let byField = this.#indexes.get(table);
    if (byField === undefined) this.#indexes.set(table, (byField = new Map()));
    const name = indexName(field);
    let index = byField.get(name);
    if (index === undefined) {
      byField.set(name, (index = { field: typeof field === 'string' ? field : [...field], groups: new Map() }));
      for (const [id, rec] of this.table(table)) addTo(index, keyOfRec(rec, index.field), id, rec);
    }
    return index.groups.get(keyOfValue(field, value)) ?? NO_MATCH;
  }

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
      const indexes = this.#indexes.get(op.table);
      if (op.t === 'put') {
        let t = this.#tables.get(op.table);
        if (t === undefined) this.#tables.set(op.table, (t = new Map()));
        if (indexes !== undefined) {
          const old = t.get(op.id);
          for (const index of indexes.values()) {
            const key = keyOfRec(op.rec, index.field);
            if (old !== undefined) {
              const oldKey = keyOfRec(old, index.field);
              if (oldKey !== key) removeFrom(index, oldKey, op.id);
            }
            addTo(index, key, op.id, op.rec);
          }
        }
        t.set(op.id, op.rec);
      } else {
        const t = this.#tables.get(op.table);
        const old = t?.get(op.id);
        if (indexes !== undefined && old !== undefined) for (const index of indexes.values()) removeFrom(index, keyOfRec(old, index.field), op.id);
        t?.delete(op.id);
      }
    }
  }

  /** Replaces every table by the given entries (records already frozen). */
  replace(entries: TableEntries): void {
    this.#indexes = new Map();
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

function addTo(index: FieldIndex, key: unknown, id: string, rec: Rec): void {
  let group = index.groups.get(key);
  if (group === undefined) index.groups.set(key, (group = new Map()));
  group.set(id, rec);
}

function removeFrom(index: FieldIndex, key: unknown, id: string): void {
  const group = index.groups.get(key);
  if (group === undefined) return;
  group.delete(id);
  if (group.size === 0) index.groups.delete(key);
}
