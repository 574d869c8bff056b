import { parquetWriteBuffer, schemaFromColumnData, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { ENGINE_VERSION } from '../../engine/index.ts';
import type { Column } from './columns.ts';
import { columnArrays, type RowColumns } from './tidyRows.ts';

/** Parquet `created_by` of every file the sweep writes (fixed, so equal rows give equal bytes). */
export const CREATED_BY = `market-sim ${ENGINE_VERSION} (hyparquet-writer)`;

/**
 * Parquet column sources of `columns` holding `data` (one array per column, in the same
 * order): STRING, INT32 (sample, replication, seed) or DOUBLE (value, numeric factors); none nullable.
 */
export function columnSources(columns: readonly Column[], data: readonly unknown[][]): ColumnSource[] {
  return columns.map((c, j) => ({ name: c.name, data: data[j], type: c.type, nullable: false }));
}

/** The Parquet schema of sweep rows with these columns. */
export function rowSchema(columns: readonly Column[]): SchemaElement[] {
  return schemaFromColumnData({ columnData: columnSources(columns, columns.map(() => [])) });
}

/** Rows as a Parquet file (snappy, one row group per 100,000 rows), with key-value metadata. */
export function encodeParquet(cols: RowColumns, columns: readonly Column[], kv: Record<string, string> = {}): Uint8Array {
  const buf = parquetWriteBuffer({
    columnData: columnSources(columns, columnArrays(cols, columns)),
    rowGroupSize: 100_000,
    createdBy: CREATED_BY,
    kvMetadata: Object.entries(kv).map(([key, value]) => ({ key, value })),
  });
  return new Uint8Array(buf);
}

/** One CSV field (RFC 4180 quoting); non-finite numbers print empty. */
export function csvField(v: string | number | boolean): string {
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV header line of a table with these columns (with newline). */
export const csvHeader = (columns: readonly Column[]): string => columns.map((c) => csvField(c.name)).join(',') + '\n';

/**
 * Rows as RFC 4180 CSV text with the header line. Numbers print in JavaScript's
 * shortest round-trip form; NaN and ±Infinity print as an empty field.
 */
export function encodeCsv(cols: RowColumns, columns: readonly Column[]): string {
  const data = columnArrays(cols, columns);
  const n = cols.key.length;
  const lines: string[] = [csvHeader(columns)];
  for (let i = 0; i < n; i++) lines.push(data.map((d) => csvField(d[i])).join(',') + '\n');
  return lines.join('');
}
