// Owns the incrementality rows of the Result: attributed vs incremental note-seeded GMV per platform and seeding route, and the need-driven GMV it replaced, per year and phase.
import { N_PLATFORMS, PLATFORMS } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE, N_KINDS, seedRouteSlot } from './ledger.ts';
import type { IncrementalityRow } from './resultTypes.ts';
import { rmbAt } from './scale.ts';

/** Seeding routes in VIA_* order (constants.ts), as they appear in `IncrementalityRow.channel`. */
export const SEED_CHANNELS = ['organic_note', 'sponsored_note', 'feed_ad'] as const;

/**
 * Rows per year, then per phase: for every platform (and `all`) one row per seeding route with the
 * note-seeded (attributed) GMV and its incremental part, and one `all`-routes row that also carries
 * the need-driven orders and GMV skipped because a non-incremental seeded purchase replaced them
 * (booked on the platform the skipped order would have used; the route of the purchase that
 * replaced it is not kept, so route rows carry 0). What seeding added to the market's GMV is
 * attributed − replaced; attributed − incremental is the part booked as seeded that would have
 * been bought anyway (it becomes `replaced` when the user's next need in the category comes).
 */
export function incrementality(b: Books): IncrementalityRow[] {
  const rmb = rmbAt(b.weight);
  const rows: IncrementalityRow[] = [];
  const period = (kind: 'year' | 'phase', label: string, a: Float64Array, o: number) => {
    const allAttr = new Float64Array(N_KINDS), allIncr = new Float64Array(N_KINDS);
    let allRepl = 0, allReplOrders = 0;
    for (let p = 0; p <= N_PLATFORMS; p++) {
      const platform = p < N_PLATFORMS ? PLATFORMS[p] : 'all';
      let attr = 0, incr = 0;
      for (let v = 0; v < N_KINDS; v++) {
        const at = p < N_PLATFORMS ? a[o + L.seededAttributedGmv + seedRouteSlot(p, v)] : allAttr[v];
        const inc = p < N_PLATFORMS ? a[o + L.seededIncrementalGmv + seedRouteSlot(p, v)] : allIncr[v];
        if (p < N_PLATFORMS) { allAttr[v] += at; allIncr[v] += inc; }
        attr += at; incr += inc;
        rows.push({ period: label, kind, platform, channel: SEED_CHANNELS[v], attributedGmvRmb: rmb(at), incrementalGmvRmb: rmb(inc), replacedGmvRmb: 0, replacedOrders: 0 });
      }
      const repl = p < N_PLATFORMS ? a[o + L.replacedGmv + p] : allRepl;
      const replOrders = p < N_PLATFORMS ? a[o + L.replacedOrders + p] : allReplOrders;
      if (p < N_PLATFORMS) { allRepl += repl; allReplOrders += replOrders; }
      rows.push({ period: label, kind, platform, channel: 'all', attributedGmvRmb: rmb(attr), incrementalGmvRmb: rmb(incr), replacedGmvRmb: rmb(repl), replacedOrders: replOrders * b.weight });
    }
  };
  b.years.forEach((year, yi) => period('year', String(year), b.yearAcc, yi * LEDGER_SIZE));
  b.phases.forEach((ph, k) => period('phase', ph.label, b.phaseAcc, k * LEDGER_SIZE));
  return rows;
}
