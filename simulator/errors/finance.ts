/**
 * Finance and Operations' OData errors, one constructor each. The wire body's `code` is empty (see
 * financeErrorBody in simulator/http/errors.ts); the codes here tell errors apart inside the simulator and in logs.
 */
import { SimError } from '../errors.js';
import type { RuleId } from '../rules/index.js';

type Params = Record<string, string | number>;

export const Finance = {
  notFound: (entity: string, id: string): SimError => new SimError(404, 'NotFound', 'record.notFound', { entity, id }),
  badRequest: (key: string, params: Params = {}): SimError => new SimError(400, 'BadRequest', key, params),
  setNotFound: (segment: string): SimError => new SimError(404, 'NotFound', 'record.setNotFound', { segment: segment.slice(0, 100) }),
  methodNotAllowed: (method: string, path: string): SimError => new SimError(405, 'MethodNotAllowed', 'record.methodNotAllowed', { method, path: path.slice(0, 100) }),
  etagMismatch: (): SimError => new SimError(412, 'PreconditionFailed', 'record.etagMismatch'),
  duplicateKey: (entity: string, key: string): SimError => new SimError(409, 'DuplicateKey', 'record.duplicateKey', { entity, key }),
  /** A business rule of Finance refused: `code` names the refusal in logs, `rule` the registry entry it applies. */
  refusal: (rule: RuleId, code: string, key: string, params: Params = {}): SimError => new SimError(400, code, key, params, undefined, rule),
} as const;
