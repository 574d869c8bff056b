/** The policy components that differ between two resolved scenarios (policyComponents) and the hybrid scenario of a coalition of them (hybridScenario). */
import { checkParameterRules } from '../scenario/constraints.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { applyPolicyPatch, defaultPolicy, type PolicyState } from '../scenario/policy.ts';
import type { ResolvedEntry, ResolvedScenario } from '../scenario/resolve.ts';
import { stableHash, stableStringify } from '../scenario/stableHash.ts';

/** How finely `explain` splits the difference: one component per timeline entry, or per lever leaf of each entry. */
export type ComponentGrain = 'entry' | 'lever';

/**
 * One part of the difference between scenarios A and B:
 * - `entry`: a timeline entry (matched by `id`, else by date and position among the
 *   date's entries without id) that is only in A, only in B, or in both with a
 *   different date or `set` (labels and phase names do not count: they change no draw);
 * - `lever` (grain 'lever'): one lever leaf of the `set` of an entry that is in both
 *   arms on the same date and whose value differs (or is set in one arm only);
 * - `parameter`: a model parameter whose value differs.
 */
export interface Component {
  /** Stable name, e.g. `entry:redcat-2025`, `lever:redcat-2025/roiGuarantee.threshold`, `parameter:adAuction.floor`. */
  id: string;
  kind: 'entry' | 'lever' | 'parameter';
  /** Entry key (id or `DATE#k`) for entry and lever components. */
  entry?: string;
  /** Lever path (lever components) or parameter key (parameter components). */
  path?: string;
  /** What A and B have, in words (`absent` when an arm lacks the entry or leaf). */
  a: string;
  b: string;
  /** The change in words, e.g. `roiGuarantee.threshold 2 → 0`, `removed in B (2023-09-01)`, `added in B (2025-05-07)`. */
  change: string;
}

interface FlatEntry { key: string; date: string; id?: string; phase?: string; label?: string; flat: Map<string, unknown> }

function flatten(patch: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof patch === 'object' && patch !== null && !Array.isArray(patch)) {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) flatten(v, `${prefix}${k}.`, out);
  } else out.set(prefix.slice(0, -1), patch);
  return out;
}

function nest(flat: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, v] of flat) {
    const keys = path.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]] = v;
  }
  return out;
}

function keyed(timeline: readonly ResolvedEntry[]): FlatEntry[] {
  const count = new Map<string, number>();
  return timeline.map((e) => {
    let key = e.id;
    if (key === undefined) { const k = count.get(e.date) ?? 0; count.set(e.date, k + 1); key = `${e.date}#${k}`; }
    return { key, date: e.date, id: e.id, phase: e.phase, label: e.label, flat: flatten(e.set) };
  });
}

const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
const sameFlat = (x: Map<string, unknown>, y: Map<string, unknown>) => x.size === y.size && [...x].every(([k, v]) => y.has(k) && stableStringify(y.get(k)) === stableStringify(v));
const entryText = (e: FlatEntry | undefined) => (e ? `${e.date} ${stableStringify(nest(e.flat))}` : 'absent');

function entryChange(x: FlatEntry | undefined, y: FlatEntry | undefined): string {
  if (!x) return `added in B (${y!.date})`;
  if (!y) return `removed in B (${x.date})`;
  const parts = x.date !== y.date ? [`date ${x.date} → ${y.date}`] : [];
  for (const p of [...new Set([...x.flat.keys(), ...y.flat.keys()])].sort()) {
    if (stableStringify(x.flat.get(p)) !== stableStringify(y.flat.get(p))) parts.push(`${p} ${show(x.flat.get(p))} → ${show(y.flat.get(p))}`);
  }
  return parts.join('; ');
}

/** Why A and B cannot be decomposed, as a ScenarioError naming the field. */
function refuse(path: string, message: string): never {
  throw new ScenarioError([{ path, message }], 'explain');
}

/**
 * The components that differ between A and B (entries or levers, then parameters, in
 * timeline and key order). Throws a ScenarioError when the two cannot be decomposed:
 * different spans (start/end), or no difference at all.
 */
export function policyComponents(a: ResolvedScenario, b: ResolvedScenario, grain: ComponentGrain = 'entry'): Component[] {
  if (a.start !== b.start) refuse('start', `expected both scenarios to start on the same day to decompose B − A, got A ${a.start} and B ${b.start}`);
  if (a.end !== b.end) refuse('end', `expected both scenarios to end on the same day to decompose B − A, got A ${a.end} and B ${b.end}`);
  const ea = keyed(a.timeline), eb = keyed(b.timeline);
  const keys = [...new Set([...ea.map((e) => e.key), ...eb.map((e) => e.key)])];
  const date = (k: string) => (ea.find((e) => e.key === k) ?? eb.find((e) => e.key === k))!.date;
  keys.sort((x, y) => (date(x) < date(y) ? -1 : date(x) > date(y) ? 1 : 0));
  const out: Component[] = [];
  for (const key of keys) {
    const x = ea.find((e) => e.key === key), y = eb.find((e) => e.key === key);
    if (x && y && x.date === y.date && sameFlat(x.flat, y.flat)) continue;
    if (grain === 'lever' && x && y && x.date === y.date) {
      const paths = [...new Set([...x.flat.keys(), ...y.flat.keys()])].sort();
      for (const p of paths) {
        if (stableStringify(x.flat.get(p)) === stableStringify(y.flat.get(p))) continue;
        out.push({ id: `lever:${key}/${p}`, kind: 'lever', entry: key, path: p, a: show(x.flat.get(p)), b: show(y.flat.get(p)), change: `${show(x.flat.get(p))} → ${show(y.flat.get(p))}` });
      }
    } else out.push({ id: `entry:${key}`, kind: 'entry', entry: key, a: entryText(x), b: entryText(y), change: entryChange(x, y) });
  }
  for (const k of Object.keys({ ...a.parameters, ...b.parameters }).sort()) {
    if (a.parameters[k] !== b.parameters[k]) out.push({ id: `parameter:${k}`, kind: 'parameter', path: k, a: show(a.parameters[k]), b: show(b.parameters[k]), change: `${show(a.parameters[k])} → ${show(b.parameters[k])}` });
  }
  if (!out.length) refuse('policies', `expected scenarios whose policies or parameters differ, got ${JSON.stringify(a.id)} and ${JSON.stringify(b.id)} with the same timeline and parameters (nothing to decompose)`);
  return out;
}

/** The policy in force on each day that starts a change: initial state and (date, state) of the last entry of each date after the start. */
export function effectivePolicy(s: ResolvedScenario): string {
  const byDate = new Map<string, PolicyState>();
  for (const e of s.timeline) if (e.date > s.start) byDate.set(e.date, e.state);
  return stableStringify({ initial: s.initial, changes: [...byDate], parameters: s.parameters, start: s.start, end: s.end });
}

/**
 * The hybrid of A and B for a coalition: A with the coalition's components taken from
 * B (an entry or lever leaf as B has it, or removed where B lacks it; a parameter at B's
 * value). Entries keep A's order; an entry taken from B goes after A's entries of its
 * date. Throws a ScenarioError when the hybrid breaks a rule between parameters.
 */
export function hybridScenario(a: ResolvedScenario, b: ResolvedScenario, components: readonly Component[], coalition: readonly boolean[]): ResolvedScenario {
  const ea = keyed(a.timeline), eb = keyed(b.timeline);
  const fromB = new Set<string>(), leversFromB = new Map<string, string[]>();
  const params = { ...a.parameters };
  const picked = new Set<string>();
  components.forEach((c, i) => {
    if (!coalition[i]) return;
    if (c.kind === 'entry') fromB.add(c.entry!);
    else if (c.kind === 'lever') leversFromB.set(c.entry!, [...(leversFromB.get(c.entry!) ?? []), c.path!]);
    else { params[c.path!] = b.parameters[c.path!]; picked.add(c.path!); }
  });
  const entries: FlatEntry[] = [];
  for (const x of ea) {
    if (fromB.has(x.key)) { const y = eb.find((e) => e.key === x.key); if (y) entries.push(y); continue; }
    const paths = leversFromB.get(x.key);
    if (!paths) { entries.push(x); continue; }
    const y = eb.find((e) => e.key === x.key)!;
    const flat = new Map(x.flat);
    for (const p of paths) { if (y.flat.has(p)) flat.set(p, y.flat.get(p)); else flat.delete(p); }
    entries.push({ ...x, flat });
  }
  for (const y of eb) {
    if (!fromB.has(y.key) || ea.some((e) => e.key === y.key)) continue;
    let k = entries.length;
    while (k > 0 && entries[k - 1].date > y.date) k--;
    entries.splice(k, 0, y);
  }
  entries.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)); // stable: an entry moved to B's date keeps its place among equals
  const issues = checkParameterRules(params, picked);
  if (issues.length) refuse(issues[0].path, `cannot decompose: the hybrid with ${[...picked].join(', ')} from B breaks a rule between parameters: ${issues[0].message}`);
  let state = defaultPolicy(), initial = state;
  const timeline: ResolvedEntry[] = entries.map((e) => {
    const set = nest(e.flat) as ResolvedEntry['set'];
    state = applyPolicyPatch(state, set);
    if (e.date === a.start) initial = state;
    return { id: e.id, date: e.date, phase: e.phase, label: e.label, set, state };
  });
  const members = components.filter((_, i) => coalition[i]).map((c) => c.id);
  const hybrid: ResolvedScenario = {
    ...a, id: `${a.id}+${members.length}`, title: `${a.title} with ${members.join(', ') || 'nothing'} from ${b.id}`,
    parameters: params, initial, timeline, hash: '',
  };
  const { seed: _s, hash: _h, title: _t, question: _q, id: _i, bases: _b, ...model } = hybrid;
  hybrid.hash = stableHash(model);
  return hybrid;
}
