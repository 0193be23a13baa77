/**
 * Exact decimal comparison for `$filter` and `$orderby`: a value is `digits × 10^-scale` with bigint
 * digits, parsed from the shortest decimal text of a JSON number or from a literal. No float arithmetic.
 */
export interface DecParts {
  readonly neg: boolean;
  readonly digits: bigint;
  readonly scale: number;
}

/** Bound on exponents so `1e999999999` cannot make a huge bigint. */
const MAX_EXPONENT = 400;
const DEC_RE = /^([+-])?(\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export function parseDec(value: unknown): DecParts | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'bigint') {
    text = value.toString();
  } else if (typeof value === 'string') {
    text = value.trim();
    if (text.length > 1000) return undefined;
  } else return undefined;
  const m = DEC_RE.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  let digits = BigInt((int + frac) || '0');
  let scale = frac.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { neg: m[1] === '-' && digits !== 0n, digits, scale };
}

export function compareDec(a: DecParts, b: DecParts): number {
  const scale = Math.max(a.scale, b.scale);
  const x = (a.neg ? -a.digits : a.digits) * 10n ** BigInt(scale - a.scale);
  const y = (b.neg ? -b.digits : b.digits) * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compare two decimal-like values exactly; `undefined` when either is not a number. */
export function compareDecimal(a: unknown, b: unknown): number | undefined {
  const x = parseDec(a);
  const y = parseDec(b);
  return x && y ? compareDec(x, y) : undefined;
}
