import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { demoServer, reports } from './support.js';

/**
 * The demo page at the two screen sizes it is shown on, in each language, measured in real Chromium: no label
 * overflows its element or is cut by a box where wrapping would show it whole, no word breaks between two letters
 * without a hyphen, the arrows of the picture stay clear of the labels and buttons next to them. Screenshots:
 * reports/demo-<lng>-<width>.png.
 */
const LANGS = ['en', 'de', 'nl'] as const;
/** The projector, a large screen, and a narrow one (a phone held upright): there the page scrolls and the picture flows. */
const SIZES = [[1280, 720], [1920, 1080], [390, 844]] as const;

const env = demoServer();

/** The page's labels: headings, hints, process texts, buttons, states and status badges (not record data). */
const LABELS = [
  '.top h1', '.top .subtitle', '.top button', '.picture h2', '.picture h3', '.picture .lane-hint', '.picture .stage p', '.picture .flow',
  '.picture .writeback p', '.picture button:not(.chip)', '.picture .map-state', '.picture .map-count', '.picture .badge', '.picture .tag', '.picture .chip-tax-label', '.panel > h2', '.player-controls button', '.speed > span',
].join(', ');

interface Finding { readonly label: string; readonly problem: string }

/** Runs in the page: every visible label, measured. */
function measure(selector: string): Finding[] {
  const out: Finding[] = [];
  const name = (e: Element): string => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').replace(/[\u00AD\u200B]/g, '').trim().slice(0, 60)}"`;
  const BREAKABLE = new Set(['\u00AD', '-', '\u200B', '_', '/', '(']);
  for (const e of document.querySelectorAll<HTMLElement>(selector)) {
    if (e.closest('[data-raw]') || e.getClientRects().length === 0) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(e);
    // Cut inside itself: wider (or, clipped, taller) content than its box.
    if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) out.push({ label: name(e), problem: `overflows its width (${e.scrollWidth} > ${e.clientWidth})` });
    if (style.overflowY !== 'visible' && e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1) out.push({ label: name(e), problem: `clipped in height (${e.scrollHeight} > ${e.clientHeight})` });
    // Cut by a box around it: partly outside an ancestor that clips (entirely outside = a row not shown, not a cut label).
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = a.getBoundingClientRect();
      const outside = r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom;
      if (outside) break;
      const horizontal = r.left < b.left - 1 || r.right > b.right + 1;
      const vertical = !e.classList.contains('badge') && !e.classList.contains('tag') && (r.top < b.top - 1 || r.bottom > b.bottom + 1);
      if (horizontal || vertical) { out.push({ label: name(e), problem: `cut by ${a.tagName.toLowerCase()}.${[...a.classList].join('.')}` }); break; }
    }
    // Broken mid-word: a new line starts between two letters with no hyphen (soft or hard) or break point between them.
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const range = document.createRange();
      let prev: { ch: string; top: number; bottom: number } | undefined;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i] as string;
        if (/\s/.test(ch)) { prev = undefined; continue; }
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const rects = range.getClientRects();
        const cr = rects[rects.length - 1];
        if (!cr) continue;
        if (prev && cr.top >= prev.bottom - 2 && /[\p{L}\p{N}]/u.test(ch) && !BREAKABLE.has(prev.ch)) {
          out.push({ label: name(e), problem: `broken mid-word before "${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}"` });
          break;
        }
        prev = { ch, top: cr.top, bottom: cr.bottom };
      }
    }
  }
  // Arrows drawn by ::before/::after in the picture: nothing readable underneath them.
  for (const box of document.querySelectorAll<HTMLElement>('.picture > *')) {
    for (const pseudo of ['::before', '::after'] as const) {
      const s = getComputedStyle(box, pseudo);
      if (s.content === 'none' || s.content === 'normal' || s.position !== 'absolute') continue;
      const b = box.getBoundingClientRect();
      const w = parseFloat(s.width);
      const h = parseFloat(s.height);
      const left = s.left !== 'auto' ? b.left + parseFloat(s.left) + parseFloat(getComputedStyle(box).borderLeftWidth)
        : b.right - parseFloat(s.right) - w - parseFloat(getComputedStyle(box).borderRightWidth);
      const top = b.top + parseFloat(getComputedStyle(box).borderTopWidth) + (s.top.endsWith('%') ? 0 : parseFloat(s.top)) + (s.top.endsWith('%') ? (b.height * parseFloat(s.top)) / 100 : 0);
      const arrow = { left, right: left + w, top, bottom: top + h };
      for (const l of box.querySelectorAll<HTMLElement>('button, h3, p, .map-row > span')) {
        for (const lr of l.getClientRects()) {
          const overlaps = lr.left < arrow.right - 1 && lr.right > arrow.left + 1 && lr.top < arrow.bottom - 1 && lr.bottom > arrow.top + 1;
          if (overlaps && lr.width > 0) { out.push({ label: name(l), problem: `runs into the arrow ${s.content} of ${name(box)}` }); break; }
        }
      }
    }
  }
  return out;
}

/**
 * Runs in the page: the parts of the picture (boxes, stages, the six map cards, the write-back) and the chips of each
 * box do not overlap one another, nothing is wider than the screen, and every map card shows its name, state and
 * buttons whole, inside the picture (none cut off at the bottom of a 1280×720 projector).
 */
function layout(): string[] {
  const out: string[] = [];
  const name = (e: Element): string => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${(e as HTMLElement).dataset.area ?? (e as HTMLElement).dataset.id ?? ''}]`;
  const visible = (e: Element): DOMRect | undefined => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? r : undefined;
  };
  const apart = (groups: Element[][]): void => {
    for (const group of groups) {
      const rects = group.map((e) => [e, visible(e)] as const).filter((x): x is readonly [Element, DOMRect] => x[1] !== undefined);
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const [a, ra] = rects[i] as readonly [Element, DOMRect];
          const [b, rb] = rects[j] as readonly [Element, DOMRect];
          if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) out.push(`${name(a)} overlaps ${name(b)}`);
        }
      }
    }
  };
  apart([[...document.querySelectorAll('.picture > *')]]);
  apart([...document.querySelectorAll('.chips')].map((list) => [...list.children]));
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) out.push(`the page is wider than the screen (${document.documentElement.scrollWidth} > ${width})`);
  const picture = document.querySelector('.picture')?.getBoundingClientRect();
  const cards = document.querySelectorAll<HTMLElement>('.picture > .map[data-map]');
  if (cards.length !== 6) out.push(`${cards.length} map cards, not 6`);
  for (const card of cards) {
    const r = card.getBoundingClientRect();
    if (picture && (r.left < picture.left - 1 || r.right > picture.right + 1 || r.top < picture.top - 1 || r.bottom > picture.bottom + 1)) out.push(`${name(card)} outside the picture`);
    for (const part of ['.map-name', '.map-state', '.map-buttons button']) {
      const e = card.querySelector(part);
      const pr = e && visible(e);
      if (!pr) { out.push(`${card.dataset.map}: no ${part}`); continue; }
      if (pr.left < r.left - 1 || pr.right > r.right + 1 || pr.top < r.top - 1 || pr.bottom > r.bottom + 1) out.push(`${card.dataset.map}: ${part} cut by its card`);
    }
  }
  return out;
}

async function open(lang: string, width: number, height: number): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width, height } });
  await page.goto(`${env.url}/?lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('.map .map-name');
  return page;
}

for (const [width, height] of SIZES) {
  for (const lang of LANGS) {
    test(`${lang} at ${width}×${height}: no label cut, overflowing or broken mid-word; arrows clear of labels`, async () => {
      const page = await open(lang, width, height);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      const findings = await page.evaluate(measure, LABELS);
      const labels = await page.evaluate((sel) => document.querySelectorAll(sel).length, LABELS);
      assert.ok(labels > 40, `labels measured (${labels})`);
      const overlaps = await page.evaluate(layout);
      assert.deepEqual(overlaps, [], overlaps.join('\n'));
      await page.screenshot({ path: join(reports, `demo-${lang}-${width}.png`), fullPage: width < 900 });
      assert.deepEqual(findings, [], findings.map((f) => `${f.label}: ${f.problem}`).join('\n'));
      await page.close();
    });
  }
}
