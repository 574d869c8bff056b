import { N_CATEGORIES, PATH_SEARCH } from '../constants.ts';
import { NO_MERCHANT } from '../population/users.ts';
import type { Stream } from '../random/stream.ts';
import { CHOICE_STRIDE, N_MASKS, type DayContext } from './context.ts';
import { storeVisit } from './storeVisit.ts';

/**
 * Path (b): a seeded user without a link searches a marketplace later. The chance
 * grows with the intent stock; the search finds the seeding merchant unless it
 * leaks to another merchant (or the merchant does not sell on the chosen
 * marketplace). Data sharing lets program merchants see a share of these sales.
 * Then intent decays. `sum` is the user's total intent (0–255 per category).
 */
export function searchPurchase(ctx: DayContext, i: number, sum: number, rng: Stream): void {
  const users = ctx.users;
  const base = i * N_CATEGORIES;
  let p = ctx.searchRate * sum / 255;
  if (p > 0.9) p = 0.9;
  const u = rng.next();
  if (u < p) {
    // category in proportion to intent, reusing the uniform
    let x = (u / p) * sum;
    let c = 0;
    for (; c < N_CATEGORIES - 1; c++) { x -= users.intent[base + c]; if (x < 0) break; }
    const slot = base + c;
    const code = users.seeded[slot];
    const m0 = code === NO_MERCHANT ? -1 : code & 0x3fff;
    const via = code === NO_MERCHANT ? -1 : code >>> 14;
    const mask = (users.platforms[i] >>> 1) & 7;
    const row = ((users.tier[i] * N_CATEGORIES + c) * N_MASKS + mask) * CHOICE_STRIDE;
    const up = rng.next();
    let plat = 1;
    while (plat < 4 && up >= ctx.searchChoice[row + plat]) plat++;
    let m = -1;
    if (m0 >= 0 && (ctx.merchants.sells[m0] & (1 << plat)) !== 0 && rng.next() >= ctx.searchLeakage) m = m0;
    const seller = m >= 0 ? m : ctx.needAlias[plat * N_CATEGORIES + c].draw(rng.next());
    if (seller >= 0) {
      const credited = seller === m0;
      const observed = credited && (ctx.merchants.program[m0] & (1 << plat)) !== 0 ? ctx.dataLevel[plat] : 0;
      const ordered = storeVisit(ctx, i, plat, c, PATH_SEARCH, seller, credited ? via : -1, observed, rng.next(), true);
      users.intent[slot] = ordered ? 0 : users.intent[slot] >>> 1;
    }
  }
  // decay of the intent stock
  const q = ctx.intentDecay;
  for (let c = 0; c < N_CATEGORIES; c++) {
    const v = users.intent[base + c];
    if (v !== 0) {
      const nv = (v * q) >>> 8;
      users.intent[base + c] = nv;
      if (nv === 0) users.seeded[base + c] = NO_MERCHANT;
    }
  }
}
