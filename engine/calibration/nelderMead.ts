/**
 * Nelder–Mead simplex minimisation in the unit box [0, 1]^n.
 *
 * A documented implementation rather than a dependency: the JavaScript
 * Nelder–Mead on npm (`fmin` 0.0.4) is unmaintained since 2016, untyped and
 * unbounded. This follows Lagarias et al. (1998), "Convergence properties of the
 * Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1), with the
 * dimension-adaptive coefficients of Gao & Han (2012), Comput. Optim. Appl. 51:
 * reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink max(0.5, 1 − 1/n).
 * Points are clamped to the box (the calibration maps parameter bounds onto it).
 * Deterministic: no randomness; ties keep the earlier vertex.
 */
export interface NelderMeadOptions {
  /** Initial simplex edge along each axis, in box units. Default 0.1 (away from the nearer wall). */
  step?: number;
  /** Maximum number of objective evaluations. Default 200 × n. */
  maxEvals?: number;
  /** Stop when the spread of objective values in the simplex falls below this. Default 1e-8. */
  fTol?: number;
  /** Stop when the simplex diameter (max-norm, box units) falls below this. Default 1e-4. */
  xTol?: number;
  /** Called after every evaluation with its number, the point and its value, and the best so far. */
  onEval?: (evals: number, x: readonly number[], f: number, best: { x: readonly number[]; f: number }) => void;
}

/** Outcome of a minimisation. */
export interface NelderMeadResult {
  /** Best point found and its value. */
  x: number[];
  f: number;
  evals: number;
  iterations: number;
  /** Why it stopped: 'fTol', 'xTol' or 'maxEvals'. */
  stop: 'fTol' | 'xTol' | 'maxEvals';
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Minimise f over [0, 1]^n from x0 (clamped into the box). f may return Infinity for bad points, never NaN. */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead: expected at least one dimension');
  const step = options.step ?? 0.1;
  const maxEvals = options.maxEvals ?? 200 * n;
  const fTol = options.fTol ?? 1e-8, xTol = options.xTol ?? 1e-4;
  const alpha = 1, beta = 1 + 2 / n, gamma = 0.75 - 1 / (2 * n), delta = Math.max(0.5, 1 - 1 / n); // n = 1: the classic shrink 0.5
  let evals = 0;
  let best = { x: x0.map(clamp01), f: Infinity };
  const evaluate = (x: number[]): number => {
    const v = f(x);
    const fx = Number.isNaN(v) ? Infinity : v;
    evals++;
    if (fx < best.f) best = { x: x.slice(), f: fx };
    options.onEval?.(evals, x, fx, best);
    return fx;
  };
  // initial simplex: x0 and one vertex per axis, stepping away from the nearer wall
  const simplex: { x: number[]; f: number }[] = [];
  const start = x0.map(clamp01);
  simplex.push({ x: start, f: evaluate(start) });
  for (let i = 0; i < n && evals < maxEvals; i++) {
    const x = start.slice();
    x[i] = clamp01(x[i] + (x[i] + step <= 1 ? step : -step));
    simplex.push({ x, f: evaluate(x) });
  }
  let iterations = 0;
  let stop: NelderMeadResult['stop'] = 'maxEvals';
  const along = (c: number[], w: number[], t: number) => c.map((ci, j) => clamp01(ci + t * (w[j] - ci)));
  while (evals < maxEvals && simplex.length === n + 1) {
    simplex.sort((a, b) => a.f - b.f);
    const lo = simplex[0], hi = simplex[n];
    if (Math.abs(hi.f - lo.f) <= fTol) { stop = 'fTol'; break; }
    let diam = 0;
    for (let k = 1; k <= n; k++) for (let j = 0; j < n; j++) diam = Math.max(diam, Math.abs(simplex[k].x[j] - lo.x[j]));
    if (diam <= xTol) { stop = 'xTol'; break; }
    iterations++;
    const c = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[j] += simplex[k].x[j] / n;
    const xr = along(c, hi.x, -alpha);
    const fr = evaluate(xr);
    if (fr < lo.f) {
      if (evals >= maxEvals) { simplex[n] = { x: xr, f: fr }; break; }
      const xe = along(c, hi.x, -alpha * beta);
      const fe = evaluate(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[n - 1].f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      if (evals >= maxEvals) break;
      const outside = fr < hi.f;
      const xc = outside ? along(c, xr, gamma) : along(c, hi.x, gamma);
      const fc = evaluate(xc);
      if (fc < (outside ? fr : hi.f)) simplex[n] = { x: xc, f: fc };
      else {
        // shrink towards the best vertex
        for (let k = 1; k <= n && evals < maxEvals; k++) {
          const x = along(lo.x, simplex[k].x, delta);
          simplex[k] = { x, f: evaluate(x) };
        }
      }
    }
  }
  return { x: best.x, f: best.f, evals, iterations, stop };
}
