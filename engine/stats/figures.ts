/** Every figure of a Result as tidy FigureRows (figuresOf, merchantRoi) and figureKey, which identifies a figure across replications. */
import type { Result } from '../metrics/result.ts';

/** Which part of a Result a figure comes from. */
export type FigureTable = 'phases' | 'series' | 'funnel' | 'red' | 'groups' | 'creators' | 'merchant_roi' | 'incrementality';

/**
 * One figure of a run as a tidy row. `period` is a phase label (tables phases,
 * funnel), a month YYYY-MM (series) or a year (red, groups, creators, merchant_roi).
 */
export interface FigureRow {
  table: FigureTable;
  period: string;
  platform: string;
  category: string;
  metric: string;
  unit: string;
  value: number;
}

/** Units of the numeric fields of RedYearRow and GroupRow (by field name). */
const FIELD_UNITS: Record<string, string> = {
  adRevenueRmb: 'RMB', commissionRmb: 'RMB', salesRevenueRmb: 'RMB', refundsRmb: 'RMB', revenueRmb: 'RMB',
  adShareOfRevenue: 'share', noteSeededUserShare: 'share',
  redActiveUsersTier1: 'people', redActiveUsersTier2: 'people', redActiveUsersTier3: 'people', noteSeededShareTier1: 'share', noteSeededShareTier2: 'share', noteSeededShareTier3: 'share', ownStoreShareOfSeeded: 'share', mauAvg: 'people', dauAvg: 'people',
  trustAvg: 'index 0-1', creatorIncomeRmb: 'RMB', jointAdvertisersDailyAvg: 'merchant agents', ownStoreGmvRmb: 'RMB', seededGmvRmb: 'RMB', userSpendRmb: 'RMB/year',
  redUsersTier1: 'people', redUsersTier2: 'people', redUsersTier3: 'people', userSpendTier1: 'RMB/year', userSpendTier2: 'RMB/year', userSpendTier3: 'RMB/year',
  merchants: 'merchant agents', adImpressions: 'impressions', adClicks: 'clicks', adEngagements: 'engagements', ctr: 'share',
  engagementRate: 'share', noteEngagements: 'engagements', linkOuts: 'link-outs', storeEntries: 'store entries', orders: 'orders', gmvRmb: 'RMB',
};

/** The key of a figure (everything but unit and value), stable across replications. */
export function figureKey(f: Omit<FigureRow, 'unit' | 'value'>): string {
  return `${f.table}\u0000${f.period}\u0000${f.platform}\u0000${f.category}\u0000${f.metric}`;
}

/**
 * Every figure of a Result as tidy rows: per-phase summaries, monthly series,
 * funnel counts (metric `<path>_<stage>`), RED's yearly figures, feed-ad
 * groups, creator tiers, the merchants' RED ROI per year (see merchantRoi) and note-seeded
 * GMV per year and platform, attributed and incremental (table `incrementality`).
 */
export function figuresOf(r: Result): FigureRow[] {
  const out: FigureRow[] = [];
  for (const x of r.phaseSummary) out.push({ table: 'phases', period: x.phase, platform: x.platform, category: 'all', metric: x.metric, unit: x.unit, value: x.value });
  for (const x of r.series) out.push({ table: 'series', period: x.period, platform: x.platform, category: x.category, metric: x.metric, unit: x.unit, value: x.value });
  for (const x of r.funnel) out.push({ table: 'funnel', period: x.phase, platform: x.platform, category: x.category, metric: `${x.path}_${x.stage}`, unit: 'count', value: x.count });
  for (const y of r.red) {
    for (const [k, v] of Object.entries(y)) if (k !== 'year') out.push({ table: 'red', period: String(y.year), platform: 'red', category: 'all', metric: k, unit: FIELD_UNITS[k] ?? '', value: v as number });
  }
  for (const g of r.groups) {
    for (const [k, v] of Object.entries(g)) if (k !== 'year' && k !== 'group') out.push({ table: 'groups', period: String(g.year), platform: 'red', category: g.group, metric: k, unit: FIELD_UNITS[k] ?? '', value: v as number });
  }
  for (const c of r.creators) {
    out.push({ table: 'creators', period: String(c.year), platform: 'red', category: c.tier, metric: 'income_per_creator', unit: 'RMB', value: c.incomeRmbPerCreator });
    out.push({ table: 'creators', period: String(c.year), platform: 'red', category: c.tier, metric: 'active_share', unit: 'share', value: c.activeShare });
  }
  out.push(...merchantRoi(r));
  // note-seeded GMV per year and platform, all seeding routes: attributed and its incremental part
  for (const x of r.incrementality) {
    if (x.kind !== 'year' || x.channel !== 'all') continue;
    const base = { table: 'incrementality' as const, period: x.period, platform: x.platform, category: 'all', unit: 'RMB' };
    out.push({ ...base, metric: 'seeded_gmv_attributed', value: x.attributedGmvRmb });
    out.push({ ...base, metric: 'seeded_gmv_incremental', value: x.incrementalGmvRmb });
  }
  return out;
}

/**
 * Merchants' RED ROI per year, by the merchant's home platform and for all
 * merchants: RED-seeded GMV of paid notes and ads per RMB of RED ad spend,
 * spend-weighted over merchants with RED spend (Σ roi·spend / Σ spend), true and
 * as the merchants can trace it (observed). Also their RED ad spend (RMB), and RED's share of
 * all merchants' ad spend per year, overall and for data-programme members and the others
 * (NaN for a group without ad spend, e.g. members before any programme).
 * The Result keeps merchants per year only, so this figure has no per-phase form.
 */
export function merchantRoi(r: Result): FigureRow[] {
  const acc = new Map<string, { spend: number; trueGmv: number; observedGmv: number }>();
  for (const m of r.merchants) {
    if (!(m.redAdSpendRmb > 0)) continue;
    for (const platform of [m.home, 'all']) {
      const k = `${m.year}\u0000${platform}`;
      const a = acc.get(k) ?? { spend: 0, trueGmv: 0, observedGmv: 0 };
      a.spend += m.redAdSpendRmb;
      a.trueGmv += m.redRoiTrue * m.redAdSpendRmb;
      a.observedGmv += m.redRoiObserved * m.redAdSpendRmb;
      acc.set(k, a);
    }
  }
  const out: FigureRow[] = [];
  // RED's share of merchants' ad budgets (own spend on RED feed ads and sponsored notes over all their ad spend), by data-programme membership
  const shares = new Map<string, number[]>(); // year → [red, all] × (all, program, other)
  for (const m of r.merchants) {
    const s = shares.get(String(m.year)) ?? [0, 0, 0, 0, 0, 0];
    const g = m.program ? 2 : 4;
    s[0] += m.redAdSpendRmb; s[1] += m.adSpendRmb; s[g] += m.redAdSpendRmb; s[g + 1] += m.adSpendRmb;
    shares.set(String(m.year), s);
  }
  for (const [period, s] of [...shares.entries()].sort()) {
    const base = { table: 'merchant_roi' as const, period, platform: 'all', category: 'all' };
    out.push({ ...base, metric: 'red_budget_share', unit: 'share', value: s[0] / s[1] });
    out.push({ ...base, metric: 'red_budget_share_program', unit: 'share', value: s[2] / s[3] });
    out.push({ ...base, metric: 'red_budget_share_other', unit: 'share', value: s[4] / s[5] });
  }
  for (const [k, a] of [...acc.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const [period, platform] = k.split('\u0000');
    const base = { table: 'merchant_roi' as const, period, platform, category: 'all' };
    out.push({ ...base, metric: 'merchant_roi_true', unit: 'RMB GMV per RMB', value: a.trueGmv / a.spend });
    out.push({ ...base, metric: 'merchant_roi_observed', unit: 'RMB GMV per RMB', value: a.observedGmv / a.spend });
    out.push({ ...base, metric: 'red_ad_spend', unit: 'RMB', value: a.spend });
  }
  return out;
}
