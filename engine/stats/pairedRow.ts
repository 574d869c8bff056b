/** PairedRow: one figure compared across two arms, with the paired difference b − a, its interval and the unpaired (Welch) interval. */
import { meanInterval, welchInterval } from './summary.ts';

/** One compared figure: arm means, the paired difference b − a with its interval, and the unpaired interval. */
export interface PairedRow {
  /** 'segment': a span between phase boundaries of either arm; 'year': a calendar year. */
  view: 'segment' | 'year';
  /** Segment label `YYYY-MM-DD..YYYY-MM-DD` or the year. */
  period: string;
  start: string;
  end: string;
  /** Phase label of each arm on the segment ('' for years). */
  phaseA: string;
  phaseB: string;
  platform: string;
  metric: string;
  /** 'saar' when the figure is a seasonally adjusted annual rate (`<x>_saar`, compare with `seasonal`); absent for the calendar-day rates. */
  basis?: 'saar';
  unit: string;
  /** Replications with a finite value in both arms. */
  n: number;
  meanA: number;
  meanB: number;
  /** Mean paired difference b − a and its Student-t interval (unit of the metric). */
  diff: number;
  diffLo: number;
  diffHi: number;
  /** diff / meanA (NaN when meanA is 0). */
  relDiff: number;
  /** Half-width of the paired interval. */
  pairedHalfWidth: number;
  /** Welch interval of meanB − meanA as if the arms had independent seeds. */
  unpairedLo: number;
  unpairedHi: number;
  unpairedHalfWidth: number;
  /**
   * How many times narrower the paired interval is: unpairedHalfWidth / pairedHalfWidth.
   * Infinity (null in JSON) when the arms are identical in every replication.
   */
  narrowing: number;
  /** True when b equals a in every replication (common random numbers, no policy difference yet). */
  identical: boolean;
  /** Per-replication values of each arm, in seed order. */
  valuesA: number[];
  valuesB: number[];
}

/** The statistics part of a PairedRow from the per-replication values of both arms. */
export function pairedRow(a: ArrayLike<number>, b: ArrayLike<number>, level?: number) {
  const n = Math.min(a.length, b.length);
  const d = new Float64Array(n), fa = new Float64Array(n), fb = new Float64Array(n);
  let identical = true;
  for (let i = 0; i < n; i++) {
    const ok = Number.isFinite(a[i]) && Number.isFinite(b[i]);
    d[i] = ok ? b[i] - a[i] : NaN;
    fa[i] = ok ? a[i] : NaN;
    fb[i] = ok ? b[i] : NaN;
    if (!(a[i] === b[i] || (Number.isNaN(a[i]) && Number.isNaN(b[i])))) identical = false;
  }
  const p = meanInterval(d, level), ia = meanInterval(fa, level), ib = meanInterval(fb, level), u = welchInterval(fa, fb, level);
  return {
    n: p.n, meanA: ia.mean, meanB: ib.mean, diff: p.mean, diffLo: p.lo, diffHi: p.hi,
    relDiff: ia.mean !== 0 ? p.mean / ia.mean : NaN,
    pairedHalfWidth: p.halfWidth, unpairedLo: u.lo, unpairedHi: u.hi, unpairedHalfWidth: u.halfWidth,
    narrowing: p.halfWidth > 0 ? u.halfWidth / p.halfWidth : u.halfWidth > 0 ? Infinity : NaN,
    identical, valuesA: Array.from(a).slice(0, n), valuesB: Array.from(b).slice(0, n),
  };
}
