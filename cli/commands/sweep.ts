import { relative } from 'node:path';
import { UsageError } from '../errors.ts';
import { prepareOutDir, removeCreated } from '../io/outputPath.ts';
import { defaultWorkers } from '../pool/createRunPool.ts';
import { loadSweep } from '../sweep/parseSweep.ts';
import { runSweep } from '../sweep/runSweep.ts';
import { PlanningInterrupted } from '../sweep/checkDesign.ts';
import type { SweepSummary } from '../sweep/sweepSummary.ts';
import { resolveShard } from '../sweep/shard.ts';

/** Options of `market-sim sweep`. */
interface SweepOptions { out: string; workers?: string; shard?: string; shardCount?: string; quiet?: boolean; merge?: boolean; force?: boolean }

/** Exit codes of an interrupted sweep (128 + signal number). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Parse --workers: a whole number >= 1, capped at the cores of this machine (more threads
 * than cores only add memory and switching: 36 threads on 2 cores ran 10x slower), with a note.
 */
export function parseWorkers(s: string | undefined, note: (message: string) => void = (m) => process.stderr.write(m + '\n')): number {
  const cores = defaultWorkers();
  if (s === undefined) return cores;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1) throw new UsageError(`--workers: expected a whole number >= 1, got ${JSON.stringify(s)}`);
  if (n > cores) {
    note(`note: --workers ${s} is more than the ${cores} cores of this machine; using ${cores}`);
    return cores;
  }
  return n;
}

const quote = (a: string) => (/^[\w./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/**
 * `market-sim sweep <sweep.json> --out DIR`: run a sweep (or the shard's slice) on a worker
 * pool, resumably. SIGINT/SIGTERM stop it cleanly: finished runs stay on disk, running ones
 * are dropped, and the command to resume is printed (exit 130/143).
 */
export async function sweepCommand(file: string, opts: SweepOptions): Promise<SweepSummary> {
  const sweep = loadSweep(file);
  const workers = parseWorkers(opts.workers);
  const shard = resolveShard(opts.shard, opts.shardCount);
  const created = prepareOutDir('--out', opts.out, ['manifest.json', 'design.csv', ...sweep.formats.map((f) => `results.${f}`), ...sweep.formats.map((f) => `results.${f}.manifest.json`)]);
  const abort = new AbortController();
  let signal: string | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal) process.exit(SIGNAL_EXIT[sig] ?? 130); // a second signal: stop at once
    signal = sig;
    process.stderr.write(`\n${sig}: stopping; finished runs are kept (press again to quit at once)\n`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let s: SweepSummary;
  try {
    s = await runSweep(sweep, { out: opts.out, workers, shard, quiet: opts.quiet, merge: opts.merge, force: opts.force, signal: abort.signal });
  } catch (err) {
    removeCreated(created); // a sweep refused while planning leaves no empty directory behind
    if (err instanceof PlanningInterrupted) {
      process.stderr.write(`${err.message}.\n`);
      process.exit(SIGNAL_EXIT[signal!] ?? 130);
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const slice = shard.count > 1 ? ` (shard ${shard.index}/${shard.count} from ${shard.source}: ${s.slice} of ${s.plan.total} runs)` : '';
  if (s.interrupted) {
    const again = ['npx', 'market-sim', ...process.argv.slice(2)].map(quote).join(' ');
    process.stderr.write(`interrupted: ${s.already + s.ran} of ${s.slice} runs are complete in ${opts.out}${slice}; ${s.missing} to go.\nresume with the same command:\n  ${again}\n`);
    process.exit(SIGNAL_EXIT[signal!] ?? 130);
  }
  const out = relative(process.cwd(), opts.out) || '.';
  process.stdout.write(`sweep ${sweep.id}: ${s.slice} runs${slice}; ${s.ran} run now with ${workers} worker${workers > 1 ? 's' : ''} in ${s.wallSeconds.toFixed(1)} s, ${s.already} already on disk\n`);
  for (const m of s.merged) process.stdout.write(`wrote ${m.file} (${m.rows} rows of ${m.runs} runs) and ${m.manifestFile}\n`);
  if (shard.count > 1) process.stdout.write(`when every shard is done: npx market-sim merge ${out} [other shard directories] --out results.parquet\n`);
  return s;
}
