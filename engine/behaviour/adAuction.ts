/** Allocation of attention to merchants (rebuildAllocation): RED feed-ad slots, sponsored notes, organic mentions and need-driven order shares. */
import { CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, DOUYIN, N_CATEGORIES, N_CHANNELS, N_PLATFORMS } from '../constants.ts';
import type { AliasTable } from '../random/alias.ts';
import type { Merchants } from '../population/merchants.ts';

/**
 * Allocation of attention to merchants, rebuilt when budgets or policies change:
 * - RED feed-ad slots go to advertisers in proportion to spend (a market-clearing
 *   CPM: every advertiser pays the same price per impression), split by group
 *   (in a data-sharing program or not);
 * - sponsored notes in proportion to sponsored-note spend;
 * - organic brand mentions in proportion to size × quality × brand awareness;
 * - need-driven orders on a platform in proportion to size × quality × (1 + power ·
 *   (`searchPower` on marketplaces, `douyinPower` on Douyin) ·
 *   ad intensity / (1 + ad intensity)), ad intensity being the merchant's spend per
 *   unit of size relative to the category's mean there.
 * Also writes each merchant's ad-won share of its sales (for observed search/Douyin ROI).
 */
export function rebuildAllocation(
  M: Merchants, daily: Float64Array, matchedDaily: Float64Array, searchPower: number, douyinPower: number,
  organic: AliasTable[], sponsored: AliasTable[], feed: AliasTable[], need: AliasTable[],
  adShareSearch: Float64Array, adShareDouyin: Float64Array,
): void {
  const ids = new Int32Array(M.m);
  const w = new Float64Array(M.m);
  for (let c = 0; c < N_CATEGORIES; c++) {
    let n = 0;
    for (let i = 0; i < M.m; i++) if (M.category[i] === c) ids[n++] = i;
    for (let k = 0; k < n; k++) w[k] = M.size[ids[k]] * M.quality[ids[k]] * M.awareness[ids[k]];
    organic[c].build(ids, w, n);
    for (let k = 0; k < n; k++) w[k] = daily[ids[k] * N_CHANNELS + CH_RED_NOTES];
    sponsored[c].build(ids, w, n);
    for (let g = 0; g < 2; g++) {
      for (let k = 0; k < n; k++) {
        const i = ids[k];
        w[k] = ((M.program[i] !== 0 ? 1 : 0) === g) ? daily[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i] : 0;
      }
      feed[g * N_CATEGORIES + c].build(ids, w, n);
    }
    for (let p = 1; p < N_PLATFORMS; p++) {
      const ch = p === DOUYIN ? CH_DOUYIN : CH_SEARCH;
      const power = p === DOUYIN ? douyinPower : searchPower;
      // mean ad intensity (spend per unit size) among sellers on p in c
      let sumSpend = 0, sumSize = 0, m = 0;
      for (let k = 0; k < n; k++) {
        const i = ids[k];
        if ((M.sells[i] & (1 << p)) === 0) continue;
        const spend = p === DOUYIN || M.home[i] === p ? daily[i * N_CHANNELS + ch] : 0;
        sumSpend += spend; sumSize += M.size[i]; m++;
      }
      const meanIntensity = sumSize > 0 ? sumSpend / sumSize : 0;
      for (let k = 0; k < n; k++) {
        const i = ids[k];
        if ((M.sells[i] & (1 << p)) === 0) { w[k] = 0; continue; }
        const spend = p === DOUYIN || M.home[i] === p ? daily[i * N_CHANNELS + ch] : 0;
        const rel = meanIntensity > 0 ? spend / M.size[i] / meanIntensity : 0;
        const boost = power * rel / (1 + rel);
        w[k] = M.size[i] * M.quality[i] * (1 + boost);
        if (p === DOUYIN) adShareDouyin[i] = boost / (1 + boost);
        else if (M.home[i] === p) adShareSearch[i] = boost / (1 + boost);
      }
      need[p * N_CATEGORIES + c].build(ids, w, n);
    }
  }
}
