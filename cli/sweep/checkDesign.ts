import { ScenarioError, type ScenarioIssue } from '../../engine/index.ts';
import { PARAMETER_SUM_RULES } from '../../engine/scenario/constraints.ts';
import { parseScenarioFile } from '../../engine/scenario/parseScenarioFile.ts';
import { leverPatch } from './factors.ts';
import type { Plan } from './plan.ts';

/** Thrown when a signal stops the planning of a sweep (nothing has been written yet). */
export class PlanningInterrupted extends Error {
  override name = 'PlanningInterrupted';
}

/** Let the event loop run (so SIGINT/SIGTERM handlers can) about every 25 ms of a long loop; throw if aborted. */
export function createYielder(signal?: AbortSignal): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 25) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
    if (signal?.aborted) throw new PlanningInterrupted('interrupted while planning: nothing was written');
  };
}

/**
 * Check the whole design of a sweep before anything runs, in every shard (a value only
 * another shard reaches must stop this one too). Every value (or min and max) of a lever
 * factor must be a valid value of the lever: issues at `factors[i].values[j]`, `.min` or
 * `.max`. Parameter factors' ranges are checked by parseFactor; here every design point of
 * every scenario is checked against the rules between parameters (shares of one whole),
 * reported at the factor with the point's values. Long loops yield to the event loop and
 * stop with PlanningInterrupted when `signal` is aborted.
 */
export async function checkDesign(plan: Plan, signal?: AbortSignal): Promise<void> {
  const { sweep } = plan;
  const issues: ScenarioIssue[] = [];
  sweep.factors.forEach((f, i) => {
    if (f.kind !== 'lever') return;
    const values: [string, unknown][] = f.values ? f.values.map((v, j) => [`values[${j}]`, v]) : [['min', f.min], ['max', f.max]];
    for (const [at, v] of values) {
      try {
        parseScenarioFile({ id: 'factor-check', policies: [{ date: '2020-01-01', set: leverPatch(f.lever!, v as number) }] }, sweep.file);
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        for (const iss of err.issues) issues.push({ path: `factors[${i}].${at}`, message: `${iss.message.replace(/^expected/, `expected for lever ${f.lever}`)}` });
      }
    }
  });
  if (issues.length) throw new ScenarioError(issues, sweep.file);

  const factorOf = new Map(sweep.factors.map((f, i) => [f.parameter, i] as const).filter(([k]) => k !== undefined));
  const rules = PARAMETER_SUM_RULES.filter((r) => r.keys.some((k) => factorOf.has(k)));
  if (!rules.length) return;
  const pause = createYielder(signal);
  for (const base of plan.bases) {
    for (let j = 0; j < plan.design.size; j++) {
      if ((j & 1023) === 0) await pause();
      const point = plan.design.point(j);
      for (const rule of rules) {
        const value = (k: string) => (factorOf.has(k) ? point.values[factorOf.get(k)!] as number : base.resolved.parameters[k]);
        const sum = rule.keys.reduce((s, k) => s + value(k), 0);
        if (sum <= rule.max + 1e-12) continue;
        const first = rule.keys.find((k) => factorOf.has(k))!;
        const varied = rule.keys.filter((k) => factorOf.has(k)).map((k) => `${k} = ${value(k)}`).join(', ');
        const terms = rule.keys.map((k) => `${k} = ${value(k)}`).join(' + ');
        throw new ScenarioError([{
          path: `factors[${factorOf.get(first)}]`,
          message: `design point ${j} (${varied})${plan.bases.length > 1 ? ` of scenario "${base.id}"` : ''}: expected ${rule.keys.join(' + ')} <= ${rule.max} (${rule.what}), got ${terms} = ${+sum.toPrecision(12)}`,
        }], sweep.file);
      }
    }
  }
}
