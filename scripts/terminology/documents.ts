/** Document check: any Markdown, text or feature file (or folder of them), reported per line. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { checkTextLines, detectLanguage, documentLines } from './document.js';
import { featureLines, parseFeature } from './features.js';
import type { GlossaryIndex } from './glossary.js';
import { say } from './say.js';
import { summarize, type Finding, type Lng, type Report } from './types.js';

const DOC_EXT = new Set(['.md', '.markdown', '.txt', '.feature', '']);

function collect(path: string, out: string[], missing: string[]): void {
  let st;
  try { st = statSync(path); } catch { missing.push(path); return; }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(path, name);
      const s = statSync(p);
      if (s.isDirectory() || DOC_EXT.has(extname(name).toLowerCase())) collect(p, out, missing);
    }
  } else out.push(path);
}

/** A feature file is read as Gherkin (keywords, tags, comments and doc strings are not prose), anything else as Markdown. */
export function checkDocumentText(idx: GlossaryIndex, file: string, text: string, lng: Lng = detectLanguage(idx, file, text)): Finding[] {
  if (extname(file).toLowerCase() === '.feature') {
    const pf = parseFeature(lng, file, text);
    if (pf.error) return [{ rule: 'id-parity', severity: 'error', lng, file, message: say(lng, 'parse', { error: pf.error }) }];
    return checkTextLines(idx, featureLines(pf), { file, lng, reportUses: true, documentedRejectedWarn: true });
  }
  return checkTextLines(idx, documentLines(text), { file, lng, reportUses: true, documentedRejectedWarn: true });
}

export function checkDocuments(idx: GlossaryIndex, paths: readonly string[], cwd = process.cwd()): Report {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) collect(resolve(cwd, p), files, missing);
  const findings: Finding[] = [];
  const shown: string[] = [];
  const langs = new Set<Lng>();
  for (const f of files) {
    const name = relative(cwd, f) || f;
    shown.push(name);
    const text = readFileSync(f, 'utf8');
    const lng = detectLanguage(idx, name, text);
    langs.add(lng);
    findings.push(...checkDocumentText(idx, name, text, lng));
  }
  const [only] = langs;
  const lng: Lng = langs.size === 1 && only ? only : 'en';
  const notes = missing.map((path) => say(lng, 'notFound', { path }));
  return { mode: 'documents', lng, root: cwd, checked: { documents: shown }, notes, findings, summary: summarize(findings) };
}
