import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, simulate, type Result } from '../../engine/index.ts';
import { derived } from '../helpers.ts';
import { flowViolations } from '../robustness/invariants.ts';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const linkPolicy = fc.record({ notes: fc.constantFrom('none', 'organic', 'ads', 'all'), friction: share, eligibleShare: share }, { requiredKeys: [] });
const dataPolicy = fc.record({ level: share, eligibleShare: share, joinRatePerMonth: share }, { requiredKeys: [] });
const patch = fc.record({
  links: fc.record({ taotian: linkPolicy, jd: linkPolicy, pdd: linkPolicy }, { requiredKeys: [] }),
  dataSharing: fc.record({ taotian: dataPolicy, jd: dataPolicy, pdd: dataPolicy }, { requiredKeys: [] }),
  adLoad: share,
  audienceTags: fc.integer({ min: 0, max: 500 }),
  ownStore: fc.record({ enabled: fc.boolean(), merchantShare: share, push: share, commission: share, selfOperatedShare: share }, { requiredKeys: [] }),
  roiGuarantee: fc.record({ threshold: fc.double({ min: 0, max: 20, noNaN: true }), refundShare: share }, { requiredKeys: [] }),
  matching: fc.record({ rate: fc.double({ min: 0, max: 3, noNaN: true }), capRmbPerMonth: fc.double({ min: 0, max: 1e10, noNaN: true }) }, { requiredKeys: [] }),
  benefits: fc.record({ coupon: share, membership: share }, { requiredKeys: [] }),
  douyinStrength: fc.double({ min: 0, max: 3, noNaN: true }),
  trafficBoost: share,
}, { requiredKeys: [] });

/** Small valid scenarios: a short span inside 2018–2025, few agents, 0–3 policy entries. */
const scenario = fc.record({
  startDay: fc.integer({ min: 0, max: 2500 }),
  length: fc.integer({ min: 20, max: 200 }),
  agents: fc.integer({ min: 1, max: 400 }),
  entries: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 199 }), set: patch }), { maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

const iso = (d: number) => new Date(Date.UTC(2018, 0, 1) + d * 86400000).toISOString().slice(0, 10);

function check(r: Result): void {
  const L = r.ledger;
  const w = r.manifest.weight;
  const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  // GMV = Σ orders: the platform ledger and the merchants' own books are written separately per order.
  const merchantGmvFen = r.merchants.reduce((s, m) => s + m.gmvRmb, 0) * 100 / w;
  const platformGmvFen = L.gmvFen.reduce((s, v) => s + v, 0);
  expect(rel(merchantGmvFen, platformGmvFen)).toBe(true);
  const merchantOrders = r.merchants.reduce((s, m) => s + m.orders, 0) / w;
  expect(Math.round(merchantOrders)).toBe(L.orders.reduce((s, v) => s + v, 0));
  for (const v of [...L.gmvFen, ...L.orders]) expect(Number.isInteger(v)).toBe(true);
  // Monthly series add up to the ledger.
  PLATFORMS.forEach((p, i) => {
    const s = r.series.filter((x) => x.platform === p && x.category === 'all' && x.metric === 'gmv').reduce((a, x) => a + x.value, 0);
    expect(rel(s * 100 / w, L.gmvFen[i])).toBe(true);
  });
  // RED ad revenue = Σ spend billed by RED − refunds; refunds match the merchants' books.
  expect(rel(L.adRevenueFen[0], L.redBilledSpendFen - L.refundsFen)).toBe(true);
  const merchantRefundsFen = r.merchants.reduce((s, m) => s + m.refundsRmb, 0) * 100 / w;
  expect(rel(merchantRefundsFen, L.refundsFen)).toBe(true);
  // Sponsored-note spend = creator income + RED's fee.
  expect(L.creatorIncomeFen).toBeLessThanOrEqual(L.sponsoredSpendFen);
  // Commission = take rate × GMV on marketplaces, booked in whole fen a day (rounded): within half a fen a day.
  const takes = r.manifest.parameters;
  const days = (Date.parse(r.manifest.end) - Date.parse(r.manifest.start)) / 86400000 + 1;
  (['taotian', 'jd', 'pdd', 'douyin'] as const).forEach((p) => {
    const i = PLATFORMS.indexOf(p);
    expect(Number.isInteger(L.commissionFen[i])).toBe(true);
    expect(Math.abs(L.commissionFen[i] - takes[`take.${p}`] * L.gmvFen[i])).toBeLessThanOrEqual(0.5 * days);
  });
  // The double-entry books balance and tie to the ledger (test/robustness/invariants.ts).
  expect(flowViolations(r)).toEqual([]);
  // Nothing negative, nothing NaN in money and counts.
  for (const x of r.series) {
    if (x.unit === 'RMB' || x.unit === 'orders' || x.unit === 'people') {
      expect(Number.isFinite(x.value), `${x.period} ${x.platform} ${x.metric}`).toBe(true);
      expect(x.value).toBeGreaterThanOrEqual(0);
    }
  }
  for (const v of [...L.adRevenueFen, ...L.commissionFen, L.refundsFen, L.matchingFen]) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
  }
  for (const f of r.funnel) expect(f.count).toBeGreaterThanOrEqual(0);
}

describe('accounting identities', () => {
  it('hold for generated small valid scenarios', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const start = Math.min(s.startDay, 2922 - s.length - 1);
        const end = start + s.length;
        const entries = s.entries
          .map((e) => ({ date: iso(start + Math.min(e.offset, s.length)), set: e.set }))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          .filter((e, i, all) => i === 0 || e.date !== all[i - 1].date);
        const resolved = derived({ start: iso(start), end: iso(end), agents: s.agents, policies: entries });
        check(simulate(resolved, { seed: s.seed }));
      }),
      { numRuns: 25 },
    );
  });

  it('hold for a whole historical run with links, refunds and matching', () => {
    const r = simulate(derived({ agents: 2000, start: '2024-06-01', end: '2025-12-31' }), { seed: 3 });
    expect(r.ledger.refundsFen).toBeGreaterThan(0);
    expect(r.ledger.matchingFen).toBeGreaterThan(0);
    check(r);
  });
});
