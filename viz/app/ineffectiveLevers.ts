import type { PolicyState, ResolvedScenario } from '../../engine/index.ts';
import { valueAt } from './levers.ts';

/** A lever change that does nothing on some days of the window, and why. */
export interface LeverWarning {
  path: string;
  /** Spans [start, end] (YYYY-MM-DD) on which the change is in force but has no effect. */
  spans: { start: string; end: string }[];
  /** True when the change has no effect on any day of the window. */
  never: boolean;
  message: string;
}

const MARKET_NAMES: Record<string, string> = { taotian: 'Taobao/Tmall', jd: 'JD', pdd: 'Pinduoduo' };
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * Why a lever at `path` has no effect in a policy state, or null when it can act:
 * links need notes that carry them and eligible merchants; data sharing needs a
 * level, eligible merchants and a join rate; the ROI guarantee a threshold and a
 * refund share; matching a rate and a fund.
 */
export function blockedBy(path: string, st: PolicyState): string | null {
  const [head, market, leaf] = path.split('.');
  const name = MARKET_NAMES[market] ?? market;
  if (head === 'links') {
    const l = st.links[market as 'taotian'];
    if (leaf !== 'eligibleShare' && !(l.eligibleShare > 0)) return `eligible merchants for links to ${name} are ${pct(l.eligibleShare)}`;
    if (leaf !== 'notes' && l.notes === 'none') return `no RED notes carry links to ${name} (notes with links: none)`;
    return null;
  }
  if (head === 'dataSharing') {
    const d = st.dataSharing[market as 'taotian'];
    if (leaf !== 'eligibleShare' && !(d.eligibleShare > 0)) return `eligible merchants for data sharing with ${name} are ${pct(d.eligibleShare)}`;
    if (leaf !== 'level' && !(d.level > 0)) return `the data-sharing level with ${name} is 0%`;
    if (!(d.joinRatePerMonth > 0)) return `no merchant joins the ${name} data program (join rate 0/month)`;
    return null;
  }
  if (path === 'roiGuarantee.refundShare' && !(st.roiGuarantee.threshold > 0)) return 'the guaranteed ROI is 0 (no guarantee)';
  if (path === 'roiGuarantee.threshold' && !(st.roiGuarantee.refundShare > 0)) return 'the refund share is 0%';
  if (path === 'matching.rate' && !(st.matching.capRmbPerMonth > 0)) return 'the matching fund is ¥0/month';
  if (path === 'matching.capRmbPerMonth' && !(st.matching.rate > 0)) return 'the matching rate is 0';
  return null;
}

function stateAt(s: ResolvedScenario, date: string): PolicyState {
  let st = s.initial;
  for (const e of s.timeline) if (e.date <= date) st = e.state;
  return st;
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-12 : a === b);

/**
 * The changed levers of a what-if that have no effect on some or all days of the
 * window [from, end]: on each span between policy changes where the what-if's
 * value differs from the scenario's own, the lever is checked against the rest of
 * the what-if's policy (`blockedBy`). E.g. historical from 2021-08-01 with "notes
 * with links: all" to Taobao/Tmall: eligible merchants are 0% until the Red Cat
 * entry of 2025-05-07, so link-outs stay 0 until then. Deterministic and pure.
 */
export function ineffectiveLevers(whatIf: ResolvedScenario, base: ResolvedScenario, from: string, paths: readonly string[]): LeverWarning[] {
  const end = whatIf.end;
  const cuts = [...new Set([from, ...whatIf.timeline.map((e) => e.date), ...base.timeline.map((e) => e.date)])].filter((d) => d >= from && d <= end).sort();
  const out: LeverWarning[] = [];
  for (const path of paths) {
    const dead: { start: string; end: string; why: string }[] = [];
    let active = 0, blocked = 0;
    cuts.forEach((start, i) => {
      const stop = i + 1 < cuts.length ? dayBefore(cuts[i + 1]) : end;
      const w = stateAt(whatIf, start);
      if (same(valueAt(w, path), valueAt(stateAt(base, start), path))) return; // the change is not in force here
      active++;
      const why = blockedBy(path, w);
      if (!why) return;
      blocked++;
      const last = dead[dead.length - 1];
      if (last && last.why === why && last.end === dayBefore(start)) last.end = stop; else dead.push({ start, end: stop, why });
    });
    if (active === 0) {
      out.push({ path, spans: [], never: true, message: `No effect in the window: from ${from} the scenario's own entries already give this lever the same value.` });
      continue;
    }
    if (!dead.length) continue;
    const never = blocked === active;
    const spans = dead.map((d) => `from ${d.start} to ${d.end}: ${d.why}`).join('; ');
    out.push({ path, spans: dead.map(({ start, end: e }) => ({ start, end: e })), never, message: `${never ? 'No effect in the window' : 'No effect on part of the window'}, ${spans}${never ? '' : ' (it acts on the other days)'}.` });
  }
  return out;
}
