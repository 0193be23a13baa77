import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { launchChromium, pageText } from './support.js';

/**
 * `npm run docs` in real Chromium. A real run first: the features of invoice-integration.feature in each language
 * through cucumber with the message output into a temporary folder (the user's reports/ stay as they are), then
 * the site is built from that run. In each language: every link of every page resolves (files and anchors),
 * every picture renders with a size, no raw i18n key shows, and (de, nl) no English word outside record data
 * and official names; the scenarios that ran show their result and their picture shows what they did.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const LANGS = ['en', 'de', 'nl'] as const;
type Lang = (typeof LANGS)[number];
const FEATURE = 'invoice-integration.feature';

let work: string;
let browser: Browser;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'po-docs-'));
  for (const lng of LANGS) {
    // The default profile (cucumber.mjs): step library and loader, no report files of its own.
    const r = spawnSync(process.execPath, [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), `features/${lng}/${FEATURE}`, '--format', `message:${join(work, `cucumber-${lng}.ndjson`)}`],
      { cwd: root, encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, `cucumber (${lng}) failed:\n${r.stdout}\n${r.stderr}`);
  }
  const d = spawnSync(process.execPath, ['--import', './register.mjs', 'scripts/docs.ts', '--reports', work, '--out', join(work, 'docs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(d.status, 0, `npm run docs failed:\n${d.stdout}\n${d.stderr}`);
}, { timeout: 600_000 });

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- words ---------------------------------------------------------------------------------------------
function flatten(node: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(path, node);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, path ? `${path}.${k}` : k, out);
  return out;
}
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const wordsOf = (text: string): string[] => (text.match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? []).map((w) => w.toLowerCase());
/** Names that stay as they are in every language (products, Microsoft's site) and true cognates. */
const SHARED = new Set(['dataverse', 'microsoft', 'learn', 'project', 'operations', 'http', 'status', 'record', 'records', 'scenario', 'de', 'nl', 'en']);

/** The UI words of English: the site's own texts and the labels it shows. */
function englishWords(): Set<string> {
  const out = new Set<string>();
  for (const ns of ['docs', 'labels']) for (const s of flatten(readJson(`locales/en/${ns}.json`)).values()) for (const w of wordsOf(s.replace(/\{\{[^}]*\}\}/g, ' '))) out.add(w);
  return out;
}

/** The words a language may show: its resources (unless left identical to English; rules.json holds the statements) and its features. */
function ownWords(lang: Lang): Set<string> {
  const out = new Set<string>(SHARED);
  for (const ns of ['docs', 'labels', 'ui', 'steps', 'errors', 'rules']) {
    const en = existsSync(join(root, `locales/en/${ns}.json`)) ? flatten(readJson(`locales/en/${ns}.json`)) : new Map<string, string>();
    for (const [path, s] of flatten(readJson(`locales/${lang}/${ns}.json`))) {
      // Identical to English: vouches for nothing; the hyphenation break points are syllables, not words.
      if ((lang !== 'en' && en.get(path) === s) || path === 'hyphenation') continue;
      for (const w of wordsOf(s.replace(/\{\{[^}]*\}\}/g, ' '))) out.add(w);
    }
  }
  for (const f of readdirSync(join(root, 'features', lang)).filter((x) => x.endsWith('.feature'))) for (const w of wordsOf(readFileSync(join(root, 'features', lang, f), 'utf8'))) out.add(w);
  return out;
}

const RAW_KEY = /\b(?:docs|labels|ui|errors|steps):[\w.]+|\b(?:docs|labels)\.[\w.]+|\b(?:site|statement|outcome|scenario|picture|dualwrite|mapState|entities|maps|sides)\.[a-zA-Z_]+\b|\{\{|_one\b|_other\b|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/g;

// ---- the site --------------------------------------------------------------------------------------------
for (const lang of LANGS) {
  test(`${lang}: every page of the site opens offline, links resolve, pictures render, no raw keys${lang === 'en' ? '' : ', no English'}`, { timeout: 300_000 }, async () => {
    const dir = join(work, 'docs', lang);
    const start = pathToFileURL(join(dir, 'index.html')).href;
    const english = englishWords();
    const own = ownWords(lang);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const external: string[] = [];
    await page.route(/^(?!file:)/, (route) => { external.push(route.request().url()); return route.abort(); });
    const queue = [start];
    const seen = new Set<string>();
    let svgs = 0;
    while (queue.length) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await page.goto(url);
      assert.ok(res === null || res.ok(), `${url} did not open`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${url}: lang attribute`);
      // Links: file links to pages that exist (and anchors that exist on them); nothing from another origin.
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        assert.match(href, /^file:/, `${url}: link to another origin ${href}`);
        const [file = '', anchor] = href.split('#');
        assert.ok(existsSync(fileURLToPath(file)), `${url}: link to a missing file ${href}`);
        if (anchor) {
          const target = readFileSync(fileURLToPath(file), 'utf8');
          assert.ok(target.includes(`id="${anchor}"`), `${url}: link to a missing anchor ${href}`);
        }
        if (file.startsWith(pathToFileURL(dir).href) && !seen.has(file)) queue.push(file);
      }
      assert.equal(await page.locator('link[rel="stylesheet"], script[src], img[src^="http"]').count(), 0, `${url}: loads nothing from elsewhere`);
      // Pictures: each has a size and drawn content.
      const sizes = await page.locator('svg.picture').evaluateAll((ss) => ss.map((s) => {
        const r = s.getBoundingClientRect();
        const b = (s as SVGSVGElement).getBBox();
        return { w: r.width, h: r.height, bw: b.width, bh: b.height };
      }));
      for (const s of sizes) assert.ok(s.w > 0 && s.h > 0 && s.bw > 0 && s.bh > 0, `${url}: a picture renders with no size ${JSON.stringify(s)}`);
      svgs += sizes.length;
      const text = await pageText(page);
      const raw = text.match(RAW_KEY);
      assert.equal(raw, null, `${url}: raw i18n keys or empty values: ${raw?.join(', ')}`);
      if (lang !== 'en') {
        const leftovers = [...new Set(wordsOf(text))].filter((w) => english.has(w) && !own.has(w));
        assert.deepEqual(leftovers, [], `${url}: English words: ${leftovers.join(', ')}`);
      }
    }
    const scenarioPages = [...seen].filter((u) => u.includes('/scenarios/'));
    assert.ok(scenarioPages.length >= 30, `the index reaches the scenario pages (${scenarioPages.length})`);
    assert.equal(svgs, scenarioPages.length, 'one picture per scenario page');
    // Links to the other languages' sites were followed and resolve too (checked above), but stay out of this crawl.
    assert.deepEqual(external, []);
    assert.deepEqual(errors, []);

    // The run shows: the scenarios of the feature that ran passed, and the happy path's picture is what it did.
    const run = readFileSync(join(work, `cucumber-${lang}.ndjson`), 'utf8');
    assert.match(run, /po-invoice-sim\/evidence/, 'the run carries evidence attachments');
    await page.goto(pathToFileURL(join(dir, 'scenarios', 'happy-path.html')).href);
    assert.equal(await page.locator('header [data-outcome]').getAttribute('data-outcome'), 'passed');
    const boxes = await page.locator('svg.picture g.box').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('class')}:${g.getAttribute('data-table')}`));
    for (const b of ['box dataverse:invoice', 'box finance:ProjectInvoiceProposal', 'box finance:CustomerInvoice', 'box dataverse:msdyn_actual']) {
      assert.ok(boxes.includes(b), `${lang}: the happy path's picture shows ${b} (${boxes.join(', ')})`);
    }
    assert.ok(await page.locator('svg.picture line.sync').count() >= 3, 'dual-write carried records both ways');
    assert.ok(await page.locator('ol.steps > li[data-status="passed"]').count() >= 10, 'its steps passed');
    assert.ok(await page.locator('ol.steps table.http').count() > 0, 'the steps list their HTTP exchanges');
    await page.goto(start);
    const notRun = await page.locator('[data-outcome="not run"]').count();
    const passed = await page.locator('[data-outcome="passed"]').count();
    assert.ok(passed > 0 && notRun > 0, `results of the features that ran, "not run" for the others (${passed}, ${notRun})`);
    await page.close();
  });
}
