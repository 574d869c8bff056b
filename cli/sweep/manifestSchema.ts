import { z } from 'zod';
import { ScenarioError, type ScenarioIssue } from '../../engine/index.ts';
import { describeValue, formatPath } from '../../engine/scenario/errors.ts';

const text = (what = 'a string') => z.string({ error: `expected ${what}` });
const whole = (min: number) => z.number({ error: `expected a whole number >= ${min}` }).int({ error: `expected a whole number >= ${min}` }).min(min, { error: `expected a whole number >= ${min}` });

/**
 * The shape of a sweep directory's manifest.json (cli/sweep/manifest.ts writes it), checked
 * whenever one is read (resume, merge), so a damaged or hand-edited manifest is refused with
 * its file and field named instead of failing later with a TypeError. Keys it does not list
 * are kept (a merged manifest adds `merged`).
 */
export const sweepManifestSchema = z.looseObject({
  format: z.literal('market-sim sweep 1', { error: 'expected "market-sim sweep 1"' }),
  id: text(),
  title: text(),
  engine: text('the engine version string'),
  gitRevision: z.string({ error: 'expected a git revision string or null' }).nullable(),
  gitDirty: z.boolean({ error: 'expected true, false or null' }).nullable(),
  sweepFile: text('the sweep file name'),
  sweepHash: text('a hex SHA-256 string').regex(/^[0-9a-f]{64}$/, { error: 'expected a hex SHA-256 string' }),
  rootSeed: z.union([z.number(), z.string()], { error: 'expected a number or a string' }),
  replications: whole(1),
  seeds: z.array(z.number({ error: 'expected a number' }), { error: 'expected a list of seeds' }),
  scenarios: z.array(z.looseObject({
    id: text(), file: text(), files: z.array(z.string()).optional(), scenarioHash: text(), start: text('a date'), end: text('a date'), agents: whole(1),
  }, { error: 'expected an object' }), { error: 'expected a list of scenarios' }).min(1),
  design: z.looseObject({ type: text('a design type'), points: whole(1) }, { error: 'expected an object' }),
  factors: z.array(z.record(z.string(), z.unknown()), { error: 'expected a list of factors' }),
  runs: whole(1),
  outputs: z.record(z.string(), z.unknown(), { error: 'expected an object' }),
  formats: z.array(z.enum(['csv', 'parquet'], { error: 'expected "csv" or "parquet"' }), { error: 'expected a list of formats' }).min(1),
  columns: z.array(z.string(), { error: 'expected a list of column names' }),
}, { error: 'expected an object' });

/** A manifest as read and checked. */
export type CheckedManifest = z.infer<typeof sweepManifestSchema>;

/** Check a parsed manifest; a ScenarioError (exit 2) naming `file`, each field, its value and what was expected. */
export function checkManifest(raw: unknown, file: string): CheckedManifest {
  const r = sweepManifestSchema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  throw new ScenarioError(r.error.issues.slice(0, 10).map((i): ScenarioIssue => {
    const iss = i as { input?: unknown; path: PropertyKey[]; message: string };
    return { path: formatPath(iss.path), message: `${iss.message}, got ${describeValue(iss.input)}` };
  }), file);
}
