/** Shapley values over n components: the coalitions an exact or sampled computation needs (shapleyPlan) and the values from a coalition's worth (shapleyValues). */
import { hashString, Stream } from '../random/stream.ts';

/** Most components decomposed by exact enumeration of the 2^n coalitions; beyond, permutations are sampled. */
export const EXACT_MAX_COMPONENTS = 6;
/** Permutations sampled by default beyond EXACT_MAX_COMPONENTS (in antithetic pairs: each permutation and its reverse). */
export const DEFAULT_PERMUTATIONS = 16;

/** A coalition as a string of '0'/'1' per component (component i is in it when char i is '1'). */
export type CoalitionKey = string;

/** What a Shapley computation evaluates: the coalitions and, when sampled, the permutations. */
export interface ShapleyPlan {
  n: number;
  method: 'exact' | 'permutations';
  /** Permutations of the component indices (sampled method only). */
  permutations: number[][];
  /** Every coalition whose worth is needed, the empty one first and the full one last. */
  coalitions: CoalitionKey[];
}

const keyOf = (members: Iterable<number>, n: number): CoalitionKey => {
  const c = new Array<string>(n).fill('0');
  for (const i of members) c[i] = '1';
  return c.join('');
};

/**
 * The coalitions to evaluate. n <= EXACT_MAX_COMPONENTS (or `exact`): all 2^n. Beyond:
 * `permutations` (even, >= 2) random orders drawn from `seed` (sfc32, Fisher–Yates), in
 * antithetic pairs (an order and its reverse), and the prefixes of each order.
 */
export function shapleyPlan(n: number, seed: number | string, permutations = DEFAULT_PERMUTATIONS): ShapleyPlan {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`components: expected at least 1, got ${n}`);
  if (n <= EXACT_MAX_COMPONENTS) {
    const coalitions: CoalitionKey[] = [];
    for (let m = 0; m < 2 ** n; m++) coalitions.push(keyOf([...Array(n).keys()].filter((i) => (m >> i) & 1), n));
    return { n, method: 'exact', permutations: [], coalitions: coalitions.sort((x, y) => count(x) - count(y) || (x < y ? 1 : -1)) };
  }
  if (!Number.isInteger(permutations) || permutations < 2 || permutations % 2 !== 0 || permutations > 10_000) {
    throw new RangeError(`permutations: expected an even whole number in [2, 10000], got ${permutations}`);
  }
  const rng = new Stream().reset(hashString(`market-sim:explain:${seed}`), hashString('permutations'), n, 0);
  const perms: number[][] = [];
  for (let p = 0; p < permutations / 2; p++) {
    const order = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    perms.push(order, [...order].reverse());
  }
  const set = new Set<CoalitionKey>();
  for (const order of perms) for (let k = 0; k <= n; k++) set.add(keyOf(order.slice(0, k), n));
  return { n, method: 'permutations', permutations: perms, coalitions: [...set].sort((x, y) => count(x) - count(y) || (x < y ? 1 : -1)) };
}

function count(k: CoalitionKey): number {
  let c = 0;
  for (const ch of k) if (ch === '1') c++;
  return c;
}

const factorial = (k: number) => { let f = 1; for (let i = 2; i <= k; i++) f *= i; return f; };

/**
 * Shapley value of each component from the worth v of the plan's coalitions: exact,
 * φ_i = Σ_{S ∌ i} |S|!(n−|S|−1)!/n! · (v(S ∪ i) − v(S)); sampled, the mean over the
 * permutations of i's marginal contribution v(prefix ∪ i) − v(prefix). Either way the
 * values add up to v(all) − v(none) (up to floating-point rounding).
 */
export function shapleyValues(plan: ShapleyPlan, v: (k: CoalitionKey) => number): number[] {
  const n = plan.n;
  const phi = new Array<number>(n).fill(0);
  if (plan.method === 'exact') {
    const w = Array.from({ length: n }, (_, s) => factorial(s) * factorial(n - s - 1) / factorial(n));
    for (const k of plan.coalitions) {
      const s = count(k), vs = v(k);
      for (let i = 0; i < n; i++) {
        if (k[i] === '1') continue;
        const withI = k.slice(0, i) + '1' + k.slice(i + 1);
        phi[i] += w[s] * (v(withI) - vs);
      }
    }
    return phi;
  }
  for (const order of plan.permutations) {
    const members: number[] = [];
    let prev = v(keyOf(members, n));
    for (const i of order) {
      members.push(i);
      const cur = v(keyOf(members, n));
      phi[i] += cur - prev;
      prev = cur;
    }
  }
  return phi.map((x) => x / plan.permutations.length);
}
