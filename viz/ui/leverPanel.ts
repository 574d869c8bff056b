import type { PolicyState, ResolvedScenario } from '../../engine/index.ts';
import { LEVER_DEFS, valueAt, type LeverDef } from '../app/levers.ts';
import { clear, h } from './dom.ts';

/** The policy state a resolved scenario has in force on `date` (YYYY-MM-DD). */
export function stateAt(s: ResolvedScenario, date: string): PolicyState {
  let st = s.initial;
  for (const e of s.timeline) if (e.date <= date) st = e.state;
  return st;
}

const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);
const idOf = (path: string) => `lever-${path.replace(/\./g, '-')}`;

/**
 * Render the lever controls: one labelled control per lever, grouped in
 * disclosure sections, each showing the scenario's value on the what-if date
 * and, when changed, a reset button. `onChange` gets the new changed-lever map
 * (levers equal to the scenario's value are dropped). Keyboard focus survives re-rendering.
 */
export function renderLeverPanel(host: HTMLElement, o: { base: ResolvedScenario; from: string; levers: Record<string, number | string | boolean>; onChange: (levers: Record<string, number | string | boolean>) => void }): void {
  const focused = document.activeElement?.id;
  const inForce = stateAt(o.base, o.from);
  const commit = (path: string, value: number | string) => {
    const next = { ...o.levers };
    if (same(value, valueAt(inForce, path))) delete next[path]; else next[path] = value;
    o.onChange(next);
  };
  clear(host);
  const groups = [...new Set(LEVER_DEFS.map((d) => d.group))];
  for (const group of groups) {
    const defs = LEVER_DEFS.filter((d) => d.group === group);
    const changed = defs.some((d) => d.path in o.levers);
    const det = h('details', { class: `lever-group${changed ? ' changed' : ''}`, open: changed || group === 'Links to Taobao/Tmall' || group === 'RED ads' },
      h('summary', {}, group, changed ? h('span', { class: 'badge', title: 'changed' }, '●') : null));
    for (const d of defs) det.append(control(d, inForce, o.levers, commit));
    host.append(det);
  }
  const extra = Object.keys(o.levers).filter((p) => !LEVER_DEFS.some((d) => d.path === p));
  if (extra.length) host.append(h('p', { class: 'note' }, `Also set by the link: ${extra.map((p) => `${p} = ${String(o.levers[p])}`).join(', ')}`));
  if (focused) document.getElementById(focused)?.focus();
}

function control(d: LeverDef, inForce: PolicyState, levers: Record<string, number | string | boolean>, commit: (path: string, v: number | string) => void): HTMLElement {
  const id = idOf(d.path);
  const base = valueAt(inForce, d.path);
  const changed = d.path in levers;
  const value = (changed ? levers[d.path] : base) as number | string;
  const out = h('output', { for: id, class: 'lever-value' }, d.format(value));
  let input: HTMLInputElement | HTMLSelectElement;
  if (d.kind === 'select') {
    input = h('select', { id, 'aria-describedby': `${id}-help` }, ...d.options!.map((opt) => h('option', { value: opt, selected: opt === value }, opt)));
    input.addEventListener('change', () => commit(d.path, input.value));
  } else {
    input = h('input', { id, type: 'range', min: d.min!, max: d.max!, step: d.step!, value: String(value), 'aria-describedby': `${id}-help` });
    input.addEventListener('input', () => { out.textContent = d.format(Number(input.value)); });
    input.addEventListener('change', () => commit(d.path, Number(input.value)));
  }
  return h('div', { class: `lever${changed ? ' changed' : ''}`, 'data-path': d.path },
    h('label', { for: id }, d.label), input, out,
    changed ? h('button', { type: 'button', class: 'lever-reset', id: `${id}-reset`, 'aria-label': `Reset ${d.group}: ${d.label} to the scenario's ${d.format(base)}`, title: `Reset to ${d.format(base)}`, onclick: () => commit(d.path, base) }, '↺') : null,
    h('small', { id: `${id}-help`, class: 'lever-help' }, `${d.help} Scenario: ${d.format(base)}.`));
}
