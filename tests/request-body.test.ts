/**
 * The JSON body of an API request is read the same way on both of its paths: the common one (simulator/http/plain-json.ts:
 * `application/json`, a Content-Length, no Content-Encoding) and express.json's (any other form of the same body, here
 * `application/json;charset=UTF-8` without the space, or a chunked body). Each body below goes both ways and must give the
 * same status and answer; a few answers are also checked for what they are.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulator, type Simulator } from '../simulator/index.js';
import { rawRequest, type RawResponse } from './support/raw-http.js';

let sim: Simulator;
let base: string;

before(async () => {
  sim = await createSimulator({ clock: '2026-03-02T09:00:00Z', bodyLimit: '2kb' });
  base = await sim.listen();
});
after(() => sim.close());

const ACCOUNTS = '/api/data/v9.2/accounts';
const name = (r: RawResponse): unknown => (JSON.parse(r.text) as { name: unknown }).name;
const code = (r: RawResponse): unknown => (JSON.parse(r.text) as { error: { code: unknown } }).error.code;

/** The answer without what differs from one create to the next (id, number, version): a refusal whole, a record's name. */
const comparable = (r: RawResponse): string => JSON.stringify({ status: r.status, answer: r.status === 201 ? { name: name(r) } : r.text });

async function bothWays(body: string | Buffer): Promise<{ common: RawResponse; parser: RawResponse }> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers = { prefer: 'return=representation', 'content-length': String(bytes.length) };
  const common = await rawRequest(base, { method: 'POST', path: ACCOUNTS, headers: { ...headers, 'content-type': 'application/json' }, body: bytes });
  const parser = await rawRequest(base, { method: 'POST', path: ACCOUNTS, headers: { ...headers, 'content-type': 'application/json;charset=UTF-8' }, body: bytes });
  assert.equal(comparable(common), comparable(parser), `body ${JSON.stringify(bytes.toString('utf8').slice(0, 60))}`);
  return { common, parser };
}

test('a JSON object is read alike on both paths: byte order mark, surrounding whitespace, escapes, invalid UTF-8', async () => {
  assert.equal(name((await bothWays('{"name":"Plain"}')).common), 'Plain');
  assert.equal(name((await bothWays('\ufeff{"name":"After a BOM"}')).common), 'After a BOM');
  assert.equal(name((await bothWays('\r\n\t {"name":"Spaced"} \n')).common), 'Spaced');
  assert.equal(name((await bothWays('{"name":"e\\u00e9 \\"q\\" \\ud83d"}')).common), 'eé "q" \ud83d');
  const invalid = await bothWays(Buffer.from([...Buffer.from('{"name":"'), 0xff, 0xfe, ...Buffer.from('"}')]));
  assert.equal(name(invalid.common), '\ufffd\ufffd');
});

test('what is not a JSON object is refused alike on both paths, in the API shape', async () => {
  for (const body of ['5', '"text"', 'null', ' [1]', '   ', '{"name":"open"', '{"name":"a","name":"b"}']) {
    const { common } = await bothWays(body);
    assert.equal(common.status, 400, body);
    assert.match(String(code(common)), /^0x8/, body);
  }
  // An empty body is read as {} (body-parser's rule): the account is created without a name.
  const empty = await bothWays('');
  assert.equal(empty.common.status, 201);
  assert.equal(name(empty.common), null);
});

test('a body over the limit is refused with 413 on both paths; a chunked body takes express.json and reads the same', async () => {
  const { common } = await bothWays(`{"name":"${'x'.repeat(3000)}"}`);
  assert.equal(common.status, 413);
  const chunked = await rawRequest(base, { method: 'POST', path: ACCOUNTS, headers: { prefer: 'return=representation', 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '{"name":"Chunked"}' });
  assert.equal(chunked.status, 201);
  assert.equal(name(chunked), 'Chunked');
});
