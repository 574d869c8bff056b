import { describe, expect, it } from 'vitest';
import { ineffectiveLevers, resolveScenario, simulate } from '../../engine/index.ts';
import { pairedRow } from '../../engine/stats/pairedRow.ts';
import historical from '../../scenarios/historical.json';
import { catalogLoader, resolveCatalog } from '../../viz/app/catalog.ts';
import { whatIfFile } from '../../viz/app/whatIf.ts';
import { CHART_IDS, renderChart, timelineChart } from '../../viz/charts/index.ts';
import { compact, pct, rmb, rmbTick } from '../../viz/charts/format.ts';
import { timelineLegend } from '../../viz/charts/timelineChart.ts';
import { headline } from '../../viz/data/headline.ts';
import { runFigures } from '../../viz/data/runFigures.ts';
import { assembleView, planJobs, segmentTitle, type RunRequest } from '../../viz/data/runPlan.ts';
import { headlineElement } from '../../viz/tables/headlineCard.ts';
import { phaseTableRows } from '../../viz/tables/phaseTable.ts';
import { pnlLabel, pnlTableElement } from '../../viz/tables/pnlTable.ts';

// Issue 17 (the visualizer v2), unit level in Chromium: number formats, the no-effect lever
// check, the "what changed" headline's statistics, charts at phone width, CSV intervals.

const load = (name: string) => { if (name.replace(/\.json$/, '') !== 'historical') throw new Error(`unknown ${name}`); return historical; };
const short = (extra: Record<string, unknown> = {}) => resolveScenario({ id: 'short', extends: 'historical', start: '2020-06-01', end: '2021-12-31', ...extra }, load);

function view(req: RunRequest) {
  const plan = planJobs(req);
  const figures = plan.jobs.map((j) => runFigures(simulate(j.scenario, { seed: j.seed, agents: j.agents })));
  return assembleView(req, plan, figures, 0, 1e9 / req.agents);
}

/** Texts of an SVG that stick out of its viewBox, measured by the browser. */
function textOutside(svg: SVGSVGElement): string[] {
  const vb = svg.viewBox.baseVal;
  const bad: string[] = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = (t as SVGGraphicsElement).getBBox(), m = (t as SVGGraphicsElement).getCTM()!;
    const x0 = m.a * b.x + m.e, x1 = m.a * (b.x + b.width) + m.e, y0 = m.d * b.y + m.f, y1 = m.d * (b.y + b.height) + m.f;
    if (b.width > 0 && (x0 < -0.5 || x1 > vb.width + 0.5 || y0 < -0.5 || y1 > vb.height + 0.5)) bad.push(`"${t.textContent}" at x ${x0.toFixed(0)}–${x1.toFixed(0)}`);
  }
  return bad;
}

describe('number formats', () => {
  it('three significant digits with trailing zeros; a value that rounds to 1000 moves to the next unit', () => {
    expect(rmb(999.5e6)).toBe('¥1.00B');
    expect(rmb(999.96e6)).toBe('¥1.00B');
    expect(rmb(999.4e6)).toBe('¥999M');
    expect(rmb(-999.7e6)).toBe('−¥1.00B');
    expect(rmb(999.6e3)).toBe('¥1.00M');
    expect(rmb(4.4e12)).toBe('¥4.40T'); // beside ¥4.86T: same precision
    expect(rmb(4.86e12)).toBe('¥4.86T');
    expect(rmb(5e9)).toBe('¥5.00B');
    expect(compact(12345)).toBe('12.3K');
    expect(compact(9.996)).toBe('10.0');
    expect(pct(0.09996)).toBe('10.0%');
    expect(pct(0.042)).toBe('4.20%');
    // Axis ticks drop trailing zeros.
    expect(rmbTick(5e9)).toBe('¥5B');
    expect(rmbTick(2.5e9)).toBe('¥2.5B');
    expect(rmbTick(999.5e6)).toBe('¥1B');
  });
});

describe('a lever change that has no effect in the window', () => {
  const hist = resolveCatalog('historical');
  const whatIf = (levers: Record<string, string | number>, from = '2021-08-01', hold = true) => resolveScenario(whatIfFile({ scenario: 'historical', from, levers, hold }, hist)!, catalogLoader);

  it('historical from 2021-08-01, notes with links to Taobao/Tmall = all: no effect until the Red Cat entry (eligible merchants 0%)', () => {
    const [w] = ineffectiveLevers(whatIf({ 'links.taotian.notes': 'all' }), hist, '2021-08-01', ['links.taotian.notes']);
    expect(w.path).toBe('links.taotian.notes');
    expect(w.spans).toEqual([{ start: '2021-08-01', end: '2025-05-06' }]);
    expect(w.never).toBe(false); // from 2025-05-07 eligible merchants are 15%: 'all' vs the scenario's 'ads' acts
    expect(w.message).toContain('eligible merchants for links to Taobao/Tmall are 0%');
    // Without hold the 2025-05-07 entry sets the notes back: no effect at all in the window.
    const [free] = ineffectiveLevers(whatIf({ 'links.taotian.notes': 'all' }, '2021-08-01', false), hist, '2021-08-01', ['links.taotian.notes']);
    expect(free.never).toBe(true);
    expect(free.message).toMatch(/^No effect in the window/);
  });

  it('no warning when the lever can act, and one for the other dependent levers', () => {
    expect(ineffectiveLevers(whatIf({ 'links.taotian.notes': 'all', 'links.taotian.eligibleShare': 0.3 }), hist, '2021-08-01', ['links.taotian.notes', 'links.taotian.eligibleShare'])).toEqual([]);
    expect(ineffectiveLevers(whatIf({ adLoad: 0.2 }), hist, '2021-08-01', ['adLoad'])).toEqual([]);
    const [ref] = ineffectiveLevers(whatIf({ 'roiGuarantee.refundShare': 0.9 }, '2019-01-01'), hist, '2019-01-01', ['roiGuarantee.refundShare']);
    expect(ref.spans[0]).toEqual({ start: '2019-01-01', end: '2025-05-06' });
    expect(ref.message).toContain('the guaranteed ROI is 0');
  });
});

describe('compare views', () => {
  const base = short();
  const wi = short({ policies: [{ id: 'whatif', date: '2021-01-01', phase: 'What-if from 2021-01-01', set: { adLoad: 0.2 } }] });
  // 2,000 agents: at 800 the ad-revenue rise's 3-seed interval can straddle 0 (it did with seed.needCapture on: +4.3B [−0.7B, +9.2B])
  const compare = view({ mode: 'compare', base, whatIf: wi, agents: 2000, seed: 2, reps: 3 });

  it('the headline sums each figure over the window per seed and pairs the seeds with the engine’s pairedRow', () => {
    const h = headline(compare);
    expect(h.window!.from).toBe('2021-01-01');
    expect(h.window!.months[0]).toBe('2021-01');
    expect(h.rows.map((r) => r.key)).toEqual(['red_ad_revenue', 'red_revenue', 'red_seeded_gmv', 'seeded_attributed', 'seeded_incremental', 'gmv_taotian', 'gmv_jd', 'gmv_pdd', 'gmv_douyin', 'gmv_red', 'merchant_red_spend', 'merchant_red_roi', 'trust', 'mau']);
    const [a, b] = compare.arms;
    const sum = (arm: typeof a) => [0, 1, 2].map((i) => h.window!.months.reduce((s, m) => s + arm.figures.get('series', m, 'red', 'ad_revenue')!.values[i], 0));
    const r = pairedRow(sum(a), sum(b));
    const ads = h.rows[0];
    expect(ads).toMatchObject({ diff: r.diff, lo: r.diffLo, hi: r.diffHi, meanA: r.meanA, meanB: r.meanB, n: 3 });
    // Ad load 20% (history 3% until 2023) from 2021 lowers trust in RED content, clear of zero.
    const trust = h.rows.find((x) => x.key === 'trust')!;
    expect(trust.hi).toBeLessThan(0);
    const el = headlineElement(document, compare);
    // the sentence names the three largest relative changes: RED's ad revenue (×2) outranks trust here
    expect(el.querySelector('.headline-sentence')!.textContent).toMatch(/^From Jan 2021 to Dec 2021, compared with the baseline, .*RED's ad revenue rises by ¥\d+\.\d\dB \(\+\d+\.\d%\).*\d more figures? changes? clearly \(below\)/);
    expect(el.querySelectorAll('.headline-tile').length).toBe(14);
    expect(el.querySelector('[data-key="trust"] .ht-diff')!.textContent).toMatch(/^▼ −0\.\d{3} \(−\d/);
    expect(el.querySelector('[data-key="trust"] .ht-ci')!.textContent).toMatch(/^95%: \[−0\.\d{3}, −0\.\d{3}\]$/);
    // Money tiles: three significant digits, an interval in RMB.
    expect(el.querySelector('[data-key="red_ad_revenue"] .ht-ci')!.textContent).toMatch(/^95%: \[[+−]¥(\d\.\d\d|\d\d\.\d|\d{3})[KMBT]?, [+−]¥(\d\.\d\d|\d\d\.\d|\d{3})[KMBT]?\]$/);
  });

  it('at phone width (360 px) every chart keeps its text in its box; the difference chart has one panel per platform', () => {
    for (const id of CHART_IDS) {
      const chart = renderChart(document, id, compare, { width: 340, height: id === 'gmv' ? 900 : id === 'rates' ? 640 : 400 });
      document.body.append(chart.svg);
      expect(textOutside(chart.svg), id).toEqual([]);
      chart.svg.remove();
    }
    const pctChart = renderChart(document, 'gmv', compare, { width: 520, height: 560, diffScale: 'pct' });
    expect(pctChart.svg.querySelectorAll('g[data-platform]').length).toBe(5);
    expect(pctChart.svg.querySelector('.unit-label')!.textContent).toBe('Δ %');
    const tl = timelineChart(document, compare.arms.map((a) => ({ label: a.label, scenario: a.scenario })), { width: 340 });
    document.body.append(tl.svg);
    expect(textOutside(tl.svg)).toEqual([]);
    expect([...tl.svg.querySelectorAll('text')].filter((t) => t.textContent!.includes('…'))).toEqual([]); // nothing cut
    expect([...tl.svg.querySelectorAll('g.marker title')].every((t) => !t.textContent!.includes('{'))).toBe(true); // words, not JSON
    tl.svg.remove();
  });

  it('P&L per party: RED, Taotian and the merchants, baseline and paired difference over the window; lines in words', () => {
    const el = pnlTableElement(document, compare);
    expect([...el.querySelectorAll('table.pnl')].map((t) => t.getAttribute('data-party'))).toEqual(['red', 'taotian', 'merchants']);
    const red = el.querySelector('table.pnl[data-party="red"]')!;
    const net = red.querySelector('tr.pnl-net')!;
    expect(net.querySelector('th')!.textContent).toBe('Net (revenue − cost)');
    expect(net.querySelectorAll('td')[0].textContent).toMatch(/^¥\d/);
    expect(red.textContent).toContain('Revenue: RED feed ads');
    expect(pnlLabel('cost:commission.taotian')).toBe('Cost: commission (Taobao/Tmall)');
    expect(pnlLabel('revenue:ads.search.jd')).toBe('Revenue: search ads (JD)');
  });

  it('the phase list marks where the arms’ phases differ; a segment names both arms’ phases when they differ', () => {
    const legend = timelineLegend(document, compare.arms.map((a) => ({ label: a.label, scenario: a.scenario })));
    expect(legend.querySelectorAll('tr.differs').length).toBeGreaterThan(0);
    expect(segmentTitle({ label: 'x', start: '2025-05-07', end: '2025-12-31', phaseA: '2025-05 Red Cat', phaseB: '2024-09 ads', common: true })).toBe('what-if: 2024-09 ads · baseline: 2025-05 Red Cat (2025-05-07 – 2025-12-31)');
    expect(segmentTitle({ label: 'x', start: '2021-01-01', end: '2021-12-31', phaseA: 'same', phaseB: 'same', common: true })).toBe('same (2021-01-01 – 2021-12-31)');
  });
});

describe('CSV intervals', () => {
  it('with one replication every chart’s CSV (and the phase table’s) has empty lo/hi; with two, numbers', () => {
    for (const reps of [1, 2]) {
      const v = view({ mode: 'single', whatIf: short(), agents: 600, seed: 5, reps });
      for (const id of CHART_IDS) {
        const rows = renderChart(document, id, v, { width: 560, height: 380 }).csv;
        const filled = rows.filter((r) => r.mean !== '');
        expect(filled.length, id).toBeGreaterThan(0);
        if (reps === 1) expect(filled.every((r) => r.lo === '' && r.hi === ''), `${id} reps 1`).toBe(true);
        else expect(filled.some((r) => typeof r.lo === 'number' && typeof r.hi === 'number'), `${id} reps 2`).toBe(true);
      }
      const phases = phaseTableRows(v);
      expect(phases.every((r) => (reps === 1 ? r.lo === '' && r.hi === '' : true))).toBe(true);
    }
  });
});
