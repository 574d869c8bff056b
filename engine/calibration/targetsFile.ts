/** The calibration targets file: its format (Target, TargetsFile) and its validation (parseTargets, isSanityBand, isFitted). */
import { z } from 'zod';
import { ScenarioError, describeValue, formatPath } from '../scenario/errors.ts';
import { MEASURE_NAMES, MEASURES } from '../metrics/targets.ts';

/**
 * One calibration target (the format of ../shared/domain/targets.json and
 * scenarios/calibration/targets.json). `range` is what a calibrated model must land in;
 * `value` the reported figure, or null for a sanity band that is not fitted.
 * `measure` names how it is measured (engine/metrics/targets.ts); default: `id`.
 * `soft` marks a target that is reported but not fitted (it conflicts with better-sourced ones;
 * `note` says why).
 */
export interface Target {
  id: string;
  metric: string;
  period: string;
  value: number | null;
  range: [number, number];
  kind: string;
  source: string;
  measure?: string;
  soft?: boolean;
  note?: string;
}

/** A parsed targets file. */
export interface TargetsFile {
  about?: string;
  targets: Target[];
  /** Inputs listed beside the targets (not fitted; kept for reference). */
  inputs?: unknown[];
}

const num = () => z.number({ error: 'expected a finite number' }).refine(Number.isFinite, { error: 'expected a finite number' });
const targetSchema = z.object({
  id: z.string({ error: 'expected a string id' }).min(1, { error: 'expected a non-empty id' }),
  metric: z.string({ error: 'expected a string' }).default(''),
  period: z.string({ error: 'expected a string' }).default(''),
  value: num().nullable(),
  range: z.tuple([num(), num()], { error: 'expected [low, high], two numbers' }),
  kind: z.string({ error: 'expected a string' }).default(''),
  source: z.string({ error: 'expected a string' }).default(''),
  measure: z.string({ error: 'expected the name of a measure' }).optional(),
  soft: z.boolean({ error: 'expected true or false' }).optional(),
  note: z.string({ error: 'expected a string' }).optional(),
});
const fileSchema = z.object({
  about: z.string().optional(),
  targets: z.array(targetSchema, { error: 'expected an array of targets' }).min(1, { error: 'expected at least one target' }),
  inputs: z.array(z.unknown()).optional(),
});

/** True for a sanity band (value null): reported, but not part of the calibration distance. */
export function isSanityBand(t: Target): boolean {
  return t.value === null;
}

/** True for a target the calibration fits: neither a sanity band nor soft. */
export function isFitted(t: Target): boolean {
  return !isSanityBand(t) && t.soft !== true;
}

/**
 * Validate a raw targets file; throws a ScenarioError (CLI exit code 2) naming
 * every bad path, value and expectation: unknown measures, reversed ranges,
 * values outside their range, duplicate ids.
 */
export function parseTargets(raw: unknown, source = 'targets'): TargetsFile {
  const r = fileSchema.safeParse(raw, { reportInput: true });
  if (!r.success) {
    throw new ScenarioError(r.error.issues.map((i) => {
      const input = (i as { input?: unknown }).input;
      return { path: formatPath(i.path), message: `${i.message}${'input' in i ? `, got ${describeValue(input)}` : ''}` };
    }), source);
  }
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  r.data.targets.forEach((t, k) => {
    const name = t.measure ?? t.id;
    if (!(name in MEASURES)) issues.push({ path: `targets[${k}].${t.measure ? 'measure' : 'id'}`, message: `no measure named ${JSON.stringify(name)}; expected one of ${MEASURE_NAMES.join(', ')}` });
    if (!(t.range[0] <= t.range[1])) issues.push({ path: `targets[${k}].range`, message: `expected low <= high, got [${t.range[0]}, ${t.range[1]}]` });
    if (t.value !== null && (t.value < t.range[0] || t.value > t.range[1])) issues.push({ path: `targets[${k}].value`, message: `expected a value inside range [${t.range[0]}, ${t.range[1]}], got ${t.value}` });
    if (seen.has(t.id)) issues.push({ path: `targets[${k}].id`, message: `duplicate id ${JSON.stringify(t.id)}` });
    seen.add(t.id);
  });
  if (issues.length) throw new ScenarioError(issues, source);
  return r.data as TargetsFile;
}
