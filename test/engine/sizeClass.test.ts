import { describe, expect, it } from 'vitest';
import { sizeClass } from '../../engine/metrics/merchantYears.ts';
import { runDerived } from '../helpers.ts';

// Merchant rows carry the merchant's size rank and class (docs/result.md, "Merchant rows"),
// so researchers can group GMV, RED spend and ROI by merchant size.
describe('merchant size classes', () => {
  it('split the merchants by size rank: bottom half small, next 40% mid, top 10% large', () => {
    expect([0, 0.49, 0.5, 0.89, 0.9, 0.999].map(sizeClass)).toEqual(['small', 'small', 'mid', 'mid', 'large', 'large']);
    const r = runDerived({ agents: 2000, start: '2024-01-01' }, 1);
    const rows = r.merchants.filter((m) => m.year === 2024);
    const share = (c: string) => rows.filter((m) => m.sizeClass === c).length / rows.length;
    expect(share('small')).toBeCloseTo(0.5, 2);
    expect(share('mid')).toBeCloseTo(0.4, 2);
    expect(share('large')).toBeCloseTo(0.1, 2);
    for (const m of rows) expect(m.sizeClass).toBe(sizeClass(m.sizeQuantile));
    // larger merchants sell more: mean GMV per merchant rises with the class
    const meanGmv = (c: string) => { const g = rows.filter((m) => m.sizeClass === c); return g.reduce((s, m) => s + m.gmvRmb, 0) / g.length; };
    expect(meanGmv('mid')).toBeGreaterThan(meanGmv('small'));
    expect(meanGmv('large')).toBeGreaterThan(meanGmv('mid'));
  });
});
