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
  /** Rank of the merchant's size among all merchants, in [0, 1) (0 = smallest), and its class: 'small' (bottom half), 'mid' (next 40%), 'large' (top 10%). */
  sizeQuantile: number; sizeClass: 'small' | 'mid' | 'large';
  /** The merchant's fixed traits (population/merchants.ts): quality in [0.5, 1.5], brand awareness and price point (lognormal, mean 1). */
  quality: number; awareness: number; pricePoint: number;
  noteEngagements: number; adClicks: number; linkOuts: number; storeEntries: number; orders: number; gmvRmb: number;
  redSeededGmvRmb: number; redObservedGmvRmb: number; adSpendRmb: number; redAdSpendRmb: number; refundsRmb: number;
  /** RED ROI: RED-seeded GMV per RMB of RED spend (true) and what the merchant can trace (observed). NaN without RED spend. */
  redRoiTrue: number; redRoiObserved: number; repurchaseRate: number;
  /** Incremental paid-seeded GMV (sponsored notes + feed ads, only purchases that would not exist without the seeding) per RMB of RED ad spend. */
  redRoiIncremental: number;
  /** Spend on search ads and Douyin ads, and the GMV the merchant attributes to them (the ad-won share of its sales there) per RMB; NaN without that spend. */
  searchAdSpendRmb: number; douyinAdSpendRmb: number; searchRoi: number; douyinRoi: number;
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
  /** Users active on RED in the year per city tier (tier 1 = tier-1 cities and above, tier 2, tier 3 = lower tiers; people, real scale). */
  redActiveUsersTier1: number; redActiveUsersTier2: number; redActiveUsersTier3: number;
  /** Share of those users with at least one note-seeded purchase in the year, per city tier (NaN without active users). */
  noteSeededShareTier1: number; noteSeededShareTier2: number; noteSeededShareTier3: number;
  /** Share of note-seeded orders completed in RED's own stores. */
  ownStoreShareOfSeeded: number;
  mauAvg: number; dauAvg: number; trustAvg: number; creatorIncomeRmb: number; jointAdvertisersDailyAvg: number;
  ownStoreGmvRmb: number; seededGmvRmb: number;
  /** Online spend on all platforms per RED user (mean users on RED over the year), RMB per year. */
  userSpendRmb: number;
  /** Mean users on RED over the year per city tier (people; the three sum to the mean behind userSpendRmb). */
  redUsersTier1: number; redUsersTier2: number; redUsersTier3: number;
  /** userSpendRmb per city tier: their orders' GMV ÷ the tier's mean RED users, annualised (NaN without RED users in the tier); weighted by redUsersTier* they give userSpendRmb back. */
  userSpendTier1: number; userSpendTier2: number; userSpendTier3: number;
}
/**
 * The merchant funnel per year × category × merchant group (`program`: in a data-sharing program at year end, as
 * MerchantYearRow.program), summed over the group's merchants (metrics/categoryFunnel.ts). Counts real scale.
 */
export interface CategoryFunnelRow {
  year: number; category: string; group: 'program' | 'other'; merchants: number;
  /**
   * Paid impressions: `impressions` = `adImpressions` (the merchants' RED feed-ad impressions) + `sponsoredImpressions`
   * (impressions of their sponsored notes), each shared among merchants by spend at one price per impression.
   */
  impressions: number; adImpressions: number; sponsoredImpressions: number;
  /** Engagements with notes mentioning the merchants (organic and sponsored) and with their feed ads. */
  engagements: number;
  adClicks: number; linkOuts: number;
  /** Note-seeded store visits (link, search, own-store paths), their add-to-cart and their orders. */
  storeEntries: number; addToCart: number; storeOrders: number;
  /** All the merchants' orders and GMV (need-driven and Douyin orders included), as on the merchant rows. */
  orders: number; gmvRmb: number;
}
/** Repurchase by buyer origin, per year and platform of need-driven orders (metrics/repurchase.ts). Counts real scale. */
export interface RepurchaseRow {
  year: number; platform: string;
  /** `red_linked`: the buyer's previous order came through a RED outbound link; `other`: any other previous order. */
  origin: 'red_linked' | 'other';
  /** Need-driven orders whose buyer's last merchant sells the order's category on the platform, and those placed with that merchant again. */
  opportunities: number; repeats: number;
  /** repeats / opportunities (NaN without opportunities). */
  repurchaseRate: number;
}
/** Merchants per year and size class (MerchantYearRow.sizeClass), summed (metrics/sizeClasses.ts). Money RMB at real scale. */
export interface SizeClassRow {
  year: number; sizeClass: 'small' | 'mid' | 'large'; merchants: number; gmvRmb: number; redAdSpendRmb: number; redSeededGmvRmb: number;
  /** Paid-seeded GMV (sponsored notes + feed ads) per RMB of RED ad spend over the class (NaN without RED spend). */
  redRoiTrue: number;
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
  /** Per-party P&L per year and per phase (money RMB at real scale). */
  pnl: PnlRow[];
  /** Raw money-flow totals per flow line (books/flows.ts), whole fen at agent scale, for exact checks. */
  flows: FlowTotals;
  /** Attributed vs incremental note-seeded GMV and the need-driven GMV it replaced, per year and phase (metrics/incrementality.ts). */
  incrementality: IncrementalityRow[];
  /** The merchant funnel per year × category × merchant group. */
  categoryFunnel: CategoryFunnelRow[];
  /** Repurchase rate of need-driven buyers by origin (RED-linked or not), per year and platform. */
  repurchase: RepurchaseRow[];
  /** Merchants' GMV, RED spend and RED ROI per year and size class. */
  sizeClasses: SizeClassRow[];
}

/** Exact ledger totals of a run at agent scale (fen, integer; orders as counts), per platform where an array. */
export interface LedgerTotals {
  gmvFen: number[]; orders: number[]; adRevenueFen: number[]; commissionFen: number[]; refundsFen: number; matchingFen: number;
  redBilledSpendFen: number; creatorIncomeFen: number; sponsoredSpendFen: number;
}

/**
 * One tidy P&L row: `party` (users, merchants, creators, red, taotian, jd, pdd, douyin, world) in a year or
 * phase (`kind`); `item` is `revenue:<flow>`, `cost:<flow>`, `revenue`, `cost`, `net`, or a party figure
 * (merchants: gmv, ad_spend:<channel>, refunds, goods_cost, gross_margin, gross_margin_after_ads;
 * platforms: gmv, ad_revenue, take_rate_commission, take_rate_with_ads). Money RMB at real scale.
 */
export interface PnlRow { period: string; kind: 'year' | 'phase'; party: string; item: string; unit: string; value: number }

/** Money-flow totals per flow line (`lines`, in slot order), whole fen at agent scale. */
export interface FlowTotals {
  lines: { name: string; payer: string; payee: string }[];
  totalFen: number[];
  years: { year: number; fen: number[] }[];
  phases: { phase: string; fen: number[] }[];
  months: { month: string; fen: number[] }[];
}

/**
 * One incrementality row (metrics/incrementality.ts): in a year or phase (`kind`), on `platform`
 * (or `all`) and seeding route `channel` (organic_note, sponsored_note, feed_ad, or `all`):
 * note-seeded GMV (attributed), its incremental part, and, on `all`-route rows only, the
 * need-driven orders and GMV skipped because a non-incremental seeded purchase replaced them.
 * Money RMB at real scale.
 */
export interface IncrementalityRow {
  period: string; kind: 'year' | 'phase'; platform: string; channel: string;
  attributedGmvRmb: number; incrementalGmvRmb: number; replacedGmvRmb: number; replacedOrders: number;
}
