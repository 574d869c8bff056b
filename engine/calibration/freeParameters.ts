/** The calibration's free parameters (FREE_PARAMETERS) with their search bounds and scales, and the mapping to and from the unit box. */
import { PARAMETER_INDEX, type Parameters } from '../scenario/parameters.ts';

/**
 * A parameter the calibration may move, with the bounds of the search (inside
 * the parameter's own [min, max]) and the scale it is searched on. `targets`
 * names the targets it mainly moves (documentation; the search uses all targets).
 */
export interface FreeParameter {
  key: string;
  min: number;
  max: number;
  /** 'log' for positive parameters spanning orders of magnitude. */
  scale: 'linear' | 'log';
  targets: string[];
}

const fp = (key: string, min: number, max: number, scale: 'linear' | 'log', targets: string[]): FreeParameter => ({ key, min, max, scale, targets });

/**
 * The free parameters of the calibration: the one documented list (docs/calibration.md).
 * Everything else keeps its sourced or assumed value.
 */
export const FREE_PARAMETERS: readonly FreeParameter[] = [
  fp('red.potential', 0.4, 0.9, 'linear', ['red_mau_2022', 'red_mau_2024', 'red_mau_2025']),
  fp('red.bassQ', 0.3, 1.5, 'linear', ['red_mau_2022', 'red_mau_2024', 'red_mau_2025']),
  fp('merchants.channelFloor', 0.0005, 0.04, 'log', ['red_revenue_q1_2024', 'red_revenue_mix_2021', 'red_revenue_2022']),
  fp('merchants.brandShare', 0.3, 0.9, 'linear', ['red_revenue_growth_q1_2024', 'red_revenue_q1_2024', 'red_revenue_2023']),
  fp('merchants.adToSales', 0.03, 0.1, 'log', ['taotian_monetisation_2019', 'red_revenue_2022']),
  fp('seed.adCtrFloor', 0.1, 0.8, 'linear', ['data_sharing_ctr_lift']),
  fp('target.precisionData', 0.25, 0.7, 'linear', ['data_sharing_engagement_lift', 'data_sharing_ctr_lift']),
  fp('funnel.ownStoreConversion', 0.05, 1.2, 'log', ['red_own_store_share_2024', 'red_revenue_mix_2021']),
  fp('seed.noteEngageRate', 0.008, 0.025, 'linear', ['note_driven_decisions', 'red_own_store_share_2024']),
  fp('seed.intentNote', 0.3, 0.8, 'linear', ['note_driven_decisions']),
  fp('douyin.impulseOrdersPerDay', 0.015, 0.07, 'log', ['douyin_gmv_2021', 'douyin_gmv_2024']),
  fp('utility.taotian', 0.8, 2.6, 'linear', ['taotian_share', 'taotian_gmv_fy2021']),
  fp('utility.jd', -0.5, 2.5, 'linear', ['jd_gmv_2021']),
  fp('utility.pdd', -2, 1, 'linear', ['pdd_gmv_2020', 'pdd_gmv_2023']),
  fp('shoppers.growthRate', 0.2, 1, 'log', ['ecommerce_user_growth_2024']),
  fp('market.ordersPerShopperDay', 0.1, 0.3, 'log', ['taotian_gmv_fy2021', 'jd_gmv_2021', 'pdd_gmv_2020']),
  fp('market.spendGrowthFrom2022', -0.06, 0.1, 'linear', ['taotian_gmv_2023', 'pdd_gmv_2023']),
];

/** Check a free-parameter list against the parameter table (known keys, bounds inside [min, max], positive log bounds). */
export function checkFreeParameters(list: readonly FreeParameter[]): void {
  for (const p of list) {
    const def = PARAMETER_INDEX.get(p.key);
    if (!def) throw new RangeError(`free parameter ${p.key}: not a model parameter`);
    if (!(p.min < p.max) || p.min < def.min || p.max > def.max) throw new RangeError(`free parameter ${p.key}: bounds [${p.min}, ${p.max}] must be increasing and inside [${def.min}, ${def.max}]`);
    if (p.scale === 'log' && !(p.min > 0)) throw new RangeError(`free parameter ${p.key}: a log scale needs min > 0, got ${p.min}`);
  }
}

/** Map a parameter value onto [0, 1] of its search box. */
export function toUnit(p: FreeParameter, v: number): number {
  const u = p.scale === 'log' ? Math.log(v / p.min) / Math.log(p.max / p.min) : (v - p.min) / (p.max - p.min);
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** Map a point of [0, 1] back to the parameter value. */
export function fromUnit(p: FreeParameter, u: number): number {
  return p.scale === 'log' ? p.min * Math.pow(p.max / p.min, u) : p.min + u * (p.max - p.min);
}

/** Parameter values of a unit-box point, rounded to 4 significant digits (what gets written to the defaults). */
export function parametersOf(list: readonly FreeParameter[], x: readonly number[]): Parameters {
  const out: Parameters = {};
  list.forEach((p, i) => { out[p.key] = Number(fromUnit(p, x[i]).toPrecision(4)); });
  return out;
}
