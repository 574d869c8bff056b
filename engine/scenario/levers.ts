/** The policy levers' documentation (LEVERS: path, unit, default, meaning) and leverPaths, to check it covers every leaf of PolicyState. */
import { defaultPolicy, type PolicyState } from './policy.ts';

/** Documentation of one policy lever: a leaf of PolicyState, as a dotted path. */
export interface LeverDoc {
  /** Dotted path in a timeline entry's `set`, e.g. `links.taotian.friction`. */
  path: string;
  /** Unit or value set, e.g. `share 0–1`, `RMB/month`, `none | organic | ads | all`. */
  unit: string;
  /** The value in force before any timeline entry (defaultPolicy(), the 2018 closed loop). */
  default: number | string | boolean;
  doc: string;
}

const MARKETS = [['taotian', 'Taobao/Tmall'], ['jd', 'JD'], ['pdd', 'Pinduoduo']] as const;

/** Unit and meaning of every lever, in documentation order (defaults are read from defaultPolicy()). */
const DOCS: [string, string, string][] = [
  ...MARKETS.flatMap(([m, name]): [string, string, string][] => [
    [`links.${m}.notes`, 'none | organic | ads | all', `Which RED notes carry an outbound link to ${name}: none, organic notes, ad notes (feed ads and sponsored notes), or all.`],
    [`links.${m}.friction`, 'share 0–1', `Link friction to ${name}: 0 = deep link to the product page, 1 = the link lands on a search/store page with the full search leakage.`],
    [`links.${m}.eligibleShare`, 'share 0–1 of merchants', `Share of ${name} merchants allowed to attach links.`],
  ]),
  ...MARKETS.flatMap(([m, name]): [string, string, string][] => [
    [`dataSharing.${m}.level`, 'share 0–1', `Data-sharing level with ${name}: share of RED-seeded ${name} sales that participating merchants can see; also sharpens ad targeting of members.`],
    [`dataSharing.${m}.eligibleShare`, 'share 0–1 of merchants', `Share of merchants eligible to join the ${name} data program.`],
    [`dataSharing.${m}.joinRatePerMonth`, 'probability/month', `Monthly probability that an eligible merchant joins the ${name} data program.`],
  ]),
  ['audienceTags', 'tags (whole number)', 'Fine-grained audience tags built from joined data (the end-2023 program built ~200); raises targeting precision with log(1 + tags).'],
  ['adTools', 'share 0–1', 'Efficiency of RED\'s ad tools (聚光 Lite, 乘风): adds targeting precision.'],
  ['ownStore.enabled', 'true | false', 'Whether RED\'s own stores sell at all.'],
  ['ownStore.merchantShare', 'share 0–1 of merchants', 'Share of merchants with a RED store.'],
  ['ownStore.push', 'probability 0–1', 'Own-store push: probability that a seeded user of a merchant with a RED store buys in-app.'],
  ['ownStore.commission', 'share of GMV', 'RED\'s commission on own-store sales by third-party merchants.'],
  ['ownStore.selfOperatedShare', 'share 0–1 of own-store GMV', 'Share of own-store GMV that RED sells itself (福利社), booked as sales revenue.'],
  ['buyerSelling', 'share 0–1', 'Strength of buyer-led (买手) selling in RED stores: adds 0.5 × this to the own-store push of organic notes; buyer creators earn commission on own-store GMV.'],
  ['adLoad', 'share 0–1 of impressions', 'Ad load: share of RED feed impressions that are ads.'],
  ['roiGuarantee.threshold', 'RMB GMV per RMB of RED ad spend', 'ROI promised to Red Cat pilot merchants (traced GMV per RMB of RED spend); 0 = no guarantee.'],
  ['roiGuarantee.refundShare', 'share 0–1', 'Share of the ROI shortfall that RED refunds to a pilot merchant (refund = share × fee RED billed × (1 − ROI/threshold), never more than RED billed that month).'],
  ['matching.rate', 'RMB per RMB', 'Taotian\'s matching of pilot merchants\' RED ad spend (1 = "as much as the merchant spends, the platform spends").'],
  ['matching.capRmbPerMonth', 'RMB/month (real scale)', 'Taotian\'s total matching fund per month.'],
  ['benefits.coupon', 'share 0–1 of price', 'Coupon on linked Tmall purchases, paid by the platforms.'],
  ['benefits.membership', 'share 0–1', 'Membership benefit: raises the repurchase (loyalty) of linked buyers.'],
  ...MARKETS.map(([m, name]): [string, string, string] => [`contentTab.${m}`, 'share 0–1', `Strength of ${name}'s own content tab (Taobao 逛逛): raises its platform-choice utility.`]),
  ['trafficBoost', 'share 0–1', 'Taotian\'s algorithmic boost of quality RED-seeded traffic: add-to-cart of linked Taotian store entries × (1 + boost).'],
  ['douyinStrength', 'multiplier (1 = 2023 level)', 'Douyin\'s interest-e-commerce strength: scales impulse purchases on Douyin, adds log(strength) to Douyin\'s platform-choice utility and scales the RED feed time users lose to Douyin.'],
  ['creatorPay', 'multiplier (1 = market rates)', 'Multiplier on creators\' price per sponsored note.'],
];

function valueAt(state: PolicyState, path: string): number | string | boolean {
  let v: unknown = state;
  for (const k of path.split('.')) v = (v as Record<string, unknown>)[k];
  return v as number | string | boolean;
}

/** Every lever with unit, default and meaning (the scenario reference in docs/scenarios.md is generated from it). */
export const LEVERS: readonly LeverDoc[] = DOCS.map(([path, unit, doc]) => ({ path, unit, default: valueAt(defaultPolicy(), path), doc }));

/** Dotted paths of every leaf of a policy state (for checking that LEVERS is complete). */
export function leverPaths(state: object = defaultPolicy(), prefix = ''): string[] {
  return Object.entries(state).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leverPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
