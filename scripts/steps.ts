/**
 * `npm run steps [-- --lang de] [-- --json]`: the step phrases per language with their forms (the word orders
 * German and Dutch use after each keyword), parameter types with every accepted label, an example taken from the
 * features (or built from the labels when no feature uses the step yet), and what "the contract", "the pro-forma
 * invoice" and "the proposal" refer to. Lists are complete.
 */
import { dialects } from '@cucumber/gherkin';
import type { Clause } from '../steps/support/forms.js';
import { say, synthesize, typeHelp } from '../steps/support/help.js';
import { LANGS, type Lang, isLang } from '../steps/support/labels.js';
import { loadPickles } from './lib/features.js';
import { compilePhrases, parametersOf, stepIdsWithBody } from './lib/expressions.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const args = process.argv.slice(2);
const langArg = args[args.indexOf('--lang') + 1];
const langs: Lang[] = args.includes('--lang') && langArg && isLang(langArg) ? [langArg] : [...LANGS];
const bodies = stepIdsWithBody();

/** The keywords a form follows: its own kind and the conjunctions (grammar.ts). */
function keywordsOf(clause: Clause, lng: Lang): string {
  const d = dialects[lng];
  if (!d || clause === 'any') return say(lng, 'steps.any');
  const clean = (ks: readonly string[]): string[] => ks.map((k) => k.trim()).filter((k) => k !== '*');
  const own = clause === 'main' ? d.given : clause === 'sub' ? d.when : d.then;
  return [...clean(own), ...clean(d.and), ...clean(d.but)].join('/');
}

interface Listed { form: string; clause: Clause; keywords: string; example: string }
const out: Record<string, { context: string; steps: Record<string, { phrase: string; forms: Listed[]; parameters: string[]; types: string[]; file: string }> }> = {};
for (const lng of langs) {
  const { pickles, keywords } = loadPickles(lng);
  const texts = pickles.flatMap((p) => p.steps.map((s) => ({ text: s.text, keyword: keywords.get(s.astNodeIds[0] ?? '')?.keyword.trim() ?? '' })));
  const steps: (typeof out)[string]['steps'] = {};
  for (const c of compilePhrases(lng)) {
    const used = texts.find((t) => c.expression?.match(t.text));
    const entry = steps[c.id] ?? { phrase: c.phrase, forms: [], parameters: parametersOf(c.phrase), types: [], file: bodies.get(c.id) ?? '(no body)' };
    const kw = keywordsOf(c.clause === 'any' ? 'main' : c.clause, lng).split('/')[0] ?? '';
    entry.forms.push({ form: c.phrase, clause: c.clause, keywords: [...new Set([c.clause, ...(c.also ?? [])].flatMap((k) => keywordsOf(k, lng).split('/')))].join('/'), example: used ? `${used.keyword} ${used.text}` : `${kw} ${synthesize(c.phrase, lng)}` });
    entry.types = [...new Set(entry.parameters)].map((p) => typeHelp(p, lng));
    steps[c.id] = entry;
  }
  out[lng] = { context: say(lng, 'context.explain'), steps };
}

if (args.includes('--json')) {
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const lng of langs) {
    const l = out[lng];
    if (!l) continue;
    console.log(`\n=== ${lng} (locales/${lng}/steps.json) ===\n\n${l.context}`);
    for (const [id, s] of Object.entries(l.steps)) {
      console.log(`\n${id}  [steps/${s.file}]`);
      for (const f of s.forms) console.log(`  ${s.forms.length > 1 ? `(${say(lng, 'steps.after')} ${f.keywords}) ` : ''}${f.form}\n      ${say(lng, 'undefined.example')}: ${f.example}`);
      for (const t of s.types) console.log(`  ${t}`);
    }
    console.log(`\n${say(lng, 'steps.optional')}`);
  }
}
