import { join } from 'node:path';
import { epochDay } from '../../engine/calendar.ts';
import { createRunPool, type RunPool } from '../pool/createRunPool.ts';
import { checkOutputs } from './checkOutputs.ts';
import type { RunTask } from './executeRun.ts';
import { prepareSweepDir, sweepManifest } from './manifest.ts';
import { mergeSweep } from './mergeSweep.ts';
import type { Sweep } from './parseSweep.ts';
import { finishedRuns, moveStaleParts, partId, removeStaleTemp } from './partFiles.ts';
import { createPlan, type Plan } from './plan.ts';
import { inShard, type Shard } from './shard.ts';
import { writeShardReport } from './shardReport.ts';
import { createSweepProgress } from './sweepProgress.ts';
import type { SweepSummary } from './sweepSummary.ts';

/** Options of runSweep. */
interface RunSweepOptions {
  /** Sweep directory (created if missing). */
  out: string;
  /** Worker threads; default all cores. */
  workers: number;
  shard: Shard;
  quiet?: boolean;
  /** After a complete unsharded sweep, merge into out/results.<format>; default true. */
  merge?: boolean;
  /** Stop dispatching when aborted (SIGINT/SIGTERM); running runs are dropped, finished ones kept. */
  signal?: AbortSignal;
}

interface Pending { run: number; key: string; days: number }

/**
 * Run a sweep, or the slice of it this shard owns, in `dir`: plan it, write the manifest
 * and design, skip runs whose parts are on disk, and run the rest on a worker pool with one
 * combined progress bar; each run's rows are committed as it finishes. Resumable at any
 * point: a run is on disk completely or not at all.
 */
export async function runSweep(sweep: Sweep, opts: RunSweepOptions): Promise<SweepSummary> {
  const t0 = performance.now();
  const plan = createPlan(sweep);
  checkOutputs(plan);
  const mine: Pending[] = [];
  for (let r = 0; r < plan.total; r++) {
    if (!inShard(r, opts.shard)) continue;
    const spec = plan.spec(r);
    const s = plan.scenario(spec);
    mine.push({ run: r, key: plan.key(spec), days: epochDay(s.end) - epochDay(s.start) + 1 });
  }
  const warnings = prepareSweepDir(opts.out, sweepManifest(plan), plan);
  const stale = moveStaleParts(opts.out, new Map(mine.map((p) => [p.run, p.key])), sweep.formats);
  if (stale > 0) warnings.push(`warning: ${stale} part files in ${opts.out} were made by another model (the engine, a scenario file or a parameter default changed since): moved to ${join(opts.out, 'stale')}; their runs run again`);
  for (const w of warnings) process.stderr.write(w + '\n');
  const done = finishedRuns(opts.out, sweep.formats);
  const pending = mine.filter((p) => !done.has(partId(p.run, p.key)));
  removeStaleTemp(opts.out, new Set(pending.map((p) => p.key)));
  const already = mine.length - pending.length;
  const summary: SweepSummary = { plan, slice: mine.length, already, ran: 0, missing: pending.length, interrupted: false, wallSeconds: 0, merged: [], warnings };
  if (!opts.quiet && already > 0) process.stderr.write(`resuming: ${already} of ${mine.length} runs already in ${opts.out}; ${pending.length} to run\n`);
  if (pending.length > 0) await runPending(plan, pending, opts, summary);
  // Count from disk: a run whose parts were committed just as a signal arrived is done too.
  const nowDone = finishedRuns(opts.out, sweep.formats);
  summary.ran = pending.filter((p) => nowDone.has(partId(p.run, p.key))).length;
  summary.missing = pending.length - summary.ran;
  summary.interrupted = summary.missing > 0 && opts.signal?.aborted === true;
  summary.wallSeconds = (performance.now() - t0) / 1000;
  writeShardReport(opts.out, opts.shard, summary, opts.workers);
  if (!summary.interrupted && summary.missing === 0 && opts.shard.count === 1 && opts.merge !== false) {
    for (const f of sweep.formats) summary.merged.push(await mergeSweep([opts.out], join(opts.out, `results.${f}`)));
  }
  return summary;
}

async function runPending(plan: Plan, pending: Pending[], opts: RunSweepOptions, summary: SweepSummary): Promise<void> {
  const workers = Math.max(1, Math.min(opts.workers, pending.length));
  const live = new SharedArrayBuffer(4 * workers);
  const liveDays = new Int32Array(live);
  const totalDays = pending.reduce((s, p) => s + p.days, 0);
  const shardLabel = opts.shard.count > 1 ? ` shard ${opts.shard.index}/${opts.shard.count}` : '';
  const progress = createSweepProgress(`sweep ${plan.sweep.id}${shardLabel}`, totalDays, pending.length, opts.quiet);
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  if (opts.signal?.aborted) abort.abort(); // a signal that came while planning
  opts.signal?.addEventListener('abort', onAbort);
  let doneDays = 0, next = 0;
  let failure: Error | undefined;
  const tick = () => progress.update(doneDays + liveDays.reduce((s, d) => s + d, 0), summary.ran);
  const timer = setInterval(tick, 200);
  const pool: RunPool = createRunPool(workers);
  const lane = async (slot: number) => {
    while (!abort.signal.aborted && next < pending.length) {
      const p = pending[next++];
      const spec = plan.spec(p.run);
      const task: RunTask = { spec, key: p.key, scenario: plan.scenario(spec), dir: opts.out, formats: plan.sweep.formats, outputs: plan.sweep.outputs, progress: { buffer: live, slot } };
      Atomics.store(liveDays, slot, 0);
      try {
        await pool.run(task, abort.signal);
        doneDays += p.days;
        summary.ran++;
      } catch (err) {
        if (!abort.signal.aborted) {
          failure = new Error(`run ${p.run} (key ${p.key}, scenario ${spec.scenario}, parameters ${spec.parameters}, seed ${spec.seed}) failed: ${(err as Error).stack ?? err}`);
          abort.abort();
        }
      }
      Atomics.store(liveDays, slot, 0);
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, (_, slot) => lane(slot)));
  } finally {
    clearInterval(timer);
    tick();
    progress.stop();
    opts.signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
    removeStaleTemp(opts.out, new Set(pending.map((p) => p.key)));
  }
  if (failure) throw failure;
}
