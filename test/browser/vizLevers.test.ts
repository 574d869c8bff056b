import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, openSized, overflowOf, shotOf, startSite, waitForRun, type Site } from './site.ts';

// The what-if v2 levers (issue 15) on the page, in the built site in Chromium at a laptop's
// 1440×900 and a phone's 390×844: the controls exist at their neutral values with units and
// help, RED's commission on linked Taotian GMV from the Red Cat day changes RED's commission in
// the what-if arm (P&L), the URL restores the what-if exactly, hostile values are refused, and
// nothing overflows sideways. Screenshots go to $VIZ_SHOTS (default test/artifacts).

let site: Site;
beforeAll(async () => { site = await startSite(); }, 120_000);
afterAll(async () => { await site?.close(); });

const SHOTS = process.env.VIZ_SHOTS ?? 'test/artifacts';
const SIZES = [[1440, 900], [390, 844]] as const;
const hash = hashOf;
/** A page of the given size at a hash (test/browser/site.ts). */
const open = (width: number, height: number, h: string) => openSized(site, width, height, h, false);
/** Nothing sticks out sideways: the document and these elements (test/browser/site.ts). */
const overflow = (page: Page) => overflowOf(page, '.card, .panel, header, .lever, .lever-group, .lever output, .lever select, .lever input');
const whatIf = (set: Record<string, unknown>, date: string) => JSON.stringify({
  id: 'historical-whatif', title: 'Historical + what-if', extends: 'historical.json',
  policies: [{ id: 'whatif', date, phase: `What-if from ${date}`, label: 'test what-if', set }],
});

/** Wait for the run started by Run after a settings change: the summary is no longer stale. */
async function waitForRerun(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.running === 'false' && document.getElementById('summary')!.dataset.stale === undefined && document.querySelectorAll('.chart-card').length > 0, null, { timeout: 170_000, polling: 100 });
}

/** The text of a P&L row (th starts with `label`) of a party: [row header, cells…]. */
async function pnlRow(page: Page, party: string, label: string): Promise<string[]> {
  return page.locator(`#pnl-host table.pnl[data-party="${party}"] tbody tr`).evaluateAll((trs, l) => {
    const tr = trs.find((r) => r.querySelector('th')!.textContent!.startsWith(l));
    return tr ? [...tr.children].map((c) => c.textContent ?? '') : [];
  }, label);
}

// Every new control: [lever path, its neutral value (engine neutralLevers.ts), the value shown].
const NEW_LEVERS: [string, number, string][] = [
  ...['taotian', 'jd', 'pdd'].flatMap((m): [string, number, string][] => [
    [`links.${m}.redCommission`, 0, '0%'], [`links.${m}.minSizeQuantile`, 0, 'q 0.00'], [`links.${m}.maxSizeQuantile`, 1, 'q 1.00'],
  ]),
  ['roiGuarantee.jd.threshold', 0, '0.0 RMB/RMB'], ['roiGuarantee.jd.refundShare', 0, '0%'], ['roiGuarantee.pdd.threshold', 0, '0.0 RMB/RMB'], ['roiGuarantee.pdd.refundShare', 0, '0%'],
  ['take.taotian', 0.01, '1%'], ['take.jd', 0.03, '3%'], ['take.pdd', 0.006, '0.6%'], ['take.douyin', 0.03, '3%'],
  ['creatorPayByTier.head_kol', 1, '×1.00'], ['creatorPayByTier.mid_kol', 1, '×1.00'], ['creatorPayByTier.koc', 1, '×1.00'], ['creatorPayByTier.buyer', 1, '×1.00'],
  ['buyerCommission', 0.1, '10%'], ['ownStore.trustCost', 0, '0.000/day'],
];
/** The lever group whose summary starts with `name`. */
const groupOf = (page: Page, name: string) => page.locator('details.lever-group').filter({ has: page.locator('summary', { hasText: new RegExp(`^${name.replace(/[/]/g, '\\/')}`) }) });
const idOf = (path: string) => `#lever-${path.replace(/\./g, '-')}`;

describe('what-if v2 levers on the page', () => {
  for (const [W, H] of SIZES) {
    it(`${W}×${H}: the new controls exist at their neutral values, with help; the category picker; nothing overflows`, async () => {
      const { page, errors } = await open(W, H, hash({ s: 'historical', agents: '1000', seed: '1', reps: '1' }));
      await waitForRun(page, 170_000);
      for (const group of ['Take rates', 'Creators', 'Own stores', 'ROI guarantee']) expect(await groupOf(page, group).count(), group).toBe(1);
      // Open every group (as a strategist would, to look at them all).
      await page.evaluate(() => document.querySelectorAll('details.lever-group').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
      for (const [path, neutral, shown] of NEW_LEVERS) {
        const input = page.locator(idOf(path));
        expect(await input.count(), path).toBe(1);
        expect(Number(await input.inputValue()), path).toBeCloseTo(neutral, 9);
        expect(await page.locator(`.lever[data-path="${path}"] output`).textContent(), path).toBe(shown);
        expect(await page.locator(`.lever[data-path="${path}"] .lever-help`).textContent(), path).toContain('In the scenario:');
      }
      // Help says what it does, what it needs and its values over the chosen scenario.
      const help = (await page.locator('.lever[data-path="links.taotian.redCommission"] .lever-help').textContent())!;
      expect(help).toContain('% of the Taobao/Tmall GMV sold through RED links');
      expect(help).toContain('Needs notes with links and eligible merchants.');
      expect(help).toContain('In the scenario: 0% from 2018-01-01.');
      // Per-category eligibility: one picker per marketplace; the picked category's control follows "eligible merchants" (0% until Red Cat in history).
      const pick = page.locator('#lever-links-taotian-eligibleByCategory-pick');
      expect(await pick.count()).toBe(1);
      expect(await page.locator('.lever[data-path^="links.taotian.eligibleByCategory."]:visible').count()).toBe(1);
      await pick.selectOption('food');
      const food = page.locator('.lever[data-path="links.taotian.eligibleByCategory.food"]');
      expect(await food.isVisible()).toBe(true);
      expect(await page.locator('.lever[data-path="links.taotian.eligibleByCategory.beauty"]').isVisible()).toBe(false);
      expect(await food.locator('.lever-help').textContent()).toMatch(/In the scenario: 0% from 2018-01-01, .*% from 2025-05-07/);
      await page.locator(idOf('links.taotian.eligibleByCategory.food')).fill('0.4');
      await page.locator(idOf('links.taotian.eligibleByCategory.food')).dispatchEvent('change');
      await expect.poll(() => food.getAttribute('class')).toContain('changed');
      expect(await pick.locator('option[value="food"]').textContent()).toBe('food ●');
      expect(JSON.parse(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('w')!).policies[0].set).toEqual({ links: { taotian: { eligibleByCategory: { food: 0.4 } } } });
      // A changed category stays in view when another one is picked.
      await pick.selectOption('home');
      expect(await food.isVisible()).toBe(true);
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      expect(o.outside).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      // Groups the user opened stay open when a change re-renders the panel.
      expect(await groupOf(page, 'Take rates').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await shotOf(page.locator('.panel'), `${SHOTS}/levers-panel-${W}.png`);
      for (const group of ['ROI guarantee', 'Take rates', 'Creators', 'Own stores']) {
        await shotOf(groupOf(page, group), `${SHOTS}/levers-group-${group.replace(/\W+/g, '-').toLowerCase()}-${W}.png`);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    it(`${W}×${H}: RED's commission on Taotian links from 2025-05-07 shows in the what-if's P&L; the link restores it exactly`, async () => {
      const { page, errors } = await open(W, H, hash({ s: 'historical', mode: 'compare', b: 'historical', agents: '1500', seed: '3', reps: '2' }));
      await waitForRun(page, 170_000);
      expect(await page.locator('#pnl-host table.pnl[data-party="red"] caption').textContent()).toContain('the arms do not differ');
      await page.selectOption('#from-phase', '2025-05-07');
      const slider = page.locator(idOf('links.taotian.redCommission'));
      await slider.fill('0.03');
      await slider.dispatchEvent('change');
      const lever = page.locator('.lever[data-path="links.taotian.redCommission"]');
      await expect.poll(() => lever.getAttribute('class')).toContain('changed');
      expect(await lever.locator('output').textContent()).toBe('3%');
      expect(await lever.locator('.lever-warning').count()).toBe(0); // Red Cat links are live from that day
      const url = await page.evaluate(() => location.hash);
      const w = JSON.parse(new URLSearchParams(url.slice(1)).get('w')!);
      expect(w.policies[0]).toMatchObject({ id: 'whatif', date: '2025-05-07', set: { links: { taotian: { redCommission: 0.03 } } } });
      expect(w.policies[0].label).toContain('Links to Taobao/Tmall: RED commission on linked GMV 3%');
      await page.click('#run');
      await waitForRerun(page);
      // RED earns a commission on linked GMV in the what-if only; the merchants pay it.
      const red = await pnlRow(page, 'red', 'Revenue: commission on linked GMV');
      expect(red[1]).toBe('¥0');
      expect(red[2]).toMatch(/^\+¥\d/);
      const merchants = await pnlRow(page, 'merchants', 'Cost: commission on linked GMV');
      expect(merchants[2]).toMatch(/^\+¥\d/);
      expect((await pnlRow(page, 'red', 'Revenue, total'))[2]).not.toContain('no difference');
      const o = await overflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      expect(o.outside).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await page.evaluate(() => { document.querySelector<HTMLDetailsElement>('#pnl-card details')!.open = true; });
      await shotOf(page.locator('#pnl-card'), `${SHOTS}/levers-pnl-${W}.png`);
      await shotOf(groupOf(page, 'Links to Taobao/Tmall'), `${SHOTS}/levers-links-taotian-${W}.png`);
      // Last: a full-page shot resizes the viewport, and the resize redraws the charts.
      await page.screenshot({ path: `${SHOTS}/levers-redcommission-${W}.png`, fullPage: true });

      // The shared link: a fresh page restores the same what-if, the same URL and the same numbers.
      const again = await open(W, H, url);
      await waitForRun(again.page, 170_000);
      expect(await again.page.evaluate(() => location.hash)).toBe(url);
      expect(await again.page.locator('.message-error').count()).toBe(0);
      expect(await again.page.inputValue('#from')).toBe('2025-05-07');
      expect(Number(await again.page.locator(idOf('links.taotian.redCommission')).inputValue())).toBe(0.03);
      expect(await again.page.locator('.lever[data-path="links.taotian.redCommission"]').getAttribute('class')).toContain('changed');
      expect(await pnlRow(again.page, 'red', 'Revenue: commission on linked GMV')).toEqual(red);
      expect(again.errors).toEqual([]);
      await again.page.close();
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }

  it('refuses hostile values of the new levers in a link cleanly, runs nothing and shows every path', async () => {
    const bad = hash({ s: 'historical', agents: '1000', w: whatIf({
      links: { taotian: { redCommission: 2, eligibleByCategory: { toys: 0.5 }, minSizeQuantile: -1 } },
      roiGuarantee: { jd: { refundShare: '<b>x</b>' } }, take: { douyin: 1.5 }, creatorPayByTier: { superstar: 2 }, ownStore: { trustCost: 7 }, buyerCommission: null,
    }, '2025-05-07') });
    const { page, errors } = await open(1440, 900, bad);
    const msg = page.locator('.message-error');
    await expect.poll(() => msg.count()).toBe(1);
    const text = (await msg.textContent())!;
    expect(text).toContain('Nothing from the link was run');
    for (const path of ['set.links.taotian.redCommission', 'set.links.taotian.eligibleByCategory', 'set.links.taotian.minSizeQuantile', 'set.roiGuarantee.jd.refundShare', 'set.take.douyin', 'set.creatorPayByTier', 'set.ownStore.trustCost', 'set.buyerCommission']) expect(text, path).toContain(path);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('.chart-card').count()).toBe(0);
    // The controls show the defaults (nothing from the link).
    expect(Number(await page.locator(idOf('links.taotian.redCommission')).inputValue())).toBe(0);
    expect(await page.locator('.lever.changed').count()).toBe(0);
    expect(errors.filter((e) => !e.includes('the server responded'))).toEqual([]);
    await page.close();
  }, 120_000);
});
