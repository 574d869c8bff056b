import type { Result } from '../engine/index.ts';

/** Compact human number: 1.23T / 4.5B / 6.7M / 8.9K with the unit. */
export function human(v: number, unit = ''): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const s = a >= 1e12 ? `${(v / 1e12).toFixed(2)}T` : a >= 1e9 ? `${(v / 1e9).toFixed(1)}B` : a >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(v / 1e3).toFixed(1)}K` : v.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}
/** Percentage with two decimals. */
export const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '–');

/** Columns of the per-phase table: [header, platform, metric, formatter]. */
const COLUMNS: [string, string, string, (v: number) => string][] = [
  ['Taotian GMV/yr', 'taotian', 'gmv_per_year', (v) => human(v)],
  ['JD GMV/yr', 'jd', 'gmv_per_year', (v) => human(v)],
  ['PDD GMV/yr', 'pdd', 'gmv_per_year', (v) => human(v)],
  ['Douyin GMV/yr', 'douyin', 'gmv_per_year', (v) => human(v)],
  ['RED store GMV/yr', 'red', 'gmv_per_year', (v) => human(v)],
  ['RED-seeded Taotian GMV/yr', 'taotian', 'red_seeded_gmv_per_year', (v) => human(v)],
  ['RED ads/yr', 'red', 'ad_revenue_per_year', (v) => human(v)],
  ['RED commission/yr', 'red', 'commission_per_year', (v) => human(v)],
  ['RED refunds/yr', 'red', 'refunds_per_year', (v) => human(v)],
  ['engagement rate', 'red', 'engagement_rate', pct],
  ['link-out CTR', 'red', 'link_out_ctr', pct],
  ['store-entry rate', 'red', 'store_entry_rate', pct],
  ['purchase conv.', 'red', 'purchase_conversion', pct],
  ['RED MAU', 'red', 'mau', (v) => human(v)],
  ['trust', 'red', 'trust', (v) => (Number.isFinite(v) ? v.toFixed(3) : '–')],
];

/**
 * The per-phase table `run` prints: one row per phase, money in RMB per year
 * (annualised over the phase), rates in %, MAU in people, trust in [0, 1].
 */
export function phaseTable(r: Result): string {
  const value = (phase: string, platform: string, metric: string) =>
    r.phaseSummary.find((x) => x.phase === phase && x.platform === platform && x.metric === metric)?.value ?? NaN;
  const table = (cols: typeof COLUMNS) => {
    const header = ['phase', 'from', ...cols.map((c) => c[0])];
    const rows = r.phases.map((ph) => [ph.label, ph.start, ...cols.map(([, p, m, f]) => f(value(ph.label, p, m)))]);
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
    const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - displayWidth(s)) : ' '.repeat(w - displayWidth(s)) + s);
    const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i < 2)).join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  };
  return [
    `${r.manifest.scenarioTitle} — seed ${r.manifest.seed}, ${r.manifest.agents.toLocaleString('en-US')} user agents × ${human(r.manifest.weight)} people each`,
    '',
    'GMV and revenue, RMB per year (annualised over each phase, real scale):',
    table(COLUMNS.slice(0, 9)),
    '',
    'RED seeding funnel (rates in %), monthly active users (people) and trust (0–1):',
    table(COLUMNS.slice(9)),
  ].join('\n');
}

/** Terminal width of a string: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
