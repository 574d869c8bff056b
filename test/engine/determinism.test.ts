import { describe, expect, it } from 'vitest';
import { runDerived } from '../helpers.ts';

const small = { agents: 1500, start: '2020-06-01', end: '2021-12-31' };

describe('determinism', () => {
  it('the same seed gives a bit-identical Result', () => {
    const a = runDerived(small, 7);
    const b = runDerived(small, 7);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('different seeds give different results', () => {
    const a = runDerived(small, 7);
    const b = runDerived(small, 8);
    expect(a.ledger.gmvFen).not.toEqual(b.ledger.gmvFen);
    expect(a.ledger.orders).not.toEqual(b.ledger.orders);
  });

  it('string and number seeds are both accepted and distinct', () => {
    const a = runDerived(small, 'alpha');
    const b = runDerived(small, 'beta');
    expect(a.manifest.seed).toBe('alpha');
    expect(a.ledger.gmvFen).not.toEqual(b.ledger.gmvFen);
  });
});
