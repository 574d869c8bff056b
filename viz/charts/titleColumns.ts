import { select } from 'd3';
import type { Chart } from './frame.ts';

/**
 * Static hover read-outs for a page without script (the HTML report): one
 * transparent strip per slot (month, stage or year) over each plot area, with a
 * <title> that browsers show as a native tooltip.
 */
export function addTitleColumns(chart: Chart): void {
  const h = chart.hover;
  if (!h || !h.xs.length) return;
  const svg = select(chart.svg);
  const layer = svg.append('g').attr('class', 'title-columns');
  const along = h.axis ?? 'x';
  const edges = h.xs.map((v, i) => [i === 0 ? v - (h.xs[1] - v || 10) / 2 : (h.xs[i - 1] + v) / 2, i === h.xs.length - 1 ? v + (v - h.xs[i - 1] || 10) / 2 : (v + h.xs[i + 1]) / 2]);
  const text = (i: number) => [h.heading(i), ...h.lines(i).map((l) => `${l.label}: ${l.value}`)].join('\n');
  for (const a of h.areas.slice(0, 1)) {
    edges.forEach(([lo, hi], i) => {
      const r = along === 'x'
        ? layer.append('rect').attr('x', lo).attr('y', a.y).attr('width', Math.max(0, hi - lo)).attr('height', a.h)
        : layer.append('rect').attr('x', a.x).attr('y', lo).attr('width', a.w).attr('height', Math.max(0, hi - lo));
      r.attr('fill', '#000000').attr('fill-opacity', 0).append('title').text(text(i));
    });
  }
}
