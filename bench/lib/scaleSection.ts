/**
 * Bench item 4 and the 1M target: time against agents (one simulated year, so
 * 1M agents stays short), 1 vs 2 worker threads on one run (bit-identical), and
 * optionally 1M agents over 2018–2025 on 2 workers.
 */
import { runParallel, type MemberStats } from '../../cli/parallel/runParallel.ts';
import { historical } from './cases.ts';
import { load1, median, resultBits, timedRun } from './measure.ts';

export interface AgentScaling { span: string; rows: { agents: number; setupMs: number; runMs: number; nsPerUserDay: number; load: number }[]; linearity: number }

/** Run the last year of the span (2025) at each agent count; linearity = ns/user-day at the largest ÷ at the smallest. */
export function agentScaling(agentCounts: number[], log: (s: string) => void): AgentScaling {
  const scenario = historical({ start: '2025-01-01' });
  timedRun(scenario, { agents: agentCounts[0], seed: 1 }); // warm-up
  const rows = agentCounts.map((agents) => {
    const t = timedRun(scenario, { agents, seed: 1 });
    log(`  ${agents} agents × 2025: ${(t.runMs / 1000).toFixed(1)} s (load ${t.load})`);
    return { agents, setupMs: Math.round(t.setupMs), runMs: Math.round(t.runMs), nsPerUserDay: (t.runMs * 1e6) / t.userDays, load: t.load };
  });
  return { span: '2025-01-01..2025-12-31', rows, linearity: rows[rows.length - 1].nsPerUserDay / rows[0].nsPerUserDay };
}

export interface WorkerScaling {
  agents: number; span: string; runs: number;
  /** Every run, in the order taken (1 and 2 workers alternate so both see the same machine load). */
  rows: { workers: number; wallMs: number; simMs: number; load: number; members: MemberStats[] }[];
  /** Median simulation time per worker count: [1 worker, 2 workers]. */
  medianSimMs: [number, number];
  speedup: number; bitIdentical: boolean;
}

/**
 * Historical runs at `agents` on 1 and on 2 worker threads, alternating, `runs` times each;
 * speedup = median simulation time on 1 worker ÷ median on 2, and every Result compared bit for bit
 * with the first. Each run starts fresh threads, so the JIT warm-up of the workers is part of the time.
 */
export async function workerScaling(agents: number, log: (s: string) => void, runs = 3): Promise<WorkerScaling> {
  const scenario = historical();
  const rows: WorkerScaling['rows'] = [];
  let first: string | undefined;
  let bitIdentical = true;
  for (let k = 0; k < runs; k++) {
    for (const workers of [1, 2]) {
      const load = load1();
      const t0 = performance.now();
      let members: MemberStats[] = [];
      const r = await runParallel(scenario, { seed: 1, agents, workers, onStats: (st) => { members = st; } });
      const wallMs = performance.now() - t0;
      const waits = members.map((x) => `${(x.waitMs / 1000).toFixed(1)} s`).join(', ');
      log(`  run ${k + 1}/${runs}, ${workers} worker(s), ${agents} agents × 2018–2025: ${(r.manifest.wallMs / 1000).toFixed(1)} s (load ${load}; waiting at barriers: ${waits})`);
      rows.push({ workers, wallMs: Math.round(wallMs), simMs: Math.round(r.manifest.wallMs), load, members });
      const bits = resultBits(r);
      first ??= bits;
      if (bits !== first) bitIdentical = false;
    }
  }
  const med = (w: number) => median(rows.filter((x) => x.workers === w).map((x) => x.simMs));
  const medianSimMs: [number, number] = [med(1), med(2)];
  return { agents, span: '2018-01-01..2025-12-31', runs, rows, medianSimMs, speedup: medianSimMs[0] / medianSimMs[1], bitIdentical };
}

export interface MillionRun { agents: number; workers: number; wallMs: number; simMs: number; load: number[]; userDaysPerSec: number; members: MemberStats[] }

/** 1M agents over 2018–2025 on `workers` threads (target: < 60 s on 2 cores), with each member's time waiting at barriers. */
export async function millionRun(workers: number, log: (s: string) => void): Promise<MillionRun> {
  const agents = 1_000_000;
  const load = [load1()];
  let members: MemberStats[] = [];
  const t0 = performance.now();
  const r = await runParallel(historical(), {
    seed: 1, agents, workers, onStats: (st) => { members = st; },
    onProgress: (d, days) => { if (d % 365 < 31) log(`  1M run: day ${d}/${days}, ${((performance.now() - t0) / 1000).toFixed(0)} s (load ${load1()})`); },
  });
  const wallMs = performance.now() - t0;
  load.push(load1());
  log(`  1M agents × 2018–2025 on ${workers} workers: ${(wallMs / 1000).toFixed(1)} s wall, simulation ${(r.manifest.wallMs / 1000).toFixed(1)} s; waiting at barriers: ${members.map((x) => `${(x.waitMs / 1000).toFixed(1)} s`).join(', ')}`);
  return { agents, workers, wallMs: Math.round(wallMs), simMs: Math.round(r.manifest.wallMs), load, userDaysPerSec: (agents * 2922) / (wallMs / 1000), members };
}
