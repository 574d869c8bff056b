import { area, scaleLinear } from 'd3';
import { monthly, monthDate, type BandPoint } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { PHASE_STRIP, phaseBands, timeAxis, timeScale, valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { createFrame, plotArea, type Chart, type CsvRow } from './frame.ts';
import { rmb, rmbTick } from './format.ts';
import { ARM_STYLE, OKABE_ITO } from './palette.ts';
import { drawTimePanel, monthXs } from './timePanel.ts';

/** RED's monthly revenue lines: ad revenue is net of ROI-guarantee refunds (as booked by the engine). */
const PARTS = [
  { metric: 'ad_revenue', label: 'Ad revenue (net of refunds)', colour: OKABE_ITO.blue },
  { metric: 'commission', label: 'Own-store commission', colour: OKABE_ITO.bluishGreen },
  { metric: 'refunds', label: 'ROI-guarantee refunds', colour: OKABE_ITO.vermillion },
] as const;

/**
 * RED revenue over time, RMB/month. Single mode: ad revenue (net) and commission
 * stacked above zero, refunds drawn below zero. Compare mode: each part for both
 * arms (baseline dashed) with 95% bands.
 */
export function revenueChart(doc: Document, view: ViewModel, o: ChartOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const compare = view.mode === 'compare';
  const data = view.arms.map((arm) => ({ arm, parts: PARTS.map((p) => ({ ...p, points: monthly(view, arm, p.metric, 'red') })) }));
  const title = 'RED revenue: ads, commission, refunds';
  const legend = compare
    ? [...PARTS.map((p) => ({ label: p.label, colour: p.colour, kind: 'line' as const })), { label: 'baseline dashed', colour: ARM_STYLE.base.colour, kind: 'dash' as const }]
    : PARTS.map((p) => ({ label: p.label + (p.metric === 'refunds' ? ' (below 0)' : ''), colour: p.colour, kind: 'area' as const }));
  const { svg, top } = createFrame(doc, {
    id: 'revenue', title, width: W, height: H, legend,
    subtitle: `RMB/month${view.reps > 1 ? `; ${compare ? 'bands: 95% interval' : 'mean'} over ${view.reps} runs` : ''}`,
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const phases = shownArm(view).scenario.phases;
  let xs: number[];
  if (compare) {
    const { x } = drawTimePanel(g, w, h, {
      months: view.months, phases, format: rmb, unitLabel: 'RMB / month',
      series: data.flatMap(({ arm, parts }) => parts.map((p) => ({ label: `${p.label} (${arm.label})`, colour: p.colour, dash: arm.role === 'base' ? ARM_STYLE.base.dash : '', points: p.points, band: view.reps > 1 }))),
    });
    xs = monthXs(view.months, x, MARGIN.left);
  } else {
    const [ads, com, ref] = data[0].parts.map((p) => p.points);
    const x = timeScale(view.months, w);
    const hi = Math.max(1, ...ads.map((p, i) => (p.mean || 0) + (com[i].mean || 0)));
    const lo = Math.min(0, ...ref.map((p) => -(p.mean || 0)));
    const y = scaleLinear().domain([lo, hi]).range([h, PHASE_STRIP]).nice(5);
    phaseBands(g, x, phases, h);
    valueAxis(g, y, w, rmbTick, 'RMB / month');
    timeAxis(g, x, h, w);
    const xi = (i: number) => x(monthDate(view.months[i]));
    const band = (y0: (i: number) => number, y1: (i: number) => number) => area<BandPoint>().x((_, i) => xi(i)).y0((_, i) => y(y0(i))).y1((_, i) => y(y1(i)));
    const draw = (d: string | null, colour: string, metric: string) =>
      g.append('path').attr('class', 'series-area').attr('data-metric', metric).attr('d', d ?? '').attr('fill', colour).attr('fill-opacity', 0.85);
    draw(band(() => 0, (i) => ads[i].mean || 0)(ads), PARTS[0].colour, 'ad_revenue');
    draw(band((i) => ads[i].mean || 0, (i) => (ads[i].mean || 0) + (com[i].mean || 0))(com), PARTS[1].colour, 'commission');
    draw(band(() => 0, (i) => -(ref[i].mean || 0))(ref), PARTS[2].colour, 'refunds');
    g.append('line').attr('x1', 0).attr('x2', w).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#888');
    xs = view.months.map((_, i) => xi(i) + MARGIN.left);
  }
  const csv: CsvRow[] = data.flatMap(({ arm, parts }) => parts.flatMap((p) => p.points.map((s) => ({ arm: arm.label, period: s.period, platform: 'red', metric: p.metric, unit: 'RMB/month', ...csvInterval(s, view.reps) }))));
  return {
    id: 'revenue', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs,
      heading: (i) => monthTitle(view.months[i]),
      lines: (i) => data.flatMap(({ arm, parts }) => parts.map((p) => ({ label: compare ? `${p.label}, ${arm.label}` : p.label, value: withInterval(p.points[i], rmb), colour: p.colour }))),
    },
  };
}
