// Owns the calibration measures: how each target of targets.json is read off a Result.
import type { Result } from './result.ts';

/**
 * How every calibration target of targets.json is measured on a Result
 * (docs/calibration.md). A target names its measure by `measure`, or by its `id`
 * when `measure` is absent. Each measure reads only the Result, so a targets
 * report can be recomputed from a saved result.json.
 */
export interface Measure {
  /** Unit of the measured value. */
  unit: string;
  /** What is measured, in words (printed by `market-sim targets` and in the docs). */
  doc: string;
  /** The value on a Result; NaN when the run does not cover the period. */
  measure(r: Result): number;
}

const RED_REVENUE_METRICS = ['ad_revenue', 'commission', 'sales_revenue'];

/** Sum of a monthly series (category 'all') over months whose label starts with any of `prefixes`. */
export function seriesSum(r: Result, platform: string, metrics: string | readonly string[], prefixes: readonly string[]): number {
  const ms = typeof metrics === 'string' ? [metrics] : metrics;
  let s = 0, n = 0;
  for (const x of r.series) {
    if (x.platform !== platform || x.category !== 'all' || !ms.includes(x.metric)) continue;
    if (!prefixes.some((p) => x.period.startsWith(p))) continue;
    s += x.value; n++;
  }
  return n > 0 ? s : NaN;
}

/** Mean of a monthly series (category 'all') over the months of a year. */
export function seriesYearMean(r: Result, platform: string, metric: string, year: number): number {
  let s = 0, n = 0;
  for (const x of r.series) if (x.platform === platform && x.category === 'all' && x.metric === metric && x.period.startsWith(`${year}-`)) { s += x.value; n++; }
  return n > 0 ? s / n : NaN;
}

/** A field of RED's row for a year (NaN when the year is not simulated). */
export function redField(r: Result, year: number, field: keyof Result['red'][number]): number {
  const row = r.red.find((y) => y.year === year);
  return row ? (row[field] as number) : NaN;
}

/** Relative lift of a feed-ad rate of program members over other advertisers, pooled over years [from, to]. */
export function groupLift(r: Result, numerator: 'adClicks' | 'adEngagements', from: number, to: number): number {
  const sum = { program: [0, 0], other: [0, 0] };
  for (const g of r.groups) {
    if (g.year < from || g.year > to) continue;
    sum[g.group][0] += g[numerator];
    sum[g.group][1] += g.adImpressions;
  }
  const rate = (x: number[]) => (x[1] > 0 ? x[0] / x[1] : NaN);
  return rate(sum.program) / rate(sum.other) - 1;
}

/** Sum of a monthly series over a fiscal year April `year` … March `year + 1` (NaN unless all twelve months are simulated). */
function fiscalYearSum(r: Result, platform: string, metric: string, year: number): number {
  const months = [...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `${year}-${String(m).padStart(2, '0')}`), ...[1, 2, 3].map((m) => `${year + 1}-0${m}`)];
  let n = 0;
  for (const x of r.series) if (x.platform === platform && x.category === 'all' && x.metric === metric && months.includes(x.period)) n++;
  return n === 12 ? seriesSum(r, platform, metric, months) : NaN;
}

const q1 = (year: number) => [`${year}-01`, `${year}-02`, `${year}-03`];
const redRevenueQ1 = (r: Result, year: number) => seriesSum(r, 'red', RED_REVENUE_METRICS, q1(year));
const PLATFORMS_ALL = ['red', 'taotian', 'jd', 'pdd', 'douyin'];

/** The measures, keyed by the target ids of ../shared/domain/targets.json. */
export const MEASURES: Readonly<Record<string, Measure>> = {
  red_revenue_mix_2021: {
    unit: 'share', doc: 'red[2021].adShareOfRevenue: ad revenue (net of refunds) / (ads + own-store commission + self-operated sales)',
    measure: (r) => redField(r, 2021, 'adShareOfRevenue'),
  },
  data_sharing_ctr_lift: {
    unit: 'relative lift', doc: 'groups 2022–2024: feed-ad CTR (clicks / impressions) of data-program members ÷ that of other advertisers − 1',
    measure: (r) => groupLift(r, 'adClicks', 2022, 2024),
  },
  data_sharing_engagement_lift: {
    unit: 'relative lift', doc: 'groups 2022–2024: feed-ad engagements / impressions of data-program members ÷ that of other advertisers − 1',
    measure: (r) => groupLift(r, 'adEngagements', 2022, 2024),
  },
  joint_ad_merchants_growth_2024: {
    unit: 'relative growth', doc: 'red[].jointAdvertisersDailyAvg: 2024 ÷ 2023 − 1',
    measure: (r) => redField(r, 2024, 'jointAdvertisersDailyAvg') / redField(r, 2023, 'jointAdvertisersDailyAvg') - 1,
  },
  red_mau_2024: {
    unit: 'people', doc: 'red[2024].mauAvg: mean monthly active RED users over 2024',
    measure: (r) => redField(r, 2024, 'mauAvg'),
  },
  red_revenue_q1_2024: {
    unit: 'RMB', doc: 'series, RED, 2024-01..03: ad_revenue + commission + sales_revenue',
    measure: (r) => redRevenueQ1(r, 2024),
  },
  red_revenue_growth_q1_2024: {
    unit: 'relative growth', doc: 'RED revenue (as above) of Q1 2024 ÷ Q1 2023 − 1',
    measure: (r) => redRevenueQ1(r, 2024) / redRevenueQ1(r, 2023) - 1,
  },
  red_own_store_share_2024: {
    unit: 'share', doc: 'red[2024].ownStoreShareOfSeeded: note-seeded orders completed in RED stores ÷ all note-seeded orders',
    measure: (r) => redField(r, 2024, 'ownStoreShareOfSeeded'),
  },
  note_driven_decisions: {
    unit: 'share', doc: 'red[2024].noteSeededUserShare: users active on RED in 2024 with ≥ 1 note-seeded purchase ÷ users active on RED in 2024',
    measure: (r) => redField(r, 2024, 'noteSeededUserShare'),
  },
  red_user_annual_spend: {
    unit: 'RMB/year', doc: 'red[2024].userSpendRmb: GMV (all platforms) of orders by users on RED ÷ mean users on RED, 2024',
    measure: (r) => redField(r, 2024, 'userSpendRmb'),
  },
  douyin_gmv_2024: {
    unit: 'RMB', doc: 'series: Douyin gmv summed over 2024',
    measure: (r) => seriesSum(r, 'douyin', 'gmv', ['2024-']),
  },
  taotian_share: {
    unit: 'share', doc: 'series 2024: Taotian gmv ÷ gmv of all five platforms (RED own stores included)',
    measure: (r) => seriesSum(r, 'taotian', 'gmv', ['2024-']) / PLATFORMS_ALL.reduce((s, p) => s + seriesSum(r, p, 'gmv', ['2024-']), 0),
  },
  ecommerce_user_growth_2024: {
    unit: 'relative growth', doc: 'series online_shoppers: mean over 2024 ÷ mean over 2023 − 1',
    measure: (r) => seriesYearMean(r, 'all', 'online_shoppers', 2024) / seriesYearMean(r, 'all', 'online_shoppers', 2023) - 1,
  },
  red_ecommerce_growth_2024: {
    unit: 'relative growth', doc: 'red[].ownStoreGmvRmb: 2024 ÷ 2023 − 1',
    measure: (r) => redField(r, 2024, 'ownStoreGmvRmb') / redField(r, 2023, 'ownStoreGmvRmb') - 1,
  },
  taotian_gmv_fy2021: {
    unit: 'RMB', doc: 'series: Taotian gmv summed over 2020-04 … 2021-03 (Alibaba\'s fiscal year)',
    measure: (r) => fiscalYearSum(r, 'taotian', 'gmv', 2020),
  },
  taotian_gmv_2023: { unit: 'RMB', doc: 'series: Taotian gmv summed over 2023', measure: (r) => seriesSum(r, 'taotian', 'gmv', ['2023-']) },
  jd_gmv_2021: { unit: 'RMB', doc: 'series: JD gmv summed over 2021', measure: (r) => seriesSum(r, 'jd', 'gmv', ['2021-']) },
  pdd_gmv_2020: { unit: 'RMB', doc: 'series: Pinduoduo gmv summed over 2020', measure: (r) => seriesSum(r, 'pdd', 'gmv', ['2020-']) },
  pdd_gmv_2023: { unit: 'RMB', doc: 'series: Pinduoduo gmv summed over 2023', measure: (r) => seriesSum(r, 'pdd', 'gmv', ['2023-']) },
  douyin_gmv_2021: { unit: 'RMB', doc: 'series: Douyin gmv summed over 2021', measure: (r) => seriesSum(r, 'douyin', 'gmv', ['2021-']) },
  taotian_monetisation_2019: {
    unit: 'share', doc: 'series 2019, Taotian: (ad_revenue + commission) ÷ gmv (the public take rate includes ads)',
    measure: (r) => seriesSum(r, 'taotian', ['ad_revenue', 'commission'], ['2019-']) / seriesSum(r, 'taotian', 'gmv', ['2019-']),
  },
  red_revenue_2022: { unit: 'RMB', doc: 'series, RED, 2022: ad_revenue + commission + sales_revenue', measure: (r) => seriesSum(r, 'red', RED_REVENUE_METRICS, ['2022-']) },
  red_revenue_2023: { unit: 'RMB', doc: 'series, RED, 2023: ad_revenue + commission + sales_revenue', measure: (r) => seriesSum(r, 'red', RED_REVENUE_METRICS, ['2023-']) },
  red_mau_2022: { unit: 'users', doc: 'red[2022].mauAvg', measure: (r) => redField(r, 2022, 'mauAvg') },
  red_mau_2025: { unit: 'users', doc: 'red[2025].mauAvg', measure: (r) => redField(r, 2025, 'mauAvg') },
  red_ecommerce_gmv_2024: {
    unit: 'RMB', doc: 'red[2024].ownStoreGmvRmb: GMV of RED\'s own stores (third-party, self-operated and buyer-led sales)',
    measure: (r) => redField(r, 2024, 'ownStoreGmvRmb'),
  },
};

/** Names of the measures, for error messages and docs. */
export const MEASURE_NAMES: readonly string[] = Object.keys(MEASURES);
