/** Timing helpers for the benchmarks: medians, machine description, load. */
import { cpus, loadavg, totalmem, type } from 'node:os';
import { createSimulation, type ResolvedScenario, type Result, type SimulationOptions } from '../../engine/index.ts';

/** Median of numbers (mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** The 1-minute load average (other helpers share this machine's cores). */
export const load1 = (): number => Number(loadavg()[0].toFixed(2));

/** The machine the numbers come from. */
export function machine(): Record<string, string | number> {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown', cores: c.length, memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: type(), node: process.version, v8: process.versions.v8,
  };
}

/** Setup (population building) and run time of one in-process simulation. */
interface TimedRun {
  setupMs: number; runMs: number;
  /** CPU time of this process during the day loop (all its threads; mostly the one running the loop). */
  runCpuMs: number;
  userDays: number; load: number; result: Result;
}

/** Build and run one simulation in this thread, timing setup and the day loop separately. */
export function timedRun(scenario: ResolvedScenario, options: SimulationOptions): TimedRun {
  const load = load1();
  const t0 = performance.now();
  const sim = createSimulation(scenario, options);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = sim.run();
  const c2 = process.cpuUsage(c1);
  const t2 = performance.now();
  return { setupMs: t1 - t0, runMs: t2 - t1, runCpuMs: (c2.user + c2.system) / 1000, userDays: result.manifest.agents * sim.state.days, load, result };
}

/** Result JSON without the wall time: the bits that must agree between equivalent runs. */
export const resultBits = (r: Result): string => JSON.stringify({ ...r, manifest: { ...r.manifest, wallMs: 0 } });

