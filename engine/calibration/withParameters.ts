/** withParameters: a copy of a resolved scenario with some parameters replaced and its model hash recomputed. */
import type { Parameters } from '../scenario/parameters.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import { stableHash } from '../scenario/stableHash.ts';

/**
 * A copy of a resolved scenario with some parameters replaced (the rest kept),
 * and its model hash recomputed as resolveScenario would. Inputs are untouched.
 */
export function withParameters(scenario: ResolvedScenario, overrides: Parameters): ResolvedScenario {
  const out: ResolvedScenario = { ...scenario, parameters: { ...scenario.parameters, ...overrides }, hash: '' };
  const { seed: _s, hash: _h, title: _t, question: _q, id: _i, bases: _b, ...model } = out;
  out.hash = stableHash(model);
  return out;
}
