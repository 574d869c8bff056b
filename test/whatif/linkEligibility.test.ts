/** Levers links.<market>.eligibleByCategory / minSizeQuantile / maxSizeQuantile and roiGuarantee.jd / .pdd (issue 15): neutral values and paired responses. */
import { describe, expect, it } from 'vitest';
import { flowFen, redSpend2025, runWith, sameResult } from './leverHelpers.ts';
import type { Result } from '../../engine/index.ts';

/** Link-outs to a marketplace (real scale), optionally of one category. */
const linkOuts = (r: Result, platform: string, category?: string) =>
  r.funnel.filter((f) => f.platform === platform && f.path === 'link' && f.stage === 'link_outs' && (!category || f.category === category)).reduce((s, f) => s + f.count, 0);

describe('link eligibility by category and merchant size', () => {
  const off = runWith(); // historical: Red Cat opens ad-note links to 15% of Taotian merchants on 2025-05-07

  it('neutral values (the category share = eligibleShare, size band [0, 1]) change nothing', () => {
    expect(sameResult(runWith({ links: { taotian: { eligibleByCategory: { beauty: 0.15, food: 0.15 }, minSizeQuantile: 0, maxSizeQuantile: 1 } } }), off)).toBe(true);
  });

  it('a per-category share opens or closes links for that category only', () => {
    const all = runWith({ links: { taotian: { eligibleByCategory: { beauty: 1 } } } });
    const none = runWith({ links: { taotian: { eligibleByCategory: { beauty: 0 } } } });
    console.log(`beauty link-outs to Taotian (2024-09..2025-12): 15% eligible ${linkOuts(off, 'taotian', 'beauty').toExponential(3)}, 100% ${linkOuts(all, 'taotian', 'beauty').toExponential(3)}, 0% ${linkOuts(none, 'taotian', 'beauty')}`);
    expect(linkOuts(all, 'taotian', 'beauty')).toBeGreaterThan(linkOuts(off, 'taotian', 'beauty'));
    expect(linkOuts(none, 'taotian', 'beauty')).toBe(0);
    expect(linkOuts(none, 'taotian')).toBeGreaterThan(0);
  });

  it('a size band keeps only large (or only small) merchants: fewer link-outs than all sizes', () => {
    const large = runWith({ links: { taotian: { minSizeQuantile: 0.8 } } });
    const small = runWith({ links: { taotian: { maxSizeQuantile: 0.5 } } });
    console.log(`Taotian link-outs: all sizes ${linkOuts(off, 'taotian').toExponential(3)}, largest 20% ${linkOuts(large, 'taotian').toExponential(3)}, smaller half ${linkOuts(small, 'taotian').toExponential(3)}`);
    expect(linkOuts(large, 'taotian')).toBeLessThan(linkOuts(off, 'taotian'));
    expect(linkOuts(small, 'taotian')).toBeLessThan(linkOuts(large, 'taotian')); // large merchants are seeded more
  });
});

describe('ROI guarantee per marketplace (roiGuarantee.jd, roiGuarantee.pdd)', () => {
  const jdLinks = { links: { jd: { notes: 'ads', friction: 0.05, eligibleShare: 0.3 } } };
  const off = runWith(jdLinks);

  it('absent terms or a 0 refund share change nothing', () => {
    expect(sameResult(runWith({ ...jdLinks, roiGuarantee: { jd: { threshold: 2, refundShare: 0 }, pdd: { threshold: 0, refundShare: 0.5 } } }), off)).toBe(true);
  });

  it('a guarantee for JD pilots pays JD merchants refunds (their RED spend is logged: it does not move measurably, docs/scenarios.md)', () => {
    // Their 2025 RED spend moved −3.6% [−15%, +8%] over 8 seeds at this size (seed 1: −4.8%), so it is not asserted.
    const on = runWith({ ...jdLinks, roiGuarantee: { jd: { threshold: 2, refundShare: 0.5 } } });
    const jdRefunds = (r: Result) => r.merchants.filter((m) => m.home === 'jd').reduce((t, m) => t + m.refundsRmb, 0);
    console.log(`JD guarantee (2, 0.5): refunds to JD merchants ${jdRefunds(off)} → ${jdRefunds(on)} RMB; all refunds ${flowFen(off, 'refund.red')} → ${flowFen(on, 'refund.red')} fen (agent scale); JD merchants' 2025 RED spend ${(100 * (redSpend2025(on, 'jd') / redSpend2025(off, 'jd') - 1)).toFixed(2)}%`);
    expect(jdRefunds(off)).toBe(0);
    expect(jdRefunds(on)).toBeGreaterThan(0);
  });
});
