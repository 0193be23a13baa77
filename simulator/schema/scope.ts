import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityDef } from '../schema.js';
import type { MapId, TableMap } from '../dualwrite/maps.js';

/**
 * The schema one simulator instance runs with: the built-in tables, entities and table maps, plus that instance's
 * schema extensions (schema/extensions.ts). An instance without extensions uses the built-in schema as it is.
 *
 * The definitions are read everywhere (routers, validation, $metadata, EntityDefinitions, dual-write) through the
 * lists and maps of dataverse/entities.ts, finance/entities.ts and dualwrite/maps.ts. An extended instance runs each
 * of its requests, seeds and control calls inside `withSchema(itsSchema, …)`; those lists and maps then answer with
 * its definitions. So instances with different extensions share a process and see nothing of each other's columns.
 */
export interface SchemaSet {
  readonly dataverse: readonly EntityDef[];
  readonly finance: readonly EntityDef[];
  readonly maps: readonly TableMap[];
  readonly dataverseByName: ReadonlyMap<string, EntityDef>;
  readonly dataverseBySet: ReadonlyMap<string, EntityDef>;
  readonly financeByName: ReadonlyMap<string, EntityDef>;
  readonly financeBySet: ReadonlyMap<string, EntityDef>;
  readonly mapById: ReadonlyMap<MapId, TableMap>;
}

const scope = new AsyncLocalStorage<SchemaSet>();

/** Runs `fn` (and everything asynchronous it starts) with an instance's schema; without one, the built-in schema. */
export const withSchema = <T>(schema: SchemaSet | undefined, fn: () => T): T => (schema ? scope.run(schema, fn) : fn());
export const currentSchema = (): SchemaSet | undefined => scope.getStore();

/** A list that is the current instance's version of `base` (e.g. `dataverseEntities`). */
export function scopedList<T>(base: readonly T[], pick: (s: SchemaSet) => readonly T[]): readonly T[] {
  return new Proxy(base, {
    get(target, prop) {
      const s = scope.getStore();
      const list = s ? pick(s) : target;
      return Reflect.get(list, prop, list);
    },
    has(target, prop) {
      const s = scope.getStore();
      return Reflect.has(s ? pick(s) : target, prop);
    },
  });
}

/** A map that is the current instance's version of `base` (e.g. `dataverseByName`). */
export class ScopedMap<K, V> extends Map<K, V> {
  constructor(base: Iterable<readonly [K, V]>, private readonly pick: (s: SchemaSet) => ReadonlyMap<K, V>) {
    super(base);
  }

  private current(): ReadonlyMap<K, V> | undefined {
    const s = scope.getStore();
    return s ? this.pick(s) : undefined;
  }

  override get(key: K): V | undefined {
    const m = this.current();
    return m ? m.get(key) : super.get(key);
  }

  override has(key: K): boolean {
    const m = this.current();
    return m ? m.has(key) : super.has(key);
  }

  override get size(): number {
    return this.current()?.size ?? super.size;
  }

  override keys(): MapIterator<K> {
    const m = this.current();
    return m ? (m.keys() as MapIterator<K>) : super.keys();
  }

  override values(): MapIterator<V> {
    const m = this.current();
    return m ? (m.values() as MapIterator<V>) : super.values();
  }

  override entries(): MapIterator<[K, V]> {
    const m = this.current();
    return m ? (m.entries() as MapIterator<[K, V]>) : super.entries();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
