/// <reference lib="webworker" />
/**
 * The engine in a Web Worker: runs one simulation job at a time and posts
 * progress after every simulated month, then the run's figures (viz/data/runFigures).
 */
import '../zodConfig.ts';
import { simulate } from '../../engine/index.ts';
import { runFigures } from '../data/runFigures.ts';
import type { Job } from '../data/runPlan.ts';

/** Messages from the page. */
type WorkerRequest = { type: 'run'; id: number; job: Job };
/** Messages to the page. */
export type WorkerReply =
  | { type: 'progress'; id: number; day: number; days: number }
  | { type: 'done'; id: number; figures: ReturnType<typeof runFigures>; wallMs: number; weight: number }
  | { type: 'error'; id: number; message: string };

const post = (m: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, job } = e.data;
  try {
    const r = simulate(job.scenario, { seed: job.seed, agents: job.agents, clock: () => performance.now(), onProgress: (day, days) => post({ type: 'progress', id, day, days }) });
    post({ type: 'done', id, figures: runFigures(r), wallMs: r.manifest.wallMs, weight: r.manifest.weight });
  } catch (err) {
    post({ type: 'error', id, message: (err as Error).message ?? String(err) });
  }
};
