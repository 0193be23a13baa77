/**
 * The Dataverse Web API's errors, one constructor each, so that call sites name the error rather than write
 * its code. Codes as the service answers them (powerapps-docs webapi/compose-http-requests-handle-errors.md;
 * troubleshoot web-api-client-errors.md); a business rule's refusal is `refuse` in simulator/domain/context.ts.
 */
import { SimError } from '../errors.js';

type Params = Record<string, string | number>;

export const DataverseCode = {
  /** ObjectDoesNotExist: a record that is not there (404). */
  notFound: '0x80040217',
  /** A plug-in / business rule refused the operation (400). */
  refusal: '0x80040265',
  /** The request is not valid OData for this service: query option, key, segment, method (400/404/405). */
  badRequest: '0x80060888',
  /** Resource not found for the segment (404). */
  setNotFound: '0x8006088a',
  /** The body cannot be read: JSON, property values, binds, content type (400/413/415). */
  payload: '0x80048d19',
  /** DuplicateRecord (412). */
  duplicate: '0x80040237',
  /** ConcurrencyVersionMismatch: If-Match does not match (412). */
  etagMismatch: '0x80060882',
  /** Unexpected server error (500). */
  internal: '0x80040216',
  /** The aggregate query limit was exceeded. */
  aggregateLimit: '0x8004e023',
  /** FetchXML that is not valid XML. */
  invalidXml: '0x80040201',
} as const;

export const Dataverse = {
  notFound: (entity: string, id: string): SimError => new SimError(404, DataverseCode.notFound, 'record.notFound', { entity, id }),
  badRequest: (key: string, params: Params = {}, status = 400): SimError => new SimError(status, DataverseCode.badRequest, key, params),
  setNotFound: (segment: string): SimError => new SimError(404, DataverseCode.setNotFound, 'record.setNotFound', { segment: segment.slice(0, 100) }),
  methodNotAllowed: (method: string, path: string): SimError => new SimError(405, DataverseCode.badRequest, 'record.methodNotAllowed', { method, path: path.slice(0, 100) }),
  payload: (key: string, params: Params = {}, status = 400): SimError => new SimError(status, DataverseCode.payload, key, params),
  duplicate: (key: 'record.duplicate' | 'record.duplicateKey', params: Params): SimError => new SimError(412, DataverseCode.duplicate, key, params),
  etagMismatch: (): SimError => new SimError(412, DataverseCode.etagMismatch, 'record.etagMismatch'),
  internal: (): SimError => new SimError(500, DataverseCode.internal, 'internal'),
} as const;
