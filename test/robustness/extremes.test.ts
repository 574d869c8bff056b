/**
 * Extreme but valid scenarios run to the end and keep the accounting identities
 * (test/robustness/invariants.ts): 1 agent over the longest default span, zero ad
 * budgets, 100% ad load, every link and data program open, 2018–2027, and every
 * parameter at its lower or upper bound.
 */
import { describe, expect, it } from 'vitest';
import { PARAMETERS, simulate, type Result } from '../../engine/index.ts';
import { derived } from '../helpers.ts';
import { violations } from './invariants.ts';

const open = { notes: 'all', friction: 0, eligibleShare: 1 };
const fullData = { level: 1, eligibleShare: 1, joinRatePerMonth: 1 };
const everyLinkOpen = {
  links: { taotian: open, jd: open, pdd: open },
  dataSharing: { taotian: fullData, jd: fullData, pdd: fullData },
  ownStore: { enabled: true, merchantShare: 1, push: 1 },
  audienceTags: 100_000, adTools: 1, contentTab: { taotian: 1, jd: 1, pdd: 1 }, trafficBoost: 1,
  benefits: { coupon: 1, membership: 1 }, matching: { rate: 100, capRmbPerMonth: 1e13 },
};
/** The sum rules (engine/scenario/constraints.ts) keep these pairs at most 1 together. */
const sumRulesAtHalf = { 'merchants.initRedShare': 0.5, 'merchants.initDouyinShare': 0.5, 'population.tier1Share': 0.5, 'population.tier2Share': 0.5 };
const allParameters = (bound: 'min' | 'max') => ({
  ...Object.fromEntries(PARAMETERS.map((d) => [d.key, d[bound]])),
  ...sumRulesAtHalf,
  'merchants.agents': 300, 'creators.agents': 300, // the upper bounds (100,000 each) only cost time
});

function runs(overrides: Record<string, unknown>, seed = 5): Result {
  const r = simulate(derived(overrides), { seed });
  expect(violations(r)).toEqual([]);
  return r;
}
const totalGmv = (r: Result) => r.ledger.gmvFen.reduce((a, b) => a + b, 0);

describe('extreme but valid scenarios keep the accounting identities', () => {
  it('1 agent, 2018–2027', () => {
    const r = runs({ agents: 1, end: '2027-12-31' });
    expect(r.manifest.agents).toBe(1);
    expect(r.months.length).toBe(120);
  });

  it('zero ad budgets (merchants.adToSales = 0): ad spend only at the 1 RMB/month floor, orders still happen', () => {
    const r = runs({ agents: 600, start: '2023-01-01', end: '2024-12-31', parameters: { 'merchants.adToSales': 0 } });
    // engine/simulation.ts keeps every merchant at 100 fen a month (agent scale) so its channels stay alive.
    const floorFen = 100 * r.manifest.merchants * r.months.length;
    expect(r.ledger.adRevenueFen.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(floorFen);
    expect(r.ledger.sponsoredSpendFen).toBeLessThanOrEqual(floorFen);
    expect(totalGmv(r)).toBeGreaterThan(0);
  });

  it('100% ad load from the start', () => {
    const r = runs({ agents: 600, start: '2021-01-01', end: '2022-06-30', policies: [{ date: '2021-01-01', set: { adLoad: 1 } }] });
    expect(totalGmv(r)).toBeGreaterThan(0);
  });

  it('every link, data program and benefit open from 2018', () => {
    const r = runs({ agents: 600, end: '2020-12-31', policies: [{ date: '2018-01-01', set: everyLinkOpen }] });
    expect(r.ledger.matchingFen).toBeGreaterThan(0);
  });

  it('all of it at once, 2018–2027: 100% ad load, every link open, zero budgets, 300 agents', () => {
    runs({ agents: 300, end: '2027-12-31', parameters: { 'merchants.adToSales': 0 }, policies: [{ date: '2019-01-01', set: { ...everyLinkOpen, adLoad: 1 } }] });
  });

  it('every parameter at its lower bound', () => {
    runs({ agents: 300, start: '2024-01-01', end: '2024-12-31', parameters: allParameters('min') });
  });

  it('every parameter at its upper bound', () => {
    runs({ agents: 300, start: '2024-01-01', end: '2024-12-31', parameters: allParameters('max') });
  });

  it('a one-day span', () => {
    runs({ agents: 50, start: '2025-05-07', end: '2025-05-07' });
  });
});
