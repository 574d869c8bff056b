// Owns the per-phase summary of the Result: totals, yearly rates and RED's funnel ratios per policy phase, at real scale.
import { N_PLATFORMS, PATH_LINK, PATH_SEARCH, PLATFORMS, RED } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, sumPlatform } from './ledger.ts';
import { redRates } from './redRates.ts';
import type { PhaseRow } from './resultTypes.ts';
import { meanMau, rmbAt } from './scale.ts';

/** Every phase's rows: per platform, then RED's. `mau` is RED's MAU per month (scale.ts monthlyMau). */
export function phaseSummary(b: Books, mau: number[]): PhaseRow[] {
  const w = b.weight;
  const rmb = rmbAt(w);
  const rows: PhaseRow[] = [];
  b.phases.forEach((ph, k) => {
    const o = k * LEDGER_SIZE;
    const a = b.phaseAcc;
    const days = Math.max(1, b.phaseDays[k]);
    const perYear = 365.25 / days;
    const row = (platform: string, metric: string, unit: string, value: number) =>
      rows.push({ phase: ph.label, start: ph.start, end: ph.end, platform, metric, unit, value });
    for (let p = 0; p < N_PLATFORMS; p++) {
      const pl = PLATFORMS[p];
      const gmv = rmb(sumPlatform(a, o, L.gmv, p));
      row(pl, 'gmv', 'RMB', gmv);
      row(pl, 'gmv_per_year', 'RMB/year', gmv * perYear);
      row(pl, 'ad_revenue_per_year', 'RMB/year', rmb(a[o + L.adRevenue + p]) * perYear);
      row(pl, 'commission_per_year', 'RMB/year', rmb(a[o + L.commission + p]) * perYear);
      row(pl, 'orders_per_year', 'orders/year', sumPlatform(a, o, L.orders, p) * w * perYear);
      if (p !== RED) row(pl, 'red_seeded_gmv_per_year', 'RMB/year', rmb(sumPlatform(a, o, L.gmv, p, [PATH_LINK, PATH_SEARCH])) * perYear);
      row(pl, 'users', 'people', (a[o + L.adopters + p] / days) * w);
    }
    const r = redRates(a, o);
    row('red', 'refunds_per_year', 'RMB/year', rmb(a[o + L.refunds]) * perYear);
    row('red', 'own_store_gmv_per_year', 'RMB/year', rmb(sumPlatform(a, o, L.gmv, RED)) * perYear);
    row('red', 'engagement_rate', 'share', r.engagementRate);
    row('red', 'link_out_ctr', 'share', r.linkOutCtr);
    row('red', 'store_entry_rate', 'share', r.storeEntryRate);
    row('red', 'purchase_conversion', 'share', r.purchaseConversion);
    row('red', 'dau', 'people', (a[o + L.dau] / days) * w);
    const first = ph.start.slice(0, 7), last = ph.end.slice(0, 7);
    row('red', 'mau', 'people', meanMau(b, mau, (m) => m >= first && m <= last));
    row('red', 'trust', 'index 0-1', a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN);
    row('red', 'seeded_gmv_per_year', 'RMB/year', rmb(a[o + L.seededGmv]) * perYear);
  });
  return rows;
}
