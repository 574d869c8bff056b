import { CHART_IDS, DIFF_METRICS, renderChart, type Chart, type ChartId, type DiffScale } from '../charts/index.ts';
import { compact } from '../charts/format.ts';
import { pairedDiffs } from '../data/paired.ts';
import { allArms, type ViewModel } from '../data/viewModel.ts';
import { PHASE_FIGURES } from '../data/phaseBars.ts';
import { CATEGORIES } from '../../engine/index.ts';
import { categoryName } from '../charts/categoryChart.ts';
import type { ViewState } from '../app/viewState.ts';
import { pairedTableElement } from '../tables/pairedTable.ts';
import { armsHeadlineElement, headlineElement } from '../tables/headlineCard.ts';
import { phaseTableElement, phaseTableRows } from '../tables/phaseTable.ts';
import { pnlTableElement } from '../tables/pnlTable.ts';
import { byId, clear, h } from './dom.ts';
import { downloadCsv, downloadPng, downloadSvg } from './download.ts';
import { attachHover } from './hover.ts';
import { showMessages } from './messages.ts';

const TALL: ChartId[] = ['rates', 'users'];

/** Height of a chart card's SVG at a width: taller where panels stack in one column. */
function chartHeight(id: ChartId, width: number, compare: boolean): number {
  if (id === 'gmv' && compare) return width >= 440 ? 560 : 900;
  if (id === 'phases') return width >= 440 ? 380 : 420;
  if (id === 'shares') return width >= 440 ? 380 : 440;
  if (id === 'rates') return width >= 440 ? 380 : 640;
  if (id === 'roi') return width >= 520 ? 360 : 400;
  return TALL.includes(id) ? 380 : 330;
}

/** Draw the finished view: run summary, every chart card (with exports and hover), and the tables. */
export function renderResults(view: ViewModel, st: ViewState, runMs: number, on: { onPeriod: (period: string) => void; onDiff: (patch: { diffScale?: DiffScale; diffMetric?: string; phaseFigure?: string; category?: string }) => void }): void {
  const charts = byId('charts');
  const tooltip = byId('tooltip');
  const cols = charts.clientWidth >= 860 ? 2 : 1;
  const width = Math.max(280, Math.floor((charts.clientWidth - (cols - 1) * 16) / cols) - 18);
  const shown = view.arms[view.arms.length - 1].scenario;
  byId('summary').textContent = [
    view.mode === 'compare' ? `${[view.arms[1], ...view.extra].map((a) => a.scenario.title).join(', ')} vs baseline ${view.arms[0].scenario.title}` : shown.title,
    `${view.agents.toLocaleString('en-US')} user agents (each ${compact(view.weight)} people)`,
    `seed ${view.seed}`, `${view.reps} replication${view.reps > 1 ? 's' : ''}${view.mode === 'compare' ? ' per arm (same seeds: common random numbers)' : ''}`,
    `${allArms(view).length * view.reps} simulation${allArms(view).length * view.reps > 1 ? 's' : ''} in ${(runMs / 1000).toFixed(1)} s`,
  ].join(' · ');
  const headlineCard = byId('headline-card');
  headlineCard.hidden = view.mode !== 'compare';
  if (view.mode === 'compare') {
    const host = byId('headline-host');
    clear(host);
    host.append(armsHeadlineElement(document, view), headlineElement(document, view));
  }
  clear(charts);
  const periods = view.periods.filter((p) => p.common);
  const period = periods.some((p) => p.key === st.period) ? st.period : periods[periods.length - 1]?.key ?? '';
  for (const id of CHART_IDS) {
    let chart: Chart;
    try {
      chart = renderChart(document, id, view, { width, height: chartHeight(id, width, view.mode === 'compare'), period, diffScale: st.diffScale, diffMetric: st.diffMetric, phaseFigure: st.phaseFigure, category: st.category });
    } catch (err) {
      showMessages('error', `Could not draw chart "${id}":`, [(err as Error).message]);
      continue;
    }
    const tools = h('div', { class: 'card-tools' });
    if (id === 'funnel') {
      const sel = h('select', { id: 'funnel-period', 'aria-label': view.mode === 'compare' ? 'Segment of the funnel' : 'Phase of the funnel' },
        ...periods.map((p) => h('option', { value: p.key, selected: p.key === period }, p.title)));
      sel.addEventListener('change', () => on.onPeriod(sel.value));
      tools.append(h('label', { for: 'funnel-period' }, view.mode === 'compare' ? 'Segment' : 'Phase'), sel);
    }
    if (id === 'categories') {
      const cat = h('select', { id: 'category', 'aria-label': 'Category of the category and market-share views' }, ...['all', ...CATEGORIES].map((c) => h('option', { value: c, selected: c === st.category }, categoryName(c))));
      cat.addEventListener('change', () => on.onDiff({ category: cat.value }));
      tools.append(h('label', { for: 'category' }, 'Category'), cat);
    }
    if (id === 'phases') {
      const fig = h('select', { id: 'phase-figure', 'aria-label': 'Figure of the phase view' }, ...PHASE_FIGURES.map((f) => h('option', { value: f.key, selected: f.key === st.phaseFigure }, f.label)));
      fig.addEventListener('change', () => on.onDiff({ phaseFigure: fig.value }));
      tools.append(fig);
    }
    if (id === 'gmv' && view.mode === 'compare') {
      const metric = h('select', { id: 'diff-metric', 'aria-label': 'Metric of the difference chart' }, ...DIFF_METRICS.map((m) => h('option', { value: m.metric, selected: m.metric === st.diffMetric }, m.label)));
      metric.addEventListener('change', () => on.onDiff({ diffMetric: metric.value }));
      const scale = h('select', { id: 'diff-scale', 'aria-label': 'Absolute or percentage difference' },
        h('option', { value: 'abs', selected: st.diffScale === 'abs' }, 'RMB'), h('option', { value: 'pct', selected: st.diffScale === 'pct' }, '% of baseline'));
      scale.addEventListener('change', () => on.onDiff({ diffScale: scale.value as DiffScale }));
      tools.append(metric, scale);
    }
    tools.append(
      h('button', { type: 'button', 'aria-label': `Download "${chart.title}" as SVG`, onclick: () => downloadSvg(fileName(id, view), chart.svg) }, 'SVG'),
      h('button', { type: 'button', 'aria-label': `Download "${chart.title}" as PNG`, onclick: () => { downloadPng(fileName(id, view), chart.svg).catch((e) => showMessages('error', (e as Error).message)); } }, 'PNG'),
      h('button', { type: 'button', 'aria-label': `Download the data of "${chart.title}" as CSV`, onclick: () => downloadCsv(fileName(id, view), chart.csv) }, 'CSV'),
    );
    const card = h('article', { class: 'card chart-card', 'data-chart': id }, tools, chart.svg);
    charts.append(card);
    if (chart.hover) attachHover(chart.svg, chart.hover, tooltip);
  }
  const pnlHost = byId('pnl-host');
  clear(pnlHost);
  pnlHost.append(pnlTableElement(document, view));
  byId('pnl-card').hidden = !pnlHost.querySelector('tbody tr');
  const pairedCard = byId('paired-card'), phasesCard = byId('phases-card');
  pairedCard.hidden = view.mode !== 'compare';
  phasesCard.hidden = view.mode === 'compare';
  if (view.mode === 'compare') {
    const host = byId('paired-host');
    clear(host);
    host.append(pairedTableElement(document, view, st.metric));
    byId('paired-csv').onclick = () => downloadCsv(`${fileName('paired', view)}-${st.metric}`, pairedDiffs(view, st.metric).map((d) => ({ ...d, identical: String(d.identical) })));
  } else {
    const host = byId('phases-host');
    clear(host);
    const table = phaseTableElement(document, view);
    host.append(table);
    byId('phases-csv').onclick = () => downloadCsv(fileName('phases', view), phaseTableRows(view));
  }
}

const fileName = (id: string, v: ViewModel) => `market-sim-${v.arms[v.arms.length - 1].scenario.id}-${id}`;
