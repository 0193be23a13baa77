/**
 * Writing a scenario in one's own language (issue 13, items 1-3): cucumber runs small German and Dutch features
 * written for this test in a temp dir, as a child process, and the step help and the terminology check are
 * asked directly. Covers: an undefined step shows the closest phrases of its language (no JavaScript snippet);
 * both German word orders; ungrammatical order refused with the right form; 19 % and 19%; a number in the wrong
 * language's format names the expected form; a glossary variant works as a parameter and the terminology check
 * notes it; the step that used "the pro-forma invoice" names it in the report.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDocumentText, indexGlossary, loadGlossary } from '../scripts/terminology/index.js';
import { grammarProblem, undefinedHelp } from '../steps/support/help.js';
import { parseNumber } from '../steps/support/numbers.js';
import { resolveLabel } from '../steps/support/parameters.js';
import PhraseSnippetSyntax from '../steps/support/snippets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const DE = `# language: de
Funktionalität: Probe der Schreibhilfe
  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 19% Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung

  Szenario: Hauptsatz nach Und
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager bestätigt die Proforma-Rechnung
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"
    Und die Tabellenzuordnung "Project Operations Integrationsistwerte (msdyn_actuals)" hat den Status "Wird ausgeführt"

  Szenario: Nebensatz nach Wenn
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager die Proforma-Rechnung bestätigt hat
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 1.600,00

  Szenario: Verb an falscher Stelle
    Wenn der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt

  Szenario: Englische Zahl
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 1,600.00

  Szenario: Falscher Betrag
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 1.500,00

  Szenario: Unbekannter Satz
    Wenn der Projektmanager die Proformarechnung freigibt

  Szenario: Falscher Abrechnungsstatus
    Dann hat der ursprüngliche Istwert für nicht fakturierte Umsätze den Abrechnungsstatus "Kundenrechnung gebucht"

  Szenario: Falscher Zuordnungsstatus
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" den Status "Pausiert"
`;

const DE_PERCENT = `# language: de
Funktionalität: Prozent mit Leerzeichen
  Szenario: DIN 5008
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 19 % Umsatzsteuer
`;

const NL = `# language: nl
Functionaliteit: Proef van de schrijfhulp
  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 19 % omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."

  Scenario: Term van de Nederlandse pagina
    Als het periodieke proces "Formulieropslag importeren" wordt uitgevoerd
    Dan bevat de tabel Projectfactuurvoorstellen 0 records

  Scenario: Onbekende zin
    Als de projectmanager de pro-formafactuur goedkeurt

  Scenario: Verkeerde status van de tabeltoewijzing
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" de status "Gestopt"

  Scenario: Verkeerde achterstand
    Dan toont de achterstand in facturering van het contract 1.000 uur

  Scenario: Geen poging
    Dan wordt de bewerking geweigerd
`;

interface JsonStep { keyword: string; name?: string; result: { status: string; error_message?: string }; embeddings?: { mime_type: string; data: string }[] }
interface JsonScenario { name: string; steps: JsonStep[] }
interface JsonFeature { elements: JsonScenario[] }

let dir = '';
let stdout = '';
let scenarios: JsonScenario[] = [];
const scenario = (name: string): JsonScenario => {
  const s = scenarios.find((x) => x.name === name);
  assert.ok(s, `scenario ${name} ran`);
  return s;
};
const failed = (s: JsonScenario): JsonStep | undefined => s.steps.find((x) => x.result.status === 'failed');
const texts = (s: JsonScenario): string => s.steps.flatMap((x) => (x.embeddings ?? []).filter((e) => e.mime_type.startsWith('text/')).map((e) => Buffer.from(e.data, 'base64').toString('utf8'))).join('\n');

describe('a cucumber run of features written in German and Dutch', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'po-authoring-'));
    writeFileSync(join(dir, 'de.feature'), DE);
    writeFileSync(join(dir, 'de-percent.feature'), DE_PERCENT);
    writeFileSync(join(dir, 'nl.feature'), NL);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@cucumber/cucumber/bin/cucumber.js'), dir, '--format', `json:${join(dir, 'report.json')}`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    stdout = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 1, `cucumber fails (a failing and an undefined step): ${stdout.slice(-2000)}`);
    scenarios = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonFeature[]).flatMap((f) => f.elements);
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('German: "Und der Projektmanager bestätigt …" (main clause) passes, and a map name from the German page works', () => {
    const s = scenario('Hauptsatz nach Und');
    assert.deepEqual(s.steps.filter((x) => x.result.status !== 'passed' && x.keyword.trim() !== '').map((x) => x.name), []);
  });
  it('German: the verb-final order after Wenn passes, 19% works', () => {
    assert.ok(scenario('Nebensatz nach Wenn').steps.every((x) => x.result.status === 'passed'));
  });
  it('German: 19 % (with a space, DIN 5008) works too', () => {
    assert.ok(scenario('DIN 5008').steps.every((x) => x.result.status === 'passed'));
  });
  it('German: "Wenn der Projektmanager hat … erstellt" is refused, in German, with the right order', () => {
    const f = failed(scenario('Verb an falscher Stelle'));
    assert.ok(f);
    assert.match(f.result.error_message ?? '', /Nach „Wenn“ steht das Verb am Ende\. Schreiben Sie: Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt/);
  });
  it('German: 1,600.00 fails and names the German form 1.600,00', () => {
    const f = failed(scenario('Englische Zahl'));
    assert.ok(f);
    assert.match(f.result.error_message ?? '', /„1,600\.00“ ist keine Zahl in deutscher Schreibweise: Schreiben Sie 1\.600,00/);
  });
  it('a failed check speaks German: what was found and what the step expects, in German number format', () => {
    const f = failed(scenario('Falscher Betrag'));
    assert.ok(f);
    assert.match(f.result.error_message ?? '', /Proforma-Rechnung \S+: 1\.600,00; erwartet: 1\.500,00/);
  });
  // Step failures speak the feature's language (issue 13, item 1): labels as the language names them, numbers as
  // it writes them, and none of the English words the messages used to have.
  const ENGLISH = /\b(?:expected|billing status|has|hours|queued|found|the scenario|backlog shows)\b/i;
  it('a wrong expected billing status fails in German, with the German labels', () => {
    const msg = failed(scenario('Falscher Abrechnungsstatus'))?.result.error_message ?? '';
    assert.match(msg, /^Error: Abrechnungsstatus: "Bereit für die Rechnungsstellung"; erwartet: "Kundenrechnung gebucht"/);
    assert.doesNotMatch(msg.split('\n')[0] ?? '', ENGLISH);
  });
  it('a wrong expected map state fails in German', () => {
    const msg = failed(scenario('Falscher Zuordnungsstatus'))?.result.error_message ?? '';
    assert.match(msg, /^Error: Tabellenzuordnung "Ist-Werte für die Project Operations-Integration \(msdyn_actuals\)": "Wird ausgeführt"; erwartet: "Pausiert"/);
    assert.doesNotMatch(msg.split('\n')[0] ?? '', ENGLISH);
  });
  it('a wrong expected map state fails in Dutch', () => {
    const msg = failed(scenario('Verkeerde status van de tabeltoewijzing'))?.result.error_message ?? '';
    assert.match(msg, /^Error: Tabeltoewijzing "Integratie van werkelijke waarden in Project Operations \(msdyn_actuals\)": "Actief"; verwacht: "Gestopt"/);
    assert.doesNotMatch(msg.split('\n')[0] ?? '', ENGLISH);
  });
  it('a wrong expected backlog fails in Dutch, numbers written the Dutch way', () => {
    const msg = failed(scenario('Verkeerde achterstand'))?.result.error_message ?? '';
    assert.match(msg, /^Error: Achterstallige facturering van tijd en materiaal: 0 uur; verwacht: 1\.000 uur/);
    assert.doesNotMatch(msg.split('\n')[0] ?? '', ENGLISH);
  });
  it('a step that needs what no earlier step made says so in Dutch', () => {
    const msg = failed(scenario('Geen poging'))?.result.error_message ?? '';
    assert.match(msg, /^Error: Deze stap heeft een geprobeerde bewerking uit een eerdere stap van het scenario nodig\./);
    assert.doesNotMatch(msg.split('\n')[0] ?? '', ENGLISH);
  });
  it('an undefined German step shows the closest German phrases with parameters and an example, no JavaScript', () => {
    assert.equal(scenario('Unbekannter Satz').steps.find((x) => x.name?.includes('freigibt'))?.result.status, 'undefined');
    assert.match(stdout, /Kein Satz aus locales\/de\/steps\.json passt zu „der Projektmanager die Proformarechnung freigibt“/);
    assert.match(stdout, /der \{role\} die Proforma-Rechnung bestätigt\s+\[invoice\.confirm\]/);
    assert.match(stdout, /\{role\}: "Projektmanager"/);
    assert.match(stdout, /Beispiel: Wenn der Projektmanager die Proforma-Rechnung bestätigt/);
    assert.doesNotMatch(stdout, /function \(|async function|When\('/);
  });
  it('cucumber\'s report around the help speaks the features\' languages: no English header, titles, hooks or counts', () => {
    // cucumber-js writes these in fixed English; steps/support/progress.ts replaces its progress formatter
    assert.doesNotMatch(stdout, /Undefined\. Implement with the following snippet/);
    assert.doesNotMatch(stdout, /^(Failures|Warnings):$|^\d+ (scenario|step)s? \(|executing steps|^\s+✔ (Before|After)\b/m);
    assert.match(stdout, /^Fehlschläge:$/m);
    assert.match(stdout, /^Mislukt:$/m);
    assert.match(stdout, /^\d+\) Szenario: Unbekannter Satz # /m);
    assert.match(stdout, /^\s+✔ Vor dem Szenario # /m);
    assert.match(stdout, /^\[de\] \d+ Szenarien \(\d+ fehlgeschlagen, \d+ ohne passenden Satz, \d+ bestanden\)$/m);
    assert.match(stdout, /^\[nl\] \d+ scenario's \(\d+ mislukt, \d+ zonder passende zin, \d+ geslaagd\)$/m);
  });
  it('Dutch: "Formulieropslag importeren" from the Dutch page runs the import process; 19 % works', () => {
    assert.ok(scenario('Term van de Nederlandse pagina').steps.every((x) => x.result.status === 'passed'));
  });
  it('an undefined Dutch step shows the closest Dutch phrases', () => {
    assert.match(stdout, /Geen zin uit locales\/nl\/steps\.json past bij "de projectmanager de pro-formafactuur goedkeurt"/);
    assert.match(stdout, /voorbeeld: Als de projectmanager de pro-formafactuur bevestigt/);
  });
  it('a step that uses "the pro-forma invoice" names it in the report, in German', () => {
    assert.match(texts(scenario('Hauptsatz nach Und')), /die Proforma-Rechnung: \S+ \(die zuletzt in diesem Szenario erstellte\)/);
    assert.match(texts(scenario('Hauptsatz nach Und')), /der Vertrag: "ERP-Einführung" \(die zuletzt in diesem Szenario erstellte\)/);
  });
});

describe('the step help and the terminology check, asked directly', () => {
  const idx = indexGlossary(loadGlossary(join(ROOT, 'locales', 'glossary.json')));
  it('the snippet syntax answers in the language of the step text (English here), not with JavaScript', () => {
    const out = new PhraseSnippetSyntax().build({ functionName: 'When', generatedExpressions: [{ source: 'the project manager approves the pro-forma invoice {string}' }] });
    assert.match(out, /^No phrase of locales\/en\/steps\.json matches/);
    assert.match(out, /the \{role\} confirms the pro-forma invoice \{string\}\s+\[invoice\.confirmNamed\]/);
    assert.match(out, /example: When the project manager confirms the pro-forma invoice "Contoso Ltd\."/);
  });
  it('numbers: each language reads its own form; the other form names the expected one', () => {
    assert.equal(parseNumber('1.600,00', 'de'), 1600);
    assert.equal(parseNumber('1,600.00', 'en'), 1600);
    assert.throws(() => parseNumber('1.600,00', 'en'), /write 1,600\.00/);
    assert.throws(() => parseNumber('1,600.00', 'nl'), /schrijf 1\.600,00/);
  });
  it('grammar: Dutch "Als" takes the verb last, "Dan" first; the right form is given', () => {
    assert.match(grammarProblem('nl', 'de projectmanager bevestigt de pro-formafactuur', 'Als ', 'Action', 'Action') ?? '', /Schrijf: Als de projectmanager de pro-formafactuur bevestigt/);
    assert.match(grammarProblem('de', 'die Proforma-Rechnung hat den Projektrechnungsstatus "Bestätigt"', 'Dann ', 'Outcome', 'Outcome') ?? '', /Schreiben Sie: Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"/);
    assert.equal(grammarProblem('de', 'der Projektmanager bestätigt die Proforma-Rechnung', 'Und ', 'Conjunction', 'Action'), undefined);
    assert.equal(grammarProblem('en', 'the project manager confirms the pro-forma invoice', 'When ', 'Action', 'Action'), undefined);
  });
  it('undefined help lists every label of a parameter (no cut) and the documented variants', () => {
    const help = undefinedHelp('de', 'die Tabellenzuordnung "X" hat den Status "Y"', 'Dann ');
    assert.doesNotMatch(help, /…/);
    assert.match(help, /"Juristische Personen \(cdm_companies\)"/);
    assert.match(help, /"Project Operations Integrationsistwerte \(msdyn_actuals\)"/);
  });
  it('a documented variant resolves to the same map and process as the preferred term', () => {
    assert.equal(resolveLabel('map', 'de', 'Project Operations Integrationsistwerte (msdyn_actuals)'), resolveLabel('map', 'de', 'Ist-Werte für die Project Operations-Integration (msdyn_actuals)'));
    assert.equal(resolveLabel('process', 'nl', 'Formulieropslag importeren'), 'import_staging');
    assert.throws(() => resolveLabel('process', 'nl', 'Formulier importeren'), /is geen van/);
  });
  it('the terminology check notes the variant with the preferred term and its source; a documented rejected term is a warning', () => {
    const de = checkDocumentText(idx, 'x.feature', DE);
    const v = de.find((f) => f.rule === 'uses-variant' && f.concept === 'map_actuals');
    assert.ok(v);
    assert.equal(v.severity, 'info');
    assert.equal(v.expected, 'Ist-Werte für die Project Operations-Integration (msdyn_actuals)');
    assert.match(v.message, /SEED-DE/);
    const nl = checkDocumentText(idx, 'x.feature', NL);
    const r = nl.find((f) => f.rule === 'rejected-term' && f.term === 'Formulieropslag importeren');
    assert.ok(r);
    assert.equal(r.severity, 'warning');
    assert.equal(r.expected, 'Importeren uit opslagtabel');
    assert.equal(nl.filter((f) => f.severity === 'error').length, 0);
  });
});
