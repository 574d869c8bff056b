/** The calibration distance: a value's normalised position in its target range (rangeZ), its loss with a centre pull, and their weighted sum. */
import type { Target } from './targetsFile.ts';
import { isFitted } from './targetsFile.ts';

/**
 * Weight of the pull towards the middle of a range, relative to the penalty
 * for leaving it. A small pull keeps the calibrated model away from the edges,
 * where another seed or agent count could push it out.
 */
export const CENTRE_PULL = 0.05;

/**
 * Normalised position of a simulated value in a target's range:
 * z = (value − centre) / half-width, so z ∈ [−1, 1] inside the range.
 * A zero-width range uses 1% of |centre| (or 1) as half-width.
 */
export function rangeZ(value: number, range: readonly [number, number]): number {
  const c = (range[0] + range[1]) / 2;
  const h = (range[1] - range[0]) / 2 || Math.max(Math.abs(c) * 0.01, 1e-12);
  return (value - c) / h;
}

/**
 * One target's share of the calibration distance: (|z| − 1)² outside the range
 * plus CENTRE_PULL · z² everywhere; a non-finite value (the run does not cover
 * the target) costs as much as |z| = 10.
 */
export function targetLoss(value: number, range: readonly [number, number], pull = CENTRE_PULL): number {
  const z = rangeZ(value, range);
  if (!Number.isFinite(z)) return 81 + pull * 100;
  const out = Math.abs(z) > 1 ? Math.abs(z) - 1 : 0;
  return out * out + pull * z * z;
}

/**
 * The calibration distance: the sum of targetLoss over every fitted target (not a
 * sanity band, not soft), with optional per-id weights (default 1). 0 is unreachable (the
 * centre pull) unless every value sits at its range centre; every value inside its
 * range gives at most CENTRE_PULL × targets.
 */
export function calibrationDistance(targets: readonly Target[], values: ReadonlyMap<string, number>, weights: Readonly<Record<string, number>> = {}, pull = CENTRE_PULL): number {
  let d = 0;
  for (const t of targets) {
    if (!isFitted(t)) continue;
    d += (weights[t.id] ?? 1) * targetLoss(values.get(t.id) ?? NaN, t.range, pull);
  }
  return d;
}
