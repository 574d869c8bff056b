import { monthly } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import type { ChartOptions } from './chartOptions.ts';
import type { Chart } from './frame.ts';
import { gmvDiffChart, type DiffOptions } from './gmvDiffChart.ts';
import { stackedGmvChart } from './stackedGmv.ts';

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
  const arm = shownArm(view);
  return stackedGmvChart(doc, view, o, {
    id: 'gmv', title: 'GMV by platform', order: ORDER,
    subtitle: `Monthly gross merchandise value, RMB/month${view.reps > 1 ? `, mean of ${view.reps} runs` : ''}`,
    series: Object.fromEntries(ORDER.map((p) => [p, monthly(view, arm, 'gmv', p)])),
  });
}
