/** What the user loop sees of the policy in force: levers copied into the day context, targeting precision, choice tables. */
import { CATEGORIES, JD, N_CATEGORIES, PDD, TAOTIAN } from '../constants.ts';
import type { DayContext } from '../behaviour/context.ts';
import { fillChoiceTables } from './choiceTables.ts';
import { fillLinkEligibility, isLinkEligible, linkPolicyOf } from './linkEligibility.ts';
import type { Merchants } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { LinkNotes, PolicyState } from '../scenario/policy.ts';

const MARKET_INDEX = [['taotian', TAOTIAN], ['jd', JD], ['pdd', PDD]] as const;

/** Bits of a link mode: organic notes carry links, ad notes carry links. */
export const LINK_ORGANIC = 1, LINK_ADS = 2;

/** Bit mask of note kinds that carry links. */
function linkModeBits(notes: LinkNotes): number {
  return notes === 'none' ? 0 : notes === 'organic' ? LINK_ORGANIC : notes === 'ads' ? LINK_ADS : LINK_ORGANIC | LINK_ADS;
}

/** The best data-sharing level among the marketplace programmes whose bits are set in `programBits` (0 outside programmes). */
export function bestDataLevel(programBits: number, dataLevel: Float64Array): number {
  let best = 0;
  for (let p = TAOTIAN; p <= PDD; p++) if ((programBits & (1 << p)) !== 0 && dataLevel[p] > best) best = dataLevel[p];
  return best;
}

/**
 * Everything that follows from the policy in force, before a day: the levers and derived
 * shares (applyPolicyToContext), the daily trust cost of inauthentic sponsored notes, and the
 * platform-choice tables at `yearsSince2018`.
 */
export function applyPolicyDay(ctx: DayContext, policy: PolicyState, params: Parameters, M: Merchants, yearsSince2018: number): void {
  applyPolicyToContext(ctx, policy, params, M);
  let inauth = 0;
  for (let c = 0; c < N_CATEGORIES; c++) inauth += ctx.sponsoredShare[c] * (1 - ctx.authenticity[c]);
  ctx.trustInauthenticDay = ctx.trustInauthentic * inauth / N_CATEGORIES;
  ctx.trustInauthenticDay += ownStoreTrustCost(policy);
  fillChoiceTables(ctx.needChoice, ctx.searchChoice, params, policy, yearsSince2018);
}

/**
 * Daily trust cost of RED being "both referee and player" (lever `ownStore.trustCost`): while its
 * own stores sell, strength × merchantShare × (push + selfOperatedShare) / 2 — more merchants
 * with RED stores, harder pushing and more of it sold by RED itself cost more trust. Charged to
 * active users each day with the cost of inauthentic notes (redSession.ts). 0 when absent.
 */
export function ownStoreTrustCost(policy: PolicyState): number {
  const o = policy.ownStore, k = o.trustCost ?? 0;
  return k > 0 && o.enabled ? k * o.merchantShare * (o.push + o.selfOperatedShare) / 2 : 0;
}

/**
 * Copy the policy levers the user loop reads into the day context, and derive
 * targeting precision. Called on day 0, on each policy change and at each month start.
 */
function applyPolicyToContext(ctx: DayContext, policy: PolicyState, params: Parameters, M: Merchants): void {
  ctx.adLoad = policy.adLoad;
  ctx.ownStoreOn = policy.ownStore.enabled;
  ctx.ownStoreShare = policy.ownStore.merchantShare;
  ctx.ownStorePush = policy.ownStore.push;
  ctx.buyerSelling = policy.buyerSelling;
  ctx.coupon = policy.benefits.coupon;
  ctx.membership = policy.benefits.membership;
  ctx.repurchaseMember = Math.min(1, params['market.repurchase'] + params['market.repurchaseMember'] * policy.benefits.membership);
  ctx.trafficBoost = policy.trafficBoost;
  ctx.douyinTimeLoss = Math.min(0.9, params['douyin.redTimeLoss'] * Math.min(2, policy.douyinStrength));
  for (const [name, p] of MARKET_INDEX) {
    ctx.linkMode[p] = linkModeBits(policy.links[name].notes);
    ctx.friction[p] = policy.links[name].friction;
    ctx.linkEligible[p] = policy.links[name].eligibleShare;
    ctx.dataLevel[p] = policy.dataSharing[name].level;
  }
  fillLinkEligibility(policy, M, ctx.linkOk);
  const base = params['target.precisionBase']
    + params['target.precisionTags'] * Math.log1p(policy.audienceTags) / Math.log(201)
    + params['target.precisionTools'] * policy.adTools;
  ctx.precision[0] = Math.min(0.95, base);
  // program members: precision rises with the data level of the programs they are in (merchant-count weighted)
  const dataBenefit = CATEGORIES.map((c) => params[`category.dataBenefit.${c}`]);
  let levelSum = 0, members = 0;
  for (let i = 0; i < M.m; i++) {
    if (M.program[i] === 0) continue;
    levelSum += bestDataLevel(M.program[i], ctx.dataLevel) * dataBenefit[M.category[i]]; members++;
  }
  ctx.precision[1] = Math.min(0.95, base + params['target.precisionData'] * (members > 0 ? levelSum / members : 0));
}

/**
 * The marketplace whose pilot merchant i is (TAOTIAN, JD or PDD: ad notes carry links to its
 * home marketplace and it is link-eligible there), or 0 when it is in no pilot. ROI guarantees
 * (`roiGuarantee`, per marketplace) and matching (Taotian's `matching`, `matching.jd` / `.pdd`) apply to pilot merchants.
 */
export function pilotMarket(policy: PolicyState, M: Merchants, i: number): number {
  const p = M.home[i];
  if (p < TAOTIAN || p > PDD) return 0;
  const notes = linkPolicyOf(policy, p).notes;
  return (notes === 'ads' || notes === 'all') && isLinkEligible(policy, M, i, p) ? p : 0;
}

/** Is merchant i in the Red Cat pilot (ad-note links to Taotian allowed for it)? */
export function inRedCat(policy: PolicyState, M: Merchants, i: number): boolean {
  return M.home[i] === TAOTIAN && pilotMarket(policy, M, i) === TAOTIAN;
}
