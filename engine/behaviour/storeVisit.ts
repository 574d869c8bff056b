/** A seeded user's visit to a merchant's store on a platform (storeVisit): add-to-cart and purchase, with Red Cat boost and coupons. */
import { L, pcp } from '../metrics/ledger.ts';
import { MF, N_MF } from '../population/merchants.ts';
import { FLAG_MEMBER } from '../population/users.ts';
import { PATH_LINK, RED, TAOTIAN } from '../constants.ts';
import { bookOrder, orderValueFen } from './bookOrder.ts';
import type { DayContext } from './context.ts';

/**
 * A seeded user enters merchant m's store on platform p by `path`: add-to-cart
 * and purchase, with conversion by category price, the user's budget, promotions
 * and (for linked Taotian traffic under Red Cat) boost and coupons. One uniform `u`.
 * `route` is the seeding route of a note-seeded visit (-1: not note-seeded; see bookOrder).
 * Returns true when an order was placed.
 */
export function storeVisit(
  ctx: DayContext, i: number, p: number, c: number, path: number, m: number,
  via: number, observed: number, u: number, route = via,
): boolean {
  const acc = ctx.acc;
  const k = pcp(p, c, path);
  acc[L.entries + k] += 1;
  ctx.macc[m * N_MF + MF.storeEntries] += 1;
  let cart = ctx.addToCart * (0.5 + 0.5 * ctx.merchants.quality[m]);
  if (p === RED) cart *= ctx.ownStoreConversion;
  const linkedTaotian = path === PATH_LINK && p === TAOTIAN;
  if (linkedTaotian) cart *= 1 + ctx.trafficBoost;
  const spend = ctx.users.spend[i] / 64;
  let order = ctx.orderPerCart * ctx.merchants.priceConversion[m] * Math.min(1, (0.5 + spend) / (0.5 + ctx.budgetSensitivity * ctx.priceRel[c]));
  if (linkedTaotian) order *= 1 + 2 * ctx.coupon;
  order = Math.min(1, order);
  cart = Math.min(1, cart) * Math.min(1.5, Math.sqrt(ctx.season));
  if (u >= cart) return false;
  acc[L.carts + k] += 1;
  ctx.macc[m * N_MF + MF.carts] += 1;
  if (u >= cart * order) return false;
  ctx.macc[m * N_MF + MF.storeOrders] += 1;
  const value = orderValueFen(ctx, i, c, m);
  if (linkedTaotian) {
    // coupon and membership are separate Red Cat benefits: either works without the other
    if (ctx.coupon > 0) acc[L.couponFen] += Math.round(value * ctx.coupon);
    if (ctx.membership > 0) ctx.users.flags[i] |= FLAG_MEMBER;
  }
  bookOrder(ctx, i, p, c, path, m, value, via, observed, false, route);
  return true;
}
