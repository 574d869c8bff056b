import type { FigureTable } from '../../engine/index.ts';
import { pairedRow } from '../../engine/stats/pairedRow.ts';
import { pct, rmb, signed } from '../charts/format.ts';
import { headline } from '../data/headline.ts';
import { PNL_PARTIES, PNL_TABLE } from '../data/runFigures.ts';
import type { Arm, ViewModel } from '../data/viewModel.ts';

const PARTY_NAMES: Record<string, string> = { red: 'RED', taotian: 'Taotian (Taobao/Tmall)', merchants: 'Merchants (all)' };
const WHERE: Record<string, string> = { red: 'RED', taotian: 'Taobao/Tmall', jd: 'JD', pdd: 'Pinduoduo', douyin: 'Douyin', merchants: 'merchants' };
const WHAT: Record<string, string> = {
  purchase: 'sales', sales: 'own sales', commission: 'commission', goods: 'goods cost', refund: 'ROI-guarantee refunds', coupon: 'coupons', matching: 'matching',
  redFeed: 'RED feed ads', noteFee: 'RED fee on sponsored notes', noteCreators: 'sponsored notes (creators)', buyerCommission: 'buyers\' commission', search: 'search ads', douyin: 'Douyin ads',
};

/** A P&L line in words: "revenue:ads.redFeed" → "Revenue: RED feed ads"; "cost:commission.taotian" → "Cost: commission (Taobao/Tmall)". */
export function pnlLabel(item: string): string {
  if (item === 'revenue' || item === 'cost' || item === 'net') return { revenue: 'Revenue, total', cost: 'Cost, total', net: 'Net (revenue − cost)' }[item];
  const [side, rest = ''] = item.split(':');
  const parts = rest.split('.');
  const head = side === 'revenue' ? 'Revenue' : side === 'cost' ? 'Cost' : side.replace(/_/g, ' ');
  if (rest === 'commission.redLinked') return `${head}: commission on linked GMV`;
  const what = parts[0] === 'ads' ? WHAT[parts[1]] ?? parts[1] : WHAT[parts[0]] ?? parts[0];
  const where = parts[0] === 'ads' ? parts[2] : parts[1];
  return `${head}: ${what}${where && WHERE[where] && !what.includes(WHERE[where]) ? ` (${WHERE[where]})` : ''}`;
}

/** Lines of a party's P&L, in order: revenue lines, cost lines, then the totals. */
function lines(arms: readonly Arm[], party: string): string[] {
  const items = new Set<string>();
  for (const a of arms) for (const s of a.figures.all()) if (s.table === PNL_TABLE && s.platform === party && /^(revenue|cost)[:]/.test(s.metric)) items.add(s.metric);
  const sorted = [...items].sort((x, y) => (x.startsWith('revenue') === y.startsWith('revenue') ? x.localeCompare(y) : x.startsWith('revenue') ? -1 : 1));
  return [...sorted, 'revenue', 'cost', 'net'];
}

/** Per-seed sum of a P&L line over years. */
const perSeed = (arm: Arm, years: readonly string[], party: string, item: string) => {
  const out = new Array<number>(arm.figures.reps).fill(0);
  for (const y of years) { const s = arm.figures.get(PNL_TABLE as FigureTable, y, party, item); for (let i = 0; i < out.length; i++) out[i] += s ? s.values[i] : 0; }
  return out;
};

/**
 * The P&L of each party (RED, Taotian, the merchants) from the engine's money flows,
 * RMB: single mode, one column per year (mean over replications); compare mode, the
 * baseline over the headline's window and what-if − baseline with its paired 95%
 * interval. Any Document (page or report).
 */
export function pnlTableElement(doc: Document, view: ViewModel): HTMLElement {
  const box = doc.createElement('div');
  box.setAttribute('class', 'pnl-tables');
  const arm = view.arms[view.arms.length - 1];
  const years = [...new Set(arm.figures.all().filter((s) => s.table === PNL_TABLE).map((s) => s.period))].sort();
  const window = view.mode === 'compare' ? headline(view).window : null;
  const cell = (tr: Element, tag: 'td' | 'th', text: string, cls?: string) => { const c = tr.appendChild(doc.createElement(tag)); c.textContent = text; if (cls) c.setAttribute('class', cls); return c; };
  for (const party of PNL_PARTIES) {
    const table = box.appendChild(doc.createElement('table'));
    table.setAttribute('class', 'pnl');
    table.setAttribute('data-party', party);
    const cap = table.appendChild(doc.createElement('caption'));
    const head = table.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
    cell(head, 'th', PARTY_NAMES[party]).setAttribute('scope', 'col');
    const body = table.appendChild(doc.createElement('tbody'));
    if (view.mode === 'compare') {
      if (!window) { cap.textContent = `${PARTY_NAMES[party]}: the arms do not differ`; continue; }
      cap.textContent = `${PARTY_NAMES[party]}, RMB summed over ${window.years[0]}–${window.years[window.years.length - 1]} (calendar years from the first difference): baseline, and what-if − baseline [95% paired interval]`;
      for (const h of ['Baseline', 'What-if − baseline']) cell(head, 'th', h).setAttribute('scope', 'col');
      for (const item of lines(view.arms, party)) {
        const tr = body.appendChild(doc.createElement('tr'));
        if (item === 'net') tr.setAttribute('class', 'pnl-net');
        cell(tr, 'th', pnlLabel(item)).setAttribute('scope', 'row');
        const r = pairedRow(perSeed(view.arms[0], window.years, party, item), perSeed(view.arms[1], window.years, party, item));
        cell(tr, 'td', rmb(r.meanA), 'num');
        const d = cell(tr, 'td', '');
        if (r.identical) { d.textContent = 'no difference'; continue; }
        const main = d.appendChild(doc.createElement('div')); main.setAttribute('class', 'num');
        main.textContent = `${signed(r.diff, rmb)}${Number.isFinite(r.relDiff) ? ` (${signed(r.relDiff, pct)})` : ''}`;
        if (Number.isFinite(r.diffLo)) { const ci = d.appendChild(doc.createElement('div')); ci.setAttribute('class', 'ci'); ci.textContent = `[${signed(r.diffLo, rmb)}, ${signed(r.diffHi, rmb)}]`; }
      }
    } else {
      cap.textContent = `${PARTY_NAMES[party]}, RMB per year${view.reps > 1 ? `, mean of ${view.reps} runs` : ''}`;
      for (const y of years) cell(head, 'th', y).setAttribute('scope', 'col');
      for (const item of lines(view.arms, party)) {
        const tr = body.appendChild(doc.createElement('tr'));
        if (item === 'net') tr.setAttribute('class', 'pnl-net');
        cell(tr, 'th', pnlLabel(item)).setAttribute('scope', 'row');
        for (const y of years) cell(tr, 'td', rmb(arm.figures.get(PNL_TABLE as FigureTable, y, party, item)?.mean ?? NaN), 'num');
      }
    }
  }
  return box;
}
