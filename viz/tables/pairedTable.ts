import { pairedDiffs, pairedMetrics, type PairedDiff } from '../data/paired.ts';
import type { ViewModel } from '../data/viewModel.ts';
import { byUnit, pct, signed, METRIC_NAMES } from '../charts/format.ts';
import { PLATFORM_NAMES } from '../charts/palette.ts';

/** Text of one paired-difference cell: "+¥1.20B", its interval "[+¥0.90B, +¥1.50B]" and "+4.10% · ¥29.0B → ¥30.2B", or "no difference" when identical in every seed. */
function diffText(d: PairedDiff): { main: string; ci: string; sub: string; sign: 'up' | 'down' | 'none' | 'same' } {
  if (d.identical) return { main: 'no difference', ci: '', sub: 'identical in every seed', sign: 'same' };
  const f = byUnit(d.unit);
  const sd = (v: number) => signed(v, f);
  const ci = Number.isFinite(d.lo) ? `[${sd(d.lo)}, ${sd(d.hi)}]` : '';
  const rel = Number.isFinite(d.rel) ? `${signed(d.rel, pct)} · ` : '';
  const sign = !Number.isFinite(d.lo) ? 'none' : d.lo > 0 ? 'up' : d.hi < 0 ? 'down' : 'none';
  return { main: sd(d.diff), ci, sub: `${rel}${f(d.meanA)} → ${f(d.meanB)}`, sign };
}

/**
 * The table of paired differences what-if − baseline for one metric: one row per
 * common segment, one column per platform reporting the metric. A cell whose
 * 95% interval excludes zero is marked ▲ / ▼ (not by colour alone).
 */
export function pairedTableElement(doc: Document, view: ViewModel, metric: string): HTMLTableElement {
  const diffs = pairedDiffs(view, metric);
  const platforms = pairedMetrics().find((m) => m.metric === metric)?.platforms ?? [];
  const table = doc.createElement('table');
  table.setAttribute('class', 'paired');
  table.setAttribute('data-metric', metric);
  const cap = doc.createElement('caption');
  cap.textContent = `${METRIC_NAMES[metric] ?? metric} (${diffs[0]?.unit ?? ''}): what-if − baseline, mean of ${view.reps} seed pair${view.reps > 1 ? 's' : ''} [95% interval]`;
  table.appendChild(cap);
  const thead = table.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
  for (const h of ['Segment (phase)', ...platforms.map((p) => (p === 'red' && metric !== 'gmv_per_year' ? 'RED' : PLATFORM_NAMES[p] ?? p))]) {
    const th = doc.createElement('th'); th.textContent = h; th.setAttribute('scope', 'col'); thead.appendChild(th);
  }
  const tbody = table.appendChild(doc.createElement('tbody'));
  for (const period of view.periods.filter((p) => p.common)) {
    const tr = tbody.appendChild(doc.createElement('tr'));
    const th = doc.createElement('th'); th.setAttribute('scope', 'row'); th.textContent = period.title; tr.appendChild(th);
    for (const platform of platforms) {
      const td = tr.appendChild(doc.createElement('td'));
      const d = diffs.find((x) => x.period === period.key && x.platform === platform);
      if (!d) { td.textContent = '–'; continue; }
      const t = diffText(d);
      td.setAttribute('class', `diff-${t.sign}`);
      const main = td.appendChild(doc.createElement('div'));
      main.textContent = `${t.sign === 'up' ? '▲ ' : t.sign === 'down' ? '▼ ' : ''}${t.main}`;
      if (t.ci) { const ci = td.appendChild(doc.createElement('div')); ci.setAttribute('class', 'ci'); ci.textContent = t.ci; }
      const sub = td.appendChild(doc.createElement('div'));
      sub.setAttribute('class', 'sub'); sub.textContent = t.sub;
    }
  }
  return table;
}
