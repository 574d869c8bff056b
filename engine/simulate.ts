/** simulate: run a scenario, raw or resolved, to the end and return its Result; isResolved tells a resolved scenario apart. */
import type { Result } from './metrics/result.ts';
import { resolveScenario, type ResolvedScenario, type ScenarioLoader } from './scenario/resolve.ts';
import { createSimulation } from './simulation.ts';
import type { SimulationOptions } from './simulationTypes.ts';

/** Options of `simulate`: the simulation's options plus a loader for `extends`. */
export interface SimulateOptions extends SimulationOptions {
  load?: ScenarioLoader;
  /** Called after each simulated month with (day, days). */
  onProgress?: (day: number, days: number) => void;
}

/**
 * Run a scenario (raw JSON object or already resolved) to the end and return its Result.
 * Throws ScenarioError for an invalid scenario.
 */
export function simulate(scenario: unknown, options: SimulateOptions = {}): Result {
  const resolved = isResolved(scenario) ? scenario : resolveScenario(scenario, options.load);
  const sim = createSimulation(resolved, options);
  if (options.onProgress) {
    const cb = options.onProgress;
    sim.on('month', (s) => cb(s.day, s.days));
  }
  return sim.run();
}

/** True for the output of resolveScenario. */
export function isResolved(x: unknown): x is ResolvedScenario {
  return typeof x === 'object' && x !== null && 'hash' in x && 'timeline' in x && 'initial' in x;
}
