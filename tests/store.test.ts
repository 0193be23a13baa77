/**
 * The storage layer (simulator/store): the memory and file kinds share one behaviour contract; the file kind
 * adds durability (journal + lowdb snapshot), recovery, compaction, locking and the dataDir confinement.
 *
 * "Crash" states are produced without killing anything: the files of an open store are copied aside (what a
 * SIGKILL would leave: acknowledged transactions are datasynced in the journal, close() never ran) and the copy
 * is opened. tests/store-crash.test.ts does the real SIGKILL.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMemoryStore,
  createStore,
  JournalCorruptError,
  JournalFailedError,
  SnapshotCorruptError,
  StoreClosedError,
  StoreLockedError,
  StorePathError,
  type FileStore,
  type JournalHandle,
} from '../simulator/store/index.js';
import { storeFiles } from './support/store-files.js';
import type { CommitInfo, Rec, Store } from '../simulator/store/types.js';

const { root, freshPath, crashCopy, crashCopyMaybe } = storeFiles('store-test-');
let n = 0;

const ids = (store: Pick<Store, 'all'>, table: string): string[] => [...store.all(table)].map((r) => String(r.id));

type Factory = () => Promise<Store>;
const kinds: Array<[string, Factory]> = [
  ['memory', () => createStore({ kind: 'memory' })],
  ['file', () => createStore({ kind: 'file', path: freshPath() })],
];

for (const [kind, open] of kinds) {
  describe(`${kind} store: behaviour`, () => {
    it('transact puts records; get/all/count see them; transact resolves with the function result', async () => {
      const s = await open();
      const r = await s.transact((tx) => {
        tx.put('a', '1', { id: '1', v: 1 });
        tx.put('a', '2', { id: '2', v: 2 });
        tx.put('b', 'x', { id: 'x' });
        return 'done';
      });
      assert.equal(r, 'done');
      assert.deepEqual(s.get('a', '1'), { id: '1', v: 1 });
      assert.equal(s.get('a', '3'), undefined);
      assert.equal(s.get('zz', '1'), undefined);
      assert.equal(s.count('a'), 2);
      assert.equal(s.count('b'), 1);
      assert.equal(s.count('none'), 0);
      assert.deepEqual(ids(s, 'a'), ['1', '2']);
      assert.deepEqual([...s.all('none')], []);
      const all = s.all('a');
      assert.equal([...all].length, 2);
      assert.equal([...all].length, 2, 'all() is re-iterable');
      await s.transact((tx) => tx.del('a', '1'));
      assert.equal(s.get('a', '1'), undefined);
      assert.equal(s.count('a'), 1);
      assert.equal(s.kind, kind);
      await s.close();
    });

    it('a transaction reads its own writes (get, all, count) over the store', async () => {
      const s = await open();
      await s.transact((tx) => {
        for (const i of ['1', '2', '3']) tx.put('t', i, { id: i, v: 0 });
      });
      await s.transact((tx) => {
        tx.put('t', '2', { id: '2', v: 1 });
        tx.del('t', '1');
        tx.put('t', '4', { id: '4', v: 0 });
        assert.deepEqual(tx.get('t', '2'), { id: '2', v: 1 });
        assert.equal(tx.get('t', '1'), undefined);
        assert.deepEqual(ids(tx, 't'), ['2', '3', '4']);
        assert.equal(tx.count('t'), 3);
        // The store does not see the overlay yet.
        assert.equal(s.count('t'), 3);
        assert.deepEqual(s.get('t', '2'), { id: '2', v: 0 });
        tx.del('t', '4'); // created then deleted here: leaves no trace
        tx.del('t', 'missing'); // no-op
        assert.equal(tx.count('t'), 2);
        assert.deepEqual(
          tx.ops().map((o) => `${o.t} ${o.id}`),
          ['put 2', 'del 1'],
        );
        tx.put('t', '2', { id: '2', v: 2 }); // last write wins, position of first touch
        assert.deepEqual(
          tx.ops().map((o) => (o.t === 'put' ? `put ${o.id} ${String(o.rec.v)}` : `del ${o.id}`)),
          ['put 2 2', 'del 1'],
        );
      });
      assert.deepEqual(ids(s, 't'), ['2', '3']);
      assert.equal(s.get('t', '2')?.v, 2);
      await s.close();
    });

    it('if the function throws, nothing changes and the promise rejects with that error', async () => {
      const s = await open();
      await s.transact((tx) => tx.put('t', '1', { id: '1' }));
      const before = s.snapshot();
      const seq = s.stats?.().seq;
      const calls: CommitInfo[] = [];
      s.onCommit((c) => calls.push(c));
      const boom = new Error('boom');
      await assert.rejects(
        s.transact((tx) => {
          tx.put('t', '2', { id: '2' });
          tx.del('t', '1');
          throw boom;
        }),
        (err) => err === boom,
      );
      assert.deepEqual(s.snapshot(), before);
      assert.equal(s.stats?.().seq, seq);
      assert.equal(calls.length, 0);
      await s.close();
    });

    it('an asynchronous transaction function is refused and changes nothing', async () => {
      const s = await open();
      await assert.rejects(
        s.transact(async (tx) => {
          tx.put('t', '1', { id: '1' });
        }),
        /must be synchronous/,
      );
      assert.equal(s.count('t'), 0);
      await s.close();
    });

    it('a Tx cannot be used after its function returned, and transactions do not nest', async () => {
      const s = await open();
      let leaked: { put(t: string, i: string, r: Rec): void } | undefined;
      await s.transact((tx) => {
        leaked = tx;
      });
      assert.throws(() => leaked?.put('t', '1', {}), /finished/);
      let inner: Promise<unknown> | undefined;
      await s.transact((tx) => {
        tx.put('t', 'outer', {});
        inner = s.transact((t2) => t2.put('t', 'inner', {})).catch((err: unknown) => err);
      });
      assert.match(String(await inner), /do not nest/);
      assert.deepEqual([...s.all('t')].length, 1);
      await s.close();
    });

    it('bad records and keys are refused', async () => {
      const s = await open();
      await assert.rejects(s.transact((tx) => tx.put('t', '1', [] as unknown as Rec)), /plain object/);
      await assert.rejects(s.transact((tx) => tx.put('t', '1', new Date() as unknown as Rec)), /plain object/);
      await assert.rejects(s.transact((tx) => tx.put('', '1', {})), /table must be a non-empty string/);
      await assert.rejects(s.transact((tx) => tx.put('t', 7 as unknown as string, {})), /id must be a non-empty string/);
      assert.equal(s.count('t'), 0);
      await s.close();
    });

    it('keeps insertion order, integer-like ids included; a replaced record keeps its place', async () => {
      const s = await open();
      await s.transact((tx) => {
        for (const i of ['b', '10', 'a', '2', '1']) tx.put('t', i, { id: i });
      });
      await s.transact((tx) => tx.put('t', '10', { id: '10', v: 1 }));
      await s.transact((tx) => tx.del('t', 'a'));
      await s.transact((tx) => tx.put('t', 'a', { id: 'a' }));
      assert.deepEqual(ids(s, 't'), ['b', '10', '2', '1', 'a']);
      await s.close();
    });

    it('stored records are frozen', async () => {
      const s = await open();
      const rec = { id: '1', v: 1 };
      await s.transact((tx) => tx.put('t', '1', rec));
      const got = s.get('t', '1') as { v: number };
      assert.ok(Object.isFrozen(got));
      assert.throws(() => {
        got.v = 2;
      }, TypeError);
      assert.throws(() => {
        rec.v = 3;
      }, TypeError, 'the object handed to put is frozen too');
      await s.close();
    });

    it('onCommit: listeners run synchronously, in commit order, with seq and ops; nested commits keep order', async () => {
      const s = await open();
      const seen: string[] = [];
      const off = s.onCommit((c) => {
        seen.push(`${c.seq}:${c.ops.map((o) => `${o.t} ${o.table}/${o.id}`).join(',')}`);
        if (c.ops.some((o) => o.table === 'src')) {
          void s.transact((tx) => tx.put('derived', c.ops[0]!.id, { from: c.seq }));
        }
      });
      const second: number[] = [];
      s.onCommit((c) => second.push(c.seq));
      const p = s.transact((tx) => {
        tx.put('src', '1', {});
        tx.put('other', 'x', {});
      });
      assert.deepEqual(seen, ['1:put src/1,put other/x', '2:put derived/1'], 'called before the promise resolves');
      assert.deepEqual(second, [1, 2], 'every listener sees seq 1 before any sees seq 2');
      await p;
      await s.transact((tx) => tx.del('other', 'x'));
      assert.equal(seen.at(-1), '3:del other/x');
      off();
      await s.transact((tx) => tx.put('t', '9', {}));
      assert.equal(seen.length, 3);
      assert.deepEqual(second, [1, 2, 3, 4]);
      assert.equal(s.count('derived'), 1);
      await s.close();
    });

    it('a throwing listener does not undo the commit', async () => {
      const errors: unknown[] = [];
      const s = kind === 'memory' ? createMemoryStore({ onListenerError: (e) => errors.push(e) }) : await createStore({ kind: 'file', path: freshPath(), onListenerError: (e) => errors.push(e) });
      s.onCommit(() => {
        throw new Error('listener bug');
      });
      await s.transact((tx) => tx.put('t', '1', {}));
      assert.equal(s.count('t'), 1);
      assert.equal(errors.length, 1);
      await s.close();
    });

    it('a transaction without changes resolves with its result and takes no seq', async () => {
      const s = await open();
      await s.transact((tx) => tx.put('t', '1', { v: 1 }));
      const calls: number[] = [];
      s.onCommit((c) => calls.push(c.seq));
      assert.equal(await s.transact((tx) => tx.get('t', '1')?.v), 1);
      assert.equal(s.stats?.().seq, 1);
      assert.deepEqual(calls, []);
      await s.close();
    });

    it('snapshot() is a deep copy; replaceAll replaces everything in one transaction', async () => {
      const s = await open();
      await s.transact((tx) => {
        tx.put('a', '1', { id: '1', nested: { x: 1 } });
        tx.put('b', '1', { id: '1' });
      });
      const snap = s.snapshot();
      assert.deepEqual(snap, { a: { '1': { id: '1', nested: { x: 1 } } }, b: { '1': { id: '1' } } });
      (snap.a!['1'] as { nested: { x: number } }).nested.x = 99;
      (snap as Record<string, unknown>).c = {};
      assert.deepEqual(s.get('a', '1'), { id: '1', nested: { x: 1 } });
      const commits: CommitInfo[] = [];
      s.onCommit((c) => commits.push(c));
      await s.replaceAll({ a: { '2': { id: '2' }, '3': { id: '3' } }, c: { z: { id: 'z' } } });
      assert.deepEqual(s.snapshot(), { a: { '2': { id: '2' }, '3': { id: '3' } }, c: { z: { id: 'z' } } });
      assert.equal(s.count('b'), 0);
      assert.equal(commits.length, 1);
      assert.deepEqual(
        commits[0]!.ops.map((o) => `${o.t} ${o.table}/${o.id}`).sort(),
        ['del a/1', 'del b/1', 'put a/2', 'put a/3', 'put c/z'],
      );
      assert.ok(Object.isFrozen(s.get('c', 'z')));
      await s.close();
    });

    it('an id "__proto__" is an ordinary id', async () => {
      const s = await open();
      await s.transact((tx) => tx.put('t', '__proto__', { id: '__proto__' }));
      assert.deepEqual(s.get('t', '__proto__'), { id: '__proto__' });
      const snap = s.snapshot();
      assert.ok(Object.hasOwn(snap.t!, '__proto__'));
      assert.equal(Object.getPrototypeOf(snap.t), Object.prototype);
      await s.close();
    });

    it('after close, transact and replaceAll reject; close is idempotent', async () => {
      const s = await open();
      await s.transact((tx) => tx.put('t', '1', {}));
      await s.close();
      await s.close();
      await assert.rejects(s.transact((tx) => tx.put('t', '2', {})), StoreClosedError);
      await assert.rejects(s.replaceAll({}), StoreClosedError);
      assert.equal(s.count('t'), 1, 'reads still work');
    });
  });
}

describe('file store: durability and recovery', () => {
  it('reopening finds everything (after close: from the snapshot; after a crash: from the journal)', async () => {
    const path = freshPath();
    const s = (await createStore({ kind: 'file', path })) as FileStore;
    await s.transact((tx) => {
      for (const i of ['z', '10', '2']) tx.put('t', i, { id: i });
    });
    await s.transact((tx) => tx.del('t', '10'));
    await s.replaceAll({ t: { b: { id: 'b' }, '5': { id: '5' } }, u: { k: { id: 'k' } } });
    await s.transact((tx) => tx.put('t', '1', { id: '1', s: 'line\nbreak "quoted" ✓' }));
    const expected = s.snapshot();
    const crashed = crashCopyMaybe(path);
    await s.close();
    assert.ok(statSync(`${path}.wal`).size === 0, 'close compacts: the journal is empty');

    const a = (await createStore({ kind: 'file', path })) as FileStore;
    assert.deepEqual(a.snapshot(), expected);
    assert.deepEqual(ids(a, 't'), ['5', 'b', '1']); // replaceAll got { b, '5' }: JS lists '5' first
    assert.deepEqual(a.recovery, { snapshotSeq: 4, replayed: 0, tornBytes: 0 });
    await a.close();

    const b = (await createStore({ kind: 'file', path: crashed })) as FileStore;
    assert.deepEqual(b.snapshot(), expected);
    assert.deepEqual(ids(b, 't'), ['5', 'b', '1']);
    assert.equal(b.recovery.replayed, 4);
    assert.equal(b.stats().seq, 4);
    await b.transact((tx) => tx.put('t', '6', { id: '6' }));
    assert.equal(b.stats().seq, 5, 'seq continues after recovery');
    await b.close();
  });

  it('a torn last journal line is ignored and cut away; appends go on from a clean line', async () => {
    const path = freshPath();
    const s = await createStore({ kind: 'file', path });
    await s.transact((tx) => tx.put('t', '1', { id: '1' }));
    await s.transact((tx) => tx.put('t', '2', { id: '2' }));
    const copy = crashCopyMaybe(path);
    await s.close();
    const clean = statSync(`${copy}.wal`).size;
    appendFileSync(`${copy}.wal`, '{"s":3,"o":[["p","t","3",{"id":"3"'); // killed mid-append
    const a = (await createStore({ kind: 'file', path: copy })) as FileStore;
    assert.deepEqual(ids(a, 't'), ['1', '2']);
    assert.ok(a.recovery.tornBytes > 0);
    assert.equal(statSync(`${copy}.wal`).size, clean, 'the torn tail was truncated');
    await a.transact((tx) => tx.put('t', '3', { id: '3', ok: true }));
    const again = crashCopyMaybe(copy);
    await a.close();
    const b = await createStore({ kind: 'file', path: again });
    assert.deepEqual(b.get('t', '3'), { id: '3', ok: true });
    await b.close();

    // A complete line missing only its final newline was never acknowledged either: ignored.
    const p2 = freshPath();
    writeFileSync(`${p2}.wal`, '{"s":1,"o":[["p","t","1",{}]]}\n{"s":2,"o":[["p","t","2",{}]]}');
    const c = (await createStore({ kind: 'file', path: p2 })) as FileStore;
    assert.deepEqual([...c.all('t')].length, 1);
    await c.close();
  });

  it('a damaged journal (invalid line followed by valid ones, or a seq gap) is refused, not silently truncated', async () => {
    const p1 = freshPath();
    writeFileSync(`${p1}.wal`, '{"s":1,"o":[]}\n{garbage\n{"s":3,"o":[]}\n');
    await assert.rejects(createStore({ kind: 'file', path: p1 }), JournalCorruptError);
    const p2 = freshPath();
    writeFileSync(`${p2}.wal`, '{"s":1,"o":[]}\n{"s":3,"o":[]}\n');
    await assert.rejects(createStore({ kind: 'file', path: p2 }), /sequence gap/);
    // The lock was released: fixing the file makes it open.
    writeFileSync(`${p2}.wal`, '{"s":1,"o":[]}\n');
    await (await createStore({ kind: 'file', path: p2 })).close();
  });

  it('replays correctly after a crash between the snapshot write and the journal truncation', async () => {
    const path = freshPath();
    const s = (await createStore({ kind: 'file', path })) as FileStore;
    for (let i = 1; i <= 10; i++) await s.transact((tx) => tx.put('t', String(i), { id: String(i), v: i }));
    await s.transact((tx) => tx.del('t', '3'));
    const oldJournal = readFileSync(`${path}.wal`);
    await s.compact(); // snapshot at seq 11, journal cut
    assert.equal(statSync(`${path}.wal`).size, 0);
    await s.transact((tx) => tx.put('t', '3', { id: '3', v: 'back' }));
    await s.transact((tx) => tx.put('t', '1', { id: '1', v: 'new' }));
    const expected = s.snapshot();
    const copy = crashCopy(path);
    // The state a crash before the truncation leaves: the old lines (already in the snapshot) still there.
    writeFileSync(`${copy}.wal`, Buffer.concat([oldJournal, readFileSync(`${copy}.wal`)]));
    await s.close();
    const a = (await createStore({ kind: 'file', path: copy })) as FileStore;
    assert.deepEqual(a.snapshot(), expected);
    assert.deepEqual(a.recovery, { snapshotSeq: 11, replayed: 2, tornBytes: 0 });
    assert.equal(a.stats().seq, 13);
    await a.close();
  });

  it('compacts in the background when the journal exceeds the threshold, also while transactions keep coming', async () => {
    // Asserts what compaction guarantees, not when it runs: one starts once the journal passes the threshold;
    // transactions committed while it runs are kept; once settled, the journal is below the threshold again.
    const path = freshPath();
    const compactBytes = 16 * 1024;
    const s = (await createStore({ kind: 'file', path, compactBytes })) as FileStore;
    const pad = 'x'.repeat(100);
    const pending: Promise<void>[] = [];
    let i = 0;
    const put = (): void => {
      const n = i++;
      pending.push(s.transact((tx) => tx.put('t', String(n % 500), { id: String(n % 500), i: n, pad })));
    };
    for (let round = 0; round < 3; round++) {
      // Write until a compaction is under way (it starts on the turn after the threshold is passed) …
      while (!s.compacting) {
        put();
        await new Promise((r) => setImmediate(r));
      }
      // … then keep committing while it writes its snapshot.
      for (let k = 0; k < 300; k++) put();
      assert.ok(s.compacting, 'the transactions above were committed during the compaction');
      await Promise.all(pending);
      await s.settled();
    }
    const st = s.stats();
    assert.ok(st.compactions >= 3, `compactions: ${st.compactions}`);
    assert.equal(st.lastCompactionError, undefined);
    assert.ok(st.journalBytes < compactBytes, `journal below the threshold once settled: ${st.journalBytes}`);
    const last = i - 1;
    const expected = s.snapshot();
    const copy = crashCopy(path);
    await s.close();
    const a = await createStore({ kind: 'file', path: copy });
    assert.deepEqual(a.snapshot(), expected);
    assert.equal(a.get('t', String(last % 500))?.i, last);
    await a.close();
    const b = await createStore({ kind: 'file', path });
    assert.deepEqual(b.snapshot(), expected);
    await b.close();
  });

  it('1,000 concurrent transactions are all durable exactly once, in a few group-committed writes', async () => {
    const path = freshPath();
    const s = (await createStore({ kind: 'file', path })) as FileStore;
    await s.transact((tx) => tx.put('counter', 'c', { n: 0 }));
    const w0 = s.stats().writes;
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        s.transact((tx) => {
          const n = Number(tx.get('counter', 'c')?.n) + 1;
          tx.put('counter', 'c', { n });
          tx.put('t', `r${i}`, { i });
          return n;
        }),
      ),
    );
    assert.deepEqual(results, Array.from({ length: 1000 }, (_, i) => i + 1));
    const st = s.stats();
    assert.equal(st.durableSeq, 1001);
    assert.ok(st.writes - w0 <= 5, `journal writes for 1,000 transactions: ${st.writes - w0}`);
    assert.ok(st.maxBatch >= 200, `largest batch: ${st.maxBatch}`);
    const copy = crashCopyMaybe(path);
    await s.close();
    const lines = readFileSync(`${copy}.wal`, 'utf8').trim().split('\n');
    assert.equal(lines.length, 1001, 'one journal line per transaction');
    assert.equal(new Set(lines.map((l) => (JSON.parse(l) as { s: number }).s)).size, 1001);
    const a = await createStore({ kind: 'file', path: copy });
    assert.equal(a.get('counter', 'c')?.n, 1000);
    assert.equal(a.count('t'), 1000);
    await a.close();
  });

  it('a journal write failure rejects the pending transactions and fails the store; nothing unacknowledged survives', async () => {
    const path = freshPath();
    let failNext = false;
    const openJournal = async (p: string): Promise<JournalHandle> => {
      const { open } = await import('node:fs/promises');
      const fh = await open(p, 'a');
      return {
        write: (buf, off, len, pos) => {
          if (failNext) return Promise.reject(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
          return fh.write(buf, off, len, pos);
        },
        datasync: () => fh.datasync(),
        truncate: (len) => fh.truncate(len),
        close: () => fh.close(),
      };
    };
    const s = (await createStore({ kind: 'file', path, openJournal })) as FileStore;
    await s.transact((tx) => tx.put('t', 'ok', {}));
    failNext = true;
    const lost = [s.transact((tx) => tx.put('t', 'a', {})), s.transact((tx) => tx.put('t', 'b', {}))];
    for (const p of lost) await assert.rejects(p, (err: unknown) => err instanceof JournalFailedError && /EIO/.test(err.message));
    await assert.rejects(s.transact((tx) => tx.put('t', 'c', {})), JournalFailedError);
    await assert.rejects(s.replaceAll({}), JournalFailedError);
    assert.match(s.stats().failed ?? '', /EIO/);
    await s.close(); // releases the lock without compacting the unacknowledged changes
    const a = await createStore({ kind: 'file', path });
    assert.deepEqual(ids(a, 't').length, 1);
    assert.ok(a.get('t', 'ok'));
    await a.close();
  });
});

describe('file store: locking and paths', () => {
  it('a second store on the same file is refused until the first closes', async () => {
    const path = freshPath();
    const s = await createStore({ kind: 'file', path });
    await assert.rejects(createStore({ kind: 'file', path }), (err: unknown) => err instanceof StoreLockedError && /already open/.test(err.message));
    await s.close();
    assert.equal(existsSync(`${path}.lock`), false);
    await (await createStore({ kind: 'file', path })).close();
  });

  it('another process is refused while the store is open', async () => {
    const path = freshPath();
    const s = await createStore({ kind: 'file', path });
    const child = spawnSync(process.execPath, ['--import', './register.mjs', 'tests/fixtures/store-open.ts', path], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(child.status, 3, `child: ${child.stdout} ${child.stderr}`);
    assert.match(child.stdout, /StoreLockedError.*already open by process/);
    await s.close();
    const again = spawnSync(process.execPath, ['--import', './register.mjs', 'tests/fixtures/store-open.ts', path], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(again.status, 0, again.stderr);
  });

  it('a stale lock of a dead process is taken over', async () => {
    const path = freshPath();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    assert.ok(dead);
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: dead, start: '1' }));
    const s = await createStore({ kind: 'file', path });
    assert.equal((JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number }).pid, process.pid);
    await s.close();
    writeFileSync(`${path}.lock`, 'not json'); // unreadable lock: taken over too
    await (await createStore({ kind: 'file', path })).close();
  });

  it('a path outside dataDir is refused; inside is fine', async () => {
    const dataDir = join(root(), `data${++n}`);
    mkdirSync(dataDir);
    const outside = join(root(), `elsewhere${n}`);
    mkdirSync(outside);
    for (const bad of [join(dataDir, '..', 'x.json'), join(outside, 'x.json'), '/etc/passwd', dataDir]) {
      await assert.rejects(createStore({ kind: 'file', path: bad, dataDir }), (err: unknown) => err instanceof StorePathError && /outside|data directory/.test(err.message), bad);
    }
    symlinkSync(outside, join(dataDir, 'link'));
    await assert.rejects(createStore({ kind: 'file', path: join(dataDir, 'link', 'x.json'), dataDir }), /outside/);
    symlinkSync(join(outside, 'target.json'), join(dataDir, 'file-link.json'));
    await assert.rejects(createStore({ kind: 'file', path: join(dataDir, 'file-link.json'), dataDir }), /outside/);
    assert.equal(existsSync(join(outside, 'x.json')), false);
    const s = await createStore({ kind: 'file', path: join(dataDir, 'sub', 'ok.json'), dataDir });
    await s.transact((tx) => tx.put('t', '1', {}));
    await s.close();
    assert.ok(existsSync(join(dataDir, 'sub', 'ok.json')));
  });
});

describe('file store: the snapshot file', () => {
  /** A store at a fresh path holding odd names and values, closed (so that everything is in the snapshot). */
  async function written(): Promise<{ path: string; expected: Record<string, Record<string, Rec>> }> {
    const path = freshPath();
    const s = await createStore({ kind: 'file', path });
    await s.transact((tx) => {
      tx.put('t', 'z', { id: 'z', s: 'line\nbreak, "quoted" ],\n}} \u2028 ✓', n: 1.5, nested: { a: [1, { b: null }] } });
      tx.put('t', '10', { id: '10' });
      tx.put('__proto__', '__proto__', { id: '__proto__', __proto__x: true });
      tx.put('t"],\n', '],', { id: '],' });
      tx.put('empty', 'gone', { id: 'gone' });
    });
    await s.transact((tx) => tx.del('empty', 'gone'));
    const expected = s.snapshot();
    await s.close();
    return { path, expected };
  }

  it('is one JSON document with one table entry per line, and reads back exactly', async () => {
    const { path, expected } = await written();
    const text = readFileSync(path, 'utf8');
    const doc = JSON.parse(text) as { meta: { format: number; seq: number }; tables: Record<string, unknown[]> };
    assert.equal(doc.meta.format, 1);
    assert.equal(doc.meta.seq, 2);
    assert.deepEqual(Object.keys(doc.tables), ['t', '__proto__', 't"],\n']);
    const lines = text.split('\n');
    assert.match(lines[0] as string, /^\{"meta":\{.*\},"tables":\{$/);
    assert.equal(lines[1], '"t":[');
    assert.ok((lines[2] as string).startsWith('["z",{') && (lines[2] as string).endsWith('}],'), lines[2]);
    assert.equal(lines.length, 13, 'header, 3 tables of 1 + 2 + 1 + 1 lines with their ends, the closing line, the final newline');

    const s = (await createStore({ kind: 'file', path })) as FileStore;
    assert.deepEqual(s.snapshot(), expected);
    assert.deepEqual(ids(s, 't'), ['z', '10']);
    assert.equal(s.get('__proto__', '__proto__')?.id, '__proto__');
    assert.deepEqual(s.recovery, { snapshotSeq: 2, replayed: 0, tornBytes: 0 });
    await s.close();
  });

  it('reads a snapshot in any other JSON layout too (pretty-printed by lowdb\'s JSONFile, or on one line)', async () => {
    const { path, expected } = await written();
    const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
    for (const text of [JSON.stringify(doc, null, 2), JSON.stringify(doc), `  ${JSON.stringify(doc)}  `]) {
      const other = freshPath();
      writeFileSync(other, text);
      const s = await createStore({ kind: 'file', path: other });
      assert.deepEqual(s.snapshot(), expected);
      await s.transact((tx) => tx.put('t', 'new', { id: 'new' }));
      await s.close();
      assert.match(readFileSync(other, 'utf8'), /^\{"meta":\{[^\n]*\},"tables":\{\n"t":\[\n\["z",/, 'the next compaction writes the line layout');
      const again = await createStore({ kind: 'file', path: other });
      assert.deepEqual(ids(again, 't'), ['z', '10', 'new']);
      await again.close();
    }
  });

  it('refuses a damaged snapshot instead of opening it partly', async () => {
    const { path } = await written();
    const text = readFileSync(path, 'utf8');
    const cases: Array<[string, string]> = [
      ['cut after an entry', text.split('\n').slice(0, 3).join('\n')],
      ['an entry that is not JSON', text.replace('["10",{"id":"10"}]', '["10",{"id":"10"]')],
      ['not an entry', text.replace('["10",{"id":"10"}]', '{"id":"10"}')],
      ['garbage after the end', `${text}x\n`],
      ['no tables', '{"meta":{"format":1,"seq":0}}'],
      ['empty file', ''],
    ];
    for (const [what, bad] of cases) {
      const p = freshPath();
      writeFileSync(p, bad);
      await assert.rejects(createStore({ kind: 'file', path: p }), SnapshotCorruptError, what);
      assert.equal(readFileSync(p, 'utf8'), bad, `${what}: the file is left as it was`);
    }
  });

  it('a record larger than the read and write chunks (1 MiB) survives a round trip', async () => {
    const path = freshPath();
    const s = await createStore({ kind: 'file', path });
    const big = 'é✓"\\'.repeat(600_000); // about 4 MB of text, multi-byte characters split across chunk borders
    await s.transact((tx) => {
      tx.put('t', 'before', { id: 'before' });
      tx.put('t', 'big', { id: 'big', text: big });
      tx.put('t', 'after', { id: 'after' });
    });
    await s.close();
    const r = await createStore({ kind: 'file', path });
    assert.equal(r.get('t', 'big')?.text, big);
    assert.deepEqual(ids(r, 't'), ['before', 'big', 'after']);
    await r.close();
  });

  it('a compaction of a large snapshot writes it in pieces, letting other work run in between', async () => {
    const path = freshPath();
    const s = (await createStore({ kind: 'file', path })) as FileStore;
    await s.transact((tx) => {
      for (let i = 0; i < 20_000; i++) tx.put('big', String(i), { id: String(i), text: 'x'.repeat(100) });
    });
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    try {
      await s.compact();
    } finally {
      clearInterval(tick);
    }
    assert.ok(statSync(path).size > 2 * 1024 * 1024, 'more than two chunks');
    assert.ok(turns > 0, 'timers ran while the snapshot was written');
    assert.equal(existsSync(join(path, '..', '.db.json.tmp')), false, 'no temporary file left');
    await s.close();
    const r = await createStore({ kind: 'file', path });
    assert.equal(r.count('big'), 20_000);
    await r.close();
  });
});
