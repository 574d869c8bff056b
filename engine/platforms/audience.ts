/** Who is on each platform: users per platform and per platform pool, online shoppers, and the Bass adoption hazards they drive. */
import { N_PLATFORMS, RED } from '../constants.ts';
import type { UserLoop } from '../behaviour/userLoop.ts';
import { L } from '../metrics/ledger.ts';
import type { Team } from '../parallel/team.ts';
import type { Parameters } from '../scenario/parameters.ts';

export interface Audience {
  /** Users on each platform (agents). */
  adopters: Float64Array;
  /** Users in each platform's adoption pool (agents). */
  poolSize: Float64Array;
  /** Online shoppers (agents). */
  shoppers: number;
  bassP: number[];
  bassQ: number[];
}

/** Count the population at the start of the run (this member's users [from, to), summed over the team). */
export function countAudience(loop: UserLoop, team: Team, from: number, to: number, params: Parameters): Audience {
  const counts = new Float64Array(2 * N_PLATFORMS + 1); // adopters, pool sizes, online shoppers (whole numbers)
  loop.countStart(from, to, counts);
  team.sum(counts);
  const other = (key: 'platforms.bassP' | 'platforms.bassQ') => Array.from({ length: N_PLATFORMS - 1 }, () => params[key]);
  return {
    adopters: counts.slice(0, N_PLATFORMS),
    poolSize: counts.slice(N_PLATFORMS, 2 * N_PLATFORMS),
    shoppers: counts[2 * N_PLATFORMS],
    bassP: [params['red.bassP'], ...other('platforms.bassP')],
    bassQ: [params['red.bassQ'], ...other('platforms.bassQ')],
  };
}

/** Bass adoption hazard per day for a pool member not yet on each platform: (p + q × adopted share of the pool) / 365. */
export function adoptionHazards(a: Audience, hazard: Float64Array): void {
  for (let p = 0; p < N_PLATFORMS; p++) {
    const F = a.poolSize[p] > 0 ? a.adopters[p] / a.poolSize[p] : 0;
    hazard[p] = (a.bassP[p] + a.bassQ[p] * F) / 365;
  }
}

/** Apply the day's adoptions, churn and new shoppers, and add the day's audience gauges to the ledger. */
export function recordAudienceDay(a: Audience, acc: Float64Array): void {
  for (let p = 0; p < N_PLATFORMS; p++) a.adopters[p] += acc[L.adoptions + p];
  a.adopters[RED] -= acc[L.churns];
  a.shoppers += acc[L.newShoppers];
  for (let p = 0; p < N_PLATFORMS; p++) acc[L.adopters + p] += a.adopters[p];
  acc[L.shoppers] += a.shoppers;
}
