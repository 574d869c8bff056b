/** Percentile bootstrap of a statistic over independent units (bootstrap): a deterministic Estimate with its 95% interval. */
import { hashString, Stream } from '../random/stream.ts';

/** A point estimate with a bootstrap percentile interval. */
export interface Estimate {
  value: number;
  /** 2.5% and 97.5% percentiles of the bootstrap distribution (95% interval). */
  lo: number;
  hi: number;
}

/** Default number of bootstrap resamples. */
export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * Percentile bootstrap of a statistic of n independent units (trajectories, base
 * samples): `stat(indices)` computes it on a resample given as unit indices.
 * Deterministic: resamples come from a counter-based stream keyed by `seed`.
 */
export function bootstrap(n: number, stat: (idx: Int32Array) => number, seed = 1, resamples = BOOTSTRAP_RESAMPLES): Estimate {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const value = stat(all);
  const rng = new Stream().reset(seed, hashString('bootstrap'), 0, 0);
  const draws: number[] = [];
  const idx = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rng.next() * n);
    const v = stat(idx);
    if (Number.isFinite(v)) draws.push(v);
  }
  draws.sort((a, c) => a - c);
  const q = (p: number) => (draws.length ? draws[Math.min(draws.length - 1, Math.max(0, Math.round(p * (draws.length - 1))))] : NaN);
  return { value, lo: q(0.025), hi: q(0.975) };
}
