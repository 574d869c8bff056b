import { CATEGORIES, CH_RED_FEED, CH_RED_NOTES, CHANNELS, N_CATEGORIES, N_CHANNELS, N_PATHS, N_PLATFORMS, PATHS, PATH_LINK, PATH_OWN_STORE, PATH_SEARCH, PLATFORMS, RED, DOUYIN } from '../constants.ts';
import { douyinAdImpressionsPerUserDay, redShareOfVoice } from '../platforms/shareOfVoice.ts';
import { MF, N_MF } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { Phase } from '../scenario/resolve.ts';
import { L, LEDGER_SIZE, pcp } from './ledger.ts';

/** What the simulation hands to the result builder. */
export interface Books {
  monthAcc: Float64Array;
  phaseAcc: Float64Array;
  yearAcc: Float64Array;
  monthDays: Int32Array;
  phaseDays: Int32Array;
  yearDays: Int32Array;
  noteSeededShare: Float64Array;
  merchantYears: { year: number; rows: Float64Array; spend: Float64Array; program: Uint8Array; category: Uint8Array; home: Uint8Array }[];
  creatorYears: { year: number; incomeByTier: number[]; activeShareByTier: number[] }[];
  monthLabels: string[];
  years: number[];
  phases: Phase[];
  weight: number;
}

/** Run metadata (DESIGN.md §5). */
export interface Manifest {
  engine: string;
  scenarioId: string;
  scenarioTitle: string;
  /** Hash of the resolved scenario (model and policies, not the seed). */
  scenarioHash: string;
  seed: number | string;
  agents: number;
  /** Real people per user agent. */
  weight: number;
  start: string;
  end: string;
  /** Wall time of the run in ms (0 when no clock was injected). */
  wallMs: number;
  merchants: number;
  creators: number;
  parameters: Parameters;
}

/** One tidy row of a monthly series, at real scale. */
export interface SeriesRow { period: string; platform: string; category: string; metric: string; unit: string; value: number }
/** One tidy row of a per-phase summary. */
export interface PhaseRow { phase: string; start: string; end: string; platform: string; metric: string; unit: string; value: number }
/** One funnel count (real scale) for a phase, platform, category and purchase path. */
export interface FunnelRow { phase: string; platform: string; category: string; path: string; stage: string; count: number }
/** Feed-ad performance by merchant group (in a data-sharing program or not), per year. */
export interface GroupRow {
  year: number; group: 'program' | 'other'; merchants: number; adImpressions: number; adClicks: number; adEngagements: number;
  ctr: number; engagementRate: number; noteEngagements: number; linkOuts: number; storeEntries: number; orders: number; gmvRmb: number;
}
/** One merchant agent in one year. Money in RMB at real scale. */
export interface MerchantYearRow {
  year: number; merchant: number; category: string; home: string; program: boolean;
  noteEngagements: number; adClicks: number; linkOuts: number; storeEntries: number; orders: number; gmvRmb: number;
  redSeededGmvRmb: number; redObservedGmvRmb: number; adSpendRmb: number; redAdSpendRmb: number; refundsRmb: number;
  /** RED ROI: RED-seeded GMV per RMB of RED spend (true) and what the merchant can trace (observed). NaN without RED spend. */
  redRoiTrue: number; redRoiObserved: number; repurchaseRate: number;
}
/** RED's year in figures. */
export interface RedYearRow {
  year: number; adRevenueRmb: number; commissionRmb: number;
  /** Revenue from RED's self-operated retail (福利社). */
  salesRevenueRmb: number;
  refundsRmb: number;
  /** Ads (net of refunds) + commission + self-operated sales. */
  revenueRmb: number; adShareOfRevenue: number;
  /** Share of RED users active in the year with at least one note-seeded purchase. */
  noteSeededUserShare: number;
  /** Share of note-seeded orders completed in RED's own stores. */
  ownStoreShareOfSeeded: number;
  mauAvg: number; dauAvg: number; trustAvg: number; creatorIncomeRmb: number; jointAdvertisersDailyAvg: number;
  ownStoreGmvRmb: number; seededGmvRmb: number;
  /** Online spend on all platforms per RED user (mean users on RED over the year), RMB per year. */
  userSpendRmb: number;
}
/** Creators per tier and year: income per creator (RMB) and share still posting. */
export interface CreatorYearRow { year: number; tier: string; incomeRmbPerCreator: number; activeShare: number }

/** Everything a run reports (DESIGN.md §5); shape documented in docs/result.md. */
export interface Result {
  manifest: Manifest;
  phases: Phase[];
  months: string[];
  series: SeriesRow[];
  phaseSummary: PhaseRow[];
  funnel: FunnelRow[];
  groups: GroupRow[];
  merchants: MerchantYearRow[];
  red: RedYearRow[];
  creators: CreatorYearRow[];
  /** Exact ledger totals at agent scale (fen, integer) for accounting checks. */
  ledger: { gmvFen: number[]; orders: number[]; adRevenueFen: number[]; commissionFen: number[]; refundsFen: number; matchingFen: number; redBilledSpendFen: number; creatorIncomeFen: number; sponsoredSpendFen: number };
}

const sumPlatform = (a: Float64Array, o: number, base: number, p: number, paths?: number[]) => {
  let s = 0;
  for (let c = 0; c < N_CATEGORIES; c++) for (let path = 0; path < N_PATHS; path++) if (!paths || paths.includes(path)) s += a[o + base + pcp(p, c, path)];
  return s;
};
const SEEDED = [PATH_LINK, PATH_SEARCH, PATH_OWN_STORE];

/** Funnel ratios of RED seeding over a ledger slice. */
export function redRates(a: Float64Array, o: number) {
  let imps = 0, eng = 0, links = 0;
  for (let c = 0; c < N_CATEGORIES; c++) {
    for (let k = 0; k < 3; k++) { imps += a[o + L.impressions + c * 3 + k]; eng += a[o + L.engagements + c * 3 + k]; }
    for (let p = 0; p < N_PLATFORMS; p++) links += a[o + L.linkOuts + p * N_CATEGORIES + c];
  }
  eng += a[o + L.adGroup + 1] + a[o + L.adGroup + 4] - a[o + L.adGroup + 2] - a[o + L.adGroup + 5]; // ad clicks that did not also engage
  let entries = 0, orders = 0;
  for (let p = 0; p < N_PLATFORMS; p++) { entries += sumPlatform(a, o, L.entries, p, SEEDED); orders += sumPlatform(a, o, L.orders, p, SEEDED); }
  return {
    impressions: imps, engagements: eng, linkOuts: links, entries, orders,
    engagementRate: imps > 0 ? eng / imps : 0,
    linkOutCtr: eng > 0 ? links / eng : 0,
    storeEntryRate: eng > 0 ? entries / eng : 0,
    purchaseConversion: entries > 0 ? orders / entries : 0,
  };
}

/** Build the Result from the books of a finished run. */
export function buildResult(b: Books, manifest: Manifest): Result {
  const w = b.weight;
  const rmb = (fen: number) => (fen / 100) * w;
  const douyinAdImpressions = douyinAdImpressionsPerUserDay(manifest.parameters);
  const series: SeriesRow[] = [];
  const add = (period: string, platform: string, category: string, metric: string, unit: string, value: number) =>
    series.push({ period, platform, category, metric, unit, value });
  b.monthLabels.forEach((label, mi) => {
    const o = mi * LEDGER_SIZE;
    const a = b.monthAcc;
    const days = b.monthDays[mi];
    for (let p = 0; p < N_PLATFORMS; p++) {
      const pl = PLATFORMS[p];
      add(label, pl, 'all', 'gmv', 'RMB', rmb(sumPlatform(a, o, L.gmv, p)));
      add(label, pl, 'all', 'orders', 'orders', sumPlatform(a, o, L.orders, p) * w);
      add(label, pl, 'all', 'ad_revenue', 'RMB', rmb(a[o + L.adRevenue + p]));
      add(label, pl, 'all', 'commission', 'RMB', rmb(a[o + L.commission + p]));
      add(label, pl, 'all', 'users', 'people', (a[o + L.adopters + p] / days) * w);
      if (p !== RED) add(label, pl, 'all', 'red_seeded_gmv', 'RMB', rmb(sumPlatform(a, o, L.gmv, p, [PATH_LINK, PATH_SEARCH])));
      for (let c = 0; c < N_CATEGORIES; c++) {
        let g = 0;
        for (let path = 0; path < N_PATHS; path++) g += a[o + L.gmv + pcp(p, c, path)];
        add(label, pl, CATEGORIES[c], 'gmv', 'RMB', rmb(g));
      }
    }
    const r = redRates(a, o);
    add(label, 'red', 'all', 'refunds', 'RMB', rmb(a[o + L.refunds]));
    add(label, 'red', 'all', 'sales_revenue', 'RMB', rmb(a[o + L.redSales]));
    add(label, 'red', 'all', 'matching_received', 'RMB', rmb(a[o + L.matching]));
    add(label, 'red', 'all', 'mau', 'people', a[o + L.mauNew] * w);
    add(label, 'red', 'all', 'dau', 'people', (a[o + L.dau] / days) * w);
    add(label, 'red', 'all', 'trust', 'index 0-1', a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN);
    add(label, 'red', 'all', 'engagement_rate', 'share', r.engagementRate);
    add(label, 'red', 'all', 'link_out_ctr', 'share', r.linkOutCtr);
    add(label, 'red', 'all', 'store_entry_rate', 'share', r.storeEntryRate);
    add(label, 'red', 'all', 'purchase_conversion', 'share', r.purchaseConversion);
    add(label, 'red', 'all', 'seeded_gmv', 'RMB', rmb(a[o + L.seededGmv]));
    add(label, 'red', 'all', 'joint_advertisers', 'merchant agents', a[o + L.jointAdvertisers] / days);
    const redAdImps = a[o + L.adGroup] + a[o + L.adGroup + 3], douyinAdImps = a[o + L.adopters + DOUYIN] * douyinAdImpressions;
    add(label, 'red', 'all', 'ad_impressions', 'impressions', redAdImps * w);
    add(label, 'douyin', 'all', 'ad_impressions', 'impressions', douyinAdImps * w);
    add(label, 'red', 'all', 'share_of_voice', 'share', redShareOfVoice(redAdImps, douyinAdImps));
    add(label, 'red', 'all', 'creator_income', 'RMB', rmb(a[o + L.creatorIncome]));
    add(label, 'red', 'all', 'sponsored_share', 'share', a[o + L.sponsoredShare] / days);
    add(label, 'all', 'all', 'online_shoppers', 'people', (a[o + L.shoppers] / days) * w);
    add(label, 'all', 'all', 'coupon_cost', 'RMB', rmb(a[o + L.couponFen]));
  });

  // Per-phase summaries.
  const monthMau = b.monthLabels.map((_, mi) => b.monthAcc[mi * LEDGER_SIZE + L.mauNew] * w);
  const phaseSummary: PhaseRow[] = [];
  const funnel: FunnelRow[] = [];
  b.phases.forEach((ph, k) => {
    const o = k * LEDGER_SIZE;
    const a = b.phaseAcc;
    const days = Math.max(1, b.phaseDays[k]);
    const perYear = 365.25 / days;
    const row = (platform: string, metric: string, unit: string, value: number) =>
      phaseSummary.push({ phase: ph.label, start: ph.start, end: ph.end, platform, metric, unit, value });
    for (let p = 0; p < N_PLATFORMS; p++) {
      const pl = PLATFORMS[p];
      const gmv = rmb(sumPlatform(a, o, L.gmv, p));
      row(pl, 'gmv', 'RMB', gmv);
      row(pl, 'gmv_per_year', 'RMB/year', gmv * perYear);
      row(pl, 'ad_revenue_per_year', 'RMB/year', rmb(a[o + L.adRevenue + p]) * perYear);
      row(pl, 'commission_per_year', 'RMB/year', rmb(a[o + L.commission + p]) * perYear);
      row(pl, 'orders_per_year', 'orders/year', sumPlatform(a, o, L.orders, p) * w * perYear);
      if (p !== RED) row(pl, 'red_seeded_gmv_per_year', 'RMB/year', rmb(sumPlatform(a, o, L.gmv, p, [PATH_LINK, PATH_SEARCH])) * perYear);
      row(pl, 'users', 'people', (a[o + L.adopters + p] / days) * w);
    }
    const r = redRates(a, o);
    row('red', 'refunds_per_year', 'RMB/year', rmb(a[o + L.refunds]) * perYear);
    row('red', 'own_store_gmv_per_year', 'RMB/year', rmb(sumPlatform(a, o, L.gmv, RED)) * perYear);
    row('red', 'engagement_rate', 'share', r.engagementRate);
    row('red', 'link_out_ctr', 'share', r.linkOutCtr);
    row('red', 'store_entry_rate', 'share', r.storeEntryRate);
    row('red', 'purchase_conversion', 'share', r.purchaseConversion);
    row('red', 'dau', 'people', (a[o + L.dau] / days) * w);
    const mauMonths = b.monthLabels.map((m, i) => [m, i] as const).filter(([m]) => m >= ph.start.slice(0, 7) && m <= ph.end.slice(0, 7)).map(([, i]) => monthMau[i]);
    row('red', 'mau', 'people', mauMonths.length ? mauMonths.reduce((s, v) => s + v, 0) / mauMonths.length : NaN);
    row('red', 'trust', 'index 0-1', a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN);
    row('red', 'seeded_gmv_per_year', 'RMB/year', rmb(a[o + L.seededGmv]) * perYear);
    // funnel counts
    for (let c = 0; c < N_CATEGORIES; c++) {
      const cat = CATEGORIES[c];
      let imps = 0, eng = 0;
      for (let kind = 0; kind < 3; kind++) { imps += a[o + L.impressions + c * 3 + kind]; eng += a[o + L.engagements + c * 3 + kind]; }
      funnel.push({ phase: ph.label, platform: 'red', category: cat, path: 'feed', stage: 'impressions', count: imps * w });
      funnel.push({ phase: ph.label, platform: 'red', category: cat, path: 'feed', stage: 'engagements', count: eng * w });
      for (let p = 0; p < N_PLATFORMS; p++) {
        const links = a[o + L.linkOuts + p * N_CATEGORIES + c];
        if (links > 0) funnel.push({ phase: ph.label, platform: PLATFORMS[p], category: cat, path: 'link', stage: 'link_outs', count: links * w });
        for (let path = 0; path < N_PATHS; path++) {
          const k2 = pcp(p, c, path);
          const entries = a[o + L.entries + k2], carts = a[o + L.carts + k2], orders = a[o + L.orders + k2];
          if (entries === 0 && orders === 0) continue;
          const base = { phase: ph.label, platform: PLATFORMS[p], category: cat, path: PATHS[path] };
          if (entries > 0 || carts > 0) {
            funnel.push({ ...base, stage: 'store_entries', count: entries * w });
            funnel.push({ ...base, stage: 'add_to_cart', count: carts * w });
          }
          funnel.push({ ...base, stage: 'orders', count: orders * w });
        }
      }
    }
  });

  // Groups, merchants, RED years, creators.
  const groups: GroupRow[] = [];
  const merchants: MerchantYearRow[] = [];
  for (const my of b.merchantYears) {
    const yi = my.year - b.years[0];
    const ya = yi * LEDGER_SIZE;
    const m = my.category.length;
    const g = [0, 1].map((gi) => ({
      year: my.year, group: gi === 1 ? 'program' as const : 'other' as const, merchants: 0,
      adImpressions: b.yearAcc[ya + L.adGroup + gi * 3] * w, adClicks: b.yearAcc[ya + L.adGroup + gi * 3 + 1] * w, adEngagements: b.yearAcc[ya + L.adGroup + gi * 3 + 2] * w,
      ctr: 0, engagementRate: 0, noteEngagements: 0, linkOuts: 0, storeEntries: 0, orders: 0, gmvRmb: 0,
    }));
    for (let i = 0; i < m; i++) {
      const r = i * N_MF;
      const rw = my.rows;
      const sp = i * (N_CHANNELS + 1);
      let spend = 0;
      for (let c = 0; c < N_CHANNELS; c++) spend += my.spend[sp + c];
      const redSpend = my.spend[sp + CH_RED_FEED] + my.spend[sp + CH_RED_NOTES];
      const seeded = rw[r + MF.seededOrganic] + rw[r + MF.seededSponsored] + rw[r + MF.seededAd];
      const paidSeeded = rw[r + MF.seededSponsored] + rw[r + MF.seededAd];
      const observed = rw[r + MF.observedSponsored] + rw[r + MF.observedAd];
      const row: MerchantYearRow = {
        year: my.year, merchant: i, category: CATEGORIES[my.category[i]], home: PLATFORMS[my.home[i]], program: my.program[i] !== 0,
        noteEngagements: (rw[r + MF.engOrganic] + rw[r + MF.engSponsored] + rw[r + MF.engAd]) * w, adClicks: rw[r + MF.adClicks] * w,
        linkOuts: rw[r + MF.linkOuts] * w, storeEntries: rw[r + MF.storeEntries] * w, orders: rw[r + MF.orders] * w, gmvRmb: rmb(rw[r + MF.gmv]),
        redSeededGmvRmb: rmb(seeded), redObservedGmvRmb: rmb(observed), adSpendRmb: rmb(spend), redAdSpendRmb: rmb(redSpend),
        refundsRmb: rmb(my.spend[sp + N_CHANNELS]),
        redRoiTrue: redSpend > 0 ? paidSeeded / redSpend : NaN, redRoiObserved: redSpend > 0 ? observed / redSpend : NaN,
        repurchaseRate: rw[r + MF.orders] > 0 ? rw[r + MF.repeatOrders] / rw[r + MF.orders] : 0,
      };
      merchants.push(row);
      const gr = g[row.program ? 1 : 0];
      gr.merchants++;
      gr.noteEngagements += row.noteEngagements; gr.linkOuts += row.linkOuts; gr.storeEntries += row.storeEntries; gr.orders += row.orders; gr.gmvRmb += row.gmvRmb;
    }
    for (const gr of g) {
      gr.ctr = gr.adImpressions > 0 ? gr.adClicks / gr.adImpressions : NaN;
      gr.engagementRate = gr.adImpressions > 0 ? gr.adEngagements / gr.adImpressions : NaN;
      groups.push(gr);
    }
  }
  const red: RedYearRow[] = b.years.map((year, yi) => {
    const o = yi * LEDGER_SIZE;
    const a = b.yearAcc;
    const days = Math.max(1, b.yearDays[yi]);
    const adRevenue = rmb(a[o + L.adRevenue + RED]);
    const commission = rmb(a[o + L.commission + RED]);
    const ownStore = rmb(sumPlatform(a, o, L.gmv, RED));
    const monthsOfYear = b.monthLabels.map((m, i) => [m, i] as const).filter(([m]) => m.startsWith(String(year))).map(([, i]) => monthMau[i]);
    const sales = rmb(a[o + L.redSales]);
    const revenue = adRevenue + sales + commission;
    return {
      year, adRevenueRmb: adRevenue, commissionRmb: commission, salesRevenueRmb: sales, refundsRmb: rmb(a[o + L.refunds]), revenueRmb: revenue,
      adShareOfRevenue: revenue > 0 ? adRevenue / revenue : NaN,
      noteSeededUserShare: b.noteSeededShare[yi],
      ownStoreShareOfSeeded: a[o + L.seededOrders] > 0 ? a[o + L.seededOwnStoreOrders] / a[o + L.seededOrders] : NaN,
      mauAvg: monthsOfYear.length ? monthsOfYear.reduce((s, v) => s + v, 0) / monthsOfYear.length : NaN,
      dauAvg: (a[o + L.dau] / days) * w,
      trustAvg: a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN,
      creatorIncomeRmb: rmb(a[o + L.creatorIncome]),
      jointAdvertisersDailyAvg: a[o + L.jointAdvertisers] / days,
      ownStoreGmvRmb: ownStore,
      seededGmvRmb: rmb(a[o + L.seededGmv]),
      userSpendRmb: a[o + L.adopters + RED] > 0 ? (rmb(a[o + L.redUserGmv]) / ((a[o + L.adopters + RED] / days) * w)) * (365.25 / days) : NaN,
    };
  });
  const tiers = ['head_kol', 'mid_kol', 'koc', 'buyer'];
  const creators: CreatorYearRow[] = b.creatorYears.flatMap((cy) => tiers.map((tier, t) => ({ year: cy.year, tier, incomeRmbPerCreator: cy.incomeByTier[t], activeShare: cy.activeShareByTier[t] })));

  // Exact ledger totals (agent scale) for accounting checks.
  const tot = new Float64Array(LEDGER_SIZE);
  for (let mi = 0; mi < b.monthLabels.length; mi++) for (let k = 0; k < LEDGER_SIZE; k++) tot[k] += b.monthAcc[mi * LEDGER_SIZE + k];
  const ledger = {
    gmvFen: PLATFORMS.map((_, p) => sumPlatform(tot, 0, L.gmv, p)),
    orders: PLATFORMS.map((_, p) => sumPlatform(tot, 0, L.orders, p)),
    adRevenueFen: PLATFORMS.map((_, p) => tot[L.adRevenue + p]),
    commissionFen: PLATFORMS.map((_, p) => tot[L.commission + p]),
    refundsFen: tot[L.refunds], matchingFen: tot[L.matching],
    redBilledSpendFen: tot[L.spend + CH_RED_FEED] + tot[L.matching] + (tot[L.spend + CH_RED_NOTES] - tot[L.creatorIncome]),
    creatorIncomeFen: tot[L.creatorIncome], sponsoredSpendFen: tot[L.spend + CH_RED_NOTES],
  };
  void CHANNELS;
  return { manifest, phases: b.phases, months: b.monthLabels, series, phaseSummary, funnel, groups, merchants, red, creators, ledger };
}
