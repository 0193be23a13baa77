/**
 * Finding messages in the checked text's language (authoring:terminology.* in locales/<lng>/authoring.json):
 * a German feature gets German findings. Terms, ids, file paths and rule ids are interpolated as written.
 */
import { translator } from '../../simulator/i18n.js';
import type { Lng } from './types.js';

export const say = (lng: Lng, key: string, values: Record<string, string | number> = {}): string =>
  translator(lng)(`authoring:terminology.${key}`, values);

/** A language's name in another language ("Englisch" in a German message), not its code. */
export const langName = (lng: Lng, of: string): string => say(lng, `lang.${of}`);
