import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, explain, resolveScenario, ScenarioError } from '../../engine/index.ts';
import { effectivePolicy, hybridScenario, policyComponents } from '../../engine/stats/explainComponents.ts';
import { shapleyPlan, shapleyValues } from '../../engine/stats/shapley.ts';

const ROOT = join(import.meta.dirname, '../..');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'scenarios', name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
/** A catalog scenario over a short span (spring and summer 2025: Red Cat starts on 2025-05-07). */
const short = (id: string, span = { start: '2025-03-01', end: '2025-07-31' }) => resolveScenario({ ...load(id), ...span }, load);
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });

describe('Shapley values (no simulation)', () => {
  it('exact: an additive game gives each component its own worth; a game with interaction splits it and the parts add up to v(all) − v(none)', () => {
    const plan = shapleyPlan(3, 1);
    expect(plan.method).toBe('exact');
    expect(plan.coalitions).toHaveLength(8);
    const w = [5, -2, 7];
    const additive = (k: string) => [...k].reduce((s, c, i) => s + (c === '1' ? w[i] : 0), 0);
    shapleyValues(plan, additive).forEach((x, i) => expect(x).toBeCloseTo(w[i], 12));
    // Glove game: 0 owns a left glove, 1 and 2 right gloves; a pair is worth 1. Shapley: 2/3, 1/6, 1/6.
    const glove = (k: string) => (k[0] === '1' && (k[1] === '1' || k[2] === '1') ? 1 : 0);
    const phi = shapleyValues(plan, glove);
    expect(phi[0]).toBeCloseTo(2 / 3, 12);
    expect(phi[1]).toBeCloseTo(1 / 6, 12);
    expect(phi[2]).toBeCloseTo(1 / 6, 12);
  });

  it('sampled beyond 6 components: deterministic from the seed, antithetic pairs, parts add up to v(all) − v(none)', () => {
    const plan = shapleyPlan(8, 'x', 10);
    expect(plan.method).toBe('permutations');
    expect(plan.permutations).toHaveLength(10);
    expect(plan.permutations[1]).toEqual([...plan.permutations[0]].reverse());
    expect(shapleyPlan(8, 'x', 10)).toEqual(plan);
    expect(shapleyPlan(8, 'y', 10).permutations).not.toEqual(plan.permutations);
    expect(plan.coalitions[0]).toBe('00000000');
    expect(plan.coalitions.at(-1)).toBe('11111111');
    const v = (k: string) => { const s = [...k].map(Number); return 3 * s[0] * s[1] + s.reduce((a, b, i) => a + b * i, 0) ** 1.5; };
    const phi = shapleyValues(plan, v);
    expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(v('11111111') - v('00000000'), 10);
    expect(() => shapleyPlan(8, 1, 3)).toThrow(/permutations: expected an even whole number/);
  });
});

describe('components and hybrids', () => {
  it('one component per differing timeline entry; with grain lever, one per differing lever; parameters count too', () => {
    const hist = short('historical');
    const closed = policyComponents(hist, short('closed-loop-forever'));
    expect(closed.map((c) => c.id)).toEqual(['entry:xiaohongxing-2022', 'entry:jd-2023', 'entry:open-2023', 'entry:redcat-2025', 'entry:hongjing-2025']);
    expect(closed[3].change).toBe('removed in B (2025-05-07)');
    const levers = policyComponents(hist, short('redcat-no-roi-guarantee'), 'lever');
    expect(levers.map((c) => [c.id, c.change])).toEqual([
      ['lever:redcat-2025/roiGuarantee.refundShare', '0.5 → 0'], ['lever:redcat-2025/roiGuarantee.threshold', '2 → 0'],
    ]);
    const withParam = resolveScenario({ ...load('redcat-no-roi-guarantee'), start: '2025-03-01', end: '2025-07-31', parameters: { 'trust.initial': 0.7 } }, load);
    expect(policyComponents(hist, withParam).map((c) => c.id)).toEqual(['entry:redcat-2025', 'parameter:trust.initial']);
  });

  it('the empty coalition is A and the full coalition gives B\'s policy on every day', () => {
    const a = short('historical'), b = short('closed-loop-forever');
    const comps = policyComponents(a, b);
    expect(effectivePolicy(hybridScenario(a, b, comps, comps.map(() => false)))).toBe(effectivePolicy(a));
    expect(hybridScenario(a, b, comps, comps.map(() => false)).hash).toBe(a.hash);
    expect(effectivePolicy(hybridScenario(a, b, comps, comps.map(() => true)))).toBe(effectivePolicy(b));
    const mid = hybridScenario(a, b, comps, [false, false, false, true, false]); // only Red Cat removed
    expect(mid.timeline.map((e) => e.id)).not.toContain('redcat-2025');
    expect(mid.timeline.map((e) => e.id)).toContain('hongjing-2025');
  });

  it('refuses scenarios that cannot be decomposed: different spans, or nothing different (ScenarioError naming the field)', () => {
    const a = short('historical');
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e as ScenarioError; } throw new Error('no error'); };
    const e1 = err(() => explain(a, short('closed-loop-forever', { start: '2025-03-01', end: '2025-06-30' }), { reps: 2 }));
    expect(e1).toBeInstanceOf(ScenarioError);
    expect(e1.issues[0].path).toBe('end');
    expect(e1.message).toMatch(/same day.*2025-07-31.*2025-06-30/);
    const e2 = err(() => explain(a, short('historical'), { reps: 2 }));
    expect(e2.issues[0].path).toBe('policies');
    expect(e2.message).toMatch(/nothing to decompose/);
  });
});

describe('explain (small runs: 1,000 agents, 2025-03..07, 2 replications)', () => {
  const opts = { reps: 2, seed: 3, agents: 1000 };

  it('closed-loop-forever − historical: exact over 2^5 coalitions; per replication the parts add up to B − A on every figure, and the total is compare\'s difference', () => {
    const a = short('historical'), b = short('closed-loop-forever');
    const e = explain(a, b, opts);
    expect(e.manifest).toMatchObject({ method: 'exact', coalitions: 32, runs: 64, reps: 2, agents: 1000 });
    expect(e.components).toHaveLength(5);
    expect(e.rows.length).toBeGreaterThan(50);
    let checked = 0;
    for (const r of e.rows) {
      expect(r.parts.map((p) => p.component)).toEqual(e.components.map((c) => c.id));
      for (let i = 0; i < 2; i++) {
        const total = r.total.values[i];
        if (!Number.isFinite(total)) continue;
        const sum = r.parts.reduce((s, p) => s + p.values[i], 0);
        const scale = Math.max(Math.abs(r.meanA) || 0, Math.abs(r.meanB) || 0, 1);
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * scale);
        checked++;
      }
      expect(r.residual).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(r.meanA) || 0, Math.abs(r.meanB) || 0, 1));
    }
    expect(checked).toBeGreaterThan(100);
    // Red Cat and 红京 start after the first segment: their parts there are exactly 0 (common random numbers).
    const before = e.rows.find((r) => r.period === '2025-03-01..2025-05-06' && r.platform === 'red' && r.metric === 'ad_revenue_per_year')!;
    expect(before.parts[3].values).toEqual([0, 0]);
    expect(before.parts[4].values).toEqual([0, 0]);
    // The total is the paired difference compare reports with the same seeds.
    const c = compare(a, b, opts);
    const after = e.rows.find((r) => r.start === '2025-05-07' && r.platform === 'red' && r.metric === 'ad_revenue_per_year')!;
    const row = c.rows.find((r) => r.period === after.period && r.platform === 'red' && r.metric === 'ad_revenue_per_year')!;
    expect(after.total.mean).toBe(row.diff);
    expect(after.total.lo).toBe(row.diffLo);
    expect(after.identical).toBe(false);
  });

  it('one component: its part is the whole difference in every replication', () => {
    const e = explain(short('historical'), short('redcat-no-roi-guarantee'), opts);
    expect(e.components.map((c) => c.id)).toEqual(['entry:redcat-2025']);
    for (const r of e.rows) expect(r.parts[0].values).toEqual(r.total.values);
  });
});

describe('market-sim explain', () => {
  const files = () => {
    const dir = mkdtempSync(join(tmpdir(), 'market-sim-explain-'));
    const f = (id: string, end = '2025-07-31') => {
      const p = join(dir, `${id}.json`);
      writeFileSync(p, JSON.stringify({ id: `${id}-short`, extends: join(ROOT, 'scenarios', `${id}.json`), start: '2025-04-01', end, agents: 800 }));
      return p;
    };
    return { dir, a: f('historical'), b: f('redcat-no-roi-guarantee'), c: f('closed-loop-forever', '2025-06-30') };
  };

  it('prints the decomposition with units and writes explanation.json/csv', () => {
    const { dir, a, b } = files();
    const out = join(dir, 'out');
    const r = cli('explain', a, b, '--reps', '2', '--grain', 'lever', '--out', out);
    expect(r.stderr).not.toContain('failed');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/explain redcat-no-roi-guarantee-short − historical-short \(8 runs\)/);
    expect(r.stdout).toContain('[1] lever:redcat-2025/roiGuarantee.refundShare: 0.5 → 0');
    expect(r.stdout).toContain('== RED ad revenue/yr (RMB/year) ==');
    expect(r.stdout).toMatch(/total B − A \(paired\) +[−+]/);
    const e = JSON.parse(readFileSync(join(out, 'explanation.json'), 'utf8'));
    expect(e.manifest.method).toBe('exact');
    const csv = readFileSync(join(out, 'explanation.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('view,period,start,end,phaseA,phaseB,platform,metric,unit,component,n,mean,lo,hi,halfWidth,shareOfTotal,residual');
    expect(csv.length - 2).toBe(e.rows.length * 3);
    expect(existsSync(join(out, 'explanation-replicates.csv'))).toBe(true);
  });

  it('exit 2 with a clear message and nothing written for scenarios that cannot be decomposed or bad options', () => {
    const { dir, a, c } = files();
    const out = join(dir, 'out2');
    const r = cli('explain', a, c, '--reps', '2', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*end: expected both scenarios to end on the same day/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'explanation.json'))).toBe(false);
    const f = cli('explain', a, a, '--figures', 'red.nope');
    expect(f.status).toBe(2);
    expect(f.stderr).toMatch(/--figures: expected .* got "red.nope"/);
    expect(cli('explain', a, a, '--grain', 'phase').stderr).toMatch(/--grain: expected "entry" or "lever", got "phase"/);
  });
});
