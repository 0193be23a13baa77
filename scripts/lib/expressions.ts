import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { type Clause, formsOf } from '../../steps/support/forms.js';
import type { Lang } from '../../steps/support/labels.js';
import { parameterTypesFor } from '../../steps/support/parameters.js';
import { localize } from '../../steps/support/phrases.js';
import { root } from './features.js';

/**
 * The step phrases of one language compiled the way cucumber compiles them (same parameter types),
 * for checks and listings outside a cucumber run.
 */
export interface CompiledPhrase {
  readonly id: string;
  readonly phrase: string;
  /** Word order of this form (forms.ts); 'any' for a plain phrase. */
  readonly clause: Clause;
  readonly also?: readonly Clause[];
  readonly expression?: CucumberExpression;
  readonly error?: string;
}

export function registryFor(lng: Lang): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  for (const p of parameterTypesFor(lng)) registry.defineParameterType(new ParameterType(p.name, p.regexp, null, p.transformer, false, false));
  return registry;
}

export function compilePhrases(lng: Lang): CompiledPhrase[] {
  const registry = registryFor(lng);
  return [...formsOf(lng)].flatMap(([id, forms]) => forms.map(({ phrase, clause, also }) => {
    try {
      return { id, phrase, clause, ...(also ? { also } : {}), expression: new CucumberExpression(localize(phrase, lng), registry) };
    } catch (e) {
      return { id, phrase, clause, ...(also ? { also } : {}), error: e instanceof Error ? e.message : String(e) };
    }
  }));
}

/** Parameter names of a phrase in order, e.g. ['role', 'num']. */
export const parametersOf = (phrase: string): string[] => [...phrase.matchAll(/\{([A-Za-z_]*)\}/g)].map((m) => m[1] ?? '');

/** Step ids that have a body: `step('<id>', …)` in steps/*.steps.ts. */
export function stepIdsWithBody(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(root, 'steps');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.steps.ts')).sort()) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bstep\(\s*'([^']+)'/g)) out.set(m[1] ?? '', f);
  }
  return out;
}
