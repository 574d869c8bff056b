import type { ViewModel } from '../data/viewModel.ts';
import type { ChartOptions } from './chartOptions.ts';
import type { Chart } from './frame.ts';
import { compact } from './format.ts';
import { smallMultiples } from './smallMultiples.ts';

/** RED's monthly active users (people, real scale) and mean trust of active users (index 0–1). */
export function usersChart(doc: Document, view: ViewModel, o: ChartOptions = {}): Chart {
  return smallMultiples(doc, view, o, {
    id: 'users', title: 'RED users: MAU and trust', cols: 1,
    subtitle: 'MAU in people (real scale); trust of active users, index 0–1',
    panels: [
      { metric: 'mau', title: 'Monthly active users', format: (v) => compact(v), unitLabel: 'people', unit: 'people' },
      { metric: 'trust', title: 'Trust in RED content', format: (v) => (Number.isFinite(v) ? v.toFixed(2) : '–'), unitLabel: 'index', unit: 'index 0-1', zero: false },
    ],
  });
}
