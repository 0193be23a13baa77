/**
 * Security basics: the simulator listens on 127.0.0.1 unless told otherwise (library and CLI), limits request
 * bodies, never answers with a stack trace or a file path, and refuses a store file outside its data folder.
 * (The demo page's escaping is tested in a real browser: tests/browser/xss.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../simulator/index.js';
import { leaksInternals, rawRequest } from './support/raw-http.js';

const DV = '/api/data/v9.2';

/** Runs the CLI until it prints its URL (then stops it) or exits; resolves with its output and exit code. */
function cli(args: readonly string[]): Promise<{ code: number | null; out: string; err: string; url?: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', './register.mjs', 'simulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', url: string | undefined;
    // A safety net for a hung process, not a time limit: ts-node loading the simulator took over 30 s on the shared
    // machine with two test files at a time (npm test, 2026-12-02); as long as the other spawned processes get.
    const timer = setTimeout(() => proc.kill('SIGKILL'), 120_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /po-invoice-sim on (http:\/\/\S+)/.exec(out);
      if (m && !url) { url = m[1]; proc.kill('SIGTERM'); }
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => { clearTimeout(timer); resolve({ code, out, err, url }); });
  });
}

test('createSimulator().listen() binds 127.0.0.1 by default', async () => {
  const sim = await createSimulator();
  try {
    const url = await sim.listen();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  } finally {
    await sim.close();
  }
});

test('the CLI listens on 127.0.0.1 by default and prints the actual port for --port 0', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sec-cli-'));
  try {
    const r = await cli(['--port', '0', '--data', join(dir, 'sim.json'), '--data-dir', dir, '--no-demo']);
    assert.ok(r.url, `printed a URL: ${r.out} ${r.err}`);
    assert.match(r.url, /^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI refuses a store file outside the data folder, with a clear message and no file written', { timeout: 300_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'sec-data-'));
  const dataDir = join(root, 'data');
  const outside = join(root, 'outside');
  mkdirSync(dataDir);
  mkdirSync(outside);
  symlinkSync(outside, join(dataDir, 'link'));
  try {
    for (const data of [join(outside, 'sim.json'), join(dataDir, '..', 'escape.json'), join(dataDir, 'link', 'sim.json'), dataDir]) {
      const r = await cli(['--port', '0', '--data', data, '--data-dir', dataDir, '--no-demo']);
      assert.equal(r.url, undefined, `${data}: did not start`);
      assert.notEqual(r.code, 0, `${data}: exit code`);
      assert.match(r.err, /^po-invoice-sim: store: refusing store path .*data directory/m, `${data}: message`);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
    assert.equal(existsSync(join(outside, 'sim.json')), false);
    assert.equal(existsSync(join(root, 'escape.json')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('request bodies are limited: 413 above 1 MB on the APIs, 100 kB on /sim, configurable', async () => {
  const sim = await createSimulator({ demo: true });
  const small = await createSimulator({ bodyLimit: '1kb' });
  try {
    const base = await sim.listen();
    const json = { 'content-type': 'application/json' };
    const big = (n: number): string => `{"name":"${'x'.repeat(n)}"}`;
    for (const [path, code] of [[`${DV}/accounts`, '0x80048d19'], ['/data/LegalEntities', '']] as const) {
      const over = await rawRequest(base, { method: 'POST', path, headers: json, body: big(1024 * 1024 + 1) });
      assert.equal(over.status, 413, path);
      assert.equal((JSON.parse(over.text) as { error: { code: string } }).error.code, code);
      // Just under the limit the body is read and judged on its content (a 4000-character name is too long).
      const under = await rawRequest(base, { method: 'POST', path, headers: json, body: big(1000 * 1024) });
      assert.notEqual(under.status, 413, path);
      assert.equal(under.status, 400, path);
    }
    const sim413 = await rawRequest(base, { method: 'PUT', path: '/sim/faults', headers: json, body: big(101 * 1024) });
    assert.equal(sim413.status, 413);
    // A chunked body without Content-Length is limited too.
    const chunked = await rawRequest(base, { method: 'POST', path: `${DV}/accounts`, headers: { ...json, 'transfer-encoding': 'chunked' }, body: big(2 * 1024 * 1024) });
    assert.equal(chunked.status, 413);

    const smallBase = await small.listen();
    const r = await rawRequest(smallBase, { method: 'POST', path: `${DV}/accounts`, headers: json, body: big(2000) });
    assert.equal(r.status, 413);
  } finally {
    await sim.close();
    await small.close();
  }
});

test('no answer shows a stack trace, a file path or the server software', async () => {
  const sim = await createSimulator({ demo: true });
  try {
    const base = await sim.listen();
    const json = { 'content-type': 'application/json' };
    const requests: { method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array }[] = [
      { method: 'POST', path: `${DV}/accounts`, headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' },
      { method: 'POST', path: `${DV}/accounts`, headers: { ...json, 'content-encoding': 'deflate' }, body: new Uint8Array([0x78, 0x9c, 0xff, 0xff]) },
      { method: 'POST', path: `${DV}/accounts`, headers: { ...json, 'content-encoding': 'br' }, body: 'not brotli' },
      { method: 'POST', path: '/data/LegalEntities', headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' },
      { method: 'PUT', path: '/sim/faults', headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' },
      { method: 'POST', path: '/demo/play', headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' },
      { method: 'POST', path: '/demo/play', headers: json, body: '{"id":' },
      { method: 'POST', path: '/demo/play', headers: json, body: `{"id":"${'x'.repeat(20_000)}"}` },
      { method: 'POST', path: '/demo/play/mode', headers: json, body: '[' },
      { method: 'GET', path: '/demo/record/%E0%A4%A/x' },
      { method: 'GET', path: '/demo/i18n/%ZZ' },
      { method: 'GET', path: '/demo/assets/..%2f..%2fpackage.json' },
      { method: 'GET', path: '/demo/assets/%2e%2e/%2e%2e/index.ts' },
      { method: 'GET', path: '/demo/assets/nothing.js' },
      { method: 'GET', path: `${DV}/EntityDefinitions(%ZZ)` },
      { method: 'GET', path: `${DV}/EntityDefinitions(LogicalName='nosuch')` },
      { method: 'POST', path: `${DV}/salesorders(00000000-0000-4000-8000-000000000000)/%ZZ`, headers: json, body: '{}' },
      { method: 'POST', path: "/data/ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='INV-00002')/%ZZ", headers: json, body: '{}' },
      { method: 'GET', path: `${DV}/accounts?$filter=${'not%20'.repeat(2000)}true` },
      { method: 'GET', path: `${DV}/accounts?$orderby=${'name,'.repeat(1000)}name` },
      { method: 'GET', path: `${DV}/accounts?$select=${'name,'.repeat(5000)}name` },
      { method: 'GET', path: `${DV}/accounts?$expand=${'msdyn_company($expand='.repeat(50)}` },
      { method: 'GET', path: `${DV}/${'a'.repeat(8000)}` },
      { method: 'GET', path: '/sim/maps/%ZZ/queue' },
      { method: 'POST', path: '/sim/processes/%ZZ/run' },
    ];
    for (const r of requests) {
      const res = await rawRequest(base, r);
      assert.ok(res.status < 500, `${r.method} ${r.path.slice(0, 80)}: no server error, got ${res.status} ${res.text.slice(0, 200)}`);
      assert.equal(leaksInternals(res.text), undefined, `${r.path.slice(0, 80)}: ${res.text.slice(0, 300)}`);
      assert.equal(res.headers['x-powered-by'], undefined);
      if (res.text) {
        assert.match(String(res.headers['content-type']), /^application\/json/, `${r.path.slice(0, 80)}: JSON, not an HTML error page`);
        const body = JSON.parse(res.text) as { error?: { code?: string; message?: string; innererror?: { stacktrace?: string } } };
        if (res.status >= 400) assert.equal(typeof body.error?.code, 'string', r.path.slice(0, 80));
        assert.equal(body.error?.innererror?.stacktrace ?? '', '');
      }
    }
  } finally {
    await sim.close();
  }
});
