/**
 * The merchants' media decision (monthly; DESIGN.md §3 "merchants learn from what they can see"),
 * on the marketing-mix structure of Jin et al. (2017), Google Meridian and Meta Robyn:
 * - each channel's effect builds up in a geometric adstock (carry-over λ per channel) and
 *   saturates (Hill curve of shape 1, half-saturation κ × the merchant's monthly sales);
 * - a merchant holds a belief about each channel's long-run return (GMV per RMB of its own net
 *   spend) with an uncertainty, updated each month by a Kalman step from what it can measure:
 *   the measurement's precision is the channel's measurement quality (search and Douyin ads
 *   fully visible; RED traced through links and own-store sales, data sharing reveals the rest);
 * - a risk-averse merchant ranks channels by certainty equivalent, mean − ρ × sd; a guarantee
 *   that refunds a share of the fee when ROI falls short shrinks the downside by that share;
 * - the performance budget goes toward equal perceived marginal return on the Hill curves
 *   anchored at the current spend, closing a share of the gap each month;
 * - the brand budget follows share of voice, tilted toward RED by how much better than the
 *   prior the merchant's certainty-equivalent RED return now looks (`createBrandTilt`).
 */
import { CH_RED_FEED, CH_RED_NOTES, CH_SEARCH, N_CHANNELS } from '../constants.ts';
import type { Merchants } from '../population/merchants.ts';
import type { Parameters } from '../scenario/parameters.ts';

/** Per merchant × channel (rows of N_CHANNELS): adstock (fen), belief mean (GMV per RMB) and variance; per merchant, the tilt of its brand budget toward RED. */
export interface MediaBeliefs {
  adstock: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
  /** Odds multiplier of RED against Douyin in the merchant's brand budget (1 = share of voice alone); see `createBrandTilt`. */
  redTilt: Float64Array;
}

/** Channel key of the per-channel parameters, in CHANNELS order. */
export const CHANNEL_KEYS = ['redFeed', 'redNotes', 'search', 'douyin'] as const;

const channelParams = (params: Parameters, prefix: string): Float64Array => Float64Array.from(CHANNEL_KEYS.map((k) => params[`${prefix}.${k}`]));

/** Merchants' prior beliefs: every merchant starts from the channel priors with the prior uncertainty. */
export function createBeliefs(M: Merchants, params: Parameters): MediaBeliefs {
  const prior = channelParams(params, 'media.prior');
  const cv = params['media.priorCv'];
  const B: MediaBeliefs = { adstock: new Float64Array(M.m * N_CHANNELS), mean: new Float64Array(M.m * N_CHANNELS), variance: new Float64Array(M.m * N_CHANNELS), redTilt: new Float64Array(M.m).fill(1) };
  for (let i = 0; i < M.m; i++) {
    for (let k = 0; k < N_CHANNELS; k++) {
      B.mean[i * N_CHANNELS + k] = prior[k];
      B.variance[i * N_CHANNELS + k] = (cv * prior[k]) ** 2;
    }
  }
  return B;
}

/** What the month gives a merchant to learn from: per channel, its own net spend (fen) and the GMV it can measure (fen), and the measurement quality in (0, 1]. */
export interface Measurement {
  netSpend: Float64Array;
  gmv: Float64Array;
  quality: Float64Array;
}

/**
 * Carry the adstock forward with this month's net spend and update each belief by a Kalman
 * step: the observation is the measured GMV per unit of adstock, in long-run terms (÷ (1 − λ));
 * its noise variance is the prior variance × (1 − q) / q for measurement quality q; beliefs
 * drift (process noise) so that uncertainty never vanishes.
 */
export function updateBeliefs(M: Merchants, B: MediaBeliefs, params: Parameters, x: Measurement): void {
  const carry = channelParams(params, 'media.carryover');
  const prior = channelParams(params, 'media.prior');
  const cv = params['media.priorCv'];
  const drift = params['media.drift'];
  for (let i = 0; i < M.m; i++) {
    for (let k = 0; k < N_CHANNELS; k++) {
      const s = i * N_CHANNELS + k;
      const a = x.netSpend[s] + carry[k] * B.adstock[s];
      B.adstock[s] = a;
      const v0 = (cv * prior[k]) ** 2;
      B.variance[s] += drift * v0;
      if (!(a > 0) || !(x.netSpend[s] > 0)) continue; // nothing spent this month: nothing measured
      const q = Math.min(1, Math.max(1e-6, x.quality[s]));
      const y = x.gmv[s] / a / (1 - carry[k]);
      const noise = v0 * (1 - q) / q;
      const gain = B.variance[s] / (B.variance[s] + noise);
      B.mean[s] += gain * (y - B.mean[s]);
      B.variance[s] *= 1 - gain;
    }
  }
}

/** Target shares of one merchant's performance budget: see `createTargetShares`. */
export type TargetShares = (
  M: Merchants, B: MediaBeliefs, i: number, budget: number, currentSpend: Float64Array,
  cover: Float64Array, allowed: Uint8Array, out: Float64Array,
) => number;

/**
 * The allocation step, prepared once from the parameters (no allocation per merchant):
 * target shares of merchant i's performance budget `budget` (fen) per channel, written into
 * `out` (rows of N_CHANNELS at i): equal marginal perceived return on Hill curves R(x) = β x / (x + K)
 * anchored so that the average return at the current spend equals the certainty equivalent.
 * `cover[k]` is the share of the downside a guarantee covers on channel k; `allowed[k]` 0 for a
 * channel the merchant cannot use. Returns the budget-weighted certainty equivalent (GMV per RMB).
 */
export function createTargetShares(params: Parameters): TargetShares {
  const rho = params['media.riskAversion'];
  // half-saturation spend per unit of monthly sales, in steady-state spend terms: κ_k (1 − λ_k)
  const saturation = Float64Array.from(CHANNEL_KEYS.map((k) => params[`media.halfSaturation.${k}`] * (1 - params[`media.carryover.${k}`])));
  const beta = new Float64Array(N_CHANNELS), K = new Float64Array(N_CHANNELS), x = new Float64Array(N_CHANNELS);
  const on = new Uint8Array(N_CHANNELS);
  return (M, B, i, budget, currentSpend, cover, allowed, out) => {
    const base = i * N_CHANNELS;
    for (let k = 0; k < N_CHANNELS; k++) {
      const s = base + k;
      const ce = Math.max(0, B.mean[s] - rho * Math.sqrt(B.variance[s]) * (1 - cover[k]));
      K[k] = saturation[k] * Math.max(M.gmvSmooth[i], 1);
      beta[k] = ce * (currentSpend[s] + K[k]);
      on[k] = allowed[k] !== 0 && beta[k] > 0 ? 1 : 0;
      x[k] = 0;
    }
    // active-set solution of Σ_k (sqrt(β_k K_k / μ) − K_k) = budget over the channels with x_k > 0
    for (let iter = 0; iter < N_CHANNELS; iter++) {
      let num = 0, den = budget;
      for (let k = 0; k < N_CHANNELS; k++) if (on[k]) { num += Math.sqrt(beta[k] * K[k]); den += K[k]; }
      if (num === 0) break;
      const rootMu = num / den;
      let dropped = false;
      for (let k = 0; k < N_CHANNELS; k++) {
        x[k] = on[k] ? Math.sqrt(beta[k] * K[k]) / rootMu - K[k] : 0;
        if (on[k] && x[k] <= 0) { on[k] = 0; dropped = true; x[k] = 0; }
      }
      if (!dropped) break;
    }
    let total = 0, ceSum = 0;
    for (let k = 0; k < N_CHANNELS; k++) total += x[k];
    for (let k = 0; k < N_CHANNELS; k++) {
      out[base + k] = total > 0 ? x[k] / total : 0;
      if (total > 0) ceSum += (x[k] / total) * (beta[k] / (currentSpend[base + k] + K[k]));
    }
    if (!(total > 0)) out[base + CH_SEARCH] = 1; // nothing looks worth buying: keep the marketplace's ads
    return ceSum;
  };
}

/**
 * The brand-budget tilt, prepared once from the parameters: merchant i's odds of RED against
 * Douyin in its brand budget are multiplied by 1 − w + w × CE_RED / CE_prior, w =
 * `media.brandTilt` the share of the brand decision that follows measurement, CE_RED its
 * certainty-equivalent RED return (feed ads and sponsored notes weighted by
 * `merchants.redFeedSplit`, the guarantee's cover shrinking the downside) and CE_prior the same
 * at the prior. Better measurement of a RED that works, or a guarantee, tilts brand money toward
 * RED; w = 0 leaves share of voice alone (tilt exactly 1); the tilt never falls below 1 − w.
 */
export function createBrandTilt(params: Parameters): (B: MediaBeliefs, i: number, cover: number) => number {
  const w = params['media.brandTilt'];
  const rho = params['media.riskAversion'];
  const split = params['merchants.redFeedSplit'];
  const cv = params['media.priorCv'];
  const prior = split * params['media.prior.redFeed'] + (1 - split) * params['media.prior.redNotes'];
  const reference = prior * (1 - rho * cv);
  return (B, i, cover) => {
    if (w === 0 || !(reference > 0)) return 1;
    const f = i * N_CHANNELS + CH_RED_FEED, n = i * N_CHANNELS + CH_RED_NOTES;
    const ceFeed = Math.max(0, B.mean[f] - rho * Math.sqrt(B.variance[f]) * (1 - cover));
    const ceNotes = Math.max(0, B.mean[n] - rho * Math.sqrt(B.variance[n]) * (1 - cover));
    return 1 - w + w * (split * ceFeed + (1 - split) * ceNotes) / reference;
  };
}
