// Owns the size-class rows of the Result: merchants' GMV, RED spend, RED-seeded GMV and true RED ROI per year and size class.
import { CH_RED_FEED, CH_RED_NOTES } from '../constants.ts';
import { MF, N_MF } from '../population/merchants.ts';
import type { Books } from './books.ts';
import { sizeClass, SPEND_ROW } from './merchantYears.ts';
import type { SizeClassRow } from './resultTypes.ts';
import { rmbAt } from './scale.ts';

const CLASSES = ['small', 'mid', 'large'] as const;

/**
 * Per year, one row per size class (merchantYears.ts sizeClass of the merchant's size quantile), summed over its
 * merchants in merchant order from their year counters (fen, agent scale): GMV, RED ad spend (feed ads + sponsored
 * notes), RED-seeded GMV (organic, sponsored and feed-ad routes, as MerchantYearRow.redSeededGmvRmb), and the class's
 * true RED ROI: paid-seeded GMV (sponsored + feed ad) ÷ RED ad spend (NaN without RED spend).
 */
export function sizeClasses(b: Books): SizeClassRow[] {
  const rmb = rmbAt(b.weight);
  const rows: SizeClassRow[] = [];
  for (const my of b.merchantYears) {
    const sum = CLASSES.map(() => ({ merchants: 0, gmv: 0, redSpend: 0, seeded: 0, paid: 0 }));
    for (let i = 0; i < my.category.length; i++) {
      const s = sum[CLASSES.indexOf(sizeClass(my.sizeQuantile[i]))];
      const r = i * N_MF, sp = i * SPEND_ROW;
      const paid = my.rows[r + MF.seededSponsored] + my.rows[r + MF.seededAd];
      s.merchants++;
      s.gmv += my.rows[r + MF.gmv];
      s.redSpend += my.spend[sp + CH_RED_FEED] + my.spend[sp + CH_RED_NOTES];
      s.seeded += my.rows[r + MF.seededOrganic] + paid;
      s.paid += paid;
    }
    CLASSES.forEach((c, k) => {
      const s = sum[k];
      rows.push({
        year: my.year, sizeClass: c, merchants: s.merchants, gmvRmb: rmb(s.gmv), redAdSpendRmb: rmb(s.redSpend), redSeededGmvRmb: rmb(s.seeded),
        redRoiTrue: s.redSpend > 0 ? s.paid / s.redSpend : NaN,
      });
    });
  }
  return rows;
}
