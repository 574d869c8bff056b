import type { ResolvedScenario } from '../../engine/scenario/resolve.ts';
import { assembleArms, compareArms, planArms, type ArmsComparison, type CompareArmsOptions } from '../../engine/stats/compareArms.ts';
import { assembleExplain, explain, planExplain, type Explanation, type ExplainOptions } from '../../engine/stats/explain.ts';
import { assembleReplication, planReplication, replicate, type Replication, type ReplicateOptions } from '../../engine/stats/replicate.ts';
import type { FiguresTask } from '../pool/figuresTask.ts';
import { runReplications } from './runReplications.ts';

/**
 * `compareArms` with its runs on `workers` worker threads (one run per task); with one worker,
 * in this thread as the library does. Same comparison either way (common random numbers: every
 * run is a pure function of its scenario, seed and agents); the manifests' wallMs is then the
 * elapsed time. `onRun(arm, rep)` after each run (in completion order when parallel).
 */
export async function compareArmsOnWorkers(arms: ResolvedScenario[], options: CompareArmsOptions, workers: number, onRun: (arm: number, rep: number) => void): Promise<ArmsComparison> {
  if (workers <= 1) return compareArms(arms, options);
  const plan = planArms(arms, options);
  const K = plan.runnable.length;
  const tasks: FiguresTask[] = plan.seeds.flatMap((seed) => plan.runnable.map((scenario) => ({ scenario, seed, agents: plan.agentsPerRun, kind: 'compare' as const, seasonal: plan.seasonal })));
  const t0 = performance.now();
  const out = await runReplications(tasks, workers, (i) => onRun(i % K, Math.floor(i / K)));
  const figures = plan.seeds.map((_, rep) => plan.runnable.map((_, k) => out[rep * K + k].figures));
  return assembleArms(plan, figures, performance.now() - t0, out[out.length - 1].agents);
}

/** `replicate` with its runs on `workers` worker threads; with one worker, in this thread. Same summary either way. */
export async function replicateOnWorkers(scenario: ResolvedScenario, options: ReplicateOptions, workers: number, onRun: (rep: number) => void): Promise<Replication> {
  if (workers <= 1) return replicate(scenario, options);
  const plan = planReplication(scenario, options);
  const tasks: FiguresTask[] = plan.seeds.map((seed) => ({ scenario: plan.scenario, seed, agents: options.agents, kind: 'replicate' as const, seasonal: false }));
  const t0 = performance.now();
  const out = await runReplications(tasks, workers, (i) => onRun(i));
  const last = out[out.length - 1];
  return assembleReplication(plan, out.map((o) => o.figures), performance.now() - t0, last.agents, last.weight);
}

/** `explain` with its runs (every coalition × replication) on `workers` worker threads; with one worker, in this thread. Same explanation either way. */
export async function explainOnWorkers(a: ResolvedScenario, b: ResolvedScenario, options: ExplainOptions, workers: number, onRun: (done: number, total: number) => void): Promise<Explanation> {
  if (workers <= 1) return explain(a, b, options);
  const plan = planExplain(a, b, options);
  const J = plan.coalitions.length;
  const tasks: FiguresTask[] = plan.seeds.flatMap((seed) => plan.coalitions.map((k) => ({ scenario: plan.scenarios.get(k)!, seed, agents: plan.agents, kind: 'compare' as const, seasonal: plan.seasonal })));
  const t0 = performance.now();
  let done = 0;
  const out = await runReplications(tasks, workers, () => onRun(++done, tasks.length));
  const figures = plan.seeds.map((_, rep) => plan.coalitions.map((_, j) => out[rep * J + j].figures));
  return assembleExplain(plan, figures, performance.now() - t0, out[out.length - 1].agents);
}
