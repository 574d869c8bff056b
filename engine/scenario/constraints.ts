/** Cross-parameter rules: sums of share parameters that must stay at or below a bound (PARAMETER_SUM_RULES) and their check. */
import type { ScenarioIssue } from './errors.ts';
import type { Parameters } from './parameters.ts';

/**
 * A rule between parameters that single-parameter ranges cannot express: the listed
 * parameters are shares of one whole, so their sum (after `extends` and defaults are
 * merged) must stay at or below `max`. Found by the robustness fuzz test
 * (test/robustness/fuzz.test.ts): breaking one gave negative or NaN figures.
 */
export interface ParameterSumRule {
  keys: readonly string[];
  /** Upper bound of the sum, in the keys' common unit. */
  max: number;
  /** What the sum means, for the error message. */
  what: string;
}

/** The cross-parameter rules checked by resolveScenario. */
export const PARAMETER_SUM_RULES: readonly ParameterSumRule[] = [
  { keys: ['merchants.initRedShare', 'merchants.initDouyinShare'], max: 1, what: 'initial ad-budget shares (the rest goes to search ads)' },
  { keys: ['population.tier1Share', 'population.tier2Share'], max: 1, what: 'population shares of tier-1 and tier-2 cities (the rest is lower-tier)' },
];

/**
 * Check the merged parameters against the sum rules. An issue is reported at the first
 * key of a rule that the scenario (or a base) sets explicitly, so the path names a field
 * the user wrote; `explicit` lists the keys written in the scenario chain.
 */
export function checkParameterRules(params: Parameters, explicit: ReadonlySet<string>): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const rule of PARAMETER_SUM_RULES) {
    const sum = rule.keys.reduce((s, k) => s + params[k], 0);
    if (sum <= rule.max + 1e-12) continue;
    const at = rule.keys.find((k) => explicit.has(k)) ?? rule.keys[0];
    const terms = rule.keys.map((k) => `${k} = ${params[k]}`).join(' + ');
    issues.push({
      path: `parameters.${at}`,
      message: `expected ${rule.keys.join(' + ')} <= ${rule.max} (${rule.what}), got ${terms} = ${+sum.toPrecision(12)}`,
    });
  }
  return issues;
}
