/** What the browser tests share: Debian's Chromium (Playwright cannot download its own here) and a page's own words. */
import type { Browser, Page } from 'playwright';

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
