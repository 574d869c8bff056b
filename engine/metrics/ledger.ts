// Owns the layout of the day/month/phase/year ledger (one Float64Array) and the named slots every writer and reporter uses.
import { N_FLOWS } from '../books/flows.ts';
import { N_CATEGORIES, N_PATHS, N_PLATFORMS, N_TIERS } from '../constants.ts';

/**
 * Kinds of RED feed impression and engagement (the `impressions` and `engagements` blocks):
 * constants.ts VIA_ORGANIC (organic note), VIA_SPONSORED (sponsored note), VIA_FEED_AD (feed ad).
 */
export const N_KINDS = 3;
/** Merchant groups of the `adGroup` block: outside any data-sharing program, or in one. */
export const GROUP_OTHER = 0, GROUP_PROGRAM = 1, N_AD_GROUPS = 2;
/** Fields of one merchant group in the `adGroup` block. */
export const AD_GROUP = { clicks: 0, engagements: 1 } as const;
export const N_AD_GROUP_FIELDS = 2;
/** Origin of a need-driven buyer (the `repurchase*` blocks): the user's previous order came through a RED outbound link (population/users.ts FLAG_RED_LINKED), or not. */
export const ORIGIN_OTHER = 0, ORIGIN_RED_LINKED = 1, N_ORIGINS = 2;

/**
 * Layout of the flat accumulator the user loop writes into (one Float64Array).
 * Money is integer fen at agent scale, so sums are exact and order-independent
 * (far below 2^53 at any supported scale); counts are whole agent events.
 * Real-scale figures are these × the user weight.
 */
const PCP = N_PLATFORMS * N_CATEGORIES * N_PATHS;
let o = 0;
const take = (n: number) => { const at = o; o += n; return at; };

export const L = {
  /** Orders by platform × category × path. */
  orders: take(PCP),
  /** GMV fen by platform × category × path. */
  gmv: take(PCP),
  /** Store entries by platform × category × path. */
  entries: take(PCP),
  /** Add-to-cart by platform × category × path. */
  carts: take(PCP),
  /** Link-outs from RED notes by destination platform × category (see linkOutSlot). */
  linkOuts: take(N_PLATFORMS * N_CATEGORIES),
  /**
   * RED feed impressions by category × kind (N_KINDS; see impressionSlot). Feed-ad impressions
   * (kind VIA_FEED_AD) are booked by behaviour/redSession.ts on the user's top category (the
   * precisely targeted share) and one uniformly drawn category (the rest); their per-group
   * totals are also in `adGroup`.
   */
  impressions: take(N_CATEGORIES * N_KINDS),
  /** RED engagements by category × kind (see engagementSlot). */
  engagements: take(N_CATEGORIES * N_KINDS),
  /** Feed-ad clicks and engagements by merchant group (GROUP_OTHER, GROUP_PROGRAM) × AD_GROUP field (see adGroupSlot); impressions are in adGroupImpressions. */
  adGroup: take(N_AD_GROUPS * N_AD_GROUP_FIELDS),
  /** Feed-ad impressions by merchant group × category (see adGroupImpressionSlot; a group's total: groupFeedImpressions). */
  adGroupImpressions: take(N_AD_GROUPS * N_CATEGORIES),
  /** Coupon cost (fen) of linked purchases. */
  couponFen: take(1),
  /** Users active on RED today (DAU). */
  dau: take(1),
  /** Users whose first active day of the month is today (→ MAU). */
  mauNew: take(1),
  /** Users whose first active day of the year is today. */
  activeYearNew: take(1),
  /** Users whose first note-seeded purchase of the year is today. */
  seededYearNew: take(1),
  /** Sum of trust over active users. */
  trustSum: take(1),
  /** Adoption and churn events per platform. */
  adoptions: take(N_PLATFORMS),
  churns: take(1),
  /** Note-seeded orders (any path, any platform) and their GMV fen. */
  seededOrders: take(1),
  seededGmv: take(1),
  /** Repeat orders (bought again from the last merchant). */
  repeatOrders: take(1),
  /** Active Douyin user-days. */
  douyinActive: take(1),
  /** Seeded orders of RED-active-year users completed in RED stores vs anywhere (for the own-store share). */
  seededOwnStoreOrders: take(1),
  /** Online-shopper count changes (users whose online day is today). */
  newShoppers: take(1),
  /** GMV fen of orders (any platform) placed by users who are on RED (RED users' online spend). */
  redUserGmv: take(1),
  // Written by the simulation once per day (not by the user loop):
  /** Ad revenue fen per platform (RED: feed ads + sponsored-note fees + matched spend; marketplaces: search ads; Douyin: ads). */
  adRevenue: take(N_PLATFORMS),
  /** Commission fen per platform (take rate × GMV; RED: own-store commission plus its commission on linked marketplace GMV, `redLinkedCommission`). */
  commission: take(N_PLATFORMS),
  /** RED's commission on linked marketplace GMV (lever links.<market>.redCommission), fen; also included in `commission + RED`. */
  redLinkedCommission: take(1),
  /** RED's sales revenue from self-operated own-store retail (福利社), fen. */
  redSales: take(1),
  /** ROI-guarantee refunds paid by RED, fen. */
  refunds: take(1),
  /** The marketplaces' matching of merchants' RED spend (Taotian's and, lever matching.jd / .pdd, JD's and Pinduoduo's), fen. */
  matching: take(1),
  /** The part of `matching` paid by JD, fen. */
  matchingJd: take(1),
  /** The part of `matching` paid by Pinduoduo, fen. */
  matchingPdd: take(1),
  /** Merchants' own ad spend per channel, fen (red feed, red sponsored notes, search, Douyin). */
  spend: take(4),
  /** Creator income from sponsored notes and buyer commissions, fen. */
  creatorIncome: take(1),
  /** Merchants advertising jointly (in a data program, spending on RED) — summed per day. */
  jointAdvertisers: take(1),
  /** Users on each platform — summed per day (divide by days for the average). */
  adopters: take(N_PLATFORMS),
  /** Online shoppers — summed per day. */
  shoppers: take(1),
  /** Active creators (agents) — summed per day. */
  creatorsActive: take(1),
  /** Sponsored share of note impressions (mean over categories) — summed per day. */
  sponsoredShare: take(1),
  // Incrementality (behaviour/bookOrder.ts, behaviour/needPurchase.ts), written by the user loop:
  /** Note-seeded (attributed) GMV fen by platform of the order × seeding route (VIA_*; see seedRouteSlot). */
  seededAttributedGmv: take(N_PLATFORMS * N_KINDS),
  /** The incremental part of it: orders drawn as ones that would not exist without the seeding. */
  seededIncrementalGmv: take(N_PLATFORMS * N_KINDS),
  /** Need-driven orders skipped because a non-incremental seeded purchase replaced them, by platform. */
  replacedOrders: take(N_PLATFORMS),
  /** Their GMV fen (what the market really lost to the seeded purchase), by platform. */
  replacedGmv: take(N_PLATFORMS),
  // Research outputs (counting only; nothing in the model reads them):
  /** `redUserGmv` by the user's city tier (N_TIERS). */
  redUserGmvTier: take(N_TIERS),
  /** Users on RED by city tier — summed per day (user loop, behaviour/userDay.ts; Σ over tiers = `adopters + RED`). */
  redUsersTier: take(N_TIERS),
  /**
   * Need-driven orders with a repurchase opportunity (the user's last merchant sells the order's category on the
   * chosen platform; behaviour/needPurchase.ts) by platform × buyer origin (see repurchaseSlot), and those of them
   * placed with that merchant again.
   */
  repurchaseOpportunities: take(N_PLATFORMS * N_ORIGINS),
  repurchaseRepeats: take(N_PLATFORMS * N_ORIGINS),
  /** Sponsored notes (creators' deals; behaviour/creatorSupply.ts) per category at month end, real-scale notes ÷ the user weight (agent scale, fractional). */
  sponsoredNotes: take(N_CATEGORIES),
  /** Merchants' sponsored-note spend (fee + creators' part) per category at month end, fen; Σ over categories = `spend + CH_RED_NOTES`. */
  sponsoredSpend: take(N_CATEGORIES),
  /** Money flows of the day by flow line (books/flows.ts FLOW_LINES order; whole fen, agent scale), posted by books/post.ts after the day's books. */
  flows: take(N_FLOWS),
};
/** Length of the accumulator. */
export const LEDGER_SIZE = o;

/** Index into a platform × category × path block. */
export function pcp(p: number, c: number, path: number): number {
  return (p * N_CATEGORIES + c) * N_PATHS + path;
}

/** Slot of RED feed impressions of category c and kind (VIA_*). */
export function impressionSlot(c: number, kind: number): number {
  return L.impressions + c * N_KINDS + kind;
}

/** Slot of RED engagements of category c and kind (VIA_*). */
export function engagementSlot(c: number, kind: number): number {
  return L.engagements + c * N_KINDS + kind;
}

/** Slot of one AD_GROUP field of merchant group g (GROUP_OTHER or GROUP_PROGRAM). */
export function adGroupSlot(g: number, field: number): number {
  return L.adGroup + g * N_AD_GROUP_FIELDS + field;
}

/** Slot of the feed-ad impressions of merchant group g in category c. */
export function adGroupImpressionSlot(g: number, c: number): number {
  return L.adGroupImpressions + g * N_CATEGORIES + c;
}

/** Slot of link-outs from RED notes to destination platform p in category c. */
export function linkOutSlot(p: number, c: number): number {
  return L.linkOuts + p * N_CATEGORIES + c;
}

/** Offset of platform p × seeding route via (VIA_*) inside `seededAttributedGmv` / `seededIncrementalGmv`. */
export function seedRouteSlot(p: number, via: number): number {
  return p * N_KINDS + via;
}

/** Offset of platform p × buyer origin (ORIGIN_*) inside `repurchaseOpportunities` / `repurchaseRepeats`. */
export function repurchaseSlot(p: number, origin: number): number {
  return p * N_ORIGINS + origin;
}

/** Feed-ad impressions of merchant group g over all categories (in category order) in the ledger slice at o. */
export function groupFeedImpressions(a: Float64Array, o: number, g: number): number {
  let s = 0;
  for (let c = 0; c < N_CATEGORIES; c++) s += a[o + adGroupImpressionSlot(g, c)];
  return s;
}

/** RED feed-ad impressions of both merchant groups (other + program, in that order) in the ledger slice at o. */
export function redFeedAdImpressions(a: Float64Array, o = 0): number {
  return groupFeedImpressions(a, o, GROUP_OTHER) + groupFeedImpressions(a, o, GROUP_PROGRAM);
}

/** Sum of a platform × category × path block (base: L.gmv, L.orders, …) for platform p over categories and paths (all, or only `paths`), in category-then-path order. */
export function sumPlatform(a: Float64Array, o: number, base: number, p: number, paths?: number[]): number {
  let s = 0;
  for (let c = 0; c < N_CATEGORIES; c++) for (let path = 0; path < N_PATHS; path++) if (!paths || paths.includes(path)) s += a[o + base + pcp(p, c, path)];
  return s;
}
