/** Resolving a scenario: following `extends`, merging with its bases, the full policy state of every timeline entry, the phases and the model hash. */
import { epochDay, isoOfEpochDay } from '../calendar.ts';
import { checkParameterRules } from './constraints.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { defaultParameters, type Parameters } from './parameters.ts';
import { applyPolicyPatch, defaultPolicy, type PolicyState } from './policy.ts';
import type { PolicyEntry, ScenarioFile } from './schema.ts';
import { stableHash } from './stableHash.ts';
import { parseScenarioFile, dateOf } from './parseScenarioFile.ts';

/** Earliest and latest dates a scenario may span (the seasonality tables cover these years). */
export const SPAN_MIN = '2015-01-01';
export const SPAN_MAX = '2035-12-31';
const DEFAULT_START = '2018-01-01';
const DEFAULT_END = '2025-12-31';
const DEFAULT_AGENTS = 50_000;
const MAX_EXTENDS_DEPTH = 16;

/** A policy phase: a labelled span of days. */
export interface Phase {
  label: string;
  start: string;
  end: string;
}

/** One timeline entry after `extends` is resolved, with the full state it puts in force. */
export interface ResolvedEntry {
  id?: string;
  date: string;
  phase?: string;
  label?: string;
  set: NonNullable<PolicyEntry['set']>;
  state: PolicyState;
}

/** A scenario ready to run: every parameter and every day's policy known. */
export interface ResolvedScenario {
  id: string;
  title: string;
  question: string;
  /** Chain of scenario ids this one extends, nearest first. */
  bases: string[];
  start: string;
  end: string;
  agents: number;
  seed: number | string;
  parameters: Parameters;
  /** The state in force on the start day (default policy plus entries dated on or before start). */
  initial: PolicyState;
  timeline: ResolvedEntry[];
  phases: Phase[];
  /** Hex hash of everything above but the seed: equal hashes mean equal models. */
  hash: string;
}

/**
 * Loads the raw JSON of a base scenario named in `extends` (a path or catalog name); `from`
 * is the source of the scenario that names it. A loader that knows which file it read
 * returns a NamedBase: its `source` then names the base in error messages and is the `from`
 * of the base's own `extends`, and cycles are found by source.
 */
export type ScenarioLoader = (name: string, from: string) => unknown;

/** A base's raw JSON and the file (or other source) it came from. */
export class NamedBase {
  constructor(readonly raw: unknown, readonly source: string) {}
}

/**
 * Resolve a scenario: validate it, follow `extends` through `load`, merge, and
 * compute the full policy state of every timeline entry and the phases.
 *
 * Merge rules for `extends`: scalar fields of the child win; `parameters` merge by
 * key; a child policy entry whose `id` matches a base entry replaces it (or deletes
 * it with `"remove": true`); other child entries are inserted by date, after base
 * entries of the same date.
 */
export function resolveScenario(raw: unknown, load?: ScenarioLoader, source = 'scenario'): ResolvedScenario {
  const chain: { file: ScenarioFile; source: string }[] = [];
  let cur: { raw: unknown; source: string } = { raw, source };
  const seen: string[] = [];
  let named = false; // the loader names its files: cycles are found by source, not by the extends string
  for (;;) {
    const file = parseScenarioFile(cur.raw, cur.source);
    chain.push({ file, source: cur.source });
    if (!file.extends) break;
    if (!named && (seen.includes(file.extends) || file.extends === file.id)) {
      throw new ScenarioError([{ path: 'extends', message: `extends cycle: ${[...seen, file.extends].join(' → ')}; expected a chain of bases that ends` }], cur.source);
    }
    if (chain.length > MAX_EXTENDS_DEPTH) {
      throw new ScenarioError([{ path: 'extends', message: `expected at most ${MAX_EXTENDS_DEPTH} levels of extends, got more (next: ${JSON.stringify(file.extends)})` }], cur.source);
    }
    seen.push(file.extends);
    if (!load) throw new ScenarioError([{ path: 'extends', message: `cannot load base ${JSON.stringify(file.extends)}: no loader given` }], cur.source);
    let base: unknown;
    try {
      base = load(file.extends, cur.source);
    } catch (err) {
      throw new ScenarioError([{ path: 'extends', message: `cannot load base ${JSON.stringify(file.extends)}: ${(err as Error).message}` }], cur.source);
    }
    if (base instanceof NamedBase) {
      named = true;
      if (chain.some((c) => c.source === base.source)) {
        throw new ScenarioError([{ path: 'extends', message: `extends cycle: ${[...chain.map((c) => c.source), base.source].join(' → ')}; expected a chain of bases that ends` }], cur.source);
      }
      cur = { raw: base.raw, source: base.source };
    } else cur = { raw: base, source: file.extends };
  }
  // Merge from the root base down to the child.
  const root = chain[chain.length - 1].file;
  let merged: ScenarioFile = { ...root, policies: [...(root.policies ?? [])] };
  for (let i = chain.length - 2; i >= 0; i--) merged = mergeFiles(merged, chain[i].file, chain[i].source);
  const child = chain[0].file;
  return finish(merged, child, chain.slice(1).map((c) => c.file.id), source);
}

function mergeFiles(base: ScenarioFile, child: ScenarioFile, source: string): ScenarioFile {
  const policies = [...(base.policies ?? [])];
  const issues: ScenarioIssue[] = [];
  (child.policies ?? []).forEach((e, i) => {
    const at = e.id ? policies.findIndex((b) => b.id === e.id) : -1;
    if (e.remove) {
      if (at < 0) issues.push({ path: `policies[${i}].id`, message: `no base entry with id ${JSON.stringify(e.id)} to remove; expected the id of an entry of the base` });
      else policies.splice(at, 1);
    } else if (at >= 0) {
      policies[at] = e;
    } else {
      let k = policies.length;
      while (k > 0 && dateOf(policies[k - 1]) > dateOf(e)) k--;
      policies.splice(k, 0, e);
    }
  });
  if (issues.length) throw new ScenarioError(issues, source);
  policies.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
  return {
    ...base,
    ...child,
    parameters: { ...(base.parameters ?? {}), ...(child.parameters ?? {}) },
    policies,
  };
}

function finish(m: ScenarioFile, child: ScenarioFile, bases: string[], source: string): ResolvedScenario {
  const start = m.start ?? DEFAULT_START;
  const end = m.end ?? DEFAULT_END;
  const issues: ScenarioIssue[] = [];
  if (start < SPAN_MIN || start > SPAN_MAX) issues.push({ path: 'start', message: `expected a date in [${SPAN_MIN}, ${SPAN_MAX}], got "${start}"` });
  if (end < SPAN_MIN || end > SPAN_MAX) issues.push({ path: 'end', message: `expected a date in [${SPAN_MIN}, ${SPAN_MAX}], got "${end}"` });
  if (end < start) issues.push({ path: 'end', message: `expected a date on or after start ${start}, got "${end}"` });
  // The child's own entries must fall inside its span; inherited entries after the end are dropped
  // (a scenario may shorten its base's span).
  (child.policies ?? []).forEach((e, i) => {
    if (!e.remove && dateOf(e) > end) issues.push({ path: `policies[${i}].date`, message: `expected a date within the simulated span [${start}, ${end}], got "${e.date}"` });
    // Entries before the start are in force from the start; before SPAN_MIN they are typos (0201 for 2021).
    if (!e.remove && dateOf(e) < SPAN_MIN) issues.push({ path: `policies[${i}].date`, message: `expected a date in [${SPAN_MIN}, ${end}] (entries before the start ${start} are in force from the start), got "${e.date}"` });
  });
  const parameters = { ...defaultParameters(), ...(m.parameters ?? {}) };
  issues.push(...checkParameterRules(parameters, new Set(Object.keys(m.parameters ?? {}))));
  if (issues.length) throw new ScenarioError(issues, source);
  const policies = (m.policies ?? []).filter((e) => !e.remove && dateOf(e) <= end);

  let state = defaultPolicy();
  let initial = state;
  const timeline: ResolvedEntry[] = [];
  const phaseStarts: { label: string; date: string }[] = [];
  for (const e of policies) {
    state = applyPolicyPatch(state, e.set ?? {});
    const date = dateOf(e) < start ? start : dateOf(e);
    if (date === start) initial = state;
    timeline.push({ id: e.id, date, phase: e.phase, label: e.label, set: e.set ?? {}, state });
    if (e.phase) {
      if (phaseStarts.length && phaseStarts[phaseStarts.length - 1].date === date) phaseStarts[phaseStarts.length - 1].label = e.phase;
      else phaseStarts.push({ label: e.phase, date });
    }
  }
  if (!phaseStarts.length || phaseStarts[0].date > start) phaseStarts.unshift({ label: 'start', date: start });
  const phases: Phase[] = phaseStarts.map((ph, i) => ({
    label: ph.label,
    start: ph.date,
    end: i + 1 < phaseStarts.length ? isoOfEpochDay(epochDay(phaseStarts[i + 1].date) - 1) : end,
  }));
  const resolved = {
    id: child.id,
    title: child.title ?? m.title ?? child.id,
    question: child.question ?? m.question ?? '',
    bases,
    start,
    end,
    agents: m.agents ?? DEFAULT_AGENTS,
    seed: m.seed ?? 1,
    parameters,
    initial,
    timeline,
    phases,
    hash: '',
  };
  const { seed: _seed, hash: _hash, title: _t, question: _q, id: _id, bases: _b, ...model } = resolved;
  resolved.hash = stableHash(model);
  return resolved;
}
