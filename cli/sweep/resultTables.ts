// The Result's tables a sweep keeps, as tidy long rows (period, platform, category, metric, unit, value): the
// per-phase summary and the monthly series as they are, and the yearly research tables (category funnel,
// repurchase by buyer origin, size classes, RED's yearly rows) with one row per numeric field. docs/sweeps.md.
import type { CategoryFunnelRow, RedYearRow, RepurchaseRow, Result, SizeClassRow } from '../../engine/index.ts';

/** The tables a sweep can keep (`outputs.tables`), in the order a run's rows are written. */
export const SWEEP_TABLES = ['phases', 'series', 'category_funnel', 'repurchase', 'size_classes', 'red'] as const;
/** A table a sweep can keep. */
export type SweepTable = (typeof SWEEP_TABLES)[number];
/** The tables with one row per calendar year of the span (period = the year, "YYYY"). */
export const YEARLY_TABLES: readonly SweepTable[] = ['category_funnel', 'repurchase', 'size_classes', 'red'];

/** Receives one tidy row of a table. */
export type EmitRow = (period: string, platform: string, category: string, metric: string, unit: string, value: number) => void;

/** The unit of every numeric field of a Result row type but its key fields (a missing or extra field fails to compile). */
type Units<R, Keys extends keyof R> = { readonly [F in Exclude<keyof R, Keys>]: string };

const RMB = 'RMB', PEOPLE = 'people', SHARE = 'share', MERCHANTS = 'merchant agents';

/** categoryFunnel: metric `<field>.<group>`, category = the row's category, platform `all`. */
export const CATEGORY_FUNNEL_UNITS: Units<CategoryFunnelRow, 'year' | 'category' | 'group'> = {
  merchants: MERCHANTS, impressions: 'impressions', adImpressions: 'impressions', sponsoredImpressions: 'impressions',
  engagements: 'engagements', adClicks: 'clicks', linkOuts: 'clicks', storeEntries: 'visits', addToCart: 'visits',
  storeOrders: 'orders', orders: 'orders', gmvRmb: RMB,
};
/** repurchase: metric `<field>.<origin>`, platform = the row's platform, category `all`. */
export const REPURCHASE_UNITS: Units<RepurchaseRow, 'year' | 'platform' | 'origin'> = {
  opportunities: 'orders', repeats: 'orders', repurchaseRate: SHARE,
};
/** sizeClasses: metric `<field>.<sizeClass>`, platform and category `all`. */
export const SIZE_CLASS_UNITS: Units<SizeClassRow, 'year' | 'sizeClass'> = {
  merchants: MERCHANTS, gmvRmb: RMB, redAdSpendRmb: RMB, redSeededGmvRmb: RMB, redRoiTrue: 'RMB/RMB',
};
/** red: metric = the field, platform `red`, category `all`. */
export const RED_UNITS: Units<RedYearRow, 'year'> = {
  adRevenueRmb: RMB, commissionRmb: RMB, salesRevenueRmb: RMB, refundsRmb: RMB, revenueRmb: RMB, adShareOfRevenue: SHARE,
  noteSeededUserShare: SHARE,
  redActiveUsersTier1: PEOPLE, redActiveUsersTier2: PEOPLE, redActiveUsersTier3: PEOPLE,
  noteSeededShareTier1: SHARE, noteSeededShareTier2: SHARE, noteSeededShareTier3: SHARE,
  ownStoreShareOfSeeded: SHARE,
  mauAvg: PEOPLE, dauAvg: PEOPLE, trustAvg: 'index 0-1', creatorIncomeRmb: RMB, jointAdvertisersDailyAvg: MERCHANTS,
  ownStoreGmvRmb: RMB, seededGmvRmb: RMB,
  userSpendRmb: 'RMB/person/year',
  redUsersTier1: PEOPLE, redUsersTier2: PEOPLE, redUsersTier3: PEOPLE,
  userSpendTier1: 'RMB/person/year', userSpendTier2: 'RMB/person/year', userSpendTier3: 'RMB/person/year',
};

/** Emit each field of `units` of one Result row: metric = field, or `<field>.<suffix>` with a suffix. */
function fields<R>(row: R, units: Record<string, string>, period: string, platform: string, category: string, suffix: string | undefined, emit: EmitRow): void {
  for (const [field, unit] of Object.entries(units)) {
    emit(period, platform, category, suffix === undefined ? field : `${field}.${suffix}`, unit, (row as Record<string, number>)[field]);
  }
}

/**
 * Emit the tidy rows of one table of a Result, in the Result's row order (and, within a row, field order):
 * - `phases`: one per phase summary row (period = phase label, category `all`);
 * - `series`: one per monthly series row (period = YYYY-MM);
 * - `category_funnel`: per year × category × group, one per field (period = year, platform `all`, metric `<field>.<group>`);
 * - `repurchase`: per year × platform × origin, one per field (category `all`, metric `<field>.<origin>`);
 * - `size_classes`: per year × size class, one per field (platform and category `all`, metric `<field>.<sizeClass>`);
 * - `red`: per year, one per numeric field of RED's yearly row (platform `red`, category `all`, metric = the field).
 * Values are the Result's, NaN included.
 */
export function tableRows(result: Result, table: SweepTable, emit: EmitRow): void {
  switch (table) {
    case 'phases': for (const r of result.phaseSummary) emit(r.phase, r.platform, 'all', r.metric, r.unit, r.value); return;
    case 'series': for (const r of result.series) emit(r.period, r.platform, r.category, r.metric, r.unit, r.value); return;
    case 'category_funnel': for (const r of result.categoryFunnel) fields(r, CATEGORY_FUNNEL_UNITS, String(r.year), 'all', r.category, r.group, emit); return;
    case 'repurchase': for (const r of result.repurchase) fields(r, REPURCHASE_UNITS, String(r.year), r.platform, 'all', r.origin, emit); return;
    case 'size_classes': for (const r of result.sizeClasses) fields(r, SIZE_CLASS_UNITS, String(r.year), 'all', 'all', r.sizeClass, emit); return;
    case 'red': for (const r of result.red) fields(r, RED_UNITS, String(r.year), 'red', 'all', undefined, emit); return;
  }
}
