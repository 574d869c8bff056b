// Owns the repurchase rows of the Result: need-driven repurchase by buyer origin (RED-linked or not) per year and platform.
import { PLATFORMS, RED } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, ORIGIN_OTHER, ORIGIN_RED_LINKED, repurchaseSlot } from './ledger.ts';
import type { RepurchaseRow } from './resultTypes.ts';

/**
 * Per year, platform of the need-driven order (every platform but RED, which has no need-driven orders) and buyer
 * origin (`red_linked` first, then `other`): repurchase opportunities, repeats and their ratio (NaN without
 * opportunities), from the year ledger (behaviour/needPurchase.ts counts them). Counts real scale.
 */
export function repurchase(b: Books): RepurchaseRow[] {
  const w = b.weight;
  const rows: RepurchaseRow[] = [];
  b.years.forEach((year, yi) => {
    const o = yi * LEDGER_SIZE;
    for (let p = 0; p < PLATFORMS.length; p++) {
      if (p === RED) continue;
      for (const origin of [ORIGIN_RED_LINKED, ORIGIN_OTHER]) {
        const k = repurchaseSlot(p, origin);
        const opportunities = b.yearAcc[o + L.repurchaseOpportunities + k], repeats = b.yearAcc[o + L.repurchaseRepeats + k];
        rows.push({
          year, platform: PLATFORMS[p], origin: origin === ORIGIN_RED_LINKED ? 'red_linked' : 'other',
          opportunities: opportunities * w, repeats: repeats * w, repurchaseRate: opportunities > 0 ? repeats / opportunities : NaN,
        });
      }
    }
  });
  return rows;
}
