/** The merchant population (Merchants): category, size, quality, channels, ad budgets and the MF monthly counters, built from the run seed. */
import { CATEGORIES, N_CHANNELS, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, CH_DOUYIN, TAOTIAN, JD, PDD, DOUYIN } from '../constants.ts';
import { normal, pareto, pickWeighted } from '../random/distributions.ts';
import { STREAM, Stream } from '../random/stream.ts';
import type { Parameters } from '../scenario/parameters.ts';

/** Per-merchant counters accumulated during a month by the user loop (one row of MF fields per merchant). */
export const MF = {
  engOrganic: 0, engSponsored: 1, engAd: 2, adClicks: 3, linkOuts: 4, storeEntries: 5, orders: 6, gmv: 7,
  seededOrganic: 8, seededSponsored: 9, seededAd: 10, observedOrganic: 11, observedSponsored: 12, observedAd: 13,
  needGmvMarket: 14, douyinGmv: 15, repeatOrders: 16, ownStoreGmv: 17, linkedGmv: 18, seededOrders: 19,
  /** Incremental part of seededSponsored + seededAd (behaviour/bookOrder.ts): paid-seeded GMV that would not exist without the seeding. */
  incrementalPaid: 20,
  /** GMV the merchant attributes to its search ads / Douyin ads: the ad-won share of its need-driven sales there (written at month end). */
  searchAdGmv: 21, douyinAdGmv: 22,
  /**
   * Feed-ad and sponsored-note impressions of the merchant (merchants/paidImpressions.ts, written at month end; a
   * metric only): the month's impressions shared at one price per impression, in proportion to the spend the
   * feed-ad and sponsored-note draws weight merchants by.
   */
  adImpressions: 23, sponsoredImpressions: 24,
  /** Add-to-cart in the merchant's store (behaviour/storeVisit.ts), and orders placed in those store visits. */
  carts: 25, storeOrders: 26,
} as const;
export const N_MF = 27;

/**
 * Merchants/brands (DESIGN.md §3): category, size, quality, channels, a home
 * marketplace, ranks that policies' eligible shares compare against, budget
 * weights over ad channels and the per-month counters they learn from.
 */
export interface Merchants {
  m: number;
  category: Uint8Array;
  /** Home marketplace (TAOTIAN, JD or PDD): the destination of its links. */
  home: Uint8Array;
  /** Bit p set when the merchant sells on platform p (RED bit = has a RED store capability). */
  sells: Uint8Array;
  /** Relative size (heavy-tailed), the base of its share of need-driven orders. */
  size: Float64Array;
  /** Quality in [0.5, 1.5]: share of organic brand mentions, add-to-cart and repurchase. */
  quality: Float64Array;
  /** Brand awareness (lognormal, mean 1, `merchants.awarenessSigma`): share of organic note mentions. */
  awareness: Float64Array;
  /** Price point relative to the category price (lognormal, mean 1, `merchants.priceSigma`): order value, and conversion after add-to-cart. */
  pricePoint: Float64Array;
  /** Conversion after add-to-cart relative to the mean merchant: pricePoint^−`merchants.priceElasticity`, normalised to mean 1. */
  priceConversion: Float64Array;
  /** Uniform ranks: eligible when rank < the policy's eligible share. */
  linkRank: Float64Array;
  programRank: Float64Array;
  storeRank: Float64Array;
  /** Size quantile in [0, 1): rank of `size` among all merchants / m (0 = smallest; ties by index). No draw: derived from `size`. */
  sizeQuantile: Float64Array;
  /** Bit q set when in the data-sharing program of marketplace q. */
  program: Uint8Array;
  /** Budget weights per channel (rows of N_CHANNELS). */
  weights: Float64Array;
  /** Monthly ad budget, fen at agent scale. */
  budgetFen: Float64Array;
  /** Extra RED feed budget paid by Taotian's matching this month, fen at agent scale. */
  matchedFen: Float64Array;
  /** Spend this month per channel, fen at agent scale (rows of N_CHANNELS). */
  spendFen: Float64Array;
  /** Counters of this month (rows of N_MF). */
  month: Float64Array;
  /** Counters of the current year (rows of N_MF). */
  year: Float64Array;
  /** Year's spend per channel and refunds (rows of N_CHANNELS + 1). */
  yearSpend: Float64Array;
  /** Smoothed monthly GMV, fen at agent scale. */
  gmvSmooth: Float64Array;
}

/** Build merchants deterministically from the run seed. */
export function createMerchants(params: Parameters, seed: number): Merchants {
  const m = Math.round(params['merchants.agents']);
  const rng = new Stream().reset(seed, STREAM.init, 1 << 20, 1);
  const M: Merchants = {
    m,
    category: new Uint8Array(m), home: new Uint8Array(m), sells: new Uint8Array(m),
    size: new Float64Array(m), quality: new Float64Array(m), awareness: new Float64Array(m), pricePoint: new Float64Array(m), priceConversion: new Float64Array(m),
    linkRank: new Float64Array(m), programRank: new Float64Array(m), storeRank: new Float64Array(m), sizeQuantile: new Float64Array(m),
    program: new Uint8Array(m), weights: new Float64Array(m * N_CHANNELS),
    budgetFen: new Float64Array(m), matchedFen: new Float64Array(m), spendFen: new Float64Array(m * N_CHANNELS),
    month: new Float64Array(m * N_MF), year: new Float64Array(m * N_MF), yearSpend: new Float64Array(m * (N_CHANNELS + 1)),
    gmvSmooth: new Float64Array(m),
  };
  const redShare = params['merchants.initRedShare'];
  const feedSplit = params['merchants.redFeedSplit'];
  // home marketplace weights by platform index (RED and Douyin are never a home)
  const homeWeights = [0, params['merchants.homeShare.taotian'], params['merchants.homeShare.jd'], params['merchants.homeShare.pdd'], 0, 0];
  const categoryWeights = CATEGORIES.map((c) => params[`merchants.categoryWeight.${c}`]);
  const dyShare = params['merchants.initDouyinShare'];
  for (let i = 0; i < m; i++) {
    M.category[i] = pickWeighted(categoryWeights, rng.next());
    const home = pickWeighted(homeWeights, rng.next());
    M.home[i] = home;
    let sells = (1 << home) | 1; // home marketplace, and able to open a RED store
    if (home !== TAOTIAN && rng.next() < params['merchants.alsoOn.taotian']) sells |= 1 << TAOTIAN;
    if (home !== JD && rng.next() < params['merchants.alsoOn.jd']) sells |= 1 << JD;
    if (home !== PDD && rng.next() < params['merchants.alsoOn.pdd']) sells |= 1 << PDD;
    const onDouyin = rng.next() < params['merchants.onDouyinShare'];
    if (onDouyin) sells |= 1 << DOUYIN;
    M.sells[i] = sells;
    M.size[i] = pareto(rng, 1, params['merchants.sizeShape']);
    M.quality[i] = 0.5 + rng.next();
    M.linkRank[i] = rng.next();
    M.programRank[i] = rng.next();
    M.storeRank[i] = rng.next();
    const base = i * N_CHANNELS;
    M.weights[base + CH_RED_FEED] = redShare * feedSplit;
    M.weights[base + CH_RED_NOTES] = redShare * (1 - feedSplit);
    M.weights[base + CH_DOUYIN] = onDouyin ? dyShare : 0;
    M.weights[base + CH_SEARCH] = 1 - redShare - (onDouyin ? dyShare : 0);
  }
  // awareness and price point from their own stream, so the draws above stay as they were
  const rng2 = new Stream().reset(seed, STREAM.init, 1 << 20, 2);
  const sa = params['merchants.awarenessSigma'], sp = params['merchants.priceSigma'], e = params['merchants.priceElasticity'];
  for (let i = 0; i < m; i++) {
    M.awareness[i] = sa === 0 ? 1 : Math.exp(sa * normal(rng2) - sa * sa / 2);
    M.pricePoint[i] = sp === 0 ? 1 : Math.exp(sp * normal(rng2) - sp * sp / 2);
    // normalised by E[pricePoint^−e] = exp(σ² e (1 + e) / 2), so the spread moves conversion between merchants, not its mean
    M.priceConversion[i] = Math.pow(M.pricePoint[i], -e) / Math.exp(sp * sp * e * (1 + e) / 2);
  }
  const bySize = Array.from({ length: m }, (_, i) => i).sort((a, b) => M.size[a] - M.size[b] || a - b);
  bySize.forEach((i, r) => { M.sizeQuantile[i] = r / m; });
  return M;
}
