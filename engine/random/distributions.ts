/** Random draws from a Stream: Poisson by inversion, normal, beta, gamma and Pareto draws, and weighted index picks. */
import type { Stream } from './stream.ts';

/**
 * Poisson draw by inversion from one uniform; exact for the small means the
 * daily user loop needs (capped at 50 events).
 */
export function poissonFromUniform(mean: number, u: number): number {
  if (mean <= 0) return 0;
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 50) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Standard normal by Box–Muller (used only when building populations, not per day). */
export function normal(rng: Stream): number {
  let u = rng.next();
  if (u < 1e-12) u = 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Beta(a, b) via two gamma draws (Marsaglia–Tsang); population building only. */
export function beta(rng: Stream, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Gamma(shape, 1) by Marsaglia–Tsang, with the shape < 1 boost. */
export function gamma(rng: Stream, shape: number): number {
  if (shape < 1) {
    const u = Math.max(rng.next(), 1e-12);
    return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Pareto(xm, alpha) draw; heavy-tailed sizes and follower counts. */
export function pareto(rng: Stream, xm: number, alpha: number): number {
  return xm / Math.pow(1 - rng.next() * 0.999999, 1 / alpha);
}

/** Index drawn from non-negative weights (linear scan; setup code only). */
export function pickWeighted(weights: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}
