import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SWEEP_SCHEMA_PATH, sweepSchemaText } from '../../cli/sweep/sweepJsonSchema.ts';
import { loadSweep } from '../../cli/sweep/parseSweep.ts';
import { createPlan } from '../../cli/sweep/plan.ts';
import { checkOutputs } from '../../cli/sweep/checkOutputs.ts';

const DIR = join(import.meta.dirname, '../../scenarios/sweeps');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SWEEP_SCHEMA_PATH, 'utf8')));

describe('docs/sweep.schema.json', () => {
  it('is exactly what cli/sweep/writeSweepSchema.ts generates from the zod schema', () => {
    expect(readFileSync(SWEEP_SCHEMA_PATH, 'utf8'), 'regenerate with: npx tsx cli/sweep/writeSweepSchema.ts').toBe(sweepSchemaText());
  });

  it('rejects what the zod schema rejects', () => {
    const errors = (x: object) => { validate(x); return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`); };
    expect(errors({ id: 'x', scenarios: [], replications: 0 })).toEqual(expect.arrayContaining(['/scenarios must NOT have fewer than 1 items', '/replications must be >= 1']));
    expect(errors({ id: 'x', scenarios: ['h'], design: { type: 'morris' } }).length).toBeGreaterThan(0);
    expect(errors({ id: 'x', scenarios: ['h'], format: ['json'] })).toContain('/format/0 must be equal to one of the allowed values');
  });
});

describe('example sweeps in scenarios/sweeps', () => {
  it.each(FILES)('%s is valid against the JSON Schema, plans and names known outputs', (f) => {
    const raw = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
    expect(raw.$schema).toBe('../../docs/sweep.schema.json');
    const plan = createPlan(loadSweep(join(DIR, f)));
    expect(plan.total).toBeGreaterThan(0);
    checkOutputs(plan);
  });

  it('historical-200 is the 200-run sweep of the done-when (50 LHS points × 4 replications)', () => {
    const plan = createPlan(loadSweep(join(DIR, 'historical-200.json')));
    expect([plan.total, plan.design.size, plan.seeds.length, new Set(plan.seeds).size]).toEqual([200, 50, 4, 4]);
  });
});
