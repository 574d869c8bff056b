/** Booking orders: bookOrder (any order: its seeding route, incrementality) over bookPlainOrder (the writes every order makes; the only writer of orders and GMV), and orderValueFen, an order's value. */
import { PATH_DOUYIN, PATH_LINK, PATH_NEED, PATH_OWN_STORE, RED, DOUYIN, VIA_ORGANIC } from '../constants.ts';
import { L, pcp, seedRouteSlot } from '../metrics/ledger.ts';
import { MF, N_MF } from '../population/merchants.ts';
import { FLAG_RED_LINKED, RED_BIT } from '../population/users.ts';
import type { DayContext } from './context.ts';

/**
 * Book one order: GMV = Σ orders holds because this is the only place orders
 * and GMV are written (bookPlainOrder makes the writes every order makes). `via`
 * is the seeding route (-1 when not note-seeded); `observed` the share of this
 * sale the merchant can see as RED-driven; `route` is the seeding route of a
 * purchase decided through notes (VIA_*, also when the seller is not the seeding
 * merchant: search leakage), -1 when not note-seeded. A note-seeded order is
 * incremental or not (`incremental`); one that met a need-driven order (`needMet`,
 * behaviour/needPurchase.ts) is not, and draws nothing.
 */
export function bookOrder(
  ctx: DayContext, i: number, p: number, c: number, path: number, m: number,
  valueFen: number, via: number, observed: number, repeat: boolean, route = via, needMet = false,
): void {
  bookPlainOrder(ctx, i, p, c, path, m, valueFen, repeat);
  const acc = ctx.acc, macc = ctx.macc, users = ctx.users;
  const row = m * N_MF;
  const incremental = route >= 0 && !needMet && isIncremental(ctx, i, c);
  if (via >= 0) {
    if (incremental && via !== VIA_ORGANIC) macc[row + MF.incrementalPaid] += valueFen;
    macc[row + MF.seededOrganic + via] += valueFen;
    // whole fen, like all money the user loop adds up: sums stay exact in any order (parallel runs)
    macc[row + MF.observedOrganic + via] += Math.round(valueFen * observed);
    macc[row + MF.seededOrders] += 1;
  }
  if (route >= 0) {
    acc[L.seededOrders] += 1;
    acc[L.seededGmv] += valueFen;
    const k2 = seedRouteSlot(p, route);
    acc[L.seededAttributedGmv + k2] += valueFen;
    if (incremental) acc[L.seededIncrementalGmv + k2] += valueFen;
    if (path === PATH_OWN_STORE) acc[L.seededOwnStoreOrders] += 1;
    if (users.seededYear[i] !== ctx.yearTag) {
      users.seededYear[i] = ctx.yearTag;
      acc[L.seededYearNew] += 1;
    }
  }
}

/**
 * The writes every order makes, and all that an order not seeded by notes needs (the user
 * loop's most frequent event, ~0.2 per user-day late in the span, calls it directly, skipping
 * bookOrder's seeding branches): orders and GMV by platform × category × path, the buyer's
 * last platform, merchant and purchase origin, the merchant's month.
 */
export function bookPlainOrder(ctx: DayContext, i: number, p: number, c: number, path: number, m: number, valueFen: number, repeat: boolean): void {
  const acc = ctx.acc;
  const k = pcp(p, c, path);
  acc[L.orders + k] += 1;
  acc[L.gmv + k] += valueFen;
  const users = ctx.users;
  if ((users.platforms[i] & RED_BIT) !== 0) { acc[L.redUserGmv] += valueFen; acc[L.redUserGmvTier + users.tier[i]] += valueFen; } // RED users' online spend (a metric only)
  users.loyalPlatform[i] = p;
  users.lastMerchant[i] = m;
  users.flags[i] = path === PATH_LINK ? users.flags[i] | FLAG_RED_LINKED : users.flags[i] & ~FLAG_RED_LINKED; // origin of the next repurchase (a metric only)
  const row = m * N_MF;
  const macc = ctx.macc;
  macc[row + MF.orders] += 1;
  macc[row + MF.gmv] += valueFen;
  if (repeat) { macc[row + MF.repeatOrders] += 1; acc[L.repeatOrders] += 1; }
  if (path === PATH_NEED && p !== DOUYIN) macc[row + MF.needGmvMarket] += valueFen;
  else if (path === PATH_DOUYIN || (path === PATH_NEED && p === DOUYIN)) macc[row + MF.douyinGmv] += valueFen;
  if (p === RED) macc[row + MF.ownStoreGmv] += valueFen;
  if (path === PATH_LINK) macc[row + MF.linkedGmv] += valueFen;
}

/**
 * Is user i's note-seeded purchase in category c incremental? With the category's
 * share < 1 one uniform of the incrementality stream decides; a purchase that is not
 * incremental marks category c pre-bought, so the user's next need-driven order in c
 * is skipped (behaviour/needPurchase.ts). A share of 1 draws nothing (neutral).
 */
function isIncremental(ctx: DayContext, i: number, c: number): boolean {
  const share = ctx.incremental[c];
  if (share >= 1 || ctx.incrementalRng.next() < share) return true;
  ctx.users.prebought[i] |= 1 << c;
  return false;
}

/** Order value in fen of category c for user i at merchant m: the category price at the merchant's price point, scaled by the user's spending power. */
export function orderValueFen(ctx: DayContext, i: number, c: number, m: number): number {
  return Math.round(ctx.priceFen[c] * ctx.merchants.pricePoint[m] * (ctx.priceBase + ctx.priceSlope * ctx.users.spend[i] / 64));
}
