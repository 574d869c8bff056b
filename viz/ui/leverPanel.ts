import type { LeverWarning, PolicyState, ResolvedScenario } from '../../engine/index.ts';
import { LEVER_DEFS, valueAt, type LeverDef } from '../app/levers.ts';
import { clear, h } from './dom.ts';

/** The policy state a resolved scenario has in force on `date` (YYYY-MM-DD). */
export function stateAt(s: ResolvedScenario, date: string): PolicyState {
  let st = s.initial;
  for (const e of s.timeline) if (e.date <= date) st = e.state;
  return st;
}

/** Groups the user opened or closed, kept while the panel is re-rendered (a changed group is always open). */
const openGroups = new Map<string, boolean>();
const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);
const idOf = (path: string) => `lever-${path.replace(/\./g, '-')}`;

/**
 * Render the lever controls: one labelled control per lever, grouped in
 * disclosure sections, each showing the scenario's value on the what-if date
 * and, when changed, a reset button. `onChange` gets the new changed-lever map
 * (levers equal to the scenario's value are dropped). Keyboard focus survives re-rendering.
 */
export function renderLeverPanel(host: HTMLElement, o: { base: ResolvedScenario; from: string; levers: Record<string, number | string | boolean>; warnings?: readonly LeverWarning[]; onChange: (levers: Record<string, number | string | boolean>) => void }): void {
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
    const warned = defs.some((d) => o.warnings?.some((w) => w.path === d.path));
    const det = h('details', { class: `lever-group${changed ? ' changed' : ''}`, open: changed || (openGroups.get(group) ?? (group === 'Links to Taobao/Tmall' || group === 'RED ads')) },
      h('summary', {}, group, changed ? h('span', { class: 'badge', title: 'changed' }, '●') : null, warned ? h('span', { class: 'badge-warn', title: 'a change has no effect on some days' }, ' ⚠') : null));
    const picked = new Set<string>();
    for (const d of defs) {
      if (d.pick) {
        if (picked.has(d.pick.key)) continue;
        picked.add(d.pick.key);
        det.append(pickerRow(defs.filter((x) => x.pick?.key === d.pick!.key), o.levers, (x) => control(x, o.base, inForce, o.levers, o.warnings?.find((w) => w.path === x.path), commit)));
        continue;
      }
      det.append(control(d, o.base, inForce, o.levers, o.warnings?.find((w) => w.path === d.path), commit));
    }
    det.addEventListener('toggle', () => openGroups.set(group, det.open));
    host.append(det);
  }
  const extra = Object.keys(o.levers).filter((p) => !LEVER_DEFS.some((d) => d.path === p));
  if (extra.length) host.append(h('p', { class: 'note' }, `Also set by the link: ${extra.map((p) => `${p} = ${String(o.levers[p])}`).join(', ')}`));
  if (focused) document.getElementById(focused)?.focus();
}

/** The option each picker shows (by family key), kept while the panel is re-rendered. */
const pickerChoice = new Map<string, string>();

/**
 * A family of levers (LeverDef.pick) as one picker and the control of the picked option,
 * plus the controls of every changed option (so a change is never hidden). The picker
 * marks changed options with ●; choosing one shows its control without re-rendering.
 */
function pickerRow(defs: readonly LeverDef[], levers: Record<string, number | string | boolean>, make: (d: LeverDef) => HTMLElement): HTMLElement {
  const key = defs[0].pick!.key;
  const id = `${idOf(key)}-pick`;
  const changed = defs.filter((d) => d.path in levers);
  const choice = pickerChoice.get(key) ?? changed[0]?.pick!.option ?? defs[0].pick!.option;
  const controls = defs.map((d) => {
    const el = make(d);
    el.hidden = d.pick!.option !== choice && !(d.path in levers);
    return el;
  });
  const select = h('select', { id, 'aria-describedby': `${id}-help` }, ...defs.map((d) => h('option', { value: d.pick!.option, selected: d.pick!.option === choice }, `${d.pick!.optionLabel}${d.path in levers ? ' ●' : ''}`)));
  select.addEventListener('change', () => {
    pickerChoice.set(key, select.value);
    defs.forEach((d, i) => { controls[i].hidden = d.pick!.option !== select.value && !(d.path in levers); });
  });
  return h('div', { class: 'lever-family', 'data-family': key },
    h('div', { class: 'lever lever-picker' }, h('label', { for: id }, defs[0].pick!.label), select,
      h('small', { id: `${id}-help`, class: 'lever-help' }, `Pick a category to set its own eligible share${changed.length ? ` (changed: ${changed.map((d) => d.pick!.optionLabel).join(', ')})` : ''}.`)),
    ...controls);
}

/** The lever's values over the scenario's timeline: "none from 2018-01-01, organic from 2020-08-01, …". */
export function leverHistory(s: ResolvedScenario, d: LeverDef): string {
  const steps: string[] = [];
  let prev: unknown = valueAt(s.initial, d.path);
  steps.push(`${d.format(prev as number | string)} from ${s.start}`);
  for (const e of s.timeline) {
    if (e.date <= s.start) { prev = valueAt(e.state, d.path); steps[0] = `${d.format(prev as number | string)} from ${s.start}`; continue; }
    const v = valueAt(e.state, d.path);
    if (!same(v, prev)) steps.push(`${d.format(v)} from ${e.date}`);
    prev = v;
  }
  return steps.join(', ');
}

function control(d: LeverDef, scenario: ResolvedScenario, inForce: PolicyState, levers: Record<string, number | string | boolean>, warning: LeverWarning | undefined, commit: (path: string, v: number | string) => void): HTMLElement {
  const id = idOf(d.path);
  const base = valueAt(inForce, d.path);
  const changed = d.path in levers;
  const value = (changed ? levers[d.path] : base) as number | string;
  const out = h('output', { for: id, class: 'lever-value' }, d.format(value));
  let input: HTMLInputElement | HTMLSelectElement;
  if (d.kind === 'select') {
    input = h('select', { id, 'aria-describedby': warning ? `${id}-warning ${id}-help` : `${id}-help` }, ...d.options!.map((opt) => h('option', { value: opt, selected: opt === value }, opt)));
    input.addEventListener('change', () => commit(d.path, input.value));
  } else {
    input = h('input', { id, type: 'range', min: d.min!, max: d.max!, step: d.step!, value: String(value), 'aria-describedby': warning ? `${id}-warning ${id}-help` : `${id}-help` });
    input.addEventListener('input', () => { out.textContent = d.format(Number(input.value)); });
    input.addEventListener('change', () => commit(d.path, Number(input.value)));
  }
  return h('div', { class: `lever${changed ? ' changed' : ''}${warning ? ' warned' : ''}`, 'data-path': d.path },
    h('label', { for: id }, d.label), input, out,
    changed ? h('button', { type: 'button', class: 'lever-reset', id: `${id}-reset`, 'aria-label': `Reset ${d.group}: ${d.label} to the scenario's ${d.format(base)}`, title: `Reset to ${d.format(base)}`, onclick: () => commit(d.path, base) }, '↺') : null,
    warning ? h('p', { class: 'lever-warning', id: `${id}-warning`, role: 'note' }, `⚠ ${warning.message}`) : null,
    h('small', { id: `${id}-help`, class: 'lever-help' }, `${d.help}${d.needs ? ` Needs ${d.needs}.` : ''} In the scenario: ${leverHistory(scenario, d)}.`));
}
