/**
 * Dataverse `$batch` (simulator/http/batch.ts) over raw multipart/mixed: order of answers, stop at the first
 * failure unless `Prefer: odata.continue-on-error`, the 1,000-request limit, and bad batches refused whole with
 * nothing changed. The unmodified dynamics-web-api client's batches are in tests/real-client.test.ts.
 */
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { type Contract, type Harness, DV, list, setUpContract, startSim } from './support/http.js';

let h: Harness;
let c: Contract;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });
beforeEach(async () => { await h.reset(); c = await setUpContract(h); });

interface Part { method: string; url: string; body?: unknown; headers?: Record<string, string> }

const partText = (p: Part): string => [
  'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
  `${p.method} ${p.url} HTTP/1.1`,
  ...Object.entries({ ...(p.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...p.headers }).map(([k, v]) => `${k}: ${v}`),
  '', p.body === undefined ? '' : typeof p.body === 'string' ? p.body : JSON.stringify(p.body),
].join('\r\n');

const batchText = (parts: readonly Part[], boundary = 'batch_T1'): string =>
  `${parts.map((p) => `--${boundary}\r\n${partText(p)}\r\n`).join('')}--${boundary}--\r\n`;

interface Answer { status: number; headers: Record<string, string>; body: string }

async function batch(text: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; answers: Answer[]; raw: string }> {
  const r = await fetch(`${h.url}${DV}/$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_T1', ...headers }, body: text });
  const raw = await r.text();
  const type = r.headers.get('content-type') ?? '';
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  const answers: Answer[] = [];
  if (boundary) {
    for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
      const [, http = ''] = chunk.split('\r\n\r\n', 2).length === 2 ? [chunk.slice(0, chunk.indexOf('\r\n\r\n')), chunk.slice(chunk.indexOf('\r\n\r\n') + 4)] : [];
      const head = http.slice(0, http.indexOf('\r\n\r\n'));
      const body = http.slice(http.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
      const [statusLine = '', ...hs] = head.split('\r\n');
      answers.push({ status: Number(statusLine.split(' ')[1]), headers: Object.fromEntries(hs.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])), body });
    }
  }
  return { status: r.status, type, answers, raw };
}

const account = (name: string): Part => ({ method: 'POST', url: 'accounts', body: { name, 'msdyn_company@odata.bind': `/cdm_companies(${c.companyId})` } });
const names = async (): Promise<string[]> => (await list(h.dv, '/accounts?$select=name&$orderby=name')).map((a) => String(a.name));

test('requests run in order and are answered in order, each as on its own', async () => {
  const r = await batch(batchText([
    account('B1'),
    { method: 'GET', url: `${h.url}${DV}/accounts?$select=name&$filter=name%20eq%20'B1'` },
    { ...account('B2'), url: `${DV}/accounts`, headers: { Prefer: 'return=representation' } },
    { method: 'GET', url: 'accounts/$count' },
  ]));
  assert.equal(r.status, 200);
  assert.match(r.type, /^multipart\/mixed; boundary=batchresponse_/);
  assert.deepEqual(r.answers.map((a) => a.status), [204, 200, 201, 200]);
  assert.match(r.answers[0]?.headers['odata-entityid'] ?? '', /\/api\/data\/v9\.2\/accounts\([0-9a-f-]{36}\)$/);
  assert.deepEqual((JSON.parse(r.answers[1]?.body ?? '{}') as { value: { name: string }[] }).value.map((a) => a.name), ['B1']);
  assert.equal((JSON.parse(r.answers[2]?.body ?? '{}') as { name: string }).name, 'B2');
  assert.equal(r.answers[3]?.body, String((await names()).length));
});

test('the batch stops at the first failed request; with odata.continue-on-error it goes on', async () => {
  const before = await names();
  const parts = [account('S1'), { method: 'POST', url: 'accounts', body: { name: 'no company' } }, account('S2')];
  const stopped = await batch(batchText(parts), { 'Accept-Language': 'nl' });
  assert.equal(stopped.status, 200);
  assert.deepEqual(stopped.answers.map((a) => a.status), [204, 400]);
  assert.match(JSON.parse(stopped.answers[1]?.body ?? '{}').error.message, /rechtspersoon/, 'the batch\'s language applies to its requests');
  assert.deepEqual(await names(), [...before, 'S1'].sort());

  const goOn = await batch(batchText([account('T1'), parts[1] as Part, account('T2')]), { Prefer: 'odata.continue-on-error' });
  assert.deepEqual(goOn.answers.map((a) => a.status), [204, 400, 204]);
  assert.deepEqual(await names(), [...before, 'S1', 'T1', 'T2'].sort());
});

test('a request with a body that is not JSON, or not declared as JSON, fails alone, in the API\'s error shape', async () => {
  const r = await batch(batchText([
    { method: 'POST', url: 'accounts', body: '{"name":' },
    { method: 'POST', url: 'accounts', body: 'name=x', headers: { 'Content-Type': 'text/plain' } },
    { method: 'GET', url: 'nosuchset' },
  ]), { Prefer: 'odata.continue-on-error' });
  assert.deepEqual(r.answers.map((a) => a.status), [400, 415, 404]);
  for (const a of r.answers) {
    const e = JSON.parse(a.body) as { error: { code: string; message: string } };
    assert.match(e.error.code, /^0x8/);
    assert.ok(e.error.message.length > 0);
  }
});

test('a bad batch is refused whole with a clear error and changes nothing', async () => {
  const before = await names();
  const many = Array.from({ length: 1001 }, (_, i) => account(`M${i}`));
  const changeSet = `--batch_T1\r\nContent-Type: multipart/mixed; boundary=changeset_C1\r\n\r\n--changeset_C1\r\n${partText(account('C1'))}\r\n--changeset_C1--\r\n--batch_T1--\r\n`;
  const cases: Array<[string, string, Record<string, string>, number, RegExp]> = [
    ['more than 1,000 requests', batchText(many), {}, 400, /1000/],
    ['a change set', changeSet, {}, 400, /change set/],
    ['no closing delimiter', batchText([account('X1')]).replace('--batch_T1--', ''), {}, 400, /closing delimiter/],
    ['no boundary', batchText([account('X2')]), { 'Content-Type': 'multipart/mixed' }, 415, /multipart\/mixed/],
    ['JSON instead of multipart', JSON.stringify({ requests: [] }), { 'Content-Type': 'application/json' }, 415, /multipart\/mixed/],
    ['a nested $batch', batchText([{ method: 'POST', url: '$batch', body: {} }]), {}, 400, /another \$batch/],
    ['a URL outside the API', batchText([{ method: 'GET', url: '/data/LegalEntities' }]), {}, 400, /not below/],
    ['a part that is not a request', batchText([{ method: 'FETCH', url: 'accounts' }]), {}, 400, /request line/],
    ['no parts', '--batch_T1--\r\n', {}, 400, /no requests/],
  ];
  for (const [what, text, headers, status, message] of cases) {
    const r = await batch(text, headers);
    assert.equal(r.status, status, `${what}: ${r.raw.slice(0, 200)}`);
    const e = JSON.parse(r.raw) as { error: { code: string; message: string } };
    assert.match(e.error.message, message, what);
    assert.match(e.error.code, /^0x8/, what);
  }
  assert.deepEqual(await names(), before);
});

test('1,000 requests in one batch: all run, each once', async () => {
  const r = await batch(batchText(Array.from({ length: 1000 }, (_, i) => account(`N${String(i).padStart(4, '0')}`))));
  assert.equal(r.answers.length, 1000);
  assert.ok(r.answers.every((a) => a.status === 204));
  const ids = new Set(r.answers.map((a) => a.headers['odata-entityid']));
  assert.equal(ids.size, 1000);
  assert.equal((await names()).filter((n) => /^N\d{4}$/.test(n)).length, 1000);
});
