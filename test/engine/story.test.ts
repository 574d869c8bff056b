import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../engine/index.ts';
import { meanInterval } from '../../engine/stats/summary.ts';
import { runDerived } from '../helpers.ts';

// The historical run must show the story's shape (issue 2, "Done when"), and the
// mechanisms behind it must show in paired counterfactuals (same seed: common random numbers).
const phaseValue = (r: Result, phase: string, platform: string, metric: string) =>
  r.phaseSummary.find((x) => x.phase.startsWith(phase) && x.platform === platform && x.metric === metric)!.value;
const monthly = (r: Result, platform: string, metric: string, from: string, to: string) =>
  r.series.filter((x) => x.platform === platform && x.metric === metric && x.category === 'all' && x.period >= from && x.period <= to).reduce((s, x) => s + x.value, 0);

describe('the historical story (20,000 agents, seed 1)', () => {
  let r: Result;
  beforeAll(() => { r = runDerived({ agents: 20000 }, 1); });

  it('RED-seeded Taotian GMV per RED user drops after the 2021-08 link cut', () => {
    const perUser = (phase: string) => phaseValue(r, phase, 'taotian', 'red_seeded_gmv_per_year') / phaseValue(r, phase, 'red', 'mau');
    expect(perUser('2021-08')).toBeLessThan(perUser('2020-08'));
  });

  it('RED-seeded Taotian GMV recovers with the 2025 Red Cat links', () => {
    expect(phaseValue(r, '2025-05', 'taotian', 'red_seeded_gmv_per_year')).toBeGreaterThan(phaseValue(r, '2024-09', 'taotian', 'red_seeded_gmv_per_year'));
    expect(phaseValue(r, '2025-05', 'red', 'link_out_ctr')).toBeGreaterThan(0);
  });

  it('data sharing raises participating merchants\' measured ad CTR and engagement rate', () => {
    for (const year of [2022, 2023, 2024]) {
      const g = (group: string) => r.groups.find((x) => x.year === year && x.group === group)!;
      expect(g('program').ctr, `${year}`).toBeGreaterThan(g('other').ctr);
      expect(g('program').engagementRate, `${year}`).toBeGreaterThan(g('other').engagementRate);
    }
  });

  it('RED\'s own e-commerce grows after the 2023 pivot to buyer-led selling', () => {
    const own = (year: number) => r.red.find((y) => y.year === year)!.ownStoreGmvRmb;
    expect(own(2024)).toBeGreaterThan(own(2023));
  });

  it('Douyin\'s GMV grows fastest from 2018 to 2025', () => {
    const growth = (p: string) => monthly(r, p, 'gmv', '2025-01', '2025-12') / monthly(r, p, 'gmv', '2018-01', '2018-12');
    for (const p of ['taotian', 'jd', 'pdd']) expect(growth('douyin'), p).toBeGreaterThan(growth(p));
  });
});

describe('paired counterfactuals behind the story (10,000 agents, same seeds)', () => {
  it('keeping the 2020 links (no cut) gives more RED-seeded Taotian GMV after 2021-08 (95% interval over 6 seeds)', () => {
    // one seed is not enough: single-seed differences ranged from −0.04B to +3.4B (seeds 1–12, docs/performance.md)
    const span = { agents: 10000, start: '2020-06-01', end: '2022-06-30' };
    const after = (x: Result) => monthly(x, 'taotian', 'red_seeded_gmv', '2021-08', '2022-06');
    const diffs: number[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const hist = runDerived(span, seed);
      const neverCut = runDerived({ ...span, policies: [{ id: 'cut-2021', date: '2021-08-01', phase: '2021-08 links kept', set: { contentTab: { taotian: 0.5 } } }] }, seed);
      expect(monthly(neverCut, 'taotian', 'red_seeded_gmv', '2020-06', '2021-07')).toBe(monthly(hist, 'taotian', 'red_seeded_gmv', '2020-06', '2021-07'));
      diffs.push(after(neverCut) - after(hist));
    }
    expect(meanInterval(diffs).lo).toBeGreaterThan(0);
  });

  it('Red Cat raises RED-seeded Taotian GMV over the same months without it', () => {
    const span = { agents: 10000, start: '2024-09-01', end: '2025-12-31' };
    const hist = runDerived(span, 5);
    const noRedCat = runDerived({ ...span, policies: [{ id: 'redcat-2025', remove: true, date: '2025-05-07' }] }, 5);
    const after = (x: Result) => monthly(x, 'taotian', 'red_seeded_gmv', '2025-05', '2025-12');
    expect(after(hist)).toBeGreaterThan(after(noRedCat));
  });
});
