import { axisBottom, axisLeft, scaleUtc, utcYear, utcFormat, type ScaleContinuousNumeric, type ScaleTime } from 'd3';
import type { Phase } from '../../engine/index.ts';
import { dayDate } from '../data/series.ts';
import { phaseName } from '../data/phaseNames.ts';
import { trimZeros } from './format.ts';
import { FONT, INK } from './palette.ts';
import type { G } from './frame.ts';

/** A UTC time scale over whole months `first`..`last` (YYYY-MM), mapped to [0, w]. */
export function timeScale(months: readonly string[], w: number): ScaleTime<number, number> {
  const [y0, m0] = months[0].split('-').map(Number);
  const [y1, m1] = months[months.length - 1].split('-').map(Number);
  return scaleUtc().domain([new Date(Date.UTC(y0, m0 - 1, 1)), new Date(Date.UTC(y1, m1, 1))]).range([0, w]);
}

/** Bottom time axis with one tick per year (every second year when narrow). */
export function timeAxis(g: G, x: ScaleTime<number, number>, h: number, w: number): void {
  const years = (x.domain()[1].getUTCFullYear() - x.domain()[0].getUTCFullYear()) || 1;
  const every = w / years < 34 ? 2 : 1;
  const a = g.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).ticks(utcYear.every(every)!).tickFormat((d) => utcFormat('%Y')(d as Date)).tickSizeOuter(0));
  style(a as unknown as G);
}

/**
 * Height (px) of the strip at the top of a time plot that holds the phase numbers:
 * value scales map into [h, PHASE_STRIP], so no data line runs under a number.
 */
export const PHASE_STRIP = 13;

/**
 * Left value axis with gridlines, ticks formatted with their unit (trailing zeros
 * dropped: ¥5B, 2.5%), and the unit label above the axis (e.g. "RMB / month").
 */
export function valueAxis(g: G, y: ScaleContinuousNumeric<number, number>, w: number, format: (v: number) => string, unitLabel: string, ticks = 5): void {
  const grid = g.append('g').attr('class', 'grid');
  for (const t of y.ticks(ticks)) grid.append('line').attr('x1', 0).attr('x2', w).attr('y1', y(t)).attr('y2', y(t)).attr('stroke', INK.grid);
  const a = g.append('g').attr('class', 'axis axis-y').call(axisLeft(y).ticks(ticks).tickFormat((d) => trimZeros(format(+d))).tickSizeOuter(0));
  style(a as unknown as G);
  g.append('text').attr('class', 'unit-label').attr('x', -6).attr('y', -9).attr('text-anchor', 'start').attr('fill', INK.muted).attr('font-size', 10.5).text(unitLabel);
}

function style(a: G): void {
  a.attr('font-family', FONT).attr('font-size', 10.5).attr('color', INK.axis);
  a.selectAll('text').attr('fill', INK.muted);
}

/**
 * Phase bands: alternate phases shaded, a boundary rule at each phase start and the
 * phase number (1, 2, …, matching the timeline) in the top strip (PHASE_STRIP, kept
 * free of data); full label as a <title>.
 */
export function phaseBands(g: G, x: ScaleTime<number, number>, phases: readonly Phase[], h: number): void {
  const bands = g.append('g').attr('class', 'phase-bands');
  const [d0, d1] = x.domain();
  phases.forEach((p, i) => {
    const a = Math.max(x(dayDate(p.start)), x(d0)), b = Math.min(x(new Date(dayDate(p.end).getTime() + 86400000)), x(d1));
    if (!(b > a)) return;
    const band = bands.append('g');
    band.append('title').text(`Phase ${i + 1}: ${phaseName(p.label)} (${p.start} – ${p.end})`);
    band.append('rect').attr('x', a).attr('y', 0).attr('width', b - a).attr('height', h).attr('fill', i % 2 ? INK.band : '#ffffff').attr('fill-opacity', i % 2 ? 1 : 0);
    if (i > 0) band.append('line').attr('x1', a).attr('x2', a).attr('y1', 0).attr('y2', h).attr('stroke', '#c8c8c8').attr('stroke-dasharray', '2 2');
    if (b - a > 9) band.append('text').attr('x', (a + b) / 2).attr('class', 'phase-number').attr('y', PHASE_STRIP - 3).attr('text-anchor', 'middle').attr('font-size', 9.5).attr('fill', '#8a8a8a').text(String(i + 1));
  });
}
