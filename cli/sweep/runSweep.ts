import { join } from 'node:path';
import { ScenarioError } from '../../engine/index.ts';
import { epochDay } from '../../engine/calendar.ts';
import { createRunPool, type RunPool } from '../pool/createRunPool.ts';
import { checkDesign, createYielder, PlanningInterrupted } from './checkDesign.ts';
import { checkOutputs } from './checkOutputs.ts';
import type { Column } from './columns.ts';
import type { RunTask } from './executeRun.ts';
import { prepareSweepDir, sweepManifest } from './manifest.ts';
import { mergeSweep } from './mergeSweep.ts';
import type { Sweep } from './parseSweep.ts';
import { finishedRuns, listParts, moveStaleParts, partId, removeStaleMergeTemp, removeStaleTemp } from './partFiles.ts';
import { checkSweepSize, createPlan, type Plan } from './plan.ts';
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
  /** Run a sweep of more than MAX_SWEEP_RUNS runs. */
  force?: boolean;
  /** Stop dispatching when aborted (SIGINT/SIGTERM); running runs are dropped, finished ones kept. While planning: PlanningInterrupted. */
  signal?: AbortSignal;
}

/** Rough simulation speed of one worker, agent-days per second, and fixed cost per run, seconds, for the printed estimate (docs/performance.md). */
const AGENT_DAYS_PER_SECOND = 1.5e6;
const SECONDS_PER_RUN = 0.05;

/** Runs r in [a, b) with r mod count = index. */
const shardCount = (a: number, b: number, s: Shard): number => {
  const upTo = (x: number) => (x > s.index ? Math.floor((x - 1 - s.index) / s.count) + 1 : 0);
  return upTo(b) - upTo(a);
};

const clock = (sec: number): string => {
  const t = Math.max(1, Math.round(sec)), h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60);
  return h ? `${h.toLocaleString('en-US')} h ${m} min` : m ? `${m} min ${t % 60} s` : `${t} s`;
};

/**
 * Run a sweep, or the slice of it this shard owns, in `dir`: refuse it if too large (unless
 * --force), check the whole design, write the manifest and design, skip runs whose parts are
 * on disk, print the run count and an estimated time, and run the rest on a worker pool with
 * one combined progress bar; each run's rows are committed as it finishes. Runs are planned
 * lazily (one design point and one resolved scenario at a time), so memory does not grow with
 * the number of runs. Resumable at any point: a run is on disk completely or not at all.
 */
export async function runSweep(sweep: Sweep, opts: RunSweepOptions): Promise<SweepSummary> {
  const t0 = performance.now();
  checkSweepSize(sweep, opts.force);
  const plan = createPlan(sweep);
  checkOutputs(plan);
  if (!opts.quiet) process.stderr.write(`sweep ${sweep.id}: ${plan.total.toLocaleString('en-US')} runs; checking the design (${plan.design.size.toLocaleString('en-US')} points)\n`);
  await checkDesign(plan, opts.signal);
  const { warnings, columns } = prepareSweepDir(opts.out, sweepManifest(plan), plan);
  removeStaleMergeTemp(opts.out);
  // Runs of this slice with files on disk: their keys now (a changed model makes other keys).
  const pause = createYielder(opts.signal);
  const keyOfRun = new Map<number, string>();
  try {
    for (const f of [...sweep.formats, 'json' as const]) {
      for (const p of listParts(opts.out, f).values()) {
        if (keyOfRun.has(p.run) || p.run >= plan.total || !inShard(p.run, opts.shard)) continue;
        await pause();
        keyOfRun.set(p.run, plan.key(plan.spec(p.run)));
      }
    }
  } catch (err) {
    if (err instanceof PlanningInterrupted) throw new PlanningInterrupted('interrupted while planning: no run was started (runs already on disk are kept)');
    throw err;
  }
  const stale = moveStaleParts(opts.out, keyOfRun, sweep.formats);
  if (stale > 0) warnings.push(`warning: ${stale} part files in ${opts.out} were made by another model (the engine, a scenario file or a parameter default changed since): moved to ${join(opts.out, 'stale')}; their runs run again`);
  for (const w of warnings) process.stderr.write(w + '\n');
  const onDisk = finishedRuns(opts.out);
  const done = new Set([...keyOfRun].filter(([run, key]) => onDisk.has(partId(run, key))).map(([run]) => run));
  const slice = shardCount(0, plan.total, opts.shard);
  const already = done.size;
  const per = plan.design.size * sweep.replications;
  const days = plan.bases.map((b) => epochDay(b.resolved.end) - epochDay(b.resolved.start) + 1);
  let totalDays = 0, agentDays = 0;
  plan.bases.forEach((b, s) => {
    const doneHere = [...done].filter((r) => Math.floor(r / per) === s).length;
    const n = shardCount(s * per, (s + 1) * per, opts.shard) - doneHere;
    totalDays += n * days[s];
    agentDays += n * days[s] * b.resolved.agents;
  });
  const pendingCount = slice - already;
  const summary: SweepSummary = { plan, slice, already, ran: 0, missing: pendingCount, interrupted: false, wallSeconds: 0, merged: [], warnings };
  if (!opts.quiet && already > 0) process.stderr.write(`resuming: ${already} of ${slice} runs already in ${opts.out}; ${pendingCount} to run\n`);
  if (!opts.quiet) {
    const w = Math.max(1, Math.min(opts.workers, pendingCount));
    const seconds = agentDays / (AGENT_DAYS_PER_SECOND * w) + (pendingCount * SECONDS_PER_RUN) / w;
    const shardText = opts.shard.count > 1 ? `, ${slice.toLocaleString('en-US')} in shard ${opts.shard.index}/${opts.shard.count}` : '';
    process.stderr.write(`sweep ${sweep.id}: ${plan.total.toLocaleString('en-US')} runs${shardText} (${pendingCount.toLocaleString('en-US')} to run now${already ? `, ${already.toLocaleString('en-US')} already on disk` : ''}), `
      + `${agentDays.toLocaleString('en-US')} agent-days; estimated ${pendingCount ? clock(seconds) : '0 s'} on ${w} worker${w > 1 ? 's' : ''} (rough)\n`);
  }
  if (pendingCount > 0) await runPending(plan, columns, pendingRuns(plan, opts.shard, done), pendingCount, totalDays, opts, summary);
  // Count from disk: a run whose parts were committed just as a signal arrived is done too.
  const nowDone = finishedRuns(opts.out);
  let ranNow = 0;
  for (const id of nowDone) {
    const run = Number(id.slice(0, id.indexOf('-')));
    if (run < plan.total && inShard(run, opts.shard) && !done.has(run)) ranNow++;
  }
  summary.ran = Math.min(ranNow, pendingCount);
  summary.missing = pendingCount - summary.ran;
  summary.interrupted = summary.missing > 0 && opts.signal?.aborted === true;
  summary.wallSeconds = (performance.now() - t0) / 1000;
  writeShardReport(opts.out, opts.shard, summary, opts.workers);
  if (!summary.interrupted && summary.missing === 0 && opts.shard.count === 1 && opts.merge !== false) {
    for (const f of sweep.formats) summary.merged.push(await mergeSweep([opts.out], join(opts.out, `results.${f}`)));
  }
  return summary;
}

/** The runs of the slice not on disk, in run order, one at a time. */
function* pendingRuns(plan: Plan, shard: Shard, done: ReadonlySet<number>): Generator<number> {
  for (let r = shard.index; r < plan.total; r += shard.count) if (!done.has(r)) yield r;
}

async function runPending(plan: Plan, columns: Column[], runs: Iterator<number>, count: number, totalDays: number, opts: RunSweepOptions, summary: SweepSummary): Promise<void> {
  const workers = Math.max(1, Math.min(opts.workers, count));
  const live = new SharedArrayBuffer(4 * workers);
  const liveDays = new Int32Array(live);
  const shardLabel = opts.shard.count > 1 ? ` shard ${opts.shard.index}/${opts.shard.count}` : '';
  const progress = createSweepProgress(`sweep ${plan.sweep.id}${shardLabel}`, totalDays, count, opts.quiet);
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  if (opts.signal?.aborted) abort.abort(); // a signal that came while planning
  opts.signal?.addEventListener('abort', onAbort);
  let doneDays = 0, ran = 0;
  let failure: Error | undefined;
  const inFlight = new Set<string>();
  const tick = () => progress.update(doneDays + liveDays.reduce((s, d) => s + d, 0), ran);
  const timer = setInterval(tick, 200);
  const pool: RunPool = createRunPool(workers);
  const lane = async (slot: number) => {
    while (!abort.signal.aborted) {
      const next = runs.next();
      if (next.done) break;
      let task: RunTask | undefined;
      try {
        const spec = plan.spec(next.value);
        const scenario = plan.scenario(spec);
        task = { spec, key: plan.key(spec), scenario, dir: opts.out, formats: plan.sweep.formats, outputs: plan.sweep.outputs, columns, progress: { buffer: live, slot } };
        removeStaleTemp(opts.out, new Set([task.key])); // a writer of this run killed earlier
        inFlight.add(task.key);
        Atomics.store(liveDays, slot, 0);
        await pool.run(task, abort.signal);
        inFlight.delete(task.key);
        doneDays += epochDay(scenario.end) - epochDay(scenario.start) + 1;
        ran++;
      } catch (err) {
        if (!abort.signal.aborted) {
          const s = task?.spec;
          failure = err instanceof ScenarioError ? err
            : new Error(`run ${next.value}${s ? ` (key ${task!.key}, scenario ${s.scenario}, parameters ${s.parameters}, seed ${s.seed})` : ''} failed: ${(err as Error).stack ?? err}`);
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
    removeStaleTemp(opts.out, inFlight);
  }
  summary.ran = ran;
  if (failure) throw failure;
}
