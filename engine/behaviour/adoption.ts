import { N_PLATFORMS, RED } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import type { Stream } from '../random/stream.ts';
import type { DayContext } from './context.ts';

/**
 * Platform adoption (Bass-type hazard p + q·adopted share, for people in each
 * platform's market potential) and RED churn (a base hazard raised by missing
 * trust). One or two uniforms.
 */
export function adoptAndChurn(ctx: DayContext, i: number, rng: Stream): void {
  const users = ctx.users;
  const on = users.platforms[i];
  const missing = users.pool[i] & ~on;
  if (missing !== 0) {
    let total = 0;
    for (let p = 0; p < N_PLATFORMS; p++) if ((missing & (1 << p)) !== 0) total += ctx.hazard[p];
    const u = rng.next();
    if (u < total) {
      let x = u;
      for (let p = 0; p < N_PLATFORMS; p++) {
        if ((missing & (1 << p)) === 0) continue;
        x -= ctx.hazard[p];
        if (x < 0) {
          users.platforms[i] = on | (1 << p);
          ctx.acc[L.adoptions + p] += 1;
          if (p === RED) users.trust[i] = ctx.trustInitial;
          break;
        }
      }
    }
  }
  if ((users.platforms[i] & (1 << RED)) !== 0) {
    const t = 1 - users.trust[i];
    if (rng.next() < ctx.redChurnPerDay * (1 + ctx.churnTrust * t * t)) {
      users.platforms[i] &= ~(1 << RED);
      ctx.acc[L.churns] += 1;
    }
  }
}
