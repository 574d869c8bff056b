import { figuresOf, saarFigures, type FigureRow, type FigureTable, type Result } from '../../engine/index.ts';

/** Tables of a Result the visualizer and the report draw from. */
const KEEP = new Set(['phases', 'series', 'funnel', 'red', 'merchant_roi', 'incrementality']);

/** Parties whose P&L per year the visualizer shows (viz/tables/pnlTable.ts). */
export const PNL_PARTIES = ['red', 'taotian', 'merchants'] as const;

/** The table name the P&L rows carry among the figures (not an engine FigureTable: the engine keeps P&L in Result.pnl). */
export const PNL_TABLE = 'pnl' as FigureTable;

/**
 * The figures of one run that the charts need, as tidy rows (engine `figuresOf`):
 * per-phase summaries, monthly series for all categories together ('all'), funnel
 * counts, RED's years, the merchants' RED ROI per year and note-seeded GMV per year
 * on all platforms together (attributed and incremental). Per-category monthly
 * rows, feed-ad groups and creator tiers are dropped to keep worker messages small
 * (≈ 3,000 rows for the 2018–2025 span instead of ≈ 10,000). Also the P&L per year
 * of RED, Taotian and the merchants (Result.pnl, RMB lines; platform = party,
 * metric = line), so that replications summarise them like any figure; and every
 * per-phase money rate as a seasonally adjusted annual rate (`<x>_saar`, RMB/year,
 * engine `saarFigures`) for the phase view; and monthly GMV per category (the category view).
 */
export function runFigures(result: Result): FigureRow[] {
  const rows = figuresOf(result).filter((f) => KEEP.has(f.table) && (f.table !== 'series' || f.category === 'all' || f.metric === 'gmv') && (f.table !== 'incrementality' || f.platform === 'all'));
  rows.push(...saarFigures(result));
  for (const p of result.pnl ?? []) {
    if (p.kind !== 'year' || p.unit !== 'RMB' || !(PNL_PARTIES as readonly string[]).includes(p.party)) continue;
    rows.push({ table: PNL_TABLE, period: p.period, platform: p.party, category: 'all', metric: p.item, unit: p.unit, value: p.value });
  }
  return rows;
}
