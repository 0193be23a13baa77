/**
 * `npm run steps [-- --lang de] [-- --json]`: the step phrases per language with their parameter types and an
 * example taken from the features (or built from the labels when no feature uses the step yet).
 */
import { LANGS, type Lang, isLang, labelsOf } from '../steps/support/labels.js';
import { labelTypes } from '../steps/support/parameters.js';
import { formatNumber } from '../steps/support/numbers.js';
import { loadPickles } from './lib/features.js';
import { compilePhrases, parametersOf, stepIdsWithBody } from './lib/expressions.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const args = process.argv.slice(2);
const langArg = args[args.indexOf('--lang') + 1];
const langs: Lang[] = args.includes('--lang') && langArg && isLang(langArg) ? [langArg] : [...LANGS];
const bodies = stepIdsWithBody();

const typeHelp = (name: string, lng: Lang): string => {
  if (name === 'string') return 'string: "text in quotes"';
  if (name === 'num') return `num: a number as ${lng} writes it, e.g. ${formatNumber(1600, lng)}`;
  const type = labelTypes.find((t) => t.name === name);
  if (!type) return name;
  const labels = [...labelsOf(lng, type.path).values()].flat();
  return `${name}: ${type.path} — ${labels.slice(0, 4).map((l) => `"${l}"`).join(', ')}${labels.length > 4 ? ', …' : ''}`;
};

/** An example when no feature uses the phrase: optional text dropped, first alternative, sample values. */
function synthesize(phrase: string, lng: Lang): string {
  return phrase
    .replace(/\([^)]*\)/g, '')
    .replace(/(\S+)\/\S+/g, '$1')
    .replace(/\{([a-z]*)\}/g, (_w, name: string) => {
      if (name === 'string') return '"Contoso Ltd."';
      if (name === 'num') return formatNumber(8, lng, 0);
      const type = labelTypes.find((t) => t.name === name);
      return type ? ([...labelsOf(lng, type.path).values()].flat()[0] ?? name) : name;
    })
    .replace(/\s+/g, ' ').trim();
}

const out: Record<string, Record<string, { phrase: string; parameters: string[]; example: string; file: string }>> = {};
for (const lng of langs) {
  const pickles = loadPickles(lng).pickles;
  const texts = pickles.flatMap((p) => p.steps.map((s) => s.text));
  out[lng] = {};
  for (const c of compilePhrases(lng)) {
    const example = texts.find((t) => c.expression?.match(t)) ?? synthesize(c.phrase, lng);
    out[lng][c.id] = { phrase: c.phrase, parameters: parametersOf(c.phrase), example, file: bodies.get(c.id) ?? '(no body)' };
  }
}

if (args.includes('--json')) {
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const lng of langs) {
    console.log(`\n=== ${lng} (locales/${lng}/steps.json) ===`);
    for (const [id, s] of Object.entries(out[lng] ?? {})) {
      console.log(`\n${id}  [steps/${s.file}]`);
      console.log(`  phrase:  ${s.phrase}`);
      for (const p of [...new Set(s.parameters)]) console.log(`  {${typeHelp(p, lng)}}`);
      console.log(`  example: ${s.example}`);
    }
  }
  console.log('\nOptional text is written (like this), alternatives like/this. Numbers, labels and quotes as shown.');
}
