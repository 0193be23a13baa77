import { translator } from '../../simulator/i18n.js';
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

/**
 * What a step's `{num}` captures: anything number-like, so that a number in another language's format
 * (`1,600.00` in a German feature) reaches parseNumber and fails with a message naming the expected form,
 * instead of leaving the step "undefined". Ends with a digit: a comma after the number stays prose.
 */
export const numberLikePattern = '-?\\d(?:[\\d.,]*\\d)?';

const whole = (lng: Lang): RegExp => new RegExp(`^${numberPattern(lng)}$`);

/** The number a text means in the first language format that reads it whole (for the hint), else undefined. */
function readAnyFormat(t: string): { value: number; digits: number } | undefined {
  for (const l of ['en', 'de'] as const) {
    if (!whole(l).test(t)) continue;
    const { group, decimal } = formats[l];
    const digits = t.includes(decimal) ? (t.split(decimal)[1] ?? '').length : 0;
    return { value: Number(t.split(group).join('').replace(decimal, '.')), digits };
  }
  return undefined;
}

/** Parses a number written the way `lng` writes it; throws (in `lng`) on anything else, naming the expected form. */
export function parseNumber(text: string, lng: Lang): number {
  const t = text.trim();
  if (!whole(lng).test(t)) {
    const read = readAnyFormat(t);
    const t_ = translator(lng);
    throw new Error(read
      ? t_('authoring:number.format', { text, expected: formatNumber(read.value, lng, read.digits) })
      : t_('authoring:number.formatUnknown', { text, example: formatNumber(1600, lng) }));
  }
  const { group, decimal } = formats[lng];
  return Number(t.split(group).join('').replace(decimal, '.'));
}

/** Formats a number the way `lng` writes it, with `digits` decimals. */
export function formatNumber(n: number, lng: Lang, digits = 2): string {
  return new Intl.NumberFormat(lng === 'en' ? 'en-US' : lng === 'de' ? 'de-DE' : 'nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Money compares to the cent. */
export const sameAmount = (a: unknown, b: number): boolean => Math.round(Number(a) * 100) === Math.round(b * 100);
