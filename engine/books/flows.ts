// Owns the double-entry chart of accounts: the parties of the model and the fixed list of money flow lines (payer → payee).
/**
 * Every RMB that moves in the model is a posting on one of these lines, in whole fen at
 * agent scale (real RMB = fen / 100 × the user weight). A posting debits its payer and
 * credits its payee by the same amount, so all parties' balances sum to exactly zero over
 * any day, month, phase or year. `world` only receives goods cost: money that truly leaves
 * the model (suppliers, factories, logistics). The flows of a day live in the ledger's
 * `flows` block (metrics/ledger.ts; one slot per line, in this order) and are posted by
 * books/post.ts.
 */

/** The parties, in the order every per-party array uses. */
export const PARTIES = ['users', 'merchants', 'creators', 'red', 'taotian', 'jd', 'pdd', 'douyin', 'world'] as const;
export type Party = (typeof PARTIES)[number];
export const N_PARTIES = PARTIES.length;

/** One flow line: who pays whom, and what. Amounts are whole fen at agent scale, never negative. */
export interface FlowLine { name: string; payer: Party; payee: Party; doc: string }

const f = (name: string, payer: Party, payee: Party, doc: string): FlowLine => ({ name, payer, payee, doc });

/** The flow lines, in slot order (metrics/ledger.ts `flows` block). */
export const FLOW_LINES: readonly FlowLine[] = [
  f('purchase.red', 'users', 'merchants', 'Orders in RED\'s own stores sold by third-party merchants: RED-store GMV − RED\'s self-operated sales.'),
  f('purchase.taotian', 'users', 'merchants', 'Orders on Taobao/Tmall at list price (GMV).'),
  f('purchase.jd', 'users', 'merchants', 'Orders on JD (GMV).'),
  f('purchase.pdd', 'users', 'merchants', 'Orders on Pinduoduo (GMV).'),
  f('purchase.douyin', 'users', 'merchants', 'Orders in Douyin shops (GMV).'),
  f('sales.red', 'users', 'red', 'RED\'s self-operated retail (福利社): `ownStore.selfOperatedShare` of RED-store GMV, floored to whole fen.'),
  f('coupon.taotian', 'taotian', 'users', 'Red Cat coupons on linked Tmall purchases: the user pays list price less the coupon, Taotian funds the coupon (the merchant gets the full price, GMV is at list price).'),
  f('commission.red', 'merchants', 'red', 'RED\'s own-store commission on third-party sales (take × GMV, rounded to whole fen); its commission on linked marketplace GMV is `commission.redLinked`.'),
  f('commission.taotian', 'merchants', 'taotian', 'Taotian\'s commission (technical service fee, `take.taotian` × GMV; ads are separate lines).'),
  f('commission.jd', 'merchants', 'jd', 'JD\'s commission (`take.jd` × GMV).'),
  f('commission.pdd', 'merchants', 'pdd', 'Pinduoduo\'s transaction fee (`take.pdd` × GMV).'),
  f('commission.douyin', 'merchants', 'douyin', 'Douyin shops\' technical service fee (`take.douyin` × GMV).'),
  f('goods.merchants', 'merchants', 'world', 'Cost of goods the merchants sell: (1 − merchants.grossMargin.<category>) × their GMV, floored per category and day.'),
  f('goods.red', 'red', 'world', 'Cost of goods of RED\'s self-operated sales, at the same category margins, floored per day.'),
  f('ads.redFeed', 'merchants', 'red', 'RED feed ads (聚光) bought by merchants with their own budget.'),
  f('ads.matching', 'taotian', 'red', 'Taotian\'s matching of pilot merchants\' RED spend: extra RED feed ads Taotian pays for.'),
  f('ads.noteFee', 'merchants', 'red', 'RED\'s fee (`red.sponsoredFee`) on sponsored-note deals (蒲公英).'),
  f('ads.noteCreators', 'merchants', 'creators', 'The creators\' part of sponsored-note deals (deal − RED\'s fee).'),
  f('ads.search.taotian', 'merchants', 'taotian', 'Search ads on Taobao/Tmall (直通车 etc.).'),
  f('ads.search.jd', 'merchants', 'jd', 'Search ads on JD (京准通).'),
  f('ads.search.pdd', 'merchants', 'pdd', 'Search ads on Pinduoduo.'),
  f('ads.douyin', 'merchants', 'douyin', 'Douyin ads (巨量千川 etc.).'),
  f('refund.red', 'red', 'merchants', 'ROI-guarantee refunds of the Red Cat performance bet, at month end.'),
  f('buyerCommission', 'merchants', 'creators', 'Buyer (买手) commissions on RED-store sales, `creators.buyerCommission` × buyer-selling share × RED-store GMV of categories with active buyers, floored per category and month.'),
  f('commission.redLinked', 'merchants', 'red', 'RED\'s commission on GMV sold through RED links to the marketplaces (`links.<market>.redCommission` × linked GMV, rounded to whole fen per marketplace and day).'),
  f('ads.matching.jd', 'jd', 'red', 'JD\'s matching of its pilot merchants\' RED spend (lever `matching.jd`): extra RED feed ads JD pays for.'),
  f('ads.matching.pdd', 'pdd', 'red', 'Pinduoduo\'s matching of its pilot merchants\' RED spend (lever `matching.pdd`): extra RED feed ads Pinduoduo pays for.'),
];
export const N_FLOWS = FLOW_LINES.length;

const index = new Map(FLOW_LINES.map((l, i) => [l.name, i]));
/** Index of the flow line `name` (throws on an unknown name). */
export function flowIndex(name: string): number {
  const i = index.get(name);
  if (i === undefined) throw new Error(`unknown flow line ${name}`);
  return i;
}

/** Named indices of the lines the posting code writes. */
export const FLOW = {
  purchase: ['purchase.red', 'purchase.taotian', 'purchase.jd', 'purchase.pdd', 'purchase.douyin'].map(flowIndex),
  commission: ['commission.red', 'commission.taotian', 'commission.jd', 'commission.pdd', 'commission.douyin'].map(flowIndex),
  search: [-1, flowIndex('ads.search.taotian'), flowIndex('ads.search.jd'), flowIndex('ads.search.pdd'), -1],
  salesRed: flowIndex('sales.red'), coupon: flowIndex('coupon.taotian'),
  goodsMerchants: flowIndex('goods.merchants'), goodsRed: flowIndex('goods.red'),
  redFeed: flowIndex('ads.redFeed'), matching: flowIndex('ads.matching'), noteFee: flowIndex('ads.noteFee'),
  noteCreators: flowIndex('ads.noteCreators'), douyin: flowIndex('ads.douyin'), refund: flowIndex('refund.red'),
  buyerCommission: flowIndex('buyerCommission'), redLinked: flowIndex('commission.redLinked'),
  matchingJd: flowIndex('ads.matching.jd'), matchingPdd: flowIndex('ads.matching.pdd'),
} as const;

const partyIndex = (p: Party) => PARTIES.indexOf(p);
/** Payer and payee party index of every line. */
export const PAYER = Int32Array.from(FLOW_LINES, (l) => partyIndex(l.payer));
export const PAYEE = Int32Array.from(FLOW_LINES, (l) => partyIndex(l.payee));

/** Balances (received − paid, fen) per party of the flows `a[o .. o + N_FLOWS)`; they sum to 0 exactly when the flows are whole fen. */
export function balances(a: ArrayLike<number>, o = 0, out = new Float64Array(N_PARTIES)): Float64Array {
  out.fill(0);
  for (let k = 0; k < N_FLOWS; k++) { const v = a[o + k]; out[PAYEE[k]] += v; out[PAYER[k]] -= v; }
  return out;
}
