/** Lever links.<market>.redCommission (issue 15): RED's commission on linked marketplace GMV — neutral value, money flow and the merchants' response. */
import { describe, expect, it } from 'vitest';
import { flowViolations } from '../robustness/invariants.ts';
import { sameResult, flowFen, red2025, redSpend2025, runWith } from './leverHelpers.ts';

describe('RED commission on linked GMV (links.<market>.redCommission)', () => {
  const off = runWith();
  const on = runWith({ links: { taotian: { redCommission: 0.03 } } });

  it('0 changes nothing: the full Result equals historical', () => {
    expect(sameResult(runWith({ links: { taotian: { redCommission: 0 }, jd: { redCommission: 0 }, pdd: { redCommission: 0 } } }), off)).toBe(true);
  });

  it('is booked merchants → RED on commission.redLinked, inside RED\'s commission and revenue', () => {
    expect(flowViolations(on)).toEqual([]); // balances to 0 fen, whole fen, ties to the ledger
    expect(flowFen(off, 'commission.redLinked')).toBe(0);
    expect(flowFen(on, 'commission.redLinked')).toBeGreaterThan(0);
    expect(flowFen(on, 'commission.red')).toBeGreaterThan(0);
    const y = red2025(on), y0 = red2025(off);
    expect(y.commissionRmb).toBeGreaterThan(y0.commissionRmb);
    expect(y.adShareOfRevenue).toBeLessThan(y0.adShareOfRevenue); // less dependent on ads
    const pnl = on.pnl.find((x) => x.period === '2025' && x.party === 'red' && x.item === 'revenue:commission.redLinked')!;
    expect(pnl.value).toBeGreaterThan(0);
  });

  it('pilot merchants count it as a RED cost: their RED ad spend falls (paired, same seed)', () => {
    const d = redSpend2025(on, 'taotian') / redSpend2025(off, 'taotian') - 1;
    console.log(`3% RED commission on linked Taotian GMV: Taotian merchants' 2025 RED spend ${(100 * d).toFixed(2)}%, RED ad revenue ${((red2025(on).adRevenueRmb / red2025(off).adRevenueRmb - 1) * 100).toFixed(2)}%, RED commission ${(red2025(off).commissionRmb / 1e6).toFixed(0)}M → ${(red2025(on).commissionRmb / 1e6).toFixed(0)}M RMB, ad share of revenue ${red2025(off).adShareOfRevenue.toFixed(4)} → ${red2025(on).adShareOfRevenue.toFixed(4)}`);
    expect(d).toBeLessThan(0);
    expect(red2025(on).adRevenueRmb).toBeLessThan(red2025(off).adRevenueRmb);
  });
});
