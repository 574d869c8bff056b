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
  agents: number; engineRunMs: number; referenceRunMs: number[]; referenceRunMsMedian: number; ratio: number;
  referenceNsPerUserDay: number; load: number[]; equivalence: EquivalenceReport;
}

/** Item 2: the reference implementation at `refAgents` (same scenario, same day-level model), speed ratio and equivalence. */
export function reference(cfg: SpeedConfig, log: (s: string) => void): ReferenceReport {
  const scenario = historical();
  const load = [load1()];
  const eng = [];
  for (let r = 0; r < 3; r++) eng.push(timedRun(scenario, { agents: cfg.refAgents, seed: 1 + r }).runMs);
  const refMs = [];
  timedRun(scenario, { agents: Math.min(2000, cfg.refAgents), seed: 99, userLoop: referenceLoop(99) }); // warm-up
  for (let r = 0; r < cfg.refRuns; r++) {
    const t = timedRun(scenario, { agents: cfg.refAgents, seed: 1 + r, userLoop: referenceLoop(1 + r) });
    log(`  reference run ${r + 1}/${cfg.refRuns}: ${(t.runMs / 1000).toFixed(1)} s (load ${t.load})`);
    refMs.push(t.runMs);
    load.push(t.load);
  }
  const engineRunMs = median(eng), referenceRunMsMedian = median(refMs);
  log(`  equivalence: ${cfg.eqSeeds} seeds × ${cfg.eqAgents} agents, engine vs reference`);
  const equivalence = checkEquivalence(scenario, cfg.eqSeeds, cfg.eqAgents);
  return {
    agents: cfg.refAgents, engineRunMs, referenceRunMs: refMs.map(Math.round), referenceRunMsMedian, ratio: referenceRunMsMedian / engineRunMs,
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
