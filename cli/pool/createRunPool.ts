import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { RunOutcome, RunTask } from '../sweep/executeRun.ts';

/** A pool of worker threads that each run the TypeScript engine (through tsx). */
export interface RunPool {
  /** Worker threads in the pool. */
  size: number;
  /** Run a task in a free worker; aborting `signal` terminates that worker and rejects. */
  run(task: RunTask, signal?: AbortSignal): Promise<RunOutcome>;
  /** Stop every worker. */
  destroy(): Promise<void>;
}

/** Default worker count: the cores Node reports (os.availableParallelism()). */
export const defaultWorkers = (): number => availableParallelism();

/**
 * Start `workers` worker threads (tinypool) whose entry, cli/pool/worker.mjs, registers
 * tsx and loads cli/pool/runTask.ts. Threads start at once and live until destroy().
 */
export function createRunPool(workers: number): RunPool {
  const pool = new Tinypool({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    isolateWorkers: false,
  });
  return {
    size: workers,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}) as Promise<RunOutcome>,
    destroy: () => pool.destroy(),
  };
}
