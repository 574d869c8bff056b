import { csvField } from './encodeRows.ts';
import type { Plan } from './plan.ts';

/** Rows of design.csv per chunk handed to the writer. */
const CHUNK_ROWS = 10_000;

/**
 * The design as CSV, in chunks (a design of millions of points is never one string): one
 * row per design point with its index (`sample`, the column of the same name in the rows),
 * for Sobol/Saltelli its `base` point and `matrix` (A, B, AB<i>, BA<i>), and one column per
 * factor named by its path.
 */
export function* encodeCsvTable(plan: Plan): Generator<string> {
  const saltelli = plan.sweep.design.type === 'sobol';
  const header = ['sample', ...(saltelli ? ['base', 'matrix'] : []), ...plan.sweep.factors.map((f) => f.path)];
  let lines = [header.map(csvField).join(',')];
  for (let i = 0; i < plan.design.size; i++) {
    const p = plan.design.point(i);
    lines.push([i, ...(saltelli ? [p.base!, p.matrix!] : []), ...p.values].map(csvField).join(','));
    if (lines.length >= CHUNK_ROWS) { yield lines.join('\n') + '\n'; lines = []; }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}
