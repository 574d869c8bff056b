import seedrandom from 'seedrandom';
import { factorValue, gridLevels, type Factor, type FactorValue } from './factors.ts';
import type { DesignSpec } from './schema.ts';
import { sobolPoints } from './sobol.ts';

/** One point of the design: a value per factor (in factor order), plus its place in a Saltelli design. */
export interface DesignPoint {
  values: FactorValue[];
  /** Sobol/Saltelli only: the base point j in [0, N). */
  base?: number;
  /** Sobol/Saltelli only: "A", "B", "AB<i>" (A with factor i from B) or "BA<i>" (second order), i counted from 0. */
  matrix?: string;
}

/** A design read point by point: `size` points, `point(i)` computed when asked (grid and Sobol keep O(1) memory per point). */
export interface Design {
  size: number;
  point(i: number): DesignPoint;
}

/**
 * The design of a sweep, in run order, computed lazily.
 * - grid: every combination of the factors' levels, first factor slowest (one point without
 *   factors); point i is decoded from i in mixed radix, nothing is stored;
 * - lhs: `samples` points of a Latin hypercube (McKay et al. 1979): each factor's range is cut
 *   into `samples` equal strata, each stratum used once, with a uniform jitter inside it; the
 *   permutations and jitters come from seedrandom seeded by the design seed (one Float64Array
 *   of positions per factor is kept: the permutation needs them all);
 * - sobol: Saltelli's scheme (Saltelli 2002; Saltelli et al. 2010, as SALib orders it) on the
 *   unscrambled Joe–Kuo Sobol' sequence in 2k dimensions (k factors), points N..2N−1 (the first
 *   N, starting at the origin, are skipped): A = the first k coordinates, B = the last k; for each
 *   base point j the rows A, AB0..AB(k−1), [BA0..BA(k−1) with secondOrder], B.
 *   N(k + 2) points, or N(2k + 2) with secondOrder; each Sobol' point is computed from its index.
 */
export function createDesign(design: DesignSpec, factors: readonly Factor[], rootSeed: number | string): Design {
  if (design.type === 'grid') return grid(factors);
  if (design.type === 'lhs') return latinHypercube(factors, design.samples, design.seed ?? rootSeed);
  return saltelli(factors, design.samples, design.secondOrder ?? false);
}

/** Every point of a design as an array (small designs and tests). */
export function designPoints(design: DesignSpec, factors: readonly Factor[], rootSeed: number | string): DesignPoint[] {
  const d = createDesign(design, factors, rootSeed);
  return Array.from({ length: d.size }, (_, i) => d.point(i));
}

/** Number of design points without building them (may exceed 2^53 for absurd grids: then only an estimate). */
export function designSize(design: DesignSpec, factors: readonly Factor[]): number {
  if (design.type === 'grid') return factors.reduce((n, f) => n * (f.values ? f.values.length : f.levels!), 1);
  if (design.type === 'lhs') return design.samples;
  return design.samples * (design.secondOrder ? 2 * factors.length + 2 : factors.length + 2);
}

function grid(factors: readonly Factor[]): Design {
  const levels = factors.map((f) => gridLevels(f));
  const size = levels.reduce((n, l) => n * l.length, 1);
  return {
    size,
    point(i) {
      const values = new Array<FactorValue>(levels.length);
      for (let f = levels.length - 1; f >= 0; f--) {
        const n = levels[f].length;
        values[f] = levels[f][i % n];
        i = Math.floor(i / n);
      }
      return { values };
    },
  };
}

function latinHypercube(factors: readonly Factor[], n: number, seed: number | string): Design {
  const rng = seedrandom(`market-sim:lhs:${seed}`);
  const columns = factors.map(() => {
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = (perm[i] + rng()) / n;
    return u;
  });
  return { size: n, point: (i) => ({ values: factors.map((f, c) => factorValue(f, columns[c][i])) }) };
}

function saltelli(factors: readonly Factor[], n: number, secondOrder: boolean): Design {
  const k = factors.length;
  const per = secondOrder ? 2 * k + 2 : k + 2;
  let cached: { j: number; p: number[] } | undefined;
  const at = (u: number[]) => factors.map((f, i) => factorValue(f, u[i]));
  return {
    size: n * per,
    point(i) {
      const j = Math.floor(i / per), r = i % per;
      if (!cached || cached.j !== j) cached = { j, p: sobolPoints(2 * k, n + j, 1)[0] };
      const a = cached.p.slice(0, k), b = cached.p.slice(k);
      if (r === 0) return { values: at(a), base: j, matrix: 'A' };
      if (r === per - 1) return { values: at(b), base: j, matrix: 'B' };
      if (r <= k) { const c = r - 1; return { values: at(a.map((x, d) => (d === c ? b[c] : x))), base: j, matrix: `AB${c}` }; }
      const c = r - 1 - k;
      return { values: at(b.map((x, d) => (d === c ? a[c] : x))), base: j, matrix: `BA${c}` };
    },
  };
}
