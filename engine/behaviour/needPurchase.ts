import { DOUYIN, N_CATEGORIES, PATH_DOUYIN, PATH_NEED } from '../constants.ts';
import { NO_MERCHANT } from '../population/users.ts';
import type { Stream } from '../random/stream.ts';
import { CHOICE_STRIDE, N_LOYAL, N_MASKS, type DayContext } from './context.ts';
import { bookOrder, orderValueFen } from './bookOrder.ts';
import { categoryByInterest } from './redSession.ts';

/**
 * Need-driven buying, the bulk of marketplace GMV: an online shopper orders with
 * a daily probability (growth, season, tier, spending power), picks a platform by
 * a logit over the platforms they use with a loyalty bonus, and buys again from
 * the last merchant (repurchase) or from the category's merchants weighted by
 * size and search-ad spend.
 */
export function needPurchase(ctx: DayContext, i: number, rng: Stream): void {
  const users = ctx.users;
  const tier = users.tier[i];
  const rate = ctx.needRate * ctx.tierSpend[tier] * users.spend[i] / 64;
  const u = rng.next();
  if (u >= rate) return;
  const mask = (users.platforms[i] >>> 1) & 15;
  if (mask === 0) return;
  const c = categoryByInterest(users.interest, i * N_CATEGORIES, u / rate);
  const lp = users.loyalPlatform[i];
  const loyal = lp === 255 ? 5 : lp;
  const row = (((tier * N_CATEGORIES + c) * N_MASKS + mask) * N_LOYAL + loyal) * CHOICE_STRIDE;
  const up = rng.next();
  let p = 1;
  while (p < 4 && up >= ctx.needChoice[row + p]) p++;
  // a fixed number of draws per order keeps this stream aligned across scenarios (common random numbers)
  const uRepeat = rng.next();
  const uMerchant = rng.next();
  const lm = users.lastMerchant[i];
  let m = -1;
  let repeat = false;
  if (lm !== NO_MERCHANT && ctx.merchants.category[lm] === c && (ctx.merchants.sells[lm] & (1 << p)) !== 0) {
    if (uRepeat < ((users.flags[i] & 1) !== 0 ? ctx.repurchaseMember : ctx.repurchase)) { m = lm; repeat = true; }
  }
  if (m < 0) m = ctx.needAlias[p * N_CATEGORIES + c].draw(uMerchant);
  if (m < 0) return;
  bookOrder(ctx, i, p, c, PATH_NEED, m, orderValueFen(ctx, i, c), -1, 0, repeat);
}

/**
 * Douyin's interest e-commerce: short video and live streaming seed and convert
 * inside Douyin's closed loop; an active Douyin user makes an impulse order with
 * a probability set by Douyin's strength.
 */
export function douyinPurchase(ctx: DayContext, i: number, rng: Stream): void {
  const users = ctx.users;
  const rate = ctx.douyinRate * ctx.tierSpend[users.tier[i]] * users.spend[i] / 64;
  const u = rng.next();
  if (u >= rate) return;
  const c = categoryByInterest(users.interest, i * N_CATEGORIES, u / rate);
  const m = ctx.needAlias[DOUYIN * N_CATEGORIES + c].draw(rng.next());
  if (m < 0) return;
  bookOrder(ctx, i, DOUYIN, c, PATH_DOUYIN, m, orderValueFen(ctx, i, c), -1, 0, false);
}
