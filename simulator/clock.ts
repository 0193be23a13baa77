import { SimError } from './errors.js';

/** ISO 8601 durations as the clock API takes them: PnDTnHnMnS (weeks: PnW). */
export function parseDuration(text: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new SimError(400, 'InvalidDuration', 'sim.badDuration', { value: text });
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return ((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (min ?? 0)) * 60_000 + (s ?? 0) * 1000;
}

/** Normalizes an ISO 8601 instant to UTC with second precision, or refuses it. */
export function parseInstant(text: unknown): string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)) {
    throw new SimError(400, 'InvalidInstant', 'sim.badInstant', { value: String(text) });
  }
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new SimError(400, 'InvalidInstant', 'sim.badInstant', { value: text });
  return iso(ms);
}

export const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
