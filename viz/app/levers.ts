import { CATEGORIES, CREATOR_TIERS } from '../../engine/constants.ts';
import type { PolicyState } from '../../engine/index.ts';
import { withNeutralLevers } from '../../engine/scenario/neutralLevers.ts';
import { categoryName } from '../charts/categoryChart.ts';

/** A lever control of the what-if panel: a leaf of PolicyState (see engine LEVERS for meanings). */
export interface LeverDef {
  /** Dotted path in PolicyState, e.g. `links.taotian.eligibleShare`. */
  path: string;
  label: string;
  /** Fieldset the control is grouped in. */
  group: string;
  kind: 'range' | 'select';
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  /** Value shown beside the control, with its unit. */
  format: (v: number | string) => string;
  /** Longer help: unit and meaning. */
  help: string;
  /** What else must be set for the lever to act (see ineffectiveLevers). */
  needs?: string;
  /**
   * A family of levers shown as one picker and one control (e.g. the eligible share per
   * category): `key` names the family, `option` this lever's value of the picker.
   */
  pick?: { key: string; label: string; option: string; optionLabel: string };
}

const pctFmt = (v: number | string) => `${Math.round(Number(v) * 1000) / 10}%`;
const num = (d: number, unit = '') => (v: number | string) => `${Number(v).toFixed(d)}${unit}`;
const MARKETS = [['taotian', 'Taobao/Tmall'], ['jd', 'JD'], ['pdd', 'Pinduoduo']] as const;
const TAKE_PLATFORMS = [...MARKETS, ['douyin', 'Douyin']] as const;
const TIER_NAMES: Record<string, string> = { head_kol: 'Head KOLs', mid_kol: 'Mid-tier KOLs', koc: 'KOCs', buyer: 'Buyers (买手)' };
const TIER_TEXT: Record<string, string> = { head_kol: 'head KOLs', mid_kol: 'mid-tier KOLs', koc: 'KOCs (key opinion consumers)', buyer: 'buyers (买手)' };
const times = (v: number | string) => `×${Number(v).toFixed(2)}`;
/** Size quantile as a share of merchants by size: 0 = the smallest, 1 = the largest. */
const quantile = (v: number | string) => `q ${Number(v).toFixed(2)}`;

/**
 * The levers the panel offers: links (with RED's commission on linked GMV, eligibility per
 * category and a size band) and data sharing per destination, ad load, ROI guarantees per
 * marketplace, matching, take rates, creators' pay and buyers' commission, own-store trust cost.
 * Levers marked optional in the engine (what-if v2) default to their neutral value (neutralLevers.ts).
 */
export const LEVER_DEFS: readonly LeverDef[] = [
  ...MARKETS.flatMap(([m, name]): LeverDef[] => [
    { path: `links.${m}.notes`, label: 'Notes with links', group: `Links to ${name}`, kind: 'select', options: ['none', 'organic', 'ads', 'all'], format: String, help: `Which RED notes carry an outbound link to ${name}.`, needs: 'eligible merchants above 0%' },
    { path: `links.${m}.eligibleShare`, label: 'Eligible merchants', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.01, format: pctFmt, help: 'Share of merchants allowed to attach links, % of merchants (a category\'s own eligible share, below, replaces it for that category).', needs: 'notes with links other than none' },
    { path: `links.${m}.friction`, label: 'Link friction', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: num(2), help: '0 = deep link to the product, 1 = lands on search with full leakage.', needs: 'notes with links and eligible merchants' },
    { path: `links.${m}.redCommission`, label: 'RED commission on linked GMV', group: `Links to ${name}`, kind: 'range', min: 0, max: 0.2, step: 0.005, format: pctFmt, help: `RED's commission (流量分成), % of the ${name} GMV sold through RED links, paid by the merchant to RED (P&L line "commission on linked GMV"); merchants count it as a cost of their RED ads when they judge RED's return. 0% = none.`, needs: 'notes with links and eligible merchants' },
    ...CATEGORIES.map((c): LeverDef => ({
      path: `links.${m}.eligibleByCategory.${c}`, label: `Eligible ${categoryName(c)} merchants`, group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.01, format: pctFmt,
      help: `Share of ${name} merchants of category ${categoryName(c)} allowed to attach links, % of the category's merchants; replaces "eligible merchants" for that category (unchanged = follows it).`,
      needs: 'notes with links other than none and eligible merchants above 0%',
      pick: { key: `links.${m}.eligibleByCategory`, label: 'Eligibility of a category', option: c, optionLabel: categoryName(c) },
    })),
    { path: `links.${m}.minSizeQuantile`, label: 'Size band: from', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: quantile, help: `Only ${name} merchants whose size quantile (0 = the smallest, 1 = the largest) is at least this may attach links; e.g. q 0.80 = the largest 20% (flagship brands). q 0.00 = no lower limit.`, needs: 'notes with links and eligible merchants' },
    { path: `links.${m}.maxSizeQuantile`, label: 'Size band: to', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: quantile, help: `Only ${name} merchants whose size quantile is below this may attach links; e.g. q 0.50 = the smaller half (SMEs). q 1.00 = no upper limit.`, needs: 'notes with links and eligible merchants' },
    { path: `dataSharing.${m}.level`, label: 'Data-sharing level', group: `Data sharing with ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: pctFmt, help: 'Share of RED-seeded sales participating merchants can see.', needs: 'eligible merchants above 0% and a join rate (set by the scenario)' },
    { path: `dataSharing.${m}.eligibleShare`, label: 'Eligible merchants', group: `Data sharing with ${name}`, kind: 'range', min: 0, max: 1, step: 0.01, format: pctFmt, help: 'Share of merchants eligible to join the data program.', needs: 'a data-sharing level above 0%' },
  ]),
  { path: 'adLoad', label: 'Ad load', group: 'RED ads', kind: 'range', min: 0, max: 0.3, step: 0.005, format: pctFmt, help: 'Share of RED feed impressions that are ads.' },
  { path: 'roiGuarantee.threshold', label: 'Taotian: guaranteed ROI', group: 'ROI guarantee', kind: 'range', min: 0, max: 5, step: 0.1, format: num(1, ' RMB/RMB'), help: 'Promised RMB of traced GMV per RMB of RED spend, for Red Cat pilot merchants (Taotian); 0 = no guarantee.', needs: 'a Taotian refund share above 0%' },
  { path: 'roiGuarantee.refundShare', label: 'Taotian: refund share', group: 'ROI guarantee', kind: 'range', min: 0, max: 1, step: 0.05, format: pctFmt, help: 'Share of the ROI shortfall RED refunds (Taotian pilots).', needs: 'a Taotian guaranteed ROI above 0' },
  ...MARKETS.slice(1).flatMap(([m, name]): LeverDef[] => [
    { path: `roiGuarantee.${m}.threshold`, label: `${name}: guaranteed ROI`, group: 'ROI guarantee', kind: 'range', min: 0, max: 5, step: 0.1, format: num(1, ' RMB/RMB'), help: `Promised RMB of traced GMV per RMB of RED spend, for ${name} pilot merchants (merchants with ad-note links to ${name}); 0 = no guarantee. The two levers above are Taotian's.`, needs: `a ${name} refund share above 0% and ad notes with links to ${name}` },
    { path: `roiGuarantee.${m}.refundShare`, label: `${name}: refund share`, group: 'ROI guarantee', kind: 'range', min: 0, max: 1, step: 0.05, format: pctFmt, help: `Share of the ROI shortfall RED refunds to a ${name} pilot merchant (same rule as Taotian's).`, needs: `a ${name} guaranteed ROI above 0` },
  ]),
  { path: 'matching.rate', label: 'Matching rate', group: 'Taotian matching', kind: 'range', min: 0, max: 2, step: 0.1, format: num(1, ' RMB/RMB'), help: 'Taotian RMB per RMB of pilot merchants\' RED spend.', needs: 'a matching fund above ¥0' },
  { path: 'matching.capRmbPerMonth', label: 'Matching fund', group: 'Taotian matching', kind: 'range', min: 0, max: 2e9, step: 5e7, format: (v) => `¥${(Number(v) / 1e6).toFixed(0)}M/month`, help: 'Taotian\'s total matching fund, RMB per month.', needs: 'a matching rate above 0' },
  ...TAKE_PLATFORMS.map(([p, name]): LeverDef => ({ path: `take.${p}`, label: `${name} take rate`, group: 'Take rates', kind: 'range', min: 0, max: 0.1, step: 0.001, format: pctFmt, help: `${name}'s commission (take) rate, % of its GMV, excluding ads; unchanged = the model's parameter.` })),
  ...CREATOR_TIERS.map((t): LeverDef => ({ path: `creatorPayByTier.${t}`, label: `Pay of ${TIER_NAMES[t]}`, group: 'Creators', kind: 'range', min: 0, max: 3, step: 0.05, format: times, help: `Multiplier on the price per sponsored note of ${TIER_TEXT[t]}, on top of the overall creator pay (×1.00 = market rates): a higher price buys fewer deals with the same budget and raises those creators' income per deal.` })),
  { path: 'buyerCommission', label: 'Buyers\' commission', group: 'Creators', kind: 'range', min: 0, max: 0.5, step: 0.01, format: pctFmt, help: 'Buyers\' (买手) commission, % of the RED-store GMV they drive, paid by merchants to the buyer creators; unchanged = the model\'s parameter.', needs: 'own stores that sell with buyer-led selling (set by the scenario)' },
  { path: 'ownStore.trustCost', label: 'Trust cost of own stores', group: 'Own stores', kind: 'range', min: 0, max: 0.1, step: 0.002, format: num(3, '/day'), help: 'Trust RED users lose per active day at full own-store presence, for RED being "both referee and player"; scaled by presence = merchants with a store × (push + self-operated share) / 2. 0 = no cost (inauthentic notes cost 0.02 trust/day per unit).', needs: 'own stores that sell (set by the scenario)' },
];

const walk = (state: PolicyState, path: string): unknown => {
  let v: unknown = state;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
};
const neutral = new WeakMap<PolicyState, PolicyState>();

/** A lever label inside a sentence: first letter in lower case, except for names and acronyms ("RED commission…", "JD: refund share"). */
export function labelInText(label: string): string {
  return /^(RED|JD|GMV|ROI|Pinduoduo|Douyin|Taobao|Taotian|Tmall)\b/.test(label) ? label : label[0].toLowerCase() + label.slice(1);
}

/** Value of a dotted path in a policy state; an optional lever the state leaves unset reads as its neutral value (engine withNeutralLevers). */
export function valueAt(state: PolicyState, path: string): number | string {
  const v = walk(state, path);
  if (v !== undefined) return v as number | string;
  let full = neutral.get(state);
  if (!full) neutral.set(state, (full = withNeutralLevers(state)));
  return walk(full, path) as number | string;
}

/** A nested `set` patch from dotted-path values ({"links.jd.notes": "all"} → {links: {jd: {notes: "all"}}}). */
export function nestPatch(values: Record<string, number | string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(values)) {
    const keys = path.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]] = v;
  }
  return out;
}

/** Dotted-path leaves of a nested patch (inverse of nestPatch). */
export function flattenPatch(patch: Record<string, unknown>, prefix = ''): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (typeof v === 'object' && v !== null) Object.assign(out, flattenPatch(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v as number | string | boolean;
  }
  return out;
}
