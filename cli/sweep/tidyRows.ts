import type { Result } from '../../engine/index.ts';
import type { Outputs } from './parseSweep.ts';
import type { RunSpec } from './plan.ts';

/** Columns of every sweep row, in file order (Parquet and CSV alike). */
export const ROW_COLUMNS = ['key', 'scenario', 'sample', 'replication', 'seed', 'parameters', 'table', 'period', 'platform', 'category', 'metric', 'unit', 'value'] as const;

/** Columns holding whole numbers (INT32 in Parquet); `value` is a double; the rest are strings. */
export const INT_COLUMNS = new Set(['sample', 'replication', 'seed']);

/** A run's tidy rows as columns. */
export interface RowColumns {
  key: string[]; scenario: string[]; sample: number[]; replication: number[]; seed: number[]; parameters: string[];
  /** "phases" (per-phase summary: period = phase label, category "all") or "series" (monthly: period = YYYY-MM). */
  table: string[]; period: string[]; platform: string[]; category: string[]; metric: string[]; unit: string[];
  /** At real scale, in `unit`; NaN where undefined (e.g. trust in a month without active users). */
  value: number[];
}

/** An empty set of columns. */
export function emptyColumns(): RowColumns {
  return Object.fromEntries(ROW_COLUMNS.map((c) => [c, []])) as unknown as RowColumns;
}

/** True when `period` is kept by the outputs' period prefixes. */
function keepPeriod(outputs: Outputs, period: string): boolean {
  return !outputs.periods || outputs.periods.some((p) => period.startsWith(p));
}

/**
 * The tidy rows a run keeps: one per (table, period, platform, category, metric) of the
 * selected tables, filtered by the outputs' metrics, platforms, categories and period
 * prefixes; each carries the run's key, scenario, design point, replication, seed and
 * factor values. Phase rows come first, then monthly series rows, in the Result's order.
 */
export function tidyRows(result: Result, spec: RunSpec, key: string, outputs: Outputs): RowColumns {
  const cols = emptyColumns();
  const metrics = outputs.metrics && new Set(outputs.metrics);
  const platforms = outputs.platforms && new Set(outputs.platforms);
  const categories = outputs.categories && new Set(outputs.categories);
  const push = (table: string, period: string, platform: string, category: string, metric: string, unit: string, value: number) => {
    if (metrics && !metrics.has(metric)) return;
    if (platforms && !platforms.has(platform)) return;
    if (categories && !categories.has(category)) return;
    if (!keepPeriod(outputs, period)) return;
    cols.key.push(key); cols.scenario.push(spec.scenario); cols.sample.push(spec.sample); cols.replication.push(spec.replication);
    cols.seed.push(spec.seed); cols.parameters.push(spec.parameters); cols.table.push(table); cols.period.push(period);
    cols.platform.push(platform); cols.category.push(category); cols.metric.push(metric); cols.unit.push(unit); cols.value.push(value);
  };
  if (outputs.tables.includes('phases')) for (const r of result.phaseSummary) push('phases', r.phase, r.platform, 'all', r.metric, r.unit, r.value);
  if (outputs.tables.includes('series')) for (const r of result.series) push('series', r.period, r.platform, r.category, r.metric, r.unit, r.value);
  return cols;
}
