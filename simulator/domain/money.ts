/**
 * Decimal-exact arithmetic for money, quantities and exchange rates: a value is a bigint of units of
 * 10^-SCALE. No binary floating point takes part in a sum. Records keep JSON numbers (as the Web API
 * returns them); they are converted through their shortest decimal string, which is exact.
 */
const SCALE = 10;
const ONE = 10n ** BigInt(SCALE);

export type Dec = bigint;

export function dec(v: unknown): Dec {
  if (typeof v === 'bigint') return v;
  if (v === null || v === undefined || v === '') return 0n;
  const text = typeof v === 'number' ? numberToPlain(v) : String(v).trim();
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
  const frac = (m[3] ?? '').padEnd(SCALE + 1, '0');
  let units = BigInt(m[2] || '0') * ONE + BigInt(frac.slice(0, SCALE));
  if (Number(frac[SCALE]) >= 5) units += 1n; // beyond our precision: round half away from zero
  return m[1] === '-' ? -units : units;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(SCALE); // tiny or huge exponents only
}

export const neg = (a: Dec): Dec => -a;
export const sum = (xs: Iterable<unknown>): Dec => {
  let t = 0n;
  for (const x of xs) t += dec(x);
  return t;
};

function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (d < 0n ? -d : d)) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}

export const mul = (a: Dec, b: Dec): Dec => divRound(a * b, ONE);
export const div = (a: Dec, b: Dec): Dec => {
  if (b === 0n) throw new RangeError('division by zero');
  return divRound(a * ONE, b);
};

/** Round half away from zero to `places` decimals (2 for amounts). */
export function round(a: Dec, places = 2): Dec {
  const step = 10n ** BigInt(SCALE - places);
  return divRound(a, step) * step;
}

/** Round half away from zero to a multiple of `step` (a currency's rounding precision, e.g. 0.05 or 1). */
export function roundTo(a: Dec, step: Dec): Dec {
  if (step <= 0n) throw new RangeError('rounding step must be positive');
  return divRound(a, step) * step;
}

export function toFixed(a: Dec, places = 2): string {
  const r = round(a, places);
  const negative = r < 0n;
  const abs = negative ? -r : r;
  const int = abs / ONE;
  const frac = (abs % ONE).toString().padStart(SCALE, '0').slice(0, places);
  return `${negative ? '-' : ''}${int}${places > 0 ? '.' + frac : ''}`;
}

/** The JSON number of a decimal (exact for the values it prints: shortest round-trip). */
export function num(a: Dec, places = 2): number {
  return Number(toFixed(a, places));
}

