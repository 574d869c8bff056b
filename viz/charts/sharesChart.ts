import { marketShares, SHARE_PLATFORMS } from '../data/categorySeries.ts';
import { monthly } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { categoryName, type CategoryOptions } from './categoryChart.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MARGIN, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { pct } from './format.ts';
import { createFrame, plotArea, type Chart, type CsvRow } from './frame.ts';
import { OKABE_ITO, PLATFORM_COLOURS, PLATFORM_NAMES } from './palette.ts';
import { drawTimePanel, monthXs } from './timePanel.ts';

/**
 * Market share and share of voice: each platform's share of the five platforms' monthly
 * GMV in the chosen category (%), and RED's share of voice (RED feed-ad impressions over
 * RED's and Douyin's, series `share_of_voice`, all categories; dashed black). Compare mode:
 * the what-if arm. Lines are means over the replications (the range over seeds on hover).
 */
export function sharesChart(doc: Document, view: ViewModel, o: ChartOptions & CategoryOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const cat = o.category ?? 'all', arm = shownArm(view);
  const shares = marketShares(view, arm, cat);
  const sov = monthly(view, arm, 'share_of_voice', 'red');
  const lines = [
    ...SHARE_PLATFORMS.map((p) => ({ key: p, label: `${PLATFORM_NAMES[p]} GMV share`, colour: PLATFORM_COLOURS[p], dash: '', points: shares[p] })),
    { key: 'sov', label: 'RED share of voice (ads vs Douyin)', colour: OKABE_ITO.black, dash: '5 3', points: sov },
  ];
  const title = `Market share (${categoryName(cat)}) and RED's share of voice`;
  const { svg, top } = createFrame(doc, {
    id: 'shares', title, width: W, height: H,
    subtitle: `% of the five platforms' GMV per month; share of voice = RED's share of RED + Douyin ad impressions${view.mode === 'compare' ? ' (what-if arm)' : ''}`,
    legend: lines.map((l) => ({ label: l.label, colour: l.colour, kind: l.dash ? 'dash' as const : 'line' as const })),
  });
  const w = W - MARGIN.left - MARGIN.right, h = H - top - MARGIN.bottom - 8;
  const g = plotArea(svg, MARGIN.left, top + 8);
  const { x } = drawTimePanel(g, w, h, { months: view.months, phases: arm.scenario.phases, format: pct, unitLabel: '% share', domain: [0, 1], series: lines.map((l) => ({ label: l.label, colour: l.colour, dash: l.dash, points: l.points, band: false })) });
  const csv: CsvRow[] = lines.flatMap((l) => l.points.map((p) => ({ period: p.period, series: l.key, category: l.key === 'sov' ? 'all' : cat, unit: 'share', ...csvInterval(p, view.reps) })));
  return {
    id: 'shares', title, svg: svg.node()!, csv,
    hover: {
      areas: [{ x: MARGIN.left, y: top + 8, w, h }], xs: monthXs(view.months, x, MARGIN.left),
      heading: (i) => `${monthTitle(view.months[i])} · ${categoryName(cat)}`,
      lines: (i) => lines.map((l) => ({ label: l.label, value: withInterval(l.points[i], pct), colour: l.colour })),
    },
  };
}
