import type { i18n } from 'i18next';
import { LANGUAGES, i18nInstance, isLang, type Lang } from '../../simulator/i18n.js';

/** The languages the specs are written in (the simulator's); English is the source language. */
export const LANGS = LANGUAGES;
export { isLang, type Lang };

/** The simulator's i18next instance: every namespace of every language (`labels` and `steps` among them), no fallback. */
export const i18nLabels = (): i18n => i18nInstance();

/** A subtree of the labels of a language, as a flat record of key → text (nested `one`/`other` kept as objects). */
export function labelTree(lng: Lang, path: string): Record<string, unknown> {
  let node: unknown = i18nLabels().getResourceBundle(lng, 'labels');
  for (const part of path.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (!node || typeof node !== 'object') throw new Error(`internal: labels:${path} is missing in ${lng}`);
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
  if (t === key || t === `labels:${key}`) throw new Error(`internal: labels:${key} is missing in ${lng}`);
  return t;
}

/** Step phrases of a language: step id → its raw entry (a phrase, or forms by word order: see forms.ts). */
export function phrasesOf(lng: Lang): Record<string, unknown> {
  return i18nLabels().getResourceBundle(lng, 'steps') as Record<string, unknown>;
}
