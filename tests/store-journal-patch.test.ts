/**
 * The file store journals an update as a patch (`["u", table, id, {changed members}]`) when the new record has the
 * member names of the record it replaces, in the same order; anything else is journaled whole (`p`). Replaying the
 * journal must rebuild exactly the records a whole-record journal would: same values, same member order, frozen.
 *
 * As in tests/store.test.ts, "crash" states are copies of an open store's files (what a SIGKILL leaves: the
 * journal holds every acknowledged transaction, close() never compacted it).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStore, JournalCorruptError, type FileStore } from '../simulator/store/index.js';
import type { Rec } from '../simulator/store/types.js';
import { storeFiles } from './support/store-files.js';

const { freshPath, crashCopyMaybe: crashCopy } = storeFiles('store-patch-test-');

const open = async (path: string, compactBytes?: number): Promise<FileStore> =>
  (await createStore({ kind: 'file', path, ...(compactBytes !== undefined ? { compactBytes } : {}) })) as FileStore;

type Line = { s: number; o?: unknown[][]; r?: unknown };

function walLines(path: string): Line[] {
  const text = readFileSync(`${path}.wal`, 'utf8');
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
}

/** The journaled op of `table`/`id` in transaction `seq`: [kind, table, id, payload?]. */
function opOf(path: string, seq: number, table: string, id: string): unknown[] {
  const line = walLines(path).find((l) => l.s === seq);
  assert.ok(line?.o, `no ops line for seq ${seq}`);
  const op = line.o.find((o) => o[1] === table && o[2] === id);
  assert.ok(op, `no op for ${table}/${id} in seq ${seq}`);
  return op;
}

/** Deeply equal and the same member order (some records are serialized in member order). */
function assertSameRecord(actual: Rec | undefined, expected: Rec | undefined, what: string): void {
  assert.deepStrictEqual(actual, expected, what);
  assert.ok(actual !== undefined && expected !== undefined, what);
  assert.deepStrictEqual(Object.keys(actual), Object.keys(expected), `${what}: member order`);
}

/** A Dataverse-like record: many members, most null, in no particular (alphabetical or other) order. */
function wide(id: string, extra: Record<string, unknown> = {}): Rec {
  const rec: Record<string, unknown> = { zeta: null, accountid: id, name: `Account ${id}` };
  for (let i = 0; i < 60; i++) rec[`m_${(i * 37) % 60}`] = null;
  rec.statecode = 0;
  rec.address = { line1: 'Main 1', city: 'Utrecht' };
  rec.amount = '10.00';
  return Object.assign(rec, extra);
}

describe('file store: updates journaled as patches', () => {
  it('an update is journaled as its changed members only; reopening rebuilds the identical record', async () => {
    const path = freshPath();
    const s = await open(path);
    await s.transact((tx) => tx.put('accounts', 'a1', wide('a1')));
    const old = s.get('accounts', 'a1')!;
    await s.transact((tx) => tx.put('accounts', 'a1', { ...old, statecode: 1, m_7: 'set', amount: '12.50', address: { line1: 'Main 2', city: 'Utrecht' } }));
    // Back to null, and to a falsy value: a patch carries them like any other value.
    await s.transact((tx) => tx.put('accounts', 'a1', { ...tx.get('accounts', 'a1')!, m_7: null, statecode: 0 }));
    const expected = s.get('accounts', 'a1');
    const copy = crashCopy(path);
    await s.close();

    assert.equal(opOf(copy, 1, 'accounts', 'a1')[0], 'p', 'a new record is written whole');
    assert.deepStrictEqual(opOf(copy, 2, 'accounts', 'a1'), [
      'u', 'accounts', 'a1', { m_7: 'set', statecode: 1, address: { line1: 'Main 2', city: 'Utrecht' }, amount: '12.50' },
    ]);
    assert.deepStrictEqual(opOf(copy, 3, 'accounts', 'a1'), ['u', 'accounts', 'a1', { m_7: null, statecode: 0 }]);

    const a = await open(copy);
    assert.deepEqual(a.recovery, { snapshotSeq: 0, replayed: 3, tornBytes: 0 });
    const got = a.get('accounts', 'a1');
    assertSameRecord(got, expected, 'replayed from patches');
    assert.ok(Object.isFrozen(got), 'a replayed record is frozen like every stored record');
    await a.close();
    // And after the compaction on close: from the snapshot.
    const b = await open(copy);
    assertSameRecord(b.get('accounts', 'a1'), expected, 'from the snapshot');
    await b.close();
  });

  it('members added at the end are patched; a put that removes, reorders or inserts members, or sets one to undefined, is journaled whole', async () => {
    const path = freshPath();
    const s = await open(path);
    await s.transact((tx) => tx.put('t', '1', { id: '1', a: 1, b: 2 }));
    await s.transact((tx) => tx.put('t', '1', { id: '1', a: 1, b: 2, c: 3 })); // 2: adds c at the end
    await s.transact((tx) => tx.put('t', '1', { id: '1', b: 2, a: 1, c: 3 })); // 3: reorders
    await s.transact((tx) => tx.put('t', '1', { id: '1', b: 2, c: 3 })); // 4: removes a
    await s.transact((tx) => tx.put('t', '1', { id: '1', b: undefined, c: 4 })); // 5: JSON drops b
    await s.transact((tx) => tx.put('t', '1', { id: '1', b: 5, c: 4 })); // 6: b back from undefined
    await s.transact((tx) => tx.put('t', '1', { id: '1', b: 5, c: 4 })); // 7: nothing changed
    await s.transact((tx) => tx.put('t', '1', { id: '1', x: 0, b: 5, c: 4 })); // 8: inserts x in the middle
    await s.transact((tx) => tx.put('t', '1', { id: '1', x: 0, b: 5, c: 4, d: undefined, e: 1 })); // 9: adds d (dropped by JSON) and e
    const copy = crashCopy(path);
    const expected = JSON.parse(JSON.stringify(s.get('t', '1'))) as Rec;
    await s.close();
    assert.deepStrictEqual(
      [2, 3, 4, 5, 6, 7, 8, 9].map((seq) => opOf(copy, seq, 't', '1')[0]),
      ['u', 'p', 'p', 'p', 'p', 'u', 'p', 'u'],
    );
    assert.deepStrictEqual(opOf(copy, 2, 't', '1')[3], { c: 3 });
    assert.deepStrictEqual(opOf(copy, 9, 't', '1')[3], { e: 1 });
    assert.deepStrictEqual(opOf(copy, 7, 't', '1')[3], {}, 'an unchanged record is an empty patch');
    const a = await open(copy);
    assertSameRecord(a.get('t', '1'), expected, 'replayed');
    await a.close();

    // Member order survives a replay whatever it is (a patch keeps the base's order; a reorder is written whole).
    const p2 = freshPath();
    const t = await open(p2);
    await t.transact((tx) => tx.put('t', 'x', { z: 1, y: 2, x: 3 }));
    await t.transact((tx) => tx.put('t', 'x', { z: 1, y: 9, x: 3 }));
    await t.transact((tx) => tx.put('t', 'x', { x: 3, z: 1, y: 9 }));
    await t.transact((tx) => tx.put('t', 'x', { x: 4, z: 1, y: 9 }));
    const want = t.get('t', 'x');
    const c2 = crashCopy(p2);
    await t.close();
    assert.deepStrictEqual([2, 3, 4].map((seq) => opOf(c2, seq, 't', 'x')[0]), ['u', 'p', 'u']);
    const b = await open(c2);
    assertSameRecord(b.get('t', 'x'), want, 'reordered then patched');
    await b.close();
  });

  it('a member named __proto__ is patched as a plain member', async () => {
    const path = freshPath();
    const s = await open(path);
    const rec = JSON.parse('{"id":"p","__proto__":{"a":1},"v":1}') as Rec;
    await s.transact((tx) => tx.put('t', 'p', rec));
    await s.transact((tx) => tx.put('t', 'p', JSON.parse('{"id":"p","__proto__":{"a":2},"v":1}') as Rec));
    const expected = s.get('t', 'p');
    const copy = crashCopy(path);
    await s.close();
    assert.equal(opOf(copy, 2, 't', 'p')[0], 'u');
    const a = await open(copy);
    const got = a.get('t', 'p')!;
    assertSameRecord(got, expected, '__proto__ member');
    assert.equal(Object.getPrototypeOf(got), Object.prototype);
    await a.close();
  });

  it('delete then recreate (in later transactions and in one) replays to the right records', async () => {
    const path = freshPath();
    const s = await open(path);
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 1, w: 'a' })); // 1
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 2, w: 'a' })); // 2: u
    await s.transact((tx) => tx.del('t', '1')); // 3
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 3, w: 'b' })); // 4: p (no base any more)
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 4, w: 'b' })); // 5: u against the recreated record
    await s.transact((tx) => {
      // 6: deleted and put again in one transaction: one put op, against the record before the transaction.
      tx.del('t', '1');
      tx.put('t', '1', { id: '1', v: 5, w: 'b' });
    });
    await s.transact((tx) => {
      // 7: a record created and updated in one transaction is new to the journal: whole.
      tx.put('t', '2', { id: '2', v: 1 });
      tx.put('t', '2', { id: '2', v: 2 });
    });
    const expected = s.snapshot();
    const copy = crashCopy(path);
    await s.close();
    assert.deepStrictEqual(
      [1, 2, 3, 4, 5, 6].map((seq) => opOf(copy, seq, 't', '1')[0]),
      ['p', 'u', 'd', 'p', 'u', 'u'],
    );
    assert.deepStrictEqual(opOf(copy, 6, 't', '1'), ['u', 't', '1', { v: 5 }]);
    assert.equal(opOf(copy, 7, 't', '2')[0], 'p');
    const a = await open(copy);
    assert.deepStrictEqual(a.snapshot(), expected);
    assertSameRecord(a.get('t', '1'), expected.t!['1'], 'recreated then patched');
    await a.close();
  });

  it('a patch whose base record is missing is refused as corrupt', async () => {
    const p1 = freshPath();
    writeFileSync(`${p1}.wal`, '{"s":1,"o":[["p","t","1",{"id":"1","v":1}]]}\n{"s":2,"o":[["u","t","2",{"v":2}]]}\n');
    await assert.rejects(open(p1), (err: unknown) => {
      assert.ok(err instanceof JournalCorruptError, String(err));
      assert.match(err.message, /transaction 2 updates t "2" as a patch, but no such record exists/);
      return true;
    });
    // Deleted earlier in the journal: missing too.
    const p2 = freshPath();
    writeFileSync(`${p2}.wal`, '{"s":1,"o":[["p","t","1",{"id":"1","v":1}]]}\n{"s":2,"o":[["d","t","1"]]}\n{"s":3,"o":[["u","t","1",{"v":2}]]}\n');
    await assert.rejects(open(p2), /transaction 3 updates t "1" as a patch, but no such record exists/);
    // A malformed patch op (not an object) in a complete line followed by another is damage, not a torn tail.
    const p4 = freshPath();
    writeFileSync(`${p4}.wal`, '{"s":1,"o":[["p","t","1",{"id":"1"}]]}\n{"s":2,"o":[["u","t","1",[1]]]}\n{"s":3,"o":[]}\n');
    await assert.rejects(open(p4), JournalCorruptError);
    // The lock was released: a journal whose patch has its base opens.
    writeFileSync(`${p1}.wal`, '{"s":1,"o":[["p","t","1",{"id":"1","v":1}]]}\n{"s":2,"o":[["u","t","1",{"w":3,"v":2}]]}\n');
    const s = await open(p1);
    assertSameRecord(s.get('t', '1'), { id: '1', v: 2, w: 3 }, 'hand-written patch: base members in order, then the added ones');
    await s.close();
  });

  it('a compaction keeps the lines written after its snapshot; their patches apply on top of it on reopen', async () => {
    const path = freshPath();
    const s = await open(path);
    await s.transact((tx) => {
      for (let i = 0; i < 20; i++) tx.put('t', String(i), wide(String(i)));
    });
    for (let i = 0; i < 20; i += 2) await s.transact((tx) => tx.put('t', String(i), { ...tx.get('t', String(i))!, statecode: 1 }));
    const oldJournal = readFileSync(`${path}.wal`); // seq 1–11, already in the coming snapshot
    const markSeq = s.stats().seq;
    const compaction = s.compact(); // marks seq 11 and starts writing the snapshot
    // Committed while the snapshot is being written: after the mark, so the journal cut keeps them.
    const during = [];
    for (let i = 0; i < 20; i += 2) during.push(s.transact((tx) => tx.put('t', String(i), { ...tx.get('t', String(i))!, statecode: 2, m_3: i })));
    during.push(s.transact((tx) => tx.del('t', '1')));
    await Promise.all(during);
    await compaction;
    const lines = walLines(path);
    assert.deepStrictEqual(lines.map((l) => l.s), Array.from({ length: 11 }, (_, k) => markSeq + 1 + k), 'the lines after the mark stayed');
    assert.ok(lines.slice(0, 10).every((l) => l.o?.[0]?.[0] === 'u'), 'the kept lines are patches');
    await s.transact((tx) => tx.put('t', '0', { ...tx.get('t', '0')!, name: 'after the cut' }));
    const expected = s.snapshot();
    const copy = crashCopy(path);
    // A crash between that snapshot write and the journal cut: the old lines (≤ the snapshot's seq, patches among
    // them, written against older states) are still in front. They are skipped, so no patch applies twice or to a
    // later state (replaying the old statecode 1 patches would undo the statecode 2 ones).
    const uncut = crashCopy(path);
    writeFileSync(`${uncut}.wal`, Buffer.concat([oldJournal, readFileSync(`${uncut}.wal`)]));
    await s.close();

    for (const [what, p] of [['after the cut', copy], ['before the cut', uncut]] as const) {
      const a = await open(p);
      assert.deepEqual(a.recovery, { snapshotSeq: markSeq, replayed: 12, tornBytes: 0 }, what);
      assert.deepStrictEqual(a.snapshot(), expected, what);
      for (const [id, rec] of Object.entries(expected.t!)) assertSameRecord(a.get('t', id), rec, `${what}: t/${id}`);
      await a.close();
    }
  });

  it('a journal written before patches (only p and d lines) opens as before, and later updates patch on top of it', async () => {
    const path = freshPath();
    writeFileSync(`${path}.wal`, [
      '{"s":1,"o":[["p","t","1",{"id":"1","v":1}]]}',
      '{"s":2,"o":[["p","t","1",{"id":"1","v":2}],["p","t","2",{"id":"2"}]]}',
      '{"s":3,"o":[["d","t","2"]]}',
      '',
    ].join('\n'));
    const s = await open(path);
    assert.deepEqual(s.recovery, { snapshotSeq: 0, replayed: 3, tornBytes: 0 });
    assertSameRecord(s.get('t', '1'), { id: '1', v: 2 }, 'old journal');
    assert.equal(s.count('t'), 1);
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 3 }));
    const copy = crashCopy(path);
    await s.close();
    assert.deepStrictEqual(opOf(copy, 4, 't', '1'), ['u', 't', '1', { v: 3 }]);
    const a = await open(copy);
    assertSameRecord(a.get('t', '1'), { id: '1', v: 3 }, 'patched on top of an old journal');
    await a.close();
  });

  it('a torn last patch line is cut like any torn line', async () => {
    const path = freshPath();
    const s = await open(path);
    await s.transact((tx) => tx.put('t', '1', wide('1')));
    await s.transact((tx) => tx.put('t', '1', { ...tx.get('t', '1')!, statecode: 1 }));
    const expected = s.get('t', '1');
    const copy = crashCopy(path);
    await s.close();
    const clean = statSync(`${copy}.wal`).size;
    appendFileSync(`${copy}.wal`, '{"s":3,"o":[["u","t","1",{"statecode":2,"na'); // killed mid-append
    const a = await open(copy);
    assert.ok(a.recovery.tornBytes > 0);
    assert.equal(statSync(`${copy}.wal`).size, clean, 'the torn tail was truncated');
    assertSameRecord(a.get('t', '1'), expected, 'the torn update is not there');
    await a.transact((tx) => tx.put('t', '1', { ...tx.get('t', '1')!, statecode: 3 }));
    const again = crashCopy(copy);
    await a.close();
    assert.equal(opOf(again, 3, 't', '1')[0], 'u');
    const b = await open(again);
    assert.equal(b.get('t', '1')?.statecode, 3);
    assertSameRecord(b.get('t', '1'), { ...expected, statecode: 3 }, 'patched after the cut');
    await b.close();
  });
});
