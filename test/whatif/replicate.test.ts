import { describe, expect, it } from 'vitest';
import { figuresOf, meanInterval, replicate, replicationSeed, replicationSeeds, simulate } from '../../engine/index.ts';
import { derived } from '../helpers.ts';

const short = () => derived({ start: '2021-06-01', end: '2021-10-31', agents: 600 });

describe('replicate', () => {
  const s = short();
  const r = replicate(s, { reps: 3, seed: 42 });

  it('derives the seeds from one root seed and lists them in the manifest', () => {
    expect(r.manifest.rootSeed).toBe(42);
    expect(r.manifest.seeds).toEqual([0, 1, 2].map((i) => replicationSeed(42, i)));
    expect(replicationSeeds(42, 3)).toEqual(r.manifest.seeds);
    expect(new Set(r.manifest.seeds).size).toBe(3);
    expect(r.manifest).toMatchObject({ reps: 3, agents: 600, scenarioId: 'test', scenarioHash: s.hash, start: '2021-06-01', end: '2021-10-31', level: 0.95 });
  });

  it('summarises every figure of R independent runs with those seeds (values in seed order)', () => {
    const runs = r.manifest.seeds.map((seed) => figuresOf(simulate(s, { seed })));
    expect(r.figures.length).toBe(new Set(runs.flat().map((f) => `${f.table}|${f.period}|${f.platform}|${f.category}|${f.metric}`)).size);
    for (const table of ['phases', 'series', 'red', 'merchant_roi'] as const) {
      const f = r.figures.find((x) => x.table === table && Number.isFinite(x.mean) && x.sd > 0)!;
      expect(f).toBeDefined();
      const values = runs.map((run) => run.find((x) => x.table === f.table && x.period === f.period && x.platform === f.platform && x.category === f.category && x.metric === f.metric)!.value);
      expect(f.values).toEqual(values);
      const iv = meanInterval(values);
      expect(f.mean).toBe(iv.mean);
      expect(f.lo).toBe(iv.lo);
      expect(f.hi).toBe(iv.hi);
    }
  });

  it('reports Taotian GMV per phase with an interval that contains every replication mean', () => {
    const gmv = r.figures.filter((f) => f.table === 'phases' && f.platform === 'taotian' && f.metric === 'gmv_per_year');
    expect(gmv.map((f) => f.period)).toEqual(s.phases.map((p) => p.label));
    for (const f of gmv) {
      expect(f.n).toBe(3);
      expect(f.unit).toBe('RMB/year');
      expect(f.lo).toBeLessThan(f.mean);
      expect(f.hi).toBeGreaterThan(f.mean);
      expect(f.mean).toBeGreaterThan(1e12);
    }
  });

  it('counts a funnel stage missing from one run as 0 there, not as a missing value', () => {
    for (const f of r.figures.filter((x) => x.table === 'funnel')) {
      expect(f.n).toBe(3);
      expect(f.values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
  });

  it('rejects a bad number of replications', () => {
    expect(() => replicate(s, { reps: 0 })).toThrow('reps: expected a whole number in [1, 100000], got 0');
    expect(() => replicate(s, { reps: 2.5 })).toThrow('got 2.5');
  });
});
