import { area, max, scaleLinear, stack } from 'd3';
import { categoryGmv, SHARE_PLATFORMS } from '../data/categorySeries.ts';
import { monthDate } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { PHASE_STRIP, phaseBands, timeAxis, timeScale, valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { rmb, rmbTick } from './format.ts';
import { createFrame, plotArea, type Chart, type CsvRow } from './frame.ts';
import { PLATFORM_COLOURS, PLATFORM_NAMES } from './palette.ts';
import { monthXs } from './timePanel.ts';

/** Options of the category views: the category ('all' or an engine CATEGORIES id). */
export interface CategoryOptions { category?: string }

/** Human name of a category id: "sports_outdoor" → "sports & outdoor". */
export const categoryName = (c: string) => (c === 'all' ? 'all categories' : c === 'sports_outdoor' ? 'sports & outdoor' : c === 'mother_baby' ? 'mother & baby' : c);

/**
 * GMV by platform in one category: stacked areas of monthly GMV (RMB/month, mean over
 * replications) of the five platforms in the chosen category (the per-category series
 * rows of the Result); compare mode shows the what-if arm.
 */
export function categoryChart(doc: Document, view: ViewModel, o: ChartOptions & CategoryOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const cat = o.category ?? 'all', arm = shownArm(view);
  const order = [...SHARE_PLATFORMS];
  const series = Object.fromEntries(order.map((p) => [p, categoryGmv(view, arm, p, cat)]));
  const title = `GMV by platform: ${categoryName(cat)}`;
  const { svg, top } = createFrame(doc, {
    id: 'categories', title, width: W, height: H,
    subtitle: `Monthly GMV in the category, RMB/month${view.reps > 1 ? `, mean of ${view.reps} runs` : ''}${view.mode === 'compare' ? ' (what-if arm)' : ''}`,
    legend: [...order].reverse().map((p) => ({ label: PLATFORM_NAMES[p], colour: PLATFORM_COLOURS[p], kind: 'area' as const })),
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const x = timeScale(view.months, w);
  const rows = view.months.map((_, i) => Object.fromEntries(order.map((p) => [p, Math.max(0, series[p][i].mean || 0)])));
  const layers = stack<Record<string, number>>().keys(order)(rows);
  const y = scaleLinear().domain([0, max(layers[layers.length - 1], (d) => d[1]) || 1]).range([h, PHASE_STRIP]).nice(5);
  phaseBands(g, x, arm.scenario.phases, h);
  valueAxis(g, y, w, rmbTick, 'RMB / month');
  timeAxis(g, x, h, w);
  const a = area<[number, number]>().x((_, i) => x(monthDate(view.months[i]))).y0((d) => y(d[0])).y1((d) => y(d[1]));
  for (const layer of layers) {
    g.append('path').attr('class', 'series-area').attr('data-platform', layer.key).attr('d', a(layer as unknown as [number, number][]) ?? '')
      .attr('fill', PLATFORM_COLOURS[layer.key]).attr('fill-opacity', 0.85).attr('stroke', '#ffffff').attr('stroke-width', 0.5);
  }
  const csv: CsvRow[] = order.flatMap((p) => series[p].map((s) => ({ period: s.period, platform: p, category: cat, metric: 'gmv', unit: 'RMB/month', ...csvInterval(s, view.reps) })));
  return {
    id: 'categories', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: monthXs(view.months, x, MARGIN.left),
      heading: (i) => `${monthTitle(view.months[i])} · ${categoryName(cat)} · total ${rmb(order.reduce((s, p) => s + (series[p][i].mean || 0), 0))}`,
      lines: (i) => [...order].reverse().map((p) => ({ label: PLATFORM_NAMES[p], value: withInterval(series[p][i], rmb), colour: PLATFORM_COLOURS[p] })),
    },
  };
}
