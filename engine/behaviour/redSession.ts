/** One active RED day of a user (redSession): feed impressions, note engagements and ad clicks that seed intent and move trust. */
import { DOUYIN, N_CATEGORIES, VIA_FEED_AD, VIA_ORGANIC, VIA_SPONSORED } from '../constants.ts';
import { AD_GROUP, adGroupImpressionSlot, adGroupSlot, engagementSlot, impressionSlot, L } from '../metrics/ledger.ts';
import { MF, N_MF } from '../population/merchants.ts';
import { poissonFromUniform } from '../random/distributions.ts';
import { STREAM, type Stream } from '../random/stream.ts';
import type { DayContext } from './context.ts';
import { seedIntent } from './seedIntent.ts';

/** Share of organic feed impressions RED's own recommender aims at the user's top category (assumed). */
const FEED_FOCUS = 0.5;

/** Sum of user i's eight interest bytes, from the two 32-bit words of `interest32` (SWAR: no per-byte loads). */
export function interestTotal(interest32: Uint32Array, i: number): number {
  const w0 = interest32[2 * i], w1 = interest32[2 * i + 1];
  const x = (w0 & 0x00ff00ff) + ((w0 >>> 8) & 0x00ff00ff) + (w1 & 0x00ff00ff) + ((w1 >>> 8) & 0x00ff00ff);
  return (x & 0xffff) + (x >>> 16);
}

/** Draw a category in proportion to the user's interests (summing to `total`) from one uniform. */
export function categoryByInterest(interest: Uint8Array, base: number, total: number, u: number): number {
  let x = u * total;
  for (let c = 0; c < N_CATEGORIES; c++) {
    x -= interest[base + c];
    if (x < 0) return c;
  }
  return N_CATEGORIES - 1;
}

/**
 * One active RED day of user i: feed impressions split into notes and ads by the
 * ad load; engagements with notes (organic or sponsored) and clicks on ads
 * (targeted with the precision of the advertiser's group) seed intent; the day's
 * ad load, inauthentic content and the linked notes engaged with move trust.
 */
export function redSession(ctx: DayContext, i: number, user: Stream): void {
  const rng = user.reset(ctx.seed, STREAM.red, i, ctx.day);
  const users = ctx.users;
  const acc = ctx.acc;
  const macc = ctx.macc;
  const base = i * N_CATEGORIES;
  const interest = users.interest;
  let trust = users.trust[i];
  acc[L.dau] += 1;
  ctx.blockTrust[ctx.block] += trust;
  if (users.lastActiveMonth[i] !== ctx.monthTag) { users.lastActiveMonth[i] = ctx.monthTag; acc[L.mauNew] += 1; }
  if (users.activeYear[i] !== ctx.yearTag) { users.activeYear[i] = ctx.yearTag; acc[L.activeYearNew] += 1; }

  // Impressions: fewer for users who also spend time on Douyin.
  const act = users.activity[i] / 255;
  let impF = ctx.impressions * (0.5 + act);
  if ((users.platforms[i] & (1 << DOUYIN)) !== 0) impF *= 1 - ctx.douyinTimeLoss;
  const imps = Math.floor(impF + rng.next());
  let adImps = Math.floor(imps * ctx.adLoad + rng.next());
  if (adImps > imps) adImps = imps;
  const noteImps = imps - adImps;

  const top = users.topCategory[i];
  const topV = interest[base + top];
  const total = interestTotal(users.interest32, i);
  let meanPow = 0;
  for (let c = 0; c < N_CATEGORIES; c++) meanPow += ctx.matchPow[interest[base + c]];
  meanPow /= N_CATEGORIES;
  const meanLin = total / (255 * N_CATEGORIES);
  const topLin = topV / 255;

  // Impression bookkeeping: the focused share on the top category, the rest on one interest-drawn category.
  const other = categoryByInterest(interest, base, total, rng.next());
  const focusN = Math.floor(noteImps * FEED_FOCUS + 0.5);
  bookNoteImpressions(ctx, top, focusN, rng.next());
  bookNoteImpressions(ctx, other, noteImps - focusN, rng.next());

  // Notes: engagements follow interest match and trust.
  const lambdaN = noteImps * ctx.noteEngageRate * trust * (FEED_FOCUS * ctx.matchPow[topV] + (1 - FEED_FOCUS) * meanPow);
  const nEng = poissonFromUniform(lambdaN, rng.next());
  let linked = 0; // notes and ads engaged with that carried an outbound link
  for (let e = 0; e < nEng; e++) {
    const c = rng.next() < FEED_FOCUS ? top : categoryByInterest(interest, base, total, rng.next());
    const sponsored = rng.next() < ctx.sponsoredShare[c];
    let m = -1;
    let auth = 0.95;
    if (sponsored) { m = ctx.sponsoredAlias[c].draw(rng.next()); auth = ctx.authenticity[c]; }
    else if (rng.next() < ctx.brandMention) m = ctx.organicAlias[c].draw(rng.next());
    const via = sponsored ? VIA_SPONSORED : VIA_ORGANIC;
    acc[engagementSlot(c, via)] += 1;
    if (m >= 0) macc[m * N_MF + (sponsored ? MF.engSponsored : MF.engOrganic)] += 1;
    linked += seedIntent(ctx, i, c, m, via, sponsored, ctx.intentNote * ctx.contentFit[c] * auth * (0.5 + 0.5 * trust), rng);
  }

  // Feed ads, by advertiser group: program members are targeted more precisely.
  const nProg = Math.floor(adImps * ctx.programFeedShare + rng.next());
  for (let g = 0; g < 2; g++) {
    const n = g === 1 ? (nProg > adImps ? adImps : nProg) : adImps - (nProg > adImps ? adImps : nProg);
    if (n <= 0) continue;
    const pi = ctx.precision[g];
    const eff = pi * topLin + (1 - pi) * meanLin;
    const ctr = ctx.adCtr * (ctx.adCtrFloor + (1 - ctx.adCtrFloor) * eff) * (0.5 + 0.5 * trust);
    const clicks = poissonFromUniform(n * ctr, rng.next());
    acc[adGroupSlot(g, AD_GROUP.clicks)] += clicks;
    const focus = Math.floor(n * pi + rng.next());
    const other = (rng.next() * N_CATEGORIES) | 0;
    acc[impressionSlot(top, VIA_FEED_AD)] += focus;
    acc[impressionSlot(other, VIA_FEED_AD)] += n - focus;
    acc[adGroupImpressionSlot(g, top)] += focus;
    acc[adGroupImpressionSlot(g, other)] += n - focus;
    for (let k = 0; k < clicks; k++) {
      const c = rng.next() < pi ? top : (rng.next() * N_CATEGORIES) | 0;
      let m = ctx.feedAlias[g * N_CATEGORIES + c].draw(rng.next());
      if (m < 0) m = ctx.feedAlias[(1 - g) * N_CATEGORIES + c].draw(rng.next());
      if (m < 0) continue;
      const row = m * N_MF;
      macc[row + MF.adClicks] += 1;
      const engaged = rng.next() < ctx.adEngageRate * ctx.matchPow[interest[base + c]];
      if (engaged) {
        acc[adGroupSlot(g, AD_GROUP.engagements)] += 1;
        acc[engagementSlot(c, VIA_FEED_AD)] += 1;
        macc[row + MF.engAd] += 1;
      }
      linked += seedIntent(ctx, i, c, m, VIA_FEED_AD, true, ctx.intentAdClick * ctx.contentFit[c] * (engaged ? 2 : 1), rng);
    }
  }

  // Trust: recovers, falls with ad load above tolerance, inauthentic commercial notes, and outbound links.
  const tol = users.adTolerance[i] / 510;
  const excess = ctx.adLoad > tol ? ctx.adLoad - tol : 0;
  trust += ctx.trustRecovery * (1 - trust) - ctx.trustAd * excess - ctx.trustInauthenticDay - ctx.trustLink * linked;
  users.trust[i] = trust < 0 ? 0 : trust > 1 ? 1 : trust;
}

function bookNoteImpressions(ctx: DayContext, c: number, n: number, u: number): void {
  const s = Math.floor(n * ctx.sponsoredShare[c] + u);
  const sponsored = s > n ? n : s;
  ctx.acc[impressionSlot(c, VIA_SPONSORED)] += sponsored;
  ctx.acc[impressionSlot(c, VIA_ORGANIC)] += n - sponsored;
}
