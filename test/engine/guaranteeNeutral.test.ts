import { describe, expect, it } from 'vitest';
import { resolveScenario, simulate } from '../../engine/index.ts';
import { loadBundled } from '../helpers.ts';

// The ROI guarantee acts on merchants only through refunds and the downside it covers
// (merchants/mediaMix.ts): a guarantee that refunds nothing must be exactly no guarantee.
describe('ROI guarantee: a neutral value changes nothing', () => {
  it('Red Cat with a threshold but refund share 0 runs bit-identically to Red Cat without a guarantee', () => {
    const span = { start: '2025-01-01', end: '2025-12-31', agents: 1500 };
    const noGuarantee = resolveScenario({ ...loadBundled('redcat-no-roi-guarantee'), ...span, id: 'a' }, loadBundled);
    const zeroRefund = resolveScenario({
      id: 'b', extends: 'historical.json', ...span,
      policies: [{ id: 'redcat-2025-zero', date: '2025-05-07', set: { roiGuarantee: { threshold: 2, refundShare: 0 } } }],
    }, loadBundled);
    const a = simulate(noGuarantee, { seed: 4 }), b = simulate(zeroRefund, { seed: 4 });
    expect(b.ledger.refundsFen).toBe(0);
    expect(b.ledger).toEqual(a.ledger);
    expect(b.flows.totalFen).toEqual(a.flows.totalFen);
    expect(b.merchants).toEqual(a.merchants);
    expect(b.red).toEqual(a.red);
  });

  it('with a refund share the guarantee pays refunds that lower what merchants pay RED, flow for flow', () => {
    const span = { start: '2025-01-01', end: '2025-12-31', agents: 1500 };
    const r = simulate(resolveScenario({ id: 'c', extends: 'historical.json', ...span }, loadBundled), { seed: 4 });
    const refund = r.flows.totalFen[r.flows.lines.findIndex((l) => l.name === 'refund.red')];
    expect(refund).toBeGreaterThan(0);
    expect(refund).toBe(r.ledger.refundsFen);
    const merchantsRefunded = r.merchants.reduce((s, m) => s + m.refundsRmb, 0);
    expect(merchantsRefunded).toBeCloseTo(refund / 100 * r.manifest.weight, 0);
  });
});
