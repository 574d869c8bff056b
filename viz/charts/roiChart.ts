import { max, scaleBand, scaleLinear } from 'd3';
import { axisBottom } from 'd3';
import type { FigureSummary } from '../../engine/stats/replicate.ts';
import type { ViewModel } from '../data/viewModel.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, withInterval, type ChartOptions } from './chartOptions.ts';
import { createFrame, emptyNote, plotArea, type Chart, type CsvRow, type LegendItem } from './frame.ts';
import { valueAxis } from './axes.ts';
import { FONT, INK, OKABE_ITO } from './palette.ts';

const KINDS = [
  { metric: 'merchant_roi_true', label: 'true', colour: OKABE_ITO.bluishGreen },
  { metric: 'merchant_roi_observed', label: 'observed by merchants', colour: OKABE_ITO.orange },
] as const;

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/**
 * Merchants' RED ROI per year, all merchants with RED ad spend: RED-seeded GMV of
 * their paid notes and ads per RMB of RED ad spend, spend-weighted — true, and as
 * the merchants can trace it (observed; the gap is what data sharing closes).
 * Compare mode: baseline bars lighter, left of the what-if's. Whiskers: 95% interval.
 */
export function roiChart(doc: Document, view: ViewModel, o: ChartOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const compare = view.mode === 'compare';
  const years = [...new Set(view.arms.flatMap((a) => a.figures.all().filter((s) => s.table === 'merchant_roi').map((s) => s.period)))].sort();
  const bars = view.arms.flatMap((arm) => KINDS.map((k) => ({ arm, ...k, get: (y: string): FigureSummary | undefined => arm.figures.get('merchant_roi', y, 'all', k.metric) })));
  const legend: LegendItem[] = KINDS.map((k) => ({ label: `ROI ${k.label}`, colour: k.colour, kind: 'area' }));
  if (compare) legend.push({ label: 'pale = baseline', colour: '#bbbbbb', kind: 'area' });
  const title = 'Merchant ROI on RED: true vs observed';
  const { svg, top } = createFrame(doc, { id: 'roi', title, width: W, height: H, legend, subtitle: 'RMB of RED-seeded GMV per RMB of RED ad spend, per year' });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  if (!years.length) { emptyNote(g, w, h, 'No merchant spent on RED ads'); return { id: 'roi', title, svg: svg.node()!, csv: [], hover: null }; }
  const x = scaleBand().domain(years).range([0, w]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<number>().domain(bars.map((_, i) => i)).range([0, x.bandwidth()]).padding(0.08);
  const top1 = max(bars.flatMap((b) => years.map((y) => { const s = b.get(y); return s ? Math.max(s.mean, Number.isFinite(s.hi) ? s.hi : s.mean) : 0; }))) ?? 1;
  const y = scaleLinear().domain([0, top1 || 1]).range([h, 0]).nice(5);
  valueAxis(g, y, w, fmt, 'RMB / RMB');
  const ax = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${h})`).call(axisBottom(x).tickSizeOuter(0));
  ax.attr('font-family', FONT).attr('font-size', 10.5).attr('color', INK.axis).selectAll('text').attr('fill', INK.muted);
  bars.forEach((b, i) => {
    for (const yr of years) {
      const s = b.get(yr);
      if (!s || !Number.isFinite(s.mean)) continue;
      const bx = x(yr)! + inner(i)!, bw = inner.bandwidth();
      g.append('rect').attr('class', 'roi-bar').attr('data-metric', b.metric).attr('x', bx).attr('y', y(s.mean)).attr('width', bw).attr('height', Math.max(0, h - y(s.mean)))
        .attr('fill', b.colour).attr('fill-opacity', compare && b.arm.role === 'base' ? 0.35 : 0.9);
      if (Number.isFinite(s.lo) && s.hi > s.lo) g.append('line').attr('x1', bx + bw / 2).attr('x2', bx + bw / 2).attr('y1', y(s.lo)).attr('y2', y(s.hi)).attr('stroke', INK.text);
    }
  });
  const csv: CsvRow[] = bars.flatMap((b) => years.map((yr) => { const s = b.get(yr); return { arm: b.arm.label, year: yr, metric: b.metric, unit: 'RMB GMV per RMB', mean: s?.mean ?? NaN, lo: s?.lo ?? NaN, hi: s?.hi ?? NaN }; }));
  return {
    id: 'roi', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: years.map((yr) => MARGIN.left + x(yr)! + x.bandwidth() / 2),
      heading: (i) => `${years[i]} · RMB GMV per RMB of RED ad spend`,
      lines: (i) => bars.map((b) => ({ label: compare ? `${b.label}, ${b.arm.label}` : `ROI ${b.label}`, value: withInterval(b.get(years[i]) ?? { mean: NaN, lo: NaN, hi: NaN }, fmt), colour: b.colour })),
    },
  };
}
