// Owns RED's funnel ratios over one ledger slice (impressions → engagements → link-outs → store entries → orders).
import { N_CATEGORIES, N_PLATFORMS, PATH_LINK, PATH_OWN_STORE, PATH_SEARCH } from '../constants.ts';
import { AD_GROUP, adGroupSlot, engagementSlot, GROUP_OTHER, GROUP_PROGRAM, impressionSlot, L, linkOutSlot, N_KINDS, sumPlatform } from './ledger.ts';

/** Purchase paths that RED seeded (link-out, later search, RED's own store). */
export const SEEDED_PATHS = [PATH_LINK, PATH_SEARCH, PATH_OWN_STORE];

/** Funnel ratios of RED seeding over a ledger slice. */
export function redRates(a: Float64Array, o: number) {
  let imps = 0, eng = 0, links = 0;
  for (let c = 0; c < N_CATEGORIES; c++) {
    for (let kind = 0; kind < N_KINDS; kind++) { imps += a[o + impressionSlot(c, kind)]; eng += a[o + engagementSlot(c, kind)]; }
    for (let p = 0; p < N_PLATFORMS; p++) links += a[o + linkOutSlot(p, c)];
  }
  // ad clicks that did not also engage
  eng += a[o + adGroupSlot(GROUP_OTHER, AD_GROUP.clicks)] + a[o + adGroupSlot(GROUP_PROGRAM, AD_GROUP.clicks)]
    - a[o + adGroupSlot(GROUP_OTHER, AD_GROUP.engagements)] - a[o + adGroupSlot(GROUP_PROGRAM, AD_GROUP.engagements)];
  let entries = 0, orders = 0;
  for (let p = 0; p < N_PLATFORMS; p++) { entries += sumPlatform(a, o, L.entries, p, SEEDED_PATHS); orders += sumPlatform(a, o, L.orders, p, SEEDED_PATHS); }
  return {
    impressions: imps, engagements: eng, linkOuts: links, entries, orders,
    engagementRate: imps > 0 ? eng / imps : 0,
    linkOutCtr: eng > 0 ? links / eng : 0,
    storeEntryRate: eng > 0 ? entries / eng : 0,
    purchaseConversion: entries > 0 ? orders / entries : 0,
  };
}
