import { SimError } from '../errors.js';
import { metadataDocument } from '../schema/metadata.js';
import type { ApiRequest, ApiResponse } from './exchange.js';

/**
 * `GET $metadata`: the service's CSDL XML (OData 4.0 Part 1 §11.1.2, `application/xml`), cached per process.
 * Refused rather than ignored: other methods, and query options (Dataverse's `?annotations=true` is not implemented).
 */
export function metadataRoute(req: ApiRequest, res: ApiResponse, api: 'dataverse' | 'finance'): void {
  const dv = api === 'dataverse';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new SimError(405, dv ? '0x80060888' : 'MethodNotAllowed', 'record.methodNotAllowed', { method: req.method, path: '$metadata' });
  }
  const option = Object.keys(req.query)[0];
  if (option !== undefined) throw new SimError(400, dv ? '0x80060888' : 'BadRequest', 'odata.unsupportedOption', { option: option.slice(0, 50) });
  res.set('OData-Version', '4.0').type('application/xml').send(metadataDocument(api));
}
