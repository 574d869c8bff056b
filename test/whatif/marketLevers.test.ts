/** Levers take.<platform>, ownStore.trustCost, creatorPayByTier.<tier> and buyerCommission (issue 15): neutral values and paired responses. */
import { describe, expect, it } from 'vitest';
import { flowFen, red2025, runWith, sameResult } from './leverHelpers.ts';

describe('levers as parameters: take rates, own-store trust cost, creator pay by tier, buyer commission', () => {
  const off = runWith();

  it('neutral values (the parameters\' values, 0, 1) change nothing', () => {
    expect(sameResult(runWith({
      take: { taotian: 0.01, jd: 0.03, pdd: 0.006, douyin: 0.03 }, ownStore: { trustCost: 0 },
      creatorPayByTier: { head_kol: 1, mid_kol: 1, koc: 1, buyer: 1 }, buyerCommission: 0.1,
    }), off)).toBe(true);
  });

  it('take.taotian raises Taotian\'s commission', () => {
    const on = runWith({ take: { taotian: 0.05 } });
    console.log(`take.taotian 0.05 from 2025-05-07: commission.taotian ${flowFen(off, 'commission.taotian')} → ${flowFen(on, 'commission.taotian')} fen`);
    expect(flowFen(on, 'commission.taotian')).toBeGreaterThan(2 * flowFen(off, 'commission.taotian'));
  });

  it('ownStore.trustCost lowers user trust', () => {
    const on = runWith({ ownStore: { trustCost: 0.01 } });
    console.log(`ownStore.trustCost 0.01: RED trust 2025 ${red2025(off).trustAvg.toFixed(4)} → ${red2025(on).trustAvg.toFixed(4)}`);
    expect(red2025(on).trustAvg).toBeLessThan(red2025(off).trustAvg);
  });

  it('paying head and mid KOLs 3× buys fewer sponsored notes: less inauthentic content, more trust', () => {
    const on = runWith({ creatorPayByTier: { head_kol: 3, mid_kol: 3 } });
    console.log(`creatorPayByTier head/mid 3: RED trust 2025 ${red2025(off).trustAvg.toFixed(4)} → ${red2025(on).trustAvg.toFixed(4)}`);
    expect(red2025(on).trustAvg).toBeGreaterThan(red2025(off).trustAvg);
  });

  it('buyerCommission raises buyers\' commissions (merchants → creators) and income', () => {
    const on = runWith({ buyerCommission: 0.3 });
    const buyer = (r: typeof on) => r.creators.find((c) => c.year === 2025 && c.tier === 'buyer')!.incomeRmbPerCreator;
    console.log(`buyerCommission 0.3: flow buyerCommission ${flowFen(off, 'buyerCommission')} → ${flowFen(on, 'buyerCommission')} fen; buyer income 2025 ${buyer(off).toFixed(0)} → ${buyer(on).toFixed(0)} RMB/creator`);
    expect(flowFen(on, 'buyerCommission')).toBeGreaterThan(flowFen(off, 'buyerCommission'));
    expect(buyer(on)).toBeGreaterThan(buyer(off));
  });
});
