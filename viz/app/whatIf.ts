import { resolveScenario, ScenarioError, type ResolvedScenario, type ScenarioFile } from '../../engine/index.ts';
import { WHATIF_ENTRY_ID } from '../charts/timelineChart.ts';
import { catalogLoader, findCatalog } from './catalog.ts';
import { flattenPatch, labelInText, LEVER_DEFS, nestPatch } from './levers.ts';

/** The what-if the lever panel describes: a catalog scenario plus lever values from a date on. */
export interface WhatIfSpec {
  /** Catalog id of the scenario the what-if extends. */
  scenario: string;
  /** First day the levers apply, YYYY-MM-DD. */
  from: string;
  /** Changed levers by dotted path (only the ones that differ from the scenario). */
  levers: Record<string, number | string | boolean>;
  /** Keep the changed levers to the end: later entries of the scenario no longer set them. */
  hold: boolean;
}

const describe = (path: string, v: number | string | boolean) => {
  const d = LEVER_DEFS.find((x) => x.path === path);
  return d ? `${d.group}: ${labelInText(d.label)} ${d.format(v as number | string)}` : `${path} = ${v}`;
};

/**
 * The scenario file of a what-if: `extends` the catalog scenario, adds one entry
 * (id "whatif") on `from` that sets the changed levers and, with `hold`, replaces
 * every later base entry that sets one of them by a copy without it. Returns
 * null when no lever is changed (the catalog scenario itself runs).
 */
export function whatIfFile(spec: WhatIfSpec, base: ResolvedScenario): ScenarioFile | null {
  const paths = Object.keys(spec.levers);
  if (!paths.length) return null;
  const entry = {
    id: WHATIF_ENTRY_ID, date: spec.from, phase: `What-if from ${spec.from}`,
    label: `What-if: ${paths.map((p) => describe(p, spec.levers[p])).join('; ')}`,
    set: nestPatch(spec.levers as Record<string, number | string>),
  };
  const held = spec.hold
    ? base.timeline.filter((e) => e.id && e.id !== WHATIF_ENTRY_ID && e.date > spec.from && paths.some((p) => p in flattenPatch(e.set)))
        .map((e) => {
          const kept = Object.fromEntries(Object.entries(flattenPatch(e.set)).filter(([p]) => !paths.includes(p))) as Record<string, number | string>;
          return { id: e.id, date: e.date, ...(e.phase ? { phase: e.phase } : {}), ...(e.label ? { label: `${e.label} (what-if keeps its own levers)` } : {}), set: nestPatch(kept) };
        })
    : [];
  const file = findCatalog(spec.scenario)?.file ?? `${spec.scenario}.json`;
  return {
    id: `${spec.scenario}-whatif`.slice(0, 80),
    title: `${base.title} + what-if`,
    question: `What if, from ${spec.from}: ${paths.map((p) => describe(p, spec.levers[p])).join('; ')}${spec.hold ? ' (held to the end)' : ''}?`,
    extends: file,
    policies: [entry, ...held] as ScenarioFile['policies'],
  };
}

/**
 * Read a what-if back from a scenario file (e.g. from a shared link), after
 * validating and resolving it like a file. Throws ScenarioError (bad file) with
 * the path of every problem; returns the spec and the resolved scenario.
 */
export function whatIfFromFile(raw: unknown): { spec: WhatIfSpec; resolved: ResolvedScenario } {
  const resolved = resolveScenario(raw, catalogLoader, 'link');
  const f = raw as ScenarioFile;
  const base = f.extends ? findCatalog(f.extends) : undefined;
  if (!base) throw new ScenarioError([{ path: 'extends', message: `expected the id of a catalog scenario, got ${JSON.stringify(f.extends ?? null)}` }], 'link');
  const entry = (f.policies ?? []).find((e) => e.id === WHATIF_ENTRY_ID);
  if (!entry?.set || !entry.date) throw new ScenarioError([{ path: 'policies', message: `expected an entry with id "${WHATIF_ENTRY_ID}" that sets the what-if levers` }], 'link');
  const others = (f.policies ?? []).filter((e) => e !== entry);
  return { spec: { scenario: base.id, from: entry.date, levers: flattenPatch(entry.set), hold: others.length > 0 }, resolved };
}
