/** Path (b), searching later: a seeded user searches a marketplace and may buy there (searchPurchase), then intent decays (decayIntent). */
import { JD, N_CATEGORIES, PATH_SEARCH, PDD, TAOTIAN, VIA_ORGANIC } from '../constants.ts';
import { NO_MERCHANT, seedMerchant, seedVia, type Users } from '../population/users.ts';
import { STREAM, type Stream } from '../random/stream.ts';
import { CHOICE_STRIDE, N_MASKS, type DayContext } from './context.ts';
import { sharedDataShare } from './sharedDataShare.ts';
import { LITTLE_ENDIAN } from './decayTable.ts';
import { storeVisit } from './storeVisit.ts';

/**
 * Path (b): a seeded user without a link searches a marketplace later. The chance
 * grows with the intent stock; the search finds the seeding merchant unless it
 * leaks to another merchant (or the merchant does not sell on the chosen
 * marketplace). Data sharing lets program merchants see a share of these sales.
 * Intent without a seeding merchant (unbranded organic notes) counts as organic
 * seeding. Then intent decays. `sum` is the user's total intent (0–255 per category).
 */
export function searchPurchase(ctx: DayContext, i: number, sum: number, u: number, user: Stream): void {
  const users = ctx.users;
  const base = i * N_CATEGORIES;
  let p = ctx.searchRate * sum / 255;
  if (p > 0.9) p = 0.9;
  if (u < p) {
    const rng = user.reset(ctx.seed, STREAM.searchUser, i, ctx.day);
    // category in proportion to intent, reusing the uniform
    let x = (u / p) * sum;
    let c = 0;
    for (; c < N_CATEGORIES - 1; c++) { x -= users.intent[base + c]; if (x < 0) break; }
    const slot = base + c;
    const code = users.seeded[slot];
    const m0 = code === NO_MERCHANT ? -1 : seedMerchant(code);
    const via = code === NO_MERCHANT ? -1 : seedVia(code);
    const mask = (users.platforms[i] >>> 1) & 7;
    const row = ((users.tier[i] * N_CATEGORIES + c) * N_MASKS + mask) * CHOICE_STRIDE;
    const up = rng.next();
    let plat = 1;
    while (plat < 4 && up >= ctx.searchChoice[row + plat]) plat++;
    if (m0 >= 0 && ctx.brandSearch > 0) plat = brandPlatform(ctx.searchChoice, row, ctx.merchants.sells[m0], up, ctx.brandSearch, plat);
    let m = -1;
    if (m0 >= 0 && (ctx.merchants.sells[m0] & (1 << plat)) !== 0 && rng.next() >= ctx.searchLeakage) m = m0;
    const seller = m >= 0 ? m : ctx.needAlias[plat * N_CATEGORIES + c].draw(rng.next());
    if (seller >= 0) {
      const credited = seller === m0;
      const observed = credited ? sharedDataShare(ctx, m0, plat) : 0;
      const ordered = storeVisit(ctx, i, plat, c, PATH_SEARCH, seller, credited ? via : -1, observed, rng.next(), via >= 0 ? via : VIA_ORGANIC);
      users.intent[slot] = ordered ? 0 : users.intent[slot] >>> 1;
    }
  }
  if (ctx.decayUniform) decayIntent(users, i, ctx.intentDecay);
  else decayIntentBy(users, i, ctx.intentDecayTable);
}

/** Bits of the three marketplaces in a merchant's `sells`. */
const MARKETPLACES = (1 << TAOTIAN) | (1 << JD) | (1 << PDD);

/**
 * The marketplace a user seeded by a merchant searches (回搜): with probability `b` the user
 * looks where the merchant sells, choosing among those of its marketplaces by the usual
 * preferences; otherwise as any search. One uniform `up` draws from the mixture, so a merchant
 * that sells on every marketplace (or on none of the user's) keeps the unrestricted choice
 * `plat` exactly.
 */
function brandPlatform(choice: Float64Array, row: number, sells: number, up: number, b: number, plat: number): number {
  if ((sells & MARKETPLACES) === MARKETPLACES) return plat;
  let mass = 0, prev = 0;
  for (let p = 1; p <= 3; p++) { if ((sells & (1 << p)) !== 0) mass += choice[row + p] - prev; prev = choice[row + p]; }
  if (!(mass > 0)) return plat;
  let cum = 0, last = plat;
  prev = 0;
  for (let p = 1; p <= 3; p++) {
    const pi = choice[row + p] - prev;
    prev = choice[row + p];
    const w = pi * (1 - b + ((sells & (1 << p)) !== 0 ? b / mass : 0));
    if (!(w > 0)) continue;
    last = p;
    cum += w;
    if (up < cum) return p;
  }
  return last;
}

/** Bytes of a 32-bit word that are not zero: 0x80 in each such byte. */
function nonZeroBytes(w: number): number {
  return ((((w & 0x7f7f7f7f) + 0x7f7f7f7f) | w) & 0x80808080) >>> 0;
}

/** Categories of word h of user i whose intent died (0x80 in their byte of `died`) forget who seeded them. */
function forgetSeeders(users: Users, i: number, h: number, died: number): void {
  for (let k = 0; k < 4; k++) {
    if ((died & (0x80 << (8 * k))) === 0) continue;
    users.seeded[i * N_CATEGORIES + 4 * h + (LITTLE_ENDIAN ? k : 3 - k)] = NO_MERCHANT;
  }
}

/**
 * Decay user i's intent stock: each category v → (v × q) >>> 8, four categories
 * per 32-bit word (two 16-bit lanes per multiply; v × q < 2^16 since q ≤ 256).
 * A category that decays to 0 forgets who seeded it.
 */
export function decayIntent(users: Users, i: number, q: number): void {
  const words = users.intent32;
  for (let h = 0; h < 2; h++) {
    const w = words[2 * i + h];
    if (w === 0) continue;
    const even = (((w & 0x00ff00ff) * q) >>> 8) & 0x00ff00ff;
    const odd = (((w >>> 8) & 0x00ff00ff) * q) & 0xff00ff00;
    const nw = (even | odd) >>> 0;
    words[2 * i + h] = nw;
    const died = nonZeroBytes(w) & ~nonZeroBytes(nw);
    if (died !== 0) forgetSeeders(users, i, h, died);
  }
}

/**
 * Decay user i's intent stock with a multiplier per category (consideration length):
 * v → (v × q[c]) >>> 8 (the same arithmetic as decayIntent, so equal multipliers give
 * the same stock), by lookup in `decayTable` (decayTableFor(q), built once per run),
 * four categories per 32-bit word without a branch per category. A category that
 * decays to 0 forgets who seeded it.
 */
export function decayIntentBy(users: Users, i: number, decayTable: Uint8Array): void {
  const words = users.intent32;
  for (let h = 0; h < 2; h++) {
    const w = words[2 * i + h];
    if (w === 0) continue;
    const t = 1024 * h; // rows of bytes 0..3 of word h (rows are in byte order, see decayTableFor)
    const nw = (decayTable[t + (w & 0xff)] | (decayTable[t + 256 + ((w >>> 8) & 0xff)] << 8)
      | (decayTable[t + 512 + ((w >>> 16) & 0xff)] << 16) | (decayTable[t + 768 + (w >>> 24)] << 24)) >>> 0;
    words[2 * i + h] = nw;
    const died = nonZeroBytes(w) & ~nonZeroBytes(nw);
    if (died !== 0) forgetSeeders(users, i, h, died);
  }
}
