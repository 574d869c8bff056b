import type { Hover } from '../charts/frame.ts';
import { clear, h } from './dom.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Hover and keyboard read-outs of a chart: pointer over a plot area, or focus
 * the chart (Tab) and use the arrow keys, shows the nearest slot's values in the
 * shared tooltip and a rule on the chart. Escape hides it.
 */
export function attachHover(svg: SVGSVGElement, hover: Hover, tooltip: HTMLElement): void {
  const along = hover.axis ?? 'x';
  const rules = hover.areas.map((a) => {
    const l = document.createElementNS(SVG_NS, 'line');
    l.setAttribute('class', 'hover-rule'); l.setAttribute('stroke', '#333'); l.setAttribute('stroke-width', '1'); l.setAttribute('stroke-dasharray', '3 2');
    l.setAttribute('visibility', 'hidden'); l.setAttribute('pointer-events', 'none');
    if (along === 'x') { l.setAttribute('y1', String(a.y)); l.setAttribute('y2', String(a.y + a.h)); }
    else { l.setAttribute('x1', String(a.x)); l.setAttribute('x2', String(a.x + a.w)); }
    svg.appendChild(l);
    return { l, a };
  });
  let index = -1;
  const toSvg = (e: PointerEvent) => {
    const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return { x: ((e.clientX - r.left) / r.width) * vb.width, y: ((e.clientY - r.top) / r.height) * vb.height };
  };
  const nearest = (v: number) => {
    let best = 0;
    for (let i = 1; i < hover.xs.length; i++) if (Math.abs(hover.xs[i] - v) < Math.abs(hover.xs[best] - v)) best = i;
    return best;
  };
  const show = (i: number, clientX: number, clientY: number) => {
    index = i;
    const pos = hover.xs[i];
    for (const { l, a } of rules) {
      const inside = along === 'x' ? true : pos >= a.y && pos <= a.y + a.h;
      l.setAttribute('visibility', inside ? 'visible' : 'hidden');
      if (along === 'x') { l.setAttribute('x1', String(pos)); l.setAttribute('x2', String(pos)); } else { l.setAttribute('y1', String(pos)); l.setAttribute('y2', String(pos)); }
    }
    clear(tooltip);
    tooltip.append(h('div', { class: 'tt-head' }, hover.heading(i)));
    for (const line of hover.lines(i)) {
      const sw = h('span', { class: 'tt-swatch' });
      sw.style.background = line.colour;
      tooltip.append(h('div', { class: 'tt-row' }, sw, h('span', { class: 'tt-label' }, line.label), h('span', { class: 'tt-value' }, line.value)));
    }
    tooltip.hidden = false;
    const tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
    tooltip.style.left = `${Math.max(4, clientX + 16 + tw > innerWidth ? clientX - tw - 16 : clientX + 16)}px`;
    tooltip.style.top = `${Math.max(4, Math.min(innerHeight - th - 4, clientY + 12))}px`;
  };
  const hide = () => { index = -1; tooltip.hidden = true; for (const { l } of rules) l.setAttribute('visibility', 'hidden'); };
  svg.addEventListener('pointermove', (e) => {
    const p = toSvg(e);
    const inArea = hover.areas.some((a) => p.x >= a.x && p.x <= a.x + a.w && p.y >= a.y && p.y <= a.y + a.h);
    if (!inArea) { hide(); return; }
    show(nearest(along === 'x' ? p.x : p.y), e.clientX, e.clientY);
  });
  svg.addEventListener('pointerleave', hide);
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('aria-description', 'Use the arrow keys to read values; Escape to close.');
  svg.addEventListener('keydown', (e) => {
    const back = along === 'x' ? 'ArrowLeft' : 'ArrowUp', fwd = along === 'x' ? 'ArrowRight' : 'ArrowDown';
    if (e.key !== back && e.key !== fwd && e.key !== 'Escape' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    if (e.key === 'Escape') { hide(); return; }
    const i = e.key === 'Home' ? 0 : e.key === 'End' ? hover.xs.length - 1 : index < 0 ? hover.xs.length - 1 : Math.max(0, Math.min(hover.xs.length - 1, index + (e.key === fwd ? 1 : -1)));
    const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    const a = hover.areas[0];
    const cx = along === 'x' ? r.left + (hover.xs[i] / vb.width) * r.width : r.left + ((a.x + a.w / 2) / vb.width) * r.width;
    const cy = along === 'x' ? r.top + ((a.y + a.h / 3) / vb.height) * r.height : r.top + (hover.xs[i] / vb.height) * r.height;
    show(i, cx, cy);
  });
  svg.addEventListener('blur', hide);
}
