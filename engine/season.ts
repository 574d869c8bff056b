/** Seasonality: the daily demand multiplier for 618, Double 11 and Chinese New Year (seasonality). */
import type { Calendar } from './calendar.ts';
import type { Parameters } from './scenario/parameters.ts';

/** Chinese New Year's eve per year (day before the Spring Festival). */
const NEW_YEAR_EVE: Record<number, string> = {
  2015: '02-18', 2016: '02-07', 2017: '01-27', 2018: '02-15', 2019: '02-04', 2020: '01-24', 2021: '02-11',
  2022: '01-31', 2023: '01-21', 2024: '02-09', 2025: '01-28', 2026: '02-16', 2027: '02-05', 2028: '01-25',
  2029: '02-12', 2030: '02-02', 2031: '01-22', 2032: '02-10', 2033: '01-30', 2034: '02-18', 2035: '02-07',
};

/**
 * Daily demand multiplier: 618 (Jun 1–18), Double 11 (Nov 1–11) and the 14 days
 * from Chinese New Year's eve; 1 elsewhere.
 */
export function seasonality(cal: Calendar, params: Parameters, isoOfDay: (d: number) => string): Float64Array {
  const out = new Float64Array(cal.days);
  for (let d = 0; d < cal.days; d++) {
    const iso = isoOfDay(d);
    const y = cal.yearOfDay[d];
    const md = iso.slice(5);
    let m = 1;
    if (md >= '06-01' && md <= '06-18') m = params['season.618'];
    else if (md >= '11-01' && md <= '11-11') m = params['season.double11'];
    const eve = NEW_YEAR_EVE[y];
    if (eve && md >= eve) {
      const [em, ed] = eve.split('-').map(Number);
      const [mm, dd] = md.split('-').map(Number);
      const delta = Math.round((Date.UTC(y, mm - 1, dd) - Date.UTC(y, em - 1, ed)) / 86400000);
      if (delta < 14) m = params['season.newYear'];
    }
    out[d] = m;
  }
  return out;
}
