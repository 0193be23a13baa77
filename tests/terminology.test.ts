/**
 * Terminology checker: every rule fires on the `fire` fixture and stays quiet on `quiet`
 * (tests/fixtures/terminology/), plus the document check of the seed pages.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkDocuments, checkDocumentText, checkProject, formatJson, formatTable, indexGlossary, loadGlossary, renderTerminologyHtml, validateGlossary,
  type Finding, type Glossary, type RuleId,
} from '../scripts/terminology/index.js';
import { phraseToRegExp } from '../scripts/terminology/steps.js';
import { pageLiterals } from '../scripts/terminology/pages.js';

const here = dirname(fileURLToPath(import.meta.url));
const FIX = join(here, 'fixtures', 'terminology');
const ROOT = join(here, '..');
/**
 * The real seed pages live beside the repository (../shared/seeds), not in it: a clone without them skips those
 * tests with a note. PO_SEEDS_DIR points elsewhere (a worktree, or a missing folder to try the skip).
 */
const SEEDS = process.env.PO_SEEDS_DIR ?? join(ROOT, '..', 'shared', 'seeds');
const HAVE_SEEDS = existsSync(SEEDS);

const fire = checkProject(join(FIX, 'fire'));
const quiet = checkProject(join(FIX, 'quiet'));
const of = (fs: readonly Finding[], rule: RuleId): Finding[] => fs.filter((f) => f.rule === rule);
const realIdx = indexGlossary(loadGlossary(join(ROOT, 'locales', 'glossary.json')));
const fixIdx = indexGlossary(loadGlossary(join(FIX, 'glossary.json')));

describe('project check: quiet fixture', () => {
  it('has no errors and no warnings', () => {
    assert.deepEqual(quiet.findings.filter((f) => f.severity !== 'info').map((f) => f.message), []);
    assert.equal(quiet.summary.errors, 0);
  });
  it('reports what it checked', () => {
    assert.equal(quiet.checked.features?.length, 3);
    assert.equal(quiet.checked.steps?.length, 3);
    assert.deepEqual(quiet.checked.pages, ['simulator/demo/index.html']);
  });
});

describe('project check: each rule fires', () => {
  const cases: [RuleId, (f: Finding) => boolean][] = [
    ['key-missing', (f) => f.lng === 'de' && f.key === 'labels:options.status.2'],
    ['key-extra', (f) => f.lng === 'nl' && f.key === 'labels:options.status.9'],
    ['key-unused', (f) => f.key === 'labels:options.unused.x'],
    ['label-preferred', (f) => f.key === 'labels:entities.invoice.one' && f.lng === 'de' && f.expected === 'Proforma-Rechnung'],
    ['rejected-term', (f) => f.key === 'labels:processes.import_staging' && f.lng === 'nl'],
    ['rejected-term', (f) => f.key === 'labels:options.cls.1' && f.lng === 'de' && f.term === 'Uhrzeit'],
    ['rejected-term', (f) => f.file === 'features/nl/confirm.feature' && f.term === 'Formulieropslag importeren' && f.line === 8],
    ['other-language', (f) => f.file === 'features/nl/confirm.feature' && f.term === 'Proforma-Rechnung'],
    ['untranslated-english', (f) => f.file === 'features/de/confirm.feature' && f.term === 'the'],
    ['untranslated-english', (f) => f.file === 'locales/nl/errors.json' && f.term === 'invoice'],
    ['id-parity', (f) => f.message.includes('@id:only-nl is missing in en')],
    ['id-parity', (f) => f.message.includes('@id:only-nl-2 is missing in en')],
    ['id-parity', (f) => f.message.includes('@id:only-nl-3 is missing in de')],
    ['step-count', (f) => f.lng === 'de' && f.message.includes('2 steps in de but 3 in en')],
    ['step-meaning', (f) => f.lng === 'nl' && f.message.includes('"invoice.confirm" in nl but "invoice.status" in en')],
    ['step-undefined', (f) => f.lng === 'nl' && f.line === 13],
    ['ui-literal', (f) => f.term === 'Project invoice status'],
    ['ui-literal', (f) => f.term === 'Run now'],
  ];
  for (const [rule, pred] of cases) {
    it(`${rule} fires`, () => {
      assert.ok(of(fire.findings, rule).some(pred), `${rule}: ${JSON.stringify(of(fire.findings, rule), null, 1)}`);
      assert.equal(of(quiet.findings, rule).length, 0, `${rule} quiet`);
    });
  }
  it('a label that differs with a recorded reason is information, not an error', () => {
    const r = of(quiet.findings, 'label-reason');
    assert.equal(r.length, 1);
    assert.equal(r[0]?.severity, 'info');
  });
  it('exits with errors (summary) only for the fire fixture', () => {
    assert.ok(fire.summary.errors > 0);
    assert.equal(quiet.summary.errors, 0);
  });
  it('reports one finding per problem (a rejected label is not reported twice)', () => {
    assert.equal(fire.findings.filter((f) => f.key === 'labels:processes.import_staging' && f.rule === 'rejected-term').length, 1);
  });
});

describe('glossary', () => {
  it('the project glossary is valid and covers every label it links', () => {
    const g = loadGlossary(join(ROOT, 'locales', 'glossary.json'));
    assert.deepEqual(validateGlossary(g), []);
    const ids = new Set(g.concepts.map((c) => c.id));
    for (const id of ['dual_write', 'table_map', 'map_pi_v2', 'map_actuals', 'map_txconn', 'import_staging', 'proforma', 'tc_time', 'fo_apps', 'ms_paused']) assert.ok(ids.has(id), id);
  });
  it('glossary rule fires on a rejected term that is also accepted, quiet on the fixture', () => {
    const g = JSON.parse(readFileSync(join(FIX, 'glossary.json'), 'utf8')) as Glossary;
    assert.deepEqual(validateGlossary(g), []);
    const bad = JSON.parse(JSON.stringify(g)) as { concepts: { terms: { de: { rejected?: { term: string; reason: string }[] } } }[] };
    bad.concepts[1]?.terms.de.rejected?.push({ term: 'Proforma-Rechnung', reason: 'test' });
    assert.ok(validateGlossary(bad as unknown as Glossary).some((f) => f.rule === 'glossary'));
  });
  it('every label of the project matches the glossary (no label-preferred errors)', () => {
    const r = checkProject(ROOT);
    assert.deepEqual(of(r.findings, 'label-preferred').map((f) => f.message), []);
    assert.deepEqual(of(r.findings, 'key-missing').map((f) => f.message), []);
  });
});

describe('document check: fixtures', () => {
  const doc = (name: string): Finding[] => checkDocumentText(realIdx, name, readFileSync(join(FIX, 'docs', name), 'utf8'));
  it('fires on rejected term, spelling inconsistency and English in nl', () => {
    const f = doc('fire-nl.md');
    assert.ok(f.some((x) => x.rule === 'rejected-term' && x.term === 'Formulieropslag importeren' && x.line === 6));
    assert.ok(f.some((x) => x.rule === 'inconsistent-spelling' && x.concept === 'proforma'));
    assert.ok(f.some((x) => x.rule === 'untranslated-english' && x.term === 'invoice' && x.line === 7));
  });
  it('stays quiet on a correct nl document (names wrapped across lines included)', () => {
    assert.deepEqual(doc('quiet-nl.md').filter((x) => x.severity !== 'info').map((x) => x.message), []);
  });
  it('fires on two spellings and on "Uhrzeit" as transaction class in de', () => {
    const f = doc('fire-de.md');
    assert.ok(f.some((x) => x.rule === 'inconsistent-spelling' && x.concept === 'import_staging'));
    assert.ok(f.some((x) => x.rule === 'rejected-term' && x.term === 'Uhrzeit'));
    assert.ok(f.some((x) => x.rule === 'mixed-variants' && x.severity === 'info'));
  });
  it('stays quiet on de: link text is a citation, "Uhrzeit" as clock time is fine', () => {
    assert.deepEqual(doc('quiet-de.md').filter((x) => x.severity !== 'info').map((x) => x.message), []);
  });
  it('other-language fires in a document and stays quiet for shared words', () => {
    const fired = checkDocumentText(fixIdx, 'x.nl.md', '# language: nl\nDe Proforma-Rechnung wordt bevestigd.\n');
    assert.ok(fired.some((x) => x.rule === 'other-language'));
    const calm = checkDocumentText(fixIdx, 'x.nl.md', '# language: nl\nDe pro-formafactuur wordt bevestigd in Dataverse.\n');
    assert.equal(calm.filter((x) => x.severity !== 'info').length, 0);
  });
});

/** A seed test runs where the seed pages exist, and is otherwise skipped with a visible note. */
function seedIt(name: string, fn: () => void): void {
  it(name, (t) => {
    if (!HAVE_SEEDS) { t.skip(`seed pages not found at ${SEEDS} (they live beside the repository in ../shared/seeds; set PO_SEEDS_DIR to check them)`); return; }
    fn();
  });
}

describe('document check: the seed pages', () => {
  const r = HAVE_SEEDS ? checkDocuments(realIdx, [SEEDS]) : { findings: [] as Finding[], checked: {} as Record<string, string[]> };
  const nl = r.findings.filter((f) => f.lng === 'nl');
  const de = r.findings.filter((f) => f.lng === 'de');
  seedIt('reads both seeds, German and Dutch', () => {
    assert.equal(r.checked.documents?.length, 2);
    assert.ok(nl.length > 0 && de.length > 0);
  });
  seedIt('reports "Formulieropslag importeren" in the Dutch page with its reason', () => {
    const f = nl.find((x) => x.rule === 'rejected-term' && x.term === 'Formulieropslag importeren');
    assert.ok(f);
    assert.equal(f.line, 29);
    assert.match(f.message, /Import form staging/);
    assert.equal(f.expected, 'Importeren uit opslagtabel');
  });
  seedIt('reports the two spellings of pro-forma invoice in the Dutch page', () => {
    const f = nl.find((x) => x.rule === 'inconsistent-spelling' && x.concept === 'proforma');
    assert.ok(f);
    assert.match(f.message, /"Pro-formafactuur"/);
    assert.match(f.message, /"Pro forma-factuur"/);
  });
  seedIt('raises nothing else in the Dutch page', () => {
    assert.equal(nl.filter((x) => x.severity !== 'info').length, 2);
  });
  seedIt('raises nothing in the German page; official variants are reported as used terms', () => {
    assert.deepEqual(de.filter((x) => x.severity !== 'info').map((x) => x.message), []);
    assert.ok(de.some((x) => x.rule === 'uses-term' && x.term === 'Istwerte'));
    assert.ok(de.some((x) => x.rule === 'uses-variant' && x.concept === 'map_actuals'));
    assert.ok(de.some((x) => x.rule === 'uses-term' && x.concept === 'import_staging'));
  });
});

describe('document check: feature files (tags, ids, code and identifiers are not prose)', () => {
  const problems = (fs: readonly Finding[]): string[] => fs.filter((x) => x.severity !== 'info').map((x) => `${x.line ?? ''}: ${x.message}`);
  for (const lng of ['en', 'de', 'nl'] as const) {
    it(`the project's own ${lng} features: no errors, no warnings, only notes on terms`, () => {
      const r = checkDocuments(realIdx, [join(ROOT, 'features', lng)], ROOT);
      assert.equal(r.checked.documents?.length, 8, "seven feature files and invoice-statuses.feature");
      assert.deepEqual(problems(r.findings), []);
      assert.deepEqual([...new Set(r.findings.map((x) => x.rule))].filter((x) => !['uses-term', 'uses-variant', 'mixed-variants'].includes(x)), []);
    });
  }
  it('a correct new German feature: nothing but a note on the map name copied from the German page (variant, preferred term, source)', () => {
    const f = checkDocumentText(realIdx, 'quiet-new-de.feature', readFileSync(join(FIX, 'docs', 'quiet-new-de.feature'), 'utf8'));
    assert.deepEqual(problems(f), []);
    const notes = f.filter((x) => x.rule !== 'uses-term');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]?.rule, 'uses-variant');
    assert.equal(notes[0]?.term, 'Project Operations Integrationsistwerte (msdyn_actuals)');
    assert.equal(notes[0]?.expected, 'Ist-Werte für die Project Operations-Integration (msdyn_actuals)');
    assert.match(notes[0]?.message ?? '', /SEED-DE/);
  });
  it('a faulty new German feature: only the real finding (English in the prose), none on its tags', () => {
    const f = checkDocumentText(realIdx, 'fire-new-de.feature', readFileSync(join(FIX, 'docs', 'fire-new-de.feature'), 'utf8'));
    assert.deepEqual(problems(f), ['4: "pro-forma invoice" is the en term for proforma; in de write "Proforma-Rechnung"']);
  });
  it('tags, code spans and quoted identifiers in Markdown are not prose; quoted terms still are', () => {
    const md = '# language: de\nDie Tabellenzuordnung `actuals confirm` und @id:confirm-unchanged und "msdyn_actuals" und "ProjCDSActualsImport".\nDer Prozess "Import" und die "pro-forma invoice".\n';
    const f = checkDocumentText(realIdx, 'x.de.md', md);
    assert.deepEqual(problems(f), ['3: "pro-forma invoice" is the en term for proforma; in de write "Proforma-Rechnung"']);
  });
  it('a rejected term that a Microsoft page uses is a warning naming the preferred term; without a source, an error', () => {
    const f = checkDocumentText(realIdx, 'x.feature', '# language: nl\nFunctionaliteit: X\n  Scenario: Y\n    Als het periodieke proces "Formulieropslag importeren" wordt uitgevoerd\n');
    const r = f.find((x) => x.rule === 'rejected-term');
    assert.equal(r?.severity, 'warning');
    assert.equal(r?.expected, 'Importeren uit opslagtabel');
    assert.equal(of(fire.findings, 'rejected-term').find((x) => x.key === 'labels:processes.import_staging')?.severity, 'error', 'in a label it stays an error');
  });
});

describe('output', () => {
  it('table groups by language and file', () => {
    const t = formatTable(fire);
    assert.ok(t.indexOf('== en ==') < t.indexOf('== de ==') && t.indexOf('== de ==') < t.indexOf('== nl =='));
    assert.match(t, /features\/nl\/confirm\.feature/);
    assert.match(t, /\d+ error\(s\)/);
  });
  it('JSON round-trips the report', () => {
    const j = JSON.parse(formatJson(fire)) as { summary: { errors: number }; findings: unknown[] };
    assert.equal(j.summary.errors, fire.summary.errors);
    assert.equal(j.findings.length, fire.findings.length);
  });
  it('HTML page lists findings and escapes text', () => {
    const html = renderTerminologyHtml(fire);
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /Formulieropslag importeren/);
    assert.ok(!html.includes('<h1>Project invoice status</h1>'));
  });
});

describe('helpers', () => {
  it('cucumber expressions: params, optional text, alternatives', () => {
    const re = phraseToRegExp('(enthält )die Tabelle {entity} (enthält ){num} Datensatz/Datensätze');
    assert.ok(re.test('die Tabelle Istwerte enthält 3 Datensätze'));
    assert.ok(!re.test('die Spalte Istwerte enthält 3 Datensätze'));
  });
  it('ui-literal: data-i18n elements and product names are quiet', () => {
    assert.equal(pageLiterals(fixIdx, 'p.html', '<p data-i18n="ui:x">Fallback</p><span>Dataverse</span><b>42</b>').length, 0);
    assert.equal(pageLiterals(fixIdx, 'p.html', '<p>Confirm</p>').length, 1);
  });
});
