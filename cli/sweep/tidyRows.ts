import type { Result } from '../../engine/index.ts';
import { BASE_COLUMNS, factorCell, type BaseColumn, type Column } from './columns.ts';
import type { Outputs } from './parseSweep.ts';
import type { RunSpec } from './plan.ts';
import { SWEEP_TABLES, tableRows } from './resultTables.ts';

/** A run's tidy rows as columns. */
export interface RowColumns {
  key: string[]; scenario: string[]; sample: number[]; replication: number[]; seed: number[]; parameters: string[];
  /**
   * "phases" (per-phase summary: period = phase label, category "all"), "series" (monthly: period = YYYY-MM), or a
   * yearly table (period = YYYY): "category_funnel", "repurchase", "size_classes", "red" (resultTables.ts).
   */
  table: string[]; period: string[]; platform: string[]; category: string[]; metric: string[]; unit: string[];
  /** At real scale, in `unit`; NaN where undefined (e.g. trust in a month without active users). */
  value: number[];
  /** The factor columns by name: each row's factor value (the same on every row of a run). */
  factors: Map<string, (number | string)[]>;
}

/** An empty set of columns (with an empty array for each factor column of `columns`). */
export function emptyColumns(columns: readonly Column[]): RowColumns {
  const cols = Object.fromEntries(BASE_COLUMNS.map((c) => [c, []])) as unknown as RowColumns;
  cols.factors = new Map(columns.filter((c) => c.factor !== undefined).map((c) => [c.name, []]));
  return cols;
}

/** The data of `columns` in `cols`, one array per column, in the order of `columns`. */
export function columnArrays(cols: RowColumns, columns: readonly Column[]): (string | number)[][] {
  return columns.map((c) => (c.factor !== undefined ? cols.factors.get(c.name)! : cols[c.name as BaseColumn]));
}

/** True when `period` is kept by the outputs' period prefixes. */
function keepPeriod(outputs: Outputs, period: string): boolean {
  return !outputs.periods || outputs.periods.some((p) => period.startsWith(p));
}

/**
 * The tidy rows a run keeps: one per (table, period, platform, category, metric) of the
 * selected tables, filtered by the outputs' metrics, platforms, categories and period
 * prefixes; each carries the run's key, scenario, design point, replication, seed and
 * factor values (as JSON, and in the factor columns among `columns`). Tables come in
 * SWEEP_TABLES order (phases, series, category_funnel, repurchase, size_classes, red), each
 * table's rows in the Result's order (resultTables.ts tableRows).
 */
export function tidyRows(result: Result, spec: RunSpec, key: string, outputs: Outputs, columns: readonly Column[]): RowColumns {
  const cols = emptyColumns(columns);
  const point = JSON.parse(spec.parameters) as Record<string, unknown>;
  const factors = columns.filter((c) => c.factor !== undefined).map((c) => ({ data: cols.factors.get(c.name)!, value: factorCell(c, point) }));
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
    for (const f of factors) f.data.push(f.value);
  };
  for (const table of SWEEP_TABLES) {
    if (outputs.tables.includes(table)) tableRows(result, table, (period, platform, category, metric, unit, value) => push(table, period, platform, category, metric, unit, value));
  }
  return cols;
}
