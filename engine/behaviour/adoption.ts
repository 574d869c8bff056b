import { N_PLATFORMS, RED } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import type { Stream } from '../random/stream.ts';
import type { DayContext } from './context.ts';

/**
 * Platform adoption (Bass-type hazard p + q·adopted share, for people in each
 * platform's market potential) and RED churn (a base hazard raised by missing
 * trust).
 *
 * Common random numbers: exactly one adoption uniform per online user-day, and
 * platform p adopts when it falls in p's own fixed slice of [0, 1) — so whether a
 * user joins Douyin does not depend on whether they are on RED. Churn draws from
 * its own stream.
 */
export function adoptAndChurn(ctx: DayContext, i: number, adoption: Stream, churn: Stream): void {
  const users = ctx.users;
  const on = users.platforms[i];
  const u = adoption.next();
  const missing = users.pool[i] & ~on;
  if (missing !== 0) {
    let lo = 0;
    for (let p = 0; p < N_PLATFORMS; p++) {
      const hi = lo + ctx.hazard[p];
      if ((missing & (1 << p)) !== 0 && u >= lo && u < hi) {
        users.platforms[i] = on | (1 << p);
        ctx.acc[L.adoptions + p] += 1;
        if (p === RED) users.trust[i] = ctx.trustInitial;
        break;
      }
      lo = hi;
    }
  }
  if ((users.platforms[i] & (1 << RED)) !== 0) {
    const t = 1 - users.trust[i];
    if (churn.next() < ctx.redChurnPerDay * (1 + ctx.churnTrust * t * t)) {
      users.platforms[i] &= ~(1 << RED);
      ctx.acc[L.churns] += 1;
    }
  }
}
