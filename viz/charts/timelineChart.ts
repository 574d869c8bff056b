import { axisBottom, scaleUtc, utcFormat, utcYear } from 'd3';
import type { ResolvedScenario } from '../../engine/index.ts';
import { dayDate } from '../data/series.ts';
import { createFrame, plotArea, type Chart } from './frame.ts';
import { FONT, INK, OKABE_ITO } from './palette.ts';

/** Id of the timeline entry the visualizer's lever controls write (see viz/app/whatIf.ts). */
export const WHATIF_ENTRY_ID = 'whatif';

/** Phase band fills, alternating (light, colour-blind-safe tints). */
const FILLS = ['#e8f1f8', '#fbf0dc'];

/**
 * The policy timeline: one row per scenario (baseline and what-if in compare
 * mode) with its phases as numbered bands (the numbers match the phase bands of
 * every chart) and a marker at every dated policy entry; the what-if's own lever
 * entry is marked in vermillion. Full labels are in <title> tooltips.
 */
export function timelineChart(doc: Document, rows: { label: string; scenario: ResolvedScenario }[], o: { width?: number } = {}): Chart {
  const W = o.width ?? 940, rowH = 46, left = 96, right = 16;
  const H = 40 + rows.length * (rowH + 8) + 26;
  const { svg, top } = createFrame(doc, { id: 'timeline', title: 'Policy timeline (▼ = a dated policy entry; hover for details)', width: W, height: H });
  const start = rows.map((r) => r.scenario.start).sort()[0], end = rows.map((r) => r.scenario.end).sort().reverse()[0];
  const w = W - left - right;
  const x = scaleUtc().domain([dayDate(start), new Date(dayDate(end).getTime() + 86400000)]).range([0, w]);
  const g = plotArea(svg, left, top + 2);
  rows.forEach((r, k) => {
    const y = k * (rowH + 8);
    const maxChars = Math.floor((left - 12) / 7);
    const name = g.append('text').attr('x', -8).attr('y', y + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-weight', 600)
      .text(r.label.length > maxChars ? `${r.label.slice(0, maxChars - 1)}…` : r.label);
    name.append('title').text(`${r.label}: ${r.scenario.title}`);
    r.scenario.phases.forEach((p, i) => {
      const a = x(dayDate(p.start)), b = x(new Date(dayDate(p.end).getTime() + 86400000));
      const band = g.append('g').attr('class', 'phase');
      band.append('title').text(`Phase ${i + 1}: ${p.label}\n${p.start} – ${p.end}`);
      band.append('rect').attr('x', a).attr('y', y + 10).attr('width', Math.max(0, b - a - 1)).attr('height', rowH - 10).attr('fill', FILLS[i % 2]).attr('stroke', '#c9d3dc').attr('stroke-width', 0.5);
      const room = b - a - 6;
      const text = `${i + 1} ${p.label}`;
      const chars = Math.floor(room / 5.6);
      if (chars >= 1) {
        band.append('text').attr('x', a + 3).attr('y', y + 10 + (i % 2 ? 28 : 15)).attr('font-size', 10).attr('fill', INK.text)
          .text(chars >= text.length ? text : chars > 3 ? `${text.slice(0, chars - 1)}…` : String(i + 1));
      }
    });
    for (const e of r.scenario.timeline) {
      if (e.date < r.scenario.start) continue;
      const mx = x(dayDate(e.date)), mine = e.id === WHATIF_ENTRY_ID;
      const m = g.append('g').attr('class', mine ? 'marker marker-whatif' : 'marker');
      m.append('title').text(`${e.date}${e.id ? ` [${e.id}]` : ''}: ${e.label ?? ''}\nsets: ${JSON.stringify(e.set)}`);
      m.append('path').attr('d', `M${mx - 5},${y} L${mx + 5},${y} L${mx},${y + 9} Z`).attr('fill', mine ? OKABE_ITO.vermillion : '#555555');
      m.append('line').attr('x1', mx).attr('x2', mx).attr('y1', y + 9).attr('y2', y + rowH).attr('stroke', mine ? OKABE_ITO.vermillion : '#777777').attr('stroke-width', mine ? 1.6 : 0.8);
    }
  });
  const axisY = rows.length * (rowH + 8);
  const ax = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${axisY})`).call(axisBottom(x).ticks(utcYear.every(1)!).tickFormat((d) => utcFormat('%Y')(d as Date)).tickSizeOuter(0));
  ax.attr('font-family', FONT).attr('font-size', 10.5).attr('color', INK.axis).selectAll('text').attr('fill', INK.muted);
  return { id: 'timeline', title: 'Policy timeline', svg: svg.node()!, csv: rows.flatMap((r) => r.scenario.timeline.map((e) => ({ scenario: r.scenario.id, date: e.date, id: e.id ?? '', phase: e.phase ?? '', label: e.label ?? '', set: JSON.stringify(e.set) }))), hover: null };
}
