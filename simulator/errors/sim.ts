/** The simulator's own API (/sim): its errors, one constructor each. */
import { SimError } from '../errors.js';

type Params = Record<string, string | number>;

export const Sim = {
  badRequest: (detail: string): SimError => new SimError(400, 'BadRequest', 'sim.badRequest', { detail }),
  notFound: (path: string): SimError => new SimError(404, 'NotFound', 'sim.notFound', { path: path.slice(0, 100) }),
  /** Any other refusal of /sim: its own code and message key. */
  error: (status: number, code: string, key: string, params: Params = {}): SimError => new SimError(status, code, key, params),
} as const;
