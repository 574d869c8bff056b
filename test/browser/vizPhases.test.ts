import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, openSized, shotOf, startSite, type Site } from './site.ts';

// Issue 17, the rest of the visualizer v2 on the built site in Chromium at 1440×900 and 390×844:
// the phase view (seasonally adjusted bars per phase with phase names in English and Chinese in
// the tooltips; arms side by side in compare mode), the 2018 Alibaba investment on the timeline,
// up to four arms with the N-arm "what changed" table, the category view with market share and
// share of voice, the funnel's axis label clear of the ticks and the paired table's caption in
// view. Screenshots to $VIZ_SHOTS (default test/artifacts); times printed, never asserted.

let site: Site;
beforeAll(async () => { site = await startSite(); }, 120_000);
afterAll(async () => { await site?.close(); });

const SHOTS = process.env.VIZ_SHOTS ?? 'test/artifacts';
const SIZES = [[1440, 900], [390, 844]] as const;
const hash = hashOf;
/** A page of the given size at a hash (test/browser/site.ts). */
const open = (width: number, height: number, h: string) => openSized(site, width, height, h);

async function noOverflow(page: Page): Promise<void> {
  const o = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    outside: [...document.querySelectorAll('.card, .panel, header, .chart-card svg, .headline-tile, caption')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
    }).map((e) => `${e.tagName}.${e.getAttribute('class')} ${e.id}`),
  }));
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
  expect(o.outside).toEqual([]);
}

/** Hover the middle of slot i of the phase view; returns the tooltip's text. */
async function phaseTooltip(page: Page, i: number): Promise<string> {
  const slot = page.locator('[data-chart="phases"] svg g.phase-slot').nth(i);
  await slot.scrollIntoViewIfNeeded();
  const box = (await slot.locator('rect').first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
  await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
  return (await page.textContent('#tooltip'))!;
}

describe('phase view, N arms, categories at a laptop and a phone size', () => {
  for (const [W, H] of SIZES) {
    it(`${W}×${H}: single run: phase bars (SAAR) with phase names in both languages, the 2018 investment, the category view`, async () => {
      const { page, errors, ms } = await open(W, H, hash({ s: 'historical', agents: '10000', seed: '1', reps: '1' }));
      console.log(`${W}×${H} historical (10,000 agents, 1 run): charts drawn ${ms} ms after navigation (run ${await page.evaluate(() => document.body.dataset.lastRunMs)} ms)`);
      await noOverflow(page);
      const chart = page.locator('[data-chart="phases"] svg');
      expect(await chart.locator('g.phase-slot').count()).toBe(9);
      const bars = await chart.locator('rect.phase-bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
      expect(bars.length).toBe(9);
      expect(bars.filter((b) => b > 1).length).toBeGreaterThan(5);
      expect(await chart.locator('.unit-label').first().textContent()).toBe('RMB / year, SAAR');
      const tip = await phaseTooltip(page, 2);
      expect(tip).toContain('Phase 3: 2021-08 links cut, 号店一体 (account = store)');
      expect(tip).toMatch(/seasonally adjusted \(SAAR\)¥\d/);
      expect(tip).toContain('calendar-day rate');
      // Every slot's <title> (the report's tooltip) names its phase.
      const titles = await chart.locator('g.phase-slot > title').allTextContents();
      expect(titles[8]).toContain('2025-05 Red Cat (红猫计划)');
      expect(titles[3]).toContain('小红星 (Little Red Star');
      // Another figure on request, kept in the URL.
      await page.selectOption('#phase-figure', 'gmv_taotian');
      await expect.poll(() => page.locator('[data-chart="phases"] .chart-title').textContent()).toContain('Taobao/Tmall GMV');
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('pf=gmv_taotian');
      // The Alibaba investment on the timeline, with words.
      const ev = page.locator('#timeline-host g.event');
      expect(await ev.count()).toBe(1);
      expect(await ev.getAttribute('data-tip')).toContain('Alibaba leads a US$300M round');
      await ev.hover({ force: true });
      await expect.poll(() => page.textContent('#tooltip')).toContain('Alibaba');
      // Phase names in English beside Chinese in the phase list.
      expect(await page.textContent('#timeline-legend')).toContain('2024-09 品号店群直广 (brand, account and store-group direct ads)');
      // The category view: GMV by platform of one category and the shares.
      const cat = page.locator('[data-chart="categories"] svg');
      expect(await cat.locator('path.series-area').count()).toBe(5);
      await page.selectOption('#category', 'beauty');
      await expect.poll(() => page.locator('[data-chart="categories"] .chart-title').textContent()).toContain('beauty');
      const shares = page.locator('[data-chart="shares"] svg');
      expect(await shares.locator('path.series-line').evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 50).length)).toBeGreaterThanOrEqual(6);
      // The funnel's unit label is clear of its tick labels.
      const gap = await page.locator('[data-chart="funnel"] svg').evaluate((svg) => {
        const unit = svg.querySelector('.unit-label')!.getBoundingClientRect();
        const ticks = [...svg.querySelectorAll('.axis-x .tick text')].map((t) => t.getBoundingClientRect().bottom);
        return unit.top - Math.max(...ticks);
      });
      expect(gap, 'px between the funnel tick labels and its unit label').toBeGreaterThanOrEqual(2);
      await page.mouse.move(1, 1);
      mkdirSync(SHOTS, { recursive: true });
      for (const [name, sel] of [['phase-view', '.chart-card[data-chart="phases"]'], ['timeline', '#timeline-card'], ['funnel', '.chart-card[data-chart="funnel"]'], ['categories', '.chart-card[data-chart="categories"]'], ['shares', '.chart-card[data-chart="shares"]']]) await shotOf(page.locator(sel), `${SHOTS}/phases-single-${W}-${name}.png`);
      await page.screenshot({ path: `${SHOTS}/phases-single-${W}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    it(`${W}×${H}: four arms: the N-arm headline, arms side by side per phase, the paired caption in view`, async () => {
      const { page, errors, ms } = await open(W, H, hash({ s: 'never-cut-2021', mode: 'compare', b: 'historical', x: 'redcat-2022,closed-loop-forever', agents: '1000', seed: '1', reps: '3' }));
      console.log(`${W}×${H} four arms (4 × 3 runs of 1,000 agents): charts drawn ${ms} ms after navigation`);
      await noOverflow(page);
      // The N-arm headline: one column per arm against the baseline, every figure with its interval.
      const table = page.locator('#headline-host table.arms');
      expect(await table.locator('thead th[data-arm]').count()).toBe(3);
      expect(await table.locator('tbody tr').count()).toBe(14);
      const cells = await table.locator('tbody td').allTextContents();
      expect(cells.length).toBe(42);
      expect(cells.filter((c) => /\[[+−]\S+, [+−]\S+\]/.test(c) || c === 'no difference').length).toBe(42);
      expect(await page.locator('.arm-sentence').count()).toBe(2);
      expect(await page.textContent('.arm-sentence[data-arm="2"]')).toMatch(/^Arm 3: .*(From|identical|same policies)/);
      // Phase view: four bars per segment, and the tooltip names each arm's phase.
      const chart = page.locator('[data-chart="phases"] svg');
      const slots = await chart.locator('g.phase-slot').count();
      expect(slots).toBeGreaterThan(8);
      expect(await chart.locator('rect.phase-bar').count()).toBe(4 * slots);
      expect(await chart.locator('.legend text').allTextContents()).toEqual(expect.arrayContaining(['Baseline', 'What-if']));
      const tip = await phaseTooltip(page, slots - 1);
      expect(tip).toMatch(/^Segment \S+ \(\d{4}-\d\d-\d\d – 2025-12-31\)/);
      for (const arm of ['Baseline: ', 'What-if: ', 'Arm 3: ', 'Arm 4: ']) expect(tip).toContain(arm);
      expect(tip).toContain('Red Cat (红猫计划)');
      // Timeline: one row per arm.
      const names = (await page.locator('#timeline-host text').allTextContents()).join(' ');
      expect(names).toContain('Arm 3: Red Cat in 2022');
      expect(names).toContain('Arm 4: Closed loop forever');
      // The paired table's caption stays inside its card's scroll area.
      const cap = await page.locator('#paired-host caption').evaluate((c) => { const r = c.getBoundingClientRect(), w = c.closest('.table-wrap')!.getBoundingClientRect(); return { right: r.right, wrapRight: w.right, left: r.left, wrapLeft: w.left }; });
      expect(cap.right).toBeLessThanOrEqual(cap.wrapRight + 0.5);
      expect(cap.left).toBeGreaterThanOrEqual(cap.wrapLeft - 0.5);
      expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('x=redcat-2022,closed-loop-forever');
      await page.mouse.move(1, 1);
      mkdirSync(SHOTS, { recursive: true });
      // Element shots first: a full-page shot resizes the viewport, and the resize redraws the charts.
      for (const [name, sel] of [['headline', '#headline-card'], ['phase-view', '.chart-card[data-chart="phases"]'], ['timeline', '#timeline-card'], ['paired', '#paired-card']]) await shotOf(page.locator(sel), `${SHOTS}/phases-arms-${W}-${name}.png`);
      await page.screenshot({ path: `${SHOTS}/phases-arms-${W}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
