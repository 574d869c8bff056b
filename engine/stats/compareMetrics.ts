/** The figures `compare` and `explain` report: SEGMENT_METRICS per segment and YEAR_METRICS per calendar year. */
import { PLATFORMS } from '../constants.ts';

/**
 * Per-phase figures compared on every common segment: [platform, metric of the
 * per-phase summary]. Money in RMB/year annualised over the segment.
 */
export const SEGMENT_METRICS: readonly (readonly [string, string])[] = [
  ...PLATFORMS.map((p) => [p, 'gmv_per_year'] as const),
  ...['taotian', 'jd', 'pdd'].map((p) => [p, 'red_seeded_gmv_per_year'] as const),
  ...PLATFORMS.map((p) => [p, 'ad_revenue_per_year'] as const),
  ...PLATFORMS.map((p) => [p, 'commission_per_year'] as const),
  ['red', 'refunds_per_year'], ['red', 'seeded_gmv_per_year'],
  ['red', 'engagement_rate'], ['red', 'link_out_ctr'], ['red', 'store_entry_rate'], ['red', 'purchase_conversion'],
  ['red', 'trust'], ['red', 'mau'],
];

/**
 * Yearly figures compared on every common calendar year: [table, metric]. Merchant ROI exists per year only;
 * note-seeded GMV attributed and incremental (all seeding routes) per platform and `all`.
 */
export const YEAR_METRICS: readonly (readonly [string, string])[] = [
  ['merchant_roi', 'merchant_roi_true'], ['merchant_roi', 'merchant_roi_observed'], ['merchant_roi', 'red_ad_spend'],
  ['merchant_roi', 'red_budget_share'], ['merchant_roi', 'red_budget_share_program'], ['merchant_roi', 'red_budget_share_other'],
  ['incrementality', 'seeded_gmv_attributed'], ['incrementality', 'seeded_gmv_incremental'],
  ['red', 'revenueRmb'], ['red', 'trustAvg'],
];
