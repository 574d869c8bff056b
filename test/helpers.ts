import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario, simulate, type ResolvedScenario, type Result } from '../engine/index.ts';

/** The raw historical scenario. */
export const historicalRaw = (): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '../scenarios/historical.json'), 'utf8'));

/** Loader for `extends` that reads the bundled scenarios. */
export const loadBundled = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../scenarios', name.endsWith('.json') ? name : `${name}.json`), 'utf8'));

/** A scenario extending historical, with overrides (e.g. a shorter span and few agents). */
export function derived(overrides: Record<string, unknown>): ResolvedScenario {
  return resolveScenario({ id: 'test', extends: 'historical.json', ...overrides }, loadBundled);
}

/** Run a scenario extending historical with overrides. */
export function runDerived(overrides: Record<string, unknown>, seed: number | string = 1): Result {
  return simulate(derived(overrides), { seed });
}
