// Owns the category funnel of the Result: the merchants' funnel per year × category × merchant group, from their year counters.
import { CATEGORIES, N_CATEGORIES } from '../constants.ts';
import { MF, N_MF } from '../population/merchants.ts';
import type { Books } from './books.ts';
import { GROUP_OTHER, GROUP_PROGRAM, N_AD_GROUPS } from './ledger.ts';
import type { CategoryFunnelRow } from './resultTypes.ts';

/** The MF counters summed into each count of a row (agent scale), in row order; then merchants and GMV fen. */
const COUNTS = [
  [MF.adImpressions], [MF.sponsoredImpressions], [MF.engOrganic, MF.engSponsored, MF.engAd], [MF.adClicks], [MF.linkOuts],
  [MF.storeEntries], [MF.carts], [MF.storeOrders], [MF.orders],
];
const N = COUNTS.length, STRIDE = N + 2;

/**
 * Per year, one row per category and merchant group (data-program member at year end or not, as the merchant
 * rows): merchants and the sums of their year counters, counts × the user weight and GMV in RMB at real scale.
 * Rows in year, category, group (`other`, `program`) order; a category or group without merchants has a row of zeros.
 */
export function categoryFunnel(b: Books): CategoryFunnelRow[] {
  const w = b.weight;
  const rows: CategoryFunnelRow[] = [];
  const sums = new Float64Array(N_CATEGORIES * N_AD_GROUPS * STRIDE);
  for (const my of b.merchantYears) {
    sums.fill(0);
    for (let i = 0; i < my.category.length; i++) {
      const s = (my.category[i] * N_AD_GROUPS + (my.program[i] !== 0 ? GROUP_PROGRAM : GROUP_OTHER)) * STRIDE;
      const r = i * N_MF;
      for (let k = 0; k < N; k++) for (const f of COUNTS[k]) sums[s + k] += my.rows[r + f];
      sums[s + N] += 1;
      sums[s + N + 1] += my.rows[r + MF.gmv];
    }
    for (let c = 0; c < N_CATEGORIES; c++) {
      for (const g of [GROUP_OTHER, GROUP_PROGRAM]) {
        const s = (c * N_AD_GROUPS + g) * STRIDE;
        const n = (k: number) => sums[s + k] * w;
        rows.push({
          year: my.year, category: CATEGORIES[c], group: g === GROUP_PROGRAM ? 'program' : 'other', merchants: sums[s + N],
          impressions: n(0) + n(1), adImpressions: n(0), sponsoredImpressions: n(1), engagements: n(2), adClicks: n(3), linkOuts: n(4),
          storeEntries: n(5), addToCart: n(6), storeOrders: n(7), orders: n(8), gmvRmb: (sums[s + N + 1] / 100) * w,
        });
      }
    }
  }
  return rows;
}
