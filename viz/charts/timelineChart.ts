import { axisBottom, scaleUtc, utcFormat, utcYear } from 'd3';
import type { ResolvedScenario } from '../../engine/index.ts';
import { dayDate } from '../data/series.ts';
import { MARKET_EVENTS, phaseName } from '../data/phaseNames.ts';
import { describeSet } from './describeSet.ts';
import { createFrame, plotArea, textUnits, wrap, type Chart } from './frame.ts';
import { FONT, INK, OKABE_ITO } from './palette.ts';

/** Id of the timeline entry the visualizer's lever controls write (see viz/app/whatIf.ts). */
export const WHATIF_ENTRY_ID = 'whatif';

/** Phase band fills, alternating (light, colour-blind-safe tints). */
const FILLS = ['#e8f1f8', '#fbf0dc'];
/** Estimated width of a character of the 10px band labels, px. */
const CHAR_10 = 5.6;

/** A row of the timeline: a scenario and its short name (Baseline, What-if, Scenario). */
export interface TimelineRow { label: string; scenario: ResolvedScenario }

/** The tooltip text of a policy entry: date and label, then what it sets, one lever per line. */
export function entryTitle(e: ResolvedScenario['timeline'][number]): string {
  return [`${e.date}${e.phase ? ` · phase ${phaseName(e.phase)}` : ''}${e.label ? ` · ${phaseName(e.label)}` : ''}`, ...describeSet(e.set).map((s) => `• ${s}`)].join('\n');
}

/**
 * The policy timeline: one row per scenario (baseline and what-if in compare
 * mode) with its phases as numbered bands (the numbers match the phase bands of
 * every chart and the phase list below, see timelineLegend) and a marker at every
 * dated policy entry; the what-if's own lever entry is marked in vermillion. A band
 * shows its full label only where it fits (never cut); tooltips (<title>) give
 * each phase and each entry in words. Below 560 px the row names go above the rows.
 */
export function timelineChart(doc: Document, rows: TimelineRow[], o: { width?: number } = {}): Chart {
  const W = o.width ?? 940;
  // Row names go left of the rows when they fit in 70 px, else above each row (always below 560 px).
  const narrow = W < 560 || rows.some((r) => textUnits(r.label) * 6.6 > 70);
  const rowH = narrow ? 34 : 46, gap = narrow ? 22 : 8, left = narrow ? 14 : 78, right = 18;
  const showNames = rows.length > 1 || !narrow;
  const H = 40 + rows.length * (rowH + gap) + (narrow && showNames ? 8 : 0) + 22;
  const { svg, top } = createFrame(doc, { id: 'timeline', title: narrow ? 'Policy timeline (▼ policy, ◆ event)' : 'Policy timeline (▼ = a dated policy entry, ◆ = a market event; hover or tap for details)', width: W, height: H });
  const start = rows.map((r) => r.scenario.start).sort()[0], end = rows.map((r) => r.scenario.end).sort().reverse()[0];
  const w = W - left - right;
  const x = scaleUtc().domain([dayDate(start), new Date(dayDate(end).getTime() + 86400000)]).range([0, w]);
  const g = plotArea(svg, left, top + (narrow && showNames ? 10 : 2));
  rows.forEach((r, k) => {
    const y = k * (rowH + gap);
    if (showNames) {
      const name = narrow
        ? g.append('text').attr('x', 0).attr('y', y - 4).attr('font-weight', 600).attr('font-size', 11).text(wrap(r.label, W - left - right)[0])
        : g.append('text').attr('x', -8).attr('y', y + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-weight', 600).text(r.label);
      name.append('title').text(`${r.label}: ${r.scenario.title}`);
    }
    r.scenario.phases.forEach((p, i) => {
      const a = x(dayDate(p.start)), b = x(new Date(dayDate(p.end).getTime() + 86400000));
      const band = g.append('g').attr('class', 'phase').attr('data-phase', i + 1);
      band.append('title').text(`Phase ${i + 1}: ${phaseName(p.label)}\n${p.start} – ${p.end}`);
      band.append('rect').attr('x', a).attr('y', y + 10).attr('width', Math.max(0, b - a - 1)).attr('height', rowH - 10).attr('fill', FILLS[i % 2]).attr('stroke', '#c9d3dc').attr('stroke-width', 0.5);
      const room = b - a - 6, full = `${i + 1} ${p.label}`;
      const text = textUnits(full) * CHAR_10 <= room ? full : String(i + 1).length * CHAR_10 <= room ? String(i + 1) : '';
      if (text) band.append('text').attr('class', 'phase-label').attr('x', a + 3).attr('y', y + 10 + (narrow ? 16 : i % 2 ? 28 : 15)).attr('font-size', 10).attr('fill', INK.text).text(text);
    });
    for (const e of r.scenario.timeline) {
      if (e.date < r.scenario.start) continue;
      const mx = x(dayDate(e.date)), mine = e.id === WHATIF_ENTRY_ID;
      const m = g.append('g').attr('class', mine ? 'marker marker-whatif' : 'marker');
      m.append('title').text(entryTitle(e));
      m.append('path').attr('d', `M${mx - 5},${y} L${mx + 5},${y} L${mx},${y + 9} Z`).attr('fill', mine ? OKABE_ITO.vermillion : '#555555');
      m.append('line').attr('x1', mx).attr('x2', mx).attr('y1', y + 9).attr('y2', y + rowH).attr('stroke', mine ? OKABE_ITO.vermillion : '#777777').attr('stroke-width', mine ? 1.6 : 0.8);
      // A wider invisible target, so a marker is easy to hover and to tap.
      m.append('rect').attr('x', mx - 5).attr('y', y).attr('width', 10).attr('height', rowH).attr('fill', '#000000').attr('fill-opacity', 0);
    }
    // Market events that are not policy entries (the 2018 Alibaba investment): a ◆ on the first row.
    if (k === 0) for (const ev of MARKET_EVENTS) {
      if (ev.date < start || ev.date > end) continue;
      const ex = x(dayDate(ev.date));
      const m = g.append('g').attr('class', 'event').attr('data-date', ev.date);
      m.append('title').text(ev.text);
      m.append('path').attr('d', `M${ex},${y - 1} L${ex + 5},${y + 5} L${ex},${y + 11} L${ex - 5},${y + 5} Z`).attr('fill', OKABE_ITO.bluishGreen).attr('stroke', '#ffffff').attr('stroke-width', 0.8);
      m.append('line').attr('x1', ex).attr('x2', ex).attr('y1', y + 11).attr('y2', y + rowH).attr('stroke', OKABE_ITO.bluishGreen).attr('stroke-width', 1.2).attr('stroke-dasharray', '2 2');
      m.append('rect').attr('x', ex - 6).attr('y', y - 1).attr('width', 12).attr('height', rowH + 1).attr('fill', '#000000').attr('fill-opacity', 0);
    }
  });
  const axisY = rows.length * (rowH + gap) - gap + 2;
  const ax = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${axisY})`)
    .call(axisBottom(x).ticks(utcYear.every(w / 8 < 34 ? 2 : 1)!).tickFormat((d) => utcFormat(w / 8 < 44 ? '%y' : '%Y')(d as Date)).tickSizeOuter(0));
  ax.attr('font-family', FONT).attr('font-size', 10.5).attr('color', INK.axis).selectAll('text').attr('fill', INK.muted);
  return { id: 'timeline', title: 'Policy timeline', svg: svg.node()!, csv: rows.flatMap((r) => r.scenario.timeline.map((e) => ({ scenario: r.scenario.id, date: e.date, id: e.id ?? '', phase: e.phase ?? '', label: e.label ?? '', set: JSON.stringify(e.set) }))), hover: null };
}

/**
 * The phases of the timeline rows in words, as a table (any Document): one line per
 * phase start of any row, the phase number and full label of each row, with its
 * dates. In compare mode a line where the rows' phases differ is marked
 * (class "differs", and "≠" in the first cell, not colour alone).
 */
export function timelineLegend(doc: Document, rows: TimelineRow[]): HTMLTableElement {
  const table = doc.createElement('table');
  table.setAttribute('class', 'phase-legend');
  const cell = (tr: Element, tag: 'td' | 'th', text: string, cls?: string) => { const c = doc.createElement(tag); c.textContent = text; if (cls) c.setAttribute('class', cls); tr.appendChild(c); return c; };
  const head = table.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
  cell(head, 'th', 'Starts').setAttribute('scope', 'col');
  for (const r of rows) cell(head, 'th', rows.length > 1 ? `${r.label}: phase` : 'Phase').setAttribute('scope', 'col');
  const body = table.appendChild(doc.createElement('tbody'));
  const starts = [...new Set(rows.flatMap((r) => r.scenario.phases.map((p) => p.start)))].sort();
  for (const s of starts) {
    const tr = body.appendChild(doc.createElement('tr'));
    const at = rows.map((r) => { const i = r.scenario.phases.findIndex((p) => p.start === s); return i < 0 ? null : { i, p: r.scenario.phases[i] }; });
    const differs = rows.length > 1 && at.some((a) => !a || a.p.label !== at[0]?.p.label || a.p.end !== at[0]?.p.end);
    if (differs) tr.setAttribute('class', 'differs');
    cell(tr, 'td', `${differs ? '≠ ' : ''}${s}`, 'pl-date');
    const text = (a: (typeof at)[number]) => (a ? `${a.i + 1} · ${phaseName(a.p.label)} (to ${a.p.end})` : '(phase continues)');
    if (rows.length > 1 && !differs) cell(tr, 'td', `${text(at[0])}${at.every((a) => a?.i === at[0]?.i) ? '' : ` (what-if phase ${at[at.length - 1]!.i + 1})`}`, 'pl-phase same').setAttribute('colspan', String(rows.length));
    else for (const a of at) cell(tr, 'td', text(a), 'pl-phase');
  }
  return table;
}
