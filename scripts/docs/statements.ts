/**
 * The one place `npm run docs` reads the statements it documents from. Today: features/statements.json (the
 * documentation's statements and the simulator's rules that `@doc:` tags name). When the rule registry
 * (DESIGN.md "One registry of rules") replaces that file, only this module changes.
 */
import type { Lang } from '../../steps/support/labels.js';
import { loadStatements } from '../lib/features.js';

export interface DocStatement {
  readonly id: string;
  /** `rule`: behaviour a scenario verifies; `context`: a statement with nothing to verify. */
  readonly kind: 'rule' | 'context';
  /** The statement in the site's language. */
  readonly text: string;
  /** `seed`: the Microsoft page the specs start from; otherwise a citation of the project's domain notes. */
  readonly source: { readonly kind: 'microsoft'; readonly page: 'seed' } | { readonly kind: 'notes'; readonly citation: string };
}

export function readStatements(lang: Lang): DocStatement[] {
  return Object.entries(loadStatements()).map(([id, st]) => ({
    id, kind: st.kind, text: st.text[lang],
    source: st.source === 'seed' ? { kind: 'microsoft', page: 'seed' } : { kind: 'notes', citation: st.source },
  }));
}
