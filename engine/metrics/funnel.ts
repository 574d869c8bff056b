// Owns the funnel of the Result: counts per phase, platform, category, purchase path and stage, at real scale.
import { CATEGORIES, N_CATEGORIES, N_PATHS, N_PLATFORMS, PATHS, PLATFORMS } from '../constants.ts';
import type { Books } from './books.ts';
import { engagementSlot, impressionSlot, L, LEDGER_SIZE, linkOutSlot, N_KINDS, pcp } from './ledger.ts';
import type { FunnelRow } from './resultTypes.ts';

/** Every phase's funnel: RED feed impressions and engagements per category, then link-outs and store stages per platform and path. */
export function funnel(b: Books): FunnelRow[] {
  const w = b.weight;
  const rows: FunnelRow[] = [];
  b.phases.forEach((ph, k) => {
    const o = k * LEDGER_SIZE;
    const a = b.phaseAcc;
    for (let c = 0; c < N_CATEGORIES; c++) {
      const cat = CATEGORIES[c];
      let imps = 0, eng = 0;
      for (let kind = 0; kind < N_KINDS; kind++) { imps += a[o + impressionSlot(c, kind)]; eng += a[o + engagementSlot(c, kind)]; }
      rows.push({ phase: ph.label, platform: 'red', category: cat, path: 'feed', stage: 'impressions', count: imps * w });
      rows.push({ phase: ph.label, platform: 'red', category: cat, path: 'feed', stage: 'engagements', count: eng * w });
      for (let p = 0; p < N_PLATFORMS; p++) {
        const links = a[o + linkOutSlot(p, c)];
        if (links > 0) rows.push({ phase: ph.label, platform: PLATFORMS[p], category: cat, path: 'link', stage: 'link_outs', count: links * w });
        for (let path = 0; path < N_PATHS; path++) {
          const at = pcp(p, c, path);
          const entries = a[o + L.entries + at], carts = a[o + L.carts + at], orders = a[o + L.orders + at];
          if (entries === 0 && orders === 0) continue;
          const base = { phase: ph.label, platform: PLATFORMS[p], category: cat, path: PATHS[path] };
          if (entries > 0 || carts > 0) {
            rows.push({ ...base, stage: 'store_entries', count: entries * w });
            rows.push({ ...base, stage: 'add_to_cart', count: carts * w });
          }
          rows.push({ ...base, stage: 'orders', count: orders * w });
        }
      }
    }
  });
  return rows;
}
