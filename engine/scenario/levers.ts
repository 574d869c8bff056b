/** The policy levers' documentation (LEVERS: path, unit, default, meaning) and leverPaths, to check it covers every leaf of PolicyState. */
import { CATEGORIES, CREATOR_TIERS } from '../constants.ts';
import { withNeutralLevers } from './neutralLevers.ts';
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
    [`links.${m}.redCommission`, 'share 0–1 of linked GMV', `Optional. RED's commission on GMV sold through RED links to ${name} (流量分成, e.g. on Red Cat sales), paid by the merchant to RED (flow \`commission.redLinked\`); merchants count it as a cost of their RED ads when they measure RED's return.`],
    ...CATEGORIES.map((c): [string, string, string] => [`links.${m}.eligibleByCategory.${c}`, 'share 0–1 of merchants', `Optional. Share of ${name} merchants of category ${c} allowed to attach links; replaces \`eligibleShare\` for that category (absent = \`eligibleShare\`).`]),
    [`links.${m}.minSizeQuantile`, 'size quantile 0–1', `Optional. Only ${name} merchants whose size quantile (0 = smallest, 1 = largest) is at least this may attach links (e.g. 0.8: the largest 20%, flagship brands).`],
    [`links.${m}.maxSizeQuantile`, 'size quantile 0–1', `Optional. Only ${name} merchants whose size quantile is below this may attach links (e.g. 0.5: the smaller half, SMEs); 1 = no upper limit.`],
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
  ['ownStore.trustCost', 'trust per day at full presence', 'Optional. User-trust cost of RED being "both referee and player": while own stores sell, active users lose this × own-store presence (merchantShare × (push + selfOperatedShare) / 2) of trust per day, like the cost of inauthentic notes. 0 = no cost.'],
  ['buyerSelling', 'share 0–1', 'Strength of buyer-led (买手) selling in RED stores: adds 0.5 × this to the own-store push of organic notes; buyer creators earn commission on own-store GMV.'],
  ['adLoad', 'share 0–1 of impressions', 'Ad load: share of RED feed impressions that are ads.'],
  ['roiGuarantee.threshold', 'RMB GMV per RMB of RED ad spend', 'ROI promised to Red Cat pilot merchants (traced GMV per RMB of RED spend); 0 = no guarantee.'],
  ['roiGuarantee.refundShare', 'share 0–1', 'Share of the ROI shortfall that RED refunds to a pilot merchant (refund = share × fee RED billed × (1 − ROI/threshold), never more than RED billed that month).'],
  ...MARKETS.slice(1).flatMap(([m, name]): [string, string, string][] => [
    [`roiGuarantee.${m}.threshold`, 'RMB GMV per RMB of RED ad spend', `Optional. ROI promised to ${name} pilot merchants (merchants with ad-note links to ${name}); 0 = none. The two levers above are Taotian's.`],
    [`roiGuarantee.${m}.refundShare`, 'share 0–1', `Optional. Share of the ROI shortfall that RED refunds to a ${name} pilot merchant (same rule as Taotian's).`],
  ]),
  ['matching.rate', 'RMB per RMB', 'Taotian\'s matching of pilot merchants\' RED ad spend (1 = "as much as the merchant spends, the platform spends").'],
  ['matching.capRmbPerMonth', 'RMB/month (real scale)', 'Taotian\'s total matching fund per month.'],
  ...MARKETS.slice(1).flatMap(([m, name]): [string, string, string][] => [
    [`matching.${m}.rate`, 'RMB per RMB', `Optional. ${name}'s matching of its pilot merchants' RED ad spend (merchants with ad-note links to ${name}), paid into RED feed ads next month (flow \`ads.matching.${m}\`); 0 = none. The two levers above are Taotian's.`],
    [`matching.${m}.capRmbPerMonth`, 'RMB/month (real scale)', `Optional. ${name}'s total matching fund per month.`],
  ]),
  ['benefits.coupon', 'share 0–1 of price', 'Coupon on linked Tmall purchases, paid by the platforms.'],
  ['benefits.membership', 'share 0–1', 'Membership benefit: raises the repurchase (loyalty) of linked buyers.'],
  ...MARKETS.map(([m, name]): [string, string, string] => [`contentTab.${m}`, 'share 0–1', `Strength of ${name}'s own content tab (Taobao 逛逛): raises its platform-choice utility.`]),
  ['trafficBoost', 'share 0–1', 'Taotian\'s algorithmic boost of quality RED-seeded traffic: add-to-cart of linked Taotian store entries × (1 + boost).'],
  ['douyinStrength', 'multiplier (1 = 2023 level)', 'Douyin\'s interest-e-commerce strength: scales impulse purchases on Douyin, adds log(strength) to Douyin\'s platform-choice utility and scales the RED feed time users lose to Douyin.'],
  ['creatorPay', 'multiplier (1 = market rates)', 'Multiplier on creators\' price per sponsored note.'],
  ...CREATOR_TIERS.map((t): [string, string, string] => [`creatorPayByTier.${t}`, 'multiplier (1 = market rates)', `Optional. Extra multiplier on the price per sponsored note of ${t} creators, on top of \`creatorPay\`: a higher price buys fewer deals with the same budget and raises those creators' income per deal.`]),
  ['buyerCommission', 'share 0–1 of GMV', 'Optional. Buyers\' (买手) commission on the RED-store sales they drive (absent = parameter `creators.buyerCommission`); paid by merchants to creators (flow `buyerCommission`).'],
  ...[...MARKETS, ['douyin', 'Douyin']].map(([m, name]): [string, string, string] => [`take.${m}`, 'share 0–1 of GMV', `Optional. ${name}'s commission (take) rate, excluding ads (absent = parameter \`take.${m}\`, the default shown).`]),
];

function valueAt(state: PolicyState, path: string): number | string | boolean {
  let v: unknown = state;
  for (const k of path.split('.')) v = (v as Record<string, unknown>)[k];
  return v as number | string | boolean;
}

/** Every lever with unit, default and meaning (the scenario reference in docs/scenarios.md is generated from it). */
export const LEVERS: readonly LeverDoc[] = DOCS.map(([path, unit, doc]) => ({ path, unit, default: valueAt(withNeutralLevers(defaultPolicy()), path), doc }));

/** Dotted paths of every leaf of a policy state (for checking that LEVERS is complete). */
export function leverPaths(state: object = withNeutralLevers(defaultPolicy()), prefix = ''): string[] {
  return Object.entries(state).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leverPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
