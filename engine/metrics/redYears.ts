// Owns RED's yearly rows of the Result: revenue by source, users, trust, seeding and creator income, at real scale.
import { N_TIERS, RED } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, sumPlatform } from './ledger.ts';
import type { RedYearRow } from './resultTypes.ts';
import { meanMau, rmbAt } from './scale.ts';

/** Share of year yi's RED-active users of city tier t with a note-seeded purchase (NaN without any). */
const share = (b: Books, yi: number, t: number) => { const a = b.tierActive[yi * N_TIERS + t]; return a > 0 ? b.tierSeeded[yi * N_TIERS + t] / a : NaN; };

/** Mean users on RED of city tier t in year yi (agents): the tier's RED user-days ÷ the year's days. */
const tierUsers = (b: Books, yi: number, t: number) => b.yearAcc[yi * LEDGER_SIZE + L.redUsersTier + t] / Math.max(1, b.yearDays[yi]);

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
    /** Online spend per RED user of tier t, RMB/year (annualised like userSpendRmb); NaN without RED users in the tier. */
    const tierSpend = (t: number) => { const u = tierUsers(b, yi, t); return u > 0 ? (rmb(a[o + L.redUserGmvTier + t]) / (u * w)) * (365.25 / days) : NaN; };
    return {
      year, adRevenueRmb: adRevenue, commissionRmb: commission, salesRevenueRmb: sales, refundsRmb: rmb(a[o + L.refunds]), revenueRmb: revenue,
      adShareOfRevenue: revenue > 0 ? adRevenue / revenue : NaN,
      noteSeededUserShare: b.noteSeededShare[yi],
      redActiveUsersTier1: b.tierActive[yi * N_TIERS] * w, redActiveUsersTier2: b.tierActive[yi * N_TIERS + 1] * w, redActiveUsersTier3: b.tierActive[yi * N_TIERS + 2] * w,
      noteSeededShareTier1: share(b, yi, 0), noteSeededShareTier2: share(b, yi, 1), noteSeededShareTier3: share(b, yi, 2),
      ownStoreShareOfSeeded: a[o + L.seededOrders] > 0 ? a[o + L.seededOwnStoreOrders] / a[o + L.seededOrders] : NaN,
      mauAvg: meanMau(b, mau, (m) => m.startsWith(String(year))),
      dauAvg: (a[o + L.dau] / days) * w,
      trustAvg: a[o + L.dau] > 0 ? a[o + L.trustSum] / a[o + L.dau] : NaN,
      creatorIncomeRmb: rmb(a[o + L.creatorIncome]),
      jointAdvertisersDailyAvg: a[o + L.jointAdvertisers] / days,
      ownStoreGmvRmb: ownStore,
      seededGmvRmb: rmb(a[o + L.seededGmv]),
      userSpendRmb: a[o + L.adopters + RED] > 0 ? (rmb(a[o + L.redUserGmv]) / ((a[o + L.adopters + RED] / days) * w)) * (365.25 / days) : NaN,
      redUsersTier1: tierUsers(b, yi, 0) * w, redUsersTier2: tierUsers(b, yi, 1) * w, redUsersTier3: tierUsers(b, yi, 2) * w,
      userSpendTier1: tierSpend(0), userSpendTier2: tierSpend(1), userSpendTier3: tierSpend(2),
    };
  });
}
