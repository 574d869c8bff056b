import { balances, PLATFORMS, type Result } from '../../engine/index.ts';

/** Relative tolerance of the float identities (sums of the same fen amounts in another order). */
const REL = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Ratios that are NaN by design when their denominator is zero ("undefined", written as
 * null in result.json and an empty field in the CSVs): merchant RED ROI without RED spend,
 * group ad CTR/engagement rate without ad impressions, RED trust without daily users, RED's
 * share of voice without ad impressions on RED or Douyin, RED
 * year shares without revenue / seeded orders / active users, spend per RED user (all, or per
 * city tier) without RED users (in the tier), the repurchase rate without repurchase opportunities,
 * a size class's RED ROI without RED spend. Each is allowed only when its denominator really is zero.
 */
function allowedNaN(path: string, r: Result): boolean {
  const redUsers = (period: string) => r.series.filter((x) => x.platform === 'red' && x.metric === 'users' && x.period.startsWith(period)).reduce((s, x) => s + x.value, 0);
  let m = /^merchants\[(\d+)\]\.(redRoiTrue|redRoiObserved|redRoiIncremental)$/.exec(path);
  if (m) return !(r.merchants[+m[1]].redAdSpendRmb > 0);
  m = /^merchants\[(\d+)\]\.searchRoi$/.exec(path);
  if (m) return !(r.merchants[+m[1]].searchAdSpendRmb > 0);
  m = /^merchants\[(\d+)\]\.douyinRoi$/.exec(path);
  if (m) return !(r.merchants[+m[1]].douyinAdSpendRmb > 0);
  m = /^groups\[(\d+)\]\.(ctr|engagementRate)$/.exec(path);
  if (m) return !(r.groups[+m[1]].adImpressions > 0);
  m = /^repurchase\[(\d+)\]\.repurchaseRate$/.exec(path);
  if (m) return !(r.repurchase[+m[1]].opportunities > 0);
  m = /^sizeClasses\[(\d+)\]\.redRoiTrue$/.exec(path);
  if (m) return !(r.sizeClasses[+m[1]].redAdSpendRmb > 0);
  m = /^series\[(\d+)\]\.value$/.exec(path);
  if (m) {
    const row = r.series[+m[1]];
    const zero = (platform: string, metric: string) => r.series.some((x) => x.period === row.period && x.platform === platform && x.metric === metric && x.value === 0);
    if (row.metric === 'share_of_voice') return zero('red', 'ad_impressions') && zero('douyin', 'ad_impressions');
    return row.metric === 'trust' && zero('red', 'dau');
  }
  m = /^phaseSummary\[(\d+)\]\.value$/.exec(path);
  if (m) {
    const row = r.phaseSummary[+m[1]];
    return row.metric === 'trust' && r.phaseSummary.some((x) => x.phase === row.phase && x.platform === 'red' && x.metric === 'dau' && x.value === 0);
  }
  m = /^red\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const y = r.red[+m[1]];
    switch (m[2]) {
      case 'adShareOfRevenue': return y.revenueRmb === 0;
      case 'ownStoreShareOfSeeded': return y.seededGmvRmb === 0;
      case 'trustAvg': case 'noteSeededUserShare': return y.dauAvg === 0;
      case 'userSpendRmb': return redUsers(String(y.year)) === 0;
      case 'noteSeededShareTier1': return y.redActiveUsersTier1 === 0;
      case 'noteSeededShareTier2': return y.redActiveUsersTier2 === 0;
      case 'noteSeededShareTier3': return y.redActiveUsersTier3 === 0;
      case 'userSpendTier1': return y.redUsersTier1 === 0;
      case 'userSpendTier2': return y.redUsersTier2 === 0;
      case 'userSpendTier3': return y.redUsersTier3 === 0;
    }
  }
  return false;
}

/** Every number in the Result that is NaN or ±Infinity (except the documented 0/0 ratios). */
export function nonFinite(r: Result): string[] {
  const bad: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) && !allowedNaN(path, r)) bad.push(`${path} = ${v}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(r, '');
  return bad;
}

/**
 * The accounting identities and sign rules every Result must keep; returns the
 * violations (empty = fine), each naming the figure and both sides.
 * - GMV per platform: Σ monthly series GMV = ledger GMV; Σ monthly orders = ledger orders;
 *   no GMV without orders; Σ merchants' own books = Σ ledger GMV and orders.
 * - RED ad revenue = spend billed by RED − ROI-guarantee refunds; refunds = Σ merchants' refunds.
 * - Commission per marketplace = take rate × GMV.
 * - No NaN/Infinity anywhere (but the documented 0/0 ratios); money, orders, people, counts ≥ 0.
 */
export function violations(r: Result): string[] {
  const out: string[] = nonFinite(r);
  const L = r.ledger, w = r.manifest.weight;
  const need = (ok: boolean, what: string) => { if (!ok) out.push(what); };
  PLATFORMS.forEach((p, i) => {
    const rows = r.series.filter((x) => x.platform === p && x.category === 'all');
    const gmv = rows.filter((x) => x.metric === 'gmv').reduce((a, x) => a + x.value, 0);
    const orders = rows.filter((x) => x.metric === 'orders').reduce((a, x) => a + x.value, 0);
    need(close(gmv * 100 / w, L.gmvFen[i]), `${p}: Σ monthly GMV ${gmv * 100 / w} fen ≠ ledger ${L.gmvFen[i]} fen`);
    need(close(orders / w, L.orders[i]), `${p}: Σ monthly orders ${orders / w} ≠ ledger ${L.orders[i]}`);
    need(Number.isInteger(L.gmvFen[i]) && Number.isInteger(L.orders[i]), `${p}: ledger GMV/orders not whole fen/orders`);
    need(L.orders[i] > 0 || L.gmvFen[i] === 0, `${p}: GMV ${L.gmvFen[i]} fen without orders`);
  });
  const merchantGmvFen = r.merchants.reduce((s, m) => s + m.gmvRmb, 0) * 100 / w;
  const ledgerGmvFen = L.gmvFen.reduce((s, v) => s + v, 0);
  need(close(merchantGmvFen, ledgerGmvFen), `Σ merchant GMV ${merchantGmvFen} fen ≠ Σ ledger GMV ${ledgerGmvFen} fen`);
  const merchantOrders = r.merchants.reduce((s, m) => s + m.orders, 0) / w;
  need(Math.round(merchantOrders) === L.orders.reduce((s, v) => s + v, 0), `Σ merchant orders ${merchantOrders} ≠ Σ ledger orders`);
  need(close(L.adRevenueFen[0], L.redBilledSpendFen - L.refundsFen),
    `RED ad revenue ${L.adRevenueFen[0]} fen ≠ billed ${L.redBilledSpendFen} − refunds ${L.refundsFen}`);
  const merchantRefundsFen = r.merchants.reduce((s, m) => s + m.refundsRmb, 0) * 100 / w;
  need(close(merchantRefundsFen, L.refundsFen), `Σ merchant refunds ${merchantRefundsFen} fen ≠ ledger ${L.refundsFen}`);
  need(L.creatorIncomeFen <= L.sponsoredSpendFen * (1 + REL), `creator income ${L.creatorIncomeFen} > sponsored spend ${L.sponsoredSpendFen}`);
  (['taotian', 'jd', 'pdd', 'douyin'] as const).forEach((p) => {
    const i = PLATFORMS.indexOf(p);
    const take = r.manifest.parameters[`take.${p}`];
    // booked in whole fen per day (rounded): within half a fen a day of take × GMV
    const days = (Date.parse(r.manifest.end) - Date.parse(r.manifest.start)) / 86_400_000 + 1;
    need(Math.abs(L.commissionFen[i] - take * L.gmvFen[i]) <= 0.5 * days * (1 + REL), `${p}: commission ${L.commissionFen[i]} ≠ ${take} × GMV ${L.gmvFen[i]}`);
  });
  // RED's ad revenue is net of ROI-guarantee refunds, which never exceed what RED billed.
  const money = [...L.gmvFen, ...L.orders, ...L.adRevenueFen, ...L.commissionFen, L.refundsFen, L.matchingFen,
    L.redBilledSpendFen, L.creatorIncomeFen, L.sponsoredSpendFen];
  need(money.every((v) => v >= 0), `negative ledger entry: ${JSON.stringify(L)}`);
  const countUnits = new Set(['RMB', 'RMB/year', 'orders', 'orders/year', 'people']);
  // Refunds are settled at month end against the month's billing (and never exceed it), so a month,
  // a year or the run never shows negative RED ad revenue; a phase that starts mid-month may carry the
  // refund of spend billed before it began, so only there may RED's net ad revenue dip below zero.
  const midMonthPhase = (phase: string) => !r.phases.find((p) => p.label === phase)?.start.endsWith('-01');
  for (const x of r.series) if (countUnits.has(x.unit) && x.value < 0) out.push(`series ${x.period} ${x.platform} ${x.category} ${x.metric} = ${x.value} ${x.unit}`);
  for (const x of r.phaseSummary) {
    if (x.platform === 'red' && x.metric === 'ad_revenue_per_year' && midMonthPhase(x.phase)) continue;
    if (countUnits.has(x.unit) && x.value < 0) out.push(`phase ${x.phase} ${x.platform} ${x.metric} = ${x.value} ${x.unit}`);
  }
  for (const f of r.funnel) if (f.count < 0) out.push(`funnel ${f.phase} ${f.platform} ${f.path} ${f.stage} = ${f.count}`);
  for (const m of r.merchants) {
    for (const k of ['gmvRmb', 'adSpendRmb', 'redAdSpendRmb', 'refundsRmb', 'orders', 'redSeededGmvRmb', 'redObservedGmvRmb'] as const) {
      if (m[k] < 0) out.push(`merchant ${m.merchant} ${m.year} ${k} = ${m[k]}`);
    }
  }
  for (const y of r.red) {
    for (const k of ['adRevenueRmb', 'commissionRmb', 'salesRevenueRmb', 'refundsRmb', 'revenueRmb', 'creatorIncomeRmb', 'mauAvg', 'dauAvg'] as const) {
      if (y[k] < 0) out.push(`red ${y.year} ${k} = ${y[k]}`);
    }
  }
  out.push(...flowViolations(r));
  return out;
}

/**
 * The double-entry books (engine/books/flows.ts): every flow of every month, phase, year and the
 * whole run is whole fen and ≥ 0, all parties' balances sum to exactly 0, the months add up to the
 * totals, and the flows tie to the ledger: purchases (+ RED's own sales) = GMV per platform,
 * commission flows = commission, RED ad revenue = feed ads + matching + note fees − refunds,
 * search ads = the marketplaces' ad revenue, Douyin ads = Douyin's, refunds, matching and the
 * creators' part of sponsored notes = their ledger totals.
 */
export function flowViolations(r: Result): string[] {
  const out: string[] = [];
  const F = r.flows, L = r.ledger;
  const at = (name: string) => F.lines.findIndex((l) => l.name === name);
  const periods: [string, number[]][] = [['total', F.totalFen], ...F.months.map((m) => [m.month, m.fen] as [string, number[]]),
    ...F.years.map((y) => [String(y.year), y.fen] as [string, number[]]), ...F.phases.map((p) => [`phase ${p.phase}`, p.fen] as [string, number[]])];
  for (const [label, fen] of periods) {
    fen.forEach((v, k) => { if (!Number.isInteger(v) || v < 0) out.push(`flow ${F.lines[k].name} ${label} = ${v} (not whole fen ≥ 0)`); });
    const bal = balances(fen);
    const sum = bal.reduce((a, b) => a + b, 0);
    if (sum !== 0) out.push(`balances of ${label} sum to ${sum} fen, not 0`);
  }
  F.totalFen.forEach((v, k) => {
    const m = F.months.reduce((s, x) => s + x.fen[k], 0), y = F.years.reduce((s, x) => s + x.fen[k], 0);
    if (m !== v || y !== v) out.push(`flow ${F.lines[k].name}: months ${m}, years ${y}, total ${v}`);
  });
  const t = (name: string) => F.totalFen[at(name)];
  const eq = (a: number, b: number, what: string) => { if (a !== b) out.push(`${what}: flows ${a} ≠ ledger ${b}`); };
  PLATFORMS.forEach((p, i) => {
    eq(t(`purchase.${p}`) + (p === 'red' ? t('sales.red') : 0), L.gmvFen[i], `${p} purchases`);
    // RED's commission in the ledger includes its commission on linked marketplace GMV (flow commission.redLinked)
    eq(t(`commission.${p}`) + (p === 'red' ? t('commission.redLinked') : 0), L.commissionFen[i], `${p} commission`);
    if (p === 'taotian' || p === 'jd' || p === 'pdd') eq(t(`ads.search.${p}`), L.adRevenueFen[i], `${p} search ads`);
  });
  eq(t('ads.douyin'), L.adRevenueFen[4], 'douyin ads');
  const matching = t('ads.matching') + t('ads.matching.jd') + t('ads.matching.pdd'); // Taotian's, JD's and Pinduoduo's
  eq(t('ads.redFeed') + matching + t('ads.noteFee') - t('refund.red'), L.adRevenueFen[0], 'RED ad revenue');
  eq(t('refund.red'), L.refundsFen, 'refunds');
  eq(matching, L.matchingFen, 'matching');
  eq(t('ads.noteCreators'), L.creatorIncomeFen, 'creators\' part of sponsored notes');
  eq(t('ads.noteFee') + t('ads.noteCreators'), L.sponsoredSpendFen, 'sponsored notes');
  return out;
}
