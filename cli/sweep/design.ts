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

/**
 * The design points of a sweep, in run order.
 * - grid: every combination of the factors' levels, first factor slowest (one point without factors);
 * - lhs: `samples` points of a Latin hypercube (McKay et al. 1979): each factor's range is cut
 *   into `samples` equal strata, each stratum used once, with a uniform jitter inside it; the
 *   permutations and jitters come from seedrandom seeded by the design seed;
 * - sobol: Saltelli's scheme (Saltelli 2002; Saltelli et al. 2010, as SALib orders it) on the
 *   unscrambled Joe–Kuo Sobol' sequence in 2k dimensions (k factors), points N..2N−1 (the first
 *   N, starting at the origin, are skipped): A = the first k coordinates, B = the last k; for each
 *   base point j the rows A, AB0..AB(k−1), [BA0..BA(k−1) with secondOrder], B.
 *   N(k + 2) points, or N(2k + 2) with secondOrder.
 */
export function designPoints(design: DesignSpec, factors: readonly Factor[], rootSeed: number | string): DesignPoint[] {
  if (design.type === 'grid') return grid(factors);
  if (design.type === 'lhs') return latinHypercube(factors, design.samples, design.seed ?? rootSeed);
  return saltelli(factors, design.samples, design.secondOrder ?? false);
}

/** Number of design points without building them. */
export function designSize(design: DesignSpec, factors: readonly Factor[]): number {
  if (design.type === 'grid') return factors.reduce((n, f) => n * gridLevels(f).length, 1);
  if (design.type === 'lhs') return design.samples;
  return design.samples * (design.secondOrder ? 2 * factors.length + 2 : factors.length + 2);
}

function grid(factors: readonly Factor[]): DesignPoint[] {
  let points: FactorValue[][] = [[]];
  for (const f of factors) {
    const levels = gridLevels(f);
    points = points.flatMap((p) => levels.map((v) => [...p, v]));
  }
  return points.map((values) => ({ values }));
}

function latinHypercube(factors: readonly Factor[], n: number, seed: number | string): DesignPoint[] {
  const rng = seedrandom(`market-sim:lhs:${seed}`);
  const columns = factors.map((f) => {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    return perm.map((stratum) => factorValue(f, (stratum + rng()) / n));
  });
  return Array.from({ length: n }, (_, i) => ({ values: columns.map((c) => c[i]) }));
}

function saltelli(factors: readonly Factor[], n: number, secondOrder: boolean): DesignPoint[] {
  const k = factors.length;
  const pts = sobolPoints(2 * k, n, n);
  const at = (u: number[]) => factors.map((f, i) => factorValue(f, u[i]));
  const out: DesignPoint[] = [];
  pts.forEach((p, j) => {
    const a = p.slice(0, k), b = p.slice(k);
    out.push({ values: at(a), base: j, matrix: 'A' });
    for (let i = 0; i < k; i++) out.push({ values: at(a.map((x, c) => (c === i ? b[i] : x))), base: j, matrix: `AB${i}` });
    if (secondOrder) for (let i = 0; i < k; i++) out.push({ values: at(b.map((x, c) => (c === i ? a[i] : x))), base: j, matrix: `BA${i}` });
    out.push({ values: at(b), base: j, matrix: 'B' });
  });
  return out;
}
