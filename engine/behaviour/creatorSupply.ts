/** The creators' month: income from sponsored notes and buyer commissions, output and exits, the feed mix that follows, and the month's sponsored notes in the books. */
import { CH_RED_NOTES, CREATOR_TIERS, N_CATEGORIES, N_CHANNELS } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import { BUYER, KOC, notePrice, type Creators } from '../population/creators.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';
import { STREAM, Stream } from '../random/stream.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { PolicyState } from '../scenario/policy.ts';

/** What the feed looks like next month, per category, from creators' supply. */
export interface FeedMix {
  /** Share of note impressions that are sponsored, per category. */
  sponsoredShare: Float64Array;
  /** Impression-weighted authenticity of sponsored notes, per category. */
  authenticity: Float64Array;
  /** Total creator income this month, RMB at real scale. */
  incomeRmb: number;
  /** Creators still posting (agents). */
  active: number;
  /** Sponsored notes (deals) creators made this month per category, real scale (a metric only). */
  sponsoredNotes: Float64Array;
}

/**
 * Monthly creator economy: sponsored-note spend per category (real RMB, after
 * RED's fee) is shared among the category's active creators by reach (followers ×
 * activity); buyers also earn a commission on RED-store sales they drive. Output
 * follows income relative to expectation; creators (other than KOCs, who post for
 * their own reasons) who earn under half their expectation for `exitMonths` months
 * stop posting, and return with a small monthly chance when their category's
 * sponsored spend rises. Sponsored share and authenticity of the feed follow.
 */
export function creatorSupply(
  C: Creators, params: Parameters, sponsoredSpendRmb: Float64Array, ownStoreGmvRmb: Float64Array,
  buyerSelling: number, creatorPay: number, redUsersReal: number, days: number, u: (k: number) => number,
  out: FeedMix, buyerCommission = params['creators.buyerCommission'], tierPay?: Float64Array,
): void {
  const fee = params['red.sponsoredFee'];
  const cw = params['creators.real'] / C.k;
  const elasticity = params['creators.outputElasticity'];
  const exitMonths = params['creators.exitMonths'];
  const loss = params['creators.authenticityLoss'];
  const reach = params['creators.sponsoredReach'];
  const update = params['creators.expectationUpdate'];
  const reachSum = new Float64Array(N_CATEGORIES);
  const buyerReach = new Float64Array(N_CATEGORIES);
  for (let k = 0; k < C.k; k++) {
    if (C.activity[k] <= 0) continue;
    const r = C.followers[k] * C.activity[k];
    reachSum[C.category[k]] += r;
    if (C.tier[k] === BUYER) buyerReach[C.category[k]] += r;
  }
  const sponsoredNotes = new Float64Array(N_CATEGORIES);
  const authWeighted = new Float64Array(N_CATEGORIES);
  const organicNotes = new Float64Array(N_CATEGORIES);
  let incomeTotal = 0, active = 0;
  for (let k = 0; k < C.k; k++) {
    const c = C.category[k];
    if (C.activity[k] <= 0) {
      // a creator who left may come back when the category pays more again
      if (sponsoredSpendRmb[c] > 0 && u(k) < params['creators.returnRate']) { C.activity[k] = params['creators.returnActivity']; C.lowMonths[k] = 0; }
      C.income[k] = 0;
      continue;
    }
    active++;
    const r = C.followers[k] * C.activity[k];
    const share = reachSum[c] > 0 ? r / reachSum[c] : 0;
    let income = share * sponsoredSpendRmb[c] * (1 - fee);
    const price = notePrice(C.tier[k], params) * creatorPay;
    const deals = income / Math.max(1, tierPay ? price * tierPay[C.tier[k]] : price);
    if (C.tier[k] === BUYER && buyerReach[c] > 0) income += (r / buyerReach[c]) * ownStoreGmvRmb[c] * buyerSelling * buyerCommission;
    incomeTotal += income;
    const perCreator = income / cw;
    const organic = params['creators.notesPerDay'] * days * C.activity[k] * cw;
    const sShare = deals / (deals + organic + 1e-9);
    C.sponsoredShare[k] = sShare;
    sponsoredNotes[c] += deals;
    authWeighted[c] += deals * C.authenticity[k] * (1 - loss * sShare);
    organicNotes[c] += organic;
    // output follows income relative to expectation
    if (C.expected[k] === 0) C.expected[k] = Math.max(perCreator, 1);
    const ratio = perCreator / C.expected[k];
    C.activity[k] = Math.min(params['creators.activityMax'], Math.max(params['creators.activityMin'], C.activity[k] * (1 + elasticity * Math.max(-0.5, Math.min(0.5, ratio - 1)))));
    C.expected[k] = (1 - update) * C.expected[k] + update * Math.max(perCreator, 1);
    C.lowMonths[k] = ratio < 0.5 ? C.lowMonths[k] + 1 : 0;
    if (C.lowMonths[k] >= exitMonths && C.tier[k] !== KOC) C.activity[k] = 0;
    C.income[k] = perCreator;
    C.yearIncome[k] += perCreator;
  }
  const ugc = params['creators.ugcNotesPerUserDay'] * redUsersReal * days / N_CATEGORIES;
  for (let c = 0; c < N_CATEGORIES; c++) {
    const sp = sponsoredNotes[c] * reach;
    out.sponsoredShare[c] = sp / (sp + organicNotes[c] + ugc + 1e-9);
    out.authenticity[c] = sponsoredNotes[c] > 0 ? authWeighted[c] / sponsoredNotes[c] : params['creators.idleAuthenticity'];
    out.sponsoredNotes[c] = sponsoredNotes[c];
  }
  out.incomeRmb = incomeTotal;
  out.active = active;
}

/**
 * Run the creators' month `monthIndex` from the merchants' month just settled: their
 * sponsored-note spend and RED-store sales per category, at real scale (RMB). Returns the
 * buyer commissions the merchants pay this month, whole fen at agent scale (floored per
 * category; categories with an active buyer, as creatorSupply pays them), for the books.
 */
export function creatorMonth(
  C: Creators, M: Merchants, params: Parameters, policy: PolicyState, redUsersReal: number,
  days: number, seed: number, monthIndex: number, weight: number, out: FeedMix,
): number {
  const rng = new Stream();
  const sponsoredRmb = new Float64Array(N_CATEGORIES);
  const storeRmb = new Float64Array(N_CATEGORIES);
  const storeFen = new Float64Array(N_CATEGORIES);
  for (let i = 0; i < M.m; i++) {
    sponsoredRmb[M.category[i]] += (M.spendFen[i * N_CHANNELS + CH_RED_NOTES] / 100) * weight;
    storeRmb[M.category[i]] += (M.month[i * N_MF + MF.ownStoreGmv] / 100) * weight;
    storeFen[M.category[i]] += M.month[i * N_MF + MF.ownStoreGmv];
  }
  const buyers = new Uint8Array(N_CATEGORIES);
  for (let k = 0; k < C.k; k++) if (C.tier[k] === BUYER && C.activity[k] > 0 && C.followers[k] > 0) buyers[C.category[k]] = 1;
  let buyerFen = 0;
  // levers: buyerCommission replaces the parameter, creatorPayByTier multiplies creatorPay per tier
  const buyerCommission = policy.buyerCommission ?? params['creators.buyerCommission'];
  const byTier = policy.creatorPayByTier;
  const tierPay = byTier ? Float64Array.from(CREATOR_TIERS, (t) => byTier[t] ?? 1) : undefined;
  const rate = policy.buyerSelling * buyerCommission;
  for (let c = 0; c < N_CATEGORIES; c++) if (buyers[c]) buyerFen += Math.floor(storeFen[c] * rate);
  creatorSupply(C, params, sponsoredRmb, storeRmb, policy.buyerSelling, policy.creatorPay, redUsersReal, days,
    (k) => { rng.reset(seed, STREAM.creators, k, monthIndex); return rng.next(); }, out, buyerCommission, tierPay);
  return buyerFen;
}

/**
 * Book the month's sponsored notes per category into the day ledger `acc` (a metric only): the deals
 * creators made (`out.sponsoredNotes` of creatorSupply, real scale, booked ÷ `weight`) and what the
 * merchants of the category paid for sponsored notes (whole fen, agent scale; M.spendFen of the month).
 */
export function bookSponsoredNotes(acc: Float64Array, M: Merchants, mix: FeedMix, weight: number): void {
  for (let c = 0; c < N_CATEGORIES; c++) acc[L.sponsoredNotes + c] += mix.sponsoredNotes[c] / weight;
  for (let i = 0; i < M.m; i++) acc[L.sponsoredSpend + M.category[i]] += M.spendFen[i * N_CHANNELS + CH_RED_NOTES];
}
