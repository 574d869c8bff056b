import { csvField } from './encodeRows.ts';
import type { Plan } from './plan.ts';

/**
 * The design as CSV: one row per design point with its index (`sample`, the column of
 * the same name in the rows), for Sobol/Saltelli its `base` point and `matrix`
 * (A, B, AB<i>, BA<i>), and one column per factor named by its path.
 */
export function encodeCsvTable(plan: Plan): string {
  const saltelli = plan.sweep.design.type === 'sobol';
  const header = ['sample', ...(saltelli ? ['base', 'matrix'] : []), ...plan.sweep.factors.map((f) => f.path)];
  const lines = [header.map(csvField).join(',')];
  plan.points.forEach((p, i) => {
    lines.push([i, ...(saltelli ? [p.base!, p.matrix!] : []), ...p.values].map(csvField).join(','));
  });
  return lines.join('\n') + '\n';
}
