import { join } from 'node:path';
import { createSimulation, type Result, type Simulation } from '../../engine/index.ts';
import { atomicWriteAll } from '../io/atomicWrite.ts';
import { prepareOutDir, removeCreated } from '../io/outputPath.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario, scenarioFiles } from '../io/loadScenario.ts';
import { warnIneffectiveLevers } from '../whatif/warnLevers.ts';
import { phaseTable } from '../format.ts';
import { createProgress } from '../progress.ts';
import { parseAgents, parseSeed } from '../options.ts';

/** Options of `market-sim run`. */
export interface RunOptions { seed?: string; agents?: string; out?: string; json?: boolean; quiet?: boolean }

/** Days simulated between checks for Ctrl-C (the event loop runs in between). */
const SLICE_DAYS = 7;
/** Exit codes of an interrupted run (128 + signal number), as for `market-sim sweep`. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
const quote = (a: string) => (/^[\w./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/**
 * Run one scenario, print the phase table (or the Result as JSON), write files to --out.
 * SIGINT/SIGTERM (Ctrl-C) stop the run between simulated weeks: nothing is written, files
 * already in --out stay as they were, and the command to start again is printed (exit 130/143;
 * a second signal quits at once).
 */
export async function runCommand(file: string, opts: RunOptions): Promise<Result> {
  let signal: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal) process.exit(SIGNAL_EXIT[sig] ?? 130);
    signal = sig;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let sim: Simulation, progress: ReturnType<typeof createProgress>;
  let created: string[] = [];
  let files: string[] = [];
  try {
    const scenario = loadScenario(file);
    warnIneffectiveLevers(scenario, file);
    files = scenarioFiles(scenario);
    const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
    const agents = opts.agents !== undefined ? parseAgents(opts.agents) : undefined;
    if (opts.out !== undefined) created = prepareOutDir('--out', opts.out, RESULT_FILES);
    sim = createSimulation(scenario, { seed, agents, clock: () => performance.now() });
    progress = createProgress(`run ${scenario.id}`, sim.state.days, opts.quiet || opts.json);
    sim.on('month', (s) => progress.update(s.day));
    // Simulate a week at a time and let the event loop run in between, so a signal is seen.
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal || sim.state.done) break;
      sim.tick(SLICE_DAYS);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress.stop();
  if (!sim.state.done) {
    const { day, days, date } = sim.state;
    removeCreated(created);
    const again = ['npx', 'market-sim', ...process.argv.slice(2)].map(quote).join(' ');
    process.stderr.write(`\ninterrupted (${signal}) at ${date}, day ${day.toLocaleString('en-US')} of ${days.toLocaleString('en-US')}: nothing was written`
      + (opts.out ? `; files already in ${opts.out} are untouched (previous complete run, if any)` : '') + '.\n'
      + 'A run does not continue mid-way; it is deterministic, so the same command starts it again with the same result:\n'
      + `  ${again}\n`);
    process.exit(SIGNAL_EXIT[signal!] ?? 130);
  }
  const run = sim.result();
  // The manifest names the file of every `extends` level (the engine knows no files).
  const result: Result = { ...run, manifest: { ...run.manifest, scenarioFiles: files } as Result['manifest'] };
  if (opts.out !== undefined) writeResultFiles(opts.out, result);
  if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    process.stdout.write(phaseTable(result) + '\n');
    process.stdout.write(`\nran ${result.manifest.start}..${result.manifest.end} in ${(result.manifest.wallMs / 1000).toFixed(1)} s` + (opts.out ? `; wrote result.json and tidy CSVs to ${opts.out}` : '') + '\n');
  }
  return result;
}

/** The files `run --out` writes. */
const RESULT_FILES = ['result.json', 'series.csv', 'phases.csv', 'funnel.csv', 'groups.csv', 'merchants.csv', 'red.csv', 'creators.csv', 'pnl.csv',
  'category_funnel.csv', 'repurchase.csv', 'size_classes.csv'];

/** Write result.json and the tidy CSVs (series, phases, funnel, groups, merchants, red, creators, pnl, category_funnel, repurchase, size_classes): all written and flushed first, then renamed into place together. */
function writeResultFiles(dir: string, r: Result): void {
  atomicWriteAll([
    [join(dir, 'result.json'), JSON.stringify(r, null, 1)],
    [join(dir, 'series.csv'), toCsv(r.series, ['period', 'platform', 'category', 'metric', 'unit', 'value'])],
    [join(dir, 'phases.csv'), toCsv(r.phaseSummary, ['phase', 'start', 'end', 'platform', 'metric', 'unit', 'value'])],
    [join(dir, 'funnel.csv'), toCsv(r.funnel, ['phase', 'platform', 'category', 'path', 'stage', 'count'])],
    [join(dir, 'groups.csv'), toCsv(r.groups)],
    [join(dir, 'merchants.csv'), toCsv(r.merchants)],
    [join(dir, 'red.csv'), toCsv(r.red)],
    [join(dir, 'creators.csv'), toCsv(r.creators)],
    [join(dir, 'pnl.csv'), toCsv(r.pnl, ['period', 'kind', 'party', 'item', 'unit', 'value'])],
    [join(dir, 'category_funnel.csv'), toCsv(r.categoryFunnel)],
    [join(dir, 'repurchase.csv'), toCsv(r.repurchase)],
    [join(dir, 'size_classes.csv'), toCsv(r.sizeClasses)],
  ]);
}
