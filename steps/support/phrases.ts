import { defineStep } from '@cucumber/cucumber';
import { formsOf } from './forms.js';
import { LANGS, type Lang } from './labels.js';
import { defineParameterTypes, localizedTypes, typeName } from './parameters.js';
import type { SpecWorld } from './world.js';

/**
 * One body per step, registered once per language and form with that language's phrases from
 * `locales/<lng>/steps.json` (forms.ts: German and Dutch have a form per word order; grammar.ts checks which
 * one fits the keyword). `{role}`, `{num}`… in a phrase become the language's own parameter type.
 */
// Cucumber hands step bodies their parameters untyped; each body declares the types its phrase yields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StepBody = (this: SpecWorld, ...args: any[]) => Promise<void> | void;

const bodies = new Map<string, StepBody>();

export function localize(phrase: string, lng: Lang): string {
  return phrase.replace(/\{([A-Za-z_]+)\}/g, (whole, name: string) => (localizedTypes.includes(name) ? `{${typeName(name, lng)}}` : whole));
}

export function step(id: string, body: StepBody): void {
  if (bodies.has(id)) throw new Error(`internal: step ${id} is defined twice`);
  defineParameterTypes();
  bodies.set(id, body);
  for (const lng of LANGS) {
    const forms = formsOf(lng).get(id) ?? [];
    if (forms.length === 0 || forms.some((f) => f.phrase.trim() === '')) throw new Error(`internal: step ${id} has no phrase in locales/${lng}/steps.json`);
    for (const f of forms) defineStep(localize(f.phrase, lng), body);
  }
}
