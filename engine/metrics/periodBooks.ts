/** The run's period books: each day's ledger added into its month, phase and year, and the yearly snapshots of merchants and creators. */
import type { Calendar } from '../calendar.ts';
import { CREATOR_TIERS, N_TIERS } from '../constants.ts';
import type { Creators } from '../population/creators.ts';
import type { Merchants } from '../population/merchants.ts';
import type { Phase } from '../scenario/resolve.ts';
import { LEDGER_SIZE } from './ledger.ts';
import type { Books } from './result.ts';

/** Empty books for a run over `cal` with `phases`; `weight` = real people per user agent. */
export function createBooks(cal: Calendar, phases: Phase[], weight: number): Books {
  return {
    monthAcc: new Float64Array(cal.monthLabels.length * LEDGER_SIZE),
    phaseAcc: new Float64Array(phases.length * LEDGER_SIZE),
    yearAcc: new Float64Array(cal.years.length * LEDGER_SIZE),
    monthDays: Int32Array.from(cal.daysInMonth),
    phaseDays: new Int32Array(phases.length),
    yearDays: new Int32Array(cal.years.length),
    noteSeededShare: new Float64Array(cal.years.length).fill(NaN),
    tierActive: new Float64Array(cal.years.length * N_TIERS), tierSeeded: new Float64Array(cal.years.length * N_TIERS),
    merchantYears: [],
    creatorYears: [],
    monthLabels: cal.monthLabels,
    years: cal.years,
    phases,
    weight,
  };
}

/** Add day d's ledger `acc` into its month, phase and year. */
export function flushDay(books: Books, cal: Calendar, phaseOfDay: Int32Array, d: number, acc: Float64Array): void {
  const yi = cal.yearOfDay[d] - cal.years[0];
  const mo = cal.monthOfDay[d] * LEDGER_SIZE, ph = phaseOfDay[d] * LEDGER_SIZE, yo = yi * LEDGER_SIZE;
  for (let k = 0; k < LEDGER_SIZE; k++) {
    const v = acc[k];
    if (v !== 0) { books.monthAcc[mo + k] += v; books.phaseAcc[ph + k] += v; books.yearAcc[yo + k] += v; }
  }
  books.phaseDays[phaseOfDay[d]]++;
  books.yearDays[yi]++;
}

/**
 * Close year `year` (index yi): the share of its RED-active users with a note-seeded purchase
 * (`active`, `seeded` counted by the user loop), the merchants' year rows and the creators'
 * income and activity per tier; then clear the year counters.
 */
export function closeYear(books: Books, yi: number, year: number, count: Float64Array, M: Merchants, C: Creators): void {
  books.noteSeededShare[yi] = count[0] > 0 ? count[1] / count[0] : NaN;
  for (let t = 0; t < N_TIERS; t++) { books.tierActive[yi * N_TIERS + t] = count[2 + 2 * t]; books.tierSeeded[yi * N_TIERS + t] = count[3 + 2 * t]; }
  books.merchantYears.push({ year, rows: M.year.slice(), spend: M.yearSpend.slice(), program: M.program.slice(), category: M.category, home: M.home, sizeQuantile: M.sizeQuantile, quality: M.quality, awareness: M.awareness, pricePoint: M.pricePoint });
  const tiers = CREATOR_TIERS.length;
  const income = new Array<number>(tiers).fill(0), all = new Array<number>(tiers).fill(0), posting = new Array<number>(tiers).fill(0);
  for (let k = 0; k < C.k; k++) {
    income[C.tier[k]] += C.yearIncome[k];
    all[C.tier[k]]++;
    if (C.activity[k] > 0) posting[C.tier[k]]++;
  }
  books.creatorYears.push({
    year,
    incomeByTier: income.map((v, t) => (all[t] > 0 ? v / all[t] : 0)),
    activeShareByTier: posting.map((v, t) => (all[t] > 0 ? v / all[t] : 0)),
  });
  C.yearIncome.fill(0);
  M.year.fill(0);
  M.yearSpend.fill(0);
}
