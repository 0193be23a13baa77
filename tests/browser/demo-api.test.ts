import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailFieldNames, txClassOf, type DemoState } from '../../simulator/demo/state.js';
import { loadScenarios } from '../../simulator/demo/scenarios.js';
import { STEP_AREAS, AREAS, areasOf } from '../../simulator/demo/areas.js';
import { demoServer, root } from './support.js';

/** The demo page's JSON endpoints and resources, without a browser. */
const LANGS = ['en', 'de', 'nl'] as const;
const env = demoServer({ browser: false });

function flatten(node: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(path, node);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, path ? `${path}.${k}` : k, out);
  return out;
}
const ui = (lang: string): Map<string, string> => flatten(JSON.parse(readFileSync(join(root, 'locales', lang, 'ui.json'), 'utf8')));

test('ui.json has the same keys in en, de and nl, none empty', () => {
  const en = [...ui('en').keys()].sort();
  for (const lang of LANGS) {
    const map = ui(lang);
    assert.deepEqual([...map.keys()].sort(), en, lang);
    for (const [k, v] of map) assert.ok(v.trim().length > 0, `${lang}: ${k} is empty`);
  }
});

test('every field the record panel shows has a label in every language', () => {
  for (const lang of LANGS) {
    const map = ui(lang);
    const missing = detailFieldNames().filter((f) => !map.has(`fields.${f}`));
    assert.deepEqual(missing, [], lang);
  }
});

test('no literal word in the page code: HTML text comes from data-i18n, JS writes no quoted prose', () => {
  const html = readFileSync(join(root, 'simulator/demo/public/index.html'), 'utf8');
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
  assert.deepEqual(text.match(/\p{L}{2,}/gu), null, 'text outside tags in index.html');
  const js = readFileSync(join(root, 'simulator/demo/public/app.js'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  // Text reaches the page through el(tag, class, text) and textContent: never as a literal.
  assert.deepEqual(js.match(/\bel\([^()]*?,[^()]*?,\s*['"`][^'"`]*\p{L}/gu), null, 'literal text given to el()');
  assert.deepEqual(js.match(/\.(textContent|innerText|title)\s*=\s*['"`][^'"`]*\p{L}/gu), null, 'literal text assigned');
  assert.deepEqual(js.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/g), null, 'no HTML from strings');
});

test('scenarios of each language parse with the same @id set, steps in pickle order', () => {
  const ids = LANGS.map((l) => loadScenarios(root, l).map((s) => s.id).sort());
  assert.ok((ids[0] ?? []).length > 0);
  assert.deepEqual(ids[1], ids[0]);
  assert.deepEqual(ids[2], ids[0]);
  const happy = loadScenarios(root, 'de').find((s) => s.id === 'happy-path');
  assert.ok(happy);
  assert.equal(happy.steps[0]?.keyword, 'Angenommen', 'background first, with its keyword');
});

test('every step id of locales/en/steps.json has its areas of the picture', () => {
  const ids = Object.keys(JSON.parse(readFileSync(join(root, 'locales/en/steps.json'), 'utf8')) as Record<string, unknown>);
  assert.deepEqual(ids.filter((id) => !(id in STEP_AREAS)), []);
  for (const areas of Object.values(STEP_AREAS)) for (const a of areas) assert.ok((AREAS as readonly string[]).includes(a), a);
  assert.deepEqual(areasOf('map.pause', 'the dual-write table map "Project invoice proposal V2 (invoices)" is paused', 'en'), ['map-pi_v2']);
  assert.deepEqual(areasOf('process.run', 'het periodieke proces "Factuurvoorstellen boeken" wordt uitgevoerd', 'nl').includes('post'), true);
});

test('GET /demo/i18n, /demo/state, /demo/record answer JSON; refusals are localized', async () => {
  const res = await fetch(`${env.url}/demo/i18n/nl`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { ui: { app: { title: string } }; labels: unknown; errors: unknown };
  assert.equal(body.ui.app.title, 'Integratie van projectfacturen');
  assert.ok(body.labels && body.errors);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);

  const bad = await fetch(`${env.url}/demo/i18n/fr`, { headers: { 'Accept-Language': 'de' } });
  assert.equal(bad.status, 404);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /Unbekannte Sprache/);

  const state = (await (await fetch(`${env.url}/demo/state`)).json()) as { boxes: Record<string, { total: number; items: { table: string; id: string }[] }>; maps: unknown[] };
  assert.equal(state.maps.length, 6, 'the four maps of the invoice integration, the milestone map and the Enhanced pro-forma invoice export');
  assert.ok(state.boxes.invoices && state.boxes.invoices.total >= 2, 'demo data has posted customer invoices');
  const first = state.boxes.invoices.items[0];
  assert.ok(first);
  const rec = await fetch(`${env.url}/demo/record/${first.table}/${encodeURIComponent(first.id)}`);
  assert.equal(rec.status, 200);
  const detail = (await rec.json()) as { related?: { table: string; rows: unknown[] } };
  assert.equal(detail.related?.table, 'LedgerVoucher');
  assert.ok((detail.related?.rows.length ?? 0) >= 3, 'the voucher lines');

  for (const path of ['/demo/record/sim_meta/clock', '/demo/record/account/x', '/demo/record/CustomerInvoice/none']) {
    const r = await fetch(`${env.url}${path}`, { headers: { 'Accept-Language': 'nl' } });
    assert.equal(r.status, 404, path);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /bestaat niet/);
  }
});

test('POST /demo/play refuses unknown scenarios, languages and a second run', async () => {
  const post = (body: unknown): Promise<Response> => fetch(`${env.url}/demo/play`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: JSON.stringify(body) });
  assert.equal((await post({ id: 'no-such-scenario', lang: 'en' })).status, 404);
  assert.equal((await post({ id: 'happy-path', lang: 'fr' })).status, 400);
  assert.equal((await post({ id: '<script>', lang: 'de' })).status, 404);
  const first = await post({ id: 'happy-path', lang: 'en', mode: 'step', delayMs: 0 });
  assert.equal(first.status, 202);
  const second = await post({ id: 'happy-path', lang: 'en' });
  assert.equal(second.status, 409);
  assert.match(((await second.json()) as { error: { message: string } }).error.message, /already playing/);
  await fetch(`${env.url}/demo/play/stop`, { method: 'POST' });
  const state = (await (await fetch(`${env.url}/demo/play`)).json()) as { status: string };
  assert.equal(state.status, 'stopped');
});

test('the snapshot carries the flow beyond time: transaction classes, another currency than the legal entity\'s, tax totals, six maps', async () => {
  await env.sim.reset(true);
  const state = (await (await fetch(`${env.url}/demo/state`)).json()) as DemoState;
  // Every map of the solution has its card and its area on the page.
  const html = readFileSync(join(root, 'simulator/demo/public/index.html'), 'utf8');
  assert.deepEqual(state.maps.map((m) => m.id).sort(), ['actuals', 'customerinvoices', 'legal_entities', 'milestones', 'pi_v2', 'txconn']);
  for (const m of state.maps) {
    assert.ok(html.includes(`data-map="${m.id}" data-area="map-${m.id}"`), `card of ${m.id}`);
    assert.ok((AREAS as readonly string[]).includes(`map-${m.id}`), `area of ${m.id}`);
  }
  const classes = (box: keyof DemoState['boxes']): Set<unknown> => new Set(state.boxes[box].items.flatMap((i) => (i.classes ?? []).map((c) => c.value)));
  // The demo data bills time, expenses and a milestone on one invoice (INV-00001): its actuals, staging rows, proposal lines show them.
  for (const box of ['actuals', 'staging', 'lines', 'proforma', 'proposals', 'invoices'] as const) {
    assert.ok(classes(box).has(192350000), `${box}: time`);
    assert.ok(classes(box).has(192350001) || classes(box).has(192350003), `${box}: expense or milestone`);
  }
  // The EUR contract in USPM (accounting currency USD) is marked; EUR in DEMF (its own currency) is not.
  const items = Object.values(state.boxes).flatMap((b) => b.items);
  assert.ok(items.some((i) => i.company === 'USPM' && i.currency === 'EUR' && i.otherCurrency === 'EUR'), 'EUR in USPM');
  assert.ok(items.some((i) => i.company === 'DEMF' && i.currency === 'EUR'), 'EUR in DEMF');
  assert.ok(items.every((i) => !(i.company === 'DEMF' && i.otherCurrency)), 'DEMF books in EUR');
  assert.ok(items.every((i) => !(i.company === 'USPM' && i.currency === 'USD' && i.otherCurrency)), 'USPM books in USD');
  // Tax totals: the customer invoices' sales tax amounts as Finance has them.
  const fo = (await (await fetch(`${env.url}/data/CustomerInvoices?cross-company=true`)).json()) as { value: { InvoiceId: string; dataAreaId: string; SalesTaxAmount: number }[] };
  for (const i of state.boxes.invoices.items) {
    const rec = fo.value.find((r) => r.InvoiceId === i.title && r.dataAreaId.toUpperCase() === i.company?.toUpperCase());
    assert.equal(i.tax, rec?.SalesTaxAmount, i.title);
  }
  for (const i of state.boxes.proforma.items) assert.equal(typeof i.tax, 'number', `${i.title}: total tax`);
  // Several integration journals, each with its status.
  assert.ok(state.boxes.journal.total >= 2);
  for (const j of state.boxes.journal.items) assert.equal(j.status?.set, 'journalLineStatus');
});

test('a record\'s transaction class: Dataverse option, Finance enum name, a name without an option passed on as data', () => {
  assert.deepEqual(txClassOf({ msdyn_transactionclassification: 192350001 }), { set: 'msdyn_transactionclassification', value: 192350001 });
  assert.deepEqual(txClassOf({ TransactionClassification: 'Fee' }), { set: 'msdyn_transactionclassification', value: 192350004 });
  assert.deepEqual(txClassOf({ TransactionClassification: 'Material' }), { set: 'msdyn_transactionclassification', value: 192350002 });
  assert.deepEqual(txClassOf({ TransactionClassification: 'Subscription' }), { set: 'transactionClass', value: 'Subscription', ns: 'codes' });
  assert.equal(txClassOf({ Description: 'no class' }), undefined);
});
