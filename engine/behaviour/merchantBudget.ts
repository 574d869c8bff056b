import { CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, DOUYIN, N_CHANNELS } from '../constants.ts';
import { MF, N_MF, RED_FEED_SPLIT, type Merchants } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';

/**
 * Observed ROI per channel, what a merchant can see (DESIGN.md §3 "merchants learn
 * from what they can see"):
 * - RED feed ads / sponsored notes: sales it can trace to them (link referrals,
 *   RED-store sales, the data-shared share of searched sales), plus a guessed
 *   value per engagement for what it cannot trace;
 * - search ads and Douyin ads: the ad-won share of its sales there (fully visible).
 * `programLevel` is each merchant's best data-sharing level (0 outside programs).
 * Writes ROI (GMV fen per fen spent) into `roi` (rows of N_CHANNELS); NaN = no spend.
 */
export function observedRoi(M: Merchants, params: Parameters, adShareSearch: Float64Array, adShareDouyin: Float64Array, programLevel: Float64Array, roi: Float64Array): void {
  const engValueFen = params['merchants.engagementValue'] * 100;
  for (let i = 0; i < M.m; i++) {
    const row = i * N_MF;
    const s = i * N_CHANNELS;
    const a = M.month;
    const feed = M.spendFen[s + CH_RED_FEED];
    const notes = M.spendFen[s + CH_RED_NOTES];
    const search = M.spendFen[s + CH_SEARCH];
    const dy = M.spendFen[s + CH_DOUYIN];
    // data sharing replaces the guess: a member of a program at level L guesses only for the untraced (1 − L)
    const guess = 1 - programLevel[i];
    roi[s + CH_RED_FEED] = feed > 0 ? (a[row + MF.observedAd] + guess * engValueFen * a[row + MF.engAd]) / feed : NaN;
    roi[s + CH_RED_NOTES] = notes > 0 ? (a[row + MF.observedSponsored] + guess * engValueFen * a[row + MF.engSponsored]) / notes : NaN;
    roi[s + CH_SEARCH] = search > 0 ? (a[row + MF.needGmvMarket] * adShareSearch[i]) / search : NaN;
    roi[s + CH_DOUYIN] = dy > 0 ? (a[row + MF.douyinGmv] * adShareDouyin[i]) / dy : NaN;
  }
}

/**
 * Multiplicative-weights reallocation of each merchant's budget over channels on
 * log observed ROI relative to its budget-weighted mean, with an exploration floor;
 * then next month's budget = ad-to-sales × smoothed GMV.
 */
export function reallocateBudgets(M: Merchants, params: Parameters, roi: Float64Array, minBudgetFen: number): void {
  const eta = params['merchants.learningRate'];
  const floor = params['merchants.channelFloor'];
  const adToSales = params['merchants.adToSales'];
  const smoothing = params['merchants.salesSmoothing'];
  for (let i = 0; i < M.m; i++) {
    const s = i * N_CHANNELS;
    let mean = 0, wsum = 0;
    for (let k = 0; k < N_CHANNELS; k++) {
      const r = roi[s + k];
      if (r === r && M.weights[s + k] > 0) { mean += M.weights[s + k] * Math.log(Math.max(r, 1e-3)); wsum += M.weights[s + k]; }
    }
    if (wsum > 0) {
      mean /= wsum;
      let total = 0;
      for (let k = 0; k < N_CHANNELS; k++) {
        const w = M.weights[s + k];
        if (w <= 0) continue;
        const r = roi[s + k];
        const step = r === r ? Math.max(-1, Math.min(1, Math.log(Math.max(r, 1e-3)) - mean)) : 0;
        M.weights[s + k] = w * Math.exp(eta * step);
        total += M.weights[s + k];
      }
      let total2 = 0;
      for (let k = 0; k < N_CHANNELS; k++) {
        if (M.weights[s + k] <= 0) continue;
        M.weights[s + k] = Math.max(floor, M.weights[s + k] / total);
        total2 += M.weights[s + k];
      }
      for (let k = 0; k < N_CHANNELS; k++) M.weights[s + k] /= total2;
    }
    const gmv = M.month[i * N_MF + MF.gmv];
    M.gmvSmooth[i] = M.gmvSmooth[i] === 0 ? gmv : (1 - smoothing) * M.gmvSmooth[i] + smoothing * gmv;
    M.budgetFen[i] = Math.max(minBudgetFen, adToSales * M.gmvSmooth[i]);
  }
}

/**
 * Share of merchant i's monthly budget spent on channel k. The performance part (1 − brandShare)
 * follows the weights learned from observed ROI; the brand part buys reach by share of voice:
 * RED gets `voiceRed` of it (RED's share of the month's brand ad impressions, RED feed ads vs
 * Douyin ads), split between feed ads and sponsored notes like the initial RED budget; the rest
 * goes to Douyin, or, for a merchant that does not sell on Douyin, to its marketplace ads.
 */
export function channelShare(M: Merchants, i: number, k: number, brandShare: number, voiceRed: number): number {
  const performance = (1 - brandShare) * M.weights[i * N_CHANNELS + k];
  const elsewhere = brandShare * (1 - voiceRed);
  if (k === CH_RED_FEED) return performance + brandShare * voiceRed * RED_FEED_SPLIT;
  if (k === CH_RED_NOTES) return performance + brandShare * voiceRed * (1 - RED_FEED_SPLIT);
  const dy = onDouyin(M, i);
  if (k === CH_DOUYIN) return performance + (dy ? elsewhere : 0);
  return performance + (dy ? 0 : elsewhere);
}

/** Does merchant i sell on Douyin (and so can buy Douyin ads)? */
export function onDouyin(M: Merchants, i: number): boolean {
  return (M.sells[i] & (1 << DOUYIN)) !== 0;
}
