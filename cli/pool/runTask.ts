import { executeRun, type RunOutcome, type RunTask } from '../sweep/executeRun.ts';

/** The pool's task handler: one sweep run in this worker thread (see executeRun). */
export default function runTask(task: RunTask): RunOutcome {
  return executeRun(task);
}
