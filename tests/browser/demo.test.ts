import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { demoServer, pageText, reports, root } from './support.js';

/**
 * The stakeholder page in real Chromium against the real server (demo data, ephemeral port): in each language
 * the happy path is played through the real feature files and step definitions, the steps turn green, the
 * Finance lane shows the posted customer invoice and the Dataverse actuals its voucher number; no raw i18n key
 * and (de, nl) no English word is left on the page. One screenshot per language: reports/demo-<lng>.png.
 */
const LANGS = ['en', 'de', 'nl'] as const;
type Lang = (typeof LANGS)[number];

const env = demoServer();

async function open(lang: Lang, query = ''): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  await page.goto(`${env.url}/?lang=${lang}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

const jsErrors = (page: Page): string[] => (page as Page & { jsErrors?: string[] }).jsErrors ?? [];

// ---- words on the page -----------------------------------------------------------------------------------
/** Every string of a resource, by key path. */
function flatten(node: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(path, node);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, path ? `${path}.${k}` : k, out);
  return out;
}
const readJson = (lang: Lang, ns: string): unknown => {
  try {
    return JSON.parse(readFileSync(join(root, 'locales', lang, `${ns}.json`), 'utf8'));
  } catch {
    return {}; // a namespace not written yet
  }
};
const wordsOf = (text: string): string[] => (text.match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? []).map((w) => w.toLowerCase());
/** Words German and Dutch share with English on purpose (product names, true cognates), left as they are. */
const COGNATES = new Set(['dataverse', 'live', 'status', 'sponsor', 'journal', 'name', 'material', 'original', 'scenario', 'record', 'project', 'open', 'de', 'nl', 'en']);
/**
 * The words a language may show: its resources and its feature files. A resource string left identical to the
 * English one (untranslated) does not vouch for its words unless they are known cognates.
 */
function resourceWords(lang: Lang): Set<string> {
  const words = new Set<string>();
  for (const ns of ['ui', 'labels', 'errors', 'steps']) {
    const en = flatten(readJson('en', ns));
    for (const [path, s] of flatten(readJson(lang, ns))) {
      const ws = wordsOf(s.replace(/\{\{?[^}]*\}?\}/g, ' '));
      for (const w of ws) if (lang === 'en' || en.get(path) !== s || COGNATES.has(w)) words.add(w);
    }
  }
  // The language's own feature files (the specs shown in the player are written in it).
  for (const f of readdirSync(join(root, 'features', lang)).filter((x) => x.endsWith('.feature'))) {
    for (const w of wordsOf(readFileSync(join(root, 'features', lang, f), 'utf8'))) words.add(w);
  }
  return words;
}

function assertNoRawKeys(text: string, lang: Lang): void {
  const raw = text.match(/\b(?:ui|labels|errors|steps):[\w.]+|\b[a-z][a-zA-Z]*\.[a-z][a-zA-Z_]*(?:\.[\w]+)*\b|\{\{|_one\b|_other\b|\bundefined\b|\bnull\b|\bNaN\b/g);
  assert.equal(raw, null, `${lang}: raw i18n keys or empty values on the page: ${raw?.join(', ')}`);
}

function assertNoEnglish(text: string, lang: Lang): void {
  const english = resourceWords('en');
  const own = resourceWords(lang);
  const leftovers = [...new Set(wordsOf(text))].filter((w) => english.has(w) && !own.has(w));
  assert.deepEqual(leftovers, [], `${lang}: English words on the page: ${leftovers.join(', ')}`);
}

/** Pauses a map with its card's button (German page), then resumes it. */
async function pauseAndResume(page: Page, map: string): Promise<void> {
  const card = page.locator(`.map[data-map="${map}"]`);
  await card.locator('button[data-op="pause"]').click();
  await page.waitForSelector(`.map[data-map="${map}"][data-state="Paused"]`);
  assert.equal(await card.locator('.map-state').textContent(), 'Pausiert');
  await card.locator('button[data-op="resume"]').click();
  await page.waitForSelector(`.map[data-map="${map}"][data-state="Running"]`);
}

// ---- tests -----------------------------------------------------------------------------------------------
test('the page is served with a self-only Content-Security-Policy, its assets from the server itself', async () => {
  const res = await fetch(`${env.url}/`, { headers: { Accept: 'text/html' } });
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  const html = await res.text();
  assert.doesNotMatch(html, /https?:\/\//, 'no CDN or other origin');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/i, 'no inline script, style or handler');
  for (const asset of ['/demo/assets/app.js', '/demo/assets/demo.css', '/demo/vendor/i18next.js']) {
    assert.equal((await fetch(`${env.url}${asset}`)).status, 200, asset);
  }
  // API clients asking for JSON still get the entry points.
  const json = (await (await fetch(`${env.url}/`, { headers: { Accept: 'application/json' } })).json()) as Record<string, unknown>;
  assert.match(String(json.dataverse), /\/api\/data\/v9\.2\/$/);
});

test('record data is escaped: markup in a record stays text', async () => {
  await env.sim.reset(true);
  const draft = (await (await fetch(`${env.url}/api/data/v9.2/invoices?$filter=msdyn_projectinvoicestatus eq 192350000`)).json()) as { value: { invoiceid: string }[] };
  const id = draft.value[0]?.invoiceid;
  assert.ok(id, 'the demo data has a draft invoice');
  const payload = '<img src=x onerror="window.__xss=1"><b>bold</b>';
  const patched = await fetch(`${env.url}/api/data/v9.2/invoices(${id})`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: payload }) });
  assert.ok(patched.ok, `PATCH ${patched.status}`);
  const page = await open('en');
  const chip = page.locator(`.chip[data-id="${id}"]`);
  await chip.click();
  await page.waitForSelector('#detail-body .fields');
  assert.equal(await chip.locator('.chip-sub').textContent(), payload);
  assert.equal(await page.locator('main img, main b').count(), 0, 'no element was made from record data');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('a refusal shows its rule: the statement in the page\'s language and a link to /sim/rules/<id>', async () => {
  await env.sim.reset(true);
  const page = await open('nl');
  // The demo's waiting proposal has no lines until Import from staging table runs: posting it is refused.
  const openProposal = page.locator('[data-box="proposals"] .chip', { has: page.locator('.badge[data-status="Open"]') }).first();
  await openProposal.click();
  await page.click('#detail-body button[data-op="post"]');
  await page.waitForSelector('#toast.show .toast-rule .rule-statement');
  const rules = JSON.parse(readFileSync(join(root, 'locales', 'nl', 'rules.json'), 'utf8')) as Record<string, { statement: string }>;
  assert.equal(await page.locator('#toast .rule-link').textContent(), 'rule.post-needs-lines');
  assert.equal(await page.locator('#toast .rule-link').getAttribute('href'), '/sim/rules/rule.post-needs-lines');
  assert.equal(await page.locator('#toast .rule-statement').textContent(), rules['rule.post-needs-lines']?.statement);
  assert.equal(await page.locator('#toast .rule-label').textContent(), 'Regel:');
  // The rule is one of our conventions (the pages are silent): the toast says so.
  assert.equal(await page.locator('#toast .rule-convention').count(), 1);
  const message = await page.locator('#toast .toast-message').textContent();
  assert.ok(message && message !== 'An error has occurred.', message ?? '');
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('presenter controls: pause and resume a map, post a journal, run Import from staging table, post a proposal, advance the clock', async () => {
  await env.sim.reset(true);
  const page = await open('de');
  await pauseAndResume(page, 'pi_v2');
  // The demo's waiting proposal: post the draft integration journal, import from staging, post the proposal.
  await page.locator('[data-box="journal"] .chip', { has: page.locator('.badge[data-status="Draft"]') }).first().click();
  await page.click('#detail-body button[data-op="postJournal"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-box="journal"] .badge[data-status="Draft"]').length === 0);
  await page.click('[data-action="process"][data-process="import_staging"]');
  await page.waitForFunction(() => /Zuletzt/.test(document.querySelector('[data-process="import_staging"] .lastrun')?.textContent ?? ''));
  const openProposal = page.locator('[data-box="proposals"] .chip', { has: page.locator('.badge[data-status="Open"]') }).first();
  const proposalId = await openProposal.getAttribute('data-id');
  await openProposal.click();
  await page.click('#detail-body button[data-op="post"]');
  await page.waitForSelector(`[data-box="proposals"] .chip[data-id="${proposalId}"] .badge[data-status="Posted"]`);
  assert.equal(await page.locator(`[data-box="proposals"] .chip[data-id="${proposalId}"] .badge`).textContent(), 'Gebucht');
  const before = await page.locator('#clock').getAttribute('datetime');
  await page.click('[data-action="advance"][data-duration="P1D"]');
  await page.waitForFunction((b) => document.querySelector('#clock')?.getAttribute('datetime') !== b, before);
  assert.equal(await page.locator('#clock').getAttribute('datetime'), '2026-03-03T09:00:00Z');
  // A change made by another client (curl, a spec) appears without reload.
  await fetch(`${env.url}/sim/maps/txconn/stop`, { method: 'POST' });
  await page.waitForSelector('[data-map="txconn"][data-state="Stopped"]');
  await fetch(`${env.url}/sim/maps/txconn/run`, { method: 'POST' });
  await page.waitForSelector('[data-map="txconn"][data-state="Running"]');
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('all six dual-write maps have a card to run and pause; chips show transaction classes, another currency, tax totals; journals with their status', async () => {
  await env.sim.reset(true);
  const page = await open('de');
  const labels = JSON.parse(readFileSync(join(root, 'locales', 'de', 'labels.json'), 'utf8')) as { maps: Record<string, string> };
  for (const id of ['legal_entities', 'milestones', 'pi_v2', 'customerinvoices', 'actuals', 'txconn']) {
    const card = page.locator(`.map[data-map="${id}"]`);
    assert.equal((await card.locator('.map-name').textContent())?.replace(/[\u00AD\u200B]/g, ''), labels.maps[id], id);
    assert.ok(await card.locator('.map-state').isVisible(), `${id}: state`);
  }
  // The export map is installed Not running (format-update-project-invoice-proposals.md): Run starts it, as on the others.
  const exportMap = page.locator('.map[data-map="customerinvoices"]');
  assert.equal(await exportMap.getAttribute('data-state'), 'NotRunning');
  assert.equal(await exportMap.locator('.map-state').textContent(), 'Nicht ausgeführt');
  const run = exportMap.locator('button[data-op="run"]');
  assert.equal(await run.getAttribute('aria-label'), `Ausführen: ${labels.maps.customerinvoices}`);
  await run.click();
  await page.waitForSelector('.map[data-map="customerinvoices"][data-state="Running"]');
  await pauseAndResume(page, 'milestones');

  // Transaction classes by their labels, on the Dataverse and the Finance side.
  const classLabels = async (box: string): Promise<string[]> => page.locator(`[data-box="${box}"] .tag.txclass`).allTextContents();
  for (const box of ['actuals', 'staging', 'lines']) {
    const shown = new Set(await classLabels(box));
    assert.ok(shown.has('Zeit') && (shown.has('Ausgaben') || shown.has('Meilenstein')), `${box}: ${[...shown].join(', ')}`);
  }
  assert.ok((await classLabels('backlog')).includes('Zeit'));
  // The EUR contract of USPM (accounting currency USD) names its currency; DEMF's EUR (its own) shows the symbol only.
  const other = await page.locator('[data-box="proforma"] .chip-amount.other-currency').allTextContents();
  assert.ok(other.length > 0 && other.every((a) => /EUR/.test(a)), other.join(' | '));
  const demf = page.locator('[data-box="proforma"] .chip', { has: page.locator('.chip-company', { hasText: 'DEMF' }) }).first();
  assert.doesNotMatch((await demf.locator('.chip-amount').textContent()) ?? '', /EUR/);
  assert.equal(await demf.locator('.chip-amount.other-currency').count(), 0);
  // Tax totals and statuses of the invoices.
  assert.equal(await page.locator('[data-box="invoices"] .chip-tax-label').first().textContent(), 'Umsatzsteuerbetrag:');
  assert.ok((await page.locator('[data-box="proforma"] .badge[data-status]').allTextContents()).includes('Bestätigt'));
  // Several integration journals, each shown whole with its status.
  const journals = page.locator('[data-box="journal"] .chip');
  assert.ok(await journals.count() >= 2);
  const box = await page.locator('[data-box="journal"]').boundingBox();
  for (const j of await journals.all()) {
    const r = await j.boundingBox();
    assert.ok(box && r && r.y >= box.y && r.y + r.height <= box.y + box.height + 1, 'the journal is inside its box');
    assert.ok(['Entwurf', 'Gebucht', 'Fehler', 'Wird verarbeitet'].includes((await j.locator('.badge').first().textContent()) ?? ''));
  }
  const text = await pageText(page);
  assertNoRawKeys(text, 'de');
  assertNoEnglish(text, 'de');
  assert.deepEqual(jsErrors(page), []);
  await page.close();
  await env.sim.reset(true);
});

for (const lang of LANGS) {
  test(`${lang}: the happy path plays green; Finance shows the posted invoice, Dataverse actuals its voucher number`, { timeout: 300_000 }, async () => {
    const page = await open(lang, '&delay=100');
    await page.selectOption('#scenario', 'happy-path');
    const previousRun = await page.locator('#run-status').getAttribute('data-run');
    if (lang === 'nl') {
      // Keyboard only: from the scenario list, Tab to "play" and press Enter.
      await page.focus('#scenario');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'play');
      await page.keyboard.press('Enter');
    } else {
      await page.click('[data-action="play"]');
    }
    await page.waitForFunction((prev) => {
      const s = document.querySelector<HTMLElement>('#run-status');
      return !!s && s.dataset.run !== prev && ['passed', 'failed', 'error', 'stopped'].includes(s.dataset.status ?? '');
    }, previousRun, { timeout: 240_000 });
    const statuses = await page.locator('#steps li.step').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.status}: ${li.textContent ?? ''}`));
    assert.equal(await page.locator('#run-status').getAttribute('data-status'), 'passed', statuses.join('\n'));
    assert.ok(statuses.length >= 10, `the happy path has its steps (${statuses.length})`);
    assert.ok(statuses.every((s) => s.startsWith('passed:')), statuses.join('\n'));
    const green = await page.locator('#steps li.st-passed').first().evaluate((li) => getComputedStyle(li).borderLeftColor);
    assert.equal(green, 'rgb(30, 122, 54)', 'passed steps are green');

    // Finance lane: the posted customer invoice; Dataverse actuals: its voucher number.
    const invoice = page.locator('[data-box="invoices"] .chip').first();
    await invoice.waitFor({ timeout: 60_000 });
    const voucher = (await invoice.locator('.voucher-no').textContent())?.trim() ?? '';
    assert.match(voucher, /\S/, 'the customer invoice shows its voucher');
    await page.waitForFunction((v) => [...document.querySelectorAll('[data-box="actuals"] .voucher-no')].some((e) => e.textContent === v), voucher);
    const proposal = page.locator('[data-box="proposals"] .chip').first();
    assert.equal(await proposal.locator('.badge').getAttribute('data-status'), 'Posted');

    // The record panel: localized labels, formatted values.
    await invoice.click();
    await page.waitForSelector('#detail-body .fields dt');
    const labels = await page.locator('#detail-body .fields dt').allTextContents();
    const expected = { en: 'Total amount', de: 'Gesamtbetrag', nl: 'Totaalbedrag' }[lang];
    assert.ok(labels.includes(expected), `${lang}: ${labels.join(', ')}`);
    const total = await page.locator('#detail-body .fields dd').nth(labels.indexOf(expected)).textContent();
    assert.equal(total?.replace(/\s/g, ' '), { en: '$1,760.00', de: '1.760,00 $', nl: '$ 1.760,00' }[lang]);

    const text = await pageText(page);
    assertNoRawKeys(text, lang);
    if (lang !== 'en') assertNoEnglish(text, lang);
    assert.deepEqual(jsErrors(page), []);
    await page.screenshot({ path: join(reports, `demo-${lang}.png`) });
    await page.close();
  });
}

test('step by step: the current step is highlighted and the part of the picture it touches lights up', { timeout: 300_000 }, async () => {
  const page = await open('en', '&delay=0');
  await page.selectOption('#scenario', 'happy-path');
  await page.click('[data-action="step"]');
  // The first step ran; the second waits, highlighted, its area (the contract's backlog) lit.
  await page.waitForSelector('#steps li[data-index="1"][aria-current="step"]');
  assert.equal(await page.locator('#steps li[data-index="0"]').getAttribute('data-status'), 'passed');
  assert.equal(await page.locator('#steps li.st-passed').count(), 1);
  await page.waitForSelector('[data-area="backlog"].lit');
  await page.keyboard.press('n');
  await page.waitForSelector('#steps li[data-index="2"][aria-current="step"]');
  assert.equal(await page.locator('#steps li.st-passed').count(), 2);
  // Play goes on at the set pace to the end.
  await page.click('[data-action="play"]');
  await page.waitForSelector('#run-status[data-status="passed"]', { timeout: 240_000 });
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('stop ends a run', { timeout: 300_000 }, async () => {
  const page = await open('de', '&delay=0');
  await page.selectOption('#scenario', 'happy-path');
  await page.click('[data-action="step"]');
  await page.waitForSelector('#steps li[data-index="1"][aria-current="step"]');
  await page.click('[data-action="stop"]');
  await page.waitForSelector('#run-status[data-status="stopped"]');
  assert.match((await page.locator('#run-status').textContent()) ?? '', /^Gestoppt/);
  assert.equal(await page.locator('#steps li.st-passed').count(), 1);
  // A new run can start at once.
  const res = await fetch(`${env.url}/demo/play`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'header-on-confirm', lang: 'en', delayMs: 0 }) });
  assert.equal(res.status, 202);
  await page.waitForSelector('#run-status[data-status="passed"]', { timeout: 240_000 });
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('a failing step shows red with its message', { timeout: 300_000 }, async () => {
  const page = await open('en', '&delay=0');
  await page.selectOption('#scenario', 'header-on-confirm');
  const previousRun = await page.locator('#run-status').getAttribute('data-run');
  // Finance is unavailable: the first step that needs it fails (live sync refuses), the rest is skipped.
  await fetch(`${env.url}/sim/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ financeUnavailable: true }) });
  try {
    await page.click('[data-action="play"]');
    await page.waitForFunction((prev) => {
      const s = document.querySelector<HTMLElement>('#run-status');
      return !!s && s.dataset.run !== prev && s.dataset.status === 'failed';
    }, previousRun, { timeout: 60_000 });
  } finally {
    await fetch(`${env.url}/sim/faults`, { method: 'DELETE' });
  }
  const failed = page.locator('#steps li.st-failed').first();
  assert.equal(await failed.getAttribute('data-status'), 'failed');
  assert.match((await failed.locator('.message').textContent()) ?? '', /\S/);
  assert.equal(await failed.evaluate((li) => getComputedStyle(li).borderLeftColor), 'rgb(179, 38, 30)', 'red');
  assert.ok(await page.locator('#steps li.st-skipped').count() > 0, 'the steps after it are skipped');
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});

test('switching language keeps the data and is kept in the URL', async () => {
  const page = await open('en');
  const ids = async (): Promise<string[]> => page.locator('.chip').evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.id ?? ''));
  const state = async (): Promise<unknown> => (await fetch(`${env.url}/demo/state`)).json();
  const before = { ids: await ids(), state: await state() };
  await page.click('[data-lang="de"]');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.match(page.url(), /[?&]lang=de\b/);
  assert.equal(await page.locator('h1').textContent(), 'Projektrechnungsintegration');
  await page.click('[data-lang="nl"]');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.match(page.url(), /[?&]lang=nl\b/);
  assert.deepEqual(await ids(), before.ids);
  assert.deepEqual(await state(), before.state);
  // A reload keeps the language (it is in the URL).
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.deepEqual(jsErrors(page), []);
  await page.close();
});
