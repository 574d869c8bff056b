import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Result } from '../../engine/index.ts';
import { createMerchants } from '../../engine/population/merchants.ts';
import { meanInterval } from '../../engine/stats/summary.ts';
import { derived, runDerived } from '../helpers.ts';
import { simulate } from '../../engine/index.ts';
import { rootSeed } from '../../engine/random/seed.ts';

// Categories that differ for a reason and merchants that differ beyond size
// (engine/scenario/categoryParameters.ts; docs/ODD.md "Categories and merchants").
// Each mechanism: a paired test (same seeds, lever on vs off) with the sign of its
// response and a 95% interval of the paired difference over seeds, or, for per-merchant
// traits, the cross-section it exists for; and its neutral value changes nothing.
const SEEDS = [1, 2, 3];
const BASE = { agents: 2000, end: '2022-12-31' };
const run = (parameters: Record<string, number>, seed: number): Result => runDerived({ ...BASE, parameters }, seed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const funnelCount = (r: Result, f: (row: Result['funnel'][number]) => boolean) => sum(r.funnel.filter(f).map((x) => x.count));
/** Paired differences over SEEDS of `figure` between `on` and the base runs, and their 95% interval. */
function paired(base: Result[], on: Record<string, number>, figure: (r: Result) => number) {
  const d = SEEDS.map((s, k) => figure(run(on, s)) - figure(base[k]));
  return { d, ci: meanInterval(d) };
}
const neutralCategories = (name: string, v = 1) => Object.fromEntries(CATEGORIES.map((c) => [`category.${name}.${c}`, v]));
const pearson = (x: number[], y: number[]) => {
  const mx = sum(x) / x.length, my = sum(y) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
};

describe('category and merchant heterogeneity', () => {
  const base: Result[] = [];
  beforeAll(() => { for (const s of SEEDS) base.push(run({}, s)); });

  it('neutral values reproduce the model without the mechanism: equal consideration lengths decay intent exactly like one half-life', () => {
    // all categories at 1.5 × the half-life (per-category decay) vs the half-life itself × 1.5 (whole-word decay)
    const perCategory = run({ ...neutralCategories('consideration', 1.5) }, 1);
    const halfLife = derived({ ...BASE }).parameters['seed.intentHalfLifeDays'];
    const uniform = run({ ...neutralCategories('consideration', 1), 'seed.intentHalfLifeDays': halfLife * 1.5 }, 1);
    expect(perCategory.ledger).toEqual(uniform.ledger);
    // equal frequencies at any level leave interest alone to pick the category
    expect(run(neutralCategories('frequency', 2), 1).ledger).toEqual(run(neutralCategories('frequency', 1), 1).ledger);
  });

  it('purchase frequency: doubling food\'s frequency raises food\'s share of need-driven orders', () => {
    const share = (r: Result) => funnelCount(r, (f) => f.path === 'need' && f.stage === 'orders' && f.category === 'food')
      / funnelCount(r, (f) => f.path === 'need' && f.stage === 'orders');
    const { d, ci } = paired(base, { 'category.frequency.food': 3.6 }, share);
    for (const x of d) expect(x).toBeGreaterThan(0);
    expect(ci.lo).toBeGreaterThan(0);
  });

  it('content fit: a poorer fit for beauty lowers beauty\'s note-seeded link and search orders', () => {
    // notes add intent up to a cap, so the default fit (1.3) is tested against a poor one (0.5)
    const seeded = (r: Result) => funnelCount(r, (f) => f.category === 'beauty' && f.stage === 'orders' && (f.path === 'search' || f.path === 'link' || f.path === 'own_store'));
    const { d, ci } = paired(base, { 'category.contentFit.beauty': 0.5 }, seeded);
    for (const x of d) expect(x).toBeLessThan(0);
    expect(ci.hi).toBeLessThan(0);
  });

  it('consideration length: longer consideration for electronics keeps intent longer, so more of its seeded purchases come later by search', () => {
    const searchOrders = (r: Result) => funnelCount(r, (f) => f.category === 'electronics' && f.path === 'search' && f.stage === 'orders');
    const d = SEEDS.map((s) => searchOrders(run({ 'category.consideration.electronics': 5 }, s)) - searchOrders(run({ 'category.consideration.electronics': 0.5 }, s)));
    for (const x of d) expect(x).toBeGreaterThan(0);
    expect(meanInterval(d).lo).toBeGreaterThan(0);
  });

  it('data benefit: a larger benefit widens program members\' feed-ad engagement lead over other advertisers (sharper targeting)', () => {
    // engagement per impression (2022, the first programme year): clicks land on the user's top category with the
    // group's precision, and engagement rises steeply with interest match, so precision shows here most clearly
    const lift = (r: Result) => {
      const g = (group: string) => r.groups.filter((x) => x.year === 2022 && x.group === group)[0];
      return (g('program').adEngagements / g('program').adImpressions) / (g('other').adEngagements / g('other').adImpressions) - 1;
    };
    const d = SEEDS.map((s) => lift(run(neutralCategories('dataBenefit', 2), s)) - lift(run(neutralCategories('dataBenefit', 0.3), s)));
    for (const x of d) expect(x).toBeGreaterThan(0);
    expect(meanInterval(d).lo).toBeGreaterThan(0);
  });

  it('gross margin sets the hurdle: with margin-based hurdles, beauty (60% margin) spends more on ads per RMB of GMV relative to electronics (20%)', () => {
    const ratio = (r: Result) => {
      const rows = r.merchants.filter((m) => m.year === 2022);
      const intensity = (c: string) => sum(rows.filter((m) => m.category === c).map((m) => m.adSpendRmb)) / sum(rows.filter((m) => m.category === c).map((m) => m.gmvRmb));
      return intensity('beauty') / intensity('electronics');
    };
    const off = SEEDS.map((s) => run({ 'merchants.hurdleMarginElasticity': 0 }, s));
    const d = base.map((r, k) => ratio(r) - ratio(off[k]));
    for (const x of d) expect(x).toBeGreaterThan(0);
    expect(meanInterval(d).lo).toBeGreaterThan(0);
  });

  it('merchant traits act on their stages: awareness on organic engagements, price point on order value, price elasticity on conversion, quality on repurchase', () => {
    const r = base[0];
    const params = derived(BASE).parameters;
    const M = createMerchants(params, rootSeed(1));
    const rows = r.merchants.filter((m) => m.year === 2022);
    // the merchant rows carry the traits the run drew
    expect(rows.every((m) => m.awareness === M.awareness[m.merchant] && m.pricePoint === M.pricePoint[m.merchant] && m.quality === M.quality[m.merchant])).toBe(true);
    // awareness: organic note engagements per unit of size × quality rise with awareness
    const withEng = rows.filter((m) => m.noteEngagements > 0);
    expect(pearson(withEng.map((m) => Math.log(M.awareness[m.merchant])), withEng.map((m) => Math.log(m.noteEngagements / (M.size[m.merchant] * M.quality[m.merchant]))))).toBeGreaterThan(0.3);
    // price point: value per order follows the merchant's price point
    const withOrders = rows.filter((m) => m.orders > 20);
    const cat = (m: (typeof rows)[number]) => params[`price.${m.category}`];
    expect(pearson(withOrders.map((m) => Math.log(M.pricePoint[m.merchant])), withOrders.map((m) => Math.log(m.gmvRmb / m.orders / cat(m))))).toBeGreaterThan(0.8);
    // elasticity: seeded GMV per store visit of pricey merchants relative to cheap ones falls when price
    // lowers conversion (the price level itself cancels between the two runs)
    const conv = (res: Result, pricey: boolean) => {
      const sel = res.merchants.filter((m) => m.year === 2022 && (pricey ? M.pricePoint[m.merchant] > 1.2 : M.pricePoint[m.merchant] < 0.85));
      return sum(sel.map((m) => m.redSeededGmvRmb)) / sum(sel.map((m) => m.storeEntries));
    };
    const flat = run({ 'merchants.priceElasticity': 0 }, 1), steep = run({ 'merchants.priceElasticity': 2 }, 1);
    expect(conv(steep, true) / conv(steep, false)).toBeLessThan(conv(flat, true) / conv(flat, false));
    // quality: repurchase rates rise with quality when quality counts, less when it does not
    const rep = (res: Result) => {
      const xs = res.merchants.filter((m) => m.year === 2022 && m.orders > 20 && Number.isFinite(m.repurchaseRate));
      return pearson(xs.map((m) => M.quality[m.merchant]), xs.map((m) => m.repurchaseRate));
    };
    expect(rep(r)).toBeGreaterThan(rep(run({ 'merchants.qualityRepurchase': 0 }, 1)));
    expect(rep(r)).toBeGreaterThan(0);
  });

  it('spread 0 is neutral: no awareness or price spread gives every merchant 1 and changes nothing else', () => {
    const params = { ...derived(BASE).parameters, 'merchants.awarenessSigma': 0, 'merchants.priceSigma': 0 };
    const M = createMerchants(params, 1);
    expect(M.awareness.every((v) => v === 1) && M.pricePoint.every((v) => v === 1) && M.priceConversion.every((v) => v === 1)).toBe(true);
    const ref = createMerchants(derived(BASE).parameters, 1);
    expect(M.size).toEqual(ref.size);
    expect(M.quality).toEqual(ref.quality);
    expect(M.category).toEqual(ref.category);
  });

  it('the market grows at one rate to 2021 and another from 2022: 2018–2021 are untouched by the late rate, later GMV follows it', () => {
    const gmv = (r: Result, year: number) => sum(r.pnl.filter((p) => p.kind === 'year' && p.period === String(year) && p.item === 'gmv' && ['taotian', 'jd', 'pdd'].includes(p.party)).map((p) => p.value));
    const params = derived(BASE).parameters;
    const slow = simulate(derived({ ...BASE, parameters: { 'market.spendGrowthFrom2022': params['market.spendGrowthFrom2022'] - 0.05 } }), { seed: 1 });
    for (const y of [2018, 2019, 2020, 2021]) expect(gmv(slow, y)).toBe(gmv(base[0], y));
    expect(gmv(slow, 2022)).toBeLessThan(gmv(base[0], 2022));
  });
});
