/** explain: the paired difference B − A of every compared figure decomposed into the policy components that differ, by Shapley values over hybrid scenarios run with common random numbers. */
import { replicationSeed } from '../random/seed.ts';
import { resolveScenario, type ResolvedScenario } from '../scenario/resolve.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { isResolved, simulate } from '../simulate.ts';
import { ENGINE_VERSION } from '../version.ts';
import { comparedFigures, type FigureSpot } from './comparedFigures.ts';
import { effectivePolicy, hybridScenario, policyComponents, type Component, type ComponentGrain } from './explainComponents.ts';
import { comparedRunFigures } from './compareArms.ts';
import type { CompareRunOptions, ComparisonManifest } from './compareTypes.ts';
import type { FigureRow } from './figures.ts';
import { checkReps, FigureSamples } from './replicate.ts';
import { commonYears, unionSegments, withSegments, type Segment } from './segments.ts';
import { DEFAULT_PERMUTATIONS, EXACT_MAX_COMPONENTS, shapleyPlan, shapleyValues, type CoalitionKey } from './shapley.ts';
import { CONFIDENCE, meanInterval } from './summary.ts';

/** Options of `explain`: those of `compare` (reps, seed, agents, load, level, clock, seasonal), plus how to decompose. */
export interface ExplainOptions extends CompareRunOptions {
  /** Components: one per differing timeline entry ('entry', default) or per differing lever of an entry ('lever'); differing parameters are components either way. */
  grain?: ComponentGrain;
  /** Permutations sampled (even, antithetic pairs) when there are more than EXACT_MAX_COMPONENTS components. Default 16. */
  permutations?: number;
  /** Called after each simulated month of each run; `run` counts runs over all replications and coalitions. */
  onProgress?: (run: number, runs: number, day: number, days: number) => void;
}

/** One component's share of a figure's difference: its Shapley value per replication and their mean with a Student-t interval. */
export interface ShapleyPart {
  component: string;
  n: number;
  mean: number;
  lo: number;
  hi: number;
  halfWidth: number;
  /** mean / the mean total difference (NaN when that is 0). */
  shareOfTotal: number;
  values: number[];
}

/** One figure decomposed: the paired total B − A and one part per component. */
export interface ExplainRow extends FigureSpot {
  unit: string;
  meanA: number;
  meanB: number;
  /** Paired difference B − A: mean and Student-t interval over replications; `values` per replication. */
  total: { n: number; mean: number; lo: number; hi: number; halfWidth: number; values: number[] };
  parts: ShapleyPart[];
  /** Largest |Σ parts − (B − A)| over replications (floating-point rounding only; 0 when the parts add up exactly). */
  residual: number;
  /** True when B equals A in every replication (nothing to explain on this row). */
  identical: boolean;
}

/** What `explain` ran: a comparison's manifest (A and B, seeds, agents, level, wall time) and how the decomposition was done. */
export interface ExplanationManifest extends ComparisonManifest {
  grain: ComponentGrain;
  /** 'exact': all 2^n coalitions; 'permutations': `permutations` sampled orders (antithetic pairs) from the root seed. */
  method: 'exact' | 'permutations';
  permutations: number;
  /** Distinct coalitions (hybrid scenarios, A and B included) run per replication. */
  coalitions: number;
  runs: number;
}

/** The outcome of `explain`. */
export interface Explanation {
  manifest: ExplanationManifest;
  components: Component[];
  segments: Segment[];
  years: number[];
  rows: ExplainRow[];
}

/**
 * Decompose the paired difference B − A of every figure `compare` reports into the
 * policy components that differ between A and B (see Component) by Shapley values. Each
 * coalition of components is a hybrid scenario — A with the coalition's components taken
 * from B — run on the same replication seeds as A and B (common random numbers). With up
 * to EXACT_MAX_COMPONENTS components all 2^n coalitions are run; beyond, `permutations`
 * random orders. Per replication the parts add up to that replication's B − A; the
 * intervals are Student-t intervals of the per-replication Shapley values. Runs one
 * after the other. Throws ScenarioError when A and B cannot be decomposed.
 */
export function explain(a: unknown, b: unknown, options: ExplainOptions = {}): Explanation {
  const p = planExplain(a, b, options);
  const runs = p.reps * p.coalitions.length;
  let wallMs = 0, agentsRun = 0, run = 0;
  const figures = p.seeds.map((seed) => p.coalitions.map((k) => {
    const at = run++;
    const onProgress = options.onProgress ? (day: number, days: number) => options.onProgress!(at, runs, day, days) : undefined;
    const r = simulate(p.scenarios.get(k)!, { seed, agents: p.agents, clock: options.clock, onProgress });
    wallMs += r.manifest.wallMs;
    agentsRun = r.manifest.agents;
    return comparedRunFigures(r, p.seasonal);
  }));
  return assembleExplain(p, figures, wallMs, agentsRun);
}

/** Everything `explain` decides before running: components, coalitions and the hybrid scenario each runs, seeds, agents, segments, years. */
export interface ExplainPlan {
  ra: ResolvedScenario; rb: ResolvedScenario; components: Component[]; shapley: ReturnType<typeof shapleyPlan>;
  /** Coalitions in run order; replication `rep` runs `scenarios.get(coalitions[j])` with `seeds[rep]` and `agents`. */
  coalitions: CoalitionKey[]; scenarios: Map<CoalitionKey, ResolvedScenario>;
  seeds: number[]; reps: number; level: number; grain: ComponentGrain; root: number | string; agents: number;
  segments: Segment[]; years: number[]; seasonal: boolean;
}

/** Resolve and check A and B, find the components and plan every coalition's run (no simulation). */
export function planExplain(a: unknown, b: unknown, options: ExplainOptions = {}): ExplainPlan {
  const ra: ResolvedScenario = isResolved(a) ? a : resolveScenario(a, options.load, 'a');
  const rb: ResolvedScenario = isResolved(b) ? b : resolveScenario(b, options.load, 'b');
  const reps = options.reps ?? 10;
  checkReps(reps);
  const level = options.level ?? CONFIDENCE;
  const grain = options.grain ?? 'entry';
  if (grain !== 'entry' && grain !== 'lever') throw new RangeError(`grain: expected "entry" or "lever", got ${JSON.stringify(grain)}`);
  const components = policyComponents(ra, rb, grain);
  const root = options.seed ?? ra.seed;
  const plan = shapleyPlan(components.length, root, options.permutations ?? DEFAULT_PERMUTATIONS);
  const seeds = Array.from({ length: reps }, (_, i) => replicationSeed(root, i));
  const agents = options.agents ?? Math.min(ra.agents, rb.agents);
  const segments = unionSegments(ra, rb);
  const years = commonYears(ra, rb);

  const n = components.length;
  const none = '0'.repeat(n), all = '1'.repeat(n);
  const scenarios = new Map<CoalitionKey, ResolvedScenario>();
  for (const k of plan.coalitions) {
    const s = k === none ? ra : k === all ? rb : hybridScenario(ra, rb, components, [...k].map((c) => c === '1'));
    scenarios.set(k, withSegments(s, segments));
  }
  const full = hybridScenario(ra, rb, components, components.map(() => true));
  if (effectivePolicy(full) !== effectivePolicy(rb)) {
    throw new ScenarioError([{ path: 'policies', message: 'cannot decompose: A with every differing component taken from B does not give B\'s policy on every day (entries without id on the same date in a different order?); expected B\'s timeline to follow from A\'s by replacing, adding or removing entries' }], 'explain');
  }
  return { ra, rb, components, shapley: plan, coalitions: [...plan.coalitions], scenarios, seeds, reps, level, grain, root, agents, segments, years, seasonal: !!options.seasonal };
}

/**
 * The explanation from the figures of every run, `figures[rep][j]` for coalition
 * `coalitions[j]` (each from `comparedRunFigures`), however the runs were executed (one after
 * the other, or on worker threads: the result is the same); `wallMs` and `agents` go into the manifest.
 */
export function assembleExplain(p: ExplainPlan, figures: readonly (readonly FigureRow[])[][], wallMs: number, agentsRun: number): Explanation {
  const { ra, rb, components, shapley: plan, seeds, reps, level, grain, root, segments, years } = p;
  const n = components.length;
  const none = '0'.repeat(n), all = '1'.repeat(n);
  const samples = new Map<CoalitionKey, FigureSamples>(p.coalitions.map((k) => [k, new FigureSamples(reps)]));
  figures.forEach((perCoalition, rep) => perCoalition.forEach((f, j) => samples.get(p.coalitions[j])!.add(rep, f)));
  const runs = reps * p.coalitions.length;

  const rows: ExplainRow[] = [];
  for (const { key, spot } of comparedFigures(segments, years, [ra, rb], p.seasonal)) {
    const values = new Map<CoalitionKey, Float64Array>();
    if (!plan.coalitions.every((k) => { const v = samples.get(k)!.get(key); if (v) values.set(k, v); return !!v; })) continue;
    const va = values.get(none)!, vb = values.get(all)!;
    const total = Array.from(vb, (x, i) => x - va[i]);
    const per = seeds.map((_, i) => shapleyValues(plan, (k) => values.get(k)![i]));
    let residual = 0;
    per.forEach((phi, i) => {
      const d = Math.abs(phi.reduce((s, x) => s + x, 0) - total[i]);
      if (Number.isFinite(total[i]) && d > residual) residual = d;
    });
    const t = meanInterval(total, level);
    const parts = components.map((c, j): ShapleyPart => {
      const v = per.map((phi) => phi[j]);
      const m = meanInterval(v, level);
      return { component: c.id, n: m.n, mean: m.mean, lo: m.lo, hi: m.hi, halfWidth: m.halfWidth, shareOfTotal: t.mean !== 0 ? m.mean / t.mean : NaN, values: v };
    });
    rows.push({
      ...spot, unit: samples.get(none)!.unit(key), meanA: meanInterval(va, level).mean, meanB: meanInterval(vb, level).mean,
      total: { n: t.n, mean: t.mean, lo: t.lo, hi: t.hi, halfWidth: t.halfWidth, values: total },
      parts, residual, identical: va.every((x, i) => x === vb[i] || (Number.isNaN(x) && Number.isNaN(vb[i]))),
    });
  }
  return {
    manifest: {
      engine: ENGINE_VERSION, a: { id: ra.id, title: ra.title, hash: ra.hash }, b: { id: rb.id, title: rb.title, hash: rb.hash },
      rootSeed: root, seeds, reps, agents: agentsRun, level, grain, method: plan.method,
      permutations: plan.permutations.length, coalitions: plan.coalitions.length, runs, wallMs,
    },
    components, segments, years, rows,
  };
}

export { EXACT_MAX_COMPONENTS, DEFAULT_PERMUTATIONS };
