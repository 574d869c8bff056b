import { describe, expect, it } from 'vitest';
import { compare, replicationSeed, resolveScenario, simulate, unionSegments, withSegments, commonYears } from '../../engine/index.ts';
import { derived, loadBundled } from '../helpers.ts';

const span = { start: '2021-05-01', end: '2022-04-30', agents: 800 };
/** Historical and the never-cut counterfactual over the same short span around the 2021-08 cut. */
const arms = () => ({
  a: derived(span),
  b: resolveScenario({ ...loadBundled('never-cut-2021'), ...span }, loadBundled),
});

describe('unionSegments', () => {
  it('cuts at every phase boundary of either arm and labels each segment with both phases', () => {
    const a = derived({ start: '2021-01-01', end: '2022-12-31' });
    const b = derived({ start: '2021-01-01', end: '2022-12-31', policies: [{ id: 'x', date: '2021-05-10', phase: 'B only', set: { adLoad: 0.2 } }] });
    const g = unionSegments(a, b);
    expect(g.map((s) => s.label)).toEqual(['2021-01-01..2021-05-09', '2021-05-10..2021-07-31', '2021-08-01..2022-02-28', '2022-03-01..2022-12-31']);
    expect(g[1]).toMatchObject({ phaseA: '2020-08 organic links to Taobao', phaseB: 'B only', common: true });
    expect(g[2]).toMatchObject({ phaseA: '2021-08 links cut, 号店一体', phaseB: '2021-08 links cut, 号店一体' });
  });
  it('compares only the overlap of different spans, and only years covered by both with the same days', () => {
    const a = derived({ start: '2024-01-01', end: '2025-12-31' });
    const b = resolveScenario({ ...loadBundled('projection-2027'), start: '2024-01-01' }, loadBundled);
    const g = unionSegments(a, b);
    expect(g.filter((s) => !s.common).map((s) => s.label)).toEqual(['2026-01-01..2027-12-31']); // projection-2027's one phase
    expect(g[g.length - 1].phaseA).toBe('');
    expect(commonYears(a, b)).toEqual([2024, 2025]);
    expect(commonYears(derived({ start: '2021-03-01', end: '2021-12-31' }), derived({ start: '2021-01-01', end: '2021-12-31' }))).toEqual([]);
  });
});

describe('withSegments', () => {
  it('changes how days are summed into phases, not the simulation', () => {
    const { a, b } = arms();
    const plain = simulate(a, { seed: 5 });
    const cut = simulate(withSegments(a, unionSegments(a, b)), { seed: 5 });
    expect(cut.series).toEqual(plain.series);
    expect(cut.ledger).toEqual(plain.ledger);
    expect(cut.red).toEqual(plain.red);
    expect(cut.phases.map((p) => p.label)).toEqual(['2021-05-01..2021-07-31', '2021-08-01..2022-02-28', '2022-03-01..2022-04-30']);
  });
});

describe('compare', () => {
  const { a, b } = arms();
  const c = compare(a, b, { reps: 3, seed: 7 });
  const row = (period: string, platform: string, metric: string) => c.rows.find((r) => r.period === period && r.platform === platform && r.metric === metric)!;

  it('runs both arms with the same seeds, derived from the root seed', () => {
    expect(c.manifest.seeds).toEqual([0, 1, 2].map((i) => replicationSeed(7, i)));
    expect(c.manifest.a.id).toBe('test');
    expect(c.manifest.b.id).toBe('never-cut-2021');
  });

  it('gives exactly zero differences before the policies differ (common random numbers)', () => {
    const before = c.rows.filter((r) => r.period === '2021-05-01..2021-07-31');
    expect(before.length).toBeGreaterThan(20);
    for (const r of before) {
      expect(r.identical).toBe(true);
      expect(r.diff === 0 || Number.isNaN(r.diff)).toBe(true);
    }
  });

  it('reports b − a per replication, equal to independent runs of the two arms with the shared seed', () => {
    const seg = unionSegments(a, b);
    const r = row('2021-08-01..2022-02-28', 'red', 'trust');
    c.manifest.seeds.forEach((seed, i) => {
      const va = simulate(withSegments(a, seg), { seed }).phaseSummary.find((x) => x.phase === '2021-08-01..2022-02-28' && x.platform === 'red' && x.metric === 'trust')!.value;
      const vb = simulate(withSegments(b, seg), { seed }).phaseSummary.find((x) => x.phase === '2021-08-01..2022-02-28' && x.platform === 'red' && x.metric === 'trust')!.value;
      expect(r.valuesA[i]).toBe(va);
      expect(r.valuesB[i]).toBe(vb);
    });
    expect(r.diff).toBeCloseTo(r.valuesB.reduce((s, v, i) => s + v - r.valuesA[i], 0) / 3, 12);
  });

  it('shows the links kept after 2021-08 in B only, and a paired interval narrower than the unpaired one for Taotian GMV', () => {
    const ctr = row('2021-08-01..2022-02-28', 'red', 'link_out_ctr');
    expect(ctr.valuesA).toEqual([0, 0, 0]);
    for (const v of ctr.valuesB) expect(v).toBeGreaterThan(0);
    const gmv = row('2021-08-01..2022-02-28', 'taotian', 'gmv_per_year');
    expect(gmv.identical).toBe(false);
    expect(gmv.pairedHalfWidth).toBeLessThan(gmv.unpairedHalfWidth);
    expect(gmv.narrowing).toBeGreaterThan(1);
  });

  it('compares merchants\' RED ROI per calendar year by home platform', () => {
    // partial years count when both arms cover the same days of them
    expect(c.years).toEqual([2021, 2022]);
    expect(c.rows.find((r) => r.view === 'year' && r.period === '2021')!.start).toBe('2021-05-01');
    const y = compare(derived({ start: '2021-01-01', end: '2021-12-31', agents: 500 }), resolveScenario({ ...loadBundled('never-cut-2021'), start: '2021-01-01', end: '2021-12-31', agents: 500 }, loadBundled), { reps: 2 });
    expect(y.years).toEqual([2021]);
    const roi = y.rows.find((r) => r.view === 'year' && r.platform === 'all' && r.metric === 'merchant_roi_true')!;
    expect(roi.unit).toBe('RMB GMV per RMB');
    expect(roi.meanA).toBeGreaterThan(0);
    expect(roi.start).toBe('2021-01-01');
  });
});
