/**
 * The merchants' month: at its start, budgets are split over channels and days and the
 * attention allocation is rebuilt; each day the planned spend is charged; at its end the
 * month is settled (spend, ROI-guarantee refunds), ROI observed, budgets reallocated,
 * Taotian's matching planned and data-program joins drawn.
 */
import { CATEGORIES, CH_DOUYIN, CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, DOUYIN, JD, N_CHANNELS, N_PLATFORMS, PDD, RED } from '../constants.ts';
import type { DayContext } from '../behaviour/context.ts';
import { rebuildAllocation } from '../behaviour/adAuction.ts';
import { channelShare, measureMonth, reallocateBudgets } from '../behaviour/merchantBudget.ts';
import { createBeliefs, updateBeliefs, type MediaBeliefs, type Measurement } from './mediaMix.ts';
import { L } from '../metrics/ledger.ts';
import { matchingBudgets, programJoins, roiGuaranteeRefunds } from '../platforms/monthEnd.ts';
import { redLinkedRates } from '../platforms/linkedCommission.ts';
import { guaranteeCover } from '../platforms/monthEnd.ts';
import { bestDataLevel, inRedCat } from '../platforms/policyView.ts';
import { douyinAdImpressionsPerUserDay, redShareOfVoice } from '../platforms/shareOfVoice.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';
import { createPaidImpressions } from './paidImpressions.ts';
import { STREAM, Stream } from '../random/stream.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { PolicyState } from '../scenario/policy.ts';

/** What merchants pay on one day (fen, agent scale), for the platforms' books. */
export interface DayCharges {
  /** Merchants' own RED feed-ad spend (0 on a day without feed-ad impressions). */
  feed: number;
  /** Taotian-matched RED feed-ad spend. */
  matched: number;
  /** Sponsored-note spend (0 on a day without RED users). */
  notes: number;
  /** RED's fee out of `notes` (whole fen). */
  fee: number;
  /** Search-ad spend per home marketplace (platform index). */
  search: Float64Array;
  /** Douyin-ad spend. */
  douyin: number;
}

export interface MerchantMonth {
  /** Plan the month starting on day d: daily spend per channel, attention allocation, programme feed share. */
  start(dim: number, policy: PolicyState, adopters: Float64Array): void;
  /** Charge the day's planned spend into `acc` and `charges`; `redAdImpressions` are today's RED feed-ad impressions. */
  chargeDay(acc: Float64Array, redAdImpressions: number, douyinUsers: number, redUsersActive: boolean): void;
  /** The day's charges (valid after chargeDay). */
  readonly charges: DayCharges;
  /** Merchants advertising jointly this month (in a data programme and spending on RED). */
  readonly jointAdvertisers: number;
  /** Settle the month ending today: spend, refunds, observed ROI, next month's budgets, matching, programme joins. */
  end(dim: number, monthIndex: number, policy: PolicyState, acc: Float64Array, weight: number): void;
}

/** One RMB a month keeps every merchant's channels alive. */
const MIN_BUDGET_FEN = 100;

/** Initial monthly budgets from the expected market size: ad-to-sales × expected monthly GMV, shared by size × quality. */
export function initialBudgets(M: Merchants, params: Parameters, shoppers: number): void {
  const prices = CATEGORIES.map((c) => params[`price.${c}`]);
  const meanPrice = prices.reduce((a, b) => a + b, 0) / prices.length;
  const monthlyGmv = shoppers * params['market.ordersPerShopperDay'] * params['merchants.initialOrderUplift'] * meanPrice * 100 * 30 * params['merchants.initialValueUplift'];
  let sizeSum = 0;
  for (let i = 0; i < M.m; i++) sizeSum += M.size[i] * M.quality[i];
  for (let i = 0; i < M.m; i++) M.budgetFen[i] = params['merchants.adToSales'] * monthlyGmv * M.size[i] * M.quality[i] / sizeSum;
}

/** The merchants' month over the day context `ctx` (its alias tables, data levels and programme feed share). */
export function createMerchantMonth(M: Merchants, params: Parameters, ctx: DayContext): MerchantMonth {
  const dailySpend = new Float64Array(M.m * N_CHANNELS);
  const matchedDaily = new Float64Array(M.m);
  const linkedRates = new Float64Array(N_PLATFORMS);
  const adShareSearch = new Float64Array(M.m);
  const adShareDouyin = new Float64Array(M.m);
  const target = new Float64Array(M.m * N_CHANNELS);
  const refunds = new Float64Array(M.m);
  const beliefs: MediaBeliefs = createBeliefs(M, params);
  const measured: Measurement = { netSpend: new Float64Array(M.m * N_CHANNELS), gmv: new Float64Array(M.m * N_CHANNELS), quality: new Float64Array(M.m * N_CHANNELS) };
  const programLevel = new Float64Array(M.m);
  const brandShare = params['merchants.brandShare'];
  const feedSplit = params['merchants.redFeedSplit'];
  const douyinAdImpressions = douyinAdImpressionsPerUserDay(params);
  const sponsoredFee = params['red.sponsoredFee'];
  // Share of voice for brand budgets: the month's RED feed-ad impressions and Douyin ad impressions (agent scale).
  let voiceRed = 0, voiceDouyin = 0;
  // Planned daily totals over merchants (fen).
  let feed = 0, matched = 0, notes = 0, douyin = 0, joint = 0;
  // Planned daily matched spend paid by JD and by Pinduoduo (fen); Taotian's is the rest of `matched`.
  let matchedJd = 0, matchedPdd = 0;
  const search = new Float64Array(N_PLATFORMS);
  // Days charged this month and what RED billed (feed ads + note fees), for the refund cap.
  let feedDays = 0, notesDays = 0, billedFen = 0;
  const charges: DayCharges = { feed: 0, matched: 0, notes: 0, fee: 0, search: new Float64Array(N_PLATFORMS), douyin: 0 };
  const rng = new Stream();
  const paidImpressions = createPaidImpressions(M);

  /** RED's share of voice over the month just ended (expected from the users on each platform in the first month); resets the sums. */
  function shareOfVoice(policy: PolicyState, adopters: Float64Array): number {
    let r = voiceRed, y = voiceDouyin;
    if (r + y === 0) {
      r = adopters[RED] * params['red.activityMean'] * params['red.impressionsPerDay'] * policy.adLoad;
      y = adopters[DOUYIN] * douyinAdImpressions;
    }
    voiceRed = 0; voiceDouyin = 0;
    const v = redShareOfVoice(r, y);
    return v === v ? v : 0; // no ads anywhere: brand budgets go to Douyin / marketplace ads
  }

  return {
    charges,
    get jointAdvertisers() { return joint; },
    start(dim, policy, adopters) {
      feed = 0; matched = 0; notes = 0; douyin = 0; search.fill(0); joint = 0; matchedJd = 0; matchedPdd = 0;
      const voice = shareOfVoice(policy, adopters);
      for (let i = 0; i < M.m; i++) {
        const s = i * N_CHANNELS;
        for (let k = 0; k < N_CHANNELS; k++) dailySpend[s + k] = Math.floor((M.budgetFen[i] * channelShare(M, i, k, brandShare, voice, beliefs.redTilt[i], feedSplit)) / dim);
        matchedDaily[i] = Math.floor(M.matchedFen[i] / dim);
        feed += dailySpend[s + CH_RED_FEED];
        notes += dailySpend[s + CH_RED_NOTES];
        douyin += dailySpend[s + CH_DOUYIN];
        search[M.home[i]] += dailySpend[s + CH_SEARCH];
        matched += matchedDaily[i];
        if (M.home[i] === JD) matchedJd += matchedDaily[i]; else if (M.home[i] === PDD) matchedPdd += matchedDaily[i];
        if (M.program[i] !== 0 && dailySpend[s + CH_RED_FEED] + dailySpend[s + CH_RED_NOTES] > 0) joint++;
      }
      let prog = 0, all = 0;
      for (let i = 0; i < M.m; i++) {
        const f = dailySpend[i * N_CHANNELS + CH_RED_FEED] + matchedDaily[i];
        all += f;
        if (M.program[i] !== 0) prog += f;
      }
      ctx.programFeedShare = all > 0 ? prog / all : 0;
      rebuildAllocation(M, dailySpend, matchedDaily, params['merchants.searchAdPower'], params['merchants.douyinAdPower'], ctx.organicAlias, ctx.sponsoredAlias, ctx.feedAlias, ctx.needAlias, adShareSearch, adShareDouyin);
      feedDays = 0; notesDays = 0; billedFen = 0;
    },
    chargeDay(acc, redAdImpressions, douyinUsers, redUsersActive) {
      // Feed ads run only when there were ad impressions; sponsored notes when RED had users.
      const feedOn = redAdImpressions > 0;
      voiceRed += redAdImpressions;
      voiceDouyin += douyinUsers * douyinAdImpressions;
      if (feedOn) feedDays++;
      if (redUsersActive) notesDays++;
      charges.feed = feedOn ? feed : 0;
      charges.matched = feedOn ? matched : 0;
      charges.notes = redUsersActive ? notes : 0;
      charges.fee = Math.round(sponsoredFee * charges.notes);
      charges.search.set(search);
      charges.douyin = douyin;
      billedFen += charges.feed + charges.fee;
      acc[L.spend + CH_RED_FEED] += charges.feed;
      acc[L.spend + CH_RED_NOTES] += charges.notes;
      acc[L.spend + CH_SEARCH] += search[1] + search[2] + search[3];
      acc[L.spend + CH_DOUYIN] += douyin;
      acc[L.matching] += charges.matched;
      if (feedOn) { acc[L.matchingJd] += matchedJd; acc[L.matchingPdd] += matchedPdd; }
      paidImpressions.day(acc);
    },
    end(dim, monthIndex, policy, acc, weight) {
      paidImpressions.end(dailySpend, matchedDaily);
      for (let i = 0; i < M.m; i++) {
        const s = i * N_CHANNELS;
        M.spendFen[s + CH_RED_FEED] = dailySpend[s + CH_RED_FEED] * feedDays;
        M.spendFen[s + CH_RED_NOTES] = dailySpend[s + CH_RED_NOTES] * notesDays;
        M.spendFen[s + CH_SEARCH] = dailySpend[s + CH_SEARCH] * dim;
        M.spendFen[s + CH_DOUYIN] = dailySpend[s + CH_DOUYIN] * dim;
      }
      roiGuaranteeRefunds(M, policy, acc, sponsoredFee, billedFen, refunds);
      for (let i = 0; i < M.m; i++) programLevel[i] = bestDataLevel(M.program[i], ctx.dataLevel);
      measureMonth(M, params, adShareSearch, adShareDouyin, programLevel, refunds, measured, redLinkedRates(policy, linkedRates));
      for (let i = 0; i < M.m; i++) {
        M.month[i * N_MF + MF.searchAdGmv] = Math.round(measured.gmv[i * N_CHANNELS + CH_SEARCH]);
        M.month[i * N_MF + MF.douyinAdGmv] = Math.round(measured.gmv[i * N_CHANNELS + CH_DOUYIN]);
      }
      updateBeliefs(M, beliefs, params, measured);
      reallocateBudgets(M, beliefs, params, (i) => guaranteeCover(policy, M, i), MIN_BUDGET_FEN, target);
      matchingBudgets(M, policy, weight);
      programJoins(M, policy, (i, p) => { rng.reset(ctx.seed, STREAM.merchants, i * 4 + p, monthIndex); return rng.next(); });
    },
  };
}
