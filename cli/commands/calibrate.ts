import { join } from 'node:path';
import type { Command } from 'commander';
import { calibrate, type Calibration } from '../../engine/calibration/calibrate.ts';
import { FREE_PARAMETERS } from '../../engine/calibration/freeParameters.ts';
import { UsageError } from '../errors.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { parseAgents, parseSeed } from '../options.ts';
import { evalProgress } from '../progress.ts';
import { sensitivityCommand } from './sensitivity.ts';
import { DEFAULT_TARGETS, loadTargets, targetsCommand, targetsTable } from './targets.ts';

/** Options of `market-sim calibrate`. */
interface CalibrateCliOptions { targets?: string; budget?: string; agents?: string; seeds?: string; step?: string; out?: string; quiet?: boolean }

/** Parse --budget: a whole number of evaluations in [1, 100000]. */
function parseBudget(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 100_000) throw new UsageError(`--budget: expected a whole number of evaluations in [1, 100000], got ${JSON.stringify(s)}`);
  return n;
}

/** `market-sim calibrate [scenario]`: fit the free parameters and write the parameter set and a report to --out. */
function calibrateCommand(file: string, opts: CalibrateCliOptions): Calibration {
  const targets = loadTargets(opts.targets ?? DEFAULT_TARGETS);
  const scenario = loadScenario(file);
  const budget = opts.budget !== undefined ? parseBudget(opts.budget) : 150;
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : 5000;
  const seeds = (opts.seeds ?? '1').split(',').map((s) => parseSeed(s.trim()));
  const step = opts.step !== undefined ? Number(opts.step) : 0.1;
  if (!(step > 0 && step <= 0.5)) throw new UsageError(`--step: expected a number in (0, 0.5], got ${JSON.stringify(opts.step)}`);
  const out = opts.out ?? 'calibration';
  prepareOutDir('--out', out, ['calibrated-parameters.json', 'calibration-report.json', 'calibration-parameters.csv', 'calibration-history.csv']);
  const progress = evalProgress(`calibrate ${scenario.id}`, budget, opts.quiet);
  const c = calibrate(scenario, { targets: targets.targets, agents, seeds, budget, step, onEval: (n, _b, _d, best) => progress.update(n, best) });
  progress.stop();
  const rows = FREE_PARAMETERS.map((p) => ({ key: p.key, start: c.start[p.key], fitted: c.parameters[p.key], min: p.min, max: p.max, scale: p.scale, targets: p.targets.join(' ') }));
  atomicWriteAll([
    [join(out, 'calibrated-parameters.json'), JSON.stringify({ scenario: scenario.id, agents, seeds, distance: c.distance, parameters: c.parameters }, null, 1) + '\n'],
    [join(out, 'calibration-report.json'), JSON.stringify({ scenario: scenario.id, ...c }, null, 1) + '\n'],
    [join(out, 'calibration-parameters.csv'), toCsv(rows)],
    [join(out, 'calibration-history.csv'), toCsv(c.history.map((d, i) => ({ evaluation: i + 1, best_distance: d })))],
  ]);
  const text = [
    `calibration of ${scenario.id}: ${c.evals} evaluations at ${agents.toLocaleString('en-US')} agents, seeds ${seeds.join(',')} (stop: ${c.stop})`,
    `distance ${c.startDistance.toFixed(4)} → ${c.distance.toFixed(4)}`, '',
    ...rows.map((r) => `${r.key.padEnd(30)} ${String(r.start).padStart(10)} → ${String(r.fitted).padStart(10)}   [${r.min}, ${r.max}] ${r.scale}`), '',
    'before:', targetsTable(c.before, seeds.length), '', 'after:', targetsTable(c.after, seeds.length), '',
    `wrote calibrated-parameters.json, calibration-report.json, calibration-parameters.csv and calibration-history.csv to ${out}`,
  ].join('\n');
  process.stdout.write(text + '\n');
  return c;
}

/** Register `targets`, `calibrate` and `sensitivity` on the program (cli/main.ts). */
export function registerCalibrationCommands(program: Command): void {
  program.command('targets')
    .description('Run a scenario and compare it with the calibration targets: simulated value (mean and 95% interval over reps), range, pass or miss')
    .argument('<scenario>', 'scenario file or catalog name, e.g. historical')
    .option('--reps <R>', 'replications (seeds derived from the root seed); default 1')
    .option('--targets <file>', 'targets file (format of scenarios/calibration/targets.json); default scenarios/calibration/targets.json')
    .option('--agents <n>', 'user agents per run; default: the scenario\'s (50,000)')
    .option('--seed <n>', 'root seed; default: the scenario\'s')
    .option('--out <dir>', 'write targets-report.json and targets-report.csv here')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress on stderr')
    .action((file, opts) => { targetsCommand(file, opts); });
  program.command('calibrate')
    .description(`Fit the ${FREE_PARAMETERS.length} free parameters (docs/calibration.md) to the targets by Nelder–Mead with fixed seeds; write the parameter set and a report`)
    .argument('[scenario]', 'scenario to fit', 'historical')
    .option('--targets <file>', 'targets file; default scenarios/calibration/targets.json')
    .option('--budget <N>', 'objective evaluations (one run per seed each); default 150')
    .option('--agents <n>', 'user agents per run during the search; default 5,000')
    .option('--seeds <list>', 'comma-separated seeds held fixed during the search (common random numbers); default 1')
    .option('--step <s>', 'initial simplex edge as a share of each parameter\'s search box, in (0, 0.5]; default 0.1')
    .option('--out <dir>', 'output directory; default ./calibration')
    .option('-q, --quiet', 'no progress on stderr')
    .action((file, opts) => { calibrateCommand(file, opts); });
  program.command('sensitivity')
    .description('Global sensitivity of outputs to the free parameters (Morris elementary effects or Sobol indices) with bootstrap 95% intervals; prints and writes CSV')
    .argument('<scenario>', 'scenario file or catalog name')
    .requiredOption('--outputs <list>', 'comma-separated outputs: metric.platform[:YYYY] from the monthly series (e.g. gmv.taotian, ad_revenue.red:2024) or target ids')
    .option('--method <m>', 'morris or sobol', 'morris')
    .option('--samples <N>', 'Morris trajectories or Sobol base samples; default 10 (morris) / 32 (sobol)')
    .option('--agents <n>', 'user agents per run; default 3,000')
    .option('--seed <n>', 'seed held fixed for every run; default: the scenario\'s')
    .option('--out <dir>', 'output directory for sensitivity.csv and sensitivity.json; default ./sensitivity')
    .option('-q, --quiet', 'no progress on stderr')
    .action((file, opts) => { sensitivityCommand(file, opts); });
}
