import { join } from 'node:path';
import { z } from 'zod';
import { sweepFileSchema } from './schema.ts';

type Json = Record<string, unknown>;

/** Where the committed schema lives (sweep files point at it with "$schema"). */
export const SWEEP_SCHEMA_PATH = join(import.meta.dirname, '../../docs/sweep.schema.json');

const FIELDS: Record<string, string> = {
  $schema: 'Path or URL of this JSON Schema (for editors), e.g. "../../docs/sweep.schema.json".',
  id: 'Sweep id (letters, digits, _ . -), shown in the progress bar and the manifest.',
  title: 'Short title (not part of the sweep hash).',
  description: 'What the sweep asks (not part of the sweep hash).',
  scenarios: 'Scenario files (relative to this file) or catalog names; every design point runs on each. Default span, agents and seed come from the scenario.',
  agents: 'User agents per run, for every scenario (default: each scenario\'s own).',
  start: 'First simulated day YYYY-MM-DD for every scenario (default: the scenario\'s).',
  end: 'Last simulated day YYYY-MM-DD for every scenario (default: the scenario\'s).',
  parameters: 'Model parameter overrides applied to every run, by dotted key (see `market-sim params`), e.g. {"merchants.agents": 300}.',
  factors: 'The varied inputs (at most 32), in design order.',
  design: 'How the factor space is sampled; default {"type": "grid"}.',
  replications: 'Runs per scenario and design point, with seeds replicationSeed(seed, r), r = 0..replications−1; default 1.',
  seed: 'Root seed the replication seeds derive from (whole number or string); default 1.',
  outputs: 'Which figures each run keeps as tidy rows; default every per-phase figure.',
  format: 'Files each run writes: "parquet" and/or "csv"; default both.',
};
const FACTOR: Record<string, string> = {
  path: '"parameters.<key>" (a model parameter) or "policies.<entry id>.<lever>" (what that timeline entry of every swept scenario sets for the lever, e.g. "policies.redcat-2025.roiGuarantee.threshold").',
  values: 'A list of values: the grid uses each; LHS and Sobol pick among them (equal shares of [0, 1)).',
  min: 'Lower end of a continuous range (with max).',
  max: 'Upper end of a continuous range (with min).',
  levels: 'Grid only: number of evenly spaced points from min to max, both included (>= 2).',
  scale: '"linear" (default) or "log" (evenly spaced in log; min > 0).',
};
const OUTPUTS: Record<string, string> = {
  tables: 'Tables to keep: "phases" (per-phase summaries; period = phase label), "series" (monthly; period = YYYY-MM), and the yearly tables (period = YYYY) "category_funnel" (metric <field>.<group>), "repurchase" (<field>.<origin>), "size_classes" (<field>.<sizeClass>), "red" (RED\'s yearly rows; metric = the field); see docs/sweeps.md. Default ["phases"].',
  metrics: 'Metric names to keep, exactly as in the rows (e.g. gmv_per_year, ad_revenue, mau, orders.program, repurchaseRate.red_linked, redUsersTier1); default all.',
  platforms: 'Platforms to keep: red, taotian, jd, pdd, douyin, all; default all.',
  categories: 'Categories to keep (series, category_funnel): all or a category id; default all.',
  periods: 'Period prefixes to keep: "2024" keeps months 2024-01..12, phases whose label starts with 2024 and the year 2024 of the yearly tables; default all.',
};

function describe(node: Json, docs: Record<string, string>): void {
  const props = node.properties as Record<string, Json>;
  for (const [k, d] of Object.entries(docs)) props[k].description = d;
}

/**
 * The JSON Schema (draft 2020-12) of sweep files, generated from the zod schema the
 * sweep command validates with, plus a description of every field.
 * docs/sweep.schema.json is this (regenerate: `npx tsx cli/sweep/writeSweepSchema.ts`).
 */
export function sweepJsonSchema(): Json {
  const js = z.toJSONSchema(sweepFileSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  describe(js, FIELDS);
  const props = js.properties as Record<string, Json>;
  describe((props.factors as { items: Json }).items, FACTOR);
  describe(props.outputs, OUTPUTS);
  return {
    $schema: js.$schema, title: 'market-sim sweep',
    description: 'A market-sim sweep file: scenarios × design points (grid, Latin hypercube, Sobol/Saltelli) × replications, and which outputs each run keeps. Generated from cli/sweep/schema.ts; do not edit by hand.',
    ...Object.fromEntries(Object.entries(js).filter(([k]) => k !== '$schema')),
  };
}

/** The schema file's text exactly as committed (2-space JSON plus a newline). */
export const sweepSchemaText = (): string => JSON.stringify(sweepJsonSchema(), null, 2) + '\n';
