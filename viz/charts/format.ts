/** Number formats with units for axes, tooltips and tables. */

const SCALES: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/**
 * Compact number with `digits` significant digits (default 3), trailing zeros kept
 * so that numbers side by side have the same precision: 1.23T, 4.40T, 45.6B, 910.
 * A value that rounds up to the next scale moves to it (999.6M → 1.00B, never 1000M).
 * `trim` drops trailing zeros (axis ticks: ¥5B, ¥10B).
 */
export function compact(v: number, digits = 3, trim = false): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a === 0) return '0';
  const out = (s: string) => (trim ? trimZeros(s) : s);
  for (let k = SCALES.length - 1; k >= -1; k--) {
    // Smallest scale whose rounded mantissa stays below 1000 (the next scale up takes it otherwise).
    const [s, suffix] = k >= 0 ? SCALES[k] : [1, ''];
    if (k < 0 && a < 1e-3) break;
    if (k >= 0 && a < s * (1 - 0.5 * 10 ** -digits)) continue;
    const next = SCALES[k - 1];
    const text = fixed(v / s, digits);
    if (Math.abs(Number(text)) >= 1000 && next) continue;
    if (k < 0 && a >= 1000) continue;
    return out(`${text}${suffix}`);
  }
  return out(v.toPrecision(digits));
}

/** `digits` significant digits without exponent notation (at least the integer part). */
function fixed(x: number, digits: number): string {
  const intDigits = Math.floor(Math.log10(Math.abs(x))) + 1;
  const s = x.toFixed(Math.max(0, digits - intDigits));
  // Rounding can add a digit (9.995 → 10.00): keep the number of significant digits.
  const back = Number(s);
  const intAfter = Math.floor(Math.log10(Math.abs(back) || 1)) + 1;
  return intAfter > intDigits ? back.toFixed(Math.max(0, digits - intAfter)) : s;
}

/** Drop trailing zeros of the number in a formatted value (axis ticks): "¥10.0B" → "¥10B", "2.50%" → "2.5%". */
export const trimZeros = (s: string) => s.replace(/(\.\d*?)0+(?=[^\d]*$)/, '$1').replace(/\.(?=[^\d]*$)/, '');

/** Money in RMB: ¥1.23T (negative: −¥4.50B); `trim` for axis ticks. */
export const rmb = (v: number, digits = 3, trim = false) => (!Number.isFinite(v) ? '–' : v < 0 ? `−¥${compact(-v, digits, trim)}` : `¥${compact(v, digits, trim)}`);

/** A money axis tick: ¥0, ¥5B, ¥2.5B, −¥10B. */
export const rmbTick = (v: number) => rmb(v, 3, true);

/** A share in [0, 1] as a percentage with sensible precision: 12.3%, 4.20%, 0.042%. */
export function pct(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const p = v * 100, a = Math.abs(p);
  const s = a === 0 ? '0' : a >= 9.995 ? p.toFixed(1) : a >= 1 ? p.toFixed(2) : p.toPrecision(2);
  return `${s}%`;
}

/** People: 230M people. */
export const people = (v: number) => `${compact(v)} people`;

/** Signed value for differences: +¥1.20B, −3.40%. */
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
