import { BeforeStep } from '@cucumber/cucumber';
import type { Step } from '@cucumber/messages';
import type { KeywordType, StepType } from './grammar.js';
import { grammarProblem } from './help.js';
import { isLang } from './labels.js';
import type { SpecWorld } from './world.js';

/** The Gherkin step of a pickle step (its keyword is not part of the pickle). */
function gherkinStep(doc: { feature?: { children: readonly unknown[] } }, id: string): Step | undefined {
  type Child = { rule?: { children: readonly Child[] }; background?: { steps: readonly Step[] }; scenario?: { steps: readonly Step[] } };
  const walk = (children: readonly Child[]): Step | undefined => {
    for (const c of children) {
      const found = c.rule ? walk(c.rule.children) : (c.scenario ?? c.background)?.steps.find((s) => s.id === id);
      if (found) return found;
    }
    return undefined;
  };
  return walk((doc.feature?.children ?? []) as readonly Child[]);
}

/**
 * Before each step: forget the names said in the previous step, and refuse a step written in a word order its
 * keyword does not take (grammar.ts), with the right form in the feature's language.
 */
BeforeStep(function (this: SpecWorld, { gherkinDocument, pickle, pickleStep }) {
  this.told.clear();
  if (!isLang(pickle.language)) return;
  const s = gherkinStep(gherkinDocument, pickleStep.astNodeIds[0] ?? '');
  if (!s) return;
  const problem = grammarProblem(pickle.language, pickleStep.text, s.keyword, (s.keywordType ?? 'Unknown') as KeywordType, (pickleStep.type ?? 'Unknown') as StepType);
  if (problem) throw new Error(problem);
});
