import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { type GherkinDocument, IdGenerator, type Pickle } from '@cucumber/messages';
import { LANGS, type Lang } from '../../steps/support/labels.js';
import { projectRoot } from '../../simulator/paths.js';

/** The features of each language, compiled to pickles (one per scenario or Examples row). */
export const root = projectRoot; // decoded file path (a URL's pathname would keep %20 for a space)

export interface LangPickles {
  readonly lang: Lang;
  readonly files: readonly string[];
  readonly pickles: readonly Pickle[];
  /** Keyword of each Gherkin step by its AST node id (a pickle step's astNodeIds[0]). */
  readonly keywords: ReadonlyMap<string, { readonly keyword: string; readonly keywordType: string; readonly line: number }>;
  /** The parsed feature files (keywords, feature names), by uri. */
  readonly documents: ReadonlyMap<string, GherkinDocument>;
}

export function loadPickles(lang: Lang): LangPickles {
  const dir = join(root, 'features', lang);
  const files = readdirSync(dir).filter((f) => f.endsWith('.feature')).sort();
  const newId = IdGenerator.incrementing();
  const pickles: Pickle[] = [];
  const keywords = new Map<string, { keyword: string; keywordType: string; line: number }>();
  const documents = new Map<string, GherkinDocument>();
  for (const f of files) {
    const uri = `features/${lang}/${f}`;
    const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher(lang));
    const doc = parser.parse(readFileSync(join(dir, f), 'utf8'));
    pickles.push(...compile({ ...doc, uri }, uri, newId));
    const blocks = (doc.feature?.children ?? []).flatMap((c) => (c.rule ? c.rule.children : [c]));
    for (const b of blocks) for (const s of (b.scenario ?? b.background)?.steps ?? []) keywords.set(s.id, { keyword: s.keyword, keywordType: s.keywordType ?? 'Unknown', line: s.location.line });
    documents.set(uri, { ...doc, uri });
  }
  return { lang, files, pickles, keywords, documents };
}

export const allPickles = (): LangPickles[] => LANGS.map(loadPickles);

export const tagValues = (p: Pickle, prefix: string): string[] =>
  p.tags.map((t) => t.name).filter((n) => n.startsWith(`@${prefix}:`)).map((n) => n.slice(prefix.length + 2));
