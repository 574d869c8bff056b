/** A user's day, the hot loop: runBlock runs one day of a block of users on its BlockStreams, after prepareDay fills the day's tables. */
import { DOUYIN, N_PLATFORMS, RED } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import { BLOCK } from '../population/users.ts';
import { STREAM, Stream } from '../random/stream.ts';
import { adopt, adoptionSlices } from './adoption.ts';
import type { DayContext } from './context.ts';
import { douyinOrder, needOrder, orderRates } from './needPurchase.ts';
import { redSession } from './redSession.ts';
import { searchPurchase } from './searchPurchase.ts';

/** The seven streams one block uses on one day, re-keyed in place (no allocation). */
export class BlockStreams {
  readonly adoption = new Stream();
  readonly churn = new Stream();
  readonly search = new Stream();
  readonly need = new Stream();
  readonly douyin = new Stream();
  /** Re-keyed by (user, day) at each event that draws a variable number of uniforms (an active RED day: redSession; a search: searchPurchase). */
  readonly user = new Stream();
}

/** Per-day tables the user loop reads (adoption slices, order rates); call once per day before runBlock. */
export function prepareDay(ctx: DayContext): void {
  adoptionSlices(ctx);
  orderRates(ctx);
}

/**
 * The hot loop: one day of every user in block b (DESIGN.md §3 "a user's day").
 * Each mechanism draws from its own stream keyed by (seed, mechanism, block, day),
 * so results do not depend on how blocks are spread over workers, and scenarios
 * that agree on a mechanism's inputs draw the same numbers for it.
 *
 * Fast path: every user-day reads a few bytes and draws a few uniforms; the
 * mechanisms' functions are called only when their event happens (adoption,
 * an active RED day, intent to act on, an order).
 */
export function runBlock(ctx: DayContext, b: number, s: BlockStreams): void {
  const users = ctx.users;
  const day = ctx.day;
  const seed = ctx.seed;
  const adoption = s.adoption.reset(seed, STREAM.adoption, b, day);
  const churn = s.churn.reset(seed, STREAM.churn, b, day);
  const search = s.search.reset(seed, STREAM.search, b, day);
  const need = s.need.reset(seed, STREAM.need, b, day);
  const douyin = s.douyin.reset(seed, STREAM.douyin, b, day);
  const user = s.user;
  ctx.incrementalRng = user;
  ctx.block = b;
  const start = b * BLOCK;
  const end = Math.min(users.n, start + BLOCK);
  const { onlineDay, platforms, pool, trust, activity, tier, spend } = users;
  const intent32 = users.intent32;
  const adoptAll = ctx.hazardHi[N_PLATFORMS - 1];
  const floor = ctx.activityFloor;
  const churnBase = ctx.redChurnPerDay, churnTrust = ctx.churnTrust; // churnHazard's constants, hoisted
  const rise = 1 - floor;
  const needRateBy = ctx.needRateBy;
  const douyinRateBy = ctx.douyinRateBy;
  const acc = ctx.acc;
  // adoption and churn streams stepped with their state in locals (sfc32, as Stream.nextUint32)
  let a0 = adoption.a, a1 = adoption.b, a2 = adoption.c, a3 = adoption.d;
  let c0 = churn.a, c1 = churn.b, c2 = churn.c, c3 = churn.d;
  // the need stream too; its state goes back to the Stream object around an order (which draws more)
  let n0 = need.a, n1 = need.b, n2 = need.c, n3 = need.d;
  // the search stream only gates (a search draws from the user's own stream), so its state stays in locals
  let s0 = search.a, s1 = search.b, s2 = search.c, s3 = search.d;
  // the Douyin stream likewise; its state goes back to the Stream object around a Douyin order
  let d0 = douyin.a, d1 = douyin.b, d2 = douyin.c, d3 = douyin.d;
  let newShoppers = 0;
  for (let i = start; i < end; i++) {
    const od = onlineDay[i];
    if (od > day) continue; // not shopping online yet
    if (od === day) newShoppers++;
    // adoption (one uniform per online user-day) and RED churn
    let on = platforms[i];
    const ta = (((a0 + a1) | 0) + a3) | 0;
    a3 = (a3 + 1) | 0; a0 = a1 ^ (a1 >>> 9); a1 = (a2 + (a2 << 3)) | 0; a2 = ((a2 << 21) | (a2 >>> 11)) + ta | 0;
    const ua = (ta >>> 0) / 4294967296;
    if (ua < adoptAll) {
      const missing = pool[i] & ~on;
      if (missing !== 0) on = adopt(ctx, i, on, missing, ua);
    }
    // RED churn and activity: one uniform of the churn stream per online user-day, on RED or not
    const tc = (((c0 + c1) | 0) + c3) | 0;
    c3 = (c3 + 1) | 0; c0 = c1 ^ (c1 >>> 9); c1 = (c2 + (c2 << 3)) | 0; c2 = ((c2 << 21) | (c2 >>> 11)) + tc | 0;
    if ((on & (1 << RED)) !== 0) {
      const uc = (tc >>> 0) / 4294967296;
      const tt = 1 - trust[i]; // churnHazard(ctx, trust[i]), same arithmetic
      const h = churnBase * (1 + churnTrust * tt * tt);
      if (uc < h) {
        on &= ~(1 << RED);
        platforms[i] = on;
        ctx.acc[L.churns] += 1;
      } else {
        acc[L.redUsersTier + tier[i]] += 1; // RED users by city tier (a metric only)
        // an active RED day: the rest of the uniform above the churn hazard, rescaled
        if (uc - h < (1 - h) * (activity[i] / 255) * (floor + rise * trust[i])) redSession(ctx, i, user);
      }
    }
    // seeded intent: search a marketplace, then decay (skipped when all 8 categories are 0); one uniform per online user-day
    const tsr = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0; s0 = s1 ^ (s1 >>> 9); s1 = (s2 + (s2 << 3)) | 0; s2 = ((s2 << 21) | (s2 >>> 11)) + tsr | 0;
    const us = (tsr >>> 0) / 4294967296;
    const w0 = intent32[2 * i], w1 = intent32[2 * i + 1];
    if ((w0 | w1) !== 0) {
      let x = (w0 & 0x00ff00ff) + ((w0 >>> 8) & 0x00ff00ff) + (w1 & 0x00ff00ff) + ((w1 >>> 8) & 0x00ff00ff);
      x = (x & 0xffff) + (x >>> 16);
      searchPurchase(ctx, i, x, us, user);
    }
    // need-driven order and Douyin impulse order: one uniform each, the rest only on an order
    const ts = tier[i] * 256 + spend[i];
    const tn = (((n0 + n1) | 0) + n3) | 0;
    n3 = (n3 + 1) | 0; n0 = n1 ^ (n1 >>> 9); n1 = (n2 + (n2 << 3)) | 0; n2 = ((n2 << 21) | (n2 >>> 11)) + tn | 0;
    const un = (tn >>> 0) / 4294967296;
    const rn = needRateBy[ts];
    if (un < rn) {
      need.a = n0; need.b = n1; need.c = n2; need.d = n3;
      needOrder(ctx, i, un, rn, need);
      n0 = need.a; n1 = need.b; n2 = need.c; n3 = need.d;
    }
    // one uniform per online user-day, on Douyin or not
    const td = (((d0 + d1) | 0) + d3) | 0;
    d3 = (d3 + 1) | 0; d0 = d1 ^ (d1 >>> 9); d1 = (d2 + (d2 << 3)) | 0; d2 = ((d2 << 21) | (d2 >>> 11)) + td | 0;
    if ((on & (1 << DOUYIN)) !== 0) {
      const ud = (td >>> 0) / 4294967296;
      const rd = douyinRateBy[ts];
      if (ud < rd) {
        douyin.a = d0; douyin.b = d1; douyin.c = d2; douyin.d = d3;
        douyinOrder(ctx, i, ud, rd, douyin);
        d0 = douyin.a; d1 = douyin.b; d2 = douyin.c; d3 = douyin.d;
      }
    }
  }
  ctx.acc[L.newShoppers] += newShoppers;
}
