import { figureKey, type FigureRow, type FigureTable } from '../../engine/stats/figures.ts';
import { FigureSamples, type FigureSummary } from '../../engine/stats/replicate.ts';

/** Summaries of every figure of a set of runs (engine `FigureSummary`), looked up by table, period, platform and metric. */
export interface Figures {
  reps: number;
  get(table: FigureTable, period: string, platform: string, metric: string, category?: string): FigureSummary | undefined;
  all(): readonly FigureSummary[];
}

/**
 * Summarise R runs' figures (one FigureRow[] per replication, in seed order) with the
 * engine's `FigureSamples` (as `replicate` and `market-sim run --reps`): mean and 95%
 * interval per figure, values in seed order; a funnel count a run did not report is 0
 * there (nothing reached that stage), any other missing figure is NaN.
 */
export function summarise(runs: readonly (readonly FigureRow[])[]): Figures {
  const samples = new FigureSamples(runs.length);
  runs.forEach((figures, rep) => samples.add(rep, figures));
  const all = samples.summarise();
  const byKey = new Map(all.map((s) => [figureKey(s), s]));
  return {
    reps: runs.length,
    get: (table, period, platform, metric, category = 'all') => byKey.get(figureKey({ table, period, platform, category, metric })),
    all: () => all,
  };
}
