import { select, type Selection } from 'd3';
import { FONT, INK } from './palette.ts';

/** A tidy CSV row of a chart's data. */
export type CsvRow = Record<string, string | number>;

/** A hover read-out: the x positions of the slots (months, stages, years) and the lines shown for each. */
export interface Hover {
  /** Plot areas (SVG user units) over which hovering reads out; one per panel. */
  areas: { x: number; y: number; w: number; h: number }[];
  /** Position of every slot in SVG units, ascending, along `axis` (default 'x'). */
  xs: number[];
  /** Which axis the slots run along: 'x' (time, years) or 'y' (funnel stages). Default 'x'. */
  axis?: 'x' | 'y';
  heading(i: number): string;
  lines(i: number): { label: string; value: string; colour: string }[];
}

/** A rendered chart: an SVG element with its title, data as CSV rows and the hover read-out. */
export interface Chart {
  id: string;
  title: string;
  svg: SVGSVGElement;
  csv: CsvRow[];
  hover: Hover | null;
}

/** A legend entry: a line (solid or dashed), a filled swatch, or a band. */
export interface LegendItem { label: string; colour: string; kind: 'line' | 'dash' | 'area' | 'band' }

export type G = Selection<SVGGElement, unknown, null, undefined>;
type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Rough width of a character of 11px chart text, for legend wrapping (no text measuring: the report renders without layout). */
const CHAR_W = 6.1;

/**
 * Create a chart's SVG with its title, subtitle (units, notes) and legend; returns
 * the SVG selection and `top`, the y where the plot area may start. Every style is
 * a presentation attribute, so an exported SVG/PNG looks the same as on the page.
 */
export function createFrame(doc: Document, o: { id: string; title: string; subtitle?: string; notes?: string[]; width: number; height: number; legend?: LegendItem[] }): { svg: Svg; top: number } {
  const el = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const svg = select(el)
    .attr('xmlns', SVG_NS)
    .attr('width', o.width).attr('height', o.height)
    .attr('viewBox', `0 0 ${o.width} ${o.height}`)
    .attr('font-family', FONT).attr('font-size', 11).attr('fill', INK.text)
    .attr('role', 'img').attr('aria-label', o.title)
    .attr('data-chart', o.id);
  svg.append('rect').attr('width', o.width).attr('height', o.height).attr('fill', '#ffffff');
  // The title wraps rather than run past the box (14px bold: about 1.35× the 11px character width), one <text> with a <tspan> per line.
  const lines = wrap(o.title, (o.width - 24) / 1.35);
  const title = svg.append('text').attr('class', 'chart-title').attr('x', 12).attr('y', 20).attr('font-size', 14).attr('font-weight', 600);
  lines.forEach((line, i) => title.append('tspan').attr('x', 12).attr('dy', i ? 17 : 0).text(i < lines.length - 1 ? `${line} ` : line));
  let y = 20 + 17 * (lines.length - 1);
  if (o.subtitle) for (const line of wrap(o.subtitle, o.width - 24)) { y += 15; svg.append('text').attr('class', 'chart-subtitle').attr('x', 12).attr('y', y).attr('fill', INK.muted).text(line); }
  for (const note of o.notes ?? []) for (const line of wrap(note, o.width - 24)) { y += 14; svg.append('text').attr('class', 'chart-note').attr('x', 12).attr('y', y).attr('fill', INK.text).attr('font-size', 10.5).text(line); }
  if (o.legend?.length) y = drawLegend(svg, o.legend, 12, y + 8, o.width - 24);
  return { svg, top: y + 18 };
}

/** Width of text in Latin character widths (a CJK character counts two). */
export const textUnits = (s: string) => s.length + (s.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0);

/** Split text into lines of at most `width` px (estimated with CHAR_W: the report has no text measuring). */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(10, Math.floor(width / CHAR_W));
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    if (cur && textUnits(`${cur} ${word}`) > max) { lines.push(cur); cur = word; } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Draw legend entries left to right, wrapping at maxWidth; returns the y of the last row's bottom. */
function drawLegend(svg: Svg, items: LegendItem[], x0: number, y0: number, maxWidth: number): number {
  const g = svg.append('g').attr('class', 'legend');
  let x = x0, y = y0 + 8;
  for (const it of items) {
    const w = 22 + it.label.length * CHAR_W + 14;
    if (x + w > x0 + maxWidth && x > x0) { x = x0; y += 16; }
    const e = g.append('g').attr('transform', `translate(${x},${y})`);
    if (it.kind === 'area') e.append('rect').attr('x', 0).attr('y', -5).attr('width', 16).attr('height', 10).attr('fill', it.colour).attr('fill-opacity', 0.85);
    else if (it.kind === 'band') e.append('rect').attr('x', 0).attr('y', -5).attr('width', 16).attr('height', 10).attr('fill', it.colour).attr('fill-opacity', 0.2);
    else e.append('line').attr('x1', 0).attr('x2', 16).attr('stroke', it.colour).attr('stroke-width', 2.2).attr('stroke-dasharray', it.kind === 'dash' ? '5 3' : null);
    e.append('text').attr('x', 21).attr('dy', '0.35em').text(it.label);
    x += w;
  }
  return y + 6;
}

/** Append a plot-area group translated to (x, y). */
export function plotArea(svg: Svg, x: number, y: number): G {
  return svg.append('g').attr('transform', `translate(${x},${y})`) as unknown as G;
}

/** Text shown inside a plot area when there is nothing to draw (e.g. no RED ad spend that year). */
export function emptyNote(g: G, w: number, h: number, text: string): void {
  g.append('text').attr('x', w / 2).attr('y', h / 2).attr('text-anchor', 'middle').attr('fill', INK.muted).text(text);
}
