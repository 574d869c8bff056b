import { monthly } from '../data/series.ts';
import { shownArm, type ViewModel } from '../data/viewModel.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, monthTitle, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { createFrame, plotArea, type Chart, type CsvRow, type Hover, type LegendItem } from './frame.ts';
import { ARM_STYLE, OKABE_ITO } from './palette.ts';
import { drawTimePanel, monthXs } from './timePanel.ts';

/** One panel of a small-multiples chart: a RED monthly series metric. */
interface PanelSpec {
  metric: string;
  title: string;
  format: (v: number) => string;
  unitLabel: string;
  unit: string;
  domain?: [number, number];
  zero?: boolean;
}

/** Colour of an arm's line in small multiples (single mode: blue). */
const armColour = (role: 'base' | 'whatIf', compare: boolean) => (compare && role === 'base' ? ARM_STYLE.base.colour : OKABE_ITO.blue);

/**
 * Small multiples of RED monthly series in a grid (`cols` columns), each panel
 * with its own value axis and units, phase bands and, in compare mode, both arms
 * (baseline dashed grey, what-if solid blue) with 95% bands.
 */
export function smallMultiples(doc: Document, view: ViewModel, o: ChartOptions, spec: { id: string; title: string; subtitle: string; cols: number; panels: PanelSpec[] }): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const compare = view.mode === 'compare';
  const bands = view.reps > 1;
  const legend: LegendItem[] = compare
    ? view.arms.map((a) => ({ label: a.label, colour: armColour(a.role, true), kind: a.role === 'base' ? 'dash' as const : 'line' as const }))
    : bands ? [{ label: 'mean', colour: OKABE_ITO.blue, kind: 'line' }, { label: '95% interval', colour: OKABE_ITO.blue, kind: 'band' }] : [];
  const { svg, top } = createFrame(doc, { id: spec.id, title: spec.title, subtitle: spec.subtitle, width: W, height: H, legend });
  const rows = Math.ceil(spec.panels.length / spec.cols);
  const left = 56, gapX = 64, gapY = 56, right = 18, bottom = 26;
  const pw = (W - left - right - gapX * (spec.cols - 1)) / spec.cols;
  const ph = (H - top - 22 - bottom - gapY * (rows - 1)) / rows;
  const hoverAreas: Hover['areas'] = [];
  let xs: number[] = [];
  const data = spec.panels.map((p) => ({ p, arms: view.arms.map((arm) => ({ arm, points: monthly(view, arm, p.metric, 'red') })) }));
  data.forEach(({ p, arms }, k) => {
    const px = left + (k % spec.cols) * (pw + gapX), py = top + 22 + Math.floor(k / spec.cols) * (ph + gapY);
    const g = plotArea(svg, px, py);
    const { x } = drawTimePanel(g, pw, ph, {
      months: view.months, phases: shownArm(view).scenario.phases, format: p.format, unitLabel: p.unitLabel, domain: p.domain, zero: p.zero, title: p.title,
      series: arms.map(({ arm, points }) => ({ label: arm.label, colour: armColour(arm.role, compare), dash: compare && arm.role === 'base' ? ARM_STYLE.base.dash : '', points, band: bands })),
    });
    hoverAreas.push({ x: px, y: py, w: pw, h: ph });
    if (k === 0) xs = monthXs(view.months, x, px);
  });
  const csv: CsvRow[] = data.flatMap(({ p, arms }) => arms.flatMap(({ arm, points }) => points.map((s) => ({ arm: arm.label, period: s.period, platform: 'red', metric: p.metric, unit: p.unit, ...csvInterval(s, view.reps) }))));
  return {
    id: spec.id, title: spec.title, svg: svg.node()!, csv,
    hover: {
      // One read-out for all panels: slots are the months of the first column's x positions.
      areas: hoverAreas, xs,
      heading: (i) => monthTitle(view.months[i]),
      lines: (i) => data.flatMap(({ p, arms }) => arms.map(({ arm, points }) => ({ label: compare ? `${p.title}, ${arm.label}` : p.title, value: withInterval(points[i], p.format), colour: armColour(arm.role, compare) }))),
    },
  };
}
