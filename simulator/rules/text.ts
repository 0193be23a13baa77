import { i18nInstance, type Lang } from '../i18n.js';

export interface RuleText {
  readonly statement: string;
  /** For a convention: why the pages are silent and what we chose. */
  readonly convention?: string;
}

/**
 * A rule's text in a language, from locales/<lng>/rules.json. Read from the resource bundle by id: rule ids
 * contain dots, which i18next's `t` would take for nesting.
 */
export function ruleText(lang: Lang, id: string): RuleText | undefined {
  const bundle = i18nInstance().getResourceBundle(lang, 'rules') as Record<string, RuleText> | undefined;
  return bundle?.[id];
}
