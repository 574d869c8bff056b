// Owns the group rows of the Result: feed-ad performance and merchant outcomes per year for program members vs the others.
import type { Books } from './books.ts';
import { AD_GROUP, adGroupSlot, GROUP_OTHER, GROUP_PROGRAM, groupFeedImpressions, LEDGER_SIZE, N_AD_GROUPS } from './ledger.ts';
import type { GroupRow, MerchantYearRow } from './resultTypes.ts';

/**
 * Per year, one row for merchants outside any data-sharing program and one for members:
 * feed-ad counts from the year's ledger, outcomes summed over `merchants` (merchantYears.ts,
 * whose rows follow b.merchantYears, one contiguous block per year) in merchant order.
 */
export function groups(b: Books, merchants: MerchantYearRow[]): GroupRow[] {
  const w = b.weight;
  const rows: GroupRow[] = [];
  let at = 0;
  for (const my of b.merchantYears) {
    const ya = (my.year - b.years[0]) * LEDGER_SIZE;
    const a = b.yearAcc;
    const g: GroupRow[] = [];
    for (let gi = 0; gi < N_AD_GROUPS; gi++) {
      g.push({
        year: my.year, group: gi === GROUP_PROGRAM ? 'program' : 'other', merchants: 0,
        adImpressions: groupFeedImpressions(a, ya, gi) * w, adClicks: a[ya + adGroupSlot(gi, AD_GROUP.clicks)] * w,
        adEngagements: a[ya + adGroupSlot(gi, AD_GROUP.engagements)] * w,
        ctr: 0, engagementRate: 0, noteEngagements: 0, linkOuts: 0, storeEntries: 0, orders: 0, gmvRmb: 0,
      });
    }
    const end = at + my.category.length;
    for (; at < end; at++) {
      const row = merchants[at];
      const gr = g[row.program ? GROUP_PROGRAM : GROUP_OTHER];
      gr.merchants++;
      gr.noteEngagements += row.noteEngagements; gr.linkOuts += row.linkOuts; gr.storeEntries += row.storeEntries; gr.orders += row.orders; gr.gmvRmb += row.gmvRmb;
    }
    for (const gr of g) {
      gr.ctr = gr.adImpressions > 0 ? gr.adClicks / gr.adImpressions : NaN;
      gr.engagementRate = gr.adImpressions > 0 ? gr.adEngagements / gr.adImpressions : NaN;
      rows.push(gr);
    }
  }
  return rows;
}
