import { meanInterval, type Interval } from '../../engine/index.ts';
import { scaleLog } from 'd3';
import type { Arm, Period, ViewModel } from '../data/viewModel.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, withInterval, type ChartOptions } from './chartOptions.ts';
import { csvInterval } from './csvInterval.ts';
import { createFrame, emptyNote, plotArea, type Chart, type CsvRow } from './frame.ts';
import { compact, pct } from './format.ts';
import { FONT, INK, OKABE_ITO } from './palette.ts';
import { axisBottom } from 'd3';

/** Funnel stages of RED seeding and the funnel figures (metric `<path>_<stage>`) each sums over platforms and categories. */
const STAGES = [
  { stage: 'impressions', label: 'Feed impressions', metrics: ['feed_impressions'] },
  { stage: 'engagements', label: 'Engagements', metrics: ['feed_engagements'] },
  { stage: 'link_outs', label: 'Link-outs', metrics: ['link_link_outs'] },
  { stage: 'store_entries', label: 'Store entries', metrics: ['link_store_entries', 'search_store_entries', 'own_store_store_entries'] },
  { stage: 'add_to_cart', label: 'Add to cart', metrics: ['link_add_to_cart', 'search_add_to_cart', 'own_store_add_to_cart'] },
  { stage: 'orders', label: 'Orders', metrics: ['link_orders', 'search_orders', 'own_store_orders'] },
] as const;
const PATH_NAMES: Record<string, string> = { link: 'via link', search: 'via search', own_store: 'in RED store' };

const days = (p: Period) => (Date.parse(p.end) - Date.parse(p.start)) / 86400000 + 1;

/** Per-replication sums of funnel figures of a period whose metric is in `metrics`, annualised (× 365.25 / days). */
function stageValues(arm: Arm, period: Period, metrics: readonly string[]): number[] {
  const out = new Array<number>(arm.figures.reps).fill(0);
  const f = 365.25 / days(period);
  for (const s of arm.figures.all()) {
    if (s.table !== 'funnel' || s.period !== period.key || !metrics.includes(s.metric)) continue;
    s.values.forEach((v, i) => { out[i] += (v || 0) * f; });
  }
  return out;
}

/**
 * The RED seeding funnel of one period (phase, or compare segment), counts per
 * year at real scale on a log axis: impressions → engagements → link-outs →
 * store entries → add-to-cart → orders (seeded paths: link, search, RED store),
 * with the conversion from each stage to the next. Compare mode: both arms.
 */
export function funnelChart(doc: Document, view: ViewModel, o: ChartOptions & { period?: string } = {}): Chart {
  const W = o.width ?? DEFAULT_WIDTH, H = o.height ?? DEFAULT_HEIGHT;
  const periods = view.periods.filter((p) => p.common);
  const period = periods.find((p) => p.key === o.period) ?? periods[periods.length - 1];
  const compare = view.mode === 'compare';
  const data = view.arms.map((arm) => ({
    arm,
    stages: STAGES.map((st) => ({ ...st, iv: meanInterval(stageValues(arm, period, st.metrics)) as Interval, paths: st.metrics.map((m) => ({ path: m.replace(/_(store_entries|add_to_cart|orders|link_outs|impressions|engagements)$/, ''), iv: meanInterval(stageValues(arm, period, [m])) })) })),
  }));
  const title = 'Seeding funnel';
  const { svg, top } = createFrame(doc, {
    id: 'funnel', title, width: W, height: H,
    subtitle: period.title,
    legend: compare ? view.arms.map((a) => ({ label: a.label, colour: a.role === 'base' ? '#9a9a9a' : OKABE_ITO.blue, kind: 'area' as const })) : [],
  });
  const left = 112, right = 74, w = W - left - right, h = H - top - 42;
  const g = plotArea(svg, left, top + 4);
  const all = data.flatMap((d) => d.stages.map((s) => s.iv.mean)).filter((v) => v > 0);
  if (!all.length) { emptyNote(g, w, h, 'No seeding activity in this period'); return { id: 'funnel', title, svg: svg.node()!, csv: [], hover: null }; }
  const x = scaleLog().domain([Math.min(...all) / 3, Math.max(...all) * 1.2]).range([0, w]).nice();
  const rowH = h / STAGES.length, barH = Math.min(22, (rowH - 8) / data.length);
  const ax = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(5, (v: number) => compact(v, 3, true)));
  ax.attr('font-family', FONT).attr('font-size', 10.5).attr('color', INK.axis).selectAll('text').attr('fill', INK.muted);
  g.append('text').attr('class', 'unit-label').attr('x', w).attr('y', h + 32).attr('text-anchor', 'end').attr('fill', INK.muted).attr('font-size', 10.5).text('count per year, log scale');
  for (const t of x.ticks(5)) g.append('line').attr('x1', x(t)).attr('x2', x(t)).attr('y1', 0).attr('y2', h).attr('stroke', INK.grid);
  STAGES.forEach((st, k) => {
    const y0 = k * rowH + (rowH - barH * data.length) / 2;
    g.append('text').attr('x', -8).attr('y', k * rowH + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(st.label);
    data.forEach(({ arm, stages }, a) => {
      const iv = stages[k].iv, y = y0 + a * barH;
      const colour = compare && arm.role === 'base' ? '#9a9a9a' : OKABE_ITO.blue;
      const bw = iv.mean > 0 ? Math.max(1, x(iv.mean)) : 0;
      g.append('rect').attr('class', 'funnel-bar').attr('data-stage', st.stage).attr('x', 0).attr('y', y + 1).attr('width', bw).attr('height', barH - 2).attr('fill', colour);
      if (Number.isFinite(iv.lo) && iv.lo > 0 && iv.hi > iv.lo) g.append('line').attr('x1', x(iv.lo)).attr('x2', x(iv.hi)).attr('y1', y + barH / 2).attr('y2', y + barH / 2).attr('stroke', INK.text).attr('stroke-width', 1.2);
      const labelX = Math.max(bw, Number.isFinite(iv.hi) && iv.hi > 0 ? x(iv.hi) : 0) + 4;
      g.append('text').attr('x', labelX).attr('y', y + barH / 2).attr('dy', '0.35em').attr('font-size', 10).attr('fill', INK.muted).text(iv.mean > 0 ? compact(iv.mean) : '0');
      if (k > 0 && a === data.length - 1) {
        const prev = stages[k - (st.stage === 'store_entries' ? 2 : 1)].iv.mean;
        g.append('text').attr('x', w + right - 4).attr('y', k * rowH + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 10).attr('fill', INK.muted)
          .text(prev > 0 ? `${pct(iv.mean / prev)}${st.stage === 'store_entries' ? ' of eng.' : ''}` : '–');
      }
    });
  });
  g.append('text').attr('x', w + right - 4).attr('y', -4).attr('text-anchor', 'end').attr('font-size', 9.5).attr('fill', INK.muted).text('of prev.');
  const csv: CsvRow[] = data.flatMap(({ arm, stages }) => stages.flatMap((s) => s.paths.map((p) => ({ arm: arm.label, period: period.key, stage: s.stage, path: p.path, unit: 'count/year', ...csvInterval(p.iv, view.reps) }))));
  return {
    id: 'funnel', title, svg: svg.node()!, csv,
    hover: {
      axis: 'y', areas: [{ x: left - 110, y: top + 4, w: w + 110, h }], xs: STAGES.map((_, k) => top + 4 + k * rowH + rowH / 2),
      heading: (k) => `${STAGES[k].label} per year${STAGES[k].stage === 'store_entries' ? ' (store-entry rate is per engagement)' : ''}`,
      lines: (k) => data.flatMap(({ arm, stages }) => [
        { label: compare ? arm.label : 'total', value: withInterval(stages[k].iv, compact), colour: compare && arm.role === 'base' ? '#9a9a9a' : OKABE_ITO.blue },
        ...(stages[k].paths.length > 1 ? stages[k].paths.map((p) => ({ label: `  ${PATH_NAMES[p.path] ?? p.path}`, value: compact(p.iv.mean), colour: 'transparent' })) : []),
      ]),
    },
  };
}
