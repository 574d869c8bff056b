import { parquetWriteBuffer, schemaFromColumnData, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { INT_COLUMNS, ROW_COLUMNS, type RowColumns } from './tidyRows.ts';

/** Parquet `created_by` of every file the sweep writes (fixed, so equal rows give equal bytes). */
export const CREATED_BY = `market-sim ${ENGINE_VERSION} (hyparquet-writer)`;

/** Parquet column sources of row columns: STRING, INT32 (sample, replication, seed) or DOUBLE (value); none nullable. */
export function columnSources(cols: RowColumns): ColumnSource[] {
  return ROW_COLUMNS.map((name) => ({
    name,
    data: cols[name],
    type: name === 'value' ? 'DOUBLE' : INT_COLUMNS.has(name) ? 'INT32' : 'STRING',
    nullable: false,
  }));
}

/** The Parquet schema of sweep rows. */
export function rowSchema(): SchemaElement[] {
  const empty = Object.fromEntries(ROW_COLUMNS.map((c) => [c, []])) as unknown as RowColumns;
  return schemaFromColumnData({ columnData: columnSources(empty) });
}

/** Rows as a Parquet file (snappy, one row group per 100,000 rows), with key-value metadata. */
export function encodeParquet(cols: RowColumns, kv: Record<string, string> = {}): Uint8Array {
  const buf = parquetWriteBuffer({
    columnData: columnSources(cols),
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

/** The CSV header line (with newline). */
export const CSV_HEADER = ROW_COLUMNS.join(',') + '\n';

/**
 * Rows as RFC 4180 CSV text with the header line. Numbers print in JavaScript's
 * shortest round-trip form; NaN and ±Infinity print as an empty field.
 */
export function encodeCsv(cols: RowColumns): string {
  const n = cols.key.length;
  const lines: string[] = [CSV_HEADER];
  for (let i = 0; i < n; i++) lines.push(ROW_COLUMNS.map((c) => csvField(cols[c][i])).join(',') + '\n');
  return lines.join('');
}
