// Owns the monthly series of the Result: tidy rows per month, platform, category and metric, at real scale.
import { CATEGORIES, DOUYIN, N_CATEGORIES, N_PATHS, N_PLATFORMS, PATH_LINK, PATH_SEARCH, PLATFORMS, RED } from '../constants.ts';
import { douyinAdImpressionsPerUserDay, redShareOfVoice } from '../platforms/shareOfVoice.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, pcp, redFeedAdImpressions, sumPlatform } from './ledger.ts';
import { redRates } from './redRates.ts';
import type { SeriesRow } from './resultTypes.ts';
import { rmbAt } from './scale.ts';

/** Every month's rows: per platform, then RED's, then market-wide ones. */
export function monthlySeries(b: Books, parameters: Parameters): SeriesRow[] {
  const w = b.weight;
  const rmb = rmbAt(w);
  const douyinAdImpressions = douyinAdImpressionsPerUserDay(parameters);
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
    const redAdImps = redFeedAdImpressions(a, o), douyinAdImps = a[o + L.adopters + DOUYIN] * douyinAdImpressions;
    add(label, 'red', 'all', 'ad_impressions', 'impressions', redAdImps * w);
    add(label, 'douyin', 'all', 'ad_impressions', 'impressions', douyinAdImps * w);
    add(label, 'red', 'all', 'share_of_voice', 'share', redShareOfVoice(redAdImps, douyinAdImps));
    add(label, 'red', 'all', 'creator_income', 'RMB', rmb(a[o + L.creatorIncome]));
    add(label, 'red', 'all', 'sponsored_share', 'share', a[o + L.sponsoredShare] / days);
    add(label, 'all', 'all', 'online_shoppers', 'people', (a[o + L.shoppers] / days) * w);
    add(label, 'all', 'all', 'coupon_cost', 'RMB', rmb(a[o + L.couponFen]));
    for (let c = 0; c < N_CATEGORIES; c++) {
      add(label, 'red', CATEGORIES[c], 'sponsored_notes', 'notes', a[o + L.sponsoredNotes + c] * w);
      add(label, 'red', CATEGORIES[c], 'sponsored_spend', 'RMB', rmb(a[o + L.sponsoredSpend + c]));
    }
  });
  return series;
}
