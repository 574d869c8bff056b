import { categoryGmv, SHARE_PLATFORMS } from '../data/categorySeries.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import type { ChartOptions } from './chartOptions.ts';
import type { Chart } from './frame.ts';
import { stackedGmvChart } from './stackedGmv.ts';

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
  const cat = o.category ?? 'all', arm = shownArm(view);
  return stackedGmvChart(doc, view, o, {
    id: 'categories', title: `GMV by platform: ${categoryName(cat)}`, order: SHARE_PLATFORMS,
    subtitle: `Monthly GMV in the category, RMB/month${view.reps > 1 ? `, mean of ${view.reps} runs` : ''}${view.mode === 'compare' ? ' (what-if arm)' : ''}`,
    series: Object.fromEntries(SHARE_PLATFORMS.map((p) => [p, categoryGmv(view, arm, p, cat)])),
    csvExtra: { category: cat }, headingNote: categoryName(cat),
  });
}
