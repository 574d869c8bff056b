/** Merchants' month end: RED's ROI-guarantee refunds, Taotian's matching budgets, data-programme joins, and closing the month into year rows. */
import { CH_RED_FEED, CH_RED_NOTES, JD, N_CHANNELS, PDD, TAOTIAN } from '../constants.ts';
import { L } from '../metrics/ledger.ts';
import { MF, N_MF, type Merchants } from '../population/merchants.ts';
import type { GuaranteeTerms, PolicyState } from '../scenario/policy.ts';
import { inRedCat, pilotMarket } from './policyView.ts';

const NO_GUARANTEE: GuaranteeTerms = { threshold: 0, refundShare: 0 };

/** The ROI-guarantee terms for pilot merchants of marketplace p: Taotian's are `roiGuarantee` itself, JD's and PDD's `roiGuarantee.jd` / `.pdd` (none when absent or p = 0). */
export function guaranteeOf(policy: PolicyState, p: number): GuaranteeTerms {
  const g = policy.roiGuarantee;
  return p === TAOTIAN ? g : p === JD ? g.jd ?? NO_GUARANTEE : p === PDD ? g.pdd ?? NO_GUARANTEE : NO_GUARANTEE;
}

/** Share of the downside a guarantee covers on pilot merchant i's RED spend (its market's refund share when that guarantee is on), else 0. */
export function guaranteeCover(policy: PolicyState, M: Merchants, i: number): number {
  const { threshold, refundShare } = guaranteeOf(policy, pilotMarket(policy, M, i));
  return threshold > 0 && refundShare > 0 ? refundShare : 0;
}

const active = (t: GuaranteeTerms) => t.threshold > 0 && t.refundShare > 0;

/**
 * RED's ROI guarantee (Red Cat "performance bet"; per marketplace, guaranteeOf): a pilot merchant whose RED ROI
 * as it sees it (traced GMV per fen of RED spend) falls short of the promised
 * threshold gets back `refundShare` of the ad fee RED billed it (feed ads plus RED's
 * `sponsoredFee` share of sponsored-note deals — the creators' part is not RED's to
 * refund) in proportion to the shortfall, rounded down to whole fen. Refunds never
 * exceed what RED billed merchants this month (`billedFen`, feed ads + note fees as
 * booked day by day): if they would, all are scaled down alike. Books refunds in `acc`
 * and the merchants' year rows, writes each merchant's refund (fen) into `refunds`; returns the total (fen).
 */
export function roiGuaranteeRefunds(M: Merchants, policy: PolicyState, acc: Float64Array, sponsoredFee: number, billedFen: number, refunds: Float64Array): number {
  refunds.fill(0);
  if (!active(policy.roiGuarantee) && !active(guaranteeOf(policy, JD)) && !active(guaranteeOf(policy, PDD))) return 0;
  let total = 0;
  for (let i = 0; i < M.m; i++) {
    const market = pilotMarket(policy, M, i);
    if (market === 0) continue;
    const { threshold, refundShare } = guaranteeOf(policy, market);
    if (!(threshold > 0) || !(refundShare > 0)) continue;
    const s = i * N_CHANNELS;
    const spend = M.spendFen[s + CH_RED_FEED] + M.spendFen[s + CH_RED_NOTES];
    if (spend <= 0) continue;
    const row = i * N_MF;
    const roi = (M.month[row + MF.observedAd] + M.month[row + MF.observedSponsored]) / spend;
    if (roi >= threshold) continue;
    const billed = M.spendFen[s + CH_RED_FEED] + sponsoredFee * M.spendFen[s + CH_RED_NOTES];
    const refund = Math.floor(refundShare * billed * (1 - roi / threshold));
    if (refund <= 0) continue;
    refunds[i] = refund;
    total += refund;
  }
  const scale = total > billedFen ? billedFen / total : 1;
  total = 0;
  for (let i = 0; i < M.m; i++) {
    if (refunds[i] === 0) continue;
    const refund = scale < 1 ? Math.floor(refunds[i] * scale) : refunds[i];
    refunds[i] = refund;
    total += refund;
    M.yearSpend[i * (N_CHANNELS + 1) + N_CHANNELS] += refund;
  }
  acc[L.refunds] += total;
  acc[L.adRevenue] -= total;
  return total;
}

/**
 * The marketplaces' matching of their pilot merchants' RED spend for next month ("as much
 * as the merchant spends, the platform spends"): Taotian's (`matching.rate`/`capRmbPerMonth`,
 * the Red Cat pilots) and, where set, JD's and Pinduoduo's (`matching.jd` / `.pdd`, their
 * pilots: `pilotMarket`), each capped by its own monthly fund (RMB at real scale; `weight`
 * people per agent). Writes each merchant's matched budget (fen, agent scale); the payer is
 * the merchant's home marketplace.
 */
export function matchingBudgets(M: Merchants, policy: PolicyState, weight: number): void {
  M.matchedFen.fill(0);
  const m = policy.matching;
  for (const [p, terms] of [[TAOTIAN, m], [JD, m.jd], [PDD, m.pdd]] as const) {
    const rate = terms?.rate ?? 0, capFen = ((terms?.capRmbPerMonth ?? 0) * 100) / weight;
    if (!(rate > 0) || !(capFen > 0)) continue;
    let want = 0;
    for (let i = 0; i < M.m; i++) {
      if (pilotMarket(policy, M, i) !== p) continue;
      const s = i * N_CHANNELS;
      M.matchedFen[i] = rate * (M.spendFen[s + CH_RED_FEED] + M.spendFen[s + CH_RED_NOTES]);
      want += M.matchedFen[i];
    }
    const scale = want > capFen ? capFen / want : 1;
    for (let i = 0; i < M.m; i++) if (M.home[i] === p) M.matchedFen[i] = Math.floor(M.matchedFen[i] * scale);
  }
}

/**
 * Data-sharing programs: each month an eligible merchant (rank below the
 * program's eligible share) that sells on the marketplace joins with the
 * program's monthly join rate. Membership never lapses while the program runs;
 * a program switched off (level 0) drops its members.
 */
export function programJoins(M: Merchants, policy: PolicyState, u: (i: number, p: number) => number): void {
  const names = ['', 'taotian', 'jd', 'pdd'] as const;
  for (let p = TAOTIAN; p <= PDD; p++) {
    const prog = policy.dataSharing[names[p] as 'taotian' | 'jd' | 'pdd'];
    for (let i = 0; i < M.m; i++) {
      const bit = 1 << p;
      if (prog.level <= 0) { M.program[i] &= ~bit; continue; }
      if ((M.program[i] & bit) !== 0 || (M.sells[i] & bit) === 0) continue;
      if (M.programRank[i] < prog.eligibleShare && u(i, p) < prog.joinRatePerMonth) M.program[i] |= bit;
    }
  }
}

/** Add the month's merchant counters and spend into the year rows, then clear the month. */
export function closeMerchantMonth(M: Merchants): void {
  for (let k = 0; k < M.month.length; k++) M.year[k] += M.month[k];
  for (let i = 0; i < M.m; i++) {
    for (let c = 0; c < N_CHANNELS; c++) M.yearSpend[i * (N_CHANNELS + 1) + c] += M.spendFen[i * N_CHANNELS + c];
  }
  M.month.fill(0);
  M.spendFen.fill(0);
}

