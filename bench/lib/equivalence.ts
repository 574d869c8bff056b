/**
 * Statistical check that the reference implementation (bench/reference/) and the
 * engine give the same aggregates. Both run the same scenario on k seeds; seed s
 * gives both the same initial population (the reference copies the engine's), so
 * the per-seed differences d_s = engine_s − reference_s are paired. For each metric
 * a paired t-test of mean(d) = 0 is run at a family-wise level of 1 % (Bonferroni
 * over the metrics). A metric passes when |t| is below the critical value; the
 * "resolution" is the smallest relative bias the test could have detected.
 */
import jStatPkg from 'jstat';
import { createSimulation, type ResolvedScenario, type Result } from '../../engine/index.ts';
import { referenceLoop } from '../reference/world.ts';

const { jStat } = jStatPkg as unknown as { jStat: { studentt: { inv(p: number, dof: number): number } } };

/** Aggregates compared (whole run, or the last simulated year for RED gauges). */
function metricsOf(r: Result): Record<string, number> {
  const platforms = ['red', 'taotian', 'jd', 'pdd', 'douyin'];
  const last = r.red[r.red.length - 1];
  const out: Record<string, number> = {};
  platforms.forEach((p, k) => { out[`gmv.${p}`] = r.ledger.gmvFen[k]; out[`orders.${p}`] = r.ledger.orders[k]; });
  out['adRevenue.red'] = r.ledger.adRevenueFen[0];
  out['refunds'] = r.ledger.refundsFen;
  out['red.dau.lastYear'] = last.dauAvg;
  out['red.mau.lastYear'] = last.mauAvg;
  out['red.trust.lastYear'] = last.trustAvg;
  out['red.seededGmv.lastYear'] = last.seededGmvRmb;
  out['red.ownStoreGmv.lastYear'] = last.ownStoreGmvRmb;
  out['red.noteSeededUserShare.lastYear'] = last.noteSeededUserShare;
  return out;
}

/** One metric's comparison. */
interface MetricCheck {
  metric: string; engineMean: number; referenceMean: number; relDiff: number; t: number; resolution: number; pass: boolean;
}

/** Result of the check. */
export interface EquivalenceReport {
  seeds: number; agents: number; alpha: number; tCritical: number; pass: boolean; metrics: MetricCheck[];
  engineMs: number; referenceMs: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => { const m = mean(xs); return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)); };

/** Run engine and reference on `seeds` seeds (1..k) at `agents` agents and test every metric. */
export function checkEquivalence(scenario: ResolvedScenario, seeds: number, agents: number, alpha = 0.01, firstSeed = 1): EquivalenceReport {
  const eng: Record<string, number>[] = [], ref: Record<string, number>[] = [];
  let engineMs = 0, referenceMs = 0;
  for (let s = firstSeed; s < firstSeed + seeds; s++) {
    const t0 = performance.now();
    eng.push(metricsOf(createSimulation(scenario, { seed: s, agents }).run()));
    const t1 = performance.now();
    ref.push(metricsOf(createSimulation(scenario, { seed: s, agents, userLoop: referenceLoop(s) }).run()));
    engineMs += t1 - t0;
    referenceMs += performance.now() - t1;
  }
  const names = Object.keys(eng[0]);
  const tCritical = jStat.studentt.inv(1 - alpha / names.length / 2, seeds - 1);
  const metrics = names.map((metric): MetricCheck => {
    const e = eng.map((x) => x[metric]), r = ref.map((x) => x[metric]);
    const d = e.map((v, i) => v - r[i]);
    const se = sd(d) / Math.sqrt(seeds);
    const md = mean(d);
    const t = se > 0 ? md / se : md === 0 ? 0 : Infinity;
    const base = Math.abs(mean(r)) || 1;
    return { metric, engineMean: mean(e), referenceMean: mean(r), relDiff: md / base, t, resolution: (tCritical * se) / base, pass: Math.abs(t) < tCritical };
  });
  return { seeds, agents, alpha, tCritical, pass: metrics.every((m) => m.pass), metrics, engineMs, referenceMs };
}
