import { dialects } from '@cucumber/gherkin';
import type { Clause } from './forms.js';
import { allowedClauses, type KeywordType, type StepType } from './grammar.js';
import { likelyLanguage, undefinedHelp } from './help.js';

/**
 * Snippet syntax for cucumber (`formatOptions.snippetSyntax` in cucumber.mjs): for an undefined step, the
 * closest phrases of the feature's language with their parameters and an example, instead of JavaScript.
 * Cucumber hands a snippet syntax the step text with values replaced by `{string}`, `{int}`…, and the kind of
 * step (Given/When/Then); the language is the one whose phrases come closest.
 */
interface BuildOptions {
  readonly functionName: string;
  readonly generatedExpressions: readonly { readonly source: string }[];
}

const TYPE: Record<string, StepType> = { Given: 'Context', When: 'Action', Then: 'Outcome' };
const DIALECT_KEY: Record<StepType, 'given' | 'when' | 'then' | undefined> = { Context: 'given', Action: 'when', Outcome: 'then', Unknown: undefined };

export default class PhraseSnippetSyntax {
  build({ functionName, generatedExpressions }: BuildOptions): string {
    const text = (generatedExpressions[0]?.source ?? '').replace(/\\(.)/g, '$1');
    const lng = likelyLanguage(text);
    const type = TYPE[functionName] ?? 'Unknown';
    const key = DIALECT_KEY[type];
    const keyword = (key ? dialects[lng]?.[key].find((k) => k.trim() !== '*') : undefined) ?? '';
    // the example starts with the step kind's own keyword (Wenn, Als…), so the forms shown are the ones it takes
    const allowed: ReadonlySet<Clause> | undefined = allowedClauses(lng, type as KeywordType, type);
    return undefinedHelp(lng, text, keyword, allowed);
  }
}
