/** Platform choice: logit utilities per tier and category, and the cumulative choice tables for need-driven orders and seeded searches. */
import { DOUYIN, JD, N_CATEGORIES, PDD, TAOTIAN } from '../constants.ts';
import { CHOICE_STRIDE, N_LOYAL, N_MASKS } from '../behaviour/context.ts';
import type { PolicyState } from '../scenario/policy.ts';
import type { Parameters } from '../scenario/parameters.ts';

const ELECTRONICS = 5;

/**
 * Platform utilities (logit) for a tier and category: Taotian, JD (electronics
 * bonus), PDD (lower-tier bonus and a yearly trend), Douyin (its strength), and
 * the marketplaces' content tabs.
 */
function utilities(params: Parameters, policy: PolicyState, tier: number, c: number, years: number, out: Float64Array): void {
  const tab = params['utility.contentTab'];
  out[TAOTIAN] = params['utility.taotian'] + tab * policy.contentTab.taotian;
  out[JD] = params['utility.jd'] + (c === ELECTRONICS ? params['utility.jdElectronicsBonus'] : 0) + tab * policy.contentTab.jd;
  out[PDD] = params['utility.pdd'] + (tier === 2 ? params['utility.pddLowerTierBonus'] : 0) + params['utility.pddTrend'] * years + tab * policy.contentTab.pdd;
  out[DOUYIN] = params['utility.douyin'] + Math.log(Math.max(0.01, policy.douyinStrength));
}

/**
 * Fill the cumulative choice tables for need-driven orders (platforms the user
 * is on, with a loyalty bonus) and for seeded searches (marketplaces only).
 * `years` is the time since 2018-01-01 in years.
 */
export function fillChoiceTables(needChoice: Float64Array, searchChoice: Float64Array, params: Parameters, policy: PolicyState, years: number): void {
  const u = new Float64Array(5);
  const e = new Float64Array(5);
  const loyaltyBonus = params['utility.loyalty'];
  for (let tier = 0; tier < 3; tier++) {
    for (let c = 0; c < N_CATEGORIES; c++) {
      utilities(params, policy, tier, c, years, u);
      for (let mask = 0; mask < N_MASKS; mask++) {
        for (let loyal = 0; loyal < N_LOYAL; loyal++) {
          let total = 0;
          for (let p = 1; p <= 4; p++) {
            e[p] = (mask & (1 << (p - 1))) !== 0 ? Math.exp(u[p] + (loyal === p ? loyaltyBonus : 0)) : 0;
            total += e[p];
          }
          const row = (((tier * N_CATEGORIES + c) * N_MASKS + mask) * N_LOYAL + loyal) * CHOICE_STRIDE;
          let cum = 0;
          for (let p = 1; p <= 4; p++) { cum += total > 0 ? e[p] / total : p === 1 ? 1 : 0; needChoice[row + p] = cum; }
          needChoice[row + 4] = 1;
        }
        // searches: marketplaces only (mask bits 0..2); nobody on one searches Taobao
        let total = 0;
        for (let p = 1; p <= 3; p++) { e[p] = (mask & (1 << (p - 1))) !== 0 ? Math.exp(u[p]) : 0; total += e[p]; }
        const row = ((tier * N_CATEGORIES + c) * N_MASKS + mask) * CHOICE_STRIDE;
        let cum = 0;
        for (let p = 1; p <= 3; p++) { cum += total > 0 ? e[p] / total : p === 1 ? 1 : 0; searchChoice[row + p] = cum; }
        searchChoice[row + 3] = 1;
        searchChoice[row + 4] = 1;
      }
    }
  }
}
