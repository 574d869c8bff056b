/**
 * The mean, lo and hi cells of a CSV row, the same in every chart's CSV: the 95%
 * interval with 2 or more replications, empty cells with one (no interval) or
 * where a bound is not finite; an empty mean where there is no value.
 */
export function csvInterval(p: { mean: number; lo: number; hi: number } | undefined, reps: number): { mean: number | ''; lo: number | ''; hi: number | '' } {
  const cell = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : '');
  if (!p) return { mean: '', lo: '', hi: '' };
  return reps > 1 ? { mean: cell(p.mean), lo: cell(p.lo), hi: cell(p.hi) } : { mean: cell(p.mean), lo: '', hi: '' };
}
