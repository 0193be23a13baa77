import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { projectPath } from './paths.js';

export const LANGUAGES = ['en', 'de', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);
export const localesDir = projectPath('locales');

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Every namespace file of every language (`locales/<lng>/<ns>.json`). */
export function loadResources(dir = localesDir): Resources {
  const out: Resources = {};
  for (const lng of LANGUAGES) {
    out[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      out[lng][file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return out;
}

let shared: { instance: i18n; ready: Promise<unknown> } | undefined;

/**
 * One i18next instance (read-only resources, safe to share between simulators). English is the source
 * language; no fallback: a key missing in de or nl shows as the key, and the terminology check fails on it.
 */
export function i18nInstance(): i18n {
  if (!shared) {
    const instance = i18next.createInstance();
    const resources = loadResources();
    const ready = instance.init({
      resources, lng: 'en', fallbackLng: false, supportedLngs: [...LANGUAGES], ns: Object.keys(resources.en ?? {}), defaultNS: 'labels',
      interpolation: { escapeValue: false }, initAsync: false, returnNull: false,
    });
    shared = { instance, ready };
  }
  return shared.instance;
}

const fixed = new Map<Lang, TFunction>();

/** The translator of a language; cached (the resources are read-only and the language fixed), not rebuilt per request. */
export function translator(lng: Lang): TFunction {
  let t = fixed.get(lng);
  if (!t) fixed.set(lng, (t = i18nInstance().getFixedT(lng)));
  return t;
}

/** The best of en/de/nl for an Accept-Language header (q-values honoured), English by default. */
export function negotiate(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header.split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1, i };
  }).filter((x) => x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if (isLang(r.lang)) return r.lang;
  return 'en';
}
