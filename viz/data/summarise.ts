import { meanInterval, type FigureRow } from '../../engine/index.ts';

/** One figure over R replications: its mean, 95% Student-t interval and the value of every replication. */
export interface Summary {
  table: string;
  period: string;
  platform: string;
  category: string;
  metric: string;
  unit: string;
  mean: number;
  /** Interval bounds (NaN with fewer than 2 finite values). */
  lo: number;
  hi: number;
  /** Values in replication (seed) order; NaN where a run did not report the figure. */
  values: number[];
}

/** Summaries of every figure of a set of runs, looked up by key. */
export interface Figures {
  reps: number;
  get(table: string, period: string, platform: string, metric: string, category?: string): Summary | undefined;
  all(): Summary[];
}

/** The lookup key of a figure. */
export const keyOf = (table: string, period: string, platform: string, category: string, metric: string) =>
  `${table}|${period}|${platform}|${category}|${metric}`;

/**
 * Summarise R runs' figures (one FigureRow[] per replication, in seed order) by
 * mean and 95% interval (engine `meanInterval`). A funnel count a run did not
 * report is 0 there (nothing reached that stage); any other missing figure is NaN.
 */
export function summarise(runs: readonly (readonly FigureRow[])[]): Figures {
  const reps = runs.length;
  const rows = new Map<string, { row: FigureRow; values: number[] }>();
  runs.forEach((figs, rep) => {
    for (const f of figs) {
      const k = keyOf(f.table, f.period, f.platform, f.category, f.metric);
      let e = rows.get(k);
      if (!e) { e = { row: f, values: new Array<number>(reps).fill(f.table === 'funnel' ? 0 : NaN) }; rows.set(k, e); }
      e.values[rep] = f.value;
    }
  });
  const out = new Map<string, Summary>();
  for (const [k, { row, values }] of rows) {
    const iv = meanInterval(values);
    out.set(k, { table: row.table, period: row.period, platform: row.platform, category: row.category, metric: row.metric, unit: row.unit, mean: iv.mean, lo: iv.lo, hi: iv.hi, values });
  }
  return {
    reps,
    get: (table, period, platform, metric, category = 'all') => out.get(keyOf(table, period, platform, category, metric)),
    all: () => [...out.values()],
  };
}
