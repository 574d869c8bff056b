import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../engine/index.ts';
import { firstDifference } from '../../viz/data/headline.ts';
import { loadBundled } from '../helpers.ts';

// The compare headline's window starts where the arms first differ (viz/data/headline.ts): by a policy
// entry, or from the first common day when only their parameters differ (seeding-misses-need).
describe('firstDifference (the start of the compare window)', () => {
  const resolve = (id: string) => resolveScenario(loadBundled(`${id}.json`), loadBundled, `${id}.json`);
  const historical = resolve('historical');

  it('is the common start for a scenario that differs only in its parameters', () => {
    expect(firstDifference(historical, resolve('seeding-misses-need'))).toBe(historical.start);
  });

  it('is the first policy date otherwise, and null for the same scenario', () => {
    expect(firstDifference(historical, resolve('never-cut-2021'))).toBe('2021-08-01');
    expect(firstDifference(historical, resolve('historical'))).toBeNull();
  });
});
