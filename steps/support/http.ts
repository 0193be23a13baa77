/**
 * A small JSON-over-HTTP client for the simulator's three surfaces (docs/api.md), on `node:http` with one
 * keep-alive agent: a scenario makes up to a few thousand requests, and `fetch` (undici with web streams)
 * costs about twice the CPU per request of plain `http.request` on Node 20.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
  readonly method: string;
  readonly url: string;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };

function send(method: string, url: string, headers: Record<string, string>, payload: string | undefined): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const req = (secure ? https : http).request(url, { method, agent: secure ? agents.https : agents.http, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A request with a body of another type than JSON (a `$batch`); the answer's text as it came. */
export async function requestText(url: string, lang: string, contentType: string, text: string): Promise<{ status: number; headers: Headers; text: string }> {
  return send('POST', url, { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) }, text);
}

export async function request(method: string, url: string, lang: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const res = await send(method, url, {
    Accept: 'application/json',
    'Accept-Language': lang,
    ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
    ...headers,
  }, payload);
  const text = res.text;
  let parsed: Record<string, unknown> = {};
  if (text) {
    try {
      const v: unknown = JSON.parse(text);
      parsed = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
    } catch {
      parsed = { text };
    }
  }
  return { status: res.status, body: parsed, headers: res.headers, method, url };
}

export const isOk = (r: HttpResult): boolean => r.status >= 200 && r.status < 300;

/** A readable one-liner for assertion messages. */
export function describe(r: HttpResult): string {
  const err = r.body.error as { code?: unknown; message?: unknown } | undefined;
  const detail = err ? `${String(err.code)}: ${String(err.message)}` : JSON.stringify(r.body).slice(0, 300);
  return `${r.method} ${r.url.replace(/^https?:\/\/[^/]+/, '')} → ${r.status} ${detail}`;
}

/** Finance key segment: `(dataAreaId='USPM',ProposalId='INV-00001')`. */
export const foKey = (keys: Record<string, string>): string =>
  `(${Object.entries(keys).map(([k, v]) => `${k}='${v.replace(/'/g, "''")}'`).join(',')})`;

export const odataString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
