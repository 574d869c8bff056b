/**
 * Bench items 1–3: single-core throughput of the full model, the ratio to the
 * reference implementation (with its statistical equivalence check), and our
 * throughput as a fraction of the bare-pass ceiling.
 */
import { referenceLoop } from '../reference/world.ts';
import { historical } from './cases.ts';
import { measureCeiling } from './ceiling.ts';
import { checkEquivalence, type EquivalenceReport } from './equivalence.ts';
import { load1, median, timedRun } from './measure.ts';

/** Sizes used by one bench mode. */
export interface SpeedConfig { agents: number; runs: number; warmupAgents: number; refAgents: number; refRuns: number; eqSeeds: number; eqAgents: number }

export interface ThroughputReport {
  agents: number; days: number; runs: number; setupMsMedian: number; runMs: number[]; runMsMedian: number;
  userDaysPerSec: number; nsPerUserDay: number; load: number[];
  /** The same per CPU-second of this process (less sensitive to other work on the machine). */
  runCpuMsMedian: number; userDaysPerCpuSec: number;
}

/** Item 1: user-days per second on one core, historical scenario over its whole span (median of `runs` after a warm-up). */
export function throughput(cfg: SpeedConfig, log: (s: string) => void): ThroughputReport {
  const scenario = historical();
  timedRun(scenario, { agents: cfg.warmupAgents, seed: 1 }); // JIT warm-up
  const runs = [];
  for (let r = 0; r < cfg.runs; r++) {
    const t = timedRun(scenario, { agents: cfg.agents, seed: 1 + r });
    log(`  throughput run ${r + 1}/${cfg.runs}: ${(t.runMs / 1000).toFixed(1)} s (load ${t.load})`);
    runs.push(t);
  }
  const runMsMedian = median(runs.map((t) => t.runMs));
  const userDays = runs[0].userDays;
  return {
    agents: cfg.agents, days: userDays / cfg.agents, runs: cfg.runs, setupMsMedian: median(runs.map((t) => t.setupMs)),
    runMs: runs.map((t) => Math.round(t.runMs)), runMsMedian, userDaysPerSec: userDays / (runMsMedian / 1000),
    nsPerUserDay: (runMsMedian * 1e6) / userDays, load: runs.map((t) => t.load),
    runCpuMsMedian: median(runs.map((t) => t.runCpuMs)), userDaysPerCpuSec: userDays / (median(runs.map((t) => t.runCpuMs)) / 1000),
  };
}

export interface ReferenceReport {
  agents: number;
  /** Engine and reference run back to back with the same seed, `pairs` times (engine first, then reference). */
  pairs: { seed: number; engineRunMs: number; referenceRunMs: number; ratio: number; load: number }[];
  /** Medians of the engine's and the reference's run times over the pairs. */
  engineRunMs: number; referenceRunMsMedian: number; referenceRunMs: number[];
  /** The median of the pairwise ratios reference ÷ engine (each pair saw the same machine load). */
  ratio: number; ratioMin: number; ratioMax: number;
  referenceNsPerUserDay: number; load: number[]; equivalence: EquivalenceReport;
}

/**
 * Item 2: the reference implementation at `refAgents` (same scenario, same day-level model):
 * engine and reference runs alternate in one sitting, one pair per seed, and the speed ratio is
 * the median of the pairwise ratios, so load from other work moves both runs of a pair alike
 * instead of moving the ratio. Then the statistical equivalence check.
 */
export function reference(cfg: SpeedConfig, log: (s: string) => void): ReferenceReport {
  const scenario = historical();
  const load = [load1()];
  timedRun(scenario, { agents: Math.min(2000, cfg.refAgents), seed: 99 }); // warm-up of both loops
  timedRun(scenario, { agents: Math.min(2000, cfg.refAgents), seed: 99, userLoop: referenceLoop(99) });
  const pairs: ReferenceReport['pairs'] = [];
  for (let r = 0; r < cfg.refRuns; r++) {
    const seed = 1 + r;
    const pairLoad = load1();
    const e = timedRun(scenario, { agents: cfg.refAgents, seed });
    const t = timedRun(scenario, { agents: cfg.refAgents, seed, userLoop: referenceLoop(seed) });
    const ratio = t.runMs / e.runMs;
    log(`  pair ${r + 1}/${cfg.refRuns}: engine ${(e.runMs / 1000).toFixed(1)} s, reference ${(t.runMs / 1000).toFixed(1)} s, ${ratio.toFixed(2)}× (load ${pairLoad} → ${t.load})`);
    pairs.push({ seed, engineRunMs: Math.round(e.runMs), referenceRunMs: Math.round(t.runMs), ratio, load: pairLoad });
    load.push(t.load);
  }
  const refMs = pairs.map((x) => x.referenceRunMs);
  const referenceRunMsMedian = median(refMs);
  const ratios = pairs.map((x) => x.ratio);
  log(`  equivalence: ${cfg.eqSeeds} seeds × ${cfg.eqAgents} agents, engine vs reference`);
  const equivalence = checkEquivalence(scenario, cfg.eqSeeds, cfg.eqAgents);
  return {
    agents: cfg.refAgents, pairs, engineRunMs: median(pairs.map((x) => x.engineRunMs)), referenceRunMs: refMs, referenceRunMsMedian,
    ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios),
    referenceNsPerUserDay: (referenceRunMsMedian * 1e6) / (cfg.refAgents * 2922), load, equivalence,
  };
}

export interface CeilingReport { agents: number; days: number; bytesPerUser: number; runMs: number[]; userDaysPerSec: number; nsPerUserDay: number; ourFraction: number; load: number[] }

/** Item 3: the bare pass over the same bytes at the throughput's size; our throughput as a fraction of it. */
export function ceiling(cfg: SpeedConfig, ours: ThroughputReport): CeilingReport {
  const runs = [], load = [];
  for (let r = 0; r < 3; r++) { load.push(load1()); runs.push(measureCeiling(cfg.agents, ours.days)); }
  const ms = median(runs.map((c) => c.ms));
  const rate = (cfg.agents * ours.days) / (ms / 1000);
  return {
    agents: cfg.agents, days: ours.days, bytesPerUser: runs[0].bytesPerUser, runMs: runs.map((c) => Math.round(c.ms)),
    userDaysPerSec: rate, nsPerUserDay: 1e9 / rate, ourFraction: ours.userDaysPerSec / rate, load,
  };
}
