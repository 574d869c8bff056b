import type { ViewModel } from '../data/viewModel.ts';
import type { ChartOptions } from './chartOptions.ts';
import type { Chart } from './frame.ts';
import { pct } from './format.ts';
import { smallMultiples } from './smallMultiples.ts';

/**
 * RED's seeding funnel rates per month, in %: engagement rate (engagements per feed
 * impression), link-out CTR (outbound link clicks per engagement), store-entry
 * rate (seeded store entries per engagement) and purchase conversion (seeded
 * orders per seeded store entry).
 */
export function ratesChart(doc: Document, view: ViewModel, o: ChartOptions = {}): Chart {
  return smallMultiples(doc, view, o, {
    id: 'rates', title: 'Funnel rates over time', cols: (o.width ?? 560) >= 440 ? 2 : 1,
    subtitle: 'RED seeding, monthly, % (each panel has its own scale)',
    panels: [
      { metric: 'engagement_rate', title: 'Engagement rate', format: pct, unitLabel: '% of impr.', unit: 'share' },
      { metric: 'link_out_ctr', title: 'Link-out CTR', format: pct, unitLabel: '% of eng.', unit: 'share' },
      { metric: 'store_entry_rate', title: 'Store-entry rate', format: pct, unitLabel: '% of eng.', unit: 'share' },
      { metric: 'purchase_conversion', title: 'Purchase conversion', format: pct, unitLabel: '% of entries', unit: 'share' },
    ],
  });
}
