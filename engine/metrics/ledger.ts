import { N_CATEGORIES, N_PATHS, N_PLATFORMS } from '../constants.ts';

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
  /** Link-outs from RED notes by destination platform × category. */
  linkOuts: take(N_PLATFORMS * N_CATEGORIES),
  /** RED feed impressions by category × kind (0 organic note, 1 sponsored note, 2 ad). Ads are counted in category 0 slot of kind 2 per group below. */
  impressions: take(N_CATEGORIES * 3),
  /** RED engagements by category × kind. */
  engagements: take(N_CATEGORIES * 3),
  /** Feed-ad metrics by merchant group (0 outside, 1 in a data-sharing program) × (impressions, clicks, engagements). */
  adGroup: take(2 * 3),
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
  /** Commission fen per platform (take rate × GMV; RED: own-store commission). */
  commission: take(N_PLATFORMS),
  /** RED's sales revenue from self-operated own-store retail (福利社), fen. */
  redSales: take(1),
  /** ROI-guarantee refunds paid by RED, fen. */
  refunds: take(1),
  /** Taotian's matching of merchants' RED spend, fen. */
  matching: take(1),
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
};
/** Length of the accumulator. */
export const LEDGER_SIZE = o;

/** Index into a platform × category × path block. */
export function pcp(p: number, c: number, path: number): number {
  return (p * N_CATEGORIES + c) * N_PATHS + path;
}
