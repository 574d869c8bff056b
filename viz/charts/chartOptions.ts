import type { BandPoint } from '../data/series.ts';

/** Size of a chart in CSS pixels (the SVG's user units). */
export interface ChartOptions {
  /** Width, px. Default 560. */
  width?: number;
  /** Height, px. Default 320. */
  height?: number;
}

export const DEFAULT_WIDTH = 560;
export const DEFAULT_HEIGHT = 320;
/** Left and right margins of a plot area with a value axis, px. */
export const MARGIN = { left: 62, right: 16, bottom: 26 } as const;

/** "¥1.2T" or, with an interval, "¥1.2T (¥1.1T – ¥1.3T)". */
export function withInterval(p: Pick<BandPoint, 'mean' | 'lo' | 'hi'>, fmt: (v: number) => string): string {
  if (!Number.isFinite(p.mean)) return '–';
  if (!Number.isFinite(p.lo) || !Number.isFinite(p.hi) || p.lo === p.hi) return fmt(p.mean);
  return `${fmt(p.mean)} (${fmt(p.lo)} – ${fmt(p.hi)})`;
}

/** Month label for tooltips: "2021-08" → "Aug 2021". */
export function monthTitle(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}
