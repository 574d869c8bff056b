/** The platforms' daily books: ad revenue from the merchants' charges, creators' share of sponsored notes, commission on the day's GMV. */
import { DOUYIN, JD, N_PLATFORMS, PDD, RED, TAOTIAN } from '../constants.ts';
import { L, sumPlatform } from '../metrics/ledger.ts';
import type { DayCharges } from '../merchants/month.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { PolicyState } from '../scenario/policy.ts';

/**
 * Ad revenue of the day: RED books feed ads (own and matched spend) and its fee on sponsored
 * notes (the rest goes to creators); each marketplace its merchants' search ads; Douyin its ads.
 */
export function bookAdRevenue(acc: Float64Array, c: DayCharges): void {
  acc[L.adRevenue + RED] += c.feed + c.matched + c.fee;
  for (let p = TAOTIAN; p <= PDD; p++) acc[L.adRevenue + p] += c.search[p];
  acc[L.adRevenue + DOUYIN] += c.douyin;
  acc[L.creatorIncome] += c.notes - c.fee;
}

/** Commission rate of each platform under `policy` (RED: own-store commission on the marketplace part of its stores; marketplaces and Douyin: the `take` lever, else the `take.*` parameters). */
export function takeRates(policy: PolicyState, params: Parameters, out: Float64Array): Float64Array {
  out[RED] = policy.ownStore.commission * (1 - policy.ownStore.selfOperatedShare);
  // the `take` lever, where set, replaces the parameter
  out[TAOTIAN] = policy.take?.taotian ?? params['take.taotian'];
  out[JD] = policy.take?.jd ?? params['take.jd'];
  out[PDD] = policy.take?.pdd ?? params['take.pdd'];
  out[DOUYIN] = policy.take?.douyin ?? params['take.douyin'];
  return out;
}

/** Commission: take rate × the day's GMV per platform, rounded to whole fen; RED's self-operated share of its stores' GMV (floored) is its sales revenue. */
export function bookCommissions(acc: Float64Array, takes: Float64Array, selfOperatedShare: number): void {
  for (let p = 0; p < N_PLATFORMS; p++) {
    const g = sumPlatform(acc, 0, L.gmv, p);
    // whole fen (books/post.ts posts these as flows): RED's sales floored, the commission on the rest rounded
    acc[L.commission + p] += Math.round(takes[p] * g);
    if (p === RED) acc[L.redSales] += Math.floor(selfOperatedShare * g);
  }
}
