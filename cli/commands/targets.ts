import { join } from 'node:path';
import { replicationSeeds, simulate, type ResolvedScenario } from '../../engine/index.ts';
import { measureTargets, reportCounts, targetReport, type TargetRow } from '../../engine/calibration/targetReport.ts';
import { parseTargets, type TargetsFile } from '../../engine/calibration/targetsFile.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario, readJsonFile, SCENARIO_DIR } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { createProgress } from '../progress.ts';
import { daysOf } from '../whatif/days.ts';
import { human } from '../format.ts';
import { parseReps } from './compare.ts';

/** The project's targets file (a copy of ../shared/domain/targets.json; in a subfolder so the scenario catalog does not list it). */
export const DEFAULT_TARGETS = join(SCENARIO_DIR, 'calibration', 'targets.json');

/** Read and validate a targets file (errors name the file, path and value; exit code 2). */
export function loadTargets(path = DEFAULT_TARGETS): TargetsFile {
  return parseTargets(readJsonFile(path, 'targets'), path);
}

/** Options of `market-sim targets`. */
interface TargetsCliOptions { reps?: string; targets?: string; agents?: string; seed?: string; json?: boolean; out?: string; quiet?: boolean }

/** A number in the unit of its target: shares and growth in %, money and people compact. */
function formatValue(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'share' || unit.startsWith('relative')) return `${(v * 100).toFixed(1)}%`;
  return human(v, unit === 'people' ? '' : unit);
}

/** The report as a text table: target, simulated mean and 95% interval, range, pass/miss. */
export function targetsTable(rows: readonly TargetRow[], reps: number): string {
  const header = ['target', 'reported', 'simulated', reps > 1 ? '95% interval' : '', 'range', 'z', 'result'];
  const lines = rows.map((r) => [
    r.id, r.target === null ? '–' : formatValue(r.target, r.unit), formatValue(r.simulated.mean, r.unit),
    reps > 1 ? `[${formatValue(r.simulated.lo, r.unit)}, ${formatValue(r.simulated.hi, r.unit)}]` : '',
    `[${formatValue(r.range[0], r.unit)}, ${formatValue(r.range[1], r.unit)}]`, Number.isFinite(r.z) ? r.z.toFixed(2) : '–',
    (r.pass ? 'pass' : 'MISS') + (r.sanity ? ' (sanity band)' : r.soft ? ' (soft, not fitted)' : ''),
  ]);
  const all = [header, ...lines];
  const width = header.map((_, j) => Math.max(...all.map((l) => l[j].length)));
  const fmt = (l: string[]) => l.map((c, j) => (j === 0 || j === 6 ? c.padEnd(width[j]) : c.padStart(width[j]))).join('  ').trimEnd();
  const c = reportCounts(rows);
  return [fmt(header), ...lines.map(fmt), '', `${c.passed}/${c.fitted} fitted targets inside their range; soft targets ${c.softPassed}/${c.soft}; sanity bands ${c.sanityPassed}/${c.sanity}`].join('\n');
}

/** Run a scenario R times and measure every target; returns the report rows. */
function runTargets(scenario: ResolvedScenario, targets: TargetsFile, reps: number, opts: { seed?: number | string; agents?: number; quiet?: boolean }): TargetRow[] {
  const seeds = reps > 1 ? replicationSeeds(opts.seed ?? scenario.seed, reps) : [opts.seed ?? scenario.seed];
  const days = daysOf(scenario);
  const progress = createProgress(`targets ${scenario.id}${reps > 1 ? ` ×${reps}` : ''}`, reps * days, opts.quiet);
  const measured = seeds.map((seed, k) => measureTargets(simulate(scenario, { seed, agents: opts.agents, onProgress: (d) => progress.update(k * days + d) }), targets.targets));
  progress.stop();
  return targetReport(targets.targets, measured);
}

/** `market-sim targets <scenario>`: print (or write) the targets report of a scenario. */
export function targetsCommand(file: string, opts: TargetsCliOptions): TargetRow[] {
  const targets = loadTargets(opts.targets ?? DEFAULT_TARGETS);
  const scenario = loadScenario(file);
  const reps = opts.reps !== undefined ? parseReps(opts.reps) : 1;
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : undefined;
  if (opts.out !== undefined) prepareOutDir('--out', opts.out, ['targets-report.json', 'targets-report.csv']);
  const rows = runTargets(scenario, targets, reps, { seed, agents, quiet: opts.quiet || opts.json });
  const flat = rows.map((r) => ({
    id: r.id, unit: r.unit, target: r.target, low: r.range[0], high: r.range[1], sanity: r.sanity, soft: r.soft, mean: r.simulated.mean,
    lo: r.simulated.lo, hi: r.simulated.hi, n: r.simulated.n, z: r.z, pass: r.pass, measure: r.measure,
  }));
  if (opts.out !== undefined) {
    atomicWriteAll([
      [join(opts.out, 'targets-report.json'), JSON.stringify({ scenario: scenario.id, agents: agents ?? scenario.agents, reps, rows }, null, 1) + '\n'],
      [join(opts.out, 'targets-report.csv'), toCsv(flat)],
    ]);
  }
  if (opts.json) process.stdout.write(JSON.stringify({ scenario: scenario.id, agents: agents ?? scenario.agents, reps, rows }) + '\n');
  else process.stdout.write(`targets of ${scenario.id} at ${(agents ?? scenario.agents).toLocaleString('en-US')} agents, ${reps} run${reps > 1 ? 's' : ''}\n\n${targetsTable(rows, reps)}\n`);
  return rows;
}
