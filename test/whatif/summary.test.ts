import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval, tCritical, welchInterval } from '../../engine/index.ts';

describe('tCritical', () => {
  it('matches Student-t tables at 95%', () => {
    expect(tCritical(1)).toBeCloseTo(12.706, 3);
    expect(tCritical(4)).toBeCloseTo(2.776, 3);
    expect(tCritical(9)).toBeCloseTo(2.262, 3);
    expect(tCritical(29)).toBeCloseTo(2.045, 3);
    expect(tCritical(1e6)).toBeCloseTo(1.960, 3);
    expect(tCritical(9, 0.99)).toBeCloseTo(3.250, 3);
  });
  it('is NaN without degrees of freedom and rejects a bad level', () => {
    expect(tCritical(0)).toBeNaN();
    expect(() => tCritical(5, 1.5)).toThrow('confidence level: expected a number in (0, 1), got 1.5');
  });
});

describe('meanInterval', () => {
  it('computes mean, sample sd and the t interval by hand', () => {
    const v = [2, 4, 4, 4, 5, 5, 7, 9];
    const r = meanInterval(v);
    const sd = Math.sqrt(32 / 7);
    expect(r.n).toBe(8);
    expect(r.mean).toBe(5);
    expect(r.sd).toBeCloseTo(sd, 12);
    expect(r.se).toBeCloseTo(sd / Math.sqrt(8), 12);
    expect(r.halfWidth).toBeCloseTo(2.364624 * sd / Math.sqrt(8), 5);
    expect(r.lo).toBeCloseTo(5 - r.halfWidth, 12);
    expect(r.hi).toBeCloseTo(5 + r.halfWidth, 12);
  });
  it('drops non-finite values, gives zero width for equal values and NaN width for one value', () => {
    expect(meanInterval([1, NaN, 3]).n).toBe(2);
    expect(meanInterval([1, NaN, 3]).mean).toBe(2);
    const same = meanInterval([7, 7, 7]);
    expect(same.halfWidth).toBe(0);
    expect(same.lo).toBe(7);
    expect(meanInterval([7]).halfWidth).toBeNaN();
    expect(meanInterval([]).mean).toBeNaN();
  });
  it('covers its mean and is symmetric (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (v) => {
      const r = meanInterval(v);
      expect(r.lo).toBeLessThanOrEqual(r.mean);
      expect(r.hi).toBeGreaterThanOrEqual(r.mean);
      expect(r.hi - r.mean).toBeCloseTo(r.mean - r.lo, 6);
    }));
  });
  it('covers the true mean in about 95% of normal samples', () => {
    // Deterministic normal draws (Box–Muller on a fixed LCG), 2,000 samples of n = 10 around 3.
    let s = 12345;
    const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
    const normal = () => 3 + Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    let covered = 0;
    for (let k = 0; k < 2000; k++) {
      const r = meanInterval(Array.from({ length: 10 }, normal));
      if (r.lo <= 3 && 3 <= r.hi) covered++;
    }
    expect(covered / 2000).toBeGreaterThan(0.935);
    expect(covered / 2000).toBeLessThan(0.965);
  });
});

describe('welchInterval', () => {
  it('matches the Welch–Satterthwaite formula', () => {
    const a = [10, 12, 11, 13, 9], b = [14, 18, 15, 20, 16, 17];
    const r = welchInterval(a, b);
    const va = 2.5 / 5, vb = (70 / 15) / 6; // sample variances 2.5 and 23.33/5 = 4.667
    const df = (va + vb) ** 2 / (va ** 2 / 4 + vb ** 2 / 5);
    expect(r.mean).toBeCloseTo(16.6666667 - 11, 6);
    expect(r.se).toBeCloseTo(Math.sqrt(va + vb), 12);
    expect(r.halfWidth).toBeCloseTo(tCritical(df) * Math.sqrt(va + vb), 12);
  });
});
