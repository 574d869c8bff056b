// Owns the posting of the day's money flows (books/flows.ts lines) from the day's platform-level ledger slots.
/**
 * Called once a day after the platforms' books (and, on the last day of a month, after the
 * month end), by every member of a parallel team on the same team-summed ledger, so the
 * postings are identical everywhere. Each flow is read from the ledger slot the Result
 * already reports (GMV, commission, ad revenue, spend, refunds, matching, coupons, creator
 * income), so the flows tie to the ledger by construction; goods cost is the only figure
 * computed here. Every amount is whole fen (the slots hold whole fen; goods cost is floored).
 * No per-agent work: O(platforms × categories) a day.
 */
import { CATEGORIES, CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, N_CATEGORIES, N_PATHS, N_PLATFORMS, PDD, RED, TAOTIAN } from '../constants.ts';
import { L, pcp } from '../metrics/ledger.ts';
import type { Parameters } from '../scenario/parameters.ts';
import { FLOW } from './flows.ts';

/** Goods-cost share (1 − gross margin) per category from the parameters. */
export function goodsCostShares(params: Parameters): Float64Array {
  return Float64Array.from(CATEGORIES, (c) => 1 - params[`merchants.grossMargin.${c}`]);
}

/**
 * Post the day's flows into `acc`'s flows block. `cost` = goodsCostShares(params);
 * `selfOperatedShare` = RED's self-operated share of its stores' GMV today.
 */
export function postDayFlows(acc: Float64Array, cost: Float64Array, selfOperatedShare: number): void {
  const F = L.flows;
  // Purchases: GMV by platform (RED: the merchants' part; RED's own sales are `sales.red`).
  let merchantsGoods = 0, redGoodsBase = 0;
  for (let p = 0; p < N_PLATFORMS; p++) {
    let g = 0;
    for (let c = 0; c < N_CATEGORIES; c++) {
      let gc = 0;
      for (let path = 0; path < N_PATHS; path++) gc += acc[L.gmv + pcp(p, c, path)];
      g += gc;
      if (p === RED) {
        merchantsGoods += Math.floor(cost[c] * (1 - selfOperatedShare) * gc);
        redGoodsBase += cost[c] * selfOperatedShare * gc;
      } else merchantsGoods += Math.floor(cost[c] * gc);
    }
    acc[F + FLOW.purchase[p]] += p === RED ? g - acc[L.redSales] : g;
    acc[F + FLOW.commission[p]] += p === RED ? acc[L.commission + p] - acc[L.redLinkedCommission] : acc[L.commission + p];
  }
  acc[F + FLOW.redLinked] += acc[L.redLinkedCommission];
  acc[F + FLOW.salesRed] += acc[L.redSales];
  acc[F + FLOW.goodsMerchants] += merchantsGoods;
  acc[F + FLOW.goodsRed] += Math.floor(redGoodsBase);
  acc[F + FLOW.coupon] += acc[L.couponFen];
  // Ads: RED's feed ads (own and matched), note fees and the creators' part; search and Douyin ads.
  const notes = acc[L.spend + CH_RED_NOTES], creators = acc[L.creatorIncome];
  acc[F + FLOW.redFeed] += acc[L.spend + CH_RED_FEED];
  acc[F + FLOW.matching] += acc[L.matching] - acc[L.matchingJd] - acc[L.matchingPdd];
  acc[F + FLOW.matchingJd] += acc[L.matchingJd];
  acc[F + FLOW.matchingPdd] += acc[L.matchingPdd];
  acc[F + FLOW.noteFee] += notes - creators;
  acc[F + FLOW.noteCreators] += creators;
  for (let p = TAOTIAN; p <= PDD; p++) acc[F + FLOW.search[p]] += acc[L.adRevenue + p];
  acc[F + FLOW.douyin] += acc[L.spend + CH_DOUYIN];
  acc[F + FLOW.refund] += acc[L.refunds];
}

/** Post the month's buyer commissions (whole fen, agent scale; behaviour/creatorSupply.ts creatorMonth). */
export function postBuyerCommissions(acc: Float64Array, fen: number): void {
  acc[L.flows + FLOW.buyerCommission] += fen;
}
