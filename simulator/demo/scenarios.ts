import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { GherkinDocument, Pickle } from '@cucumber/messages';
import type { Lang } from '../i18n.js';

type Gherkin = { generateMessages: typeof import('@cucumber/gherkin').generateMessages } & Pick<typeof import('@cucumber/messages'), 'IdGenerator' | 'SourceMediaType'>;
let gherkin: Gherkin | null | undefined;

/**
 * Cucumber's Gherkin compiler is a development dependency (the scenarios are this repository's own): loaded on first
 * use, synchronously; null when it is not installed (the simulator installed as a package in another project).
 */
export function gherkinCompiler(): Gherkin | null {
  if (gherkin === undefined) {
    const require = createRequire(import.meta.url);
    try {
      const { generateMessages } = require('@cucumber/gherkin') as typeof import('@cucumber/gherkin');
      const { IdGenerator, SourceMediaType } = require('@cucumber/messages') as typeof import('@cucumber/messages');
      gherkin = { generateMessages, IdGenerator, SourceMediaType };
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw e;
      gherkin = null;
    }
  }
  return gherkin;
}

/** Thrown where the scenario player or its list needs cucumber and it is not installed. */
export class PlayerUnavailableError extends Error {
  constructor() {
    super('scenario player unavailable: @cucumber/cucumber or the features are not installed'); // the router answers ui:errors.playerUnavailable
    this.name = 'PlayerUnavailableError';
  }
}

/**
 * The scenarios of `features/<lng>/*.feature`, compiled by cucumber's own Gherkin compiler into pickles: the
 * steps listed here (background included) are, in order, the steps cucumber runs, so a step's index is its
 * identity between the list and a run.
 */
export interface ScenarioStep {
  readonly keyword: string;
  readonly text: string;
}

export interface Scenario {
  /** The `@id:<name>` tag (same in every language), or the file and line when a scenario has none. */
  readonly id: string;
  readonly name: string;
  readonly feature: string;
  /** Path relative to the project root, with `/`. */
  readonly file: string;
  /** Line of the scenario (or example row) in its file: cucumber runs exactly this pickle given `file:line`. */
  readonly line: number;
  readonly tags: readonly string[];
  readonly steps: readonly ScenarioStep[];
}


function featureFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...featureFiles(p));
    else if (e.endsWith('.feature')) out.push(p);
  }
  return out;
}

/** Parses every feature file of a language. Files that do not parse are left out (the specs report them). */
export function loadScenarios(root: string, lang: Lang): Scenario[] {
  const g = gherkinCompiler();
  if (!g) throw new PlayerUnavailableError();
  const { generateMessages, IdGenerator, SourceMediaType } = g;
  const out: Scenario[] = [];
  for (const path of featureFiles(join(root, 'features', lang))) {
    const file = relative(root, path).split(sep).join('/');
    let envelopes;
    try {
      envelopes = generateMessages(readFileSync(path, 'utf8'), file, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
        includeSource: false, includeGherkinDocument: true, includePickles: true, newId: IdGenerator.incrementing(),
      });
    } catch {
      continue;
    }
    let doc: GherkinDocument | undefined;
    const pickles: Pickle[] = [];
    for (const env of envelopes) {
      if (env.gherkinDocument) doc = env.gherkinDocument;
      if (env.pickle) pickles.push(env.pickle);
    }
    if (!doc?.feature) continue;
    const keywords = new Map<string, string>();
    const lines = new Map<string, number>();
    const visit = (children: readonly { background?: { steps: readonly { id: string; keyword: string }[] }; scenario?: { id: string; location: { line: number }; steps: readonly { id: string; keyword: string }[]; examples: readonly { tableBody: readonly { id: string; location: { line: number } }[] }[] }; rule?: { children: readonly unknown[] } }[]): void => {
      for (const c of children) {
        for (const s of c.background?.steps ?? []) keywords.set(s.id, s.keyword.trim());
        if (c.scenario) {
          lines.set(c.scenario.id, c.scenario.location.line);
          for (const s of c.scenario.steps) keywords.set(s.id, s.keyword.trim());
          for (const ex of c.scenario.examples) for (const row of ex.tableBody) lines.set(row.id, row.location.line);
        }
        if (c.rule) visit(c.rule.children as Parameters<typeof visit>[0]);
      }
    };
    visit(doc.feature.children as unknown as Parameters<typeof visit>[0]);
    for (const p of pickles) {
      const idTag = p.tags.map((t) => t.name).find((t) => t.startsWith('@id:'));
      // An example row's pickle points at the scenario and the row; the row's line selects it.
      const line = lines.get(p.astNodeIds[p.astNodeIds.length - 1] ?? '') ?? lines.get(p.astNodeIds[0] ?? '') ?? 0;
      out.push({
        id: idTag ? idTag.slice(4) : `${file}:${line}`,
        name: p.name, feature: doc.feature.name, file, line,
        tags: p.tags.map((t) => t.name),
        steps: p.steps.map((s) => ({ keyword: keywords.get(s.astNodeIds[0] ?? '') ?? '', text: s.text })),
      });
    }
  }
  // Scenario outlines share an @id: number their examples (1, 2…) so that each key is unique and the same in
  // every language (lines differ between languages, the order of the examples does not).
  const total = new Map<string, number>();
  for (const s of out) total.set(s.id, (total.get(s.id) ?? 0) + 1);
  const nth = new Map<string, number>();
  return out.map((s) => {
    if ((total.get(s.id) ?? 0) < 2) return s;
    const n = (nth.get(s.id) ?? 0) + 1;
    nth.set(s.id, n);
    return { ...s, id: `${s.id}:${n}` };
  });
}
