/**
 * Performance: the JSON body of the common request (`Content-Type: application/json`, with or without
 * `charset=utf-8`, a Content-Length within the limit, no Content-Encoding) read without body-parser's generic
 * machinery (raw-body's stream plumbing, iconv, content-type parsing), giving exactly what `express.json` with
 * json-body.ts's `verify` gives: `req.body` parsed as its strict mode does, the duplicate-name check on the raw
 * text, and its errors for a body that is not JSON or a request that is aborted. Every other request goes through
 * `express.json` itself (other types and charsets, compressed bodies, chunked bodies, bodies over the limit).
 */
import { AsyncResource } from 'node:async_hooks';
import type { NextFunction, Request } from 'express';

/** body-parser's `limit` in bytes, as the `bytes` package reads `100kb` or `1mb`; 0 (never the fast path) otherwise. */
export function limitBytes(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (!m) return 0;
  return Number(m[1]) * ({ b: 1, kb: 1024, mb: 1024 * 1024 } as const)[(m[2] as string).toLowerCase() as 'b' | 'kb' | 'mb'];
}

/** type-is's `hasBody`, which body-parser asks first: a Transfer-Encoding, or a Content-Length that is a number. */
export const hasBody = (req: Request): boolean => req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']));

/** `application/json`, bare or with `charset=utf-8`, as nearly every client sends it (`req.is` says yes to both). */
export function plainJsonType(type: string | undefined): boolean {
  if (type === undefined) return false;
  const t = type.toLowerCase();
  return t === 'application/json' || t === 'application/json; charset=utf-8';
}

/** The Content-Length of a request the fast path takes, or undefined. */
export function plainJsonLength(req: Request): number | undefined {
  const h = req.headers;
  if (!plainJsonType(h['content-type']) || h['transfer-encoding'] !== undefined) return undefined;
  const encoding = h['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  const length = h['content-length'];
  if (length === undefined || !/^\d{1,9}$/.test(length)) return undefined;
  if (!req.readable || req.socket.destroyed) return undefined; // body-parser's own path decides what a finished request gets
  return Number(length);
}

/** A body-parser error as `toSimError` reads it (its `type` and `status`). */
const bodyError = (status: number, type: string, message: string): Error => Object.assign(new Error(message), { status, statusCode: status, type });

/** Reads and parses the body; `verify` sees its raw text first (as body-parser's `verify` sees the raw bytes). */
export function readPlainJson(req: Request, length: number, verify: (raw: string) => void, proceed: NextFunction): void {
  // The rest of the request runs in the async context it came with (the instance's schema scope, schema/scope.ts),
  // not the socket's that emits 'end': as raw-body binds its callback.
  const next = AsyncResource.bind(proceed);
  const chunks: Buffer[] = [];
  let received = 0;
  let complete = false;
  const onData = (chunk: Buffer): void => { chunks.push(chunk); received += chunk.length; };
  const cleanup = (): void => {
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('error', onError);
    req.removeListener('aborted', onAborted);
    req.removeListener('close', cleanup);
  };
  const fail = (err: unknown): void => {
    if (complete) return;
    complete = true;
    cleanup();
    next(err);
  };
  // raw-body: an aborted request, and a body shorter or longer than its Content-Length, are 400s of their own type.
  const onAborted = (): void => fail(bodyError(400, 'request.aborted', 'request aborted'));
  const onError = (err: unknown): void => fail(err);
  function onEnd(): void {
    if (complete) return;
    if (received !== length) return fail(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
    complete = true;
    cleanup();
    const buf = chunks.length === 1 ? chunks[0] as Buffer : Buffer.concat(chunks, received);
    const raw = buf.toString('utf8');
    verify(raw);
    // iconv-lite's utf-8 decoder drops a byte order mark; body-parser's strict mode takes an object or array only
    // (after JSON whitespace), and an empty body as {}.
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.length === 0) { req.body = {}; return next(); }
    const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text)?.[1];
    let body: unknown;
    try {
      if (first !== '{' && first !== '[') throw new SyntaxError('strict violation');
      body = JSON.parse(text);
    } catch {
      return next(bodyError(400, 'entity.parse.failed', 'invalid JSON'));
    }
    req.body = body;
    next();
  }
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
  req.on('aborted', onAborted);
  req.on('close', cleanup);
}
