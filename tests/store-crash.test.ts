/**
 * Crash safety of the file store, for real: a child process commits transactions as fast as it can and prints
 * every acknowledged one; the parent kills it with SIGKILL at a random moment, reopens the store, and checks that
 * the files parse and every acknowledged write is there. Repeated on the same files (each round recovers what
 * the previous one left), with a small compaction threshold so that kills also land during compactions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type FileStore } from '../simulator/store/index.js';

const ROUNDS = 20;

interface Round {
  acked: Map<number, number>;
  ready: number;
}

function runAndKill(path: string, killAfterMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './register.mjs', 'tests/fixtures/store-crash-writer.ts', path, String(256 * 1024)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, number>();
    let ready = -1;
    let buf = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [what, a, b] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (what === 'ready') {
          ready = Number(a);
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (what === 'ack') acked.set(Number(a), Number(b));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code ?? signal}: ${stderr}`));
      else resolve({ acked, ready });
    });
  });
}

test(`file store survives ${ROUNDS} random SIGKILLs without losing an acknowledged write`, { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'store-crash-'));
  const path = join(dir, 'db.json');
  let verified = 0;
  let lost = 0;
  let maxRecords = 0;
  let torn = 0;
  let replayed = 0;
  const started = Date.now();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const killAfter = Math.floor(Math.random() * 250);
      const { acked, ready } = await runAndKill(path, killAfter);
      assert.ok(ready >= 0, 'the writer opened the store');
      // The files parse (the snapshot is plain lowdb JSON; the store checks the journal when opening).
      if (existsSync(path)) JSON.parse(readFileSync(path, 'utf8'));
      const store = (await createStore({ kind: 'file', path })) as FileStore;
      torn += store.recovery.tornBytes > 0 ? 1 : 0;
      replayed += store.recovery.replayed;
      let maxN = 0;
      for (const [k, n] of acked) {
        const rec = store.get('w', `w${k}`);
        if (rec?.i === k && rec.n === n) verified++;
        else lost++;
        maxN = Math.max(maxN, n);
      }
      const counter = Number(store.get('counter', 'c')?.n ?? 0);
      assert.ok(counter >= maxN, `counter ${counter} >= last acknowledged ${maxN}`);
      assert.equal(store.count('w'), counter, 'one record per committed transaction, none twice');
      maxRecords = store.count('w');
      await store.close();
      assert.equal(lost, 0, `round ${round}: lost acknowledged writes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  t.diagnostic(`kills=${ROUNDS} acknowledged writes verified=${verified} lost=${lost} records at end=${maxRecords}`);
  t.diagnostic(`recoveries with a torn journal tail=${torn} journal lines replayed=${replayed} time=${Date.now() - started} ms`);
  assert.equal(lost, 0);
  assert.ok(verified > 0);
});
