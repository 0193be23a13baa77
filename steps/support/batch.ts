/**
 * The spec client's side of a Dataverse `$batch` (multipart/mixed, OData 4.0 §11.7): writes the requests, reads
 * the answers. Written from the protocol, apart from the simulator's own parser (simulator/http/batch.ts), so that
 * the two check each other.
 */
import { randomUUID } from 'node:crypto';

export interface BatchCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the API base, e.g. `msdyn_timeentries(…)/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`. */
  readonly path: string;
  readonly body?: unknown;
}

export interface BatchAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Record<string, unknown>;
}

/** Dataverse takes up to 1,000 requests in one batch. */
export const BATCH_MAX = 1000;

export function batchBody(base: string, calls: readonly BatchCall[]): { contentType: string; text: string } {
  const boundary = `batch_${randomUUID()}`;
  const text = calls.map((c) => {
    const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `${c.method} ${base}/${encodeURI(c.path)} HTTP/1.1`];
    if (c.body !== undefined) lines.push('Content-Type: application/json');
    lines.push('', c.body === undefined ? '' : JSON.stringify(c.body));
    return `--${boundary}\r\n${lines.join('\r\n')}\r\n`;
  }).join('') + `--${boundary}--\r\n`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, text };
}

export function batchAnswers(text: string, contentType: string): BatchAnswer[] {
  const boundary = /boundary=([^;\s]+)/i.exec(contentType)?.[1];
  if (!boundary) throw new Error(`internal: a $batch answer must be multipart/mixed with a boundary; got ${contentType}`);
  const end = text.indexOf(`--${boundary}--`);
  if (end < 0) throw new Error('internal: the $batch answer has no closing delimiter');
  return text.slice(0, end).split(`--${boundary}\r\n`).slice(1).map((part) => {
    const http = part.slice(part.indexOf('\r\n\r\n') + 4); // after the part's own MIME headers
    const split = http.indexOf('\r\n\r\n');
    const [statusLine = '', ...headerLines] = http.slice(0, split).split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
    if (!Number.isInteger(status)) throw new Error(`internal: not an HTTP status line in a $batch answer: ${statusLine.slice(0, 80)}`);
    const headers = new Map(headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as const));
    const raw = http.slice(split + 4).replace(/\r\n$/, '');
    const parsed: unknown = raw && /json/.test(headers.get('content-type') ?? '') ? JSON.parse(raw) : raw ? { text: raw } : {};
    return { status, headers, body: parsed as Record<string, unknown> };
  });
}
