import { describe, expect, it } from 'vitest';
import { replicationSeed, ScenarioError } from '../../engine/index.ts';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';
import { createPlan } from '../../cli/sweep/plan.ts';
import { checkOutputs } from '../../cli/sweep/checkOutputs.ts';
import { tinySweep } from './helpers.ts';

const plan = (over: Record<string, unknown> = {}) => createPlan(parseSweep(tinySweep(over), 'test/sweep/tiny.json'));

describe('createPlan', () => {
  it('expands scenarios × design points × replications in run order', () => {
    const p = plan({ scenarios: ['historical', 'never-cut-2021'] });
    expect(p.total).toBe(2 * 4 * 2);
    expect(p.spec(0)).toMatchObject({ scenario: 'historical', sample: 0, replication: 0 });
    expect(p.spec(5)).toMatchObject({ scenario: 'historical', sample: 2, replication: 1, parameters: '{"parameters.seed.searchRate":0.05,"policies.cut-2021.adLoad":0.05}' });
    expect(p.spec(8)).toMatchObject({ scenario: 'never-cut-2021', sample: 0, replication: 0 });
  });

  it('derives replication seeds from the root seed: distinct per replication, shared across design points', () => {
    const p = plan({ replications: 5 });
    expect(p.seeds).toEqual([0, 1, 2, 3, 4].map((r) => replicationSeed(3, r)));
    expect(new Set(p.seeds).size).toBe(5);
    expect(p.spec(1).seed).toBe(p.spec(6).seed);
    expect(p.spec(0).seed).not.toBe(p.spec(1).seed);
  });

  it('applies factors: parameters to the scenario, levers to a copy of the named timeline entry', () => {
    const p = plan();
    const s = p.scenario(p.spec(7));
    expect(s.parameters['seed.searchRate']).toBe(0.05);
    expect(s.parameters['merchants.agents']).toBe(100);
    expect([s.agents, s.start, s.end]).toEqual([300, '2021-06-01', '2021-09-30']);
    const cut = s.timeline.find((e) => e.id === 'cut-2021')!;
    expect(cut.state.adLoad).toBe(0.12);
    expect(cut.state.links.taotian.notes).toBe('none'); // the rest of the entry is kept
    expect(p.scenario(p.spec(0)).timeline.find((e) => e.id === 'cut-2021')!.state.adLoad).toBe(0.05);
  });

  it('gives stable keys: the same in a fresh plan, different for every run of the tiny sweep', () => {
    const a = plan(), b = plan();
    const keys = Array.from({ length: a.total }, (_, r) => a.key(a.spec(r)));
    expect(Array.from({ length: b.total }, (_, r) => b.key(b.spec(r)))).toEqual(keys);
    expect(new Set(keys).size).toBe(a.total);
    expect(keys.every((k) => /^[0-9a-f]{24}$/.test(k))).toBe(true);
  });

  it('keys depend on the model and seed, not on the sweep around them', () => {
    const a = plan();
    const wider = plan({ replications: 3, factors: [{ path: 'parameters.seed.searchRate', values: [0.01, 0.02, 0.05] }, { path: 'policies.cut-2021.adLoad', values: [0.05, 0.12] }] });
    // run (searchRate 0.02, adLoad 0.12, replication 1) is run 3 in the tiny sweep and run 3·2+... in the wider one
    const k = a.key(a.spec(3));
    const same = Array.from({ length: wider.total }, (_, r) => wider.spec(r)).find((s) => s.parameters === a.spec(3).parameters && s.replication === 1)!;
    expect(wider.key(same)).toBe(k);
  });

  it('names the scenario and entry when a lever factor has no such timeline entry', () => {
    expect(() => plan({ factors: [{ path: 'policies.redcat-2025.adLoad', values: [0.1] }] }))
      .toThrow(/factors\[0\].path: scenario "historical" has no timeline entry with id "redcat-2025" in 2021-06-01..2021-09-30/);
    expect(() => plan({ scenarios: ['no-such-scenario'] })).toThrow(ScenarioError);
  });

  it('checkOutputs names unknown metrics, platforms and periods', () => {
    expect(() => checkOutputs(plan({ outputs: { metrics: ['gmv_per_yr'] } }))).toThrow(/outputs.metrics\[0\]: no metric "gmv_per_yr" in the phases table; expected one of .*"gmv_per_year"/);
    expect(() => checkOutputs(plan({ outputs: { platforms: ['tmall'] } }))).toThrow(/outputs.platforms\[0\]: expected one of "all", "red", "taotian", "jd", "pdd", "douyin", got "tmall"/);
    expect(() => checkOutputs(plan({ outputs: { tables: ['series'], periods: ['2023'] } }))).toThrow(/outputs.periods\[0\]: no month \(YYYY-MM\) or phase label of the swept scenarios starts with "2023"/);
    expect(() => checkOutputs(plan())).not.toThrow();
  });
});
