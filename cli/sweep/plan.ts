import { replicationSeed, resolveScenario, ScenarioError, type ResolvedScenario } from '../../engine/index.ts';
import { applyPolicyPatch } from '../../engine/scenario/policy.ts';
import { fileLoader, locateScenario, readJsonFile } from '../io/loadScenario.ts';
import { createDesign, designSize, type Design, type DesignPoint } from './design.ts';
import { UsageError } from '../errors.ts';
import { leverPatch } from './factors.ts';
import type { Sweep } from './parseSweep.ts';
import { runKey } from './runKey.ts';
import { scenarioLoader } from './scenarioLoader.ts';

/** One run of a sweep: where it sits in the plan and what it varies. */
export interface RunSpec {
  /** Index in the whole sweep, 0..total−1: ((scenario × points) + sample) × replications + replication. */
  run: number;
  scenarioIndex: number;
  /** Scenario id. */
  scenario: string;
  /** Design point index. */
  sample: number;
  replication: number;
  /** replicationSeed(root seed, replication): the same for every scenario and sample (common random numbers). */
  seed: number;
  /** The factor values of the design point as JSON, keyed by factor path in factor order ("{}" without factors). */
  parameters: string;
}

/** A swept base scenario: its file, the files of its `extends` chain (itself first) and its resolution with the sweep's overrides but no factor values. */
interface BaseScenario { id: string; path: string; files: string[]; resolved: ResolvedScenario }

/** The expanded sweep: scenarios × design points × replications, resolved lazily run by run. */
export interface Plan {
  sweep: Sweep;
  bases: BaseScenario[];
  /** The design points, computed when asked. */
  design: Design;
  /** Replication seeds, seeds[r] = replicationSeed(sweep.seed, r). */
  seeds: number[];
  total: number;
  spec(run: number): RunSpec;
  /** The resolved scenario of a run (the last one is cached: replications share it). */
  scenario(spec: RunSpec): ResolvedScenario;
  key(spec: RunSpec): string;
}

/**
 * Most runs a sweep may have without --force: at ~1 s per small run that is days of one
 * machine; larger designs are nearly always a mistake (10 levels of 7 factors are 10^7 runs).
 */
export const MAX_SWEEP_RUNS = 1_000_000;

/** The number of runs of a sweep (scenarios × design points × replications), without planning it. */
export const sweepRuns = (sweep: Sweep): number => sweep.scenarios.length * designSize(sweep.design, sweep.factors) * sweep.replications;

/**
 * Refuse a sweep of more than MAX_SWEEP_RUNS runs unless `force`, and any sweep whose runs
 * cannot be numbered exactly (more than 2^53): a UsageError (exit 2) with the count.
 */
export function checkSweepSize(sweep: Sweep, force = false): void {
  const points = designSize(sweep.design, sweep.factors), runs = sweepRuns(sweep);
  const what = `${sweep.scenarios.length.toLocaleString('en-US')} scenario${sweep.scenarios.length > 1 ? 's' : ''} × ${points.toLocaleString('en-US')} design points × ${sweep.replications.toLocaleString('en-US')} replication${sweep.replications > 1 ? 's' : ''} = ${runs.toLocaleString('en-US', { maximumFractionDigits: 0 })} runs`;
  if (!Number.isSafeInteger(runs)) throw new UsageError(`${sweep.file}: the sweep has ${what}; expected at most ${MAX_SWEEP_RUNS.toLocaleString('en-US')} runs (or, with --force, at most 2^53): use fewer factors, levels, samples or replications`);
  if (runs > MAX_SWEEP_RUNS && !force) throw new UsageError(`${sweep.file}: the sweep has ${what}; expected at most ${MAX_SWEEP_RUNS.toLocaleString('en-US')} runs: use fewer factors, levels, samples or replications, or pass --force to run it anyway`);
}

/** Expand a sweep into its plan; resolves each base scenario (errors name the scenario and path). Call checkSweepSize first. */
export function createPlan(sweep: Sweep): Plan {
  checkSweepSize(sweep, true);
  const bases = sweep.scenarios.map((name, i): BaseScenario => {
    let path: string;
    try {
      path = locateScenario(name, sweep.file);
    } catch (err) {
      throw new ScenarioError([{ path: `scenarios[${i}]`, message: (err as Error).message }], sweep.file);
    }
    const id = (readJsonFile(path) as { id?: string }).id ?? name;
    const loader = fileLoader(path, false);
    const base: BaseScenario = { id, path, files: loader.files, resolved: undefined as unknown as ResolvedScenario };
    base.resolved = resolveDerived(sweep, base, undefined, loader.load);
    return base;
  });
  const design = createDesign(sweep.design, sweep.factors, sweep.seed);
  const seeds = Array.from({ length: sweep.replications }, (_, r) => replicationSeed(sweep.seed, r));
  const R = sweep.replications, S = design.size;
  let lastPoint: { j: number; p: DesignPoint } | undefined;
  const pointAt = (j: number) => (lastPoint?.j === j ? lastPoint.p : (lastPoint = { j, p: design.point(j) }).p);
  let cached: { s: number; j: number; resolved: ResolvedScenario } | undefined;
  const plan: Plan = {
    sweep, bases, design, seeds,
    total: bases.length * S * R,
    spec(run) {
      const scenarioIndex = Math.floor(run / (S * R)), sample = Math.floor(run / R) % S, replication = run % R;
      const point = pointAt(sample);
      const params = Object.fromEntries(sweep.factors.map((f, i) => [f.path, point.values[i]]));
      return { run, scenarioIndex, scenario: bases[scenarioIndex].id, sample, replication, seed: seeds[replication], parameters: JSON.stringify(params) };
    },
    scenario(spec) {
      if (!cached || cached.s !== spec.scenarioIndex || cached.j !== spec.sample) {
        cached = { s: spec.scenarioIndex, j: spec.sample, resolved: resolveDerived(sweep, bases[spec.scenarioIndex], pointAt(spec.sample)) };
      }
      return cached.resolved;
    },
    key: (spec) => runKey(plan.scenario(spec), spec.seed),
  };
  return plan;
}

/**
 * Resolve a base scenario with the sweep's overrides (agents, span, parameters) and a
 * design point's factor values: a child scenario that extends the base file, sets the
 * parameters and replaces each varied timeline entry by a copy with the lever changed.
 */
function resolveDerived(sweep: Sweep, base: BaseScenario, point: DesignPoint | undefined, load = scenarioLoader(base.path)): ResolvedScenario {
  const parameters: Record<string, number> = { ...sweep.parameters };
  const patches = new Map<string, Record<string, unknown>>();
  const issues: { path: string; message: string }[] = [];
  sweep.factors.forEach((f, i) => {
    if (!point) return;
    const v = point.values[i];
    if (f.kind === 'parameter') parameters[f.parameter!] = v as number;
    else patches.set(f.entryId!, applyPolicyPatch(patches.get(f.entryId!) ?? {}, leverPatch(f.lever!, v)));
  });
  const policies = [...patches].map(([id, patch]) => {
    const e = base.resolved.timeline.find((t) => t.id === id)!;
    return { id, date: e.date, ...(e.phase ? { phase: e.phase } : {}), ...(e.label ? { label: e.label } : {}), set: applyPolicyPatch(e.set, patch) };
  });
  const child = {
    id: base.id, extends: base.path,
    ...(sweep.agents !== undefined ? { agents: sweep.agents } : {}),
    ...(sweep.start ? { start: sweep.start } : {}),
    ...(sweep.end ? { end: sweep.end } : {}),
    parameters, policies,
  };
  try {
    const resolved = resolveScenario(child, load, sweep.file);
    if (!point) checkLeverEntries(sweep, base.id, resolved, issues);
    if (issues.length) throw new ScenarioError(issues, sweep.file);
    return resolved;
  } catch (err) {
    if (!(err instanceof ScenarioError) || issues.length) throw err;
    const where = point ? ` (scenario "${base.id}" with ${JSON.stringify(Object.fromEntries(sweep.factors.map((f, i) => [f.path, point.values[i]])))})` : ` (scenario "${base.id}" with the sweep's agents, start, end and parameters)`;
    throw new ScenarioError(err.issues.map((i) => ({ path: i.path, message: i.message + where })), sweep.file);
  }
}

function checkLeverEntries(sweep: Sweep, id: string, resolved: ResolvedScenario, issues: { path: string; message: string }[]): void {
  sweep.factors.forEach((f, i) => {
    if (f.kind === 'lever' && !resolved.timeline.some((t) => t.id === f.entryId)) {
      const ids = resolved.timeline.map((t) => t.id).filter(Boolean).join(', ');
      issues.push({ path: `factors[${i}].path`, message: `scenario "${id}" has no timeline entry with id "${f.entryId}" in ${resolved.start}..${resolved.end} (its entries: ${ids})` });
    }
  });
}
