/** Calibration: the objective over fixed seeds (evaluateParameters) and the Nelder–Mead fit of the free parameters to the targets (calibrate). */
import type { Parameters } from '../scenario/parameters.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import { simulate } from '../simulate.ts';
import { calibrationDistance } from './distance.ts';
import { checkFreeParameters, FREE_PARAMETERS, parametersOf, toUnit, type FreeParameter } from './freeParameters.ts';
import { nelderMead } from './nelderMead.ts';
import { measureTargets, targetReport, type TargetRow } from './targetReport.ts';
import type { Target } from './targetsFile.ts';
import { withParameters } from './withParameters.ts';

/** Options of `calibrate`. */
export interface CalibrateOptions {
  targets: readonly Target[];
  /** Parameters to fit. Default FREE_PARAMETERS. */
  free?: readonly FreeParameter[];
  /** User agents per run during the search. Default 5,000. */
  agents?: number;
  /** Seeds, fixed for the whole search (common random numbers); the objective averages over them. Default [1]. */
  seeds?: readonly (number | string)[];
  /** Maximum number of objective evaluations (each runs one simulation per seed). Default 150. */
  budget?: number;
  /** Per-target weights of the distance (default 1). */
  weights?: Readonly<Record<string, number>>;
  /** Initial simplex edge in box units. Default 0.1. */
  step?: number;
  /** Called after every evaluation. */
  onEval?: (evals: number, budget: number, distance: number, best: number) => void;
}

/** One evaluation of the calibration objective. */
export interface Evaluation {
  parameters: Parameters;
  distance: number;
  /** Target id → simulated value, mean over the seeds. */
  values: Map<string, number>;
}

/** The outcome of a calibration. */
export interface Calibration {
  /** The fitted values of the free parameters (4 significant digits). */
  parameters: Parameters;
  /** Their values at the start (the scenario's). */
  start: Parameters;
  startDistance: number;
  distance: number;
  evals: number;
  stop: string;
  agents: number;
  seeds: (number | string)[];
  /** Best distance after each evaluation. */
  history: number[];
  /** Target report at the start and at the best point (search agents and seeds). */
  before: TargetRow[];
  after: TargetRow[];
}

/**
 * Objective of the calibration: run the scenario with `overrides` on each of the
 * fixed seeds at `agents`, measure every target, average over seeds, and return
 * the normalised distance (engine/calibration/distance.ts) with the values.
 */
export function evaluateParameters(scenario: ResolvedScenario, overrides: Parameters, targets: readonly Target[], agents: number, seeds: readonly (number | string)[], weights: Readonly<Record<string, number>> = {}): Evaluation & { perSeed: Map<string, number>[] } {
  const resolved = withParameters(scenario, overrides);
  const perSeed = seeds.map((seed) => measureTargets(simulate(resolved, { seed, agents }), targets));
  const values = new Map<string, number>();
  for (const t of targets) values.set(t.id, perSeed.reduce((s, v) => s + (v.get(t.id) ?? NaN), 0) / perSeed.length);
  return { parameters: overrides, distance: calibrationDistance(targets, values, weights), values, perSeed };
}

/**
 * Fit the free parameters to the targets: Nelder–Mead (nelderMead.ts) over the
 * unit box of the parameters' search bounds, from the scenario's values, with
 * the seeds fixed so the objective is a deterministic function of the parameters.
 */
export function calibrate(scenario: ResolvedScenario, options: CalibrateOptions): Calibration {
  const free = options.free ?? FREE_PARAMETERS;
  checkFreeParameters(free);
  const agents = options.agents ?? 5000;
  const seeds = [...(options.seeds ?? [1])];
  const budget = options.budget ?? 150;
  const targets = options.targets;
  const x0 = free.map((p) => toUnit(p, scenario.parameters[p.key]));
  const start = Object.fromEntries(free.map((p) => [p.key, scenario.parameters[p.key]]));
  const first = evaluateParameters(scenario, start, targets, agents, seeds, options.weights);
  const history: number[] = [];
  let bestSoFar = first.distance;
  let bestEval: (Evaluation & { perSeed: Map<string, number>[] }) = first;
  const result = nelderMead((x) => {
    const ev = evaluateParameters(scenario, parametersOf(free, x), targets, agents, seeds, options.weights);
    if (ev.distance < bestSoFar) { bestSoFar = ev.distance; bestEval = ev; }
    history.push(bestSoFar);
    options.onEval?.(history.length, budget, ev.distance, bestSoFar);
    return ev.distance;
  }, x0, { maxEvals: budget, step: options.step ?? 0.1 });
  return {
    parameters: bestEval.parameters, start, startDistance: first.distance, distance: bestEval.distance,
    evals: history.length, stop: result.stop, agents, seeds,
    history, before: targetReport(targets, first.perSeed), after: targetReport(targets, bestEval.perSeed),
  };
}
