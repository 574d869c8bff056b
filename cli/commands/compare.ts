import { join } from 'node:path';
import { compare, type Comparison } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { comparisonTable } from '../whatif/comparisonTable.ts';
import { daysOf } from '../whatif/days.ts';

/**
 * Most user agents per run of `compare` unless --agents is given: both arms run with
 * min(A's agents, B's agents, 20,000), the same count for both so the seeds pair up
 * (the scenarios' 50,000 would take ~5 min for 10 pairs on a 2-core machine).
 */
export const COMPARE_DEFAULT_AGENTS = 20_000;
/** Replications of `compare` unless --reps is given. */
export const COMPARE_DEFAULT_REPS = 10;

/** Options of `market-sim compare`. */
interface CompareCliOptions { reps?: string; seed?: string; agents?: string; json?: boolean; out?: string; quiet?: boolean }

/** Parse --reps: a whole number in [min, 1000]. */
export function parseReps(s: string, min = 1): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > 1000) throw new UsageError(`--reps: expected a whole number in [${min}, 1000], got ${JSON.stringify(s)}`);
  return n;
}

/** Compare scenario b against a with paired replications; print the table (or JSON), write JSON and CSV to --out. */
export function compareCommand(fileA: string, fileB: string, opts: CompareCliOptions): Comparison {
  const reps = parseReps(opts.reps ?? String(COMPARE_DEFAULT_REPS), 2);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const a = loadScenario(fileA), b = loadScenario(fileB);
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : Math.min(a.agents, b.agents, COMPARE_DEFAULT_AGENTS);
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['comparison.json', 'comparison.csv', 'replicates.csv']);
  const days = { a: daysOf(a), b: daysOf(b) };
  const total = reps * (days.a + days.b);
  const progress = createProgress(`compare ${a.id} vs ${b.id}`, total, opts.quiet || opts.json);
  const c = compare(a, b, {
    reps, seed, agents, clock: () => performance.now(),
    onProgress: (arm, rep, _r, day) => progress.update(rep * (days.a + days.b) + (arm === 'b' ? days.a : 0) + day),
  });
  progress.stop();
  if (opts.out !== undefined) writeComparisonFiles(opts.out, c);
  if (opts.json) process.stdout.write(JSON.stringify(c) + '\n');
  else {
    process.stdout.write(comparisonTable(c) + '\n');
    process.stdout.write(`\nran ${2 * reps} simulations in ${(c.manifest.wallMs / 1000).toFixed(1)} s` + (opts.out ? `; wrote comparison.json, comparison.csv and replicates.csv to ${opts.out}` : '') + '\n');
  }
  return c;
}

/** CSV columns of comparison.csv (one row per compared figure; narrowing is empty where the arms are identical). */
const COMPARISON_COLUMNS = ['view', 'period', 'start', 'end', 'phaseA', 'phaseB', 'platform', 'metric', 'unit', 'n', 'meanA', 'meanB', 'diff', 'diffLo', 'diffHi', 'relDiff',
  'pairedHalfWidth', 'unpairedLo', 'unpairedHi', 'unpairedHalfWidth', 'narrowing', 'identical'];

/** Write comparison.json (everything, with per-replication values), comparison.csv and replicates.csv (long: one value per arm and seed), atomically. */
function writeComparisonFiles(dir: string, c: Comparison): void {
  const long = c.rows.flatMap((r) => c.manifest.seeds.flatMap((seed, i) => [
    { rep: i, seed, arm: 'a', view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesA[i] },
    { rep: i, seed, arm: 'b', view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesB[i] },
  ]));
  atomicWriteAll([
    [join(dir, 'comparison.json'), JSON.stringify(c, null, 1)],
    [join(dir, 'comparison.csv'), toCsv(c.rows, COMPARISON_COLUMNS)],
    [join(dir, 'replicates.csv'), toCsv(long)],
  ]);
}
