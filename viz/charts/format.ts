/** Number formats with units for axes, tooltips and tables. */

const SCALES: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** Compact number: 1.23T, 45.6B, 7.8M, 910; `digits` significant digits (default 3). */
export function compact(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  for (const [s, suffix] of SCALES) if (a >= s) return `${fixed(v / s, digits)}${suffix}`;
  if (a === 0) return '0';
  return a >= 1 ? fixed(v, digits) : trim(v.toPrecision(2));
}

/** `digits` significant digits without exponent notation (at least the integer part). */
function fixed(x: number, digits: number): string {
  const intDigits = Math.floor(Math.log10(Math.abs(x))) + 1;
  return trim(x.toFixed(Math.max(0, digits - intDigits)));
}

const trim = (s: string) => (s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s);

/** Money in RMB: ¥1.23T (negative: −¥4.5B). */
export const rmb = (v: number, digits = 3) => (!Number.isFinite(v) ? '–' : v < 0 ? `−¥${compact(-v, digits)}` : `¥${compact(v, digits)}`);

/** A share in [0, 1] as a percentage with sensible precision: 12.3%, 0.042%. */
export function pct(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const p = v * 100, a = Math.abs(p);
  const s = a === 0 ? '0' : a >= 10 ? p.toFixed(1) : a >= 1 ? p.toFixed(2) : trim(p.toPrecision(2));
  return `${s}%`;
}

/** People: 230M people. */
export const people = (v: number) => `${compact(v)} people`;

/** Signed value for differences: +¥1.2B, −3.4%. */
export function signed(v: number, fmt: (x: number) => string): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return fmt(0);
  return v > 0 ? `+${fmt(v)}` : `−${fmt(-v).replace(/^−/, '')}`;
}

/** Format a value of a figure by its unit string (as in the Result: RMB, RMB/year, share, people, index 0-1…). */
export function byUnit(unit: string): (v: number) => string {
  if (unit.startsWith('RMB/') || unit === 'RMB') return (v) => rmb(v);
  if (unit === 'share') return pct;
  if (unit === 'people') return (v) => compact(v);
  if (unit === 'index 0-1') return (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');
  if (unit.startsWith('RMB GMV per RMB')) return (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
  return (v) => compact(v);
}

/** Human name of a metric key. */
export const METRIC_NAMES: Record<string, string> = {
  gmv_per_year: 'GMV', red_seeded_gmv_per_year: 'RED-seeded GMV', ad_revenue_per_year: 'Ad revenue', commission_per_year: 'Commission',
  refunds_per_year: 'ROI refunds', seeded_gmv_per_year: 'Note-seeded GMV (all platforms)', engagement_rate: 'Engagement rate',
  link_out_ctr: 'Link-out CTR', store_entry_rate: 'Store-entry rate', purchase_conversion: 'Purchase conversion', trust: 'Trust', mau: 'MAU',
};
