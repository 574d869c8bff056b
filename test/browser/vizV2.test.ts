import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, openSized, overflowOf, startSite, type Site } from './site.ts';

// Issue 17 (the visualizer v2) on the built site in Chromium, at a laptop's 1440×900 and a
// phone's 390×844: no horizontal overflow, every chart drawn with data, the "what changed"
// headline with intervals in compare mode, the no-effect lever warning, number formats.
// Screenshots go to $VIZ_SHOTS (default test/artifacts); the time from navigation to the
// charts drawn is printed, never asserted.

let site: Site;
beforeAll(async () => { site = await startSite(); }, 120_000);
afterAll(async () => { await site?.close(); });

const SHOTS = process.env.VIZ_SHOTS ?? 'test/artifacts';
const SIZES = [[1440, 900], [390, 844]] as const;
const CHARTS = ['gmv', 'revenue', 'funnel', 'rates', 'users', 'roi'];
const hash = hashOf;
/** A page of the given size at a hash (test/browser/site.ts). */
const open = (width: number, height: number, h: string) => openSized(site, width, height, h);
/** Nothing sticks out sideways: the document and these elements (test/browser/site.ts). */
const overflow = (page: Page) => overflowOf(page, '.card, .panel, header, .chart-card svg, .headline-tile');
const whatIf = (set: Record<string, unknown>, date: string) => JSON.stringify({
  id: 'historical-whatif', title: 'Historical + what-if', extends: 'historical.json',
  policies: [{ id: 'whatif', date, phase: `What-if from ${date}`, label: 'test what-if', set }],
});

/** Every chart card holds an SVG with drawn data (paths with geometry or bars with size) and axis ticks. */
async function chartsDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) {
    const svg = page.locator(`.chart-card[data-chart="${id}"] svg`);
    expect(await svg.count(), id).toBe(1);
    const marks = await svg.evaluate((el) => {
      const paths = [...el.querySelectorAll('path.series-line, path.series-area, path.band')].filter((p) => (p.getAttribute('d') ?? '').length > 50).length;
      const bars = [...el.querySelectorAll('rect.funnel-bar, rect.roi-bar')].filter((r) => Math.max(Number(r.getAttribute('width')), Number(r.getAttribute('height'))) > 1).length;
      return paths + bars;
    });
    expect(marks, `chart ${id} has drawn data`).toBeGreaterThan(0);
    expect(await svg.locator('.axis .tick text').count(), `chart ${id} ticks`).toBeGreaterThan(3);
  }
}

/** Money amounts in the page's text (tables, headline, summary; not axis ticks): three significant digits, never 1000 of a unit. */
async function moneyTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = [...document.querySelectorAll('#headline-host, #paired-host, #phases-host, #pnl-host, #tooltip')].map((e) => e.textContent ?? '').join(' ');
    return text.match(/¥\d+(\.\d+)?[KMBT]/g) ?? [];
  });
}
const threeDigits = (s: string) => s.replace(/[¥KMBT.]/g, '').replace(/^0+/, '').length === 3;

describe('visualizer v2 at a laptop and a phone size', () => {
  for (const [W, H] of SIZES) {
    it(`${W}×${H}: the default historical run fits the screen, draws every chart, formats numbers`, async () => {
      const { page, errors, ms } = await open(W, H, '');
      console.log(`${W}×${H} default historical (10,000 agents): charts drawn ${ms} ms after navigation (run ${await page.evaluate(() => document.body.dataset.lastRunMs)} ms)`);
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      expect(o.outside).toEqual([]);
      await chartsDrawn(page);
      // Per-phase tables fit their card at 1440 (scroll only on a phone, inside the card).
      if (W === 1440) {
        const wide = await page.locator('#phases-host table').evaluateAll((ts) => ts.map((t) => t.scrollWidth - t.parentElement!.parentElement!.clientWidth));
        expect(wide.every((d) => d <= 0), `phase tables wider than the card by ${wide} px`).toBe(true);
      }
      // The P&L of each party, per year.
      expect(await page.locator('#pnl-host table.pnl').count()).toBe(3);
      expect(await page.locator('#pnl-host table.pnl[data-party="red"] thead th').allTextContents()).toContain('2025');
      const money = await moneyTexts(page);
      expect(money.length).toBeGreaterThan(20);
      expect(money.filter((m) => !threeDigits(m))).toEqual([]);
      expect(money.filter((m) => /\d{4}/.test(m))).toEqual([]);
      // One time only: the summary and the status say the same.
      const status = (await page.textContent('#status'))!, summary = (await page.textContent('#summary'))!;
      const secs = status.match(/Done in ([\d.]+) s/)![1];
      expect(summary).toContain(`in ${secs} s`);
      expect(summary).not.toContain('of simulation');
      expect(await page.textContent('#question')).not.toContain('brief.md');
      // The timeline: no cut label; a marker's tooltip is words, not JSON.
      expect(await page.locator('#timeline-host text').evaluateAll((ts) => ts.filter((t) => t.textContent!.includes('…')).length)).toBe(0);
      await page.locator('#timeline-host g.marker').nth(3).hover({ force: true });
      await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
      const tip = (await page.textContent('#tooltip'))!;
      expect(tip).toContain('•');
      expect(tip).not.toContain('{');
      await page.mouse.move(1, 1);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/v2-single-${W}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    it(`${W}×${H}: compare mode opens with the "what changed" headline and its intervals`, async () => {
      const { page, errors, ms } = await open(W, H, hash({ s: 'never-cut-2021', mode: 'compare', b: 'historical', agents: '2000', seed: '1', reps: '3' }));
      console.log(`${W}×${H} compare never-cut-2021 vs historical (2 × 3 runs of 2,000 agents): charts drawn ${ms} ms after navigation`);
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      expect(o.outside).toEqual([]);
      await chartsDrawn(page);
      // The headline is the first thing of the results, above the timeline.
      expect(await page.locator('#headline-card').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.getElementById('headline-card')!.getBoundingClientRect().top < document.getElementById('timeline-card')!.getBoundingClientRect().top)).toBe(true);
      expect(await page.textContent('.headline-sentence')).toMatch(/^From Aug 2021 to Dec 2025/);
      const tiles = page.locator('.headline-tile');
      expect(await tiles.count()).toBe(14);
      const cis = await page.locator('.headline-tile .ht-ci').allTextContents();
      expect(cis.length).toBe(14);
      for (const ci of cis) expect(ci).toMatch(/^95%: \[[+−]\S+, [+−]\S+\]$/);
      expect(await page.locator('.headline-tile[data-key="gmv_taotian"] .ht-label').textContent()).toBe('Taobao/Tmall GMV');
      // The phase that differs (links kept vs cut) is marked in the phase list, in full.
      const differs = await page.locator('#timeline-legend tr.differs').allTextContents();
      expect(differs.join(' ')).toContain('links kept');
      expect(differs.join(' ')).toContain('links cut');
      // The difference chart: one panel per platform; % of baseline on request.
      expect(await page.locator('[data-chart="gmv"] svg g[data-platform]').count()).toBe(5);
      await page.selectOption('#diff-scale', 'pct');
      await expect.poll(() => page.locator('[data-chart="gmv"] .unit-label').first().textContent()).toBe('Δ %');
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('diff=pct');
      const money = await moneyTexts(page);
      expect(money.filter((m) => !threeDigits(m))).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/v2-compare-${W}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    it(`${W}×${H}: a lever change with no effect in the window shows a warning next to the lever`, async () => {
      const { page, errors } = await open(W, H, hash({ s: 'historical', agents: '1000', seed: '1', reps: '1', w: whatIf({ links: { taotian: { notes: 'all' } } }, '2021-08-01'), hold: '1' }));
      const lever = page.locator('.lever[data-path="links.taotian.notes"]');
      expect(await lever.getAttribute('class')).toContain('changed');
      const warning = lever.locator('.lever-warning');
      expect(await warning.count()).toBe(1);
      const text = (await warning.textContent())!;
      expect(text).toContain('from 2021-08-01 to 2025-05-06');
      expect(text).toContain('eligible merchants for links to Taobao/Tmall are 0%');
      expect(await page.locator('#lever-warnings').isVisible()).toBe(true);
      await warning.scrollIntoViewIfNeeded();
      expect(await warning.isVisible()).toBe(true);
      // Raising eligible merchants too removes the warning.
      await page.locator('#lever-links-taotian-eligibleShare').fill('0.3');
      await page.locator('#lever-links-taotian-eligibleShare').dispatchEvent('change');
      await expect.poll(() => page.locator('.lever-warning').count()).toBe(0);
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/v2-lever-${W}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
