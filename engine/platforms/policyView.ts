import { JD, N_PLATFORMS, PDD, TAOTIAN } from '../constants.ts';
import type { DayContext } from '../behaviour/context.ts';
import type { Merchants } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';
import type { LinkNotes, PolicyState } from '../scenario/policy.ts';

const MARKET_INDEX = [['taotian', TAOTIAN], ['jd', JD], ['pdd', PDD]] as const;

/** Bit mask of note kinds that carry links: 1 = organic notes, 2 = ad notes. */
export function linkModeBits(notes: LinkNotes): number {
  return notes === 'none' ? 0 : notes === 'organic' ? 1 : notes === 'ads' ? 2 : 3;
}

/**
 * Copy the policy levers the user loop reads into the day context, and derive
 * targeting precision, the share of the feed that carries links and the matching
 * eligibility. Called on day 0, on each policy change and at each month start.
 */
export function applyPolicyToContext(ctx: DayContext, policy: PolicyState, params: Parameters, M: Merchants): void {
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
  const base = params['target.precisionBase']
    + params['target.precisionTags'] * Math.log1p(policy.audienceTags) / Math.log(201)
    + params['target.precisionTools'] * policy.adTools;
  ctx.precision[0] = Math.min(0.95, base);
  // program members: precision rises with the data level of the programs they are in (merchant-count weighted)
  let levelSum = 0, members = 0;
  for (let i = 0; i < M.m; i++) {
    const bits = M.program[i];
    if (bits === 0) continue;
    let best = 0;
    for (let p = 1; p < N_PLATFORMS; p++) if ((bits & (1 << p)) !== 0 && ctx.dataLevel[p] > best) best = ctx.dataLevel[p];
    levelSum += best; members++;
  }
  ctx.precision[1] = Math.min(0.95, base + params['target.precisionData'] * (members > 0 ? levelSum / members : 0));
  // share of notes and ads that carry an outbound link (for the trust cost of links)
  let eligibleNotes = 0, eligibleAds = 0;
  for (let i = 0; i < M.m; i++) {
    const d = M.home[i];
    if (M.linkRank[i] >= ctx.linkEligible[d]) continue;
    if ((ctx.linkMode[d] & 1) !== 0) eligibleNotes += 1;
    if ((ctx.linkMode[d] & 2) !== 0) eligibleAds += 1;
  }
  let ss = 0;
  for (let c = 0; c < ctx.sponsoredShare.length; c++) ss += ctx.sponsoredShare[c];
  ss /= ctx.sponsoredShare.length;
  ctx.linkedNoteShare = (eligibleNotes / M.m) * ctx.brandMention * (1 - ss) + (eligibleAds / M.m) * ss;
  ctx.linkedAdShare = eligibleAds / M.m;
}

/** Is merchant i in the Red Cat pilot (ad-note links to Taotian allowed for it)? */
export function inRedCat(policy: PolicyState, M: Merchants, i: number): boolean {
  const l = policy.links.taotian;
  return (l.notes === 'ads' || l.notes === 'all') && M.linkRank[i] < l.eligibleShare && M.home[i] === TAOTIAN;
}
