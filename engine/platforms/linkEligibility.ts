/** Which merchants may attach links to a marketplace: the eligible share (overall or per category) and the size band of `links.<market>`. */
import { CATEGORIES, PDD, TAOTIAN } from '../constants.ts';
import type { Merchants } from '../population/merchants.ts';
import type { LinkPolicy, PolicyState } from '../scenario/policy.ts';

const NAMES = ['', 'taotian', 'jd', 'pdd'] as const;

/** The link rules of marketplace p (TAOTIAN..PDD). */
export function linkPolicyOf(policy: PolicyState, p: number): LinkPolicy {
  return policy.links[NAMES[p] as 'taotian' | 'jd' | 'pdd'];
}

/**
 * Is merchant i allowed to attach links to marketplace p? Its rank must be below the eligible
 * share of its category (`eligibleByCategory.<category>`, else `eligibleShare`), and its size
 * quantile within [`minSizeQuantile`, `maxSizeQuantile`) (a maximum of 1 includes the largest).
 * With neither optional lever set this is `linkRank < eligibleShare`, as before.
 */
export function isLinkEligible(policy: PolicyState, M: Merchants, i: number, p: number): boolean {
  if (p < TAOTIAN || p > PDD) return false;
  const l = linkPolicyOf(policy, p);
  const share = l.eligibleByCategory?.[CATEGORIES[M.category[i]]] ?? l.eligibleShare;
  if (!(M.linkRank[i] < share)) return false;
  const q = M.sizeQuantile[i], lo = l.minSizeQuantile ?? 0, hi = l.maxSizeQuantile ?? 1;
  return q >= lo && (hi >= 1 || q < hi);
}

/** Per merchant: 1 when it may attach links to its home marketplace (the destination of its links), else 0. */
export function fillLinkEligibility(policy: PolicyState, M: Merchants, out: Uint8Array): void {
  for (let i = 0; i < M.m; i++) out[i] = isLinkEligible(policy, M, i, M.home[i]) ? 1 : 0;
}
