import { simulate } from '../../engine/index.ts';
import { runFigures } from '../../viz/data/runFigures.ts';
import { assembleView, planJobs, type RunRequest } from '../../viz/data/runPlan.ts';
import type { ViewModel } from '../../viz/data/viewModel.ts';

/**
 * Run every job of a request one after the other in this thread (the same jobs,
 * seeds and figures the browser's workers run) and assemble the view.
 * `onProgress(done, total)` counts simulated days over all jobs.
 */
export function runView(req: RunRequest, onProgress?: (done: number, total: number) => void): ViewModel {
  const plan = planJobs(req);
  const daysOf = (s: { start: string; end: string }) => (Date.parse(s.end) - Date.parse(s.start)) / 86400000 + 1;
  const total = plan.jobs.reduce((s, j) => s + daysOf(j.scenario), 0);
  let before = 0, wallMs = 0, weight = 0;
  const figures = plan.jobs.map((job) => {
    const r = simulate(job.scenario, { seed: job.seed, agents: job.agents, clock: () => performance.now(), onProgress: (day) => onProgress?.(before + day, total) });
    before += daysOf(job.scenario);
    wallMs += r.manifest.wallMs;
    weight = r.manifest.weight;
    return runFigures(r);
  });
  return assembleView(req, plan, figures, wallMs, weight);
}
