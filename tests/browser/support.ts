/**
 * What the browser tests share: the demo server with its browser (set up before a file's tests, closed after them),
 * Debian's Chromium (Playwright cannot download its own here) and a page's own words.
 */
import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { createSimulator, type Simulator } from '../../simulator/index.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots of the browser tests. */
export const reports = join(root, 'reports');

export interface DemoEnv {
  readonly sim: Simulator;
  /** The server's base URL (ephemeral port). */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Registers the file's before/after hooks: a simulator with the demo data at the demo's clock (2026-03-02 09:00 UTC),
 * `prepare` run on it before it listens, then Chromium (unless `browser: false`); both closed after the file's tests.
 * The returned object's fields are there once the hooks ran (inside tests).
 */
export function demoServer(options: { readonly browser?: boolean; readonly prepare?: (sim: Simulator) => unknown } = {}): DemoEnv {
  let sim: Simulator | undefined;
  let url: string | undefined;
  let browser: Browser | undefined;
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not set up yet: use it inside a test`);
    return v;
  };
  before(async () => {
    sim = await createSimulator({ demo: true, clock: '2026-03-02T09:00:00Z' });
    await options.prepare?.(sim);
    url = await sim.listen(0);
    if (options.browser !== false) {
      browser = await launchChromium();
      mkdirSync(reports, { recursive: true });
    }
  });
  after(async () => {
    await browser?.close();
    await sim?.close();
  });
  return {
    get sim() { return ready(sim, 'the simulator'); },
    get url() { return ready(url, 'the server'); },
    get browser() { return ready(browser, 'the browser'); },
  };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright'); // lazily: importing playwright costs ~0.4 s
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** The page's own words: every text node and label outside record data (`data-raw`, the record chips' labels). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('[data-raw], script, style')) continue;
      parts.push(n.textContent ?? '');
    }
    for (const e of document.querySelectorAll('[aria-label]')) if (!e.closest('[data-raw]') && !e.classList.contains('chip')) parts.push(e.getAttribute('aria-label') ?? '');
    // Soft hyphens and zero-width breaks are break hints inside a word (ui:hyphenation), not word boundaries.
    return parts.join('\n').replace(/[\u00AD\u200B]/g, '');
  });
}
