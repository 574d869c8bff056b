import { monthTitle } from '../charts/chartOptions.ts';
import { byUnit, pct, signed } from '../charts/format.ts';
import { headline, type Headline, type HeadlineRow } from '../data/headline.ts';
import { allArms, type ViewModel } from '../data/viewModel.ts';

/** Is the paired interval clear of zero: 'up', 'down', or 'unclear' (includes 0, or no interval). */
export function direction(r: HeadlineRow): 'up' | 'down' | 'unclear' | 'same' {
  if (r.identical) return 'same';
  if (!Number.isFinite(r.lo) || !Number.isFinite(r.hi)) return 'unclear';
  return r.lo > 0 ? 'up' : r.hi < 0 ? 'down' : 'unclear';
}

const fmtOf = (r: HeadlineRow) => (r.unit === 'index 0-1' || r.unit.startsWith('RMB GMV per RMB') ? (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–') : byUnit(r.unit));
const diffOf = (r: HeadlineRow) => signed(r.diff, fmtOf(r));
const relOf = (r: HeadlineRow) => (Number.isFinite(r.rel) ? signed(r.rel, pct) : '');
const lower = (s: string) => s.replace(/^RED (?!own)/, "RED's ").replace(/^Merchants'/, "merchants'").replace(/^Trust/, 'trust').replace(/^Note/, 'note');

/** The plain-language sentence of a headline. */
export function headlineSentence(h: Headline, reps: number, name = 'the what-if'): string {
  const Name = name[0].toUpperCase() + name.slice(1);
  if (!h.window) return `${Name} and the baseline have the same policies over their common span: nothing to compare.`;
  const span = `From ${monthTitle(h.window.from.slice(0, 7))} to ${monthTitle(h.window.to)}`;
  if (h.rows.every((r) => r.identical)) return `${span} ${name} and the baseline are identical in every seed: ${name === 'the what-if' ? 'the changed levers had' : 'its differences had'} no effect on these figures.`;
  if (reps < 2) return `${span}, with one seed pair there is no interval: set Replications to 3 or more to tell effects from noise.`;
  const clear = h.rows.filter((r) => { const d = direction(r); return d === 'up' || d === 'down'; })
    .sort((x, y) => Math.abs(y.rel || 0) - Math.abs(x.rel || 0));
  const unclear = h.rows.filter((r) => direction(r) === 'unclear');
  const say = (r: HeadlineRow) => `${lower(r.label)} ${direction(r) === 'up' ? 'rises' : 'falls'} by ${diffOf(r).replace(/^[+−]/, '')}${relOf(r) ? ` (${relOf(r)})` : ''}`;
  const parts: string[] = [];
  if (clear.length) parts.push(`${span}, compared with the baseline, ${clear.slice(0, 3).map(say).join('; ')}${clear.length > 3 ? `; ${clear.length - 3} more figure${clear.length > 4 ? 's' : ''} change clearly (below)` : ''}.`);
  else parts.push(`${span}, no figure changes clearly: every 95% interval includes zero.`);
  if (clear.length && unclear.length) parts.push(`No clear change in ${unclear.slice(0, 4).map((r) => lower(r.label)).join(', ')}${unclear.length > 4 ? ' and others' : ''} (interval includes zero).`);
  return parts.join(' ');
}

/**
 * The "what changed" headline of compare mode as an element (any Document: the
 * page's or the report's): a sentence, then one tile per figure with the paired
 * difference what-if − baseline over the window, its 95% interval and the two arms'
 * totals. ▲/▼ mark an interval clear of zero (not colour alone).
 */
export function headlineElement(doc: Document, view: ViewModel): HTMLElement {
  const h = headline(view);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Element, text?: string, cls?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.setAttribute('class', cls);
    parent.appendChild(e);
    return e;
  };
  const box = doc.createElement('div');
  box.setAttribute('class', 'headline');
  el('p', box, headlineSentence(h, view.reps), 'headline-sentence');
  if (!h.window) return box;
  el('p', box, `What-if − baseline, ${h.window.from} to the end of ${monthTitle(h.window.to)}: money summed over the window (merchants' RED spend and note-seeded GMV over its calendar years), trust and MAU averaged per month, ROI weighted by spend; [95% paired interval over ${view.reps} seed pair${view.reps > 1 ? 's' : ''}].`, 'note');
  const grid = el('div', box, undefined, 'headline-grid');
  for (const r of h.rows) {
    const d = direction(r);
    const tile = el('div', grid, undefined, `headline-tile dir-${d}`);
    tile.setAttribute('data-key', r.key);
    el('div', tile, r.label, 'ht-label');
    const f = fmtOf(r);
    const main = d === 'same' ? 'no difference' : `${d === 'up' ? '▲ ' : d === 'down' ? '▼ ' : ''}${diffOf(r)}${relOf(r) ? ` (${relOf(r)})` : ''}`;
    el('div', tile, main, 'ht-diff');
    if (d !== 'same') el('div', tile, Number.isFinite(r.lo) ? `95%: [${signed(r.lo, f)}, ${signed(r.hi, f)}]` : 'no interval (one seed pair)', 'ht-ci');
    el('div', tile, `${f(r.meanA)} → ${f(r.meanB)}${r.how === 'mean' ? ' (monthly mean)' : r.how === 'sum' ? ' in total' : ''}`, 'ht-arms');
  }
  return box;
}

/**
 * The "what changed" headline of every further arm (compare mode with more than two
 * arms), as an element: a table with one row per headline figure and one column per
 * arm (what-if, arm 3, arm 4), each cell the difference arm − baseline over that arm's
 * window with its 95% paired interval (▲/▼ when clear of zero), then one sentence per
 * further arm (the what-if's sentence and tiles follow, headlineElement).
 * Empty (a bare div) with two arms.
 */
export function armsHeadlineElement(doc: Document, view: ViewModel): HTMLElement {
  const box = doc.createElement('div');
  box.setAttribute('class', 'arms-headline');
  const arms = allArms(view).slice(1);
  if (view.mode !== 'compare' || arms.length < 2) return box;
  const heads = arms.map((_, j) => headline(view, j + 1));
  const add = (parent: Element, tag: string, text: string, cls?: string) => { const e = doc.createElement(tag); e.textContent = text; if (cls) e.setAttribute('class', cls); parent.appendChild(e); return e; };
  add(box, 'h3', `${arms.length} arms against the baseline (${view.arms[0].scenario.title})`, 'arms-title');
  const wrap = add(box, 'div', '', 'table-wrap');
  const table = add(wrap, 'table', '', 'arms');
  const tr0 = add(add(table, 'thead', ''), 'tr', '');
  add(tr0, 'th', 'Figure (arm − baseline, over each arm\'s window)').setAttribute('scope', 'col');
  arms.forEach((a, j) => { const th = add(tr0, 'th', a.label === 'What-if' ? `What-if: ${a.scenario.title}` : a.label); th.setAttribute('scope', 'col'); th.setAttribute('data-arm', String(j + 1)); });
  const body = add(table, 'tbody', '');
  for (const [i, r0] of heads[0].rows.entries()) {
    const tr = add(body, 'tr', '');
    add(tr, 'th', `${r0.label} (${r0.how === 'sum' ? `${r0.unit}, total` : r0.how === 'mean' ? `${r0.unit}, monthly mean` : r0.unit})`).setAttribute('scope', 'row');
    for (const hd of heads) {
      const r = hd.rows[i];
      const td = add(tr, 'td', '');
      if (!r) { td.textContent = '–'; continue; }
      const d = direction(r);
      td.setAttribute('class', `diff-${d === 'up' ? 'up' : d === 'down' ? 'down' : d === 'same' ? 'same' : 'none'}`);
      add(td, 'div', d === 'same' ? 'no difference' : `${d === 'up' ? '▲ ' : d === 'down' ? '▼ ' : ''}${diffOf(r)}`);
      if (d !== 'same' && Number.isFinite(r.lo)) add(td, 'div', `[${signed(r.lo, fmtOf(r))}, ${signed(r.hi, fmtOf(r))}]`, 'ci');
      if (relOf(r)) add(td, 'div', relOf(r), 'sub');
    }
  }
  heads.forEach((hd, j) => {
    if (j === 0) return; // the what-if's sentence and tiles follow below
    const p = add(box, 'p', '', 'arm-sentence');
    p.setAttribute('data-arm', String(j + 1));
    add(p, 'strong', `${arms[j].label === 'What-if' ? 'What-if' : arms[j].label}: `);
    p.appendChild(doc.createTextNode(headlineSentence(hd, view.reps, j === 0 ? 'the what-if' : `arm ${j + 2}`)));
  });
  return box;
}
