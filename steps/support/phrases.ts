import { defineStep } from '@cucumber/cucumber';
import { LANGS, type Lang, phrasesOf } from './labels.js';
import { defineParameterTypes, localizedTypes, typeName } from './parameters.js';
import type { SpecWorld } from './world.js';

/**
 * One body per step, registered once per language with that language's phrase from
 * `locales/<lng>/steps.json`. `{role}`, `{num}`… in a phrase become the language's own parameter type.
 */
// Cucumber hands step bodies their parameters untyped; each body declares the types its phrase yields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StepBody = (this: SpecWorld, ...args: any[]) => Promise<void> | void;

const bodies = new Map<string, StepBody>();

export function localize(phrase: string, lng: Lang): string {
  return phrase.replace(/\{([A-Za-z_]+)\}/g, (whole, name: string) => (localizedTypes.includes(name) ? `{${typeName(name, lng)}}` : whole));
}

export function step(id: string, body: StepBody): void {
  if (bodies.has(id)) throw new Error(`step ${id} is defined twice`);
  defineParameterTypes();
  bodies.set(id, body);
  for (const lng of LANGS) {
    const phrase = phrasesOf(lng)[id];
    if (typeof phrase !== 'string' || phrase.trim() === '') throw new Error(`step ${id} has no phrase in locales/${lng}/steps.json`);
    defineStep(localize(phrase, lng), body);
  }
}
