import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { ScenarioError, type ScenarioIssue } from '../../engine/index.ts';
import { describeValue, formatPath } from '../../engine/scenario/errors.ts';
import { stableStringify } from '../../engine/scenario/stableHash.ts';
import { readJsonFile } from '../io/loadScenario.ts';
import { parseFactor, type Factor, type FactorIssue } from './factors.ts';
import type { SweepTable } from './resultTables.ts';
import { sweepFileSchema, type DesignSpec, type SweepFile } from './schema.ts';

/** Output formats in the order a run's part files are committed (the last one marks a run done). */
export const FORMAT_ORDER = ['csv', 'parquet'] as const;
/** An output format. */
export type Format = (typeof FORMAT_ORDER)[number];

/** The outputs selection with defaults filled in. */
export interface Outputs {
  /** Default ["phases"] (resultTables.ts SWEEP_TABLES lists them all). */
  tables: SweepTable[];
  /** Kept metric names; undefined = all. */
  metrics?: string[];
  platforms?: string[];
  categories?: string[];
  /** Kept period prefixes ("2024" keeps months 2024-01..12 and phases whose label starts with 2024); undefined = all. */
  periods?: string[];
}

/** A validated sweep with defaults filled in. */
export interface Sweep {
  /** Absolute path of the sweep file. */
  file: string;
  /** SHA-256 (hex) of the sweep file's canonical JSON (keys sorted; $schema, title and description left out): equal hashes mean the same sweep. */
  hash: string;
  id: string;
  title: string;
  /** Scenario files or catalog names, as written. */
  scenarios: string[];
  agents?: number;
  start?: string;
  end?: string;
  /** Parameter overrides applied to every run. */
  parameters: Record<string, number>;
  factors: Factor[];
  /** Default {"type": "grid"}. */
  design: DesignSpec;
  /** Default 1. */
  replications: number;
  /** Root seed the replication seeds derive from; default 1. */
  seed: number | string;
  outputs: Outputs;
  /** Default both, always in FORMAT_ORDER. */
  formats: Format[];
}

/** Canonical hash of a parsed JSON value (SHA-256 hex of its key-sorted JSON). */
const sha256Json = (v: unknown): string => createHash('sha256').update(stableStringify(v)).digest('hex');

/** Validate a raw sweep object; throw a ScenarioError naming every bad path, value and expectation. */
export function parseSweep(raw: unknown, file: string): Sweep {
  const r = sweepFileSchema.safeParse(raw, { reportInput: true });
  const hidden = hiddenParameterKey(raw);
  if (!r.success || hidden) {
    throw new ScenarioError((r.success ? [] : r.error.issues).map((i): ScenarioIssue => {
      const iss = i as { input?: unknown; keys?: string[]; code: string; path: PropertyKey[]; message: string };
      if (iss.code === 'unrecognized_keys') return { path: formatPath(iss.path), message: `unknown key${iss.keys!.length > 1 ? 's' : ''} ${iss.keys!.map((k) => JSON.stringify(k)).join(', ')}` };
      return { path: formatPath(iss.path), message: `${iss.message}${'input' in iss ? `, got ${describeValue(iss.input)}` : ''}` };
    }).concat(hidden ? [hidden] : []), file);
  }
  const s: SweepFile = r.data;
  const issues: FactorIssue[] = [];
  const factors = (s.factors ?? []).map((f, i) => parseFactor(f, `factors[${i}]`, issues));
  const design = s.design ?? { type: 'grid' as const };
  const paths = new Set<string>();
  factors.forEach((f, i) => {
    if (paths.has(f.path)) issues.push({ path: `factors[${i}].path`, message: `duplicate factor ${JSON.stringify(f.path)}` });
    paths.add(f.path);
    if (design.type === 'grid' && !f.values && f.levels === undefined) issues.push({ path: `factors[${i}].levels`, message: 'a grid needs levels (a whole number >= 2) for a min/max range, or a values list' });
    if (design.type !== 'grid' && f.levels !== undefined) issues.push({ path: `factors[${i}].levels`, message: `levels is only used by the grid design; the ${design.type} design samples the range` });
  });
  if (design.type !== 'grid' && factors.length === 0) issues.push({ path: 'design', message: `the ${design.type} design needs at least one factor` });
  if (s.start && s.end && s.end < s.start) issues.push({ path: 'end', message: `expected a date on or after start ${s.start}, got "${s.end}"` });
  if (issues.length) throw new ScenarioError(issues, file);
  const { $schema: _schema, title: _title, description: _description, ...content } = s;
  return {
    file: resolve(file),
    hash: sha256Json(content),
    id: s.id,
    title: s.title ?? s.id,
    scenarios: s.scenarios,
    agents: s.agents,
    start: s.start,
    end: s.end,
    parameters: s.parameters ?? {},
    factors,
    design,
    replications: s.replications ?? 1,
    seed: s.seed ?? 1,
    outputs: { tables: s.outputs?.tables ?? ['phases'], metrics: s.outputs?.metrics, platforms: s.outputs?.platforms, categories: s.outputs?.categories, periods: s.outputs?.periods },
    formats: FORMAT_ORDER.filter((f) => (s.format ?? ['parquet', 'csv']).includes(f)),
  };
}

/** An own `__proto__` key of `parameters` (JSON.parse makes one), which zod's record skips without a word. */
function hiddenParameterKey(raw: unknown): ScenarioIssue | undefined {
  const params = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).parameters : undefined;
  if (typeof params !== 'object' || params === null || !Object.hasOwn(params, '__proto__')) return undefined;
  return { path: 'parameters.__proto__', message: `unknown parameter "__proto__"; expected a key listed by \`market-sim params\`, got ${describeValue((params as Record<string, unknown>)['__proto__'])}` };
}

/** Read, validate and normalise a sweep file (clear errors for a missing file or bad JSON too). */
export function loadSweep(file: string): Sweep {
  return parseSweep(readJsonFile(file, 'sweep'), file);
}
