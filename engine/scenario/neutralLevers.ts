/**
 * The optional levers (issue 15, what-if v2) at their neutral values. These levers are absent
 * from defaultPolicy() so that scenarios that do not set them resolve (and hash) exactly as
 * before; absent and neutral act alike in the engine (a test compares full Results).
 */
import { CATEGORIES, CREATOR_TIERS } from '../constants.ts';
import { defaultParameters } from './parameters.ts';
import { applyPolicyPatch, type PolicyState } from './policy.ts';

/** `state` with every optional lever it leaves unset filled in at its neutral value (inputs untouched). */
export function withNeutralLevers(state: PolicyState): PolicyState {
  const params = defaultParameters();
  const link = (eligibleShare: number) => ({
    redCommission: 0,
    eligibleByCategory: Object.fromEntries(CATEGORIES.map((c) => [c, eligibleShare])),
    minSizeQuantile: 0,
    maxSizeQuantile: 1,
  });
  const neutral = {
    links: { taotian: link(state.links.taotian.eligibleShare), jd: link(state.links.jd.eligibleShare), pdd: link(state.links.pdd.eligibleShare) },
    ownStore: { trustCost: 0 },
    roiGuarantee: { jd: { threshold: 0, refundShare: 0 }, pdd: { threshold: 0, refundShare: 0 } },
    matching: { jd: { rate: 0, capRmbPerMonth: 0 }, pdd: { rate: 0, capRmbPerMonth: 0 } },
    creatorPayByTier: Object.fromEntries(CREATOR_TIERS.map((t) => [t, 1])),
    buyerCommission: params['creators.buyerCommission'],
    take: { taotian: params['take.taotian'], jd: params['take.jd'], pdd: params['take.pdd'], douyin: params['take.douyin'] },
  };
  return applyPolicyPatch(neutral as unknown as PolicyState, state);
}
