/**
 * Dataverse Web API `$batch` (OData 4.0 §11.7, multipart/mixed): up to 1,000 requests in one HTTP request, run one
 * after the other in their order, each answered by the same handler as on its own, and the answers returned as one
 * multipart/mixed response in the same order. Without `Prefer: odata.continue-on-error` the batch stops after the
 * first request that fails. A change set (a multipart/mixed part of its own) is one transaction: all its requests
 * succeed together, with one answer each, or none does, with one error answer for the whole change set; a request
 * in it can name an earlier one by its Content-ID (`$1`, in its URL or in an `@odata.bind`).
 *
 * This module parses and formats; simulator/http/dataverse-router.ts runs the requests.
 */
import { STATUS_CODES } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { randomUUID } from 'node:crypto';
import { SimError } from '../errors.js';
import type { ApiRequest, ApiResponse } from './exchange.js';
import { duplicateKey, duplicateKeyError } from './json-body.js';
import { Dataverse } from '../errors/dataverse.js';

export const BATCH_LIMIT = 1000;
const CODE = '0x80060888';

export interface BatchPart {
  readonly method: string;
  /** The request's path below the API base, with its query string. */
  readonly target: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** The part's Content-ID (inside change sets: the name later requests use for it, `$<id>`). */
  readonly contentId?: string;
}

export type BatchItem =
  | { readonly kind: 'request'; readonly part: BatchPart }
  | { readonly kind: 'changeSet'; readonly parts: readonly BatchPart[] };

const bad = (detail: string): SimError => new SimError(400, CODE, 'batch.malformed', { detail });

/** The boundary of a `multipart/mixed` content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Splits a multipart body into the raw text of its parts (preamble and epilogue dropped). */
function splitParts(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = text.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join('\r\n'));
      current = trimmed === delimiter ? [] : undefined;
      if (trimmed !== delimiter) {
        closed = true;
        break;
      }
    } else if (current) {
      current.push(line);
    }
  }
  if (!closed) throw bad(`the body does not end with the closing delimiter --${boundary}--`);
  return parts;
}

/** Header block and the rest, split at the first empty line. */
function headersAndRest(text: string): { headers: Map<string, string>; rest: string } {
  const lines = text.split('\r\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) throw bad(`'${line.slice(0, 60)}' is not a header`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, rest: lines.slice(i + 1).join('\r\n') };
}

/** One `application/http` part: its request line, headers and body. */
function parsePart(mime: ReadonlyMap<string, string>, rest: string): BatchPart {
  const type = mime.get('content-type') ?? '';
  if (!/^application\/http\b/i.test(type)) throw bad(`a part has Content-Type '${type.slice(0, 60)}'; expected application/http`);
  const [requestLine = '', ...after] = rest.split('\r\n');
  const m = /^(GET|POST|PATCH|PUT|DELETE)\s+(\S+)(?:\s+HTTP\/1\.[01])?$/i.exec(requestLine.trim());
  if (!m) throw bad(`'${requestLine.slice(0, 80)}' is not a request line (METHOD URL HTTP/1.1)`);
  const { headers, rest: body } = headersAndRest(after.join('\r\n'));
  const contentId = mime.get('content-id');
  return { method: (m[1] as string).toUpperCase(), target: m[2] as string, headers, body: body.replace(/(\r\n)+$/, ''), ...(contentId ? { contentId } : {}) };
}

/** Parses the body of a `$batch` request into its requests and change sets. */
export function parseBatch(text: string, contentType: string | undefined): BatchItem[] {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) throw Dataverse.payload('batch.contentType', {}, 415);
  const items: BatchItem[] = [];
  let requests = 0;
  const counted = (): void => {
    if (++requests > BATCH_LIMIT) throw new SimError(400, CODE, 'batch.tooMany', { limit: BATCH_LIMIT });
  };
  for (const raw of splitParts(text, boundary)) {
    const { headers: mime, rest } = headersAndRest(raw.replace(/^(\r\n)+/, ''));
    const inner = boundaryOf(mime.get('content-type'));
    if (inner === undefined) {
      items.push({ kind: 'request', part: parsePart(mime, rest) });
      counted();
      continue;
    }
    const parts: BatchPart[] = [];
    const ids = new Set<string>();
    for (const rawInner of splitParts(rest, inner)) {
      const p = headersAndRest(rawInner.replace(/^(\r\n)+/, ''));
      if (boundaryOf(p.headers.get('content-type')) !== undefined) throw new SimError(400, CODE, 'batch.nestedChangeSet');
      const part = parsePart(p.headers, p.rest);
      if (part.contentId !== undefined) {
        if (ids.has(part.contentId)) throw bad(`Content-ID ${part.contentId.slice(0, 20)} appears twice in a change set`);
        ids.add(part.contentId);
      }
      parts.push(part);
      counted();
    }
    if (parts.length === 0) throw bad('a change set holds no requests');
    items.push({ kind: 'changeSet', parts });
  }
  if (items.length === 0) throw bad('it holds no requests');
  return items;
}

/**
 * A request of a change set with its references to earlier requests resolved: `$<id>` at the start of its URL, and
 * as the value of an `@odata.bind`, become the entity path of the record that request wrote (`accounts(<guid>)`).
 */
export function withReferences(part: BatchPart, written: ReadonlyMap<string, string>, body: unknown): { part: BatchPart; body: unknown } {
  const resolve = (ref: string): string => {
    const path = written.get(ref.slice(1));
    if (path === undefined) throw new SimError(400, CODE, 'batch.badReference', { reference: ref.slice(0, 20) });
    return path;
  };
  const m = /^\$([^/?]+)(.*)$/.exec(part.target);
  const target = m ? `${resolve(`$${m[1] as string}`)}${m[2] as string}` : part.target;
  let out = body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const [k, v] of Object.entries(copy)) if (k.endsWith('@odata.bind') && typeof v === 'string' && v.startsWith('$')) copy[k] = `/${resolve(v)}`;
    out = copy;
  }
  return { part: { ...part, target }, body: out };
}

/** The path below `base` of a request URL in a batch: absolute URL, absolute path or relative to the API base. */
export function targetBelow(base: string, target: string): { path: string; query: Record<string, unknown> } {
  let t = target.replace(/^https?:\/\/[^/]+/i, '');
  if (t.startsWith('/')) {
    if (!t.startsWith(`${base}/`)) throw bad(`'${target.slice(0, 80)}' is not below ${base}`);
    t = t.slice(base.length + 1);
  }
  const q = t.indexOf('?');
  const path = `/${q < 0 ? t : t.slice(0, q)}`;
  if (/^\/\$batch\b/.test(path)) throw new SimError(400, CODE, 'batch.nested');
  return { path, query: q < 0 ? {} : { ...parseQuery(t.slice(q + 1)) } };
}

/** A request of a batch, as the API handlers see it. Headers it lacks come from the batch request (language, host). */
export function batchRequest(part: BatchPart, base: string, outer: ApiRequest): ApiRequest {
  const { path, query } = targetBelow(base, part.target);
  return {
    method: part.method, path, query, protocol: outer.protocol,
    get: (name) => part.headers.get(name.toLowerCase()) ?? (/^(accept-language|host)$/i.test(name) ? outer.get(name) : undefined),
  };
}

/** The JSON body of a request of a batch, parsed as the API's JSON parser would (415 if it is not JSON). */
export function partBody(part: BatchPart): unknown {
  if (part.body.trim() === '') return undefined;
  if (!/^application\/(json|[^;\s]*\+json)\b/i.test(part.headers.get('content-type') ?? '')) throw Dataverse.payload('payload.contentType', {}, 415);
  let body: unknown;
  try {
    body = JSON.parse(part.body);
  } catch {
    throw Dataverse.payload('payload.malformedJson');
  }
  const key = duplicateKey(part.body);
  if (key !== undefined) throw duplicateKeyError('dataverse', key);
  return body;
}

/** Collects what a handler answers to one request of a batch. */
export class PartResponse implements ApiResponse {
  code = 200;
  /** Echoed in the answer's MIME headers (answers inside a change set). */
  contentId: string | undefined;
  readonly headers = new Map<string, string>();
  body = '';
  headersSent = false;

  status(code: number): this {
    this.code = code;
    return this;
  }

  set(header: string, value: string): this {
    this.headers.set(header, value);
    return this;
  }

  type(contentType: string): this {
    return this.set('Content-Type', contentType === 'text/plain' ? 'text/plain; charset=utf-8' : contentType);
  }

  json(body: unknown): this {
    return this.jsonText(JSON.stringify(body));
  }

  jsonText(text: string): this {
    if (!this.headers.has('Content-Type')) this.set('Content-Type', 'application/json; odata.metadata=minimal');
    return this.send(text);
  }

  send(text: string): this {
    this.body = text;
    this.headersSent = true;
    return this;
  }

  end(): this {
    this.headersSent = true;
    return this;
  }
}

function answerText(r: PartResponse): string {
  const head = `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n${r.contentId !== undefined ? `Content-ID: ${r.contentId}\r\n` : ''}\r\n`;
  const headers = [...r.headers].map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `${head}HTTP/1.1 ${r.code} ${STATUS_CODES[r.code] ?? ''}\r\n${headers}\r\n${r.body}\r\n`;
}

/** The multipart/mixed response of a batch: an answer per request, a nested multipart per change set that succeeded. */
export function formatBatch(answers: ReadonlyArray<PartResponse | readonly PartResponse[]>): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const a of answers) {
    if (a instanceof PartResponse) {
      chunks.push(`--${boundary}\r\n${answerText(a)}`);
      continue;
    }
    const inner = `changesetresponse_${randomUUID()}`;
    chunks.push(`--${boundary}\r\nContent-Type: multipart/mixed; boundary=${inner}\r\n\r\n`);
    for (const r of a) chunks.push(`--${inner}\r\n${answerText(r)}`);
    chunks.push(`--${inner}--\r\n`);
  }
  chunks.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}

/** `Prefer: odata.continue-on-error` on the batch request. */
export const continueOnError = (prefer: string | undefined): boolean => /(^|,)\s*odata\.continue-on-error\s*(=\s*true\s*)?(,|$)/i.test(prefer ?? '');
