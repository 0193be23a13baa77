/**
 * Raw HTTP for robustness tests: exact method, path (sent as given, not normalised), headers and body bytes,
 * optionally over a keep-alive agent. Resolves with status, headers and the body as text.
 */
import { Agent, request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly agent?: Agent;
  /** Give up after this many milliseconds (default 120 s). */
  readonly timeoutMs?: number;
}

export function rawRequest(base: string, r: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: r.method, path: r.path, headers: { ...r.headers }, agent: r.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // A safety net for a hung server, not a limit on speed: a loaded 2-core machine can take seconds per answer.
    req.setTimeout(r.timeoutMs ?? 120_000, () => req.destroy(new Error(`timeout: ${r.method} ${r.path.slice(0, 80)}`)));
    req.on('error', reject);
    req.end(r.body === undefined ? undefined : typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : Buffer.from(r.body));
  });
}

/** JSON request helper: body serialised, `content-type: application/json`, parsed answer (undefined if empty). */
export async function jsonRequest(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, agent?: Agent): Promise<{ status: number; json: unknown; headers: RawResponse['headers'] }> {
  const res = await rawRequest(base, {
    method, path, agent,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: res.text ? (JSON.parse(res.text) as unknown) : undefined, headers: res.headers };
}

/** Patterns that betray internals: a stack frame, a source file with a line number, the project's location. */
export function leaksInternals(text: string): string | undefined {
  const patterns: [string, RegExp][] = [
    ['stack frame', /\n\s*at\s+\S+/],
    ['stack frame', /\bat (?:\S+ )?\(?(?:file:\/\/)?\/[^\s)]+:\d+:\d+/],
    ['source file', /\.(?:ts|js|mjs):\d+/],
    ['node_modules', /node_modules/],
    ['project path', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
    ['exception name', /\b(?:SyntaxError|TypeError|ReferenceError|RangeError|URIError):/],
  ];
  for (const [what, re] of patterns) if (re.test(text)) return what;
  return undefined;
}
