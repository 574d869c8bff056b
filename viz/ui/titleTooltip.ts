import { clear, h } from './dom.ts';

/**
 * Show the <title> of the elements matching `selector` inside `root` in the page's
 * tooltip instead of the browser's plain one: on hover, on tap, or on keyboard
 * focus. The first line is the heading, later lines are shown one per row. The
 * <title> is moved into data-tip so that the native tooltip does not appear too.
 */
export function attachTitleTooltips(root: Element, selector: string, tooltip: HTMLElement): void {
  for (const el of root.querySelectorAll(selector)) {
    const t = el.querySelector(':scope > title');
    if (!t) continue;
    el.setAttribute('data-tip', t.textContent ?? '');
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', (t.textContent ?? '').split('\n')[0]);
    t.remove();
  }
  const show = (el: Element, x: number, y: number) => {
    const [head, ...lines] = (el.getAttribute('data-tip') ?? '').split('\n');
    clear(tooltip);
    tooltip.append(h('div', { class: 'tt-head' }, head), ...lines.map((l) => h('div', { class: 'tt-line' }, l)));
    tooltip.hidden = false;
    const tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
    tooltip.style.left = `${Math.max(4, Math.min(innerWidth - tw - 4, x + 14))}px`;
    tooltip.style.top = `${Math.max(4, y + 14 + th > innerHeight ? y - th - 10 : y + 14)}px`;
  };
  const target = (e: Event) => (e.target as Element | null)?.closest?.('[data-tip]') ?? null;
  root.addEventListener('pointermove', (e) => {
    const el = target(e);
    if (el) show(el, (e as PointerEvent).clientX, (e as PointerEvent).clientY); else tooltip.hidden = true;
  });
  root.addEventListener('pointerleave', () => { tooltip.hidden = true; });
  root.addEventListener('focusin', (e) => {
    const el = target(e);
    if (!el) return;
    const r = el.getBoundingClientRect();
    show(el, r.left + r.width / 2, r.bottom);
  });
  root.addEventListener('focusout', () => { tooltip.hidden = true; });
}
