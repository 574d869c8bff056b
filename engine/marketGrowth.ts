/** marketGrowth: the growth factor of need-driven orders per shopper since 2018 (one rate to 2021, another from 2022). */
import type { Parameters } from './scenario/parameters.ts';

/** Years from 2018-01-01 to 2022-01-01, when `market.spendGrowthFrom2022` takes over. */
const LATE_FROM = 4;

/**
 * Orders per shopper relative to 2018 after `t` years: (1 + g)^t up to 2022, then
 * (1 + g₂) a year. With g₂ = g it is the single-rate formula, computed the same way (bit-identical).
 */
export function marketGrowth(params: Parameters, t: number): number {
  const g = params['market.spendGrowth'], g2 = params['market.spendGrowthFrom2022'];
  if (g2 === g || t <= LATE_FROM) return Math.pow(1 + g, t);
  return Math.pow(1 + g, LATE_FROM) * Math.pow(1 + g2, t - LATE_FROM);
}
