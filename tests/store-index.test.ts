/**
 * The store's secondary indexes on a list of fields (store/index-key.ts), and the journal's single write on a file
 * opened with O_DSYNC (store/journal.ts): what the performance work of issue 16 changed underneath the domain.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { constants, mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createStore, findBy, JournalFailedError, type FileStore, type JournalHandle } from '../simulator/store/index.js';
import type { ReadView, Rec } from '../simulator/store/types.js';

let root = '';
before(() => { root = mkdtempSync(join(tmpdir(), 'store-index-')); });
after(() => { rmSync(root, { recursive: true, force: true }); });

const FIELDS = ['contract', 'status'] as const;
const idsOf = (recs: Iterable<Rec>): string[] => [...recs].map((r) => String(r.id));

describe('store: index on a list of fields', () => {
  it('finds the records whose fields all have the given values, and follows puts, updates and deletes', async () => {
    const s = createMemoryStore();
    await s.transact((tx) => {
      tx.put('a', '1', { id: '1', contract: 'c1', status: 1 });
      tx.put('a', '2', { id: '2', contract: 'c1', status: 2 });
      tx.put('a', '3', { id: '3', contract: 'c2', status: 1 });
      tx.put('a', '4', { id: '4', contract: 'c1', status: '1' }); // a string is not the number
      tx.put('a', '5', { id: '5', contract: 'c1' }); // no status: not null either
    });
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', 1])), ['1']);
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', '1'])), ['4']);
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', null])), []);
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', undefined])), ['5']);
    await s.transact((tx) => {
      tx.put('a', '2', { id: '2', contract: 'c1', status: 1 }); // takes the value: comes after those that had it
      tx.put('a', '6', { id: '6', contract: 'c1', status: 1 });
      tx.del('a', '1');
    });
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', 1])), ['2', '6']);
    assert.deepEqual(idsOf(findBy(s, 'a', FIELDS, ['c1', 2])), []);
    // The single-field index of the same table is kept apart and agrees.
    assert.deepEqual(idsOf(findBy(s, 'a', 'contract', 'c1')).sort(), ['2', '4', '5', '6']);
    await s.close();
  });

  it('inside a transaction, sees the transaction\'s own writes', async () => {
    const s = createMemoryStore();
    await s.transact((tx) => {
      tx.put('a', '1', { id: '1', contract: 'c1', status: 1 });
      tx.put('a', '2', { id: '2', contract: 'c1', status: 1 });
    });
    const seen = await s.transact((tx) => {
      tx.put('a', '1', { id: '1', contract: 'c1', status: 2 }); // leaves the group
      tx.put('a', '3', { id: '3', contract: 'c1', status: 1 }); // joins it
      tx.del('a', '2');
      return { one: idsOf(findBy(tx, 'a', FIELDS, ['c1', 1])), two: idsOf(findBy(tx, 'a', FIELDS, ['c1', 2])) };
    });
    assert.deepEqual(seen, { one: ['3'], two: ['1'] });
    await s.close();
  });

  it('any ReadView without an index answers the same by a scan', () => {
    const recs: Rec[] = [{ id: '1', contract: 'c1', status: 1 }, { id: '2', contract: 'c1', status: 2 }];
    const view: ReadView = { get: () => undefined, all: () => recs, count: () => recs.length };
    assert.deepEqual(idsOf(findBy(view, 'a', FIELDS, ['c1', 2])), ['2']);
  });

  it('a lookup with the wrong number of values is a programming error', () => {
    const s = createMemoryStore();
    assert.throws(() => [...findBy(s, 'a', FIELDS, ['c1'])], /takes 2 values/);
  });
});

describe('file store: journal on a file opened with O_DSYNC', () => {
  /** A journal handle that counts its calls; `dsync` opens the file as the default does on Linux. */
  const counting = (dsync: boolean, calls: string[]) => async (p: string): Promise<JournalHandle> => {
    const fh = dsync ? await open(p, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC) : await open(p, 'a');
    return {
      ...(dsync ? { syncsOnWrite: true } : {}),
      write: (b, o, l, pos) => { calls.push('write'); return fh.write(b, o, l, pos); },
      datasync: () => { calls.push('datasync'); return fh.datasync(); },
      truncate: (len) => fh.truncate(len),
      close: () => fh.close(),
    };
  };

  it('acknowledges a transaction after one write, without a separate datasync; a plain handle still datasyncs', async () => {
    for (const dsync of [true, false]) {
      const path = join(root, `j-${dsync}.json`);
      const calls: string[] = [];
      const s = await createStore({ kind: 'file', path, openJournal: counting(dsync, calls) });
      calls.length = 0;
      await s.transact((tx) => tx.put('t', 'x', { id: 'x', n: 1 }));
      assert.deepEqual(calls, dsync ? ['write'] : ['write', 'datasync']);
      // What is acknowledged is in the journal before close() runs (close would compact it away).
      assert.match(readFileSync(`${path}.wal`, 'utf8'), /"x",\{"id":"x","n":1\}/);
      await s.close();
      const again = await createStore({ kind: 'file', path });
      assert.equal(again.get('t', 'x')?.n, 1);
      await again.close();
    }
  });

  /** An O_DSYNC handle with a synchronous write too, as the default one (journal.ts openAppend); `fail` makes writes fail. */
  const withSyncWrite = (calls: string[], fail: { now: boolean }) => async (p: string): Promise<JournalHandle> => {
    const fh = await open(p, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC);
    const eio = (): Error => Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    return {
      syncsOnWrite: true,
      write: (b, o, l, pos) => { calls.push('write'); return fail.now ? Promise.reject(eio()) : fh.write(b, o, l, pos); },
      writeSync: (b, o, l) => { calls.push('writeSync'); if (fail.now) throw eio(); return writeSync(fh.fd, b, o, l); },
      datasync: () => { calls.push('datasync'); return fh.datasync(); },
      truncate: (len) => fh.truncate(len),
      close: () => fh.close(),
    };
  };

  it('one transaction at a time is written synchronously; transactions that arrive together share one write in the thread pool', async () => {
    const path = join(root, 'sync-write.json');
    const calls: string[] = [];
    const s = (await createStore({ kind: 'file', path, openJournal: withSyncWrite(calls, { now: false }) })) as FileStore;
    for (let i = 0; i < 3; i++) await s.transact((tx) => tx.put('t', `seq${i}`, { id: `seq${i}` }));
    assert.deepEqual(calls, ['writeSync', 'writeSync', 'writeSync']);
    calls.length = 0;
    // Three requests served in one turn of the event loop: one batch, written asynchronously.
    await Promise.all([1, 2, 3].map((i) => s.transact((tx) => tx.put('t', `burst${i}`, { id: `burst${i}` }))));
    assert.deepEqual(calls, ['write']);
    // After a batch of several, the next lone transaction still goes through the thread pool; then sync again.
    calls.length = 0;
    for (let i = 0; i < 2; i++) await s.transact((tx) => tx.put('t', `after${i}`, { id: `after${i}` }));
    assert.deepEqual(calls, ['write', 'writeSync']);
    const st = s.stats();
    assert.equal(st.syncWrites, 4);
    assert.equal(st.writes, 6);
    assert.equal(st.journaled, 8);
    // Everything acknowledged is in the journal before close (which would compact it away).
    const wal = readFileSync(`${path}.wal`, 'utf8');
    for (const id of ['seq0', 'seq2', 'burst1', 'burst3', 'after1']) assert.ok(wal.includes(`"${id}"`), id);
    await s.close();
    const again = await createStore({ kind: 'file', path });
    assert.equal(again.count('t'), 8);
    await again.close();
  });

  it('a failed synchronous write rejects its transaction and fails the store; nothing unacknowledged survives', async () => {
    const path = join(root, 'sync-fail.json');
    const fail = { now: false };
    const s = (await createStore({ kind: 'file', path, openJournal: withSyncWrite([], fail) })) as FileStore;
    await s.transact((tx) => tx.put('t', 'ok', { id: 'ok' }));
    fail.now = true;
    await assert.rejects(s.transact((tx) => tx.put('t', 'lost', { id: 'lost' })), (err: unknown) => err instanceof JournalFailedError && /EIO/.test(err.message));
    await assert.rejects(s.transact((tx) => tx.put('t', 'after', { id: 'after' })), JournalFailedError);
    await s.close();
    const again = await createStore({ kind: 'file', path });
    assert.deepEqual([...again.all('t')].map((r) => r.id), ['ok']);
    await again.close();
  });
});
