// Owns the merchant rows of the Result: one row per merchant agent and year (engagement, traffic, sales, spend, RED ROI).
import { CATEGORIES, CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, N_CHANNELS, PLATFORMS } from '../constants.ts';
import { MF, N_MF } from '../population/merchants.ts';
import type { Books } from './books.ts';
import type { MerchantYearRow } from './resultTypes.ts';
import { rmbAt } from './scale.ts';

/** Layout of a merchant's row in the year's spend table (population/merchants.ts `yearSpend`): spend per channel, then refunds. */
export const SPEND_ROW = N_CHANNELS + 1;
const SPEND_REFUNDS = N_CHANNELS;

/** Size class of a merchant from its size rank in [0, 1): bottom half small, top 10% large. */
export function sizeClass(q: number): 'small' | 'mid' | 'large' {
  return q < 0.5 ? 'small' : q < 0.9 ? 'mid' : 'large';
}

/** Every merchant's row, year by year (rows of one year are contiguous, in merchant order). */
export function merchantYears(b: Books): MerchantYearRow[] {
  const w = b.weight;
  const rmb = rmbAt(w);
  const merchants: MerchantYearRow[] = [];
  for (const my of b.merchantYears) {
    const m = my.category.length;
    const rw = my.rows;
    for (let i = 0; i < m; i++) {
      const r = i * N_MF;
      const sp = i * SPEND_ROW;
      let spend = 0;
      for (let c = 0; c < N_CHANNELS; c++) spend += my.spend[sp + c];
      const redSpend = my.spend[sp + CH_RED_FEED] + my.spend[sp + CH_RED_NOTES];
      const seeded = rw[r + MF.seededOrganic] + rw[r + MF.seededSponsored] + rw[r + MF.seededAd];
      const paidSeeded = rw[r + MF.seededSponsored] + rw[r + MF.seededAd];
      const observed = rw[r + MF.observedSponsored] + rw[r + MF.observedAd];
      merchants.push({
        year: my.year, merchant: i, category: CATEGORIES[my.category[i]], home: PLATFORMS[my.home[i]], program: my.program[i] !== 0,
        sizeQuantile: my.sizeQuantile[i], sizeClass: sizeClass(my.sizeQuantile[i]),
        quality: my.quality[i], awareness: my.awareness[i], pricePoint: my.pricePoint[i],
        noteEngagements: (rw[r + MF.engOrganic] + rw[r + MF.engSponsored] + rw[r + MF.engAd]) * w, adClicks: rw[r + MF.adClicks] * w,
        linkOuts: rw[r + MF.linkOuts] * w, storeEntries: rw[r + MF.storeEntries] * w, orders: rw[r + MF.orders] * w, gmvRmb: rmb(rw[r + MF.gmv]),
        redSeededGmvRmb: rmb(seeded), redObservedGmvRmb: rmb(observed), adSpendRmb: rmb(spend), redAdSpendRmb: rmb(redSpend),
        refundsRmb: rmb(my.spend[sp + SPEND_REFUNDS]),
        redRoiTrue: redSpend > 0 ? paidSeeded / redSpend : NaN, redRoiObserved: redSpend > 0 ? observed / redSpend : NaN,
        repurchaseRate: rw[r + MF.orders] > 0 ? rw[r + MF.repeatOrders] / rw[r + MF.orders] : 0,
        redRoiIncremental: redSpend > 0 ? rw[r + MF.incrementalPaid] / redSpend : NaN,
        searchAdSpendRmb: rmb(my.spend[sp + CH_SEARCH]), douyinAdSpendRmb: rmb(my.spend[sp + CH_DOUYIN]),
        searchRoi: my.spend[sp + CH_SEARCH] > 0 ? rw[r + MF.searchAdGmv] / my.spend[sp + CH_SEARCH] : NaN,
        douyinRoi: my.spend[sp + CH_DOUYIN] > 0 ? rw[r + MF.douyinAdGmv] / my.spend[sp + CH_DOUYIN] : NaN,
      });
    }
  }
  return merchants;
}
