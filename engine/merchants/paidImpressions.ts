/**
 * The merchants' paid impressions of a month (a metric only; nothing reads them back): RED feed-ad
 * impressions and sponsored-note impressions shared among the merchants that paid for them.
 */
import { CH_RED_FEED, CH_RED_NOTES, N_CATEGORIES, N_CHANNELS, VIA_SPONSORED } from '../constants.ts';
import { AD_GROUP, adGroupSlot, GROUP_OTHER, GROUP_PROGRAM, impressionSlot, N_AD_GROUPS } from '../metrics/ledger.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';

/**
 * Counts the month's feed-ad impressions per merchant group and sponsored-note impressions per
 * category from the day ledgers, and at month end shares them out (behaviour/adAuction.ts): feed
 * ads at one price per impression within a group, so each advertiser gets the group's impressions in
 * proportion to its daily feed-ad spend (own + matched, the weights of the feed-ad draw); sponsored
 * notes of a category in proportion to the daily sponsored-note spend (the weights of the draw of
 * the merchant behind an engaged sponsored note). Impressions of a category without sponsored
 * spend are nobody's. The weights are fixed for the month (merchants/month.ts plans daily spend at
 * its start; data-program membership changes only at its end).
 */
export function createPaidImpressions(M: Merchants): {
  /** Add day's impressions from the day ledger `acc` (after the user loop). */
  day(acc: Float64Array): void;
  /** Write MF.adImpressions and MF.sponsoredImpressions of the month from the month's daily spend plan, then reset. */
  end(dailySpend: Float64Array, matchedDaily: Float64Array): void;
} {
  const groupImps = new Float64Array(N_AD_GROUPS), groupSpend = new Float64Array(N_AD_GROUPS);
  const noteImps = new Float64Array(N_CATEGORIES), noteSpend = new Float64Array(N_CATEGORIES);
  return {
    day(acc) {
      for (let g = 0; g < N_AD_GROUPS; g++) groupImps[g] += acc[adGroupSlot(g, AD_GROUP.impressions)];
      for (let c = 0; c < N_CATEGORIES; c++) noteImps[c] += acc[impressionSlot(c, VIA_SPONSORED)];
    },
    end(dailySpend, matchedDaily) {
      groupSpend.fill(0); noteSpend.fill(0);
      for (let i = 0; i < M.m; i++) {
        groupSpend[M.program[i] !== 0 ? GROUP_PROGRAM : GROUP_OTHER] += dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i];
        noteSpend[M.category[i]] += dailySpend[i * N_CHANNELS + CH_RED_NOTES];
      }
      for (let i = 0; i < M.m; i++) {
        const g = M.program[i] !== 0 ? GROUP_PROGRAM : GROUP_OTHER, c = M.category[i], row = i * N_MF;
        const feed = dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i], notes = dailySpend[i * N_CHANNELS + CH_RED_NOTES];
        M.month[row + MF.adImpressions] = groupSpend[g] > 0 ? (groupImps[g] * feed) / groupSpend[g] : 0;
        M.month[row + MF.sponsoredImpressions] = noteSpend[c] > 0 ? (noteImps[c] * notes) / noteSpend[c] : 0;
      }
      groupImps.fill(0); noteImps.fill(0);
    },
  };
}
