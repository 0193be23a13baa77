import { type IncomingMessage, ServerResponse } from 'node:http';

/**
 * The part of an HTTP exchange the API handlers use. Express's Request and Response have this shape, and so has a
 * request inside a `$batch` (simulator/http/batch.ts), which the same handlers answer without a socket of its own.
 */
export interface ApiRequest {
  readonly method: string;
  /** The path below the API's base, not decoded (`/accounts(…)`), like Express's `req.path` in a mounted router. */
  readonly path: string;
  /** Query options, parsed as Node's `querystring` does (Express's `query parser` is 'simple'). */
  readonly query: Record<string, unknown>;
  readonly body?: unknown;
  readonly protocol: string;
  get(header: string): string | undefined;
}

export interface ApiResponse {
  readonly headersSent: boolean;
  status(code: number): ApiResponse;
  set(header: string, value: string): ApiResponse;
  type(contentType: string): ApiResponse;
  json(body: unknown): unknown;
  send(text: string): unknown;
  end(): unknown;
  /** `json` of a body already serialized (a `$batch` part has it; for Express see `sendJsonText`). */
  jsonText?(text: string): unknown;
}

/**
 * Sends JSON text that is already serialized, exactly as `res.json` sends the value it was made from: Express sets
 * `Content-Type: application/json` (with its charset) when none is set, which the handlers never do before.
 */
export function sendJsonText(res: ApiResponse, text: string): void {
  answer(res, text, () => res.set('Content-Type', 'application/json').send(text));
}

/** `res.json(body)`: the same bytes (the app sets no `json replacer`, `spaces` or `escape`), by `writeJson` when it can. */
export function sendJson(res: ApiResponse, body: unknown): void {
  answer(res, JSON.stringify(body), () => res.json(body));
}

/** JSON text through the batch's own writer, straight to the socket (`writeJson`), or else Express's `fallback`. */
function answer(res: ApiResponse, text: string, fallback: () => void): void {
  if (res.jsonText) res.jsonText(text);
  else if (res instanceof ServerResponse && plainAnswer(res)) writeJson(res, text);
  else fallback();
}

/**
 * Whether Express's `res.send` would write the text as it is, with nothing but Content-Type and Content-Length
 * added: no Content-Type or Transfer-Encoding set yet, a status that has a body, not HEAD, not fresh (a 304).
 * Anything else goes through `res.send` itself.
 */
function plainAnswer(res: ServerResponse): boolean {
  const req = (res as ServerResponse & { req: IncomingMessage & { fresh?: boolean } }).req;
  const status = res.statusCode;
  return status !== 204 && status !== 205 && status !== 304 && req.method !== 'HEAD'
    && !res.hasHeader('content-type') && !res.hasHeader('transfer-encoding') && req.fresh !== true;
}

/**
 * Performance: what `res.send` of a string ends in, without its content-type parsing and header-by-header `set`,
 * and with the text handed to Node as a string (Express copies text of 1,000 characters or more into a Buffer
 * first; Node joins a string to the head it writes).
 */
function writeJson(res: ServerResponse, text: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text, 'utf8'));
  res.end(text, 'utf8');
}

/**
 * The paths an API router's own Express routes take (`GET /`, `POST /$batch`; any method, as the router matches
 * them); every other request ends in the router's catch-all and goes to its dispatch straight.
 */
export const viaRouter = (path: string): boolean => path === '/' || path === '/$batch';
