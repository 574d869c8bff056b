// Owns the per-party P&L of the Result (per year and per phase) and the raw flow totals (`Result.flows`), read off the books' flows block.
import { FLOW, FLOW_LINES, N_FLOWS, PARTIES } from '../books/flows.ts';
import { DOUYIN, PLATFORMS, RED } from '../constants.ts';
import type { Books } from './books.ts';
import { L, LEDGER_SIZE } from './ledger.ts';
import type { FlowTotals, PnlRow } from './resultTypes.ts';
import { rmbAt } from './scale.ts';

const slice = (a: Float64Array, i: number): number[] => Array.from(a.subarray(i * LEDGER_SIZE + L.flows, i * LEDGER_SIZE + L.flows + N_FLOWS));

/** Raw flow totals (whole fen, agent scale) per line: whole run, per year, phase and month. */
export function flowTotals(b: Books): FlowTotals {
  const months = b.monthLabels.map((month, i) => ({ month, fen: slice(b.monthAcc, i) }));
  const totalFen = new Array<number>(N_FLOWS).fill(0);
  for (const m of months) for (let k = 0; k < N_FLOWS; k++) totalFen[k] += m.fen[k];
  return {
    lines: FLOW_LINES.map(({ name, payer, payee }) => ({ name, payer, payee })),
    totalFen,
    years: b.years.map((year, i) => ({ year, fen: slice(b.yearAcc, i) })),
    phases: b.phases.map((p, i) => ({ phase: p.label, fen: slice(b.phaseAcc, i) })),
    months,
  };
}

/** P&L rows of one period from its flows (fen, agent scale); money in RMB at real scale. */
function periodRows(period: string, kind: 'year' | 'phase', fen: number[], weight: number, out: PnlRow[]): void {
  const rmb = rmbAt(weight);
  const add = (party: string, item: string, unit: string, value: number) => out.push({ period, kind, party, item, unit, value });
  for (const party of PARTIES) {
    let rev = 0, cost = 0;
    FLOW_LINES.forEach((l, k) => {
      if (l.payee === party) { rev += fen[k]; add(party, `revenue:${l.name}`, 'RMB', rmb(fen[k])); }
      if (l.payer === party) { cost += fen[k]; add(party, `cost:${l.name}`, 'RMB', rmb(fen[k])); }
    });
    add(party, 'revenue', 'RMB', rmb(rev));
    add(party, 'cost', 'RMB', rmb(cost));
    add(party, 'net', 'RMB', rmb(rev - cost));
  }
  // Merchants: sales, ad spend by channel, refunds, goods cost, margins.
  const gmv = FLOW.purchase.reduce((s, k) => s + fen[k], 0);
  const feed = fen[FLOW.redFeed], notes = fen[FLOW.noteFee] + fen[FLOW.noteCreators];
  const search = fen[FLOW.search[1]] + fen[FLOW.search[2]] + fen[FLOW.search[3]], douyin = fen[FLOW.douyin];
  const goods = fen[FLOW.goodsMerchants], refunds = fen[FLOW.refund];
  add('merchants', 'gmv', 'RMB', rmb(gmv));
  add('merchants', 'ad_spend:red_feed', 'RMB', rmb(feed));
  add('merchants', 'ad_spend:red_notes', 'RMB', rmb(notes));
  add('merchants', 'ad_spend:search', 'RMB', rmb(search));
  add('merchants', 'ad_spend:douyin', 'RMB', rmb(douyin));
  add('merchants', 'refunds', 'RMB', rmb(refunds));
  add('merchants', 'goods_cost', 'RMB', rmb(goods));
  add('merchants', 'gross_margin', 'RMB', rmb(gmv - goods));
  add('merchants', 'gross_margin_after_ads', 'RMB', rmb(gmv - goods - feed - notes - search - douyin + refunds));
  // Platforms: GMV, commission-only take rate and (ads + commission) / GMV, comparable with public take rates.
  PLATFORMS.forEach((name, p) => {
    const g = fen[FLOW.purchase[p]] + (p === RED ? fen[FLOW.salesRed] : 0);
    const ads = p === RED ? fen[FLOW.redFeed] + fen[FLOW.matching] + fen[FLOW.matchingJd] + fen[FLOW.matchingPdd] + fen[FLOW.noteFee] - refunds
      : p === DOUYIN ? douyin : fen[FLOW.search[p]];
    add(name, 'gmv', 'RMB', rmb(g));
    add(name, 'ad_revenue', 'RMB', rmb(ads));
    if (g > 0) {
      add(name, 'take_rate_commission', 'share of GMV', fen[FLOW.commission[p]] / g);
      add(name, 'take_rate_with_ads', 'share of GMV', (ads + fen[FLOW.commission[p]]) / g);
    }
  });
}

/** Per-party P&L per year and per phase (docs/result.md, P&L). */
export function pnl(b: Books): PnlRow[] {
  const out: PnlRow[] = [];
  b.years.forEach((y, i) => periodRows(String(y), 'year', slice(b.yearAcc, i), b.weight, out));
  b.phases.forEach((p, i) => periodRows(p.label, 'phase', slice(b.phaseAcc, i), b.weight, out));
  return out;
}
