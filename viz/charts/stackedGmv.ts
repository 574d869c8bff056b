import { area, max, scaleLinear, stack } from 'd3';
import { monthDate, type BandPoint } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { PHASE_STRIP, phaseBands, timeAxis, timeScale, valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { rmb, rmbTick } from './format.ts';
import { createFrame, plotArea, type Chart, type CsvRow } from './frame.ts';
import { PLATFORM_COLOURS, PLATFORM_NAMES } from './palette.ts';
import { monthXs } from './timePanel.ts';

/** What distinguishes one stacked-GMV chart from another: its id, titles, platforms (bottom to top), series and the CSV/tooltip extras. */
export interface StackedGmvSpec {
  id: string;
  title: string;
  subtitle: string;
  order: readonly string[];
  /** Monthly GMV per platform of the shown arm (RMB/month). */
  series: Record<string, BandPoint[]>;
  /** Extra CSV columns (e.g. the category) and the tooltip heading's middle part. */
  csvExtra?: Record<string, string>;
  headingNote?: string;
}

/** Stacked areas of monthly GMV by platform (RMB/month, mean over replications) with phase bands, a tooltip per month and a tidy CSV. */
export function stackedGmvChart(doc: Document, view: ViewModel, o: ChartOptions, spec: StackedGmvSpec): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const { id, title, order, series } = spec;
  const { svg, top } = createFrame(doc, {
    id, title, width: W, height: H, subtitle: spec.subtitle,
    legend: [...order].reverse().map((p) => ({ label: PLATFORM_NAMES[p], colour: PLATFORM_COLOURS[p], kind: 'area' as const })),
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const x = timeScale(view.months, w);
  const rows = view.months.map((_, i) => Object.fromEntries(order.map((p) => [p, Math.max(0, series[p][i].mean || 0)])));
  const layers = stack<Record<string, number>>().keys(order)(rows);
  const y = scaleLinear().domain([0, max(layers[layers.length - 1], (d) => d[1]) || 1]).range([h, PHASE_STRIP]).nice(5);
  phaseBands(g, x, shownArm(view).scenario.phases, h);
  valueAxis(g, y, w, rmbTick, 'RMB / month');
  timeAxis(g, x, h, w);
  const a = area<[number, number]>().x((_, i) => x(monthDate(view.months[i]))).y0((d) => y(d[0])).y1((d) => y(d[1]));
  for (const layer of layers) {
    g.append('path').attr('class', 'series-area').attr('data-platform', layer.key).attr('d', a(layer as unknown as [number, number][]) ?? '')
      .attr('fill', PLATFORM_COLOURS[layer.key]).attr('fill-opacity', 0.85).attr('stroke', '#ffffff').attr('stroke-width', 0.5);
  }
  const csv: CsvRow[] = order.flatMap((p) => series[p].map((s) => ({ period: s.period, platform: p, ...spec.csvExtra, metric: 'gmv', unit: 'RMB/month', ...csvInterval(s, view.reps) })));
  const note = spec.headingNote ? ` · ${spec.headingNote}` : '';
  return {
    id, title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: monthXs(view.months, x, MARGIN.left),
      heading: (i) => `${monthTitle(view.months[i])}${note} · total ${rmb(order.reduce((s, p) => s + (series[p][i].mean || 0), 0))}`,
      lines: (i) => [...order].reverse().map((p) => ({ label: PLATFORM_NAMES[p], value: withInterval(series[p][i], rmb), colour: PLATFORM_COLOURS[p] })),
    },
  };
}
