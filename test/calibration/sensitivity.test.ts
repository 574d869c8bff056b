import { describe, expect, it } from 'vitest';
import { morris } from '../../engine/calibration/morris.ts';
import { sobol } from '../../engine/calibration/sobol.ts';
import { bootstrap } from '../../engine/calibration/bootstrap.ts';

// a synthetic model on [0, 1]^4 with a planted dominant factor (index 2) and a second output driven by factor 0
const model = (u: number[]) => [10 * u[2] + 2 * u[0] + 0.5 * u[1] * u[3], 5 * u[0] * u[0] + 0.2 * u[3]];

describe('morris', () => {
  it('ranks the planted dominant parameter first, with intervals around μ*', () => {
    const ix = morris(model, 4, { trajectories: 12 });
    expect(ix.length).toBe(8);
    const out0 = ix.filter((x) => x.output === 0).sort((a, b) => b.muStar.value - a.muStar.value);
    expect(out0[0].factor).toBe(2);
    expect(out0[0].muStar.value).toBeCloseTo(10, 6); // linear: every elementary effect is 10
    expect(out0[0].sigma).toBeCloseTo(0, 6);
    const out1 = ix.filter((x) => x.output === 1).sort((a, b) => b.muStar.value - a.muStar.value);
    expect(out1[0].factor).toBe(0);
    for (const x of ix) { expect(x.muStar.lo).toBeLessThanOrEqual(x.muStar.value + 1e-12); expect(x.muStar.hi).toBeGreaterThanOrEqual(x.muStar.value - 1e-12); }
    // unused factor of output 1: factor 1 has no effect at all
    expect(ix.find((x) => x.output === 1 && x.factor === 1)!.muStar.value).toBe(0);
  });

  it('evaluates the model r(k + 1) times and is deterministic', () => {
    let n = 0;
    const a = morris((u) => { n++; return model(u); }, 4, { trajectories: 5, seed: 9 });
    expect(n).toBe(25);
    expect(morris(model, 4, { trajectories: 5, seed: 9 })).toEqual(a);
  });
});

describe('sobol', () => {
  it('ranks the planted dominant parameter first and estimates its first-order index', () => {
    const ix = sobol(model, 4, { samples: 2048 });
    const out0 = ix.filter((x) => x.output === 0).sort((a, b) => b.total.value - a.total.value);
    expect(out0[0].factor).toBe(2);
    // analytic: Var = 100/12 + 4/12 + Var(0.5 u1 u3) ≈ 8.333 + 0.333 + 0.0122 → S1(u2) ≈ 0.960
    expect(out0[0].first.value).toBeGreaterThan(0.88);
    expect(out0[0].first.value).toBeLessThan(1.04);
    expect(out0[0].total.value).toBeGreaterThan(0.9);
    expect(out0[0].first.lo).toBeLessThan(0.96);
    expect(out0[0].first.hi).toBeGreaterThan(0.96);
    const none = ix.find((x) => x.output === 1 && x.factor === 1)!;
    expect(none.total.value).toBe(0);
  });
});

describe('bootstrap', () => {
  it('gives a percentile interval around the mean of a sample', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const e = bootstrap(xs.length, (idx) => { let s = 0; for (const j of idx) s += xs[j]; return s / idx.length; });
    expect(e.value).toBe(24.5);
    expect(e.lo).toBeLessThan(24.5);
    expect(e.hi).toBeGreaterThan(24.5);
    expect(e.hi - e.lo).toBeGreaterThan(4);
    expect(e.hi - e.lo).toBeLessThan(16);
  });
});
