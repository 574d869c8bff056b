// Owns the shape of the Result (DESIGN.md §5; docs/result.md): the manifest and every row type a reporter produces.
import type { Parameters } from '../scenario/parameters.ts';
import type { Phase } from '../scenario/resolve.ts';

/** Run metadata (DESIGN.md §5). */
export interface Manifest {
  engine: string;
  scenarioId: string;
  scenarioTitle: string;
  /** Hash of the resolved scenario (model and policies, not the seed). */
  scenarioHash: string;
  seed: number | string;
  agents: number;
  /** Real people per user agent. */
  weight: number;
  start: string;
  end: string;
  /** Wall time of the run in ms (0 when no clock was injected). */
  wallMs: number;
  merchants: number;
  creators: number;
  parameters: Parameters;
}

/** One tidy row of a monthly series, at real scale. */
export interface SeriesRow { period: string; platform: string; category: string; metric: string; unit: string; value: number }
/** One tidy row of a per-phase summary. */
export interface PhaseRow { phase: string; start: string; end: string; platform: string; metric: string; unit: string; value: number }
/** One funnel count (real scale) for a phase, platform, category and purchase path. */
export interface FunnelRow { phase: string; platform: string; category: string; path: string; stage: string; count: number }
/** Feed-ad performance by merchant group (in a data-sharing program or not), per year. */
export interface GroupRow {
  year: number; group: 'program' | 'other'; merchants: number; adImpressions: number; adClicks: number; adEngagements: number;
  ctr: number; engagementRate: number; noteEngagements: number; linkOuts: number; storeEntries: number; orders: number; gmvRmb: number;
}
/** One merchant agent in one year. Money in RMB at real scale. */
export interface MerchantYearRow {
  year: number; merchant: number; category: string; home: string; program: boolean;
  noteEngagements: number; adClicks: number; linkOuts: number; storeEntries: number; orders: number; gmvRmb: number;
  redSeededGmvRmb: number; redObservedGmvRmb: number; adSpendRmb: number; redAdSpendRmb: number; refundsRmb: number;
  /** RED ROI: RED-seeded GMV per RMB of RED spend (true) and what the merchant can trace (observed). NaN without RED spend. */
  redRoiTrue: number; redRoiObserved: number; repurchaseRate: number;
}
/** RED's year in figures. */
export interface RedYearRow {
  year: number; adRevenueRmb: number; commissionRmb: number;
  /** Revenue from RED's self-operated retail (福利社). */
  salesRevenueRmb: number;
  refundsRmb: number;
  /** Ads (net of refunds) + commission + self-operated sales. */
  revenueRmb: number; adShareOfRevenue: number;
  /** Share of RED users active in the year with at least one note-seeded purchase. */
  noteSeededUserShare: number;
  /** Share of note-seeded orders completed in RED's own stores. */
  ownStoreShareOfSeeded: number;
  mauAvg: number; dauAvg: number; trustAvg: number; creatorIncomeRmb: number; jointAdvertisersDailyAvg: number;
  ownStoreGmvRmb: number; seededGmvRmb: number;
  /** Online spend on all platforms per RED user (mean users on RED over the year), RMB per year. */
  userSpendRmb: number;
}
/** Creators per tier and year: income per creator (RMB) and share still posting. */
export interface CreatorYearRow { year: number; tier: string; incomeRmbPerCreator: number; activeShare: number }

/** Everything a run reports (DESIGN.md §5); shape documented in docs/result.md. */
export interface Result {
  manifest: Manifest;
  phases: Phase[];
  months: string[];
  series: SeriesRow[];
  phaseSummary: PhaseRow[];
  funnel: FunnelRow[];
  groups: GroupRow[];
  merchants: MerchantYearRow[];
  red: RedYearRow[];
  creators: CreatorYearRow[];
  /** Exact ledger totals at agent scale (fen, integer) for accounting checks. */
  ledger: LedgerTotals;
}

/** Exact ledger totals of a run at agent scale (fen, integer; orders as counts), per platform where an array. */
export interface LedgerTotals {
  gmvFen: number[]; orders: number[]; adRevenueFen: number[]; commissionFen: number[]; refundsFen: number; matchingFen: number;
  redBilledSpendFen: number; creatorIncomeFen: number; sponsoredSpendFen: number;
}
