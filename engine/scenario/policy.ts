/**
 * The policy levers: everything a dated timeline entry can switch. A full
 * `PolicyState` is in force every day; timeline entries patch it from their date on.
 * Units are in the names or the TSDoc; defaults are the 2018 situation (closed loop).
 */

import type { CATEGORIES, CREATOR_TIERS } from '../constants.ts';

type Category = (typeof CATEGORIES)[number];
type CreatorTier = (typeof CREATOR_TIERS)[number];

/** Which notes on RED carry an outbound link to a destination marketplace. */
export type LinkNotes = 'none' | 'organic' | 'ads' | 'all';

/** Link rules for one destination marketplace. */
export interface LinkPolicy {
  /** Which notes carry a link: none, organic notes, ad notes (feed ads and sponsored notes), all. Default none. */
  notes: LinkNotes;
  /** Friction in [0, 1]: 0 = deep link to the product page, 1 = link lands on a search/store page with the full search leakage. Default 1. */
  friction: number;
  /** Share of merchants allowed to attach links, in [0, 1]. Default 0. */
  eligibleShare: number;
  /** Optional (absent = 0): RED's commission on linked GMV to this marketplace (sales through RED links, e.g. Red Cat), share of that GMV, paid by the merchant to RED. */
  redCommission?: number;
  /** Optional (absent = `eligibleShare` for every category): eligible share of merchants per category, replacing `eligibleShare` for the categories it names. */
  eligibleByCategory?: Partial<Record<Category, number>>;
  /** Optional (absent = 0): only merchants whose size quantile (0 = smallest, 1 = largest) is at least this are eligible. */
  minSizeQuantile?: number;
  /** Optional (absent = 1): only merchants whose size quantile is below this (or 1 = all up to the largest) are eligible. */
  maxSizeQuantile?: number;
}

/** Terms of an ROI guarantee: promised ROI and the share of the shortfall refunded. */
export interface GuaranteeTerms {
  /** Promised ROI (GMV per RMB of RED ad spend); 0 = no guarantee. */
  threshold: number;
  /** Share in [0, 1] of the shortfall that RED refunds. */
  refundShare: number;
}

/** Terms of a marketplace's matching of its pilot merchants' RED ad spend. */
export interface MatchingTerms {
  /** RMB the marketplace adds per RMB of RED spend (1 = "as much as the merchant spends"). */
  rate: number;
  /** Total matching fund, RMB per month at real scale. */
  capRmbPerMonth: number;
}

/** A data-sharing program (小红星 with Taotian, 小红盟 with JD…) for one marketplace. */
export interface DataSharingPolicy {
  /** Share of RED-seeded marketplace sales that participating merchants can see, in [0, 1]; also improves ad targeting. Default 0. */
  level: number;
  /** Share of merchants eligible to join, in [0, 1]. Default 0. */
  eligibleShare: number;
  /** Monthly probability that an eligible merchant joins, in [0, 1]. Default 0. */
  joinRatePerMonth: number;
}

/** Every lever, all in force at once. */
export interface PolicyState {
  links: Record<'taotian' | 'jd' | 'pdd', LinkPolicy>;
  dataSharing: Record<'taotian' | 'jd' | 'pdd', DataSharingPolicy>;
  /** Fine-grained audience tags built from joined data (0 = none; the 2023 program built ~200). */
  audienceTags: number;
  /** Efficiency of RED's ad tools (聚光 Lite, 乘风) in [0, 1]: adds targeting precision. Default 0. */
  adTools: number;
  ownStore: {
    /** Whether RED's own stores sell at all. */
    enabled: boolean;
    /** Share of merchants with a RED store, in [0, 1]. */
    merchantShare: number;
    /** Probability in [0, 1] that a seeded user of a merchant with a RED store goes to it in-app. */
    push: number;
    /** RED's commission on own-store sales by third-party merchants, share of GMV (2–5% by category). */
    commission: number;
    /** Share in [0, 1] of own-store GMV that RED sells itself (福利社 self-operated retail), booked as sales revenue. */
    selfOperatedShare: number;
    /** Optional (absent = 0): user-trust cost of RED being "both referee and player" — daily trust loss per unit of own-store presence (behaviour: platforms/ownStoreTrust.ts). */
    trustCost?: number;
  };
  /** Strength of buyer-led (买手) selling in RED stores, in [0, 1]: extra in-app store entries from organic notes. */
  buyerSelling: number;
  /** Share of RED feed impressions that are ads, in [0, 1]. */
  adLoad: number;
  roiGuarantee: {
    /** Promised ROI (GMV per RMB of RED ad spend); 0 = no guarantee. */
    threshold: number;
    /** Share in [0, 1] of the shortfall that RED refunds (of the fee RED billed: feed ads + its fee on sponsored notes). */
    refundShare: number;
    /** Optional (absent = no guarantee): the guarantee for JD pilot merchants (ad-note links to JD); the two fields above are Taotian's. */
    jd?: GuaranteeTerms;
    /** Optional (absent = no guarantee): the guarantee for PDD pilot merchants. */
    pdd?: GuaranteeTerms;
  };
  matching: {
    /** Taotian's matching of eligible merchants' RED ad spend, RMB per RMB (1 = "as much as the merchant spends"). */
    rate: number;
    /** Taotian's total matching fund, RMB per month at real scale. */
    capRmbPerMonth: number;
    /** Optional (absent = none): JD's matching of its pilot merchants' RED ad spend (ad-note links to JD); the two fields above are Taotian's. */
    jd?: MatchingTerms;
    /** Optional (absent = none): Pinduoduo's matching of its pilot merchants' RED ad spend. */
    pdd?: MatchingTerms;
  };
  benefits: {
    /** Coupon on linked Tmall purchases, share of price in [0, 1], paid by the platforms. */
    coupon: number;
    /** Membership benefit in [0, 1]: raises loyalty (repurchase) of linked buyers. */
    membership: number;
  };
  /** Strength in [0, 1] of marketplaces' own content tabs (Taobao 逛逛): extra seeding on the marketplace. */
  contentTab: Record<'taotian' | 'jd' | 'pdd', number>;
  /** Taotian's algorithmic boost of quality RED-seeded traffic, in [0, 1]: raises store conversion. */
  trafficBoost: number;
  /** Douyin's interest-e-commerce strength (multiplier on impulse purchases; 1 = 2023 level). */
  douyinStrength: number;
  /** Multiplier on creators' price per sponsored note (1 = market rates). */
  creatorPay: number;
  /** Optional (absent = 1 each): extra multiplier on the price per sponsored note by creator tier, on top of `creatorPay`. */
  creatorPayByTier?: Partial<Record<CreatorTier, number>>;
  /** Optional (absent = parameter `creators.buyerCommission`): buyers' (买手) commission on the RED-store sales they drive, share of GMV. */
  buyerCommission?: number;
  /** Optional (absent = parameters `take.*`): marketplace commission (take) rate per platform, share of GMV, excluding ads. */
  take?: Partial<Record<'taotian' | 'jd' | 'pdd' | 'douyin', number>>;
}

/** The 2018 closed loop: no links, no data sharing, a small cross-border own store. */
export function defaultPolicy(): PolicyState {
  const noLink = (): LinkPolicy => ({ notes: 'none', friction: 1, eligibleShare: 0 });
  const noData = (): DataSharingPolicy => ({ level: 0, eligibleShare: 0, joinRatePerMonth: 0 });
  return {
    links: { taotian: noLink(), jd: noLink(), pdd: noLink() },
    dataSharing: { taotian: noData(), jd: noData(), pdd: noData() },
    audienceTags: 0,
    adTools: 0,
    ownStore: { enabled: true, merchantShare: 0.05, push: 0.1, commission: 0.05, selfOperatedShare: 0.8 },
    buyerSelling: 0,
    adLoad: 0.05,
    roiGuarantee: { threshold: 0, refundShare: 0 },
    matching: { rate: 0, capRmbPerMonth: 0 },
    benefits: { coupon: 0, membership: 0 },
    contentTab: { taotian: 0, jd: 0, pdd: 0 },
    trafficBoost: 0,
    douyinStrength: 0.15,
    creatorPay: 1,
  };
}

/** Deep-merge a partial patch into a state, returning a new state (inputs untouched). */
export function applyPolicyPatch<T>(base: T, patch: unknown): T {
  if (patch === undefined) return structuredCloneJson(base);
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch as T;
  const out: Record<string, unknown> = structuredCloneJson(base) as Record<string, unknown>;
  for (const key of Object.keys(patch)) {
    const v = (patch as Record<string, unknown>)[key];
    if (v === undefined) continue; // `{ links: undefined }` from a JavaScript caller sets nothing
    out[key] = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof out[key] === 'object'
      ? applyPolicyPatch(out[key], v)
      : v;
  }
  return out as T;
}

function structuredCloneJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
