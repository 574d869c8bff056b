/** Seasonally adjusted annual rates of per-phase money figures (saarFigures) from the model's demand calendar (seasonalDays). */
import { createCalendar, epochDay, isoOfEpochDay } from '../calendar.ts';
import type { Result } from '../metrics/result.ts';
import type { Parameters } from '../scenario/parameters.ts';
import { seasonality } from '../season.ts';
import type { FigureRow } from './figures.ts';

/** How a seasonally fair phase figure is computed (the `basis` field of its rows). */
export const SAAR_BASIS = 'saar' as const;

const yearMean = new Map<string, number>();

/** Mean daily demand multiplier of calendar year y (618, Double 11, Chinese New Year; 1 elsewhere). */
function meanOfYear(y: number, params: Parameters): number {
  const k = `${y}\u0000${params['season.618']}\u0000${params['season.double11']}\u0000${params['season.newYear']}`;
  let m = yearMean.get(k);
  if (m === undefined) {
    const cal = createCalendar(`${y}-01-01`, `${y}-12-31`);
    const s = seasonality(cal, params, (d) => isoOfEpochDay(cal.startEpochDay + d));
    m = s.reduce((a, b) => a + b, 0) / s.length;
    yearMean.set(k, m);
  }
  return m;
}

/**
 * Seasonally weighted days of [start, end]: Σ over the days of s(d) / s̄(year of d), s the
 * engine's daily demand multiplier (engine/season.ts: 618 Jun 1–18, Double 11 Nov 1–11, the 14
 * days from Chinese New Year's eve) and s̄ its mean over that calendar year. A full calendar year
 * has as many weighted days as days; a span with Double 11 has more, one with only ordinary days fewer.
 */
export function seasonalDays(start: string, end: string, params: Parameters): number {
  const cal = createCalendar(start, end);
  const s = seasonality(cal, params, (d) => isoOfEpochDay(cal.startEpochDay + d));
  let w = 0;
  for (let d = 0; d < cal.days; d++) w += s[d] / meanOfYear(cal.yearOfDay[d], params);
  return w;
}

/**
 * Every per-phase money rate of a Result (`<x>_per_year`, RMB/year = phase total × 365.25 /
 * days) also as a seasonally adjusted annual rate `<x>_saar` = phase total × 365.25 /
 * seasonalDays(phase): the phase total annualised by its share of a year's seasonal demand
 * instead of its share of the days, so a phase with Double 11 is not "bigger" than its
 * neighbours because of the festival. The adjustment uses the model's own demand calendar (its
 * `season.*` parameters), not a pattern estimated from the figures; figures that do not follow
 * demand (e.g. trust, MAU) are not adjusted. Rows: table `phases`, unit `RMB/year`.
 */
export function saarFigures(r: Result): FigureRow[] {
  const params = r.manifest.parameters as Parameters;
  const factor = new Map<string, number>();
  for (const ph of r.phases) factor.set(ph.label, (epochDay(ph.end) - epochDay(ph.start) + 1) / seasonalDays(ph.start, ph.end, params));
  const out: FigureRow[] = [];
  for (const x of r.phaseSummary) {
    if (!x.metric.endsWith('_per_year') || x.unit !== 'RMB/year') continue;
    const f = factor.get(x.phase);
    if (f === undefined) continue;
    out.push({ table: 'phases', period: x.phase, platform: x.platform, category: 'all', metric: x.metric.replace(/_per_year$/, '_saar'), unit: 'RMB/year', value: x.value * f });
  }
  return out;
}
