import { describe, expect, it } from 'vitest';
import { sobolPoints } from '../../cli/sweep/sobol.ts';
import { SOBOL_MAX_DIMENSIONS } from '../../cli/sweep/joeKuo.ts';

// Reference values printed by scipy 1.17.1: scipy.stats.qmc.Sobol(d, scramble=False, bits=32)
// after fast_forward(n) (the same Joe–Kuo new-joe-kuo-6.21201 direction numbers).
const SCIPY_FIRST_8_D5 = [
  [0, 0, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25, 0.75], [0.25, 0.75, 0.75, 0.75, 0.25],
  [0.375, 0.375, 0.625, 0.875, 0.375], [0.875, 0.875, 0.125, 0.375, 0.875], [0.625, 0.125, 0.875, 0.625, 0.625], [0.125, 0.625, 0.375, 0.125, 0.125],
];
const SCIPY_1000_D6 = [
  [0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625],
  [0.7197265625, 0.5966796875, 0.0185546875, 0.1767578125, 0.7802734375, 0.4072265625],
];
const SCIPY_777_D64_LAST6 = [0.8017578125, 0.5517578125, 0.5126953125, 0.4892578125, 0.1376953125, 0.4267578125];

describe('sobolPoints', () => {
  it('equals scipy.stats.qmc.Sobol (unscrambled) at the start, at index 1000 and in dimensions 59–64', () => {
    expect(sobolPoints(5, 0, 8)).toEqual(SCIPY_FIRST_8_D5);
    expect(sobolPoints(6, 1000, 2)).toEqual(SCIPY_1000_D6);
    expect(sobolPoints(64, 777, 1)[0].slice(58)).toEqual(SCIPY_777_D64_LAST6);
  });

  it('is balanced: any 2^m points from a multiple of 2^m put exactly one point in each 1/2^m interval of every coordinate', () => {
    for (const [m, start] of [[4, 16], [6, 64], [8, 1024]] as const) {
      const n = 2 ** m;
      const pts = sobolPoints(SOBOL_MAX_DIMENSIONS, start, n);
      for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
        const cells = new Set(pts.map((p) => Math.floor(p[d] * n)));
        expect(cells.size, `m=${m} dimension ${d + 1}`).toBe(n);
      }
    }
  });

  it('stays in [0, 1) past 2^20 and 2^31 points (32-bit arithmetic throughout)', () => {
    for (const start of [2 ** 20 - 2, 2 ** 31 - 1, 2 ** 32 - 3]) {
      for (const p of sobolPoints(64, start, 3)) for (const x of p) { expect(x).toBeGreaterThanOrEqual(0); expect(x).toBeLessThan(1); }
    }
  });

  it('rejects dimensions outside 1..64 and indices past 2^32', () => {
    expect(() => sobolPoints(0, 0, 1)).toThrow(/expected 1..64 dimensions, got 0/);
    expect(() => sobolPoints(65, 0, 1)).toThrow(/got 65/);
    expect(() => sobolPoints(2, 2 ** 32, 1)).toThrow(/start \+ count <= 2\^32/);
  });
});
