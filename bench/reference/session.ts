/** Reference RED session and seeding (mirrors engine/behaviour/redSession.ts and seedIntent.ts). */
import { DOUYIN, N_CATEGORIES, PATH_LINK, PATH_OWN_STORE, PATH_SEARCH, RED, VIA_FEED_AD, VIA_ORGANIC, VIA_SPONSORED } from '../../engine/constants.ts';
import { AD_GROUP, adGroupImpressionSlot, adGroupSlot, engagementSlot, impressionSlot, L } from '../../engine/metrics/ledger.ts';
import { MF, N_MF } from '../../engine/population/merchants.ts';
import type { Person } from './person.ts';
import { storeVisit } from './shopping.ts';
import type { WorldState } from './worldState.ts';

const FEED_FOCUS = 0.5;

/** Poisson by inversion (capped at 50). */
function poisson(mean: number, u: number): number {
  if (mean <= 0) return 0;
  let p = Math.exp(-mean), cdf = p, k = 0;
  while (u > cdf && k < 50) { k++; p *= mean / k; cdf += p; }
  return k;
}

/** One active RED day: impressions, note engagements, ad clicks, trust. */
export function redSession(w: WorldState, person: Person): void {
  const ctx = w.ctx, acc = ctx.acc, macc = ctx.macc, rng = w.rng;
  let trust = person.trust;
  acc[L.dau] += 1;
  ctx.blockTrust[w.block] += trust;
  if (person.lastActiveMonth !== ctx.monthTag) { person.lastActiveMonth = ctx.monthTag; acc[L.mauNew] += 1; }
  if (person.activeYear !== ctx.yearTag) { person.activeYear = ctx.yearTag; acc[L.activeYearNew] += 1; }

  let impF = ctx.impressions * (0.5 + person.activity);
  if (person.platforms[DOUYIN]) impF *= 1 - ctx.douyinTimeLoss;
  const imps = Math.floor(impF + rng());
  const adImps = Math.min(imps, Math.floor(imps * ctx.adLoad + rng()));
  const noteImps = imps - adImps;

  const top = person.topCategory;
  const topV = person.interest[top];
  const meanPow = person.interest.map((v) => ctx.matchPow[v]).reduce((a, b) => a + b, 0) / N_CATEGORIES;
  const meanLin = person.interestTotal() / (255 * N_CATEGORIES);

  const other = person.pickCategory(rng());
  const focusN = Math.floor(noteImps * FEED_FOCUS + 0.5);
  for (const [c, n] of [[top, focusN], [other, noteImps - focusN]]) {
    const sponsored = Math.min(n, Math.floor(n * ctx.sponsoredShare[c] + rng()));
    acc[impressionSlot(c, VIA_SPONSORED)] += sponsored;
    acc[impressionSlot(c, VIA_ORGANIC)] += n - sponsored;
  }

  const lambdaN = noteImps * ctx.noteEngageRate * trust * (FEED_FOCUS * ctx.matchPow[topV] + (1 - FEED_FOCUS) * meanPow);
  const nEng = poisson(lambdaN, rng());
  let linked = 0;
  for (let e = 0; e < nEng; e++) {
    const c = rng() < FEED_FOCUS ? top : person.pickCategory(rng());
    const sponsored = rng() < ctx.sponsoredShare[c];
    let m = -1, auth = 0.95;
    if (sponsored) { m = ctx.sponsoredAlias[c].draw(rng()); auth = ctx.authenticity[c]; }
    else if (rng() < ctx.brandMention) m = ctx.organicAlias[c].draw(rng());
    const via = sponsored ? VIA_SPONSORED : VIA_ORGANIC;
    acc[engagementSlot(c, via)] += 1;
    if (m >= 0) macc[m * N_MF + (sponsored ? MF.engSponsored : MF.engOrganic)] += 1;
    if (seedIntent(w, person, c, m, via, sponsored, ctx.intentNote * ctx.contentFit[c] * auth * (0.5 + 0.5 * trust))) linked++;
  }

  const nProg = Math.min(adImps, Math.floor(adImps * ctx.programFeedShare + rng()));
  const groups = [adImps - nProg, nProg];
  groups.forEach((n, g) => {
    if (n <= 0) return;
    const pi = ctx.precision[g];
    const eff = pi * (topV / 255) + (1 - pi) * meanLin;
    const ctr = ctx.adCtr * (ctx.adCtrFloor + (1 - ctx.adCtrFloor) * eff) * (0.5 + 0.5 * trust);
    const clicks = poisson(n * ctr, rng());
    acc[adGroupSlot(g, AD_GROUP.clicks)] += clicks;
    const focus = Math.floor(n * pi + rng());
    const other = Math.floor(rng() * N_CATEGORIES);
    acc[impressionSlot(top, VIA_FEED_AD)] += focus;
    acc[impressionSlot(other, VIA_FEED_AD)] += n - focus;
    acc[adGroupImpressionSlot(g, top)] += focus;
    acc[adGroupImpressionSlot(g, other)] += n - focus;
    for (let k = 0; k < clicks; k++) {
      const c = rng() < pi ? top : Math.floor(rng() * N_CATEGORIES);
      let m = ctx.feedAlias[g * N_CATEGORIES + c].draw(rng());
      if (m < 0) m = ctx.feedAlias[(1 - g) * N_CATEGORIES + c].draw(rng());
      if (m < 0) continue;
      macc[m * N_MF + MF.adClicks] += 1;
      const engaged = rng() < ctx.adEngageRate * ctx.matchPow[person.interest[c]];
      if (engaged) {
        acc[adGroupSlot(g, AD_GROUP.engagements)] += 1;
        acc[engagementSlot(c, VIA_FEED_AD)] += 1;
        macc[m * N_MF + MF.engAd] += 1;
      }
      if (seedIntent(w, person, c, m, VIA_FEED_AD, true, ctx.intentAdClick * ctx.contentFit[c] * (engaged ? 2 : 1))) linked++;
    }
  });

  const excess = Math.max(0, ctx.adLoad - person.adTolerance);
  trust += ctx.trustRecovery * (1 - trust) - ctx.trustAd * excess - ctx.trustInauthenticDay - ctx.trustLink * linked;
  person.trust = Math.min(1, Math.max(0, trust));
}

/** Engagement adds intent; then the outbound link or the RED store may be taken at once. True when the note carried a link. */
function seedIntent(w: WorldState, person: Person, c: number, m: number, via: number, isAd: boolean, boost: number): boolean {
  const ctx = w.ctx, rng = w.rng, merchants = ctx.merchants;
  person.intent[c] = Math.min(255, person.intent[c] + Math.round(255 * boost));
  if (m < 0) return false;
  person.seededBy[c] = { merchant: m, via };
  const intent = person.intent[c] / 255;
  const dest = merchants.home[m];
  const mode = ctx.linkMode[dest];
  if ((mode & (isAd ? 2 : 1)) !== 0 && ctx.linkOk[m] !== 0) {
    if (rng() < ctx.linkClickRate * intent) {
      ctx.acc[L.linkOuts + dest * N_CATEGORIES + c] += 1;
      ctx.macc[m * N_MF + MF.linkOuts] += 1;
      if (rng() < 1 - ctx.friction[dest] * ctx.searchLeakage) {
        if (storeVisit(w, person, dest, c, PATH_LINK, m, via, 1, rng(), via)) person.intent[c] = 0;
      } else {
        // a leaked click behaves like a leaked search: another seller, untracked, still note-seeded
        const seller = ctx.needAlias[dest * N_CATEGORIES + c].draw(rng());
        if (seller >= 0) {
          const credited = seller === m;
          const observed = credited && (merchants.program[m] & (1 << dest)) !== 0 ? ctx.dataLevel[dest] : 0;
          const ordered = storeVisit(w, person, dest, c, PATH_SEARCH, seller, credited ? via : -1, observed, rng(), via);
          person.intent[c] = ordered ? 0 : Math.floor(person.intent[c] / 2);
        }
      }
    }
    return true;
  }
  if (ctx.ownStoreOn && merchants.storeRank[m] < ctx.ownStoreShare) {
    const push = ctx.ownStorePush + (via === VIA_ORGANIC ? 0.5 * ctx.buyerSelling : 0);
    if (rng() < push * intent) {
      if (storeVisit(w, person, RED, c, PATH_OWN_STORE, m, via, 1, rng(), via)) person.intent[c] = 0;
    }
  }
  return false;
}
