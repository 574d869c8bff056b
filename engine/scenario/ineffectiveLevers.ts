/**
 * Levers that have no effect in a window: why a lever cannot act in a policy state (blockedBy),
 * a what-if's changed levers against its base (ineffectiveLevers, used by the visualizer) and a
 * scenario's own timeline entries (leverWarnings, used by `validate` and `run`). Pure and deterministic.
 */
import { epochDay, isoOfEpochDay } from '../calendar.ts';
import { CATEGORIES } from '../constants.ts';
import { defaultPolicy, type LinkPolicy, type PolicyState } from './policy.ts';
import type { ResolvedEntry, ResolvedScenario } from './resolve.ts';

/** A lever change that does nothing on some days of the window, and why. */
export interface LeverWarning {
  /** Lever path in PolicyState (ineffectiveLevers), or the entry's field `policies[id=…].set.<lever>` (leverWarnings). */
  path: string;
  /** Spans [start, end] (YYYY-MM-DD) on which the change is in force but has no effect. */
  spans: { start: string; end: string }[];
  /** True when the change has no effect on any day of the window. */
  never: boolean;
  message: string;
}

const MARKET_NAMES: Record<string, string> = { taotian: 'Taobao/Tmall', jd: 'JD', pdd: 'Pinduoduo' };
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
const dayBefore = (iso: string) => isoOfEpochDay(epochDay(iso) - 1);
const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-12 : a === b);

/** Value of a dotted lever path in a policy state. */
export function leverValue(state: PolicyState, path: string): number | string | boolean {
  let v: unknown = state;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return v as number | string | boolean;
}

/** Does any merchant category have a positive eligible share for links (`eligibleByCategory.<category>`, else `eligibleShare`)? */
function anyEligible(l: LinkPolicy): boolean {
  const byCat = l.eligibleByCategory ?? {};
  return CATEGORIES.some((c) => (byCat[c] ?? l.eligibleShare) > 0);
}

/** Why no merchant at all can attach links to a marketplace (`l`), or null when some can; `leaf` is the lever asked about, which is not held against itself. */
function linksBlocked(l: LinkPolicy, name: string, leaf: string): string | null {
  const sizeLever = leaf === 'minSizeQuantile' || leaf === 'maxSizeQuantile';
  if (leaf !== 'eligibleShare' && leaf !== 'eligibleByCategory' && !anyEligible(l)) return `eligible merchants for links to ${name} are ${pct(l.eligibleShare)}`;
  if (leaf !== 'notes' && l.notes === 'none') return `no RED notes carry links to ${name} (notes with links: none)`;
  const lo = l.minSizeQuantile ?? 0, hi = l.maxSizeQuantile ?? 1;
  if (!sizeLever && hi < 1 && lo >= hi) return `no ${name} merchant is in the size band (size quantile from ${lo} to below ${hi})`;
  if (leaf === 'eligibleShare' && l.eligibleByCategory && CATEGORIES.every((c) => l.eligibleByCategory![c] !== undefined)) return `eligibleByCategory gives every category its own share for links to ${name}`;
  return null;
}

/** Why a marketplace has no pilot merchants (ad notes with links to it, eligible merchants), or null. */
function noPilots(l: LinkPolicy, name: string): string | null {
  if (l.notes !== 'ads' && l.notes !== 'all') return `${name} has no pilot merchants: ad notes carry no links to ${name} (notes with links: ${l.notes})`;
  const why = linksBlocked(l, name, 'notes'); // notes carry links: are there eligible merchants?
  return why ? `${name} has no pilot merchants: ${why}` : null;
}

/**
 * Why a lever at `path` has no effect in a policy state, or null when it can act:
 * links need notes that carry them and eligible merchants (by category, in the size band);
 * RED's commission on linked GMV and the size band need links; data sharing needs a
 * level, eligible merchants and a join rate; an ROI guarantee a threshold and a
 * refund share, matching a rate and a fund (JD's and Pinduoduo's also pilots: ad notes with
 * links to that marketplace); the own-store trust cost own stores that sell; the buyers'
 * commission buyer-led selling in own stores.
 */
export function blockedBy(path: string, st: PolicyState): string | null {
  const [head, market, leaf] = path.split('.');
  const name = MARKET_NAMES[market] ?? market;
  if (head === 'links') {
    const l = st.links[market as 'taotian'];
    return l ? linksBlocked(l, name, leaf) : null;
  }
  if (head === 'dataSharing') {
    const d = st.dataSharing[market as 'taotian'];
    if (!d) return null;
    if (leaf !== 'eligibleShare' && !(d.eligibleShare > 0)) return `eligible merchants for data sharing with ${name} are ${pct(d.eligibleShare)}`;
    if (leaf !== 'level' && !(d.level > 0)) return `the data-sharing level with ${name} is 0%`;
    if (!(d.joinRatePerMonth > 0)) return `no merchant joins the ${name} data program (join rate 0/month)`;
    return null;
  }
  if (head === 'roiGuarantee' && (market === 'jd' || market === 'pdd')) {
    const g = st.roiGuarantee[market] ?? { threshold: 0, refundShare: 0 };
    if (leaf === 'refundShare' && !(g.threshold > 0)) return `the ROI guaranteed to ${name} pilots is 0 (no guarantee)`;
    if (leaf === 'threshold' && !(g.refundShare > 0)) return `the refund share for ${name} pilots is 0%`;
    return noPilots(st.links[market], name);
  }
  if (head === 'matching' && (market === 'jd' || market === 'pdd')) {
    const m = st.matching[market] ?? { rate: 0, capRmbPerMonth: 0 };
    if (leaf === 'rate' && !(m.capRmbPerMonth > 0)) return `${name}'s matching fund is ¥0/month`;
    if (leaf === 'capRmbPerMonth' && !(m.rate > 0)) return `${name}'s matching rate is 0`;
    return noPilots(st.links[market], name);
  }
  if (path === 'roiGuarantee.refundShare' && !(st.roiGuarantee.threshold > 0)) return 'the guaranteed ROI is 0 (no guarantee)';
  if (path === 'roiGuarantee.threshold' && !(st.roiGuarantee.refundShare > 0)) return 'the refund share is 0%';
  if (path === 'matching.rate' && !(st.matching.capRmbPerMonth > 0)) return 'the matching fund is ¥0/month';
  if (path === 'matching.capRmbPerMonth' && !(st.matching.rate > 0)) return 'the matching rate is 0';
  if (path === 'ownStore.trustCost') {
    const o = st.ownStore;
    if (!o.enabled) return 'RED\'s own stores are off (ownStore.enabled: false)';
    if (!(o.merchantShare > 0)) return 'no merchant has a RED store (ownStore.merchantShare 0%)';
    if (!(o.push + o.selfOperatedShare > 0)) return 'own-store presence is 0 (push and self-operated share both 0)';
    return null;
  }
  if (path === 'buyerCommission') {
    if (!st.ownStore.enabled) return 'RED\'s own stores are off (ownStore.enabled: false), so buyers drive no RED-store sales';
    if (!(st.buyerSelling > 0)) return 'buyer-led selling is 0 (buyerSelling), so buyers drive no RED-store sales';
    return null;
  }
  return null;
}

function stateAt(s: ResolvedScenario, date: string): PolicyState {
  let st = s.initial;
  for (const e of s.timeline) if (e.date <= date) st = e.state;
  return st;
}

/** The days [from, end] cut at every date where a timeline entry of one of the scenarios takes effect: [start, end] spans. */
function spansOf(from: string, end: string, ...timelines: (readonly ResolvedEntry[])[]): { start: string; end: string }[] {
  const cuts = [...new Set([from, ...timelines.flatMap((t) => t.map((e) => e.date))])].filter((d) => d >= from && d <= end).sort();
  return cuts.map((start, i) => ({ start, end: i + 1 < cuts.length ? dayBefore(cuts[i + 1]) : end }));
}

/** Blocked spans merged where the reason repeats on adjacent days. */
function mergeDead(dead: { start: string; end: string; why: string }[], start: string, end: string, why: string): void {
  const last = dead[dead.length - 1];
  if (last && last.why === why && last.end === dayBefore(start)) last.end = end; else dead.push({ start, end, why });
}

/**
 * The changed levers of a what-if that have no effect on some or all days of the
 * window [from, end]: on each span between policy changes where the what-if's
 * value differs from the scenario's own, the lever is checked against the rest of
 * the what-if's policy (`blockedBy`). E.g. historical from 2021-08-01 with "notes
 * with links: all" to Taobao/Tmall: eligible merchants are 0% until the Red Cat
 * entry of 2025-05-07, so link-outs stay 0 until then.
 */
export function ineffectiveLevers(whatIf: ResolvedScenario, base: ResolvedScenario, from: string, paths: readonly string[]): LeverWarning[] {
  const spans = spansOf(from, whatIf.end, whatIf.timeline, base.timeline);
  const out: LeverWarning[] = [];
  for (const path of paths) {
    const dead: { start: string; end: string; why: string }[] = [];
    let active = 0, blocked = 0;
    for (const { start, end } of spans) {
      const w = stateAt(whatIf, start);
      if (same(leverValue(w, path), leverValue(stateAt(base, start), path))) continue; // the change is not in force here
      active++;
      const why = blockedBy(path, w);
      if (!why) continue;
      blocked++;
      mergeDead(dead, start, end, why);
    }
    if (active === 0) {
      out.push({ path, spans: [], never: true, message: `No effect in the window: from ${from} the scenario's own entries already give this lever the same value.` });
      continue;
    }
    if (!dead.length) continue;
    const never = blocked === active;
    const text = dead.map((d) => `from ${d.start} to ${d.end}: ${d.why}`).join('; ');
    out.push({ path, spans: dead.map(({ start, end }) => ({ start, end })), never, message: `${never ? 'No effect in the window' : 'No effect on part of the window'}, ${text}${never ? '' : ' (it acts on the other days)'}.` });
  }
  return out;
}

/** Lever values that switch a mechanism off (or, for an upper size limit, lift it): setting one is not an action that could lack an effect. */
function isOff(v: unknown, lever: string): boolean {
  return v === 'none' || v === 0 || v === false || (v === 1 && lever.endsWith('.maxSizeQuantile'));
}

function leaves(set: unknown, prefix = ''): string[] {
  if (typeof set !== 'object' || set === null) return [prefix.slice(0, -1)];
  return Object.entries(set).filter(([, v]) => v !== undefined).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`));
}

/**
 * The levers a scenario's timeline sets that have no effect from the day they take effect
 * (on all the days they are in force — from the entry's date until an entry sets the lever
 * again, or the end — or on the first ones), because another lever blocks them (`blockedBy`):
 * e.g. "notes with links: all" to Taobao/Tmall while the eligible share of merchants is 0%
 * after the 2021 cut. A lever that acts when set and is blocked later by another entry is
 * not reported (that is the timeline switching the mechanism off). Levers
 * set to an off value (none, 0, false) and levers the entry does not change are not
 * reported. `path` names the field: `policies[id=<id>].set.<lever>` (or
 * `policies[@<date>#<k>]` for an entry without id). The scenario itself is not changed.
 */
export function leverWarnings(s: ResolvedScenario): LeverWarning[] {
  const out: LeverWarning[] = [];
  const count = new Map<string, number>();
  s.timeline.forEach((e, i) => {
    const k = count.get(e.date) ?? 0;
    count.set(e.date, k + 1);
    const entryPath = e.id !== undefined ? `policies[id=${e.id}]` : `policies[@${e.date}#${k}]`;
    const prev = i > 0 ? s.timeline[i - 1].state : defaultPolicy(); // the state the entry patches
    for (const lever of leaves(e.set)) {
      const value = leverValue(e.state, lever);
      if (isOff(value, lever) || same(value, leverValue(prev, lever))) continue;
      // Days the entry's value is in force: up to the next entry (of any date after this one) that sets the lever.
      const next = s.timeline.slice(i + 1).find((x) => x.date > e.date && leaves(x.set).includes(lever));
      const last = next ? dayBefore(next.date) : s.end;
      if (last < e.date) continue;
      const dead: { start: string; end: string; why: string }[] = [];
      let spans = 0, blocked = 0;
      for (const span of spansOf(e.date, last, s.timeline)) {
        spans++;
        const why = blockedBy(lever, stateAt(s, span.start));
        if (why) { blocked++; mergeDead(dead, span.start, span.end, why); }
      }
      if (!dead.length || dead[0].start !== e.date) continue; // it acts when it takes effect: a later entry switching the mechanism off is history, not a lever without effect
      const never = blocked === spans;
      const text = dead.map((d) => `from ${d.start} to ${d.end}: ${d.why}`).join('; ');
      out.push({
        path: `${entryPath}.set.${lever}`, spans: dead.map(({ start, end }) => ({ start, end })), never,
        message: `${JSON.stringify(value)} has ${never ? 'no effect while in force' : 'no effect on part of the days it is in force'}, ${text}${never ? '' : ' (it acts on the other days)'}`,
      });
    }
  });
  return out;
}
