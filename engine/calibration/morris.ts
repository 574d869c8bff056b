/** Morris elementary-effects screening of a model on the unit box (morris): μ* (with a bootstrap interval), μ and σ per factor and output. */
import { hashString, Stream } from '../random/stream.ts';
import { bootstrap, type Estimate } from './bootstrap.ts';

/** Morris screening of one factor for one output. */
export interface MorrisIndex {
  factor: number;
  output: number;
  /** μ*: mean absolute elementary effect (per unit of the factor's [0, 1] box), with a bootstrap 95% interval over trajectories. */
  muStar: Estimate;
  /** μ: mean signed elementary effect (direction). */
  mu: number;
  /** σ: standard deviation of the elementary effects (non-linearity / interactions). */
  sigma: number;
}

/** Options of `morris`. */
export interface MorrisOptions {
  /** Trajectories r. Default 10. */
  trajectories?: number;
  /** Grid levels p (even). Default 4; the step is Δ = p / (2(p − 1)). */
  levels?: number;
  /** Seed of the design and the bootstrap. Default 1. */
  seed?: number;
  /** Called after every model evaluation. */
  onEval?: (evals: number, total: number) => void;
}

/**
 * Morris elementary-effects screening (Morris 1991; μ* of Campolongo, Cariboni &
 * Saltelli 2007) of a model on the unit box [0, 1]^k with several outputs.
 * r trajectories of k + 1 points each: a base point on the p-level grid, then
 * one factor at a time moved by ±Δ in a random order. Cost: r(k + 1) evaluations.
 */
export function morris(model: (u: number[]) => number[], k: number, options: MorrisOptions = {}): MorrisIndex[] {
  const r = options.trajectories ?? 10, p = options.levels ?? 4, seed = options.seed ?? 1;
  if (!(k >= 1) || !(r >= 2) || !(p >= 2)) throw new RangeError(`morris: expected k >= 1, trajectories >= 2, levels >= 2, got ${k}, ${r}, ${p}`);
  const delta = p / (2 * (p - 1));
  const rng = new Stream().reset(seed, hashString('morris'), 0, 0);
  const total = r * (k + 1);
  let evals = 0;
  const run = (u: number[]) => { const y = model(u); evals++; options.onEval?.(evals, total); return y; };
  // effects[t][i][o]: elementary effect of factor i on output o in trajectory t
  const effects: number[][][] = [];
  let outputs = 0;
  for (let t = 0; t < r; t++) {
    const x = Array.from({ length: k }, () => Math.floor(rng.next() * p) / (p - 1));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let y = run(x.slice());
    outputs = y.length;
    const row: number[][] = Array.from({ length: k }, () => []);
    for (const i of order) {
      const up = x[i] + delta <= 1 + 1e-12;
      x[i] = up ? x[i] + delta : x[i] - delta;
      const y2 = run(x.slice());
      row[i] = y2.map((v, o) => (up ? v - y[o] : y[o] - v) / delta);
      y = y2;
    }
    effects.push(row);
  }
  const out: MorrisIndex[] = [];
  for (let i = 0; i < k; i++) {
    for (let o = 0; o < outputs; o++) {
      const ee = effects.map((row) => row[i][o]);
      const mean = (idx: Int32Array, f: (v: number) => number) => { let s = 0; for (const j of idx) s += f(ee[j]); return s / idx.length; };
      const mu = ee.reduce((s, v) => s + v, 0) / r;
      const sigma = Math.sqrt(ee.reduce((s, v) => s + (v - mu) ** 2, 0) / (r - 1));
      out.push({ factor: i, output: o, muStar: bootstrap(r, (idx) => mean(idx, Math.abs), seed + 7919 * (i * outputs + o)), mu, sigma });
    }
  }
  return out;
}
