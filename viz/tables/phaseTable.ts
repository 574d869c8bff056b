import type { ViewModel } from '../data/viewModel.ts';
import { byUnit } from '../charts/format.ts';

/** Columns of the per-phase table: [platform, metric, header]. */
const COLUMNS: [string, string, string][] = [
  ['taotian', 'gmv_per_year', 'GMV Taobao/Tmall'], ['jd', 'gmv_per_year', 'GMV JD'], ['pdd', 'gmv_per_year', 'GMV Pinduoduo'], ['douyin', 'gmv_per_year', 'GMV Douyin'],
  ['red', 'gmv_per_year', 'GMV RED stores'], ['taotian', 'red_seeded_gmv_per_year', 'RED-seeded GMV on Taobao/Tmall'],
  ['red', 'ad_revenue_per_year', 'RED ad revenue'], ['red', 'commission_per_year', 'RED commission'], ['red', 'refunds_per_year', 'RED ROI refunds'],
  ['red', 'engagement_rate', 'Engagement rate'], ['red', 'link_out_ctr', 'Link-out CTR'], ['red', 'store_entry_rate', 'Store-entry rate'],
  ['red', 'purchase_conversion', 'Purchase conversion'], ['red', 'mau', 'RED MAU'], ['red', 'trust', 'Trust'],
];

/**
 * Per-phase summary of the shown scenario: GMV per year by platform, RED's
 * revenue per year, funnel rates, MAU and trust, each the mean over replications
 * (± half-width of the 95% interval with 2 or more).
 */
export function phaseTableElement(doc: Document, view: ViewModel): HTMLTableElement {
  const arm = view.arms[view.arms.length - 1];
  const table = doc.createElement('table');
  table.setAttribute('class', 'phases');
  const cap = doc.createElement('caption');
  cap.textContent = `Per phase: money in RMB/year (annualised), rates in %, MAU in people, trust 0–1${view.reps > 1 ? `; mean ± 95% half-width over ${view.reps} runs` : ''}`;
  table.appendChild(cap);
  const head = table.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
  for (const h of ['Phase', ...COLUMNS.map(([, , header]) => header)]) {
    const th = doc.createElement('th'); th.setAttribute('scope', 'col'); th.textContent = h; head.appendChild(th);
  }
  const body = table.appendChild(doc.createElement('tbody'));
  for (const period of view.periods) {
    const tr = body.appendChild(doc.createElement('tr'));
    const th = doc.createElement('th'); th.setAttribute('scope', 'row'); th.textContent = period.title; tr.appendChild(th);
    for (const [platform, metric] of COLUMNS) {
      const s = arm.figures.get('phases', period.key, platform, metric);
      const td = tr.appendChild(doc.createElement('td'));
      if (!s) { td.textContent = '–'; continue; }
      const f = byUnit(s.unit);
      td.textContent = Number.isFinite(s.hi) && s.hi > s.lo ? `${f(s.mean)} ± ${f((s.hi - s.lo) / 2)}` : f(s.mean);
    }
  }
  return table;
}
