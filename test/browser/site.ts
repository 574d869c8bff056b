import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
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

/** Wait until no run is in progress and the charts are drawn (or an error message shows). */
export async function waitForRun(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.running === 'false' && (document.querySelectorAll('.chart-card').length > 0 || document.querySelector('.message-error') !== null), null, { timeout, polling: 100 });
}
