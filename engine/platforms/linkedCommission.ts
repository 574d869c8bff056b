/** RED's commission on linked marketplace GMV (lever `links.<market>.redCommission`): the rates in force and the daily booking. */
import { N_CATEGORIES, N_PLATFORMS, PATH_LINK, PDD, RED, TAOTIAN } from '../constants.ts';
import { L, pcp } from '../metrics/ledger.ts';
import type { PolicyState } from '../scenario/policy.ts';

const NAMES = ['', 'taotian', 'jd', 'pdd'] as const;

/** RED's commission rate on linked GMV per destination platform (0 for RED and Douyin, and where the lever is absent). */
export function redLinkedRates(policy: PolicyState, out: Float64Array = new Float64Array(N_PLATFORMS)): Float64Array {
  out.fill(0);
  for (let p = TAOTIAN; p <= PDD; p++) out[p] = policy.links[NAMES[p] as 'taotian' | 'jd' | 'pdd'].redCommission ?? 0;
  return out;
}

/**
 * Book the day's commission RED takes on linked marketplace GMV (orders on the link path):
 * rate × linked GMV per marketplace, rounded to whole fen, into `L.redLinkedCommission` and
 * into RED's commission (`L.commission + RED`, so RED's revenue and commission figures include
 * it); books/post.ts posts it as the flow `commission.redLinked` (merchants → RED).
 */
export function bookLinkedCommission(acc: Float64Array, rates: Float64Array): void {
  for (let p = TAOTIAN; p <= PDD; p++) {
    if (!(rates[p] > 0)) continue;
    let g = 0;
    for (let c = 0; c < N_CATEGORIES; c++) g += acc[L.gmv + pcp(p, c, PATH_LINK)];
    const fen = Math.round(rates[p] * g);
    acc[L.redLinkedCommission] += fen;
    acc[L.commission + RED] += fen;
  }
}
