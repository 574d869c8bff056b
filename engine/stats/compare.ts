/** compare: two scenarios run with common random numbers, their per-segment and per-year figures reported as paired differences b − a with intervals. */
import { compareArms } from './compareArms.ts';
import type { Comparison, CompareRunOptions } from './compareTypes.ts';

/** Options of `compare`. */
export interface CompareOptions extends CompareRunOptions {
  /** Called after each simulated month of each run. */
  onProgress?: (arm: 'a' | 'b', rep: number, reps: number, day: number, days: number) => void;
}

export { SEGMENT_METRICS, YEAR_METRICS } from './compareMetrics.ts';
export type { Comparison, ComparisonManifest, CompareRunOptions } from './compareTypes.ts';

/**
 * Compare two scenarios with common random numbers: replication i runs both arms
 * with the same seed, so where their policies do not differ they draw the same
 * numbers and the paired difference b − a isolates the policy's effect. Reports,
 * per segment (union of both arms' phase boundaries) and platform, GMV, ad revenue,
 * commission, seeding conversion and trust, and per calendar year the merchants'
 * RED ROI; each with a paired Student-t interval and the unpaired (Welch) interval
 * the same runs would give if the seeds were independent.
 */
export function compare(a: unknown, b: unknown, options: CompareOptions = {}): Comparison {
  const { onProgress, ...rest } = options;
  return compareArms([a, b], {
    ...rest,
    onProgress: onProgress ? (arm, rep, reps, day, days) => onProgress(arm === 0 ? 'a' : 'b', rep, reps, day, days) : undefined,
  }).comparisons[0];
}
