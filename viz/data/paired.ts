import { SEGMENT_METRICS } from '../../engine/index.ts';
import { pairedRow } from '../../engine/stats/pairedRow.ts';
import type { ViewModel } from './viewModel.ts';

/** One cell of the paired-differences table: what-if − baseline on one period, platform and metric. */
export interface PairedDiff {
  period: string;
  /** The period's human title (segment dates and the what-if's phase). */
  title: string;
  platform: string;
  metric: string;
  unit: string;
  /** Arm means over the seed pairs where both arms are finite (engine `pairedRow`, as `market-sim compare`). */
  meanA: number;
  meanB: number;
  /** Mean paired difference b − a (unit of the metric) and its 95% Student-t interval. */
  diff: number;
  lo: number;
  hi: number;
  /** diff / meanA; NaN when meanA is 0. */
  rel: number;
  /** True when both arms gave the same value in every replication (no policy difference yet). */
  identical: boolean;
  /** Number of seed pairs with a finite value in both arms. */
  n: number;
}

/** The metrics of the paired table, with their platforms (engine SEGMENT_METRICS, grouped). */
export function pairedMetrics(): { metric: string; platforms: string[] }[] {
  const out: { metric: string; platforms: string[] }[] = [];
  for (const [platform, metric] of SEGMENT_METRICS) {
    const e = out.find((x) => x.metric === metric);
    if (e) e.platforms.push(platform); else out.push({ metric, platforms: [platform] });
  }
  return out;
}

/**
 * Paired differences what-if − baseline per common segment for one metric (every
 * platform that reports it). Replication i of both arms ran with the same seed
 * (common random numbers), so the interval is that of the R per-seed differences.
 * The statistics are the engine's `pairedRow` (the rows of `market-sim compare`).
 */
export function pairedDiffs(view: ViewModel, metric: string): PairedDiff[] {
  if (view.mode !== 'compare') return [];
  const [a, b] = view.arms;
  const platforms = pairedMetrics().find((m) => m.metric === metric)?.platforms ?? [];
  const out: PairedDiff[] = [];
  for (const p of view.periods.filter((x) => x.common)) {
    for (const platform of platforms) {
      const sa = a.figures.get('phases', p.key, platform, metric), sb = b.figures.get('phases', p.key, platform, metric);
      if (!sa || !sb) continue;
      const r = pairedRow(sa.values, sb.values);
      out.push({
        period: p.key, title: p.title, platform, metric, unit: sa.unit, meanA: r.meanA, meanB: r.meanB,
        diff: r.diff, lo: r.diffLo, hi: r.diffHi, rel: r.relDiff, identical: r.identical, n: r.n,
      });
    }
  }
  return out;
}
