import { join } from 'node:path';
import type { ArmsComparison, Comparison } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { comparisonTable } from '../whatif/comparisonTable.ts';
import { daysOf } from '../whatif/days.ts';
import { bestTable } from '../whatif/bestTable.ts';
import { parseFigures } from '../whatif/figureNames.ts';
import { compareArmsOnWorkers } from '../whatif/onWorkers.ts';
import { parseWorkers } from './sweep.ts';

/**
 * Most user agents per run of `compare` unless --agents is given: both arms run with
 * min(A's agents, B's agents, 20,000), the same count for both so the seeds pair up
 * (the scenarios' 50,000 would take ~5 min for 10 pairs on a 2-core machine).
 */
export const COMPARE_DEFAULT_AGENTS = 20_000;
/** Replications of `compare` unless --reps is given. */
export const COMPARE_DEFAULT_REPS = 10;

/** Options of `market-sim compare`. */
interface CompareCliOptions { reps?: string; seed?: string; agents?: string; json?: boolean; out?: string; quiet?: boolean; best?: string; lowerIsBetter?: boolean; seasonal?: boolean; workers?: string }

/** Parse --reps: a whole number in [min, 1000]. */
export function parseReps(s: string, min = 1): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > 1000) throw new UsageError(`--reps: expected a whole number in [${min}, 1000], got ${JSON.stringify(s)}`);
  return n;
}

/** Compare scenario b against a with paired replications; print the table (or JSON), write JSON and CSV to --out. */
export async function compareCommand(fileA: string, fileB: string, opts: CompareCliOptions, more: string[] = []): Promise<Comparison | ArmsComparison> {
  if (more.length || opts.best !== undefined || opts.lowerIsBetter) return compareArmsCommand([fileA, fileB, ...more], opts);
  const reps = parseReps(opts.reps ?? String(COMPARE_DEFAULT_REPS), 2);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const a = loadScenario(fileA), b = loadScenario(fileB);
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : Math.min(a.agents, b.agents, COMPARE_DEFAULT_AGENTS);
  const workers = parseWorkers(opts.workers);
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['comparison.json', 'comparison.csv', 'replicates.csv']);
  const days = { a: daysOf(a), b: daysOf(b) };
  const total = reps * (days.a + days.b);
  const progress = createProgress(`compare ${a.id} vs ${b.id}`, total, opts.quiet || opts.json);
  let done = 0;
  const c = (await compareArmsOnWorkers([a, b], {
    reps, seed, agents, clock: () => performance.now(), seasonal: !!opts.seasonal,
    onProgress: (arm, rep, _r, day) => progress.update(rep * (days.a + days.b) + (arm === 1 ? days.a : 0) + day),
  }, workers, (arm) => progress.update((done += arm === 1 ? days.b : days.a)))).comparisons[0];
  progress.stop();
  if (opts.out !== undefined) writeComparisonFiles(opts.out, c);
  if (opts.json) process.stdout.write(JSON.stringify(c) + '\n');
  else {
    process.stdout.write(comparisonTable(c) + '\n');
    process.stdout.write(`\nran ${2 * reps} simulations in ${(c.manifest.wallMs / 1000).toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''}` + (opts.out ? `; wrote comparison.json, comparison.csv and replicates.csv to ${opts.out}` : '') + '\n');
  }
  return c;
}

/** CSV columns of comparison.csv (one row per compared figure; narrowing is empty where the arms are identical). */
const COMPARISON_COLUMNS = ['view', 'period', 'start', 'end', 'phaseA', 'phaseB', 'platform', 'metric', 'unit', 'n', 'meanA', 'meanB', 'diff', 'diffLo', 'diffHi', 'relDiff',
  'pairedHalfWidth', 'unpairedLo', 'unpairedHi', 'unpairedHalfWidth', 'narrowing', 'identical'];

/** The columns plus `basis` (saar or empty) when some row is a seasonally adjusted rate (--seasonal). */
const withBasis = (cols: string[], rows: readonly { basis?: string }[]) => (rows.some((r) => r.basis) ? [...cols, 'basis'] : cols);

/** Write comparison.json (everything, with per-replication values), comparison.csv and replicates.csv (long: one value per arm and seed), atomically. */
function writeComparisonFiles(dir: string, c: Comparison): void {
  const long = c.rows.flatMap((r) => c.manifest.seeds.flatMap((seed, i) => [
    { rep: i, seed, arm: 'a', view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesA[i] },
    { rep: i, seed, arm: 'b', view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesB[i] },
  ]));
  atomicWriteAll([
    [join(dir, 'comparison.json'), JSON.stringify(c, null, 1)],
    [join(dir, 'comparison.csv'), toCsv(c.rows, withBasis(COMPARISON_COLUMNS, c.rows))],
    [join(dir, 'replicates.csv'), toCsv(long)],
  ]);
}

/** Most arms `compare` takes (each runs R times). */
export const COMPARE_MAX_ARMS = 12;

/**
 * `compare` with more than two scenarios (or with --best): every arm runs on the same
 * seeds; each what-if is printed against the baseline (the first) as in the two-arm table,
 * then the best arm for the --best figure against the rest.
 */
async function compareArmsCommand(files: string[], opts: CompareCliOptions): Promise<ArmsComparison> {
  if (files.length > COMPARE_MAX_ARMS) throw new UsageError(`compare: expected at most ${COMPARE_MAX_ARMS} scenarios, got ${files.length}`);
  const reps = parseReps(opts.reps ?? String(COMPARE_DEFAULT_REPS), 2);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const [[platform, metric]] = parseFigures('--best', opts.best ?? 'red.ad_revenue_per_year');
  if (opts.best !== undefined && opts.best.includes(',')) throw new UsageError(`--best: expected one platform.metric, got ${JSON.stringify(opts.best)}`);
  const arms = files.map((f) => loadScenario(f));
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : Math.min(...arms.map((s) => s.agents), COMPARE_DEFAULT_AGENTS);
  const workers = parseWorkers(opts.workers);
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['comparison.json', 'comparison.csv', 'replicates.csv', 'best.csv']);
  const days = arms.map(daysOf), perRep = days.reduce((x, y) => x + y, 0);
  const offset = days.map((_, k) => days.slice(0, k).reduce((x, y) => x + y, 0));
  const progress = createProgress(`compare ${arms.length} arms`, reps * perRep, opts.quiet || opts.json);
  let done = 0;
  const c = await compareArmsOnWorkers(arms, {
    reps, seed, agents, clock: () => performance.now(), best: { platform, metric, lowerIsBetter: !!opts.lowerIsBetter }, seasonal: !!opts.seasonal,
    onProgress: (arm, rep, _r, day) => progress.update(rep * perRep + offset[arm] + day),
  }, workers, (arm) => progress.update((done += days[arm])));
  progress.stop();
  if (opts.out !== undefined) writeArmsFiles(opts.out, c);
  if (opts.json) process.stdout.write(JSON.stringify(c) + '\n');
  else {
    c.comparisons.forEach((x, k) => process.stdout.write(`${k ? '\n' : ''}=== arm ${k + 1} of ${c.arms.length - 1} against the baseline (arm 0) ===\n${comparisonTable(x)}\n`));
    process.stdout.write('\n' + bestTable(c) + '\n');
    const m = c.comparisons[0].manifest;
    process.stdout.write(`\nran ${arms.length * reps} simulations in ${(m.wallMs / 1000).toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''}` + (opts.out ? `; wrote comparison.json, comparison.csv, replicates.csv and best.csv to ${opts.out}` : '') + '\n');
  }
  return c;
}

/** Write the N-arm files atomically: comparison.json (everything), comparison.csv (column `arm` = the what-if's index, `armId` its id), replicates.csv (one value per arm and seed) and best.csv. */
function writeArmsFiles(dir: string, c: ArmsComparison): void {
  const rows = c.comparisons.flatMap((x, k) => x.rows.map((r) => ({ arm: k + 1, armId: c.arms[k + 1].id, ...r })));
  const seeds = c.comparisons[0].manifest.seeds;
  const long = c.comparisons.flatMap((x, k) => x.rows.flatMap((r) => seeds.flatMap((seed, i) => [
    ...(k === 0 ? [{ rep: i, seed, arm: 0, armId: c.arms[0].id, view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesA[i] }] : []),
    { rep: i, seed, arm: k + 1, armId: c.arms[k + 1].id, view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, value: r.valuesB[i] },
  ])));
  const best = c.best.flatMap((b) => b.vsRest.map((r) => ({
    view: b.view, period: b.period, start: b.start, end: b.end, platform: b.platform, metric: b.metric, unit: b.unit, direction: b.direction,
    best: b.best, bestId: b.bestId, bestMean: b.means[b.best], clear: b.clear, other: r.arm, otherId: r.id, otherMean: b.means[r.arm], diff: r.diff, diffLo: r.lo, diffHi: r.hi,
  })));
  atomicWriteAll([
    [join(dir, 'comparison.json'), JSON.stringify(c, null, 1)],
    [join(dir, 'comparison.csv'), toCsv(rows, withBasis(['arm', 'armId', ...COMPARISON_COLUMNS], rows))],
    [join(dir, 'replicates.csv'), toCsv(long)],
    [join(dir, 'best.csv'), toCsv(best)],
  ]);
}
