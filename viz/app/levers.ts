import type { PolicyState } from '../../engine/index.ts';

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
}

const pctFmt = (v: number | string) => `${Math.round(Number(v) * 1000) / 10}%`;
const num = (d: number, unit = '') => (v: number | string) => `${Number(v).toFixed(d)}${unit}`;
const MARKETS = [['taotian', 'Taobao/Tmall'], ['jd', 'JD'], ['pdd', 'Pinduoduo']] as const;

/** The levers the panel offers: links and data sharing per destination, ad load, ROI guarantee, matching. */
export const LEVER_DEFS: readonly LeverDef[] = [
  ...MARKETS.flatMap(([m, name]): LeverDef[] => [
    { path: `links.${m}.notes`, label: 'Notes with links', group: `Links to ${name}`, kind: 'select', options: ['none', 'organic', 'ads', 'all'], format: String, help: `Which RED notes carry an outbound link to ${name}.`, needs: 'eligible merchants above 0%' },
    { path: `links.${m}.eligibleShare`, label: 'Eligible merchants', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.01, format: pctFmt, help: 'Share of merchants allowed to attach links, % of merchants.', needs: 'notes with links other than none' },
    { path: `links.${m}.friction`, label: 'Link friction', group: `Links to ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: num(2), help: '0 = deep link to the product, 1 = lands on search with full leakage.', needs: 'notes with links and eligible merchants' },
    { path: `dataSharing.${m}.level`, label: 'Data-sharing level', group: `Data sharing with ${name}`, kind: 'range', min: 0, max: 1, step: 0.05, format: pctFmt, help: 'Share of RED-seeded sales participating merchants can see.', needs: 'eligible merchants above 0% and a join rate (set by the scenario)' },
    { path: `dataSharing.${m}.eligibleShare`, label: 'Eligible merchants', group: `Data sharing with ${name}`, kind: 'range', min: 0, max: 1, step: 0.01, format: pctFmt, help: 'Share of merchants eligible to join the data program.', needs: 'a data-sharing level above 0%' },
  ]),
  { path: 'adLoad', label: 'Ad load', group: 'RED ads', kind: 'range', min: 0, max: 0.3, step: 0.005, format: pctFmt, help: 'Share of RED feed impressions that are ads.' },
  { path: 'roiGuarantee.threshold', label: 'Guaranteed ROI', group: 'ROI guarantee', kind: 'range', min: 0, max: 5, step: 0.1, format: num(1, ' RMB/RMB'), help: 'Promised RMB of traced GMV per RMB of RED spend, for Red Cat pilot merchants; 0 = no guarantee.', needs: 'a refund share above 0%' },
  { path: 'roiGuarantee.refundShare', label: 'Refund share', group: 'ROI guarantee', kind: 'range', min: 0, max: 1, step: 0.05, format: pctFmt, help: 'Share of the ROI shortfall RED refunds.', needs: 'a guaranteed ROI above 0' },
  { path: 'matching.rate', label: 'Matching rate', group: 'Taotian matching', kind: 'range', min: 0, max: 2, step: 0.1, format: num(1, ' RMB/RMB'), help: 'Taotian RMB per RMB of pilot merchants\' RED spend.', needs: 'a matching fund above ¥0' },
  { path: 'matching.capRmbPerMonth', label: 'Matching fund', group: 'Taotian matching', kind: 'range', min: 0, max: 2e9, step: 5e7, format: (v) => `¥${(Number(v) / 1e6).toFixed(0)}M/month`, help: 'Taotian\'s total matching fund, RMB per month.', needs: 'a matching rate above 0' },
];

/** Value of a dotted path in a policy state. */
export function valueAt(state: PolicyState, path: string): number | string {
  let v: unknown = state;
  for (const k of path.split('.')) v = (v as Record<string, unknown>)[k];
  return v as number | string;
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
