/**
 * The ceiling (issue 7, bench item 3): a bare pass that reads every byte of every
 * user column once per user-day and writes back the columns the model mutates —
 * the same per-agent bytes as the model, in the same user-at-a-time order, with no
 * random numbers and no decisions. Nothing a user loop over these columns can beat.
 */
import { allocateUsers, bytesPerUser, type Users } from '../../engine/population/users.ts';

/** One pass of `days` days over all users; returns a checksum (so the work cannot be optimised away). */
function barePass(u: Users, days: number): number {
  const n = u.n;
  const seeded32 = new Uint32Array(u.seeded.buffer, u.seeded.byteOffset, n * 4);
  const { tier, pool, onlineDay, interest32, topCategory, activity, adTolerance, spend } = u;
  const { platforms, intent32, trust, loyalPlatform, lastMerchant, lastActiveMonth, activeYear, seededYear, flags } = u;
  let check = 0;
  for (let d = 0; d < days; d++) {
    const x = d & 0xff;
    for (let i = 0; i < n; i++) {
      // read-only columns
      check += tier[i] + pool[i] + onlineDay[i] + topCategory[i] + activity[i] + adTolerance[i] + spend[i]
        + ((interest32[2 * i] ^ interest32[2 * i + 1]) & 0xff);
      // read-modify-write columns
      platforms[i] ^= x & 1;
      intent32[2 * i] ^= x; intent32[2 * i + 1] ^= x;
      seeded32[4 * i] ^= x; seeded32[4 * i + 1] ^= x; seeded32[4 * i + 2] ^= x; seeded32[4 * i + 3] ^= x;
      trust[i] = 1 - trust[i];
      loyalPlatform[i] ^= x; lastMerchant[i] ^= x; lastActiveMonth[i] ^= x; activeYear[i] ^= x; seededYear[i] ^= x; flags[i] ^= x;
    }
  }
  return check;
}

/** Time the bare pass over `agents` users for `days` days (fresh columns). */
export function measureCeiling(agents: number, days: number): { ms: number; bytesPerUser: number; userDaysPerSec: number } {
  const u = allocateUsers(agents);
  for (let i = 0; i < agents; i++) { u.trust[i] = 0.5; u.spend[i] = i & 0xff; }
  barePass(u, 3); // warm-up
  const t0 = performance.now();
  const check = barePass(u, days);
  const ms = performance.now() - t0;
  if (!Number.isFinite(check)) throw new Error('bare pass checksum is not finite');
  return { ms, bytesPerUser: bytesPerUser(), userDaysPerSec: (agents * days) / (ms / 1000) };
}
