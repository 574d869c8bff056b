/** Merchants' budgets: what each merchant measures of the month, next month's performance shares and total budget, and the split of a budget over channels (performance and brand parts). */
import { CATEGORIES, CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, DOUYIN, N_CHANNELS } from '../constants.ts';
import { createBrandTilt, createTargetShares, type MediaBeliefs, type Measurement } from '../merchants/mediaMix.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';

/**
 * What merchant i can measure of the month just ended (DESIGN.md §3 "merchants learn from what
 * they can see"), per channel: its own spend net of ROI-guarantee refunds, the GMV it can
 * attribute and how precise that is.
 * - RED feed ads / sponsored notes: the sales it can trace (link referrals, RED-store sales, the
 *   data-shared share of searched sales), scaled up by the share of RED's effect it believes
 *   traceable (`media.tracedShare` without data, all of it at data level 1); quality rises from
 *   `media.measureRed` to `media.measureAds` with its best data-sharing level;
 * - search and Douyin ads: the ad-won share of its sales there (fully visible), quality `media.measureAds`.
 * RED's commission on its linked sales (`linkedRates[home]` × its linked GMV, lever
 * `links.<market>.redCommission`) is a cost of its RED ads: added to the RED net spend, split
 * over feed ads and sponsored notes like the spend (a merchant with no RED ad spend has no RED
 * return to charge it to). Absent or 0, the net spend is unchanged.
 */
export function measureMonth(
  M: Merchants, params: Parameters, adShareSearch: Float64Array, adShareDouyin: Float64Array,
  programLevel: Float64Array, refunds: Float64Array, out: Measurement, linkedRates?: Float64Array,
): void {
  const traced = params['media.tracedShare'];
  const qAds = params['media.measureAds'], qRed = params['media.measureRed'];
  for (let i = 0; i < M.m; i++) {
    const row = i * N_MF, s = i * N_CHANNELS, a = M.month;
    const L = programLevel[i];
    const feed = M.spendFen[s + CH_RED_FEED], notes = M.spendFen[s + CH_RED_NOTES];
    const red = feed + notes;
    const refundFeed = red > 0 ? refunds[i] * feed / red : 0;
    out.netSpend[s + CH_RED_FEED] = feed - refundFeed;
    out.netSpend[s + CH_RED_NOTES] = notes - (refunds[i] - refundFeed);
    const rate = linkedRates ? linkedRates[M.home[i]] : 0;
    if (rate > 0 && red > 0) {
      const fee = rate * a[row + MF.linkedGmv];
      out.netSpend[s + CH_RED_FEED] += fee * feed / red;
      out.netSpend[s + CH_RED_NOTES] += fee * notes / red;
    }
    out.netSpend[s + CH_SEARCH] = M.spendFen[s + CH_SEARCH];
    out.netSpend[s + CH_DOUYIN] = M.spendFen[s + CH_DOUYIN];
    const visible = traced + L * (1 - traced);
    out.gmv[s + CH_RED_FEED] = a[row + MF.observedAd] / visible;
    out.gmv[s + CH_RED_NOTES] = a[row + MF.observedSponsored] / visible;
    out.gmv[s + CH_SEARCH] = a[row + MF.needGmvMarket] * adShareSearch[i];
    out.gmv[s + CH_DOUYIN] = a[row + MF.douyinGmv] * adShareDouyin[i];
    const qr = qRed + L * (qAds - qRed);
    out.quality[s + CH_RED_FEED] = qr;
    out.quality[s + CH_RED_NOTES] = qr;
    out.quality[s + CH_SEARCH] = qAds;
    out.quality[s + CH_DOUYIN] = qAds;
  }
}

/**
 * Next month's budgets. Performance shares move `merchants.learningRate` of the way toward the
 * media-mix targets (merchants/mediaMix.ts), with the exploration floor on every usable channel;
 * the total follows smoothed sales (ad-to-sales) times the measured overall return relative to
 * the hurdle, (CE / hurdle)^elasticity within [budgetMin, budgetMax]; the brand budget's tilt
 * toward RED (`B.redTilt`) follows the merchant's certainty-equivalent RED return.
 * `cover(i)` is the downside share a guarantee covers on merchant i's RED spend.
 */
export function reallocateBudgets(M: Merchants, B: MediaBeliefs, params: Parameters, cover: (i: number) => number, minBudgetFen: number, target: Float64Array): void {
  const eta = params['merchants.learningRate'];
  const floor = params['merchants.channelFloor'];
  const adToSales = params['merchants.adToSales'];
  const smoothing = params['merchants.salesSmoothing'];
  const elasticity = params['merchants.budgetElasticity'];
  // the hurdle return follows the category's gross margin (break-even ROI = 1 / margin); hurdleRoi holds at a 1/3 margin
  const e = params['merchants.hurdleMarginElasticity'];
  const hurdleBy = CATEGORIES.map((c) => params['merchants.hurdleRoi'] * Math.pow(1 / 3 / params[`merchants.grossMargin.${c}`], e));
  const lo = params['merchants.budgetMin'], hi = params['merchants.budgetMax'];
  const brand = params['merchants.brandShare'];
  const covers = new Float64Array(N_CHANNELS);
  const allowed = new Uint8Array(N_CHANNELS).fill(1);
  const targetShares = createTargetShares(params);
  const brandTilt = createBrandTilt(params);
  for (let i = 0; i < M.m; i++) {
    const s = i * N_CHANNELS;
    const gmv = M.month[i * N_MF + MF.gmv];
    M.gmvSmooth[i] = M.gmvSmooth[i] === 0 ? gmv : (1 - smoothing) * M.gmvSmooth[i] + smoothing * gmv;
    covers[CH_RED_FEED] = covers[CH_RED_NOTES] = cover(i);
    allowed[CH_DOUYIN] = onDouyin(M, i) ? 1 : 0;
    const performance = (1 - brand) * M.budgetFen[i];
    const ce = targetShares(M, B, i, performance, M.spendFen, covers, allowed, target);
    B.redTilt[i] = brandTilt(B, i, covers[CH_RED_FEED]);
    let total = 0;
    for (let k = 0; k < N_CHANNELS; k++) {
      if (allowed[k] === 0) { M.weights[s + k] = 0; continue; }
      M.weights[s + k] = Math.max(floor, (1 - eta) * M.weights[s + k] + eta * target[s + k]);
      total += M.weights[s + k];
    }
    for (let k = 0; k < N_CHANNELS; k++) M.weights[s + k] /= total;
    const multiplier = ce > 0 ? Math.min(hi, Math.max(lo, Math.pow(ce / hurdleBy[M.category[i]], elasticity))) : lo;
    M.budgetFen[i] = Math.max(minBudgetFen, adToSales * M.gmvSmooth[i] * multiplier);
  }
}

/**
 * Share of merchant i's monthly budget spent on channel k. The performance part (1 − brandShare)
 * follows the weights set from the media-mix decision; the brand part buys reach by share of voice:
 * RED gets `voice` of it (RED's share of the month's brand ad impressions, RED feed ads vs
 * Douyin ads) with its odds tilted by `tilt` (the merchant's `redTilt`; 1 leaves `voice` as is),
 * split between feed ads and sponsored notes like the initial RED budget; the rest goes to
 * Douyin, or, for a merchant that does not sell on Douyin, to its marketplace ads.
 */
export function channelShare(M: Merchants, i: number, k: number, brandShare: number, voice: number, tilt: number, feedSplit: number): number {
  const odds = voice * tilt + 1 - voice;
  const voiceRed = tilt === 1 || !(odds > 0) ? voice : (voice * tilt) / odds;
  const performance = (1 - brandShare) * M.weights[i * N_CHANNELS + k];
  const elsewhere = brandShare * (1 - voiceRed);
  if (k === CH_RED_FEED) return performance + brandShare * voiceRed * feedSplit;
  if (k === CH_RED_NOTES) return performance + brandShare * voiceRed * (1 - feedSplit);
  const dy = onDouyin(M, i);
  if (k === CH_DOUYIN) return performance + (dy ? elsewhere : 0);
  return performance + (dy ? 0 : elsewhere);
}

/** Does merchant i sell on Douyin (and so can buy Douyin ads)? */
export function onDouyin(M: Merchants, i: number): boolean {
  return (M.sells[i] & (1 << DOUYIN)) !== 0;
}
