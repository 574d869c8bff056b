import { human, pct } from '../format.ts';

/** Format a value by its unit: money and counts compact (1.23T), shares in %, indices and ratios with 3 decimals. */
export function fmtValue(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'share') return pct(v);
  if (unit === 'index 0-1' || unit === 'RMB GMV per RMB') return v.toFixed(3);
  return human(v);
}

/** Format a difference with its sign (+1.2B, −0.35%, +0.012). Shares are differences in percentage points (pp). */
export function fmtDiff(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '–';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const a = Math.abs(v);
  if (unit === 'share') return `${sign}${(a * 100).toFixed(2)}pp`;
  return sign + fmtValue(a, unit);
}

/** Format an interval [lo, hi]. */
export function fmtInterval(lo: number, hi: number, unit: string, diff = false): string {
  const f = diff ? fmtDiff : fmtValue;
  return Number.isFinite(lo) && Number.isFinite(hi) ? `[${f(lo, unit)}, ${f(hi, unit)}]` : '–';
}

/** A plain text table: first `leftCols` columns left-aligned, the rest right-aligned (CJK counts as two columns). */
export function textTable(header: string[], rows: string[][], leftCols = 1): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - displayWidth(s)) : ' '.repeat(w - displayWidth(s)) + s);
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? '', widths[i], i < leftCols)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Readable names of the compared metrics (platform, metric) → label. */
export function metricLabel(platform: string, metric: string): string {
  const P: Record<string, string> = { red: 'RED', taotian: 'Taotian', jd: 'JD', pdd: 'PDD', douyin: 'Douyin', all: 'all platforms' };
  const M: Record<string, string> = {
    gmv_per_year: 'GMV/yr', red_seeded_gmv_per_year: 'RED-seeded GMV/yr', ad_revenue_per_year: 'ad revenue/yr', commission_per_year: 'commission/yr',
    refunds_per_year: 'ROI refunds/yr', seeded_gmv_per_year: 'note-seeded GMV/yr (all platforms)', engagement_rate: 'engagement rate', link_out_ctr: 'link-out CTR',
    store_entry_rate: 'store-entry rate', purchase_conversion: 'purchase conversion', trust: 'user trust', mau: 'MAU', own_store_gmv_per_year: 'own-store GMV/yr',
    merchant_roi_true: 'RED ROI (true)', merchant_roi_observed: 'RED ROI (observed)', red_ad_spend: 'RED ad spend',
    revenueRmb: 'revenue (ads − refunds + commission + sales)', trustAvg: 'user trust',
    red_budget_share: 'RED share of ad budgets', red_budget_share_program: 'RED share of ad budgets', red_budget_share_other: 'RED share of ad budgets',
    seeded_gmv_attributed: 'note-seeded GMV, attributed', seeded_gmv_incremental: 'note-seeded GMV, incremental',
  };
  if (metric.endsWith('_saar')) return `${metricLabel(platform, metric.replace(/_saar$/, '_per_year'))} SAAR`;
  const merchants = metric.startsWith('merchant_roi') || metric === 'red_ad_spend' || metric === 'red_budget_share';
  const group: Record<string, string> = { red_budget_share_program: 'data-programme members\'', red_budget_share_other: 'other merchants\'' };
  const who = platform === 'red' && metric === 'gmv_per_year' ? 'RED own-store'
    : group[metric] ?? (merchants ? `${platform === 'all' ? 'all' : P[platform] ?? platform} merchants'` : P[platform] ?? platform);
  return `${who} ${M[metric] ?? metric}`;
}
