import { figuresOf, type FigureRow, type Result } from '../../engine/index.ts';

/** Tables of a Result the visualizer and the report draw from. */
const KEEP = new Set(['phases', 'series', 'funnel', 'red', 'merchant_roi']);

/**
 * The figures of one run that the charts need, as tidy rows (engine `figuresOf`):
 * per-phase summaries, monthly series for all categories together ('all'), funnel
 * counts, RED's years and the merchants' RED ROI per year. Per-category monthly
 * rows, feed-ad groups and creator tiers are dropped to keep worker messages small
 * (≈ 3,000 rows for the 2018–2025 span instead of ≈ 10,000).
 */
export function runFigures(result: Result): FigureRow[] {
  return figuresOf(result).filter((f) => KEEP.has(f.table) && (f.table !== 'series' || f.category === 'all'));
}
