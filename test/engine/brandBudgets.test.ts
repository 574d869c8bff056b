import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelShare } from '../../engine/behaviour/merchantBudget.ts';
import { CH_RED_FEED, CH_RED_NOTES, N_CHANNELS } from '../../engine/constants.ts';
import { defaultParameters, type Result } from '../../engine/index.ts';
import { createMerchants } from '../../engine/population/merchants.ts';
import { runDerived } from '../helpers.ts';

// Brand budgets (docs/ODD.md, "Merchant budgets"): the brand part of every merchant's budget
// follows RED's share of voice against Douyin; the performance part follows observed ROI.
const monthly = (r: Result, platform: string, metric: string, from: string, to: string) =>
  r.series.filter((x) => x.platform === platform && x.metric === metric && x.category === 'all' && x.period >= from && x.period <= to).reduce((s, x) => s + x.value, 0);

describe('channelShare', () => {
  it('splits the whole budget: shares are ≥ 0 and sum to 1 for any brand share, share of voice and RED tilt', () => {
    const M = createMerchants(defaultParameters(), 7);
    fc.assert(fc.property(fc.integer({ min: 0, max: M.m - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (i, beta, voice, tilt) => {
      let sum = 0;
      for (let k = 0; k < N_CHANNELS; k++) {
        const s = channelShare(M, i, k, beta, voice, tilt, 0.45);
        expect(s).toBeGreaterThanOrEqual(0);
        sum += s;
      }
      expect(sum).toBeCloseTo(1, 12);
    }));
  });

  it('is the learned weights exactly when the brand share is 0', () => {
    const M = createMerchants(defaultParameters(), 7);
    for (let i = 0; i < 50; i++) for (let k = 0; k < N_CHANNELS; k++) expect(channelShare(M, i, k, 0, 0.3, 2, 0.45)).toBe(M.weights[i * N_CHANNELS + k]);
  });

  it('a RED tilt above 1 moves brand money from Douyin to RED; a tilt of 1 is share of voice exactly', () => {
    const M = createMerchants(defaultParameters(), 7);
    const red = (i: number, tilt: number) => channelShare(M, i, CH_RED_FEED, 0.7, 0.1, tilt, 0.45) + channelShare(M, i, CH_RED_NOTES, 0.7, 0.1, tilt, 0.45);
    for (let i = 0; i < 50; i++) {
      expect(red(i, 2)).toBeGreaterThan(red(i, 1));
      expect(red(i, 0.5)).toBeLessThan(red(i, 1));
      expect(red(i, 1) - (1 - 0.7) * (M.weights[i * N_CHANNELS + CH_RED_FEED] + M.weights[i * N_CHANNELS + CH_RED_NOTES])).toBeCloseTo(0.7 * 0.1, 12);
    }
  });
});

describe('brand budgets in a run (10,000 agents, same seed)', () => {
  const span = { agents: 10000, start: '2024-01-01', end: '2024-12-31' };
  const doubled = [{ id: 'adload-up', date: '2024-06-01', set: { adLoad: 0.2 } }];

  it('a higher RED ad load raises RED\'s share of voice and, from the next month, its ad revenue', () => {
    const base = runDerived(span, 3);
    const more = runDerived({ ...span, policies: doubled }, 3);
    expect(monthly(more, 'red', 'share_of_voice', '2024-06', '2024-06')).toBeGreaterThan(monthly(base, 'red', 'share_of_voice', '2024-06', '2024-06'));
    expect(monthly(more, 'red', 'ad_revenue', '2024-07', '2024-12')).toBeGreaterThan(1.2 * monthly(base, 'red', 'ad_revenue', '2024-07', '2024-12'));
    expect(monthly(more, 'red', 'ad_revenue', '2024-01', '2024-06')).toBe(monthly(base, 'red', 'ad_revenue', '2024-01', '2024-06'));
  });

  it('without brand budgets and with the media decision frozen, the same ad load leaves RED\'s ad revenue where it was: revenue moves only through merchants\' decisions', () => {
    const perf = { ...span, parameters: { 'merchants.brandShare': 0, 'merchants.learningRate': 0, 'merchants.budgetElasticity': 0 } };
    const base = runDerived(perf, 3);
    const more = runDerived({ ...perf, policies: doubled }, 3);
    const after = (r: Result) => monthly(r, 'red', 'ad_revenue', '2024-07', '2024-12');
    expect(Math.abs(after(more) / after(base) - 1)).toBeLessThan(0.05);
  });
});
