import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../engine/index.ts';
import { meanInterval } from '../../engine/stats/summary.ts';
import { runDerived } from '../helpers.ts';

// Brand search (回搜, `seed.brandSearch`; docs/ODD.md "Seeding"): a user seeded by a merchant
// searches where that merchant sells. Paired runs (same seeds, lever on vs off) show the
// response it exists for: more of the paid-seeded purchases reach the advertiser, so its
// true RED return rises; and where every merchant sells everywhere it changes nothing.
const SEEDS = [1, 2, 3];
const BASE = { agents: 3000, end: '2023-12-31' };
const run = (parameters: Record<string, number>, seed: number): Result => runDerived({ ...BASE, parameters }, seed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Paid-seeded GMV the advertisers themselves sold, over all paid-seeded GMV on any seller (2019–2023). */
function ownShare(r: Result): number {
  const own = sum(r.merchants.map((m) => (Number.isFinite(m.redRoiTrue) ? m.redRoiTrue * m.redAdSpendRmb : 0)));
  const paid = sum(r.incrementality.filter((x) => x.kind === 'year' && x.platform === 'all' && (x.channel === 'feed_ad' || x.channel === 'sponsored_note')).map((x) => x.attributedGmvRmb));
  return own / paid;
}
/** Advertisers' true RED return: their own paid-seeded GMV per RMB of RED spend (2019–2023). */
function trueRoi(r: Result): number {
  return sum(r.merchants.map((m) => (Number.isFinite(m.redRoiTrue) ? m.redRoiTrue * m.redAdSpendRmb : 0))) / sum(r.merchants.map((m) => m.redAdSpendRmb));
}

describe('brand search (回搜)', () => {
  const on: Result[] = [], off: Result[] = [];
  beforeAll(() => { for (const s of SEEDS) { on.push(run({ 'seed.brandSearch': 0.8 }, s)); off.push(run({ 'seed.brandSearch': 0 }, s)); } });

  it('sends more of the paid-seeded purchases to the advertiser, so its true RED return rises', () => {
    const dShare = SEEDS.map((_, k) => ownShare(on[k]) - ownShare(off[k]));
    const dRoi = SEEDS.map((_, k) => trueRoi(on[k]) - trueRoi(off[k]));
    for (const x of dShare) expect(x).toBeGreaterThan(0);
    expect(meanInterval(dShare).lo).toBeGreaterThan(0);
    expect(meanInterval(dRoi).lo).toBeGreaterThan(0);
  });

  it('changes nothing (bit-identical) where every merchant sells on every marketplace', () => {
    const everywhere = { 'merchants.alsoOn.taotian': 1, 'merchants.alsoOn.jd': 1, 'merchants.alsoOn.pdd': 1 };
    const a = runDerived({ agents: 1500, end: '2021-12-31', parameters: { ...everywhere, 'seed.brandSearch': 0.8 } }, 1);
    const b = runDerived({ agents: 1500, end: '2021-12-31', parameters: { ...everywhere, 'seed.brandSearch': 0 } }, 1);
    expect(a.ledger).toEqual(b.ledger);
  });
});
