import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, compareArms, replicationSeeds, resolveScenario } from '../../engine/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'scenarios', name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
const short = (id: string) => resolveScenario({ ...load(id), start: '2025-04-01', end: '2025-07-31' }, load);
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
const opts = { reps: 2, seed: 5, agents: 800 };

describe('compareArms (800 agents, 2025-04..07, 2 replications)', () => {
  it('with two arms it is compare, bit for bit', () => {
    const a = short('historical'), b = short('redcat-no-roi-guarantee');
    expect(compareArms([a, b], opts).comparisons[0]).toEqual(compare(a, b, opts));
  });

  it('three arms: each what-if against the baseline on the same seeds, and the best arm per period with paired intervals', () => {
    const a = short('historical'), b = short('redcat-no-roi-guarantee'), c = short('closed-loop-forever');
    const m = compareArms([a, b, c], { ...opts, best: { platform: 'taotian', metric: 'red_seeded_gmv_per_year' } });
    expect(m.arms.map((x) => x.id)).toEqual(['historical', 'redcat-no-roi-guarantee', 'closed-loop-forever']);
    expect(m.comparisons).toHaveLength(2);
    for (const x of m.comparisons) expect(x.manifest.seeds).toEqual(replicationSeeds(5, 2));
    expect(m.comparisons[1].manifest.b.id).toBe('closed-loop-forever');
    // Common random numbers: the baseline's values are the same in both comparisons; each arm's match its own 2-arm compare on the years.
    const pick = (rows: typeof m.comparisons[0]['rows']) => rows.find((r) => r.view === 'year' && r.platform === 'red' && r.metric === 'revenueRmb')!;
    expect(pick(m.comparisons[0].rows).valuesA).toEqual(pick(m.comparisons[1].rows).valuesA);
    expect(pick(m.comparisons[1].rows).valuesB).toEqual(pick(compare(a, c, opts).rows).valuesB);
    expect(m.best.length).toBeGreaterThan(0);
    for (const r of m.best) {
      expect(r.platform).toBe('taotian');
      const max = Math.max(...r.means);
      expect(r.means[r.best]).toBe(max);
      expect(r.vsRest.map((x) => x.arm).sort()).toEqual([0, 1, 2].filter((i) => i !== r.best));
      for (const x of r.vsRest) expect(x.diff).toBeCloseTo(r.means[r.best] - r.means[x.arm], 0);
      expect(r.clear).toBe(r.vsRest.every((x) => x.lo > 0));
    }
    const low = compareArms([a, b, c], { ...opts, best: { platform: 'taotian', metric: 'red_seeded_gmv_per_year', lowerIsBetter: true } });
    for (const r of low.best) expect(r.means[r.best]).toBe(Math.min(...r.means));
    expect(() => compareArms([a], opts)).toThrow(/expected at least 2/);
  });
});

describe('market-sim compare with more than two scenarios', () => {
  const files = () => {
    const dir = mkdtempSync(join(tmpdir(), 'market-sim-arms-'));
    const f = (id: string) => { const p = join(dir, `${id}.json`); writeFileSync(p, JSON.stringify({ id, extends: join(ROOT, 'scenarios', `${id}.json`), start: '2025-04-01', end: '2025-07-31', agents: 600 })); return p; };
    return { dir, a: f('historical'), b: f('redcat-no-roi-guarantee'), c: f('closed-loop-forever') };
  };

  it('prints each arm against the baseline and the best arm; writes comparison.json/csv, replicates.csv and best.csv', () => {
    const { dir, a, b, c } = files();
    const out = join(dir, 'out');
    const r = cli('compare', a, b, c, '--reps', '2', '--best', 'red.ad_revenue_per_year', '--out', out, '-q');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('=== arm 1 of 2 against the baseline (arm 0) ===');
    expect(r.stdout).toContain('=== arm 2 of 2 against the baseline (arm 0) ===');
    expect(r.stdout).toContain('== Best arm by RED ad revenue/yr (RMB/year; higher is better) ==');
    expect(r.stdout).toMatch(/2025-05-07 \.\. 2025-07-31: best is arm \d \(/);
    const j = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(j.comparisons).toHaveLength(2);
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n')[0]).toMatch(/^arm,armId,view,period,/);
    expect(readFileSync(join(out, 'best.csv'), 'utf8').split('\n')[0]).toBe('view,period,start,end,platform,metric,unit,direction,best,bestId,bestMean,clear,other,otherId,otherMean,diff,diffLo,diffHi');
    const long = readFileSync(join(out, 'replicates.csv'), 'utf8').split('\n');
    expect(long[0]).toBe('rep,seed,arm,armId,view,period,platform,metric,unit,value');
  });

  it('exit 2 for a bad --best, nothing written', () => {
    const { dir, a, b, c } = files();
    const out = join(dir, 'out');
    const r = cli('compare', a, b, c, '--reps', '2', '--best', 'red.profit', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --best: expected one of platform\.metric among .* got "red\.profit"/m);
    expect(existsSync(join(out, 'best.csv'))).toBe(false);
  });
});
