import { join } from 'node:path';
import type { Replication } from '../../engine/index.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { warnIneffectiveLevers } from '../whatif/warnLevers.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { daysOf } from '../whatif/days.ts';
import { replicationTable } from '../whatif/replicationTable.ts';
import type { RunOptions } from './run.ts';
import { parseWorkers } from './sweep.ts';
import { replicateOnWorkers } from '../whatif/onWorkers.ts';

/** CSV columns of summary.csv: one row per figure with its mean and interval. */
const SUMMARY_COLUMNS = ['table', 'period', 'platform', 'category', 'metric', 'unit', 'n', 'mean', 'sd', 'se', 'lo', 'hi', 'halfWidth'];

/**
 * `market-sim run --reps R` (R > 1): run R replications with seeds derived from
 * the root seed (--seed or the scenario's) and print mean and interval per phase figure.
 */
export async function runReplicatedCommand(file: string, reps: number, opts: RunOptions & { workers?: string }): Promise<Replication> {
  const scenario = loadScenario(file);
  warnIneffectiveLevers(scenario, file);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : undefined;
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['replication.json', 'summary.csv', 'phases-replicates.csv']);
  const days = daysOf(scenario);
  const progress = createProgress(`run ${scenario.id} ×${reps}`, reps * days, opts.quiet || opts.json);
  const workers = parseWorkers(opts.workers);
  let done = 0;
  const r = await replicateOnWorkers(scenario, { reps, seed, agents, clock: () => performance.now(), onProgress: (rep, _r, day) => progress.update(rep * days + day) },
    workers, () => progress.update((done += days)));
  progress.stop();
  if (opts.out !== undefined) writeReplicationFiles(opts.out, r);
  if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
  else {
    process.stdout.write(replicationTable(r) + '\n');
    process.stdout.write(`\nran ${reps} replications in ${(r.manifest.wallMs / 1000).toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''}` + (opts.out ? `; wrote replication.json, summary.csv and phases-replicates.csv to ${opts.out}` : '') + '\n');
  }
  return r;
}

/**
 * Write replication.json (manifest with the seeds, phases, every figure with its
 * per-replication values), summary.csv (every figure's mean and interval) and
 * phases-replicates.csv (long: one per-phase value per seed), atomically.
 */
function writeReplicationFiles(dir: string, r: Replication): void {
  const seeds = r.manifest.seeds;
  const long = r.figures.filter((f) => f.table === 'phases').flatMap((f) => seeds.map((seed, i) => ({ rep: i, seed, phase: f.period, platform: f.platform, metric: f.metric, unit: f.unit, value: f.values[i] })));
  atomicWriteAll([
    [join(dir, 'replication.json'), JSON.stringify(r, null, 1)],
    [join(dir, 'summary.csv'), toCsv(r.figures, SUMMARY_COLUMNS)],
    [join(dir, 'phases-replicates.csv'), toCsv(long)],
  ]);
}
