/** Helpers of the what-if v2 lever tests: small paired runs from 2024-09-01 and full-Result equality. */
import type { Result } from '../../engine/index.ts';
import { runDerived } from '../helpers.ts';

/** Small runs: 3,000 agents from 2024-09-01 (Red Cat starts 2025-05-07). */
export const SMALL = { agents: 3000, start: '2024-09-01' };

/** Run historical (small) with extra timeline entries `set` dated `date` (none: historical itself). */
export function runWith(set?: object, date = '2025-05-07', seed = 1): Result {
  return runDerived(set ? { ...SMALL, policies: [{ id: 'lever', date, set }] } : SMALL, seed);
}

/** Are two Results identical in every figure? (The scenario hash differs: a neutral lever value is written in the policy state.) */
export function sameResult(a: Result, b: Result): boolean {
  const strip = (r: Result) => JSON.stringify({ ...r, manifest: { ...r.manifest, scenarioHash: '' } });
  return strip(a) === strip(b);
}

/** Value of a flow line over the whole run (fen, agent scale). */
export const flowFen = (r: Result, name: string) => r.flows.totalFen[r.flows.lines.findIndex((l) => l.name === name)];
/** RED's yearly row for 2025. */
export const red2025 = (r: Result) => r.red.find((y) => y.year === 2025)!;
/** Merchants' RED ad spend in 2025 (RMB), optionally of one home marketplace. */
export const redSpend2025 = (r: Result, home?: string) =>
  r.merchants.filter((m) => m.year === 2025 && (!home || m.home === home)).reduce((s, m) => s + m.redAdSpendRmb, 0);
