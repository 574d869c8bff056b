import { max, scaleBand, scaleLinear, scaleUtc } from 'd3';
import type { ResolvedScenario } from '../../engine/index.ts';
import type { FigureSummary } from '../../engine/stats/replicate.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { PHASE_STRIP, phaseBands, timeAxis, valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { createFrame, emptyNote, plotArea, type Chart, type CsvRow, type LegendItem } from './frame.ts';
import { INK, OKABE_ITO } from './palette.ts';

const KINDS = [
  { metric: 'merchant_roi_true', label: 'true', colour: OKABE_ITO.bluishGreen },
  { metric: 'merchant_roi_observed', label: 'observed by merchants', colour: OKABE_ITO.orange },
] as const;

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** The ROI guarantee of a scenario: its first date and highest threshold (RMB GMV per RMB), or null if it has none. */
export function roiGuaranteeOf(s: ResolvedScenario): { from: string; threshold: number } | null {
  const on = s.timeline.filter((e) => e.state.roiGuarantee.threshold > 0 && e.state.roiGuarantee.refundShare > 0 && e.date <= s.end);
  if (!on.length) return null;
  return { from: on[0].date < s.start ? s.start : on[0].date, threshold: Math.max(...on.map((e) => e.state.roiGuarantee.threshold)) };
}

/**
 * Merchants' RED ROI per year, all merchants with RED ad spend: RED-seeded GMV of
 * their paid notes and ads per RMB of RED ad spend, spend-weighted — true, and as
 * the merchants can trace it (observed; the gap is what data sharing closes).
 * Bars sit in their year on a time axis with the phase bands. A note relates the
 * scale to the ROI guarantee's threshold (Red Cat), which is measured per pilot
 * merchant and month on the same observed ROI. Compare mode: baseline bars paler,
 * left of the what-if's. Whiskers: 95% interval.
 */
export function roiChart(doc: Document, view: ViewModel, o: ChartOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const compare = view.mode === 'compare';
  const years = [...new Set(view.arms.flatMap((a) => a.figures.all().filter((s) => s.table === 'merchant_roi').map((s) => s.period)))].sort();
  const bars = view.arms.flatMap((arm) => KINDS.map((k) => ({ arm, ...k, get: (y: string): FigureSummary | undefined => arm.figures.get('merchant_roi', y, 'all', k.metric) })));
  const legend: LegendItem[] = KINDS.map((k) => ({ label: `ROI ${k.label}`, colour: k.colour, kind: 'area' }));
  if (compare) legend.push({ label: 'pale = baseline', colour: '#bbbbbb', kind: 'area' });
  const title = 'Merchant ROI on RED: true vs observed';
  const top1 = max(bars.flatMap((b) => years.map((y) => { const s = b.get(y); return s ? Math.max(s.mean, Number.isFinite(s.hi) ? s.hi : s.mean) : 0; }))) ?? 1;
  const y = scaleLinear().domain([0, top1 || 1]).nice(5);
  const guarantee = view.arms.map((a) => roiGuaranteeOf(a.scenario)).find((g) => g !== null) ?? null;
  const onScale = guarantee !== null && guarantee.threshold <= y.domain()[1];
  const notes = guarantee
    ? [`ROI guarantee (Red Cat, from ${guarantee.from}): ${guarantee.threshold.toFixed(1)} RMB of traced GMV per RMB, per pilot merchant and month${onScale ? ' (dashed line)' : `, ${Math.round(guarantee.threshold / (y.domain()[1] || 1))}× the top of this scale: most pilot merchants fall short and get refunds`}.`]
    : ['No ROI guarantee in this scenario.'];
  const { svg, top } = createFrame(doc, { id: 'roi', title, width: W, height: H, legend, notes, subtitle: 'RMB of RED-seeded GMV per RMB of RED ad spend, per year' });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  if (!years.length) { emptyNote(g, w, h, 'No merchant spent on RED ads'); return { id: 'roi', title, svg: svg.node()!, csv: [], hover: null }; }
  const yearStart = (yr: string) => new Date(Date.UTC(Number(yr), 0, 1));
  const x = scaleUtc().domain([yearStart(years[0]), yearStart(String(Number(years[years.length - 1]) + 1))]).range([0, w]);
  const slot = w / years.length;
  const inner = scaleBand<number>().domain(bars.map((_, i) => i)).range([0, slot * 0.72]).padding(0.08);
  y.range([h, PHASE_STRIP]);
  phaseBands(g, x, shownArm(view).scenario.phases, h);
  valueAxis(g, y, w, fmt, 'RMB / RMB');
  timeAxis(g, x, h, w);
  bars.forEach((b, i) => {
    for (const yr of years) {
      const s = b.get(yr);
      if (!s || !Number.isFinite(s.mean)) continue;
      const bx = x(yearStart(yr)) + slot * 0.14 + inner(i)!, bw = inner.bandwidth();
      g.append('rect').attr('class', 'roi-bar').attr('data-metric', b.metric).attr('x', bx).attr('y', y(s.mean)).attr('width', bw).attr('height', Math.max(0, h - y(s.mean)))
        .attr('fill', b.colour).attr('fill-opacity', compare && b.arm.role === 'base' ? 0.35 : 0.9);
      if (Number.isFinite(s.lo) && s.hi > s.lo) g.append('line').attr('x1', bx + bw / 2).attr('x2', bx + bw / 2).attr('y1', y(Math.max(0, s.lo))).attr('y2', y(s.hi)).attr('stroke', INK.text);
    }
  });
  if (guarantee && onScale) {
    const gy = y(guarantee.threshold), gx = Math.max(0, x(new Date(`${guarantee.from}T00:00:00Z`)));
    g.append('line').attr('class', 'guarantee-line').attr('x1', gx).attr('x2', w).attr('y1', gy).attr('y2', gy).attr('stroke', OKABE_ITO.vermillion).attr('stroke-dasharray', '4 3').attr('stroke-width', 1.5);
  }
  const csv: CsvRow[] = bars.flatMap((b) => years.map((yr) => ({ arm: b.arm.label, year: yr, metric: b.metric, unit: 'RMB GMV per RMB', ...csvInterval(b.get(yr), view.reps) })));
  return {
    id: 'roi', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: years.map((yr) => MARGIN.left + x(yearStart(yr)) + slot / 2),
      heading: (i) => `${years[i]} · RMB GMV per RMB of RED ad spend`,
      lines: (i) => bars.map((b) => ({ label: compare ? `${b.label}, ${b.arm.label}` : `ROI ${b.label}`, value: withInterval(b.get(years[i]) ?? { mean: NaN, lo: NaN, hi: NaN }, fmt), colour: b.colour })),
    },
  };
}
