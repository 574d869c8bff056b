/** Quote a CSV field when needed (RFC 4180). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Tidy rows (objects with the same keys) as CSV text with a header line. */
export function toCsv(rows: readonly object[], columns?: string[]): string {
  if (rows.length === 0) return (columns ?? []).join(',') + '\n';
  const cols = columns ?? Object.keys(rows[0]);
  const out = [cols.join(',')];
  for (const r of rows) out.push(cols.map((c) => field((r as Record<string, unknown>)[c])).join(','));
  return out.join('\n') + '\n';
}
