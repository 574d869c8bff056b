/**
 * Calendar helpers: day indices count from the scenario start (day 0), months and
 * years are calendar months and years. All pure integer arithmetic on UTC dates.
 */
const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. */
export function epochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** ISO date of an epoch day. */
export function isoOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return isoOfEpochDay(epochDay(s)) === s;
}

/** Per-day calendar facts for a span, precomputed once before day 1. */
export interface Calendar {
  readonly days: number;
  readonly startEpochDay: number;
  /** Month index from the start month, per day. */
  readonly monthOfDay: Int32Array;
  /** Calendar year per day. */
  readonly yearOfDay: Int32Array;
  /** `YYYY-MM` label per month index. */
  readonly monthLabels: string[];
  /** Fractional year (e.g. 2021.5) per day. */
  readonly yearFraction: Float64Array;
  /** Day-of-year (0-based) per day. */
  readonly dayOfYear: Int32Array;
  /** Days in each month of the span (clipped to the span). */
  readonly daysInMonth: Int32Array;
  readonly years: number[];
}

/** Build the calendar of [start, end] inclusive. */
export function createCalendar(start: string, end: string): Calendar {
  const s = epochDay(start);
  const days = epochDay(end) - s + 1;
  const monthOfDay = new Int32Array(days);
  const yearOfDay = new Int32Array(days);
  const yearFraction = new Float64Array(days);
  const dayOfYear = new Int32Array(days);
  const monthLabels: string[] = [];
  const years: number[] = [];
  const counts: number[] = [];
  let lastKey = '';
  for (let i = 0; i < days; i++) {
    const iso = isoOfEpochDay(s + i);
    const key = iso.slice(0, 7);
    if (key !== lastKey) { monthLabels.push(key); counts.push(0); lastKey = key; }
    counts[counts.length - 1]++;
    const y = Number(iso.slice(0, 4));
    if (years[years.length - 1] !== y) years.push(y);
    monthOfDay[i] = monthLabels.length - 1;
    yearOfDay[i] = y;
    const y0 = epochDay(`${y}-01-01`);
    const yLen = epochDay(`${y + 1}-01-01`) - y0;
    dayOfYear[i] = s + i - y0;
    yearFraction[i] = y + (s + i - y0) / yLen;
  }
  return { days, startEpochDay: s, monthOfDay, yearOfDay, monthLabels, yearFraction, dayOfYear, daysInMonth: Int32Array.from(counts), years };
}
