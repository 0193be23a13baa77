/**
 * The one place `npm run docs` reads the statements it documents from: the registry of rules (simulator/rules/,
 * texts in locales/<lng>/rules.json), which `@doc:` tags name.
 */
import type { Lang } from '../../steps/support/labels.js';
import { loadRules } from '../lib/rules.js';

export interface DocStatement {
  readonly id: string;
  /** `rule`: behaviour a scenario verifies; `context`: a statement with nothing to verify. */
  readonly kind: 'rule' | 'context';
  /** The statement in the site's language. */
  readonly text: string;
  /** The Microsoft page and section that state it, or our convention with its reason (in the site's language). */
  readonly source: { readonly kind: 'microsoft'; readonly repo: string; readonly page: string; readonly section: string } | { readonly kind: 'convention'; readonly note: string };
}

export function readStatements(lang: Lang): DocStatement[] {
  return loadRules().map((r) => ({
    id: r.id, kind: r.kind === 'context' ? 'context' : 'rule', text: r.text[lang].statement ?? '',
    source: r.source === 'convention'
      ? { kind: 'convention', note: r.text[lang].convention ?? '' }
      : { kind: 'microsoft', repo: r.source.repo ?? 'MicrosoftDocs/dynamics-365-project-operations', page: r.source.page, section: r.source.section },
  }));
}
