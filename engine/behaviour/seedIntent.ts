/** Seeded intent from engaging with a note or ad (seedIntent) and its in-session purchase paths: the outbound link and the merchant's RED store. */
import { N_CATEGORIES, PATH_LINK, PATH_OWN_STORE, PATH_SEARCH, RED, VIA_ORGANIC } from '../constants.ts';
import { linkOutSlot } from '../metrics/ledger.ts';
import { MF, N_MF } from '../population/merchants.ts';
import { seedCode } from '../population/users.ts';
import type { Stream } from '../random/stream.ts';
import type { DayContext } from './context.ts';
import { sharedDataShare } from './sharedDataShare.ts';
import { storeVisit } from './storeVisit.ts';

/**
 * Engagement with a note or ad of merchant m (m < 0: no brand) in category c adds
 * seeded intent, remembers who seeded it, then offers the in-session purchase
 * paths: (a) the outbound link when the policy and the merchant allow it,
 * (c) the merchant's RED store. Path (b), searching later, is in searchPurchase.
 * Returns 1 when the note or ad engaged with carried an outbound link (it costs
 * trust: `trust.linkSensitivity`, charged by redSession), else 0.
 */
export function seedIntent(ctx: DayContext, i: number, c: number, m: number, via: number, isAd: boolean, boost: number, rng: Stream): number {
  const users = ctx.users;
  const slot = i * N_CATEGORIES + c;
  const next = users.intent[slot] + Math.round(255 * boost);
  users.intent[slot] = next > 255 ? 255 : next;
  if (m < 0) return 0;
  users.seeded[slot] = seedCode(m, via);
  const merchants = ctx.merchants;
  const intent = users.intent[slot] / 255;
  const dest = merchants.home[m];
  const mode = ctx.linkMode[dest];
  // (a) outbound link on this note, if the note kind and the merchant are eligible
  if ((mode & (isAd ? 2 : 1)) !== 0 && ctx.linkOk[m] !== 0) {
    if (rng.next() < ctx.linkClickRate * intent) {
      ctx.acc[linkOutSlot(dest, c)] += 1;
      ctx.macc[m * N_MF + MF.linkOuts] += 1;
      // deep links land on the product page; high friction leaks like a search
      if (rng.next() < 1 - ctx.friction[dest] * ctx.searchLeakage) {
        if (storeVisit(ctx, i, dest, c, PATH_LINK, m, via, 1, rng.next())) users.intent[slot] = 0;
      } else {
        leakedClick(ctx, i, dest, c, m, via, slot, rng);
      }
    }
    return 1;
  }
  // (c) RED's own store, for merchants that have one
  if (ctx.ownStoreOn && merchants.storeRank[m] < ctx.ownStoreShare) {
    const push = ctx.ownStorePush + (via === VIA_ORGANIC ? 0.5 * ctx.buyerSelling : 0);
    if (rng.next() < push * intent) {
      if (storeVisit(ctx, i, RED, c, PATH_OWN_STORE, m, via, 1, rng.next())) users.intent[slot] = 0;
    }
  }
  return 0;
}

/**
 * A link click that leaked (friction): the user ends up searching the destination
 * marketplace, exactly as a leaked search in searchPurchase does: the seller is drawn
 * like a need-driven order's, the purchase is untracked (search path, credited to the
 * seeding merchant only if the draw finds it, seen only through shared data) but
 * still note-seeded; intent is spent on an order and halves otherwise.
 */
function leakedClick(ctx: DayContext, i: number, dest: number, c: number, m: number, via: number, slot: number, rng: Stream): void {
  const seller = ctx.needAlias[dest * N_CATEGORIES + c].draw(rng.next());
  if (seller < 0) return;
  const credited = seller === m;
  const observed = credited ? sharedDataShare(ctx, m, dest) : 0;
  const users = ctx.users;
  const ordered = storeVisit(ctx, i, dest, c, PATH_SEARCH, seller, credited ? via : -1, observed, rng.next(), via);
  users.intent[slot] = ordered ? 0 : users.intent[slot] >>> 1;
}
