/** Need-driven marketplace orders (needOrder), Douyin impulse orders (douyinOrder) and the day's order probabilities (orderRates). */
import { DOUYIN, N_CATEGORIES, PATH_DOUYIN, PATH_NEED } from '../constants.ts';
import { L, ORIGIN_OTHER, ORIGIN_RED_LINKED, repurchaseSlot } from '../metrics/ledger.ts';
import { FLAG_MEMBER, FLAG_RED_LINKED, NO_MERCHANT, seedMerchant, seedVia } from '../population/users.ts';
import type { Stream } from '../random/stream.ts';
import { CHOICE_STRIDE, N_LOYAL, N_MASKS, type DayContext } from './context.ts';
import { sharedDataShare } from './sharedDataShare.ts';
import { bookOrder, bookPlainOrder, orderValueFen } from './bookOrder.ts';
import { categoryByInterest, interestTotal } from './redSession.ts';

/**
 * Need-driven buying, the bulk of marketplace GMV: an online shopper orders with
 * a daily probability (growth, season, tier, spending power: `ctx.needRateBy`),
 * picks a platform by a logit over the platforms they use with a loyalty bonus,
 * and buys again from the last merchant (repurchase) or from the category's
 * merchants weighted by size and search-ad spend; a user holding seeded intent in
 * the category buys from the seeding merchant instead with probability
 * `seed.needCapture` × intent (回搜 at the purchase occasion; a note-seeded order
 * that is not incremental). A need already covered by a non-incremental seeded
 * purchase (`users.prebought`) is skipped once.
 *
 * The user loop draws the first uniform `u` of the need stream and calls this
 * only when `u < rate`; `u / rate` then picks the category.
 */
export function needOrder(ctx: DayContext, i: number, u: number, rate: number, rng: Stream): void {
  const users = ctx.users;
  const mask = (users.platforms[i] >>> 1) & 15;
  if (mask === 0) return;
  const tier = users.tier[i];
  const c = ctx.frequencyOn
    ? categoryByFrequency(users.interest, i * N_CATEGORIES, ctx.frequency, u / rate)
    : categoryByInterest(users.interest, i * N_CATEGORIES, interestTotal(users.interest32, i), u / rate);
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
  const opportunity = lm !== NO_MERCHANT && ctx.merchants.category[lm] === c && (ctx.merchants.sells[lm] & (1 << p)) !== 0;
  // the seeding meets the need (回搜 at the purchase occasion), drawn with the merchant's uniform:
  // below q the seeding merchant, above it the usual draw with the uniform rescaled (so q = 0 changes nothing)
  let via = -1, uDraw = uMerchant;
  if (ctx.needCapture > 0 && p !== DOUYIN) {
    const slot = i * N_CATEGORIES + c;
    const code = users.seeded[slot];
    const m0 = code === NO_MERCHANT ? -1 : seedMerchant(code);
    if (m0 >= 0 && (ctx.merchants.sells[m0] & (1 << p)) !== 0) {
      const q = ctx.needCapture * users.intent[slot] / 255;
      if (uMerchant < q) { m = m0; via = seedVia(code); repeat = m === lm && opportunity; }
      else if (q > 0) uDraw = (uMerchant - q) / (1 - q);
    }
  }
  if (m < 0 && opportunity) {
    const base = (users.flags[i] & FLAG_MEMBER) !== 0 ? ctx.repurchaseMember : ctx.repurchase;
    if (uRepeat < base * (1 - ctx.qualityRepurchase + ctx.qualityRepurchase * ctx.merchants.quality[lm])) { m = lm; repeat = true; }
  }
  if (m < 0) m = ctx.needAlias[p * N_CATEGORIES + c].draw(uDraw);
  if (m < 0) return;
  const pre = users.prebought[i];
  if (pre !== 0 && (pre & (1 << c)) !== 0) {
    // an earlier non-incremental seeded purchase already covered this need: skip it
    users.prebought[i] = pre & ~(1 << c);
    ctx.acc[L.replacedOrders + p] += 1;
    ctx.acc[L.replacedGmv + p] += orderValueFen(ctx, i, c, m);
    return;
  }
  if (opportunity) {
    // repurchase by buyer origin (a metric only): read before the booking rewrites the origin bit
    const k = repurchaseSlot(p, (users.flags[i] & FLAG_RED_LINKED) !== 0 ? ORIGIN_RED_LINKED : ORIGIN_OTHER);
    ctx.acc[L.repurchaseOpportunities + k] += 1;
    if (repeat) ctx.acc[L.repurchaseRepeats + k] += 1;
  }
  if (via < 0) { bookPlainOrder(ctx, i, p, c, PATH_NEED, m, orderValueFen(ctx, i, c, m), repeat); return; }
  // the seeded brand searched and bought: a need-driven order the seeding won (note-seeded, not incremental)
  bookOrder(ctx, i, p, c, PATH_NEED, m, orderValueFen(ctx, i, c, m), via, sharedDataShare(ctx, m, p), repeat, via, true);
  users.intent[i * N_CATEGORIES + c] = 0;
}

/**
 * Douyin's interest e-commerce: short video and live streaming seed and convert
 * inside Douyin's closed loop; an active Douyin user makes an impulse order with
 * a probability set by Douyin's strength (`ctx.douyinRateBy`). Called by the user
 * loop only when its first Douyin uniform `u < rate`.
 */
export function douyinOrder(ctx: DayContext, i: number, u: number, rate: number, rng: Stream): void {
  const c = categoryByInterest(ctx.users.interest, i * N_CATEGORIES, interestTotal(ctx.users.interest32, i), u / rate);
  const m = ctx.needAlias[DOUYIN * N_CATEGORIES + c].draw(rng.next());
  if (m < 0) return;
  bookPlainOrder(ctx, i, DOUYIN, c, PATH_DOUYIN, m, orderValueFen(ctx, i, c, m), false);
}

/**
 * Draw a category in proportion to interest × purchase frequency from one uniform.
 * Unrolled: each weight is loaded and multiplied once (the same products, summed and
 * subtracted in category order as a loop would: bit-identical to it).
 */
function categoryByFrequency(interest: Uint8Array, base: number, frequency: Float64Array, u: number): number {
  const p0 = interest[base] * frequency[0], p1 = interest[base + 1] * frequency[1];
  const p2 = interest[base + 2] * frequency[2], p3 = interest[base + 3] * frequency[3];
  const p4 = interest[base + 4] * frequency[4], p5 = interest[base + 5] * frequency[5];
  const p6 = interest[base + 6] * frequency[6], p7 = interest[base + 7] * frequency[7];
  let x = u * (p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7);
  if ((x -= p0) < 0) return 0;
  if ((x -= p1) < 0) return 1;
  if ((x -= p2) < 0) return 2;
  if ((x -= p3) < 0) return 3;
  if ((x -= p4) < 0) return 4;
  if ((x -= p5) < 0) return 5;
  if ((x -= p6) < 0) return 6;
  return 7;
}

/** Order probabilities of the day by [tier × 256 + spend byte]: rate × tier factor × spend / 64. */
export function orderRates(ctx: DayContext): void {
  for (let tier = 0; tier < 3; tier++) {
    const need = ctx.needRate * ctx.tierSpend[tier];
    const douyin = ctx.douyinRate * ctx.tierSpend[tier];
    for (let s = 0; s < 256; s++) {
      ctx.needRateBy[tier * 256 + s] = need * s / 64;
      ctx.douyinRateBy[tier * 256 + s] = douyin * s / 64;
    }
  }
}
