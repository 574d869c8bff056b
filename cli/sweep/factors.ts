import { LEVERS, PARAMETERS } from '../../engine/index.ts';
import type { FactorSpec } from './schema.ts';

/** A factor value: a number for parameters and numeric levers, a string or boolean for other levers. */
export type FactorValue = number | string | boolean;

/** A validated factor: what it varies and over which values or range. */
export interface Factor {
  /** As written, e.g. `parameters.seed.searchRate` or `policies.redcat-2025.roiGuarantee.threshold`. */
  path: string;
  kind: 'parameter' | 'lever';
  /** Parameter key (kind "parameter"). */
  parameter?: string;
  /** Timeline entry id and lever path (kind "lever"). */
  entryId?: string;
  lever?: string;
  values?: FactorValue[];
  min?: number;
  max?: number;
  levels?: number;
  scale: 'linear' | 'log';
}

/** A problem with a factor, relative to `factors[i]`. */
export interface FactorIssue { path: string; message: string }

const PARAM = new Map(PARAMETERS.map((p) => [p.key, p]));
const LEVER_PATHS = [...LEVERS.map((l) => l.path)].sort((a, b) => b.length - a.length);

/** Round to 12 significant digits so design values print and hash the same everywhere. */
const tidyNumber = (x: number): number => Number(x.toPrecision(12));

/** Check a factor as written against the parameter table and the lever list. */
export function parseFactor(spec: FactorSpec, at: string, issues: FactorIssue[]): Factor {
  const f: Factor = { path: spec.path, kind: 'parameter', values: spec.values, min: spec.min, max: spec.max, levels: spec.levels, scale: spec.scale ?? 'linear' };
  if (spec.path.startsWith('parameters.')) {
    const key = spec.path.slice('parameters.'.length);
    const def = PARAM.get(key);
    f.parameter = key;
    if (!def) {
      issues.push({ path: `${at}.path`, message: `unknown parameter "${key}"; see \`market-sim params\` for the list` });
      return f;
    }
    const bad = (spec.values ?? [spec.min!, spec.max!]).find((v) => typeof v !== 'number' || !(v >= def.min && v <= def.max));
    if (bad !== undefined) {
      issues.push({ path: `${at}.${spec.values ? 'values' : bad === spec.min ? 'min' : 'max'}`, message: `expected numbers in [${def.min}, ${def.max}] (${def.unit}) for ${key}, got ${JSON.stringify(bad)}` });
    }
    return f;
  }
  const rest = spec.path.slice('policies.'.length);
  const lever = LEVER_PATHS.find((l) => rest.endsWith(`.${l}`) && rest.length > l.length + 1);
  if (!lever) {
    issues.push({ path: `${at}.path`, message: `expected "policies.<entry id>.<lever>" with a lever from \`market-sim schema\` (e.g. adLoad, links.taotian.notes), got ${JSON.stringify(spec.path)}` });
    return f;
  }
  f.kind = 'lever';
  f.entryId = rest.slice(0, rest.length - lever.length - 1);
  f.lever = lever;
  const def = LEVERS.find((l) => l.path === lever)!;
  if (typeof def.default !== 'number' && !spec.values) {
    issues.push({ path: `${at}.values`, message: `lever ${lever} takes ${def.unit}: give a values list, not min/max` });
  }
  return f;
}

/** The value of a factor at position u in [0, 1): a pick among `values`, or a point of the range. */
export function factorValue(f: Factor, u: number): FactorValue {
  if (f.values) return f.values[Math.min(f.values.length - 1, Math.floor(u * f.values.length))];
  return tidyNumber(f.scale === 'log'
    ? Math.exp(Math.log(f.min!) + u * (Math.log(f.max!) - Math.log(f.min!)))
    : f.min! + u * (f.max! - f.min!));
}

/** The grid levels of a factor: its values, or `levels` evenly spaced points from min to max (both included). */
export function gridLevels(f: Factor): FactorValue[] {
  if (f.values) return f.values;
  const n = f.levels!;
  return Array.from({ length: n }, (_, j) => (j === n - 1 ? f.max! : factorValue({ ...f, values: undefined }, j / (n - 1))));
}

/** Nested patch `{a: {b: value}}` for the lever path `a.b`. */
export function leverPatch(lever: string, value: FactorValue): Record<string, unknown> {
  const keys = lever.split('.');
  let patch: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) patch = { [keys[i]]: patch };
  return patch as Record<string, unknown>;
}
