import { z } from 'zod';
import { isIsoDate } from '../../engine/calendar.ts';
import { SWEEP_TABLES } from './resultTables.ts';

const isoDate = () => z.string({ error: 'expected a date string YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD' }).refine(isIsoDate, { error: 'expected a real date written YYYY-MM-DD' });
const seed = () => z.union([z.number().int().min(0), z.string().min(1).max(200)], { error: 'expected a whole number >= 0 or a non-empty string' });
const whole = (min: number, max: number) => z.number({ error: `expected a whole number in [${min}, ${max}]` })
  .int({ error: `expected a whole number in [${min}, ${max}]` }).min(min, { error: `expected a whole number in [${min}, ${max}]` }).max(max, { error: `expected a whole number in [${min}, ${max}]` });

/**
 * One varied input. `path` is `parameters.<key>` (a model parameter, see
 * `market-sim params`) or `policies.<entry id>.<lever>` (the value a timeline entry
 * of every swept scenario sets for a lever, e.g. `policies.redcat-2025.roiGuarantee.threshold`).
 * Give either `values` (a list; the grid uses each, LHS/Sobol pick among them) or
 * `min` and `max` (a continuous range; the grid needs `levels`, evenly spaced).
 */
const factorSchema = z.strictObject({
  path: z.string().regex(/^(parameters|policies)\..+$/, { error: 'expected "parameters.<key>" or "policies.<entry id>.<lever path>"' }),
  values: z.array(z.union([z.number(), z.string(), z.boolean()]), { error: 'expected a list of numbers, strings or booleans' }).min(1).max(10000).optional(),
  min: z.number({ error: 'expected a finite number' }).optional(),
  max: z.number({ error: 'expected a finite number' }).optional(),
  levels: whole(2, 10000).optional(),
  scale: z.enum(['linear', 'log'], { error: 'expected "linear" or "log"' }).optional(),
}).superRefine((f, ctx) => {
  const range = f.min !== undefined || f.max !== undefined;
  if (f.values && (range || f.levels !== undefined || f.scale)) ctx.addIssue({ code: 'custom', path: ['values'], message: 'give either values or min/max (with levels for a grid), not both' });
  if (!f.values && (f.min === undefined || f.max === undefined)) ctx.addIssue({ code: 'custom', path: [f.min === undefined ? 'min' : 'max'], message: 'expected both min and max (or a values list)' });
  if (f.min !== undefined && f.max !== undefined && !(f.max > f.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: `expected a number greater than min ${f.min}`, input: f.max });
  if (f.scale === 'log' && f.min !== undefined && !(f.min > 0)) ctx.addIssue({ code: 'custom', path: ['min'], message: 'expected a number > 0 for a log scale', input: f.min });
});

/** How the factor space is sampled. */
const designSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('grid') }),
  z.strictObject({ type: z.literal('lhs'), samples: whole(1, 1_000_000), seed: seed().optional() }),
  z.strictObject({
    type: z.literal('sobol'),
    samples: whole(1, 1 << 20).refine((n) => (n & (n - 1)) === 0, { error: 'expected a power of 2 (1, 2, 4, 8, ...): Sobol\' balance needs it' }),
    secondOrder: z.boolean({ error: 'expected true or false' }).optional(),
  }),
], { error: 'expected a design {"type": "grid"}, {"type": "lhs", "samples": n} or {"type": "sobol", "samples": n}' });

/** Which figures each run keeps as tidy rows. */
const outputsSchema = z.strictObject({
  tables: z.array(z.enum(SWEEP_TABLES, { error: `expected one of ${SWEEP_TABLES.map((t) => JSON.stringify(t)).join(', ')}` })).min(1).optional(),
  metrics: z.array(z.string().min(1)).min(1).optional(),
  platforms: z.array(z.string().min(1)).min(1).optional(),
  categories: z.array(z.string().min(1)).min(1).optional(),
  periods: z.array(z.string().min(1)).min(1).optional(),
});

/** A sweep file: scenarios × design samples × replications, and what to keep. */
export const sweepFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected letters, digits, _ . or -' }),
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  scenarios: z.array(z.string().min(1), { error: 'expected a list of scenario files or catalog names' }).min(1).max(1000),
  agents: whole(1, 20_000_000).optional(),
  start: isoDate().optional(),
  end: isoDate().optional(),
  parameters: z.record(z.string(), z.number({ error: 'expected a finite number' })).optional(),
  factors: z.array(factorSchema).max(32, { error: 'expected at most 32 factors' }).optional(),
  design: designSchema.optional(),
  replications: whole(1, 100_000).optional(),
  seed: seed().optional(),
  outputs: outputsSchema.optional(),
  format: z.array(z.enum(['parquet', 'csv'], { error: 'expected "parquet" or "csv"' })).min(1).optional(),
});

/** A sweep file as written (optional fields may be missing). */
export type SweepFile = z.infer<typeof sweepFileSchema>;
/** One factor as written. */
export type FactorSpec = z.infer<typeof factorSchema>;
/** The design as written. */
export type DesignSpec = z.infer<typeof designSchema>;
