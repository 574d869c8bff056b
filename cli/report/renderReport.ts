import { parseHTML } from 'linkedom';
import { CHART_IDS, renderChart, timelineChart } from '../../viz/charts/index.ts';
import { timelineLegend } from '../../viz/charts/timelineChart.ts';
import { headlineElement } from '../../viz/tables/headlineCard.ts';
import { addTitleColumns } from '../../viz/charts/titleColumns.ts';
import type { ViewModel } from '../../viz/data/viewModel.ts';
import { pairedTableElement } from '../../viz/tables/pairedTable.ts';
import { phaseTableElement } from '../../viz/tables/phaseTable.ts';
import { pnlTableElement } from '../../viz/tables/pnlTable.ts';
import { pairedMetrics } from '../../viz/data/paired.ts';
import { METRIC_NAMES } from '../../viz/charts/format.ts';
import { REPORT_CSS } from './reportCss.ts';

/** Width of a chart in the report, px (two per row on a wide screen). */
const CHART_W = 600;

/**
 * The self-contained HTML of a run report: title, run facts, the policy timeline,
 * every chart as inline SVG (d3-rendered on a server-side DOM, hover read-outs as
 * native <title> tooltips), the funnel of every period, and the per-phase table
 * (single) or the paired-differences table (compare). No script, no external
 * resource; a Content-Security-Policy forbids both.
 */
export function renderReport(view: ViewModel, meta: { generated: string; command: string; engine: string }): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Element, text?: string, cls?: string) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.setAttribute('class', cls);
    parent.appendChild(e);
    return e;
  };
  const shown = view.arms[view.arms.length - 1].scenario;
  const title = `market-sim report: ${view.mode === 'compare' ? `${view.arms[0].scenario.title} vs ${shown.title}` : shown.title}`;
  const body = document.body;
  const header = el('header', body);
  el('h1', header, view.mode === 'compare' ? `${shown.title} vs ${view.arms[0].scenario.title}` : shown.title);
  if (shown.question) el('p', header, shown.question, 'question');
  const facts = el('p', header, '', 'facts');
  facts.textContent = [
    view.mode === 'compare' ? `Paired comparison (what-if − baseline), common random numbers` : 'Single scenario',
    `${view.reps} replication${view.reps > 1 ? 's' : ''} (root seed ${view.seed})`,
    `${view.agents.toLocaleString('en-US')} user agents, each ${Math.round(view.weight).toLocaleString('en-US')} people`,
    `engine ${meta.engine}`, `generated ${meta.generated}`,
  ].join(' · ');
  el('p', header, `Command: ${meta.command}`, 'facts');

  const main = el('main', body);
  if (view.mode === 'compare') {
    const what = el('section', main, undefined, 'card');
    el('h2', what, 'What changed');
    what.appendChild(headlineElement(document, view));
  }
  const rows = view.mode === 'compare' ? view.arms.map((a) => ({ label: a.label, scenario: a.scenario })) : [{ label: 'Scenario', scenario: shown }];
  const tl = el('section', main, undefined, 'wide');
  tl.appendChild(timelineChart(document, rows, { width: 2 * CHART_W + 24 }).svg);
  el('h3', tl, 'Phases (numbers match the bands of every chart)');
  tl.appendChild(timelineLegend(document, rows));
  const grid = el('section', main, undefined, 'grid');
  for (const id of CHART_IDS) {
    const chart = renderChart(document, id, view, { width: CHART_W, height: id === 'gmv' && view.mode === 'compare' ? 520 : id === 'rates' || id === 'users' ? 380 : id === 'roi' ? 360 : 330 });
    addTitleColumns(chart);
    el('figure', grid).appendChild(chart.svg);
  }
  const tables = el('section', main);
  if (view.mode === 'compare') {
    el('h2', tables, 'Paired differences per segment (what-if − baseline, 95% interval)');
    for (const { metric } of pairedMetrics()) {
      el('h3', tables, METRIC_NAMES[metric] ?? metric);
      tables.appendChild(pairedTableElement(document, view, metric));
    }
  } else {
    el('h2', tables, 'Per-phase summary');
    tables.appendChild(phaseTableElement(document, view));
  }
  const pnl = el('section', main);
  el('h2', pnl, 'P&L per party (money flows)');
  pnl.appendChild(pnlTableElement(document, view));
  const funnels = el('section', main);
  el('h2', funnels, `Seeding funnel per ${view.mode === 'compare' ? 'segment' : 'phase'}`);
  const fg = el('div', funnels, undefined, 'grid');
  for (const p of view.periods.filter((x) => x.common)) {
    const chart = renderChart(document, 'funnel', view, { width: CHART_W, height: 300, period: p.key });
    addTitleColumns(chart);
    el('figure', fg).appendChild(chart.svg);
  }
  el('footer', body, 'Money in RMB at real scale; *_per_year figures annualised over the phase. Made by market-sim (see docs/visualizer.md).');
  // The head is written here, not by linkedom: its serializer does not escape <title> text.
  return [
    '<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`, `<style>${REPORT_CSS}</style>`, '</head>',
    document.body.outerHTML, '</html>', '',
  ].join('\n');
}

/** Policy of the report: no script, no external resource of any kind; inline styles and data: images only. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Escape text for HTML text and attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
