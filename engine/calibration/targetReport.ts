/** The targets report: targets measured on a Result (measureTargets), pass or miss over replications (targetReport), and its counts. */
import type { Result } from '../metrics/result.ts';
import { MEASURES } from '../metrics/targets.ts';
import { meanInterval, type Interval } from '../stats/summary.ts';
import { rangeZ } from './distance.ts';
import { isSanityBand, type Target } from './targetsFile.ts';

/** One line of a targets report: the target, the simulated value over replications, pass or miss. */
export interface TargetRow {
  id: string;
  metric: string;
  period: string;
  unit: string;
  /** The reported figure (null for a sanity band). */
  target: number | null;
  range: [number, number];
  /** True for a sanity band (not fitted, reported only). */
  sanity: boolean;
  /** True for a soft target (reported, not fitted: it conflicts with better-sourced ones). */
  soft: boolean;
  /** Mean and 95% Student-t interval of the simulated value over replications (one run: NaN-wide interval). */
  simulated: Interval;
  /** Simulated value of every replication, in seed order. */
  values: number[];
  /** Normalised position of the mean in the range: z ∈ [−1, 1] inside. */
  z: number;
  /** The mean lies inside the range (bounds included). */
  pass: boolean;
  /** How it is measured on a Result. */
  measure: string;
}

/** Measure every target on one Result: id → simulated value (NaN when the run does not cover the period). */
export function measureTargets(result: Result, targets: readonly Target[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) {
    const m = MEASURES[t.measure ?? t.id];
    if (!m) throw new Error(`target ${t.id}: no measure named ${JSON.stringify(t.measure ?? t.id)}`);
    out.set(t.id, m.measure(result));
  }
  return out;
}

/** The targets report over the measured values of R replications (each a map from measureTargets). */
export function targetReport(targets: readonly Target[], replications: readonly ReadonlyMap<string, number>[]): TargetRow[] {
  return targets.map((t) => {
    const m = MEASURES[t.measure ?? t.id];
    const values = replications.map((v) => v.get(t.id) ?? NaN);
    const simulated = meanInterval(values);
    const pass = Number.isFinite(simulated.mean) && simulated.mean >= t.range[0] && simulated.mean <= t.range[1];
    return {
      id: t.id, metric: t.metric, period: t.period, unit: m.unit, target: t.value, range: t.range, sanity: isSanityBand(t), soft: t.soft === true,
      simulated, values, z: rangeZ(simulated.mean, t.range), pass, measure: m.doc,
    };
  });
}

/** Counts of a report: fitted targets passed / fitted targets, soft targets passed / soft, and sanity bands passed / bands. */
export function reportCounts(rows: readonly TargetRow[]): { passed: number; fitted: number; softPassed: number; soft: number; sanityPassed: number; sanity: number } {
  const fitted = rows.filter((r) => !r.sanity && !r.soft), soft = rows.filter((r) => !r.sanity && r.soft), bands = rows.filter((r) => r.sanity);
  return {
    passed: fitted.filter((r) => r.pass).length, fitted: fitted.length, softPassed: soft.filter((r) => r.pass).length, soft: soft.length,
    sanityPassed: bands.filter((r) => r.pass).length, sanity: bands.length,
  };
}
