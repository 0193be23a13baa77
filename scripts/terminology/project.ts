/** The project check: glossary, locales, features, demo pages, unused keys. No side effects beyond reading files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoPages } from './pages.js';
import { featureText, loadFeatures, scenarioParity } from './features.js';
import { indexGlossary, loadGlossary, validateGlossary } from './glossary.js';
import { keyParity, labelsVsGlossary, loadLocales, localeStrings } from './locales.js';
import { loadPhrases } from './steps.js';
import { summarize, type Finding, type Report } from './types.js';
import { readSources, unusedKeys } from './usage.js';

export const GLOSSARY_FILE = join('locales', 'glossary.json');

export function checkProject(rootDir: string): Report {
  const notes: string[] = [];
  const findings: Finding[] = [];
  const glossaryPath = join(rootDir, GLOSSARY_FILE);
  if (!existsSync(glossaryPath)) {
    const f: Finding = { rule: 'glossary', severity: 'error', file: GLOSSARY_FILE, message: 'glossary not found' };
    return { mode: 'project', root: rootDir, checked: {}, notes, findings: [f], summary: summarize([f]) };
  }
  const g = loadGlossary(glossaryPath);
  findings.push(...validateGlossary(g, GLOSSARY_FILE));
  const idx = indexGlossary(g);
  const loc = loadLocales(rootDir);
  findings.push(...keyParity(loc), ...labelsVsGlossary(idx, loc), ...localeStrings(idx, loc));
  const { features, notes: fNotes } = loadFeatures(rootDir);
  notes.push(...fNotes);
  const { phrases, notes: pNotes, files: stepFiles } = loadPhrases(rootDir);
  if (features.length > 0) notes.push(...pNotes);
  findings.push(...featureText(idx, features), ...scenarioParity(features, phrases));
  const pages = demoPages(idx, rootDir);
  if (pages.files.length === 0) notes.push('simulator/demo: no HTML pages');
  findings.push(...pages.findings);
  const sources = readSources(rootDir);
  findings.push(...unusedKeys(loc, sources));
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = `${f.rule}|${f.file ?? ''}|${f.line ?? ''}|${f.key ?? ''}|${f.term ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const checked: Record<string, string[]> = {
    glossary: [GLOSSARY_FILE],
    locales: [...loc.values()].flatMap((m) => [...m.values()].map((f) => f.file)),
    features: features.map((f) => f.file),
    steps: stepFiles,
    pages: pages.files,
    sources: [`${sources.files.length} files searched for key references`],
  };
  return { mode: 'project', root: rootDir, checked, notes, findings: unique, summary: summarize(unique) };
}
