import type { Lang } from './labels.js';

/**
 * Numbers as each language writes them: `1,600.00` in English, `1.600,00` in German and Dutch.
 * Regexes are non-capturing so they can serve as cucumber parameter types.
 */
const formats: Record<Lang, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  de: { group: '.', decimal: ',' },
  nl: { group: '.', decimal: ',' },
};

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function numberPattern(lng: Lang): string {
  const { group, decimal } = formats[lng];
  const g = esc(group);
  const d = esc(decimal);
  return `-?(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}\\d+)?`;
}

const whole = (lng: Lang): RegExp => new RegExp(`^${numberPattern(lng)}$`);

/** Parses a number written the way `lng` writes it; throws on anything else (e.g. `1.600,00` in English). */
export function parseNumber(text: string, lng: Lang): number {
  const t = text.trim();
  if (!whole(lng).test(t)) throw new Error(`"${text}" is not a number as ${lng} writes it`);
  const { group, decimal } = formats[lng];
  return Number(t.split(group).join('').replace(decimal, '.'));
}

/** Formats a number the way `lng` writes it, with `digits` decimals. */
export function formatNumber(n: number, lng: Lang, digits = 2): string {
  return new Intl.NumberFormat(lng === 'en' ? 'en-US' : lng === 'de' ? 'de-DE' : 'nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Money compares to the cent. */
export const sameAmount = (a: unknown, b: number): boolean => Math.round(Number(a) * 100) === Math.round(b * 100);
