import { setMaxListeners } from 'node:events';
import Tinypool from 'tinypool';
import type { FiguresOutcome, FiguresTask } from '../pool/figuresTask.ts';
import { UsageError } from '../errors.ts';

/** Exit codes of an interrupted command (128 + signal number), as for `run` and `sweep`. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Thrown when SIGINT/SIGTERM stopped the replications: nothing was written. */
export class ReplicationsInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) { super(`interrupted by ${signal}: nothing was written`); }
  get exitCode(): number { return SIGNAL_EXIT[this.signal] ?? 130; }
}

/**
 * Run replications on `workers` worker threads (tinypool, the engine loaded through tsx as in
 * the sweep's pool) and return their outcomes in task order; `onDone(i, outcome)` after each.
 * The results are the same as running the tasks one after the other (each run is a pure
 * function of its scenario, seed and agent count). SIGINT/SIGTERM stop every worker at once
 * and reject with ReplicationsInterrupted; a second signal quits the process.
 */
export async function runReplications(tasks: readonly FiguresTask[], workers: number, onDone: (i: number, o: FiguresOutcome) => void): Promise<FiguresOutcome[]> {
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers: expected a whole number ≥ 1, got ${workers}`);
  const pool = new Tinypool({ filename: new URL('../pool/figuresWorker.mjs', import.meta.url).href, minThreads: Math.min(workers, tasks.length), maxThreads: Math.min(workers, tasks.length), isolateWorkers: false });
  const abort = new AbortController();
  setMaxListeners(tasks.length + 1, abort.signal); // one listener per queued task: not a leak
  let signal: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal) process.exit(SIGNAL_EXIT[sig] ?? 130);
    signal = sig;
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const out = await Promise.all(tasks.map(async (t, i) => {
      const o = (await pool.run(t, { signal: abort.signal })) as FiguresOutcome;
      onDone(i, o);
      return o;
    }));
    return out;
  } catch (e) {
    if (signal) throw new ReplicationsInterrupted(signal);
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.destroy();
  }
}
