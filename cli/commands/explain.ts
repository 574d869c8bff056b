import { join } from 'node:path';
import type { Explanation } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { explainTable } from '../whatif/explainTable.ts';
import { parseFigures } from '../whatif/figureNames.ts';
import { daysOf } from '../whatif/days.ts';
import { parseReps } from './compare.ts';
import { parseWorkers } from './sweep.ts';
import { explainOnWorkers } from '../whatif/onWorkers.ts';

/** Most user agents per run of `explain` unless --agents is given (it runs up to 2^6 = 64 hybrids per replication). */
export const EXPLAIN_DEFAULT_AGENTS = 5_000;
/** Replications of `explain` unless --reps is given. */
export const EXPLAIN_DEFAULT_REPS = 10;
/** Figures the table shows unless --figures is given. */
export const EXPLAIN_DEFAULT_FIGURES = 'red.ad_revenue_per_year,taotian.red_seeded_gmv_per_year';

/** Options of `market-sim explain`. */
interface ExplainCliOptions { workers?: string; reps?: string; seed?: string; agents?: string; grain?: string; permutations?: string; figures?: string; seasonal?: boolean; json?: boolean; out?: string; quiet?: boolean }

/** Parse --permutations: an even whole number in [2, 10000]. */
function parsePermutations(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 2 || n > 10_000 || n % 2 !== 0) throw new UsageError(`--permutations: expected an even whole number in [2, 10000], got ${JSON.stringify(s)}`);
  return n;
}

/** Decompose B − A into the differing policy components by Shapley values; print the table (or JSON), write JSON and CSV to --out. Runs on --workers worker threads (default all cores). */
export async function explainCommand(fileA: string, fileB: string, opts: ExplainCliOptions): Promise<Explanation> {
  const reps = parseReps(opts.reps ?? String(EXPLAIN_DEFAULT_REPS), 2);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const grain = opts.grain ?? 'entry';
  if (grain !== 'entry' && grain !== 'lever') throw new UsageError(`--grain: expected "entry" or "lever", got ${JSON.stringify(grain)}`);
  const permutations = opts.permutations !== undefined ? parsePermutations(opts.permutations) : undefined;
  const figures = parseFigures('--figures', opts.figures ?? EXPLAIN_DEFAULT_FIGURES);
  const a = loadScenario(fileA), b = loadScenario(fileB);
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : Math.min(a.agents, b.agents, EXPLAIN_DEFAULT_AGENTS);
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['explanation.json', 'explanation.csv', 'explanation-replicates.csv']);
  const days = daysOf(a);
  const workers = parseWorkers(opts.workers);
  let progress: ReturnType<typeof createProgress> | undefined;
  const e = await explainOnWorkers(a, b, {
    reps, seed, agents, grain, permutations, seasonal: !!opts.seasonal, clock: () => performance.now(),
    onProgress: (run, runs, day) => {
      progress ??= createProgress(`explain ${b.id} − ${a.id} (${runs} runs)`, runs * days, opts.quiet || opts.json);
      progress.update(run * days + day);
    },
  }, workers, (done, runs) => {
    progress ??= createProgress(`explain ${b.id} − ${a.id} (${runs} runs)`, runs * days, opts.quiet || opts.json);
    progress.update(done * days);
  });
  progress?.stop();
  if (opts.out !== undefined) writeExplanationFiles(opts.out, e);
  if (opts.json) process.stdout.write(JSON.stringify(e) + '\n');
  else {
    process.stdout.write(explainTable(e, figures) + '\n');
    process.stdout.write(`\nran ${e.manifest.runs} simulations in ${(e.manifest.wallMs / 1000).toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''}` + (opts.out ? `; wrote explanation.json, explanation.csv and explanation-replicates.csv to ${opts.out}` : '') + '\n');
  }
  return e;
}

/** Columns of explanation.csv: one row per figure and component, plus a `total` row per figure. */
const COLUMNS = ['view', 'period', 'start', 'end', 'phaseA', 'phaseB', 'platform', 'metric', 'unit', 'component', 'n', 'mean', 'lo', 'hi', 'halfWidth', 'shareOfTotal', 'residual'];

/** Write explanation.json (everything), explanation.csv and explanation-replicates.csv (one Shapley value per replication), atomically. */
function writeExplanationFiles(dir: string, e: Explanation): void {
  const rows = e.rows.flatMap((r) => {
    const base = { view: r.view, period: r.period, start: r.start, end: r.end, phaseA: r.phaseA, phaseB: r.phaseB, platform: r.platform, metric: r.metric, unit: r.unit };
    return [
      ...r.parts.map((p) => ({ ...base, component: p.component, n: p.n, mean: p.mean, lo: p.lo, hi: p.hi, halfWidth: p.halfWidth, shareOfTotal: p.shareOfTotal, residual: '' })),
      { ...base, component: 'total', n: r.total.n, mean: r.total.mean, lo: r.total.lo, hi: r.total.hi, halfWidth: r.total.halfWidth, shareOfTotal: 1, residual: r.residual },
    ];
  });
  const long = e.rows.flatMap((r) => e.manifest.seeds.flatMap((seed, i) => [
    ...r.parts.map((p) => ({ rep: i, seed, view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, component: p.component, value: p.values[i] })),
    { rep: i, seed, view: r.view, period: r.period, platform: r.platform, metric: r.metric, unit: r.unit, component: 'total', value: r.total.values[i] },
  ]));
  atomicWriteAll([
    [join(dir, 'explanation.json'), JSON.stringify(e, null, 1)],
    [join(dir, 'explanation.csv'), toCsv(rows, COLUMNS)],
    [join(dir, 'explanation-replicates.csv'), toCsv(long)],
  ]);
}
