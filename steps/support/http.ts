/** A small JSON-over-HTTP client for the simulator's three surfaces (docs/api.md). */
export interface HttpResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
  readonly method: string;
  readonly url: string;
}

export async function request(method: string, url: string, lang: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': lang,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
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
