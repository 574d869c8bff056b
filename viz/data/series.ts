import { pairedRow } from '../../engine/stats/pairedRow.ts';
import type { Arm, ViewModel } from './viewModel.ts';

/** One point of a band series: mean and 95% interval (lo = hi = mean with one replication). */
export interface BandPoint { period: string; mean: number; lo: number; hi: number }

/**
 * The monthly series of one metric and platform for an arm, aligned to the
 * view's months (NaN where the arm does not cover a month).
 */
export function monthly(view: ViewModel, arm: Arm, metric: string, platform: string): BandPoint[] {
  return view.months.map((period) => {
    const s = arm.figures.get('series', period, platform, metric);
    if (!s) return { period, mean: NaN, lo: NaN, hi: NaN };
    return { period, mean: s.mean, lo: Number.isFinite(s.lo) ? s.lo : s.mean, hi: Number.isFinite(s.hi) ? s.hi : s.mean };
  });
}

/**
 * The paired monthly difference what-if − baseline of one metric and platform:
 * replication i of both arms ran with the same seed, so the interval is the
 * Student-t interval of the R per-seed differences (engine `pairedRow`, seeds where
 * both arms are finite).
 */
export function monthlyDiff(view: ViewModel, metric: string, platform: string): BandPoint[] {
  const [a, b] = view.arms;
  return view.months.map((period) => {
    const sa = a.figures.get('series', period, platform, metric), sb = b.figures.get('series', period, platform, metric);
    if (!sa || !sb) return { period, mean: NaN, lo: NaN, hi: NaN };
    const r = pairedRow(sa.values, sb.values);
    return { period, mean: r.diff, lo: Number.isFinite(r.diffLo) ? r.diffLo : r.diff, hi: Number.isFinite(r.diffHi) ? r.diffHi : r.diff };
  });
}

/** Mid-month UTC date of a `YYYY-MM` label (where a monthly point is drawn). */
export function monthDate(period: string): Date {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 15));
}

/** UTC date of an ISO day `YYYY-MM-DD`. */
export const dayDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * The paired monthly difference as a share of the baseline's monthly mean:
 * (what-if − baseline) / baseline, with the paired interval scaled alike; NaN
 * where the baseline is 0 (e.g. a platform before it sells anything).
 */
export function monthlyRelDiff(view: ViewModel, metric: string, platform: string): BandPoint[] {
  const [a, b] = view.arms;
  return view.months.map((period) => {
    const sa = a.figures.get('series', period, platform, metric), sb = b.figures.get('series', period, platform, metric);
    if (!sa || !sb) return { period, mean: NaN, lo: NaN, hi: NaN };
    const r = pairedRow(sa.values, sb.values);
    const base = r.meanA;
    if (!(Math.abs(base) > 0)) return { period, mean: NaN, lo: NaN, hi: NaN };
    const rel = r.diff / base;
    return { period, mean: rel, lo: Number.isFinite(r.diffLo) ? r.diffLo / base : rel, hi: Number.isFinite(r.diffHi) ? r.diffHi / base : rel };
  });
}
