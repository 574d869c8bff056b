import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, LEVERS, leverPaths, PARAMETERS } from '../../engine/index.ts';
import { SCHEMA_PATH, scenarioSchemaText } from '../../cli/commands/schema.ts';
import { SCENARIO_DOCS_PATH, scenarioDocsText } from '../../cli/whatif/scenarioDocs.ts';

const DIR = join(import.meta.dirname, '../../scenarios');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('docs/scenario.schema.json', () => {
  it('is exactly what `market-sim schema --update-docs` generates from the zod schema', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioSchemaText());
  });

  it.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('accepts scenarios/%s', (f) => {
    const ok = validate(JSON.parse(readFileSync(join(DIR, f), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the zod schema rejects: bad lever values, unknown levers and parameters', () => {
    const bad = (x: object) => { validate(x); return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`); };
    expect(bad({ id: 'x', policies: [{ date: '2021-01-01', set: { adLoad: 2 } }] })).toContain('/policies/0/set/adLoad must be <= 1');
    expect(bad({ id: 'x', policies: [{ date: '2021-01-01', set: { links: { taotian: { notes: 'some' } } } }] })).toContain('/policies/0/set/links/taotian/notes must be equal to one of the allowed values');
    expect(bad({ id: 'x', policies: [{ date: '2021-01-01', set: { adload: 0.1 } }] })).toContain('/policies/0/set must NOT have additional properties');
    expect(bad({ id: 'x', parameters: { 'red.bassQ': 9 } })).toContain('/parameters/red.bassQ must be <= 3');
    expect(bad({ id: 'x', parameters: { 'no.such': 1 } })).toContain('/parameters must NOT have additional properties');
    expect(bad({ id: 'x', start: '2021-1-1' })[0]).toContain('/start must match pattern');
  });

  it('describes every lever with its unit and default, and every parameter with its range', () => {
    const set = schema.properties.policies.items.properties.set;
    expect(set.properties.roiGuarantee.properties.threshold.description).toContain('Unit: RMB GMV per RMB of RED ad spend. Default (2018 closed loop): 0.');
    expect(schema.properties.parameters.properties['red.bassQ']).toMatchObject({ minimum: 0, maximum: 3, default: PARAMETERS.find((p) => p.key === 'red.bassQ')!.value }); // the default follows the calibrated parameter table
    expect(Object.keys(schema.properties.parameters.properties)).toEqual(PARAMETERS.map((p) => p.key));
  });
});

describe('levers and docs/scenarios.md', () => {
  it('LEVERS lists every leaf of PolicyState exactly once, with defaults from defaultPolicy()', () => {
    expect(LEVERS.map((l) => l.path).sort()).toEqual(leverPaths().sort());
    expect(LEVERS.find((l) => l.path === 'adLoad')!.default).toBe(defaultPolicy().adLoad);
    for (const l of LEVERS) {
      expect(l.unit.length, l.path).toBeGreaterThan(0);
      expect(l.doc.length, l.path).toBeGreaterThan(20);
    }
  });

  it('has current catalog and lever tables (regenerate with `npx market-sim schema --update-docs`)', () => {
    const text = readFileSync(SCENARIO_DOCS_PATH, 'utf8');
    expect(text).toBe(scenarioDocsText(text));
    for (const l of LEVERS) expect(text).toContain(`| \`${l.path}\` |`);
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.json'))) expect(text).toContain(`(../scenarios/${f})`);
  });
});
