import type { ViewModel } from '../data/viewModel.ts';
import { byUnit } from '../charts/format.ts';
import type { CsvRow } from '../charts/frame.ts';

/** Columns of the per-phase tables: [platform, metric, header], in two groups so that each fits its card. */
const GROUPS: { caption: string; columns: [string, string, string][] }[] = [
  {
    caption: 'Money per phase, RMB/year (annualised)',
    columns: [
      ['taotian', 'gmv_per_year', 'GMV Taobao/\u200bTmall'], ['jd', 'gmv_per_year', 'GMV JD'], ['pdd', 'gmv_per_year', 'GMV Pinduoduo'], ['douyin', 'gmv_per_year', 'GMV Douyin'],
      ['red', 'gmv_per_year', 'GMV RED stores'], ['taotian', 'red_seeded_gmv_per_year', 'RED-seeded GMV on Taobao/\u200bTmall'],
      ['red', 'ad_revenue_per_year', 'RED ad revenue'], ['red', 'commission_per_year', 'RED commission'], ['red', 'refunds_per_year', 'RED ROI refunds'],
    ],
  },
  {
    caption: 'RED funnel rates (%), MAU (people) and trust (index 0–1) per phase',
    columns: [
      ['red', 'engagement_rate', 'Engagement rate'], ['red', 'link_out_ctr', 'Link-out CTR'], ['red', 'store_entry_rate', 'Store-entry rate'],
      ['red', 'purchase_conversion', 'Purchase conversion'], ['red', 'mau', 'RED MAU'], ['red', 'trust', 'Trust'],
    ],
  },
];

/**
 * Per-phase summary of the shown scenario in two tables (money; rates and users),
 * each the mean over replications with the ± half-width of the 95% interval on a
 * second line (2 or more replications). Numbers never wrap.
 */
export function phaseTableElement(doc: Document, view: ViewModel): HTMLElement {
  const arm = view.arms[view.arms.length - 1];
  const box = doc.createElement('div');
  box.setAttribute('class', 'phase-tables');
  for (const group of GROUPS) {
    const table = box.appendChild(doc.createElement('table'));
    table.setAttribute('class', 'phases');
    const cap = table.appendChild(doc.createElement('caption'));
    cap.textContent = `${group.caption}${view.reps > 1 ? `; mean and ± 95% half-width over ${view.reps} runs` : ''}`;
    const head = table.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
    for (const h of ['Phase', ...group.columns.map(([, , header]) => header)]) {
      const th = head.appendChild(doc.createElement('th')); th.setAttribute('scope', 'col'); th.textContent = h;
    }
    const body = table.appendChild(doc.createElement('tbody'));
    for (const period of view.periods) {
      const tr = body.appendChild(doc.createElement('tr'));
      const th = tr.appendChild(doc.createElement('th')); th.setAttribute('scope', 'row'); th.textContent = period.title;
      for (const [platform, metric] of group.columns) {
        const s = arm.figures.get('phases', period.key, platform, metric);
        const td = tr.appendChild(doc.createElement('td'));
        if (!s) { td.textContent = '–'; continue; }
        const f = byUnit(s.unit);
        const main = td.appendChild(doc.createElement('div'));
        main.setAttribute('class', 'num'); main.textContent = f(s.mean);
        if (Number.isFinite(s.hi) && s.hi > s.lo) {
          const sub = td.appendChild(doc.createElement('div'));
          sub.setAttribute('class', 'sub num'); sub.textContent = `± ${f((s.hi - s.lo) / 2)}`;
        }
      }
    }
  }
  return box;
}

/** The per-phase figures as tidy CSV rows (mean, lo, hi; empty bounds with one replication), in the table's order. */
export function phaseTableRows(view: ViewModel): CsvRow[] {
  const arm = view.arms[view.arms.length - 1];
  return view.periods.flatMap((p) => GROUPS.flatMap((g) => g.columns.map(([platform, metric]) => {
    const s = arm.figures.get('phases', p.key, platform, metric);
    const ok = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : '');
    return { phase: p.key, start: p.start, end: p.end, platform, metric, unit: s?.unit ?? '', mean: ok(s?.mean), lo: view.reps > 1 ? ok(s?.lo) : '', hi: view.reps > 1 ? ok(s?.hi) : '' };
  })));
}
