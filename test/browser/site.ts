import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** The built visualizer served by `vite preview`, and a Chromium to look at it. */
export interface Site { url: string; browser: Browser; close(): Promise<void> }

/** Build the site (as `npm run build`, into a temp dir), serve it on 127.0.0.1 and launch Chromium. */
export async function startSite(): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'market-sim-viz-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls!.local[0];
  const browser = await launchChromium();
  return {
    url, browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Problems a page reported: console errors, uncaught exceptions, CSP violations. */
export interface PageProblems { errors: string[] }

/** A 1280×800 page that records console errors, page errors and CSP violations. */
export async function openPage(site: Site, hash = ''): Promise<{ page: Page; problems: PageProblems }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const problems: PageProblems = { errors: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(site.url + hash);
  return { page, problems };
}

/** A URL hash of view parameters. */
export const hashOf = (p: Record<string, string>) => `#${new URLSearchParams(p).toString()}`;

/**
 * A page of the given size at a hash, with its console and page errors; with `wait` (default) it
 * waits for the run and `ms` is the time from navigation to the charts drawn (printed, never asserted).
 */
export async function openSized(site: Site, width: number, height: number, hash: string, wait = true): Promise<{ page: Page; errors: string[]; ms: number }> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await page.goto(site.url + hash);
  if (wait) await waitForRun(page, 170_000);
  return { page, errors, ms: Date.now() - t0 };
}

/** Sideways overflow: the document's scroll width and the elements matching `selectors` that stick out of the viewport. */
export async function overflowOf(page: Page, selectors: string): Promise<{ scrollWidth: number; innerWidth: number; outside: string[] }> {
  return page.evaluate((sel) => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    outside: [...document.querySelectorAll(sel)].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
    }).map((e) => `${e.tagName}.${e.getAttribute('class')} ${e.id}`),
  }), selectors);
}

/** Wait until no run is in progress and the charts are drawn (or an error message shows). */
export async function waitForRun(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.running === 'false' && (document.querySelectorAll('.chart-card').length > 0 || document.querySelector('.message-error') !== null), null, { timeout, polling: 100 });
}

/**
 * Screenshot of one element. A chart the page redraws (a resize, say) replaces its element while
 * the shot waits for it to be stable; the locator then finds the new element, so try again (3×).
 */
export async function shotOf(locator: Locator, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try { await locator.screenshot({ path }); return; }
    catch (err) { if (attempt >= 3 || !/not attached/i.test((err as Error).message)) throw err; }
  }
}
