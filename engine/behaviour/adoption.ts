/** Platform adoption (Bass-type hazard, one uniform per user-day in fixed platform slices) and RED churn raised by missing trust. */
import { N_PLATFORMS, RED } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import type { DayContext } from './context.ts';

/**
 * Platform adoption (Bass-type hazard p + q·adopted share, for people in each
 * platform's market potential) and RED churn (a base hazard raised by missing
 * trust).
 *
 * Common random numbers: exactly one adoption uniform `u` per online user-day, and
 * platform p adopts when `u` falls in p's own fixed slice of [0, 1) — so whether a
 * user joins Douyin does not depend on whether they are on RED. Churn draws from
 * its own stream. The user loop (userDay.ts) calls `adopt` only when
 * `u < ctx.hazardHi[N_PLATFORMS - 1]` and the user misses some pool platform.
 * Returns the user's platform bits after adoption.
 */
export function adopt(ctx: DayContext, i: number, on: number, missing: number, u: number): number {
  const hi = ctx.hazardHi;
  for (let p = 0; p < N_PLATFORMS; p++) {
    if (u >= hi[p]) continue; // slices are [hi[p-1], hi[p])
    if ((missing & (1 << p)) === 0) return on; // u in the slice of a platform the user is on or cannot join
    const now = on | (1 << p);
    ctx.users.platforms[i] = now;
    ctx.acc[L.adoptions + p] += 1;
    if (p === RED) ctx.users.trust[i] = ctx.trustInitial;
    return now;
  }
  return on;
}

/** RED churn hazard per day at a trust level: base × (1 + s·(1 − trust)²). The user loop (userDay.ts) inlines the same arithmetic with the constants hoisted. */
export function churnHazard(ctx: DayContext, trust: number): number {
  const t = 1 - trust;
  return ctx.redChurnPerDay * (1 + ctx.churnTrust * t * t);
}

/** Cumulative adoption slices of the day: hazardHi[p] = Σ_{q ≤ p} hazard[q] (summed in platform order). */
export function adoptionSlices(ctx: DayContext): void {
  let lo = 0;
  for (let p = 0; p < N_PLATFORMS; p++) {
    const hi = lo + ctx.hazard[p];
    ctx.hazardHi[p] = hi;
    lo = hi;
  }
}
