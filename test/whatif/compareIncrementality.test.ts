import { describe, expect, it } from 'vitest';
import { compare, replicationSeeds, resolveScenario, simulate } from '../../engine/index.ts';
import { loadBundled } from '../helpers.ts';

// `compare` reports note-seeded GMV per year and platform, attributed and incremental (issue 13: how much
// of RED-seeded GMV would have happened anyway), and the numbers are the Result's incrementality rows.
const AGENTS = 1500, REPS = 2, SEED = 1;
const short = (id: string) => ({ ...loadBundled(id), start: '2024-01-01' });

describe('compare: attributed and incremental note-seeded GMV per year', () => {
  const c = compare(short('historical'), short('seeding-misses-need'), { reps: REPS, seed: SEED, agents: AGENTS, load: loadBundled });
  const rows = c.rows.filter((r) => r.view === 'year' && r.metric.startsWith('seeded_gmv_'));

  it('has both figures for every platform and all platforms, in RMB, each common year', () => {
    for (const year of ['2024', '2025']) {
      for (const metric of ['seeded_gmv_attributed', 'seeded_gmv_incremental']) {
        const platforms = rows.filter((r) => r.period === year && r.metric === metric).map((r) => r.platform).sort();
        expect(platforms, `${year} ${metric}`).toEqual(['all', 'douyin', 'jd', 'pdd', 'red', 'taotian']);
      }
    }
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['RMB']));
  });

  it('the baseline means are the mean of the Result rows over the same seeds', () => {
    const a = resolveScenario({ ...short('historical'), agents: AGENTS }, loadBundled);
    const results = replicationSeeds(SEED, REPS).map((seed) => simulate(a, { seed }));
    for (const r of rows.filter((x) => x.period === '2025')) {
      const values = results.map((res) => {
        const x = res.incrementality.find((i) => i.kind === 'year' && i.period === '2025' && i.channel === 'all' && i.platform === r.platform)!;
        return r.metric === 'seeded_gmv_attributed' ? x.attributedGmvRmb : x.incrementalGmvRmb;
      });
      expect(r.meanA, `${r.platform} ${r.metric}`).toBeCloseTo(values.reduce((s, v) => s + v, 0) / REPS, 0);
    }
    const all = rows.find((r) => r.period === '2025' && r.platform === 'all' && r.metric === 'seeded_gmv_attributed')!;
    const incr = rows.find((r) => r.period === '2025' && r.platform === 'all' && r.metric === 'seeded_gmv_incremental')!;
    expect(all.meanA).toBeGreaterThan(incr.meanA); // the incremental part is a part
    expect(incr.meanA).toBeGreaterThan(0);
  });
});
