/** Replications of one scenario: replicate runs it on seeds derived from a root seed, and FigureSamples summarises every figure with a Student-t interval. */
import type { Result } from '../metrics/result.ts';
import { replicationSeed } from '../random/seed.ts';
import { resolveScenario, type Phase, type ResolvedScenario, type ScenarioLoader } from '../scenario/resolve.ts';
import { isResolved, simulate } from '../simulate.ts';
import { ENGINE_VERSION } from '../version.ts';
import { figureKey, figuresOf, type FigureRow } from './figures.ts';
import { CONFIDENCE, meanInterval, type Interval } from './summary.ts';

/** Options of `replicate`. */
export interface ReplicateOptions {
  /** Number of replications (seeds), a whole number >= 1. Default 10. */
  reps?: number;
  /** Root seed the replication seeds derive from (replicationSeed(root, i)). Default: the scenario's seed. */
  seed?: number | string;
  /** User agents per run. Default: the scenario's (50,000 in historical). */
  agents?: number;
  /** Loader for `extends` when a raw scenario is given. */
  load?: ScenarioLoader;
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  level?: number;
  /** Clock for wall times (inject `performance.now`); default none (wall time 0). */
  clock?: () => number;
  /** Called after each simulated month of each replication. */
  onProgress?: (rep: number, reps: number, day: number, days: number) => void;
  /** Called with each finished Result (e.g. to write it out); the Results are not kept. */
  onResult?: (result: Result, rep: number) => void;
}

/** What a set of replications ran: one scenario, R seeds from one root seed. */
export interface ReplicationManifest {
  engine: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioHash: string;
  /** The root seed and the seeds derived from it, seeds[i] = replicationSeed(rootSeed, i). */
  rootSeed: number | string;
  seeds: number[];
  reps: number;
  agents: number;
  /** Real people per user agent. */
  weight: number;
  start: string;
  end: string;
  /** Confidence level of every interval. */
  level: number;
  /** Sum of the runs' wall times, ms (0 without a clock). */
  wallMs: number;
}

/** A figure over replications: its key, mean and interval, and the value of every replication in seed order. */
export interface FigureSummary extends Omit<FigureRow, 'value'>, Interval {
  values: number[];
}

/** The outcome of `replicate`. */
export interface Replication {
  manifest: ReplicationManifest;
  phases: Phase[];
  /** Mean and Student-t interval of every figure of the Result (see figuresOf). */
  figures: FigureSummary[];
}

/** The seeds of R replications derived from one root seed. */
export function replicationSeeds(root: number | string, reps: number): number[] {
  checkReps(reps);
  return Array.from({ length: reps }, (_, i) => replicationSeed(root, i));
}

/**
 * Run a scenario R times with seeds derived from one root seed and summarise
 * every figure by its mean and a Student-t confidence interval. Runs one after
 * the other (the CLI may run them in parallel; results are identical).
 */
export function replicate(scenario: unknown, options: ReplicateOptions = {}): Replication {
  const plan = planReplication(scenario, options);
  let wallMs = 0, agents = 0, weight = 0;
  const figures = plan.seeds.map((seed, rep) => {
    const onProgress = options.onProgress ? (day: number, days: number) => options.onProgress!(rep, plan.reps, day, days) : undefined;
    const result = simulate(plan.scenario, { seed, agents: options.agents, clock: options.clock, onProgress });
    wallMs += result.manifest.wallMs;
    agents = result.manifest.agents;
    weight = result.manifest.weight;
    const f = figuresOf(result);
    options.onResult?.(result, rep);
    return f;
  });
  return assembleReplication(plan, figures, wallMs, agents, weight);
}

/** What `replicate` decides before running: the resolved scenario, the root seed and the replication seeds. */
export interface ReplicationPlan { scenario: ResolvedScenario; root: number | string; seeds: number[]; reps: number; level: number }

/** Resolve the scenario and derive the replication seeds (no simulation). */
export function planReplication(scenario: unknown, options: ReplicateOptions = {}): ReplicationPlan {
  const resolved: ResolvedScenario = isResolved(scenario) ? scenario : resolveScenario(scenario, options.load);
  const reps = options.reps ?? 10;
  const root = options.seed ?? resolved.seed;
  return { scenario: resolved, root, seeds: replicationSeeds(root, reps), reps, level: options.level ?? CONFIDENCE };
}

/**
 * The replication summary from every run's figures (`figuresOf`), `figures[rep]`, however the
 * runs were executed (one after the other, or on worker threads: the result is the same).
 */
export function assembleReplication(plan: ReplicationPlan, figures: readonly (readonly FigureRow[])[], wallMs: number, agents: number, weight: number): Replication {
  const { scenario: resolved, root, seeds, reps, level } = plan;
  const samples = new FigureSamples(reps);
  figures.forEach((f, rep) => samples.add(rep, f));
  return {
    manifest: {
      engine: ENGINE_VERSION, scenarioId: resolved.id, scenarioTitle: resolved.title, scenarioHash: resolved.hash,
      rootSeed: root, seeds, reps, agents, weight, start: resolved.start, end: resolved.end, level, wallMs,
    },
    phases: resolved.phases,
    figures: samples.summarise(level),
  };
}

/** Throw a RangeError unless reps is a whole number in [1, 100000]. */
export function checkReps(reps: number): void {
  if (!Number.isInteger(reps) || reps < 1 || reps > 100_000) throw new RangeError(`reps: expected a whole number in [1, 100000], got ${reps}`);
}

/** Collects the figures of R runs by key (first-seen order); a figure missing from a run is NaN there (funnel counts: 0). */
export class FigureSamples {
  private readonly rows = new Map<string, { row: FigureRow; values: Float64Array }>();
  constructor(readonly reps: number) {}

  /** Record the figures of replication `rep`. */
  add(rep: number, figures: readonly FigureRow[]): void {
    for (const f of figures) {
      const k = figureKey(f);
      let e = this.rows.get(k);
      if (!e) { e = { row: f, values: new Float64Array(this.reps).fill(NaN) }; this.rows.set(k, e); }
      e.values[rep] = f.value;
    }
  }

  /** The values of one figure in replication order, or undefined when no run reported it. */
  get(key: string): Float64Array | undefined {
    const e = this.rows.get(key);
    return e && this.complete(e.row, e.values);
  }

  /** The unit of a figure ('' when unknown). */
  unit(key: string): string {
    return this.rows.get(key)?.row.unit ?? '';
  }

  /** Mean and interval of every figure. */
  summarise(level = CONFIDENCE): FigureSummary[] {
    return [...this.rows.values()].map(({ row, values }) => {
      const v = this.complete(row, values);
      const { value: _v, ...meta } = row;
      return { ...meta, ...meanInterval(v, level), values: Array.from(v) };
    });
  }

  private complete(row: FigureRow, values: Float64Array): Float64Array {
    if (row.table !== 'funnel') return values;
    return values.map((x) => (Number.isNaN(x) ? 0 : x));
  }
}
