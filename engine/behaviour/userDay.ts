import { DOUYIN, N_CATEGORIES, RED } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import { BLOCK } from '../population/users.ts';
import { STREAM, Stream } from '../random/stream.ts';
import { adoptAndChurn } from './adoption.ts';
import type { DayContext } from './context.ts';
import { douyinPurchase, needPurchase } from './needPurchase.ts';
import { redSession } from './redSession.ts';
import { searchPurchase } from './searchPurchase.ts';

/** The six streams one block uses on one day, re-keyed in place (no allocation). */
export class BlockStreams {
  readonly adoption = new Stream();
  readonly churn = new Stream();
  readonly red = new Stream();
  readonly search = new Stream();
  readonly need = new Stream();
  readonly douyin = new Stream();
}

/**
 * The hot loop: one day of every user in block b (DESIGN.md §3 "a user's day").
 * Each mechanism draws from its own stream keyed by (seed, mechanism, block, day),
 * so results do not depend on how blocks are spread over workers, and scenarios
 * that agree on a mechanism's inputs draw the same numbers for it.
 */
export function runBlock(ctx: DayContext, b: number, s: BlockStreams): void {
  const users = ctx.users;
  const day = ctx.day;
  const seed = ctx.seed;
  s.adoption.reset(seed, STREAM.adoption, b, day);
  s.churn.reset(seed, STREAM.churn, b, day);
  s.red.reset(seed, STREAM.red, b, day);
  s.search.reset(seed, STREAM.search, b, day);
  s.need.reset(seed, STREAM.need, b, day);
  s.douyin.reset(seed, STREAM.douyin, b, day);
  const start = b * BLOCK;
  const end = Math.min(users.n, start + BLOCK);
  const onlineDay = users.onlineDay;
  const platforms = users.platforms;
  const intent = users.intent;
  for (let i = start; i < end; i++) {
    const od = onlineDay[i];
    if (od > day) continue; // not shopping online yet
    if (od === day) ctx.acc[L.newShoppers] += 1;
    adoptAndChurn(ctx, i, s.adoption, s.churn);
    const on = platforms[i];
    if ((on & (1 << RED)) !== 0) {
      const a = (users.activity[i] / 255) * (ctx.activityFloor + (1 - ctx.activityFloor) * users.trust[i]);
      if (s.red.next() < a) redSession(ctx, i, s.red);
    }
    let sum = 0;
    const base = i * N_CATEGORIES;
    for (let c = 0; c < N_CATEGORIES; c++) sum += intent[base + c];
    if (sum !== 0) searchPurchase(ctx, i, sum, s.search);
    needPurchase(ctx, i, s.need);
    if ((on & (1 << DOUYIN)) !== 0) douyinPurchase(ctx, i, s.douyin);
  }
}
