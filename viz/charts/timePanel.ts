import { area, line, max, min, scaleLinear, type ScaleLinear, type ScaleTime } from 'd3';
import type { Phase } from '../../engine/index.ts';
import { monthDate, type BandPoint } from '../data/series.ts';
import { PHASE_STRIP, phaseBands, timeAxis, timeScale, valueAxis } from './axes.ts';
import type { G } from './frame.ts';
import { INK } from './palette.ts';

/** One line of a time panel: mean per month, with its 95% band when `band` is set. */
interface BandSeries {
  label: string;
  colour: string;
  /** SVG dash array ('' = solid). */
  dash: string;
  points: BandPoint[];
  band: boolean;
}

/** Options of a time panel: one plot with a time axis, phase bands and band lines. */
interface TimePanel {
  months: readonly string[];
  phases: readonly Phase[];
  series: BandSeries[];
  format: (v: number) => string;
  unitLabel: string;
  /** Always include 0 in the value axis (default true). */
  zero?: boolean;
  /** Fixed value domain, e.g. [0, 1] for trust. */
  domain?: [number, number];
  /** Panel title drawn above the plot (small multiples). */
  title?: string;
}

/**
 * Draw a time panel in a w × h plot area: phase bands, gridlines, a year axis, a
 * value axis with units, each series' band (interval) and mean line. Returns the scales.
 */
export function drawTimePanel(g: G, w: number, h: number, o: TimePanel): { x: ScaleTime<number, number>; y: ScaleLinear<number, number> } {
  const x = timeScale(o.months, w);
  const vals = o.series.flatMap((s) => s.points.flatMap((p) => (s.band ? [p.lo, p.hi, p.mean] : [p.mean]))).filter(Number.isFinite);
  let lo = min(vals) ?? 0, hi = max(vals) ?? 1;
  if (o.zero !== false) { lo = Math.min(0, lo); hi = Math.max(0, hi); }
  if (hi === lo) { hi = lo + (Math.abs(lo) || 1) * 0.1; lo = lo - (Math.abs(lo) || 1) * 0.1 * (o.zero !== false && lo === 0 ? 0 : 1); }
  const y = scaleLinear().domain(o.domain ?? [lo, hi]).range([h, PHASE_STRIP]).nice(5);
  if (o.title) g.append('text').attr('class', 'panel-title').attr('x', 0).attr('y', -20).attr('font-weight', 600).attr('font-size', 11.5).text(o.title);
  phaseBands(g, x, o.phases, h);
  valueAxis(g, y, w, o.format, o.unitLabel, h < 120 ? 3 : 5);
  if (y.domain()[0] < 0 && y.domain()[1] > 0) g.append('line').attr('x1', 0).attr('x2', w).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', INK.axis);
  timeAxis(g, x, h, w);
  const xOf = (p: BandPoint) => x(monthDate(p.period));
  for (const s of o.series) {
    const ok = (p: BandPoint) => Number.isFinite(p.mean);
    if (s.band) {
      const a = area<BandPoint>().defined((p) => ok(p) && Number.isFinite(p.lo) && Number.isFinite(p.hi)).x(xOf).y0((p) => y(p.lo)).y1((p) => y(p.hi));
      g.append('path').attr('class', 'band').attr('d', a(s.points) ?? '').attr('fill', s.colour).attr('fill-opacity', 0.18).attr('stroke', 'none');
    }
    const l = line<BandPoint>().defined(ok).x(xOf).y((p) => y(p.mean));
    g.append('path').attr('class', 'series-line').attr('d', l(s.points) ?? '').attr('fill', 'none').attr('stroke', s.colour)
      .attr('stroke-width', 1.8).attr('stroke-dasharray', s.dash || null).attr('stroke-linejoin', 'round');
  }
  return { x, y };
}

/** x of every month (mid-month) on a time scale. */
export const monthXs = (months: readonly string[], x: ScaleTime<number, number>, dx = 0) => months.map((m) => x(monthDate(m)) + dx);
