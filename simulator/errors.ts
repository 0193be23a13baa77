/**
 * Errors raised anywhere in the simulator (domain rules, OData parsing, dual-write, store) carry an HTTP
 * status, the API's error code and an i18n key with parameters. The message text is never written in
 * code: routers translate `key` with i18next in the caller's language (`locales/<lng>/errors.json`).
 */
import type { RuleId } from './rules/index.js';

export class SimError extends Error {
  constructor(
    /** HTTP status the API answers with: 400, 404, 405, 409, 412, 413, 415, 503 … */
    readonly status: number,
    /** The API's error code, e.g. Dataverse "0x80040217" or a Finance code such as "ProjectInvoiceProposalOneWay". */
    readonly code: string,
    /** i18n key under the `errors` namespace, e.g. "record.notFound". */
    readonly key: string,
    /** Interpolation values for the message. */
    readonly params: Readonly<Record<string, string | number>> = {},
    /** The underlying refusal, e.g. Finance's validation error inside a dual-write error; its message is
     * offered to the outer message as `{{cause}}`. */
    readonly inner?: SimError,
    /** The rule of the registry (simulator/rules/) that refused: the error links to `/sim/rules/<id>`. */
    readonly rule?: RuleId,
  ) {
    super(`${code} ${key} ${JSON.stringify(params)}`);
    this.name = 'SimError';
  }
}

export const isSimError = (e: unknown): e is SimError => e instanceof SimError;
