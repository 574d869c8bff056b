/** Reference store visits, orders, seeded search, need-driven and Douyin buying (mirrors engine/behaviour/). */
import { DOUYIN, N_CATEGORIES, PATH_DOUYIN, PATH_LINK, PATH_NEED, PATH_OWN_STORE, PATH_SEARCH, RED, TAOTIAN, VIA_ORGANIC } from '../../engine/constants.ts';
import { CHOICE_STRIDE, N_LOYAL, N_MASKS } from '../../engine/behaviour/context.ts';
import { L, ORIGIN_OTHER, ORIGIN_RED_LINKED, pcp, repurchaseSlot, seedRouteSlot } from '../../engine/metrics/ledger.ts';
import { MF, N_MF } from '../../engine/population/merchants.ts';
import type { Person } from './person.ts';
import type { WorldState } from './worldState.ts';

/** Bit mask of the marketplaces (Taotian, JD, PDD[, Douyin]) a person is on. */
function mask(person: Person, withDouyin: boolean): number {
  let m = 0;
  for (let p = 1; p <= (withDouyin ? 4 : 3); p++) if (person.platforms[p]) m |= 1 << (p - 1);
  return m;
}

/** Store entry → add-to-cart → order; true when an order was placed. `route`: seeding route of a note-seeded visit, -1 if none. */
export function storeVisit(w: WorldState, person: Person, p: number, c: number, path: number, m: number, via: number, observed: number, u: number, route: number): boolean {
  const ctx = w.ctx, k = pcp(p, c, path);
  ctx.acc[L.entries + k] += 1;
  ctx.macc[m * N_MF + MF.storeEntries] += 1;
  let cart = ctx.addToCart * (0.5 + 0.5 * ctx.merchants.quality[m]);
  if (p === RED) cart *= ctx.ownStoreConversion;
  const linkedTaotian = path === PATH_LINK && p === TAOTIAN;
  if (linkedTaotian) cart *= 1 + ctx.trafficBoost;
  let order = ctx.orderPerCart * ctx.merchants.priceConversion[m] * Math.min(1, (0.5 + person.spend) / (0.5 + ctx.budgetSensitivity * ctx.priceRel[c]));
  if (linkedTaotian) order *= 1 + 2 * ctx.coupon;
  order = Math.min(1, order);
  cart = Math.min(1, cart) * Math.min(1.5, Math.sqrt(ctx.season));
  if (u >= cart) return false;
  ctx.acc[L.carts + k] += 1;
  ctx.macc[m * N_MF + MF.carts] += 1;
  if (u >= cart * order) return false;
  ctx.macc[m * N_MF + MF.storeOrders] += 1;
  const value = orderValue(w, person, c, m);
  if (linkedTaotian) {
    if (ctx.coupon > 0) ctx.acc[L.couponFen] += Math.round(value * ctx.coupon);
    if (ctx.membership > 0) person.member = true;
  }
  bookOrder(w, person, p, c, path, m, value, via, observed, false, route);
  return true;
}

/** Order value in fen: category price at the merchant's price point, scaled by the person's spending power. */
function orderValue(w: WorldState, person: Person, c: number, m: number): number {
  const ctx = w.ctx;
  return Math.round(ctx.priceFen[c] * ctx.merchants.pricePoint[m] * (ctx.priceBase + ctx.priceSlope * person.spend));
}

/** Book one order in the ledger and the merchant's month; a note-seeded one is incremental or pre-buys the category's next need. */
function bookOrder(w: WorldState, person: Person, p: number, c: number, path: number, m: number, valueFen: number, via: number, observed: number, repeat: boolean, route: number, needMet = false): void {
  const ctx = w.ctx, acc = ctx.acc, macc = ctx.macc, k = pcp(p, c, path), row = m * N_MF;
  acc[L.orders + k] += 1;
  acc[L.gmv + k] += valueFen;
  if (person.platforms[RED]) { acc[L.redUserGmv] += valueFen; acc[L.redUserGmvTier + person.tier] += valueFen; }
  person.loyalPlatform = p;
  person.redLinked = path === PATH_LINK;
  person.lastMerchant = m;
  macc[row + MF.orders] += 1;
  macc[row + MF.gmv] += valueFen;
  if (repeat) { macc[row + MF.repeatOrders] += 1; acc[L.repeatOrders] += 1; }
  if (path === PATH_NEED && p !== DOUYIN) macc[row + MF.needGmvMarket] += valueFen;
  else if (path === PATH_DOUYIN || (path === PATH_NEED && p === DOUYIN)) macc[row + MF.douyinGmv] += valueFen;
  if (p === RED) macc[row + MF.ownStoreGmv] += valueFen;
  if (path === PATH_LINK) macc[row + MF.linkedGmv] += valueFen;
  let incremental = false;
  if (route >= 0 && !needMet) {
    incremental = ctx.incremental[c] >= 1 || w.rng() < ctx.incremental[c];
    if (!incremental) person.prebought[c] = true;
  }
  if (via >= 0) {
    if (incremental && via !== VIA_ORGANIC) macc[row + MF.incrementalPaid] += valueFen;
    macc[row + MF.seededOrganic + via] += valueFen;
    macc[row + MF.observedOrganic + via] += Math.round(valueFen * observed);
    macc[row + MF.seededOrders] += 1;
  }
  if (route >= 0) {
    acc[L.seededOrders] += 1;
    acc[L.seededGmv] += valueFen;
    acc[L.seededAttributedGmv + seedRouteSlot(p, route)] += valueFen;
    if (incremental) acc[L.seededIncrementalGmv + seedRouteSlot(p, route)] += valueFen;
    if (path === PATH_OWN_STORE) acc[L.seededOwnStoreOrders] += 1;
    if (person.seededYear !== ctx.yearTag) { person.seededYear = ctx.yearTag; acc[L.seededYearNew] += 1; }
  }
}

/** Path (b): search a marketplace for a seeded category, then intent decays. */
export function searchPurchase(w: WorldState, person: Person, sum: number): void {
  const ctx = w.ctx, rng = w.rng;
  const p = Math.min(0.9, ctx.searchRate * sum / 255);
  const u = rng();
  if (u < p) {
    let x = (u / p) * sum, c = 0;
    for (; c < N_CATEGORIES - 1; c++) { x -= person.intent[c]; if (x < 0) break; }
    const seeding = person.seededBy[c];
    const row = ((person.tier * N_CATEGORIES + c) * N_MASKS + mask(person, false)) * CHOICE_STRIDE;
    const up = rng();
    let plat = 1;
    while (plat < 4 && up >= ctx.searchChoice[row + plat]) plat++;
    const sells = seeding ? ctx.merchants.sells[seeding.merchant] & 14 : 14;
    if (seeding && ctx.brandSearch > 0 && sells !== 14) {
      // 回搜: the mixture of the usual choice (1 − b) and the choice among the seeder's marketplaces (b), one uniform
      const pi = [1, 2, 3].map((q) => ctx.searchChoice[row + q] - (q === 1 ? 0 : ctx.searchChoice[row + q - 1]));
      const mass = [1, 2, 3].reduce((a, q, k) => a + ((sells & (1 << q)) !== 0 ? pi[k] : 0), 0);
      if (mass > 0) {
        const b = ctx.brandSearch;
        let cum = 0;
        for (let k = 0; k < 3; k++) {
          const w = pi[k] * (1 - b + ((sells & (1 << (k + 1))) !== 0 ? b / mass : 0));
          if (!(w > 0)) continue;
          plat = k + 1;
          cum += w;
          if (up < cum) break;
        }
      }
    }
    let seller = -1;
    if (seeding && (ctx.merchants.sells[seeding.merchant] & (1 << plat)) !== 0 && rng() >= ctx.searchLeakage) seller = seeding.merchant;
    if (seller < 0) seller = ctx.needAlias[plat * N_CATEGORIES + c].draw(rng());
    if (seller >= 0) {
      const credited = seeding !== null && seller === seeding.merchant;
      const observed = credited && (ctx.merchants.program[seller] & (1 << plat)) !== 0 ? ctx.dataLevel[plat] : 0;
      const ordered = storeVisit(w, person, plat, c, PATH_SEARCH, seller, credited ? seeding.via : -1, observed, rng(), seeding ? seeding.via : VIA_ORGANIC);
      person.intent[c] = ordered ? 0 : Math.floor(person.intent[c] / 2);
    }
  }
  person.intent.forEach((v, c) => {
    if (v === 0) return;
    person.intent[c] = Math.floor((v * (ctx.decayUniform ? ctx.intentDecay : ctx.intentDecayBy[c])) / 256);
    if (person.intent[c] === 0) person.seededBy[c] = null;
  });
}

/** A need-driven order (category from `uCategory`), platform by the choice table, repurchase or a new merchant. */
export function needOrder(w: WorldState, person: Person, uCategory: number): void {
  const ctx = w.ctx, rng = w.rng;
  const mk = mask(person, true);
  if (mk === 0) return;
  const c = ctx.frequencyOn ? person.pickCategoryBy(uCategory, ctx.frequency) : person.pickCategory(uCategory);
  const loyal = person.loyalPlatform ?? 5;
  const row = (((person.tier * N_CATEGORIES + c) * N_MASKS + mk) * N_LOYAL + loyal) * CHOICE_STRIDE;
  const up = rng();
  let p = 1;
  while (p < 4 && up >= ctx.needChoice[row + p]) p++;
  const uRepeat = rng(), uMerchant = rng();
  const lm = person.lastMerchant;
  let m = -1, repeat = false, captured = false, uDraw = uMerchant;
  const opportunity = lm !== null && ctx.merchants.category[lm] === c && (ctx.merchants.sells[lm] & (1 << p)) !== 0;
  // 回搜 at the purchase occasion: the seeded brand wins the need-driven order (below q on the merchant's uniform)
  const seeding = person.seededBy[c];
  if (seeding && ctx.needCapture > 0 && p !== DOUYIN && (ctx.merchants.sells[seeding.merchant] & (1 << p)) !== 0) {
    const q = ctx.needCapture * person.intent[c] / 255;
    if (uMerchant < q) { m = seeding.merchant; captured = true; repeat = m === lm && opportunity; }
    else if (q > 0) uDraw = (uMerchant - q) / (1 - q);
  }
  if (m < 0 && opportunity) {
    const base = person.member ? ctx.repurchaseMember : ctx.repurchase;
    if (uRepeat < base * (1 - ctx.qualityRepurchase + ctx.qualityRepurchase * ctx.merchants.quality[lm!])) { m = lm!; repeat = true; }
  }
  if (m < 0) m = ctx.needAlias[p * N_CATEGORIES + c].draw(uDraw);
  if (m < 0) return;
  if (person.prebought[c]) {
    person.prebought[c] = false;
    ctx.acc[L.replacedOrders + p] += 1;
    ctx.acc[L.replacedGmv + p] += orderValue(w, person, c, m);
    return;
  }
  if (opportunity) {
    const k = repurchaseSlot(p, person.redLinked ? ORIGIN_RED_LINKED : ORIGIN_OTHER);
    ctx.acc[L.repurchaseOpportunities + k] += 1;
    if (repeat) ctx.acc[L.repurchaseRepeats + k] += 1;
  }
  if (captured && seeding) {
    const observed = (ctx.merchants.program[m] & (1 << p)) !== 0 ? ctx.dataLevel[p] : 0;
    bookOrder(w, person, p, c, PATH_NEED, m, orderValue(w, person, c, m), seeding.via, observed, repeat, seeding.via, true);
    person.intent[c] = 0;
    return;
  }
  bookOrder(w, person, p, c, PATH_NEED, m, orderValue(w, person, c, m), -1, 0, repeat, -1);
}

/** A Douyin impulse order. */
export function douyinOrder(w: WorldState, person: Person, uCategory: number): void {
  const ctx = w.ctx;
  const c = person.pickCategory(uCategory);
  const m = ctx.needAlias[DOUYIN * N_CATEGORIES + c].draw(w.rng());
  if (m < 0) return;
  bookOrder(w, person, DOUYIN, c, PATH_DOUYIN, m, orderValue(w, person, c, m), -1, 0, false, -1);
}
