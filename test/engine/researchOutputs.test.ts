import { describe, expect, it } from 'vitest';
import { CATEGORIES, defaultParameters, type Result } from '../../engine/index.ts';
import { runDerived } from '../helpers.ts';

// The outputs researchers asked for (docs/result.md: "Category funnel", "Sponsored notes", "RED rows",
// "Size classes"), checked against the figures they must add up to. 3,000 agents from mid-2024 to the end
// of 2025: data programs, feed ads, sponsored notes, own stores and (from 2025-05) links are all running.
const r = runDerived({ agents: 3000, start: '2024-06-01', end: '2025-12-31' }, 5);
const w = r.manifest.weight;
const years = [2024, 2025];
const REL = 1e-9;
const close = (a: number, b: number, rel = REL) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const daysIn = (period: string) => new Date(Date.UTC(+period.slice(0, 4), +period.slice(5, 7), 0)).getUTCDate();
const seriesOf = (res: Result, metric: string, year: number, category = 'all') =>
  res.series.filter((x) => x.platform === 'red' && x.metric === metric && x.category === category && x.period.startsWith(String(year)));

describe('category funnel (year × category × merchant group)', () => {
  it('has one row per category and group each year, and each row sums its merchants\' rows', () => {
    for (const year of years) {
      const rows = r.categoryFunnel.filter((x) => x.year === year);
      expect(rows.map((x) => `${x.category}/${x.group}`)).toEqual(CATEGORIES.flatMap((c) => [`${c}/other`, `${c}/program`]));
      for (const row of rows) {
        const ms = r.merchants.filter((m) => m.year === year && m.category === row.category && (m.program ? 'program' : 'other') === row.group);
        expect(row.merchants).toBe(ms.length);
        expect(close(row.engagements, sum(ms, (m) => m.noteEngagements)), `${year} ${row.category} ${row.group} engagements`).toBe(true);
        for (const k of ['adClicks', 'linkOuts', 'storeEntries', 'orders', 'gmvRmb'] as const) {
          expect(close(row[k], sum(ms, (m) => m[k])), `${year} ${row.category} ${row.group} ${k}: ${row[k]} vs ${sum(ms, (m) => m[k])}`).toBe(true);
        }
        expect(close(row.impressions, row.adImpressions + row.sponsoredImpressions)).toBe(true);
        expect(row.addToCart).toBeLessThanOrEqual(row.storeEntries);
        expect(row.storeOrders).toBeLessThanOrEqual(row.addToCart);
      }
      // both groups exist: data programs run in 2024-2025
      expect(sum(rows.filter((x) => x.group === 'program'), (x) => x.merchants)).toBeGreaterThan(0);
      expect(sum(rows.filter((x) => x.group === 'other'), (x) => x.merchants)).toBeGreaterThan(0);
    }
  });

  it('shares out every feed-ad impression of the year, and its store stages add up to the funnel\'s', () => {
    for (const year of years) {
      const feedAds = sum(seriesOf(r, 'ad_impressions', year), (x) => x.value);
      const rows = r.categoryFunnel.filter((x) => x.year === year);
      expect(feedAds).toBeGreaterThan(0);
      expect(close(sum(rows, (x) => x.adImpressions), feedAds), `${year}: ${sum(rows, (x) => x.adImpressions)} vs ${feedAds}`).toBe(true);
      expect(sum(rows, (x) => x.sponsoredImpressions)).toBeGreaterThan(0);
      // paid impressions lead to engagements and clicks at plausible rates (well under one per impression)
      expect(sum(rows, (x) => x.adClicks) / sum(rows, (x) => x.adImpressions)).toBeLessThan(0.1);
    }
    // the phases and the years both cover the run: store entries, add-to-cart and store orders match the funnel's
    const stage = (s: string, paths = ['link', 'search', 'own_store']) => sum(r.funnel.filter((f) => f.stage === s && paths.includes(f.path)), (f) => f.count);
    expect(close(sum(r.categoryFunnel, (x) => x.storeEntries), stage('store_entries'))).toBe(true);
    expect(close(sum(r.categoryFunnel, (x) => x.addToCart), stage('add_to_cart'))).toBe(true);
    expect(close(sum(r.categoryFunnel, (x) => x.storeOrders), stage('orders'))).toBe(true);
    expect(stage('add_to_cart')).toBeGreaterThan(0);
  });
});

describe('sponsored notes per category and month', () => {
  it('add up to the merchants\' sponsored-note spend, month by month and in the ledger, at plausible prices', () => {
    const notes = r.series.filter((x) => x.metric === 'sponsored_notes');
    const spend = r.series.filter((x) => x.metric === 'sponsored_spend');
    expect(notes.length).toBe(r.months.length * CATEGORIES.length);
    expect(spend.length).toBe(r.months.length * CATEGORIES.length);
    for (const x of [...notes, ...spend]) {
      expect(x.platform).toBe('red');
      expect(CATEGORIES).toContain(x.category);
      expect(x.value).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(notes.map((x) => x.unit))).toEqual(new Set(['notes']));
    expect(new Set(spend.map((x) => x.unit))).toEqual(new Set(['RMB']));
    // the run's total is the ledger's sponsored spend (whole fen at agent scale)
    expect(close(sum(spend, (x) => x.value) * 100 / w, r.ledger.sponsoredSpendFen)).toBe(true);
    // each year's, the merchants' P&L line for sponsored notes (fee + creators)
    for (const year of years) {
      const pnl = r.pnl.find((x) => x.kind === 'year' && x.period === String(year) && x.party === 'merchants' && x.item === 'ad_spend:red_notes')!;
      expect(close(sum(spend.filter((x) => x.period.startsWith(String(year))), (x) => x.value), pnl.value)).toBe(true);
    }
    // a deal's price lies between a KOC's and a head KOL's (creators get spend × (1 − fee))
    const p = defaultParameters();
    const paid = sum(spend, (x) => x.value) * (1 - p['red.sponsoredFee']);
    const deals = sum(notes, (x) => x.value);
    expect(deals).toBeGreaterThan(0);
    expect(paid / deals).toBeGreaterThanOrEqual(p['creators.priceKoc']);
    expect(paid / deals).toBeLessThanOrEqual(p['creators.priceHead']);
    for (const [i, x] of notes.entries()) expect(x.value).toBeLessThanOrEqual(spend[i].value * (1 - p['red.sponsoredFee']) / p['creators.priceKoc'] * (1 + REL));
  });
});

describe('RED users\' spend by city tier', () => {
  it('splits the mean RED users by tier, and the tiers\' spend weighted by their users gives userSpendRmb back', () => {
    for (const y of r.red) {
      const users = [y.redUsersTier1, y.redUsersTier2, y.redUsersTier3];
      const spend = [y.userSpendTier1, y.userSpendTier2, y.userSpendTier3];
      // mean RED users of the year from the monthly series (people, weighted by the months' days)
      const months = seriesOf(r, 'users', y.year);
      const mean = sum(months, (x) => x.value * daysIn(x.period)) / sum(months, (x) => daysIn(x.period));
      expect(close(sum(users, (u) => u), mean), `${y.year}: ${sum(users, (u) => u)} vs ${mean}`).toBe(true);
      for (const s of spend) expect(s).toBeGreaterThan(0);
      expect(close(sum(users, (u) => u) > 0 ? users.reduce((s, u, t) => s + u * spend[t], 0) / sum(users, (u) => u) : NaN, y.userSpendRmb, 1e-12)).toBe(true);
      // RED skews to big cities, and richer tier-1 users spend more online than lower-tier ones
      expect(users[0] / sum(users, (u) => u)).toBeGreaterThan(defaultParameters()['population.tier1Share']);
      expect(spend[0]).toBeGreaterThan(spend[2]);
    }
  });
});

describe('size classes', () => {
  it('sum the merchant rows of each class; the class ROI is the spend-weighted merchants\' ROI', () => {
    for (const year of years) {
      const rows = r.sizeClasses.filter((x) => x.year === year);
      expect(rows.map((x) => x.sizeClass)).toEqual(['small', 'mid', 'large']);
      for (const row of rows) {
        const ms = r.merchants.filter((m) => m.year === year && m.sizeClass === row.sizeClass);
        expect(row.merchants).toBe(ms.length);
        for (const k of ['gmvRmb', 'redAdSpendRmb', 'redSeededGmvRmb'] as const) expect(close(row[k], sum(ms, (m) => m[k])), `${year} ${row.sizeClass} ${k}`).toBe(true);
        const spenders = ms.filter((m) => m.redAdSpendRmb > 0);
        expect(row.redAdSpendRmb).toBeGreaterThan(0);
        // the class's paid-seeded GMV / its RED spend: the spenders' spend-weighted ROI, plus what merchants that
        // stopped spending still sell to users their earlier ads seeded (their merchant-row ROI is NaN)
        const weighted = sum(spenders, (m) => m.redRoiTrue * m.redAdSpendRmb) / sum(spenders, (m) => m.redAdSpendRmb);
        const lateSeeded = ms.some((m) => !(m.redAdSpendRmb > 0) && m.redSeededGmvRmb > 0);
        if (lateSeeded) expect(row.redRoiTrue).toBeGreaterThanOrEqual(weighted * (1 - REL));
        else expect(close(row.redRoiTrue, weighted), `${year} ${row.sizeClass}`).toBe(true);
      }
      expect(sum(rows, (x) => x.merchants)).toBe(r.merchants.filter((m) => m.year === year).length);
      expect(close(sum(rows, (x) => x.gmvRmb), sum(r.merchants.filter((m) => m.year === year), (m) => m.gmvRmb))).toBe(true);
    }
  });
});
