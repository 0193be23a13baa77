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
  if (res.jsonText) res.jsonText(text);
  else res.set('Content-Type', 'application/json').send(text);
}
