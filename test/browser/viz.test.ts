import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, waitForRun, type Site } from './site.ts';

// The built visualizer in Debian's Chromium (through playwright-core, against `vite preview`).
// Runs with small agent counts except the default-load test, which runs the page's default
// (historical, 10,000 agents). No wall-clock assertions: the run time is printed, not tested.

let site: Site;
beforeAll(async () => { site = await startSite(); }, 120_000);
afterAll(async () => { await site?.close(); });

const ARTIFACTS = 'test/artifacts';
const CHARTS = ['gmv', 'revenue', 'funnel', 'rates', 'users', 'roi'];

describe('visualizer in Chromium', () => {
  it('loads with no console errors, runs the default historical scenario and draws every chart with data', async () => {
    const { page, problems } = await openPage(site);
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("script-src 'self'");
    await waitForRun(page);
    expect(await page.locator('.message-error').count()).toBe(0);
    const status = await page.textContent('#status');
    expect(status).toMatch(/^Done in/);
    console.log(`default historical run (10,000 agents) in the browser: ${await page.evaluate(() => document.body.dataset.lastRunMs)} ms`);
    expect(await page.textContent('#summary')).toContain('10,000 user agents');

    for (const id of CHARTS) {
      const svg = page.locator(`.chart-card[data-chart="${id}"] svg`);
      await expect.poll(() => svg.count()).toBe(1);
      expect(await svg.locator('.chart-title').textContent()).toBeTruthy();
      // Data marks: paths with real geometry, or bars with a width/height.
      const marks = await svg.evaluate((el) => {
        const paths = [...el.querySelectorAll('path.series-line, path.series-area, path.band')].map((p) => (p.getAttribute('d') ?? '').length);
        const bars = [...el.querySelectorAll('rect.funnel-bar, rect.roi-bar')].map((r) => Math.max(Number(r.getAttribute('width')), Number(r.getAttribute('height'))));
        return { paths, bars };
      });
      expect(marks.paths.filter((n) => n > 50).length + marks.bars.filter((n) => n > 1).length, `chart ${id} has drawn data`).toBeGreaterThan(0);
      const ticks = await svg.locator('.axis .tick text').allTextContents();
      expect(ticks.length, `chart ${id} axis ticks`).toBeGreaterThan(3);
      const units = await svg.locator('.unit-label').allTextContents();
      expect(units.length, `chart ${id} has a unit label`).toBeGreaterThan(0);
    }
    // Ticks carry units: money in ¥, rates in %, years on time axes.
    expect((await page.locator('[data-chart="gmv"] .axis-y .tick text').allTextContents()).some((t) => /^¥\d/.test(t))).toBe(true);
    expect((await page.locator('[data-chart="rates"] .axis-y .tick text').allTextContents()).every((t) => t.endsWith('%'))).toBe(true);
    expect(await page.locator('[data-chart="gmv"] .axis-x .tick text').allTextContents()).toContain('2021');
    expect(await page.locator('[data-chart="gmv"] .unit-label').textContent()).toBe('RMB / month');
    expect(await page.locator('[data-chart="users"] .unit-label').allTextContents()).toContain('people');
    // Phase bands, numbered like the timeline; timeline markers.
    expect(await page.locator('[data-chart="gmv"] .phase-bands rect').count()).toBeGreaterThan(5);
    expect(await page.locator('#timeline-host .marker').count()).toBeGreaterThan(5);
    // The per-phase table has one row per phase with money figures.
    const rows = await page.locator('#phases-host tbody tr').count();
    expect(rows).toBeGreaterThan(5);

    // Hover read-out.
    const box = (await page.locator('[data-chart="gmv"] svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
    expect(await page.textContent('#tooltip')).toMatch(/total ¥/);
    await page.mouse.move(2, 2);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/viz-main.png` });
    await page.screenshot({ path: `${ARTIFACTS}/viz-main-full.png`, fullPage: true });

    // Exports: PNG, SVG, CSV of a chart.
    for (const [label, check] of [['PNG', (b: Buffer) => b.subarray(1, 4).toString() === 'PNG'], ['SVG', (b: Buffer) => b.toString().includes('<svg')], ['CSV', (b: Buffer) => b.toString().startsWith('period,platform,metric,unit,mean,lo,hi')]] as const) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-chart="gmv"] .card-tools button:text-is("${label}")`).click()]);
      const buf = readFileSync((await dl.path())!);
      expect(check(buf), `${label} export`).toBe(true);
      if (label === 'PNG') writeFileSync(`${ARTIFACTS}/viz-gmv-export.png`, buf);
    }
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 180_000);
});

/** A shared-link hash (built here by hand, as a user's link would be). */
function hash(params: Record<string, string>): string {
  return `#${new URLSearchParams(params).toString()}`;
}
const whatIf = (set: Record<string, unknown>, date = '2021-01-01') => JSON.stringify({
  id: 'historical-whatif', title: 'Historical + what-if', extends: 'historical.json',
  policies: [{ id: 'whatif', date, phase: `What-if from ${date}`, label: 'test what-if', set }],
});

describe('visualizer interactions', () => {
  it('gives the same numbers as Node for the same seed, and a lever change re-run changes them', async () => {
    const { page, problems } = await openPage(site, hash({ s: 'historical', agents: '2000', seed: '7', reps: '1' }));
    await waitForRun(page);
    // Bit-identical to a Node run of the same scenario, seed and agents (CSV export of the GMV chart).
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart="gmv"] .card-tools button:text-is("CSV")').click()]);
    const csv = readFileSync((await dl.path())!, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const { simulate, resolveScenario } = await import('../../engine/index.ts');
    const r = simulate(resolveScenario(JSON.parse(readFileSync('scenarios/historical.json', 'utf8'))), { seed: 7, agents: 2000 });
    const node = new Map(r.series.filter((s) => s.metric === 'gmv' && s.category === 'all').map((s) => [`${s.period}|${s.platform}`, s.value]));
    expect(csv.length).toBe(node.size);
    for (const [period, platform, , , mean] of csv) expect(Number(mean), `${period} ${platform}`).toBe(node.get(`${period}|${platform}`));

    const adsBefore = await page.locator('#phases-host tbody tr:last-child td').nth(6).textContent();
    // Keyboard only: focus the ad-load slider, move it to its maximum, run.
    await page.locator('#lever-adLoad').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.lever[data-path="adLoad"]').getAttribute('class')).toContain('changed');
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('"adLoad":0.3');
    expect(await page.textContent('#status')).toContain('press Run');
    await page.locator('#run').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.running === 'true', null, { timeout: 10_000 }).catch(() => {});
    await waitForRun(page);
    const adsAfter = await page.locator('#phases-host tbody tr:last-child td').nth(6).textContent();
    expect(adsAfter).not.toBe(adsBefore);
    expect(await page.locator('#timeline-host .marker-whatif').count()).toBe(1);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('compare mode shows replication bands and a paired table (zero difference before the what-if)', async () => {
    const { page, problems } = await openPage(site, hash({ s: 'historical', mode: 'compare', b: 'historical', agents: '1500', seed: '3', reps: '3', w: whatIf({ adLoad: 0.2 }), hold: '1', metric: 'trust' }));
    await waitForRun(page);
    expect(await page.locator('.message-error').count()).toBe(0);
    expect(await page.textContent('#summary')).toContain('3 replications per arm');
    for (const id of ['gmv', 'revenue', 'rates', 'users']) {
      const bands = await page.locator(`[data-chart="${id}"] path.band`).evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length));
      expect(bands.filter((n) => n > 50).length, `${id} has bands`).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-chart="gmv"] .chart-title').textContent()).toContain('what-if − baseline');
    const table = page.locator('#paired-host table.paired');
    expect(await table.getAttribute('data-metric')).toBe('trust');
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelector('td')!.textContent!]));
    expect(rows[0][1]).toContain('no difference'); // 2018 closed loop: same seeds, same policies before 2021
    const after = rows.filter(([segment]) => segment.includes('2021-01-01') || segment.match(/\((202[2-5])/));
    expect(after.length).toBeGreaterThan(3);
    // Ad load 20% (history: 5–8%) from 2021 on lowers trust in RED content in every later segment.
    for (const [segment, cell] of after) expect(cell, segment).toMatch(/^▼ −/);
    await page.screenshot({ path: `${ARTIFACTS}/viz-compare.png`, fullPage: true });
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('shows a clear message for a malformed shared link, runs nothing from it and keeps working', async () => {
    const bad = hash({ s: '<img src=x onerror=alert(1)>', agents: 'lots', w: whatIf({ adLoad: 3, links: { jd: { notes: 'some' } } }) });
    const { page, problems } = await openPage(site, bad);
    const msg = page.locator('.message-error');
    await expect.poll(() => msg.count()).toBe(1);
    const text = (await msg.textContent())!;
    expect(text).toContain('Nothing from the link was run');
    expect(text).toContain('s: unknown scenario "<img src=x onerror=alert(1)>"');
    expect(text).toContain('agents: expected a whole number in [500, 500000], got "lots"');
    expect(text).toContain('policies[0].set.adLoad: expected a number in [0, 1], got 3');
    expect(text).toContain('policies[0].set.links.jd.notes: expected one of "none", "organic", "ads", "all"');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.chart-card').count()).toBe(0);
    // Not JSON at all.
    await page.goto(`${site.url}${hash({ s: 'historical', w: '{"id": "x", extends' })}`);
    await expect.poll(() => page.locator('.message-error').textContent()).toContain('w (the what-if scenario): not valid JSON');
    // The page still works: run the defaults with few agents.
    await page.fill('#agents', '1000');
    await page.locator('#agents').dispatchEvent('change');
    await page.click('#run');
    await waitForRun(page);
    expect(await page.locator('.chart-card').count()).toBe(9); // phase view, six charts, category and share views
    expect(problems.errors.filter((e) => !e.includes('the server responded'))).toEqual([]);
    await page.close();
  }, 120_000);

  it('cancels a run', async () => {
    const { page, problems } = await openPage(site, hash({ s: 'historical', agents: '200000', reps: '1' }));
    await page.waitForFunction(() => document.body.dataset.running === 'true', null, { timeout: 30_000 });
    await page.click('#cancel');
    await expect.poll(() => page.textContent('#status')).toBe('Cancelled');
    expect(await page.evaluate(() => document.body.dataset.running)).toBe('false');
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
