/** Sobol sensitivity of a model on the unit box (sobol): first-order and total indices by the Saltelli design, with bootstrap intervals. */
import { hashString, Stream } from '../random/stream.ts';
import { bootstrap, type Estimate } from './bootstrap.ts';

/** Sobol indices of one factor for one output. */
export interface SobolIndex {
  factor: number;
  output: number;
  /** First-order index S1 (Saltelli et al. 2010 estimator), with a bootstrap 95% interval over base samples. */
  first: Estimate;
  /** Total-effect index ST (Jansen 1999 estimator), with a bootstrap 95% interval. */
  total: Estimate;
}

/** Options of `sobol`. */
export interface SobolOptions {
  /** Base samples N. Default 32. Cost N(k + 2) evaluations. */
  samples?: number;
  /** Seed of the design and the bootstrap. Default 1. */
  seed?: number;
  onEval?: (evals: number, total: number) => void;
}

/**
 * Variance-based sensitivity (Sobol indices) of a model on [0, 1]^k by the
 * Saltelli design: two independent N × k sample matrices A and B (pseudo-random
 * from a counter-based stream) and, per factor i, A with column i taken from B.
 * S1_i = mean((f(B) − f̄)·(f(A_B^i) − f(A))) / V (f(B) centred on the mean f̄), ST_i = mean((f(A) − f(A_B^i))²) / (2V),
 * V the variance of f over A and B (Saltelli et al. 2010, Comput. Phys. Commun. 181).
 */
export function sobol(model: (u: number[]) => number[], k: number, options: SobolOptions = {}): SobolIndex[] {
  const n = options.samples ?? 32, seed = options.seed ?? 1;
  if (!(k >= 1) || !(n >= 4)) throw new RangeError(`sobol: expected k >= 1 and samples >= 4, got ${k}, ${n}`);
  const rng = new Stream().reset(seed, hashString('sobol'), 0, 0);
  const A = Array.from({ length: n }, () => Array.from({ length: k }, () => rng.next()));
  const B = Array.from({ length: n }, () => Array.from({ length: k }, () => rng.next()));
  const total = n * (k + 2);
  let evals = 0;
  const run = (u: number[]) => { const y = model(u); evals++; options.onEval?.(evals, total); return y; };
  const fA = A.map(run), fB = B.map(run);
  const fAB = Array.from({ length: k }, (_, i) => A.map((a, j) => run(a.map((v, c) => (c === i ? B[j][i] : v)))));
  const outputs = fA[0].length;
  const out: SobolIndex[] = [];
  for (let o = 0; o < outputs; o++) {
    const mean = (idx: Int32Array) => { let s = 0; for (const j of idx) s += fA[j][o] + fB[j][o]; return s / (2 * idx.length); };
    const variance = (idx: Int32Array) => {
      const m = mean(idx);
      let s2 = 0;
      for (const j of idx) s2 += (fA[j][o] - m) ** 2 + (fB[j][o] - m) ** 2;
      return s2 / (2 * idx.length);
    };
    for (let i = 0; i < k; i++) {
      // f(B) centred on the sample mean: same expectation (E[f(A_B^i) − f(A)] = 0), much smaller variance
      const first = (idx: Int32Array) => { const m = mean(idx); let s = 0; for (const j of idx) s += (fB[j][o] - m) * (fAB[i][j][o] - fA[j][o]); return s / idx.length / variance(idx); };
      const tot = (idx: Int32Array) => { let s = 0; for (const j of idx) s += (fA[j][o] - fAB[i][j][o]) ** 2; return s / idx.length / (2 * variance(idx)); };
      out.push({ factor: i, output: o, first: bootstrap(n, first, seed + 2 * (i * outputs + o)), total: bootstrap(n, tot, seed + 2 * (i * outputs + o) + 1) });
    }
  }
  return out;
}
