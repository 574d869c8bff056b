import type { ViewModel } from '../data/viewModel.ts';
import type { ChartOptions } from './chartOptions.ts';
import type { Chart } from './frame.ts';
import { funnelChart } from './funnelChart.ts';
import { gmvChart } from './gmvChart.ts';
import { phaseChart, type PhaseChartOptions } from './phaseChart.ts';
import { categoryChart, type CategoryOptions } from './categoryChart.ts';
import { sharesChart } from './sharesChart.ts';
import type { DiffOptions } from './gmvDiffChart.ts';
import { ratesChart } from './ratesChart.ts';
import { revenueChart } from './revenueChart.ts';
import { roiChart } from './roiChart.ts';
import { usersChart } from './usersChart.ts';

export type { Chart, CsvRow, Hover } from './frame.ts';
export { timelineChart, WHATIF_ENTRY_ID } from './timelineChart.ts';
export { DIFF_METRICS, type DiffScale } from './gmvDiffChart.ts';

/** Ids of the result charts, in page order. */
export const CHART_IDS = ['phases', 'gmv', 'revenue', 'funnel', 'rates', 'users', 'roi', 'categories', 'shares'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** Render one result chart of a view (isomorphic: any Document, the page's or linkedom's). */
export function renderChart(doc: Document, id: ChartId, view: ViewModel, o: ChartOptions & DiffOptions & PhaseChartOptions & CategoryOptions & { period?: string } = {}): Chart {
  switch (id) {
    case 'phases': return phaseChart(doc, view, o);
    case 'gmv': return gmvChart(doc, view, o);
    case 'revenue': return revenueChart(doc, view, o);
    case 'funnel': return funnelChart(doc, view, o);
    case 'rates': return ratesChart(doc, view, o);
    case 'users': return usersChart(doc, view, o);
    case 'roi': return roiChart(doc, view, o);
    case 'categories': return categoryChart(doc, view, o);
    case 'shares': return sharesChart(doc, view, o);
  }
}
