import { join } from 'node:path';
import { createSimulation, type Result } from '../../engine/index.ts';
import { atomicWrite } from '../io/atomicWrite.ts';
import { toCsv } from '../io/csv.ts';
import { loadScenario } from '../io/loadScenario.ts';
import { phaseTable } from '../format.ts';
import { createProgress } from '../progress.ts';
import { parseAgents, parseSeed } from '../options.ts';

/** Options of `market-sim run`. */
export interface RunOptions { seed?: string; agents?: string; out?: string; json?: boolean; quiet?: boolean }

/** Run one scenario, print the phase table (or the Result as JSON), write files to --out. */
export function runCommand(file: string, opts: RunOptions): Result {
  const scenario = loadScenario(file);
  const seed = opts.seed !== undefined ? parseSeed(opts.seed) : undefined;
  const agents = opts.agents !== undefined ? parseAgents(opts.agents) : undefined;
  const sim = createSimulation(scenario, { seed, agents, clock: () => performance.now() });
  const progress = createProgress(`run ${scenario.id}`, sim.state.days, opts.quiet || opts.json);
  sim.on('month', (s) => progress.update(s.day));
  const result = sim.run();
  progress.stop();
  if (opts.out) writeResultFiles(opts.out, result);
  if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    process.stdout.write(phaseTable(result) + '\n');
    process.stdout.write(`\nran ${result.manifest.start}..${result.manifest.end} in ${(result.manifest.wallMs / 1000).toFixed(1)} s` + (opts.out ? `; wrote result.json and tidy CSVs to ${opts.out}` : '') + '\n');
  }
  return result;
}

/** Write result.json and the tidy CSVs (series, phases, funnel, groups, merchants, red, creators), each atomically. */
export function writeResultFiles(dir: string, r: Result): void {
  atomicWrite(join(dir, 'result.json'), JSON.stringify(r, null, 1));
  atomicWrite(join(dir, 'series.csv'), toCsv(r.series, ['period', 'platform', 'category', 'metric', 'unit', 'value']));
  atomicWrite(join(dir, 'phases.csv'), toCsv(r.phaseSummary, ['phase', 'start', 'end', 'platform', 'metric', 'unit', 'value']));
  atomicWrite(join(dir, 'funnel.csv'), toCsv(r.funnel, ['phase', 'platform', 'category', 'path', 'stage', 'count']));
  atomicWrite(join(dir, 'groups.csv'), toCsv(r.groups));
  atomicWrite(join(dir, 'merchants.csv'), toCsv(r.merchants));
  atomicWrite(join(dir, 'red.csv'), toCsv(r.red));
  atomicWrite(join(dir, 'creators.csv'), toCsv(r.creators));
}
