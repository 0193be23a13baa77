import { SimError } from '../errors.js';

/**
 * The two OData dialects the simulator speaks. They differ in the error code of a bad request and in
 * a few details of the query language; string comparisons are case-insensitive on both (SQL collation).
 */
export interface Flavour {
  readonly name: 'dataverse' | 'finance';
  /** Error code of a 400 raised by the OData layer. */
  readonly code: string;
  /** String comparison (eq, lt, contains …) ignores case. */
  readonly caseInsensitive: boolean;
}

export const DATAVERSE: Flavour = Object.freeze({ name: 'dataverse', code: '0x80060888', caseInsensitive: true });
export const FINANCE: Flavour = Object.freeze({ name: 'finance', code: 'BadRequest', caseInsensitive: true });

/** A 400 (or `status`) in the flavour's code with an `odata.*` key. */
export function odataError(
  flavour: Flavour,
  key: string,
  params: Readonly<Record<string, string | number>> = {},
  status = 400,
): SimError {
  return new SimError(status, flavour.code, `odata.${key}`, params);
}
