// Owns the exact ledger totals of the Result (agent scale, integer fen) that the accounting checks compare.
import { CH_RED_FEED, CH_RED_NOTES, PLATFORMS } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, sumPlatform } from './ledger.ts';
import type { LedgerTotals } from './resultTypes.ts';

/** Sums every month's ledger slot by slot, then reads the totals off the sum. */
export function ledgerTotals(b: Books): LedgerTotals {
  const tot = new Float64Array(LEDGER_SIZE);
  for (let mi = 0; mi < b.monthLabels.length; mi++) for (let k = 0; k < LEDGER_SIZE; k++) tot[k] += b.monthAcc[mi * LEDGER_SIZE + k];
  return {
    gmvFen: PLATFORMS.map((_, p) => sumPlatform(tot, 0, L.gmv, p)),
    orders: PLATFORMS.map((_, p) => sumPlatform(tot, 0, L.orders, p)),
    adRevenueFen: PLATFORMS.map((_, p) => tot[L.adRevenue + p]),
    commissionFen: PLATFORMS.map((_, p) => tot[L.commission + p]),
    refundsFen: tot[L.refunds], matchingFen: tot[L.matching],
    redBilledSpendFen: tot[L.spend + CH_RED_FEED] + tot[L.matching] + (tot[L.spend + CH_RED_NOTES] - tot[L.creatorIncome]),
    creatorIncomeFen: tot[L.creatorIncome], sponsoredSpendFen: tot[L.spend + CH_RED_NOTES],
  };
}
