/**
 * `npm run bench`: the performance suite of issue 7 (docs/performance.md).
 * Every figure is timed in-process after a warm-up (start-up reported apart),
 * with the 1-minute load average recorded beside it (other work shares the cores).
 *
 *   npm run bench                 # ≈ 4–5 min; writes bench/results.json
 *   npm run bench -- --quick      # ≈ 1 min, small sizes; writes bench/results.local.json
 *   npm run bench -- --million    # also 1M agents × 2018–2025 on 2 workers (≈ 2–3 min more)
 *   npm run bench -- --only=throughput,workers   # re-measure a subset (names: see SECTIONS); other sections of results.json are kept
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../engine/index.ts';
import { browser, cli } from './lib/externalSection.ts';
import { load1, machine } from './lib/measure.ts';
import { memory } from './lib/memorySection.ts';
import { agentScaling, millionRun, workerScaling } from './lib/scaleSection.ts';
import { ceiling, reference, throughput, type SpeedConfig, type ThroughputReport } from './lib/speedSection.ts';
import { printTable } from './lib/table.ts';

const SECTIONS = ['throughput', 'reference', 'ceiling', 'agents', 'workers', 'memory', 'cli', 'browser', 'million'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
for (const a of args) {
  if (!['--quick', '--million'].includes(a) && !a.startsWith('--only=') && !a.startsWith('--out=')) {
    console.error(`bench: unknown option "${a}": expected --quick, --million, --only=<${SECTIONS.join(',')}>, --out=<file>`);
    process.exit(2);
  }
}
const only = onlyArg ? onlyArg.slice(7).split(',') : null;
for (const s of only ?? []) if (!(SECTIONS as readonly string[]).includes(s)) { console.error(`bench: unknown section "${s}": expected one of ${SECTIONS.join(', ')}`); process.exit(2); }
const wanted = (s: Section) => (only ? only.includes(s) : s !== 'million' || args.includes('--million'));
const outArg = args.find((a) => a.startsWith('--out='));
const out = outArg ? outArg.slice(6) : join(import.meta.dirname, quick ? 'results.local.json' : 'results.json');

const cfg: SpeedConfig = quick
  ? { agents: 20_000, runs: 2, warmupAgents: 5_000, refAgents: 3_000, refRuns: 3, eqSeeds: 6, eqAgents: 1_000 }
  : { agents: 100_000, runs: 3, warmupAgents: 20_000, refAgents: 15_000, refRuns: 5, eqSeeds: 10, eqAgents: 1_200 };
const scaleAgents = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const workerAgents = quick ? 20_000 : 100_000;

const log = (s: string) => process.stderr.write(s + '\n');
const started = performance.now();
const results: Record<string, unknown> = {
  generatedAt: new Date().toISOString(), engine: ENGINE_VERSION, mode: quick ? 'quick' : 'default',
  machine: machine(), startupMs: Math.round(performance.now()), loadAtStart: load1(),
};

let ours: ThroughputReport | undefined;
if (wanted('throughput') || wanted('ceiling')) {
  log(`[1] throughput: historical, ${cfg.agents} agents × 2018–2025, one core`);
  results.throughput = ours = throughput(cfg, log);
}
if (wanted('reference')) {
  log(`[2] reference implementation at ${cfg.refAgents} agents`);
  results.reference = reference(cfg, log);
}
if (wanted('ceiling') && ours) {
  log('[3] ceiling: bare pass over the same bytes');
  results.ceiling = ceiling(cfg, ours);
}
if (wanted('agents')) {
  log('[4a] scaling in agents');
  results.agentScaling = agentScaling(scaleAgents, log);
}
if (wanted('workers')) {
  log('[4b] scaling in workers');
  results.workerScaling = await workerScaling(workerAgents, log);
}
if (wanted('memory')) {
  log('[5] memory at 1M agents');
  results.memory = memory();
}
if (wanted('cli')) {
  log('[6a] npm start and CLI start-up');
  results.cli = cli(log);
}
if (wanted('browser')) {
  log('[6b] browser (Chromium)');
  results.browser = await browser(log);
}
if (wanted('million')) {
  log('[target] 1M agents × 2018–2025 on 2 workers');
  results.million = await millionRun(2, log);
}
results.benchSeconds = Math.round((performance.now() - started) / 1000);
results.loadAtEnd = load1();
// --only re-measures some sections: keep the other sections of an earlier run of the same mode
// (each section carries its own load averages; `updated` lists what this run replaced).
let written = results;
if (only && existsSync(out)) {
  const earlier = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  if (earlier.mode === results.mode) {
    const kept = Object.fromEntries(Object.entries(earlier).filter(([k]) => !(k in results)));
    written = { ...kept, ...results, updated: { at: results.generatedAt, sections: only }, generatedAt: earlier.generatedAt };
  }
}
writeFileSync(out, JSON.stringify(written, null, 1) + '\n');
printTable(written);
log(`\nwrote ${out} (${results.benchSeconds} s)`);
