import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPoints, designSize } from '../../cli/sweep/design.ts';
import { factorValue, gridLevels, type Factor } from '../../cli/sweep/factors.ts';

const range = (path: string, min: number, max: number, extra: Partial<Factor> = {}): Factor => ({ path, kind: 'parameter', parameter: path, min, max, scale: 'linear', ...extra });

describe('designPoints', () => {
  it('grid: every combination, first factor slowest, endpoints included', () => {
    const f = [range('a', 0, 1, { levels: 3 }), { path: 'b', kind: 'lever', values: ['x', 'y'], scale: 'linear' } as Factor];
    const pts = designPoints({ type: 'grid' }, f, 1).map((p) => p.values);
    expect(pts).toEqual([[0, 'x'], [0, 'y'], [0.5, 'x'], [0.5, 'y'], [1, 'x'], [1, 'y']]);
    expect(designSize({ type: 'grid' }, f)).toBe(6);
    expect(designPoints({ type: 'grid' }, [], 1)).toEqual([{ values: [] }]);
  });

  it('grid on a log scale spaces levels evenly in log', () => {
    expect(gridLevels(range('a', 1, 100, { levels: 3, scale: 'log' }))).toEqual([1, 10, 100]);
  });

  it('lhs: each factor uses each of the n strata exactly once, and the same seed gives the same design', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (n, k, seed) => {
      const f = Array.from({ length: k }, (_, i) => range(`f${i}`, 10, 20));
      const pts = designPoints({ type: 'lhs', samples: n }, f, seed);
      expect(pts).toHaveLength(n);
      for (let i = 0; i < k; i++) {
        const strata = pts.map((p) => Math.floor((((p.values[i] as number) - 10) / 10) * n));
        expect(new Set(strata).size).toBe(n);
      }
      expect(designPoints({ type: 'lhs', samples: n }, f, seed)).toEqual(pts);
    }));
  });

  it('lhs: the design seed, when given, overrides the root seed', () => {
    const f = [range('a', 0, 1)];
    expect(designPoints({ type: 'lhs', samples: 5, seed: 9 }, f, 1)).toEqual(designPoints({ type: 'lhs', samples: 5 }, f, 9));
    expect(designPoints({ type: 'lhs', samples: 5 }, f, 1)).not.toEqual(designPoints({ type: 'lhs', samples: 5 }, f, 2));
  });

  it('sobol: Saltelli blocks A, AB0..AB(k-1), B per base point; AB_i is A with column i from B', () => {
    const f = [range('a', 0, 1), range('b', 0, 1), range('c', 0, 1)];
    const pts = designPoints({ type: 'sobol', samples: 8 }, f, 1);
    expect(pts).toHaveLength(8 * 5);
    expect(designSize({ type: 'sobol', samples: 8 }, f)).toBe(40);
    for (let j = 0; j < 8; j++) {
      const block = pts.slice(j * 5, j * 5 + 5);
      expect(block.map((p) => p.matrix)).toEqual(['A', 'AB0', 'AB1', 'AB2', 'B']);
      expect(block.every((p) => p.base === j)).toBe(true);
      const [A, , , , B] = block.map((p) => p.values);
      for (let i = 0; i < 3; i++) expect(block[1 + i].values).toEqual(A.map((x, c) => (c === i ? B[i] : x)));
    }
    // Base points are Sobol' points N..2N-1: never the origin, and each A column is balanced over the 8 base points.
    const aRows = pts.filter((p) => p.matrix === 'A').map((p) => p.values as number[]);
    for (let i = 0; i < 3; i++) expect(new Set(aRows.map((r) => Math.floor(r[i] * 8))).size).toBe(8);
  });

  it('sobol with secondOrder adds BA_i blocks: N(2k + 2) points', () => {
    const f = [range('a', 0, 1), range('b', 0, 1)];
    const pts = designPoints({ type: 'sobol', samples: 4, secondOrder: true }, f, 1);
    expect(pts.slice(0, 6).map((p) => p.matrix)).toEqual(['A', 'AB0', 'AB1', 'BA0', 'BA1', 'B']);
    expect(pts).toHaveLength(designSize({ type: 'sobol', samples: 4, secondOrder: true }, f));
  });

  it('a values list splits [0, 1) into equal shares', () => {
    const f: Factor = { path: 'x', kind: 'lever', values: ['none', 'ads', 'all'], scale: 'linear' };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999].map((u) => factorValue(f, u))).toEqual(['none', 'none', 'ads', 'ads', 'all', 'all']);
  });
});
