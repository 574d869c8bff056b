// Owns `buildResult`: assembles the Result of a finished run from the named reporters in this folder (and re-exports its types).
import type { Books } from './books.ts';
import { categoryFunnel } from './categoryFunnel.ts';
import { creatorYears } from './creatorYears.ts';
import { funnel } from './funnel.ts';
import { groups } from './groups.ts';
import { incrementality } from './incrementality.ts';
import { ledgerTotals } from './ledgerTotals.ts';
import { merchantYears } from './merchantYears.ts';
import { monthlySeries } from './monthlySeries.ts';
import { phaseSummary } from './phaseSummary.ts';
import { flowTotals, pnl } from './pnl.ts';
import { redYears } from './redYears.ts';
import { repurchase } from './repurchase.ts';
import type { Manifest, Result } from './resultTypes.ts';
import { monthlyMau } from './scale.ts';
import { sizeClasses } from './sizeClasses.ts';

export type { Books } from './books.ts';
export type { CreatorYearRow, FunnelRow, GroupRow, LedgerTotals, Manifest, MerchantYearRow, PhaseRow, RedYearRow, Result, SeriesRow } from './resultTypes.ts';
export type { FlowTotals, PnlRow } from './resultTypes.ts';
export type { IncrementalityRow } from './resultTypes.ts';
export type { CategoryFunnelRow, RepurchaseRow, SizeClassRow } from './resultTypes.ts';

/** Build the Result from the books of a finished run (DESIGN.md §5; shape in docs/result.md). */
export function buildResult(b: Books, manifest: Manifest): Result {
  const mau = monthlyMau(b);
  const merchants = merchantYears(b);
  return {
    manifest,
    phases: b.phases,
    months: b.monthLabels,
    series: monthlySeries(b, manifest.parameters),
    phaseSummary: phaseSummary(b, mau),
    funnel: funnel(b),
    groups: groups(b, merchants),
    merchants,
    red: redYears(b, mau),
    creators: creatorYears(b),
    ledger: ledgerTotals(b),
    pnl: pnl(b),
    flows: flowTotals(b),
    incrementality: incrementality(b),
    categoryFunnel: categoryFunnel(b),
    repurchase: repurchase(b),
    sizeClasses: sizeClasses(b),
  };
}
