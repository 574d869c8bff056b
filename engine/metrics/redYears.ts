// Owns RED's yearly rows of the Result: revenue by source, users, trust, seeding and creator income, at real scale.
import { RED } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, sumPlatform } from './ledger.ts';
import type { RedYearRow } from './resultTypes.ts';
import { meanMau, rmbAt } from './scale.ts';

/** One row per calendar year of the run. `mau` is RED's MAU per month (scale.ts monthlyMau). */
export function redYears(b: Books, mau: number[]): RedYearRow[] {
  const w = b.weight;
  const rmb = rmbAt(w);
  return b.years.map((year, yi) => {
    const o = yi * LEDGER_SIZE;
    const a = b.yearAcc;
    const days = Math.max(1, b.yearDays[yi]);
    const adRevenue = rmb(a[o + L.adRevenue + RED]);
    const commission = rmb(a[o + L.commission + RED]);
    const ownStore = rmb(sumPlatform(a, o, L.gmv, RED));
    const sales = rmb(a[o + L.redSales]);
    const revenue = adRevenue + sales + commission;
    return {
      year, adRevenueRmb: adRevenue, commissionRmb: commission, salesRevenueRmb: sales, refundsRmb: rmb(a[o + L.refunds]), revenueRmb: revenue,
      adShareOfRevenue: revenue > 0 ? adRevenue / revenue : NaN,
      noteSeededUserShare: b.noteSeededShare[yi],
      ownStoreShareOfSeeded: a[o + L.seededOrders] > 0 ? a[o + L.seededOwnStoreOrders] / a[o + L.seededOrders] : NaN,
      mauAvg: meanMau(b, mau, (m) => m.startsWith(String(year))),
      dauAvg: (a[o + L.dau] / days) * w,
      trustAvg: a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN,
      creatorIncomeRmb: rmb(a[o + L.creatorIncome]),
      jointAdvertisersDailyAvg: a[o + L.jointAdvertisers] / days,
      ownStoreGmvRmb: ownStore,
      seededGmvRmb: rmb(a[o + L.seededGmv]),
      userSpendRmb: a[o + L.adopters + RED] > 0 ? (rmb(a[o + L.redUserGmv]) / ((a[o + L.adopters + RED] / days) * w)) * (365.25 / days) : NaN,
    };
  });
}
