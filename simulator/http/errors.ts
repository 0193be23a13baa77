import type { ErrorRequestHandler } from 'express';
import { sendJson, type ApiRequest, type ApiResponse } from './exchange.js';
import { SimError } from '../errors.js';
import { negotiate, translator, type Lang } from '../i18n.js';
import { includesAnnotation, parsePrefer } from '../odata/prefer.js';
import { ruleLink } from '../rules/index.js';

export type Flavour = 'dataverse' | 'finance' | 'sim';

/** The message of an error in a language, with the inner cause offered as `{{cause}}`. */
export function messageOf(e: SimError, lang: Lang): string {
  const t = translator(lang);
  const params: Record<string, string | number> = { ...e.params };
  if (e.inner) params.cause = messageOf(e.inner, lang);
  return t(`errors:${e.key}`, params);
}

export const langOf = (req: ApiRequest): Lang => negotiate(req.get('accept-language'));

/** Writes an error in the shape of the API it belongs to. Nothing of the server's internals is shown. */
export function sendError(req: ApiRequest, res: ApiResponse, e: SimError, flavour: Flavour): void {
  const message = messageOf(e, langOf(req));
  const link = e.rule ? ruleLink(`${req.protocol}://${req.get('host') ?? 'localhost'}`, e.rule) : undefined;
  const body = flavour === 'finance' ? financeErrorBody(e, message, link) : { error: { code: e.code, message, ...helpLink(req, link) } };
  if (res.headersSent) return;
  sendJson(res.status(e.status).set('OData-Version', '4.0'), body);
}

/**
 * Finance and Operations' OData error, in the shape Microsoft's own example shows (dynamics-365-unified-operations-public:
 * articles/human-resources/hr-developer-api-myleaverequests-submit.md, "Example"): an empty `code`, the generic
 * ASP.NET message at the top, and the cause in `innererror` (message, exception type, stack trace). The stack trace is
 * always empty here: nothing of the simulator's internals is shown.
 */
export const FINANCE_TOP_MESSAGE = 'An error has occurred.'; // the service's fixed wire text, not a translatable message

/** Exception types of `innererror.type`. */
export const FinanceErrorType = {
  /** A business rule refused an action (the documented example of a failing bound action). */
  action: 'System.InvalidOperationException',
  /** A create, update or delete refused by the entity (convention: the type F&O reports for failed writes). */
  write: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
  /** The request itself is not valid OData: URL, query options, keys, body (convention: the OData library's exception). */
  request: 'Microsoft.OData.ODataException',
} as const;

/** Errors raised by a bound action (they answer with the action's exception type). */
const fromActions = new WeakSet<SimError>();
export function actionError(e: unknown): unknown {
  if (e instanceof SimError) fromActions.add(e);
  return e;
}

/** Which part of the service refused: the request's form, an action, or the entity's rules on a write. */
function financeTypeOf(e: SimError): string {
  if (fromActions.has(e)) return FinanceErrorType.action;
  if (/^record\.duplicate/.test(e.key)) return FinanceErrorType.write;
  return /^(odata|payload|batch|sim|record|finance\.query)\.|^internal$/.test(e.key) ? FinanceErrorType.request : FinanceErrorType.write;
}

/**
 * Convention: a refusal names its rule in `innererror.helplink` (the pages show no Finance field for it; the name
 * follows the lower-case members of `innererror` and .NET's Exception.HelpLink). Absent when no rule refused.
 */
function financeErrorBody(e: SimError, message: string, link: string | undefined): { error: { code: string; message: string; innererror: { message: string; type: string; stacktrace: string; helplink?: string } } } {
  return { error: { code: '', message: FINANCE_TOP_MESSAGE, innererror: { message, type: financeTypeOf(e), stacktrace: '', ...(link ? { helplink: link } : {}) } } };
}

/** The annotation term Dataverse gives an error's help page. */
export const HELP_LINK = 'Microsoft.PowerApps.CDS.HelpLink';

/**
 * Dataverse puts its error annotations beside `code` and `message` in `error`, and only when the request asks
 * for them with `Prefer: odata.include-annotations` (powerapps-docs webapi/compose-http-requests-handle-errors.md,
 * "Include more details with errors"). A refusal's help link is its rule: `<base>/sim/rules/<id>`.
 */
function helpLink(req: ApiRequest, link: string | undefined): Record<string, string> {
  if (!link) return {};
  let wanted = false;
  try { wanted = includesAnnotation(parsePrefer(req.get('prefer')).includeAnnotations, HELP_LINK); } catch { /* a malformed Prefer is refused elsewhere; no annotations then */ }
  return wanted ? { [`@${HELP_LINK}`]: link } : {};
}

/** Turns body-parser failures and unexpected exceptions into API errors. */
export function errorHandler(flavour: Flavour): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    void _next;
    sendError(req, res, toSimError(err, flavour), flavour);
  };
}

export function toSimError(err: unknown, flavour: Flavour): SimError {
  if (err instanceof SimError) return err;
  const payloadCode = flavour === 'dataverse' ? '0x80048d19' : 'BadRequest';
  const type = typeof err === 'object' && err !== null && 'type' in err ? String((err as { type: unknown }).type) : '';
  if (type === 'entity.parse.failed') return new SimError(400, payloadCode, 'payload.malformedJson');
  if (type === 'entity.too.large') return new SimError(413, payloadCode, 'payload.tooLarge');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new SimError(415, payloadCode, 'payload.unsupportedEncoding');
  if (type === 'request.aborted') return new SimError(400, payloadCode, 'payload.aborted');
  // A body that fails to decompress (Content-Encoding: gzip with corrupt data) is the client's fault.
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code.startsWith('Z_')) return new SimError(400, payloadCode, 'payload.unsupportedEncoding');
  // A path that is not valid percent-encoding (express fails to decode a route parameter).
  if (err instanceof URIError) return new SimError(400, flavour === 'dataverse' ? '0x80060888' : 'BadRequest', 'sim.badRequest', { detail: 'the path is not valid percent-encoding' });
  // Any other client error raised by the HTTP stack (http-errors with a 4xx status): keep the status, hide the text.
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number((err as { status: unknown }).status) : NaN;
  if (Number.isInteger(status) && status >= 400 && status < 500) return new SimError(status, payloadCode, 'sim.badRequest', { detail: `HTTP ${status}` });
  console.error('[po-invoice-sim] unexpected error:', err);
  return new SimError(500, flavour === 'dataverse' ? '0x80040216' : 'InternalError', 'internal');
}
