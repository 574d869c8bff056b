/**
 * Named scenario cases shared by the benchmarks and the equivalence check.
 * Every case extends the bundled historical scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario, type ResolvedScenario } from '../../engine/index.ts';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

/** Loader for `extends` reading the bundled scenarios. */
const loadBundled = (name: string): unknown =>
  JSON.parse(readFileSync(join(SCENARIOS, name.endsWith('.json') ? name : `${name}.json`), 'utf8'));

/** A counterfactual that switches on every purchase path early: links of all kinds to all three
 * marketplaces, data sharing at non-dyadic levels, own stores, coupons and membership. */
const OPEN_ALL = [
  {
    id: 'open-all-2019', date: '2019-03-01', label: 'everything open (check case)',
    set: {
      links: {
        taotian: { notes: 'all', friction: 0.2, eligibleShare: 0.5 },
        jd: { notes: 'ads', friction: 0.3, eligibleShare: 0.4 },
        pdd: { notes: 'organic', friction: 0.7, eligibleShare: 0.3 },
      },
      dataSharing: {
        taotian: { level: 0.37, eligibleShare: 0.6, joinRatePerMonth: 0.1 },
        jd: { level: 0.61, eligibleShare: 0.5, joinRatePerMonth: 0.07 },
      },
      ownStore: { merchantShare: 0.5, push: 0.4 },
      buyerSelling: 0.3, adLoad: 0.13, audienceTags: 120, trafficBoost: 0.2,
      benefits: { coupon: 0.07, membership: 0.3 },
      roiGuarantee: { threshold: 2.5, refundShare: 0.4 },
      matching: { rate: 0.8, capRmbPerMonth: 100000000 },
    },
  },
];

interface Case { overrides: Record<string, unknown>; seed: number | string }

const CASES: Record<string, Case> = {
  'historical-3000-s1': { overrides: { agents: 3000 }, seed: 1 },
  'historical-2100-beta': { overrides: { agents: 2100 }, seed: 'beta' },
  'from2021-2500-s5': { overrides: { agents: 2500, start: '2021-01-01' }, seed: 5 },
  'open-all-3000-s3': { overrides: { agents: 3000, end: '2022-06-30', policies: OPEN_ALL }, seed: 3 },
};

/** Cases the equivalence check runs (≈ 10 s in all). */
export const CHECK_CASES = Object.keys(CASES);

/** Resolve a named case (or a historical run at `agents` when the name is "historical"). */
export function resolveCase(name: string): { scenario: ResolvedScenario; seed: number | string } {
  const c = CASES[name];
  if (!c) throw new Error(`unknown case "${name}": expected one of ${CHECK_CASES.join(', ')}`);
  return { scenario: resolveScenario({ id: name, extends: 'historical.json', ...c.overrides }, loadBundled), seed: c.seed };
}

/** The historical scenario as bundled (2018–2025), resolved. */
export function historical(overrides: Record<string, unknown> = {}): ResolvedScenario {
  return resolveScenario({ id: 'historical-bench', extends: 'historical.json', ...overrides }, loadBundled);
}
