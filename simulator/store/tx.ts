/**
 * A transaction: an overlay of puts and deletes over the committed tables. Reads see the transaction's own
 * writes; nothing reaches the tables until the store applies `ops()` after the transaction function returned.
 */
import { checkKey, freezeRec, type Tables } from './memory-table.js';
import type { IndexField, Op, Rec, Tx } from './types.js';
import { matches } from './index-key.js';

/** Marks a record deleted in the overlay. */
const DELETED = Symbol('deleted');
type Slot = Rec | typeof DELETED;

function opKey(table: string, id: string): string {
  return `${table}\u0000${id}`;
}

export class TxImpl implements Tx {
  readonly #base: Tables;
  /** table → id → new record or DELETED. */
  readonly #overlay = new Map<string, Map<string, Slot>>();
  /** One op per touched record, in order of first touch (last write wins). */
  readonly #ops = new Map<string, Op>();
  /** table → count difference against the base. */
  readonly #countDelta = new Map<string, number>();
  #open = true;

  constructor(base: Tables) {
    this.#base = base;
  }

  /** Called by the store once the transaction function returned or threw: the Tx may no longer be used. */
  finish(): void {
    this.#open = false;
  }

  #checkOpen(): void {
    if (!this.#open) throw new Error('store: this transaction is finished (a Tx may only be used inside its transact function)');
  }

  get(table: string, id: string): Rec | undefined {
    this.#checkOpen();
    const slot = this.#overlay.get(table)?.get(id);
    if (slot === undefined) return this.#base.get(table, id);
    return slot === DELETED ? undefined : slot;
  }

  all(table: string): Iterable<Rec> {
    this.#checkOpen();
    const overlay = this.#overlay.get(table);
    const base = this.#base.table(table);
    if (overlay === undefined) return { [Symbol.iterator]: () => base.values() };
    return {
      *[Symbol.iterator]() {
        for (const [id, rec] of base) {
          const slot = overlay.get(id);
          if (slot === undefined) yield rec;
          else if (slot !== DELETED) yield slot;
        }
        for (const [id, slot] of overlay) if (slot !== DELETED && !base.has(id)) yield slot;
      },
    };
  }

  /** Records whose `field` is `value`, seeing this transaction's writes (see Tables.findBy for the order). */
  findBy(table: string, field: IndexField, value: unknown): Iterable<Rec> {
    this.#checkOpen();
    const base = this.#base.findBy(table, field, value);
    const overlay = this.#overlay.get(table);
    if (overlay === undefined) return { [Symbol.iterator]: () => base.values() };
    const baseAll = this.#base.table(table);
    return {
      *[Symbol.iterator]() {
        for (const [id, rec] of base) {
          const slot = overlay.get(id);
          if (slot === undefined) yield rec;
          else if (slot !== DELETED && matches(slot, field, value)) yield slot;
        }
        // Written by this transaction: new records, and records that took the value here.
        for (const [id, slot] of overlay) {
          if (slot === DELETED || !matches(slot, field, value)) continue;
          const before = baseAll.get(id);
          if (before === undefined || !matches(before, field, value)) yield slot;
        }
      },
    };
  }

  count(table: string): number {
    this.#checkOpen();
    return this.#base.count(table) + (this.#countDelta.get(table) ?? 0);
  }

  put(table: string, id: string, rec: Rec): void {
    this.#checkOpen();
    checkKey('table', table);
    checkKey('id', id);
    const frozen = freezeRec(rec);
    if (this.get(table, id) === undefined) this.#addCount(table, 1);
    this.#slots(table).set(id, frozen);
    this.#ops.set(opKey(table, id), { t: 'put', table, id, rec: frozen });
  }

  del(table: string, id: string): void {
    this.#checkOpen();
    checkKey('table', table);
    checkKey('id', id);
    if (this.get(table, id) === undefined) return; // nothing to delete
    this.#addCount(table, -1);
    const key = opKey(table, id);
    if (this.#base.has(table, id)) {
      this.#slots(table).set(id, DELETED);
      this.#ops.set(key, { t: 'del', table, id });
    } else {
      // Created by this transaction: deleting it leaves no trace.
      this.#slots(table).delete(id);
      this.#ops.delete(key);
    }
  }

  ops(): Op[] {
    return Array.from(this.#ops.values());
  }

  #slots(table: string): Map<string, Slot> {
    let m = this.#overlay.get(table);
    if (m === undefined) this.#overlay.set(table, (m = new Map()));
    return m;
  }

  #addCount(table: string, d: number): void {
    this.#countDelta.set(table, (this.#countDelta.get(table) ?? 0) + d);
  }
}
