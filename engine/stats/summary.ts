/** Intervals of replicated values: the Student-t mean interval (meanInterval, tCritical, CONFIDENCE) and Welch's unpaired interval. */
import jStat from 'jstat';

/** Mean of replicated values with a two-sided Student-t confidence interval. */
export interface Interval {
  /** Number of finite values used (NaN values, e.g. a rate with no denominator, are left out). */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); NaN for n < 2. */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  /** Lower and upper bound of the interval, in the unit of the values. */
  lo: number;
  hi: number;
  /** Half-width of the interval: t(level, n − 1) · se. 0 when all values are equal; NaN for n < 2. */
  halfWidth: number;
}

/** Default confidence level of every interval: 0.95. */
export const CONFIDENCE = 0.95;

/**
 * Two-sided Student-t critical value: the (1 + level) / 2 quantile with `df`
 * degrees of freedom (jstat). t(0.95, 9) = 2.262; df may be fractional (Welch).
 */
export function tCritical(df: number, level = CONFIDENCE): number {
  if (!(df > 0)) return NaN;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level: expected a number in (0, 1), got ${level}`);
  return jStat.studentt.inv((1 + level) / 2, df);
}

/**
 * Mean and Student-t interval of a sample. Non-finite values are dropped (and
 * not counted in n). With one value the interval is NaN-wide; with none the mean is NaN.
 */
export function meanInterval(values: ArrayLike<number>, level = CONFIDENCE): Interval {
  let n = 0, sum = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) { n++; sum += values[i]; }
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) ss += (values[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const se = sd / Math.sqrt(n);
  const halfWidth = n > 1 ? (se === 0 ? 0 : tCritical(n - 1, level) * se) : NaN;
  return { n, mean, sd, se, lo: mean - halfWidth, hi: mean + halfWidth, halfWidth };
}

/**
 * Welch's unpaired interval for the difference of means mean(b) − mean(a): what a
 * comparison with independent seeds per arm would report. Degrees of freedom by
 * Welch–Satterthwaite.
 */
export function welchInterval(a: ArrayLike<number>, b: ArrayLike<number>, level = CONFIDENCE): Interval {
  const ia = meanInterval(a, level), ib = meanInterval(b, level);
  const va = ia.se ** 2, vb = ib.se ** 2;
  const se = Math.sqrt(va + vb);
  const mean = ib.mean - ia.mean;
  const df = (va + vb) ** 2 / ((va * va) / (ia.n - 1) + (vb * vb) / (ib.n - 1));
  const halfWidth = ia.n > 1 && ib.n > 1 ? (se === 0 ? 0 : tCritical(df, level) * se) : NaN;
  return { n: Math.min(ia.n, ib.n), mean, sd: NaN, se, lo: mean - halfWidth, hi: mean + halfWidth, halfWidth };
}
