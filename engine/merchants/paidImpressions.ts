/**
 * The merchants' paid impressions of a month (a metric only; nothing reads them back): RED feed-ad
 * impressions and sponsored-note impressions shared among the merchants that paid for them.
 */
import { CH_RED_FEED, CH_RED_NOTES, N_CATEGORIES, N_CHANNELS, VIA_SPONSORED } from '../constants.ts';
import { GROUP_OTHER, GROUP_PROGRAM, impressionSlot, L, N_AD_GROUPS } from '../metrics/ledger.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';

/**
 * Counts the month's feed-ad impressions per merchant group × category and sponsored-note
 * impressions per category from the day ledgers, and at month end shares them out
 * (behaviour/redSession.ts, behaviour/adAuction.ts): a feed-ad impression's category follows the
 * user's interests, and the advertiser behind it is drawn among its group's advertisers in that
 * category in proportion to daily feed-ad spend (own + matched), or among the other group's when its
 * own group has none there; so each advertiser gets its (group, category) cell's impressions in
 * proportion to that spend, at one price per impression within the cell (cells differ: a category
 * with more spend per impression of interest pays more per impression). Sponsored notes of a
 * category in proportion to the daily sponsored-note spend (the weights of the draw of the merchant
 * behind an engaged sponsored note). Impressions of a cell or category without spend are nobody's.
 * The weights are fixed for the month (merchants/month.ts plans daily spend at its start;
 * data-program membership changes only at its end).
 */
export function createPaidImpressions(M: Merchants): {
  /** Add day's impressions from the day ledger `acc` (after the user loop). */
  day(acc: Float64Array): void;
  /** Write MF.adImpressions and MF.sponsoredImpressions of the month from the month's daily spend plan, then reset. */
  end(dailySpend: Float64Array, matchedDaily: Float64Array): void;
} {
  const cells = N_AD_GROUPS * N_CATEGORIES;
  const cellImps = new Float64Array(cells), cellSpend = new Float64Array(cells);
  const noteImps = new Float64Array(N_CATEGORIES), noteSpend = new Float64Array(N_CATEGORIES);
  return {
    day(acc) {
      for (let k = 0; k < cells; k++) cellImps[k] += acc[L.adGroupImpressions + k];
      for (let c = 0; c < N_CATEGORIES; c++) noteImps[c] += acc[impressionSlot(c, VIA_SPONSORED)];
    },
    end(dailySpend, matchedDaily) {
      cellSpend.fill(0); noteSpend.fill(0);
      const cell = (i: number) => (M.program[i] !== 0 ? GROUP_PROGRAM : GROUP_OTHER) * N_CATEGORIES + M.category[i];
      for (let i = 0; i < M.m; i++) {
        cellSpend[cell(i)] += dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i];
        noteSpend[M.category[i]] += dailySpend[i * N_CHANNELS + CH_RED_NOTES];
      }
      for (let i = 0; i < M.m; i++) {
        const k = cell(i), c = M.category[i], row = i * N_MF;
        const other = (k < N_CATEGORIES ? N_CATEGORIES : 0) + c; // the other group's cell in c
        const feed = dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i], notes = dailySpend[i * N_CHANNELS + CH_RED_NOTES];
        // own cell's impressions, and the other group's in c when that group has no advertiser there
        const imps = cellImps[k] + (cellSpend[other] > 0 ? 0 : cellImps[other]);
        M.month[row + MF.adImpressions] = cellSpend[k] > 0 ? (imps * feed) / cellSpend[k] : 0;
        M.month[row + MF.sponsoredImpressions] = noteSpend[c] > 0 ? (noteImps[c] * notes) / noteSpend[c] : 0;
      }
      cellImps.fill(0); noteImps.fill(0);
    },
  };
}
