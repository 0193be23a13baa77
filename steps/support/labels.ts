import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';

/** The languages the specs are written in; English is the source language. */
export const LANGS = ['en', 'de', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (x: string): x is Lang => (LANGS as readonly string[]).includes(x);

const root = fileURLToPath(new URL('../../', import.meta.url));
export const localePath = (lng: Lang, ns: string): string => `${root}locales/${lng}/${ns}.json`;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

let instance: i18n | undefined;

/** One i18next instance with the `labels` and `steps` namespaces of every language (no fallback language). */
export function i18nLabels(): i18n {
  if (instance) return instance;
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of LANGS) {
    resources[lng] = {
      labels: readJson(localePath(lng, 'labels')) as Record<string, unknown>,
      steps: readJson(localePath(lng, 'steps')) as Record<string, unknown>,
    };
  }
  const i = i18next.createInstance();
  void i.init({ resources, lng: 'en', fallbackLng: false, ns: ['labels', 'steps'], defaultNS: 'labels', initAsync: false, interpolation: { escapeValue: false } });
  instance = i;
  return i;
}

/** A subtree of the labels of a language, as a flat record of key → text (nested `one`/`other` kept as objects). */
export function labelTree(lng: Lang, path: string): Record<string, unknown> {
  let node: unknown = i18nLabels().getResourceBundle(lng, 'labels');
  for (const part of path.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (!node || typeof node !== 'object') throw new Error(`labels:${path} is missing in ${lng}`);
  return node as Record<string, unknown>;
}

/** key → label(s) of a subtree; an entity contributes both its singular and plural label. */
export function labelsOf(lng: Lang, path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(labelTree(lng, path))) {
    if (typeof value === 'string') out.set(key, [value]);
    else if (value && typeof value === 'object') out.set(key, Object.values(value).filter((v): v is string => typeof v === 'string'));
  }
  return out;
}

/** The label of one key, e.g. `options.msdyn_billingtype.192350001`. */
export function label(lng: Lang, key: string): string {
  const t = i18nLabels().t(`labels:${key}`, { lng });
  if (t === key || t === `labels:${key}`) throw new Error(`labels:${key} is missing in ${lng}`);
  return t;
}

/** Step phrases of a language: step id → cucumber expression. */
export function phrasesOf(lng: Lang): Record<string, string> {
  return i18nLabels().getResourceBundle(lng, 'steps') as Record<string, string>;
}
