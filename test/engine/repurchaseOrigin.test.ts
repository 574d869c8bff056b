import { describe, expect, it } from 'vitest';
import { defaultParameters, type Result } from '../../engine/index.ts';
import { runDerived } from '../helpers.ts';

// Repurchase by buyer origin (docs/result.md, "Repurchase"): among need-driven orders whose buyer's last
// merchant sells the category on the chosen platform, the share placed with that merchant again, for buyers
// whose previous order came through a RED link and for the others. Two runs on the same seed with outbound
// links to Taobao/Tmall on all notes from 2024-02: with the Red Cat membership benefit (linked Taotian buyers
// become members and repurchase with market.repurchase + market.repurchaseMember) and without it. Quality's
// part in repurchase (merchants.qualityRepurchase) is off so the rates are the two parameters exactly.
const run = (membership: number) => runDerived({
  agents: 8000, start: '2024-01-01', end: '2024-12-31', parameters: { 'merchants.qualityRepurchase': 0 },
  policies: [{ id: 'open', date: '2024-02-01', label: 'links open', set: { links: { taotian: { notes: 'all', friction: 0.05, eligibleShare: 1 } }, benefits: { coupon: 0, membership } } }],
}, 4);
const member = run(1), none = run(0);
const p = defaultParameters();
const base = p['market.repurchase'], boosted = base + p['market.repurchaseMember'];
const row = (r: Result, platform: string, origin: string) => r.repurchase.find((x) => x.platform === platform && x.origin === origin)!;
/** Binomial standard error of a rate from `n` agent-scale opportunities. */
const se = (rate: number, n: number) => Math.sqrt((rate * (1 - rate)) / n);

describe('repurchase by buyer origin', () => {
  it('has a row per year, platform with need-driven orders and origin; repeats never exceed opportunities', () => {
    for (const r of [member, none]) {
      expect(r.repurchase.map((x) => `${x.year} ${x.platform} ${x.origin}`)).toEqual(
        ['taotian', 'jd', 'pdd', 'douyin'].flatMap((pl) => [`2024 ${pl} red_linked`, `2024 ${pl} other`]));
      for (const x of r.repurchase) {
        expect(x.repeats).toBeGreaterThanOrEqual(0);
        expect(x.repeats).toBeLessThanOrEqual(x.opportunities);
        if (x.opportunities > 0) expect(x.repurchaseRate).toBe(x.repeats / x.opportunities);
        else expect(x.repurchaseRate).toBeNaN();
      }
    }
  });

  it('counts every repeat order: repeats add up to the merchants\' repeat orders', () => {
    for (const r of [member, none]) {
      const w = r.manifest.weight;
      const repeats = r.repurchase.reduce((s, x) => s + x.repeats, 0) / w;
      const merchantRepeats = r.merchants.reduce((s, m) => s + m.repurchaseRate * m.orders, 0) / w;
      expect(repeats).toBeGreaterThan(1000);
      expect(Math.round(repeats)).toBe(Math.round(merchantRepeats));
    }
  });

  it('sorts buyers by origin: RED-linked Taotian buyers repurchase at the member rate, everyone else at the base rate', () => {
    const w = member.manifest.weight;
    const linked = row(member, 'taotian', 'red_linked'), linkedNone = row(none, 'taotian', 'red_linked');
    const n = linked.opportunities / w, nNone = linkedNone.opportunities / w;
    expect(n).toBeGreaterThan(50);
    expect(nNone).toBeGreaterThan(50);
    // with the benefit, linked buyers are members: their rate is market.repurchase + market.repurchaseMember
    expect(Math.abs(linked.repurchaseRate - boosted)).toBeLessThan(4 * se(boosted, n));
    // without it, the same buyers repurchase like anyone else
    expect(Math.abs(linkedNone.repurchaseRate - base)).toBeLessThan(4 * se(base, nNone));
    expect(linked.repurchaseRate - linkedNone.repurchaseRate).toBeGreaterThan(0.1);
    // without the benefit, every row (with enough opportunities) is at the base rate
    for (const x of none.repurchase) {
      const k = x.opportunities / w;
      if (k >= 100) expect(Math.abs(x.repurchaseRate - base), `${x.platform} ${x.origin}`).toBeLessThan(4 * se(base, k));
    }
  });
});
