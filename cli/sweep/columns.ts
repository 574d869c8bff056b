import { UsageError } from '../errors.ts';

/** Parquet type of a result column (CSV prints numbers in JavaScript's shortest round-trip form). */
export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE';

/** One column of a sweep's result tables (run parts and merged files alike). */
export interface Column {
  name: string;
  type: ColumnType;
  /** Factor columns only: the factor's path, its key in the `parameters` JSON. */
  factor?: string;
}

/** Columns every sweep table has, in file order; the factor columns follow `parameters`. */
export const BASE_COLUMNS = ['key', 'scenario', 'sample', 'replication', 'seed', 'parameters', 'table', 'period', 'platform', 'category', 'metric', 'unit', 'value'] as const;
/** A column every sweep table has. */
export type BaseColumn = (typeof BASE_COLUMNS)[number];

/** Whole numbers (INT32 in Parquet): sample, replication, seed; `value` is a double; the rest are strings. */
const baseType = (name: BaseColumn): ColumnType => (name === 'value' ? 'DOUBLE' : ['sample', 'replication', 'seed'].includes(name) ? 'INT32' : 'STRING');

/** What a factor column needs to know of its factor (a Factor, or a factor as the manifest records it). */
interface FactorLike { path: string; values?: readonly unknown[] }

/**
 * A factor column's type: DOUBLE when the factor is numeric (a min/max range, or a values list
 * of numbers only), STRING otherwise (a categorical lever such as `links.taotian.notes`, or
 * booleans such as `ownStore.enabled`, written "true"/"false").
 */
export const factorColumnType = (f: FactorLike): 'DOUBLE' | 'STRING' => (!f.values || f.values.every((v) => typeof v === 'number') ? 'DOUBLE' : 'STRING');

/**
 * The columns of a sweep's tables: BASE_COLUMNS with, right after `parameters`, one column per
 * factor in factor order, named by the factor's path exactly as written in the sweep file and
 * as design.csv names it (`parameters.seed.searchRate`, `policies.cut-2021.adLoad`). The names
 * are unambiguous: factor paths are unique within a sweep, and each has a dot (it starts with
 * `parameters.` or `policies.`), which no base column has. Without factors: BASE_COLUMNS.
 */
export function sweepColumns(factors: readonly FactorLike[]): Column[] {
  const out: Column[] = [];
  for (const name of BASE_COLUMNS) {
    out.push({ name, type: baseType(name) });
    if (name === 'parameters') for (const f of factors) out.push({ name: f.path, type: factorColumnType(f), factor: f.path });
  }
  return out;
}

/** A factor column's value of a design point: the number, or for a STRING column its text (`true`, `all`, …). */
export function factorCell(column: Column, point: Record<string, unknown>): number | string {
  const v = point[column.factor!];
  if (v === undefined) throw new Error(`design point ${JSON.stringify(point)} has no value for the factor ${column.factor}`);
  return column.type === 'DOUBLE' ? (v as number) : String(v);
}

/**
 * The columns of the tables in a sweep directory, from its manifest: those this version writes
 * for its factors, or, for a directory started before factor columns existed (its manifest lists
 * BASE_COLUMNS only, while the sweep has factors), BASE_COLUMNS. Any other list is refused
 * (UsageError, exit 2, naming `file`).
 */
export function manifestColumns(m: { columns: readonly string[]; factors: readonly Record<string, unknown>[] }, file: string): Column[] {
  const now = sweepColumns(m.factors as unknown as FactorLike[]);
  const same = (cols: readonly { name: string }[] | readonly string[]) => cols.length === m.columns.length && cols.every((c, i) => (typeof c === 'string' ? c : c.name) === m.columns[i]);
  if (same(now)) return now;
  if (same(BASE_COLUMNS)) return sweepColumns([]);
  throw new UsageError(`${file}: columns: expected ${JSON.stringify(now.map((c) => c.name))} (or, for a sweep directory started before factor columns, ${JSON.stringify(BASE_COLUMNS)}), got ${JSON.stringify(m.columns)}`);
}

/** The names of columns. */
export const columnNames = (columns: readonly Column[]): string[] => columns.map((c) => c.name);
