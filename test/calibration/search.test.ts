import { describe, expect, it } from 'vitest';
import { calibrate } from '../../engine/calibration/calibrate.ts';
import { calibrationDistance } from '../../engine/calibration/distance.ts';
import { fromUnit, parametersOf, toUnit, type FreeParameter } from '../../engine/calibration/freeParameters.ts';
import { nelderMead } from '../../engine/calibration/nelderMead.ts';
import type { Target } from '../../engine/calibration/targetsFile.ts';
import { derived } from '../helpers.ts';

const target = (id: string, lo: number, hi: number): Target => ({ id, metric: '', period: '', value: (lo + hi) / 2, range: [lo, hi], kind: 'ratio', source: 'test' });

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic inside the box', () => {
    const opt = [0.3, 0.7, 0.55];
    const f = (x: number[]) => x.reduce((s, v, i) => s + (i + 1) * (v - opt[i]) ** 2, 0);
    const r = nelderMead(f, [0.9, 0.1, 0.1], { maxEvals: 400 });
    expect(r.f).toBeLessThan(1e-6);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(opt[i], 2));
  });

  it('stays in the box when the optimum is outside it', () => {
    const r = nelderMead((x) => (x[0] - 2) ** 2 + (x[1] + 1) ** 2, [0.5, 0.5], { maxEvals: 200 });
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(0, 6);
  });
});

describe('calibration search on a synthetic model with a known optimum', () => {
  it('reduces the target distance to the centre-pull floor and recovers the parameters', () => {
    // three "parameters", three targets; the model maps parameters to outputs monotonically
    const free: FreeParameter[] = [
      { key: 'a', min: 0.1, max: 10, scale: 'log', targets: ['t1'] },
      { key: 'b', min: 0, max: 1, scale: 'linear', targets: ['t2'] },
      { key: 'c', min: -5, max: 5, scale: 'linear', targets: ['t3'] },
    ];
    const targets = [target('t1', 1.8, 2.2), target('t2', 0.45, 0.55), target('t3', 2.9, 3.1)];
    const model = (p: Record<string, number>) => new Map([['t1', Math.sqrt(p.a)], ['t2', p.b * p.b + 0.1 * p.c / 5], ['t3', p.c]]);
    const dist = (x: number[]) => calibrationDistance(targets, model(parametersOf(free, x)));
    const x0 = [toUnit(free[0], 0.2), toUnit(free[1], 0.1), toUnit(free[2], -4)];
    const before = dist(x0);
    const r = nelderMead(dist, x0, { maxEvals: 600 });
    expect(before).toBeGreaterThan(10);
    expect(r.f).toBeLessThan(0.01);
    expect(fromUnit(free[0], r.x[0])).toBeCloseTo(4, 0);
    expect(fromUnit(free[2], r.x[2])).toBeCloseTo(3, 1);
  });
});

describe('calibrate on the simulation', () => {
  it('moves RED market potential towards the MAU target and lowers the distance (fixed seed)', () => {
    const s = derived({ end: '2024-12-31', agents: 1000, parameters: { 'red.potential': 0.3 } });
    const c = calibrate(s, {
      targets: [target('red_mau_2024', 2.3e8, 3.0e8)],
      free: [{ key: 'red.potential', min: 0.2, max: 0.9, scale: 'linear', targets: ['red_mau_2024'] }],
      agents: 1000, seeds: [5], budget: 6, step: 0.3,
    });
    expect(c.evals).toBe(6);
    expect(c.distance).toBeLessThan(c.startDistance);
    expect(c.parameters['red.potential']).toBeGreaterThan(0.3);
    expect(c.after[0].simulated.mean).toBeGreaterThan(c.before[0].simulated.mean);
    expect(c.history.every((d, i) => i === 0 || d <= c.history[i - 1])).toBe(true);
  });
});
