import { csvFormat } from 'd3';
import type { CsvRow } from '../charts/frame.ts';

/** Offer a Blob as a file download. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name; a.rel = 'noopener';
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chart's SVG as a standalone document (hover rules left out). */
function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('.hover-rule').forEach((n) => n.remove());
  copy.removeAttribute('tabindex');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Download a chart as SVG. */
export const downloadSvg = (name: string, svg: SVGSVGElement) => downloadBlob(`${name}.svg`, new Blob([svgText(svg)], { type: 'image/svg+xml' }));

/** Render a chart's SVG to a PNG at `scale`× (default 2) and download it. */
export async function downloadPng(name: string, svg: SVGSVGElement, scale = 2): Promise<void> {
  const blob = await pngBlob(svg, scale);
  downloadBlob(`${name}.png`, blob);
}

/** A chart's SVG rendered to PNG (through an <img> of the SVG and a canvas). */
async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const w = svg.viewBox.baseVal.width, hgt = svg.viewBox.baseVal.height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = w; img.height = hgt;
    await new Promise<void>((ok, fail) => { img.onload = () => ok(); img.onerror = () => fail(new Error('could not render the chart to PNG')); img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale); canvas.height = Math.round(hgt * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, hgt);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Download tidy rows as CSV (d3-dsv quoting). */
export const downloadCsv = (name: string, rows: CsvRow[]) => downloadBlob(`${name}.csv`, new Blob([csvFormat(rows)], { type: 'text/csv' }));

/** Download a value as pretty JSON. */
export const downloadJson = (name: string, value: unknown) => downloadBlob(`${name}.json`, new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
