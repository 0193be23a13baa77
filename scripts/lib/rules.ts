/**
 * The registry of rules (simulator/rules/ with its texts in locales/<lng>/rules.json) as the scripts read it, and
 * the checks `npm run trace` (and so `npm test`) applies to it. One place for rules: features/statements.json is gone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../../steps/support/labels.js';
import { type RuleDef, rules } from '../../simulator/rules/index.js';
import { projectRoot } from '../../simulator/paths.js';

export interface RuleText { readonly statement?: string; readonly convention?: string }
export interface RuleEntry extends RuleDef { readonly text: Readonly<Record<Lang, RuleText>> }

export function loadRuleTexts(root = projectRoot): Record<Lang, Record<string, RuleText>> {
  return Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(root, 'locales', l, 'rules.json'), 'utf8')) as Record<string, RuleText>])) as Record<Lang, Record<string, RuleText>>;
}

/** Every rule with its texts, in registry order. */
export function loadRules(): RuleEntry[] {
  const texts = loadRuleTexts();
  return rules.map((r) => ({ ...r, text: Object.fromEntries(LANGS.map((l) => [l, texts[l][r.id] ?? {}])) as Record<Lang, RuleText> }));
}

/** A rule that Microsoft's pages state (not a convention of ours) and that has behaviour to verify. */
export const isDocumented = (r: RuleDef): boolean => r.source !== 'convention' && r.kind !== 'context';

/** The source in one line: `repo: page § section`, or `convention: <reason>`. */
export function sourceLine(r: RuleEntry, lang: Lang): string {
  if (r.source === 'convention') return `convention: ${r.text[lang].convention ?? '(no reason given)'}`;
  return `${r.source.repo ?? 'MicrosoftDocs/dynamics-365-project-operations'}: ${r.source.page} § ${r.source.section}`;
}

/**
 * What fails the trace: a rule without a statement in a language; a rule with neither a source (page and section)
 * nor a convention note; a documented rule (not a convention, not context) that no scenario verifies in a language.
 * `scenarios` counts the scenarios of each language that name the rule in a @doc tag.
 */
export function ruleProblems(entries: readonly RuleEntry[], scenarios: ReadonlyMap<string, ReadonlyMap<Lang, number>>): string[] {
  const out: string[] = [];
  for (const r of entries) {
    for (const l of LANGS) if (!r.text[l].statement?.trim()) out.push(`${r.id}: no statement in ${l} (locales/${l}/rules.json)`);
    if (r.source === 'convention') {
      for (const l of LANGS) if (!r.text[l].convention?.trim()) out.push(`${r.id}: neither a source nor a convention note in ${l}`);
    } else if (!r.source.page.trim() || !r.source.section.trim()) {
      out.push(`${r.id}: neither a source (page and section) nor a convention note`);
    }
    if (isDocumented(r)) for (const l of LANGS) if (!(scenarios.get(r.id)?.get(l) ?? 0)) out.push(`${r.id}: documented rule without a scenario in ${l}`);
  }
  return out;
}

/**
 * Conventions read as such in the features: a scenario that verifies a convention of ours carries the tag
 * `@convention` (and says in its wording that it is our choice); a scenario with `@convention` verifies one.
 */
export function conventionTagProblems(where: string, docs: readonly string[], tagged: boolean, ruleOf: (id: string) => RuleDef | undefined): string[] {
  const conventions = docs.filter((d) => ruleOf(d)?.source === 'convention');
  if (conventions.length && !tagged) return [`${where}: verifies the convention ${conventions.join(', ')} but has no @convention tag`];
  if (!conventions.length && tagged) return [`${where}: tagged @convention but names no convention in a @doc tag`];
  return [];
}
