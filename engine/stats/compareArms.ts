/** compareArms: N ≥ 2 scenarios run with common random numbers, each reported against the first (the baseline) as paired differences, and the best arm for a chosen figure against the rest. */
import { replicationSeed } from '../random/seed.ts';
import { resolveScenario, type ResolvedScenario } from '../scenario/resolve.ts';
import { isResolved, simulate } from '../simulate.ts';
import { ENGINE_VERSION } from '../version.ts';
import { armSegments, armYears, withSegments } from './segments.ts';
import { comparedFigures, type FigureSpot } from './comparedFigures.ts';
import type { Comparison, CompareRunOptions } from './compareTypes.ts';
import { figuresOf, type FigureRow } from './figures.ts';
import type { Result } from '../metrics/result.ts';
import { saarFigures } from './seasonal.ts';
import { pairedRow, type PairedRow } from './pairedRow.ts';
import { checkReps, FigureSamples } from './replicate.ts';
import { CONFIDENCE } from './summary.ts';

/** The figure whose best arm `compareArms` reports: a compared [platform, metric], higher is better unless `lowerIsBetter`. */
export interface BestFigure { platform: string; metric: string; lowerIsBetter?: boolean }

/** Options of `compareArms`. */
export interface CompareArmsOptions extends CompareRunOptions {
  /** Figure to rank the arms by. Default: RED's ad revenue per year (`red`, `ad_revenue_per_year`), higher is better. */
  best?: BestFigure;
  /** Called after each simulated month of each run; `arm` is the index in the list (0 = baseline). */
  onProgress?: (arm: number, rep: number, reps: number, day: number, days: number) => void;
}

/** The best arm for one figure on one period, and its paired differences against every other arm. */
export interface BestRow extends Omit<FigureSpot, 'phaseA' | 'phaseB'> {
  unit: string;
  direction: 'higher' | 'lower';
  /** Mean of every arm (index 0 = baseline). */
  means: number[];
  /** Index of the best arm (highest or lowest mean) and its id. */
  best: number;
  bestId: string;
  /** Paired difference best − arm (mean and Student-t interval) for every other arm. */
  vsRest: { arm: number; id: string; diff: number; lo: number; hi: number }[];
  /** True when every interval of vsRest excludes 0 on the better side: the best is better than each other arm at the confidence level. */
  clear: boolean;
}

/** The outcome of `compareArms`. */
export interface ArmsComparison {
  /** The arms in the order given (0 = baseline). */
  arms: { id: string; title: string; hash: string }[];
  /** comparisons[k − 1]: arm k against the baseline (b − a), on the segments of every arm's phase boundaries and the years all arms cover alike. */
  comparisons: Comparison[];
  best: BestRow[];
}

/**
 * Compare N ≥ 2 scenarios with common random numbers: replication i runs every arm with
 * the same seed, and each arm k ≥ 1 is reported against the baseline (arm 0) exactly as
 * `compare(baseline, arm k)` would on the segments between every arm's phase boundaries
 * (with two arms, `compareArms([a, b]).comparisons[0]` is `compare(a, b)`). `best` ranks
 * the arms by one figure per period: the arm with the best mean, with paired intervals
 * of best − each other arm. The manifest's wallMs is the wall time of all runs.
 */
export function compareArms(scenarios: readonly unknown[], options: CompareArmsOptions = {}): ArmsComparison {
  const plan = planArms(scenarios, options);
  let wallMs = 0, agents = 0;
  const figures = plan.seeds.map((seed, rep) => plan.runnable.map((s, k) => {
    const onProgress = options.onProgress ? (day: number, days: number) => options.onProgress!(k, rep, plan.reps, day, days) : undefined;
    const r = simulate(s, { seed, agents: plan.agentsPerRun, clock: options.clock, onProgress });
    wallMs += r.manifest.wallMs;
    agents = r.manifest.agents;
    return comparedRunFigures(r, plan.seasonal);
  }));
  return assembleArms(plan, figures, wallMs, agents);
}

/** Everything `compareArms` decides before running: the arms, the scenarios it runs (cut at every arm's phase boundaries), seeds, agents, segments and years. */
export interface ArmsPlan {
  arms: ResolvedScenario[];
  /** The scenario each arm runs (segment boundaries of all arms added). */
  runnable: ResolvedScenario[];
  seeds: number[];
  reps: number;
  level: number;
  root: number | string;
  agentsPerRun: number;
  segmentsOf: ReturnType<typeof armSegments>;
  years: ReturnType<typeof armYears>;
  seasonal: boolean;
  best: BestFigure;
}

/** Resolve and check the arms and plan their runs (no simulation): replication `rep` runs `runnable[k]` with `seeds[rep]` and `agentsPerRun` for every arm k. */
export function planArms(scenarios: readonly unknown[], options: CompareArmsOptions = {}): ArmsPlan {
  if (!Array.isArray(scenarios) || scenarios.length < 2) throw new RangeError(`scenarios: expected at least 2 (a baseline and what-ifs), got ${Array.isArray(scenarios) ? scenarios.length : typeof scenarios}`);
  const names = scenarios.length === 2 ? ['a', 'b'] : scenarios.map((_, i) => `arm ${i}`);
  const arms: ResolvedScenario[] = scenarios.map((s, i) => (isResolved(s) ? s : resolveScenario(s, options.load, names[i])));
  const reps = options.reps ?? 10;
  checkReps(reps);
  const root = options.seed ?? arms[0].seed;
  const segmentsOf = armSegments(arms);
  return {
    arms, runnable: arms.map((s) => withSegments(s, segmentsOf[0])), seeds: Array.from({ length: reps }, (_, i) => replicationSeed(root, i)), reps,
    level: options.level ?? CONFIDENCE, root, agentsPerRun: options.agents ?? Math.min(...arms.map((s) => s.agents)), segmentsOf, years: armYears(arms),
    seasonal: !!options.seasonal, best: options.best ?? { platform: 'red', metric: 'ad_revenue_per_year' },
  };
}

/** The figure rows of one run that a comparison keeps (phases, RED's years, merchants' ROI, incrementality; with `seasonal`, the seasonally adjusted rates too). */
export function comparedRunFigures(r: Result, seasonal: boolean): FigureRow[] {
  const kept = figuresOf(r).filter((f) => f.table === 'phases' || f.table === 'red' || f.table === 'merchant_roi' || f.table === 'incrementality');
  return seasonal ? [...kept, ...saarFigures(r)] : kept;
}

/**
 * The comparison from the figures of every run, `figures[rep][arm]` (each from
 * `comparedRunFigures`), however the runs were executed (one after the other, or on worker
 * threads: the result is the same); `wallMs` and `agents` go into the manifests.
 */
export function assembleArms(plan: ArmsPlan, figures: readonly (readonly FigureRow[])[][], wallMs: number, agents: number): ArmsComparison {
  const { arms, reps, level, root, seeds, segmentsOf, years } = plan;
  const samples = arms.map(() => new FigureSamples(reps));
  figures.forEach((perArm, rep) => perArm.forEach((f, k) => samples[k].add(rep, f)));
  const info = arms.map((s) => ({ id: s.id, title: s.title, hash: s.hash }));
  const comparisons = arms.slice(1).map((_, j): Comparison => {
    const k = j + 1;
    const rows: PairedRow[] = [];
    for (const { key, spot } of comparedFigures(segmentsOf[j], years, arms, plan.seasonal)) {
      const va = samples[0].get(key), vb = samples[k].get(key);
      if (!va || !vb) continue;
      rows.push({ ...spot, unit: samples[0].unit(key), ...pairedRow(va, vb, level) });
    }
    return {
      manifest: { engine: ENGINE_VERSION, a: info[0], b: info[k], rootSeed: root, seeds, reps, agents, level, wallMs },
      segments: segmentsOf[j], years, rows,
    };
  });
  const fig = plan.best;
  const best: BestRow[] = [];
  for (const { key, spot } of comparedFigures(segmentsOf[0], years, arms, plan.seasonal)) {
    if (spot.platform !== fig.platform || spot.metric !== fig.metric) continue; // a `<x>_saar` figure ranks by the seasonally adjusted rate
    const values = samples.map((s) => s.get(key));
    if (values.some((v) => !v)) continue;
    const means = values.map((v) => pairedRow(v!, v!, level).meanA);
    const sign = fig.lowerIsBetter ? -1 : 1;
    let b = -1;
    means.forEach((m, i) => { if (Number.isFinite(m) && (b < 0 || sign * m > sign * means[b])) b = i; });
    if (b < 0) continue;
    const vsRest = arms.map((s, i) => ({ i, s })).filter(({ i }) => i !== b).map(({ i, s }) => {
      const p = pairedRow(values[i]!, values[b]!, level);
      return { arm: i, id: s.id, diff: p.diff, lo: p.diffLo, hi: p.diffHi };
    });
    const { phaseA: _a, phaseB: _b, ...where } = spot;
    best.push({
      ...where, unit: samples[0].unit(key), direction: fig.lowerIsBetter ? 'lower' : 'higher', means, best: b, bestId: arms[b].id, vsRest,
      clear: vsRest.every((r) => (fig.lowerIsBetter ? r.hi < 0 : r.lo > 0)),
    });
  }
  return { arms: info, comparisons, best };
}
