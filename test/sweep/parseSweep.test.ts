import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/index.ts';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';
import { tinySweep } from './helpers.ts';

const issues = (raw: unknown): string[] => {
  try {
    parseSweep(raw, 'sweep.json');
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  return [];
};

describe('parseSweep', () => {
  it('fills defaults: grid, 1 replication, seed 1, per-phase rows, Parquet and CSV', () => {
    const s = parseSweep({ id: 'x', scenarios: ['historical'] }, 'x.json');
    expect(s.design).toEqual({ type: 'grid' });
    expect([s.replications, s.seed]).toEqual([1, 1]);
    expect(s.outputs.tables).toEqual(['phases']);
    expect(s.formats).toEqual(['csv', 'parquet']);
  });

  it('names the path, the bad value and what was expected', () => {
    expect(issues({ id: 'x' })).toContain('sweep.json: scenarios: expected a list of scenario files or catalog names, got nothing');
    expect(issues({ id: 'x', scenarios: ['h'], replications: 0 })).toContain('sweep.json: replications: expected a whole number in [1, 100000], got 0');
    expect(issues({ id: 'x', scenarios: ['h'], speed: 1 })).toContain('sweep.json: unknown key "speed"');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'parameters.no.such', min: 0, max: 1, levels: 2 }] }))
      .toContain('sweep.json: factors[0].path: unknown parameter "no.such"; see `market-sim params` for the list');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'parameters.red.bassQ', min: 0.1, max: 9, levels: 2 }] }))
      .toContain('sweep.json: factors[0].max: expected numbers in [0, 3] (1/year) for red.bassQ, got 9');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'parameters.red.bassQ', min: 0.1, max: 0.9 }] }))
      .toContain('sweep.json: factors[0].levels: a grid needs levels (a whole number >= 2) for a min/max range, or a values list');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'policies.cut-2021.adload', values: [0.1] }] })[0])
      .toMatch(/^sweep.json: factors\[0\].path: expected "policies.<entry id>.<lever>"/);
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'policies.cut-2021.links.taotian.notes', min: 0, max: 1 }], design: { type: 'lhs', samples: 4 } }))
      .toContain('sweep.json: factors[0].values: lever links.taotian.notes takes none | organic | ads | all: give a values list, not min/max');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'parameters.red.bassQ', min: 0.1, max: 0.9 }], design: { type: 'sobol', samples: 10 } }))
      .toContain('sweep.json: design.samples: expected a power of 2 (1, 2, 4, 8, ...): Sobol\' balance needs it, got 10');
    expect(issues({ id: 'x', scenarios: ['h'], design: { type: 'lhs', samples: 4 } })).toContain('sweep.json: design: the lhs design needs at least one factor');
    expect(issues({ id: 'x', scenarios: ['h'], factors: [{ path: 'parameters.red.bassQ', min: 0.9, max: 0.1, levels: 2 }] }))
      .toContain('sweep.json: factors[0].max: expected a number greater than min 0.9, got 0.1');
  });

  it('parses policy-lever factors with dotted entry ids by matching the known lever paths', () => {
    const s = parseSweep({ id: 'x', scenarios: ['h'], factors: [{ path: 'policies.my.entry-1.roiGuarantee.threshold', values: [1, 2] }] }, 'x.json');
    expect(s.factors[0]).toMatchObject({ kind: 'lever', entryId: 'my.entry-1', lever: 'roiGuarantee.threshold' });
  });

  it('hashes the content: title, description and $schema do not change the sweep, a factor value does', () => {
    const a = parseSweep(tinySweep(), 'a.json');
    expect(parseSweep({ ...tinySweep(), title: 'T', description: 'D', $schema: 'x' }, 'b.json').hash).toBe(a.hash);
    expect(parseSweep(tinySweep({ replications: 3 }), 'a.json').hash).not.toBe(a.hash);
  });
});
