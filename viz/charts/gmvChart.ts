import { area, max, scaleLinear, stack } from 'd3';
import { monthly, monthDate } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { PHASE_STRIP, phaseBands, timeAxis, timeScale, valueAxis } from './axes.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { createFrame, plotArea, type Chart, type CsvRow } from './frame.ts';
import { csvInterval } from './csvInterval.ts';
import { gmvDiffChart, type DiffOptions } from './gmvDiffChart.ts';
import { rmb, rmbTick } from './format.ts';
import { PLATFORM_COLOURS, PLATFORM_NAMES } from './palette.ts';
import { monthXs } from './timePanel.ts';

/** Stacking order, bottom to top: the largest marketplace first, RED's own stores on top. */
const ORDER = ['taotian', 'pdd', 'jd', 'douyin', 'red'];

/**
 * GMV by platform over time. Single mode: stacked areas of monthly GMV (RMB/month,
 * mean over replications). Compare mode: gmvDiffChart (the paired difference
 * what-if − baseline per platform, small multiples).
 */
export function gmvChart(doc: Document, view: ViewModel, o: ChartOptions & DiffOptions = {}): Chart {
  return view.mode === 'compare' ? gmvDiffChart(doc, view, o) : gmvStacked(doc, view, o);
}

function gmvStacked(doc: Document, view: ViewModel, o: ChartOptions): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const arm = shownArm(view);
  const series = Object.fromEntries(ORDER.map((p) => [p, monthly(view, arm, 'gmv', p)]));
  const title = 'GMV by platform';
  const { svg, top } = createFrame(doc, {
    id: 'gmv', title, width: W, height: H,
    subtitle: `Monthly gross merchandise value, RMB/month${view.reps > 1 ? `, mean of ${view.reps} runs` : ''}`,
    legend: [...ORDER].reverse().map((p) => ({ label: PLATFORM_NAMES[p], colour: PLATFORM_COLOURS[p], kind: 'area' as const })),
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const x = timeScale(view.months, w);
  const rows = view.months.map((_, i) => Object.fromEntries(ORDER.map((p) => [p, Math.max(0, series[p][i].mean || 0)])));
  const layers = stack<Record<string, number>>().keys(ORDER)(rows);
  const y = scaleLinear().domain([0, max(layers[layers.length - 1], (d) => d[1]) || 1]).range([h, PHASE_STRIP]).nice(5);
  phaseBands(g, x, arm.scenario.phases, h);
  valueAxis(g, y, w, rmbTick, 'RMB / month');
  timeAxis(g, x, h, w);
  const a = area<[number, number]>().x((_, i) => x(monthDate(view.months[i]))).y0((d) => y(d[0])).y1((d) => y(d[1]));
  for (const layer of layers) {
    g.append('path').attr('class', 'series-area').attr('data-platform', layer.key).attr('d', a(layer as unknown as [number, number][]) ?? '')
      .attr('fill', PLATFORM_COLOURS[layer.key]).attr('fill-opacity', 0.85).attr('stroke', '#ffffff').attr('stroke-width', 0.5);
  }
  const csv: CsvRow[] = ORDER.flatMap((p) => series[p].map((s) => ({ period: s.period, platform: p, metric: 'gmv', unit: 'RMB/month', ...csvInterval(s, view.reps) })));
  return {
    id: 'gmv', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: monthXs(view.months, x, MARGIN.left),
      heading: (i) => `${monthTitle(view.months[i])} · total ${rmb(ORDER.reduce((s, p) => s + (series[p][i].mean || 0), 0))}`,
      lines: (i) => [...ORDER].reverse().map((p) => ({ label: PLATFORM_NAMES[p], value: withInterval(series[p][i], rmb), colour: PLATFORM_COLOURS[p] })),
    },
  };
}
