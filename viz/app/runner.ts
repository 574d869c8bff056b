import type { FigureRow } from '../../engine/index.ts';
import { assembleView, planJobs, type RunRequest } from '../data/runPlan.ts';
import type { ViewModel } from '../data/viewModel.ts';
import type { WorkerReply } from '../worker/engine.worker.ts';

/** Thrown (as a rejection) when a run is cancelled. */
export class CancelledError extends Error {
  constructor() { super('run cancelled'); this.name = 'CancelledError'; }
}

/** Progress of a run: simulated days done over all jobs, and jobs finished. */
interface RunProgress { done: number; total: number; jobsDone: number; jobs: number }

/** Most workers a run uses (each runs whole simulations; results do not depend on the count). */
const MAX_WORKERS = 4;

/**
 * Runs the jobs of a request on a pool of Web Workers (one job per worker at a
 * time, up to min(jobs, hardwareConcurrency, 4) workers), so the page stays
 * responsive; `cancel()` terminates them at once.
 */
export class Runner {
  private workers: Worker[] = [];
  private reject: ((e: Error) => void) | null = null;

  /** Run a request; resolves with the assembled view, rejects with CancelledError or the engine's error. */
  run(req: RunRequest, onProgress: (p: RunProgress) => void): Promise<ViewModel> {
    this.cancel();
    const plan = planJobs(req);
    const n = Math.max(1, Math.min(plan.jobs.length, navigator.hardwareConcurrency || 2, MAX_WORKERS));
    const days = plan.jobs.map(() => 0), totals = plan.jobs.map((j) => (Date.parse(j.scenario.end) - Date.parse(j.scenario.start)) / 86400000 + 1);
    const figures: FigureRow[][] = new Array(plan.jobs.length);
    let next = 0, finished = 0, wallMs = 0, weight = 0;
    const total = totals.reduce((a, b) => a + b, 0);
    const report = () => onProgress({ done: days.reduce((a, b) => a + b, 0), total, jobsDone: finished, jobs: plan.jobs.length });
    return new Promise<ViewModel>((resolve, reject) => {
      this.reject = reject;
      const fail = (e: Error) => { this.cancel(); reject(e); };
      const start = (w: Worker) => {
        if (next >= plan.jobs.length) return;
        const id = next++;
        w.postMessage({ type: 'run', id, job: plan.jobs[id] });
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: `market-sim engine ${i + 1}` });
        w.onerror = (e) => fail(new Error(`engine worker failed: ${e.message || 'could not start'}`));
        w.onmessage = (e: MessageEvent<WorkerReply>) => {
          const m = e.data;
          if (m.type === 'progress') { days[m.id] = m.day; report(); return; }
          if (m.type === 'error') { fail(new Error(m.message)); return; }
          figures[m.id] = m.figures; days[m.id] = totals[m.id]; wallMs += m.wallMs; weight = m.weight; finished++;
          report();
          if (finished === plan.jobs.length) {
            this.terminate();
            this.reject = null;
            try { resolve(assembleView(req, plan, figures, wallMs, weight)); } catch (err) { reject(err as Error); }
          } else start(w);
        };
        this.workers.push(w);
        start(w);
      }
      report();
    });
  }

  /** Stop the running request, if any (its promise rejects with CancelledError). */
  cancel(): void {
    this.terminate();
    const r = this.reject;
    this.reject = null;
    r?.(new CancelledError());
  }

  private terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
