import { PLATFORMS } from '../../engine/index.ts';
import { monthlyDiff, monthlyRelDiff } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { createFrame, plotArea, type Chart, type CsvRow, type Hover } from './frame.ts';
import { pct, rmb, signed } from './format.ts';
import { PLATFORM_COLOURS, PLATFORM_NAMES } from './palette.ts';
import { drawTimePanel, monthXs } from './timePanel.ts';

/** Metrics the difference chart offers (monthly series per platform, RMB/month). */
export const DIFF_METRICS = [
  { metric: 'gmv', label: 'GMV', platforms: ['taotian', 'jd', 'pdd', 'douyin', 'red'] },
  { metric: 'red_seeded_gmv', label: 'RED-seeded GMV', platforms: ['taotian', 'jd', 'pdd'] },
  { metric: 'ad_revenue', label: 'Ad revenue', platforms: ['red', 'taotian', 'jd', 'pdd', 'douyin'] },
  { metric: 'commission', label: 'Commission', platforms: ['red', 'taotian', 'jd', 'pdd', 'douyin'] },
] as const;
export type DiffScale = 'abs' | 'pct';
/** Options of the difference chart: absolute or % difference, and the metric (DIFF_METRICS; default GMV). */
export interface DiffOptions { diffScale?: DiffScale; diffMetric?: string }

/**
 * Compare mode: what-if − baseline per platform as small multiples (one panel per
 * platform, each with its own scale), in RMB/month or as % of the baseline's month;
 * paired 95% band over the seed pairs (common random numbers: zero until the
 * policies differ).
 */
export function gmvDiffChart(doc: Document, view: ViewModel, o: ChartOptions & DiffOptions = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const scale = o.diffScale ?? 'abs';
  const m = DIFF_METRICS.find((x) => x.metric === o.diffMetric) ?? DIFF_METRICS[0];
  const platforms = m.platforms.filter((p) => (PLATFORMS as readonly string[]).includes(p));
  const diffs = platforms.map((p) => ({ p, points: scale === 'pct' ? monthlyRelDiff(view, m.metric, p) : monthlyDiff(view, m.metric, p) }));
  const fmt = scale === 'pct' ? (v: number) => signed(v, pct) : (v: number) => signed(v, (a) => rmb(a));
  const title = `${m.label} difference by platform (what-if − baseline)`;
  const { svg, top } = createFrame(doc, {
    id: 'gmv', title, width: W, height: H,
    subtitle: `${scale === 'pct' ? '% of the baseline month' : 'RMB/month'}; band: paired 95% interval over ${view.reps} seed pair${view.reps > 1 ? 's' : ''}; own scale per panel`,
  });
  const cols = W >= 440 ? 2 : 1, rows = Math.ceil(platforms.length / cols);
  const left = 60, gapX = 56, gapY = 58, right = 14, bottom = 24;
  const pw = (W - left - right - gapX * (cols - 1)) / cols;
  const ph = (H - top - 22 - bottom - gapY * (rows - 1)) / rows;
  const areas: Hover['areas'] = [];
  let xs: number[] = [];
  diffs.forEach(({ p, points }, k) => {
    const px = left + (k % cols) * (pw + gapX), py = top + 22 + Math.floor(k / cols) * (ph + gapY);
    const g = plotArea(svg, px, py);
    g.attr('data-platform', p);
    const { x } = drawTimePanel(g, pw, ph, {
      months: view.months, phases: shownArm(view).scenario.phases, format: fmt, unitLabel: scale === 'pct' ? 'Δ %' : 'Δ RMB / month', title: PLATFORM_NAMES[p],
      series: [{ label: PLATFORM_NAMES[p], colour: PLATFORM_COLOURS[p], dash: '', points, band: view.reps > 1 }],
    });
    areas.push({ x: px, y: py, w: pw, h: ph });
    if (k === 0) xs = monthXs(view.months, x, px);
  });
  const unit = scale === 'pct' ? 'share of baseline' : 'RMB/month';
  const csv: CsvRow[] = diffs.flatMap(({ p, points }) => points.map((s) => ({ period: s.period, platform: p, metric: `${m.metric}_diff${scale === 'pct' ? '_rel' : ''}`, unit, ...csvInterval(s, view.reps) })));
  return {
    id: 'gmv', title, svg: svg.node()!, csv,
    hover: {
      areas, xs,
      heading: (i) => `${monthTitle(view.months[i])} · ${m.label}, what-if − baseline`,
      lines: (i) => diffs.map(({ p, points }) => ({ label: PLATFORM_NAMES[p], value: withInterval(points[i], fmt), colour: PLATFORM_COLOURS[p] })),
    },
  };
}
