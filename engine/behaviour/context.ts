/** The day context: everything the user loop reads on a day, its factory, and the tables it needs allocated once per run. */
import { CATEGORIES, N_CATEGORIES, N_PLATFORMS } from '../constants.ts';
import { LEDGER_SIZE } from '../metrics/ledger.ts';
import { AliasTable } from '../random/alias.ts';
import { Stream } from '../random/stream.ts';
import type { Merchants } from '../population/merchants.ts';
import type { Users } from '../population/users.ts';
import type { Parameters } from '../scenario/parameters.ts';
import { decayTableFor } from './decayTable.ts';
import { settleNumberFields } from './settleNumberFields.ts';

/** Need-driven platform choice table: [tier][category][mask of 4 shopping platforms][loyal platform 0..5] → 5 cumulative probabilities. */
export const CHOICE_STRIDE = N_PLATFORMS;
export const N_MASKS = 16;
export const N_LOYAL = 6;

/**
 * Everything the user loop reads on one day, prepared before the day by the
 * simulation (DESIGN.md §3 "prepared once, run many times"). The loop writes only
 * user columns, `acc`, `macc` and `blockTrust`.
 */
export interface DayContext {
  users: Users;
  merchants: Merchants;
  /** Day accumulator (see metrics/ledger.ts). */
  acc: Float64Array;
  /** Per-merchant monthly counters (rows of N_MF). */
  macc: Float64Array;
  /** Sum of RED trust over the day's active users, per user block (summed in block order after the day). */
  blockTrust: Float64Array;
  /** The user block being run. */
  block: number;
  seed: number;
  day: number;
  /** 1 + month index and 1 + year index of the day, for MAU / yearly bookkeeping. */
  monthTag: number;
  yearTag: number;
  season: number;
  /** Need-driven order probability per shopper-day before tier and spend factors. */
  needRate: number;
  tierSpend: Float64Array;
  /** Adoption hazard per day per platform for a pool member who is not yet on it. */
  hazard: Float64Array;
  /** Upper ends of the platforms' fixed adoption slices of [0, 1) (cumulative `hazard`), set by prepareDay. */
  hazardHi: Float64Array;
  /** Need-driven and Douyin order probability per shopper-day by [tier × 256 + spend byte], set by prepareDay. */
  needRateBy: Float64Array;
  douyinRateBy: Float64Array;
  redChurnPerDay: number;
  churnTrust: number;
  // RED feed
  activityMean: number;
  activityFloor: number;
  impressions: number;
  douyinTimeLoss: number;
  adLoad: number;
  noteEngageRate: number;
  adCtr: number;
  adCtrFloor: number;
  adEngageRate: number;
  /** (v/255)^matchExponent for v in 0..255. */
  matchPow: Float64Array;
  sponsoredShare: Float64Array;
  authenticity: Float64Array;
  brandMention: number;
  intentNote: number;
  intentAdClick: number;
  intentDecay: number;
  /** Per category: the intent decay multiplier (of 256) from its consideration length (`category.consideration.<c>`). */
  intentDecayBy: Int32Array;
  /** intentDecayBy as decayIntentBy's byte lookup table (decayTable.ts). */
  intentDecayTable: Uint8Array;
  /** True when every category decays alike (`intentDecay`): the fast whole-word decay applies. */
  decayUniform: boolean;
  /** Per category: intent a note or ad engagement adds, relative (`category.contentFit.<c>`). */
  contentFit: Float64Array;
  /** Per category: relative purchase frequency (`category.frequency.<c>`); `frequencyOn` false when all are equal (interest alone picks). */
  frequency: Float64Array;
  frequencyOn: boolean;
  /** Weight of merchant quality in repurchase (`merchants.qualityRepurchase`). */
  qualityRepurchase: number;
  /** Share of feed-ad spend from merchants in a data-sharing program. */
  programFeedShare: number;
  /** Targeting precision by group (0 outside, 1 in a program). */
  precision: Float64Array;
  // links, per platform index (only marketplaces used)
  linkMode: Uint8Array;
  friction: Float64Array;
  linkEligible: Float64Array;
  /** Per merchant: 1 when it may attach links to its home marketplace (platforms/linkEligibility.ts), set on each policy refresh. */
  linkOk: Uint8Array;
  linkClickRate: number;
  dataLevel: Float64Array;
  ownStoreOn: boolean;
  ownStoreShare: number;
  ownStorePush: number;
  buyerSelling: number;
  coupon: number;
  membership: number;
  trafficBoost: number;
  // trust
  trustRecovery: number;
  trustAd: number;
  trustInauthentic: number;
  trustLink: number;
  /** Trust lost per active day to inauthentic sponsored notes (precomputed from the feed mix). */
  trustInauthenticDay: number;
  trustInitial: number;
  // funnel
  addToCart: number;
  orderPerCart: number;
  ownStoreConversion: number;
  budgetSensitivity: number;
  /** Order value = priceFen × (priceBase + priceSlope × spend byte / 64). */
  priceBase: number;
  priceSlope: number;
  priceFen: Float64Array;
  priceRel: Float64Array;
  searchRate: number;
  searchLeakage: number;
  /** Probability that a user seeded by a merchant searches where that merchant sells (`seed.brandSearch`; 0 leaves every search's choice as it was). */
  brandSearch: number;
  /** Probability per unit of seeded intent that a need-driven marketplace order in the seeded category goes to the seeding merchant (`seed.needCapture`; 0 draws nothing). */
  needCapture: number;
  repurchase: number;
  repurchaseMember: number;
  // Douyin
  douyinRate: number;
  // merchant choice
  organicAlias: AliasTable[];
  sponsoredAlias: AliasTable[];
  /** Feed ads by group × category. */
  feedAlias: AliasTable[];
  /** Need-driven orders by platform × category. */
  needAlias: AliasTable[];
  /** Cumulative platform choice for need-driven orders. */
  needChoice: Float64Array;
  /** Cumulative marketplace choice for seeded searches: [tier][category][mask] × 5. */
  searchChoice: Float64Array;
  /** Share of note-seeded purchases that are incremental, per category (`incremental.<category>`). */
  incremental: Float64Array;
  /** The stream of the user's current event (an active RED day or a search), which also decides incrementality; re-keyed per (user, day) by the user loop. */
  incrementalRng: Stream;
}

/**
 * Allocate the alias tables and choice arrays once per run. Every alias table is
 * per category and sized to the merchants of its category (they stay small and
 * close together in memory).
 */
function allocateDayTables(merchantCategory: Uint8Array): Pick<DayContext, 'organicAlias' | 'sponsoredAlias' | 'feedAlias' | 'needAlias' | 'needChoice' | 'searchChoice' | 'hazardHi' | 'needRateBy' | 'douyinRateBy'> {
  const inCategory = new Int32Array(N_CATEGORIES);
  for (let i = 0; i < merchantCategory.length; i++) inCategory[merchantCategory[i]]++;
  // table k of a list serves category k % N_CATEGORIES
  const mk = (n: number) => Array.from({ length: n }, (_, k) => new AliasTable(inCategory[k % N_CATEGORIES]));
  return {
    organicAlias: mk(N_CATEGORIES),
    sponsoredAlias: mk(N_CATEGORIES),
    feedAlias: mk(2 * N_CATEGORIES),
    needAlias: mk(N_PLATFORMS * N_CATEGORIES),
    needChoice: new Float64Array(3 * N_CATEGORIES * N_MASKS * N_LOYAL * CHOICE_STRIDE),
    searchChoice: new Float64Array(3 * N_CATEGORIES * N_MASKS * CHOICE_STRIDE),
    hazardHi: new Float64Array(N_PLATFORMS),
    needRateBy: new Float64Array(3 * 256),
    douyinRateBy: new Float64Array(3 * 256),
  };
}

/**
 * Build the day context of a run over `dayBuf` (the day ledger, then one RED-trust sum per user
 * block). Per-day and per-policy fields start neutral; the simulation sets them before each day.
 */
export function createDayContext(params: Parameters, users: Users, M: Merchants, dayBuf: Float64Array, seed: number): DayContext {
  const intentDecayBy = Int32Array.from(CATEGORIES.map((c) => Math.round(256 * Math.pow(0.5, 1 / (params['seed.intentHalfLifeDays'] * params[`category.consideration.${c}`])))));
  const matchPow = new Float64Array(256);
  for (let v = 0; v < 256; v++) matchPow[v] = Math.pow(v / 255, params['seed.matchExponent']);
  const prices = CATEGORIES.map((c) => params[`price.${c}`]);
  const meanPrice = prices.reduce((a, b) => a + b, 0) / prices.length;
  const ctx: DayContext = {
    users, merchants: M, acc: dayBuf.subarray(0, LEDGER_SIZE), macc: M.month, blockTrust: dayBuf.subarray(LEDGER_SIZE), block: 0,
    seed, day: 0, monthTag: 1, yearTag: 1,
    season: 1, needRate: 0,
    tierSpend: Float64Array.from([params['market.tier1SpendFactor'], 1, params['market.tier3SpendFactor']]),
    hazard: new Float64Array(N_PLATFORMS), redChurnPerDay: params['red.churnPerYear'] / 365, churnTrust: params['red.churnTrustSensitivity'],
    activityMean: params['red.activityMean'], activityFloor: params['trust.activityFloor'], impressions: params['red.impressionsPerDay'],
    douyinTimeLoss: 0, adLoad: 0, noteEngageRate: params['seed.noteEngageRate'], adCtr: params['seed.adCtr'], adCtrFloor: params['seed.adCtrFloor'],
    adEngageRate: params['seed.adEngageRate'], matchPow,
    sponsoredShare: new Float64Array(N_CATEGORIES).fill(params['creators.initialSponsoredShare']), authenticity: new Float64Array(N_CATEGORIES).fill(params['creators.initialAuthenticity']),
    brandMention: params['seed.brandMention'], intentNote: params['seed.intentNote'], intentAdClick: params['seed.intentAdClick'],
    intentDecay: Math.round(256 * Math.pow(0.5, 1 / params['seed.intentHalfLifeDays'])),
    intentDecayBy, intentDecayTable: decayTableFor(intentDecayBy),
    decayUniform: CATEGORIES.every((c) => params[`category.consideration.${c}`] === 1),
    contentFit: Float64Array.from(CATEGORIES.map((c) => params[`category.contentFit.${c}`])),
    frequency: Float64Array.from(CATEGORIES.map((c) => params[`category.frequency.${c}`])),
    frequencyOn: !CATEGORIES.every((c) => params[`category.frequency.${c}`] === params[`category.frequency.${CATEGORIES[0]}`]),
    qualityRepurchase: params['merchants.qualityRepurchase'],
    programFeedShare: 0, precision: new Float64Array(2),
    linkMode: new Uint8Array(N_PLATFORMS), friction: new Float64Array(N_PLATFORMS).fill(1), linkEligible: new Float64Array(N_PLATFORMS), linkOk: new Uint8Array(M.m),
    linkClickRate: params['seed.linkClickRate'], dataLevel: new Float64Array(N_PLATFORMS),
    ownStoreOn: false, ownStoreShare: 0, ownStorePush: 0, buyerSelling: 0, coupon: 0, membership: 0, trafficBoost: 0,
    trustRecovery: params['trust.recovery'], trustAd: params['trust.adSensitivity'], trustInauthentic: params['trust.inauthenticSensitivity'],
    trustLink: params['trust.linkSensitivity'], trustInauthenticDay: 0, trustInitial: params['trust.initial'],
    addToCart: params['funnel.addToCart'], orderPerCart: params['funnel.orderPerCart'], ownStoreConversion: params['funnel.ownStoreConversion'],
    budgetSensitivity: params['funnel.budgetSensitivity'],
    priceBase: 1 - params['price.spendSlope'], priceSlope: params['price.spendSlope'],
    priceFen: Float64Array.from(prices.map((p) => p * 100)), priceRel: Float64Array.from(prices.map((p) => p / meanPrice)),
    searchRate: params['seed.searchRate'], searchLeakage: params['seed.searchLeakage'], brandSearch: params['seed.brandSearch'], needCapture: params['seed.needCapture'],
    repurchase: params['market.repurchase'], repurchaseMember: params['market.repurchase'],
    douyinRate: 0,
    incremental: Float64Array.from(CATEGORIES.map((c) => params[`incremental.${c}`])), incrementalRng: new Stream(),
    ...allocateDayTables(M.category),
  };
  settleNumberFields(ctx);
  return ctx;
}
