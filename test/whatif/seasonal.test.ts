import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, defaultParameters, resolveScenario, saarFigures, seasonalDays, simulate, withSegments } from '../../engine/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'scenarios', name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
const P = defaultParameters();

describe('seasonally adjusted annual rates', () => {
  it('a calendar year has as many seasonal days as days; a month with Double 11 more, a month without festivals fewer', () => {
    expect(seasonalDays('2024-01-01', '2024-12-31', P)).toBeCloseTo(366, 9);
    expect(seasonalDays('2023-01-01', '2023-12-31', P)).toBeCloseTo(365, 9);
    expect(seasonalDays('2024-11-01', '2024-11-30', P)).toBeGreaterThan(30);
    expect(seasonalDays('2024-03-01', '2024-03-31', P)).toBeLessThan(31);
    expect(seasonalDays('2024-06-01', '2024-06-30', P)).toBeGreaterThan(seasonalDays('2024-07-01', '2024-07-30', P));
  });

  it('saarFigures: <x>_saar = <x>_per_year × days / seasonal days of the phase; equal over a calendar year, lower over Double 11', () => {
    const base = resolveScenario({ id: 'h', extends: 'historical', start: '2024-01-01', end: '2024-12-31' }, load);
    const phases = [
      { label: 'year', start: '2024-01-01', end: '2024-12-31', phaseA: '', phaseB: '', common: true },
    ];
    const year = saarFigures(simulate(withSegments(base, phases), { seed: 2, agents: 500 }));
    const r = simulate(base, { seed: 2, agents: 500 });
    const perYear = r.phaseSummary.filter((x) => x.metric.endsWith('_per_year') && x.unit === 'RMB/year');
    const saar = saarFigures(r);
    expect(saar).toHaveLength(perYear.length);
    for (const s of saar) {
      const p = perYear.find((x) => x.phase === s.period && x.platform === s.platform && x.metric === s.metric.replace(/_saar$/, '_per_year'))!;
      const ph = r.phases.find((x) => x.label === s.period)!;
      const days = (Date.parse(ph.end) - Date.parse(ph.start)) / 86400000 + 1;
      expect(s.value).toBeCloseTo(p.value * days / seasonalDays(ph.start, ph.end, r.manifest.parameters), 0);
      expect(s.unit).toBe('RMB/year');
    }
    const y = year.find((x) => x.platform === 'taotian' && x.metric === 'gmv_saar')!;
    expect(y.period).toBe('year');
    const nov = withSegments(resolveScenario({ id: 'h', extends: 'historical', start: '2024-11-01', end: '2024-11-30' }, load), [{ label: 'nov', start: '2024-11-01', end: '2024-11-30', phaseA: '', phaseB: '', common: true }]);
    const rn = simulate(nov, { seed: 2, agents: 500 });
    const g = rn.phaseSummary.find((x) => x.platform === 'taotian' && x.metric === 'gmv_per_year')!.value;
    expect(saarFigures(rn).find((x) => x.platform === 'taotian' && x.metric === 'gmv_saar')!.value).toBeLessThan(g);
  });

  it('compare with seasonal adds <x>_saar rows with basis "saar" and leaves the other rows as they are', () => {
    const span = { start: '2025-04-01', end: '2025-07-31' };
    const a = resolveScenario({ ...load('historical'), ...span }, load), b = resolveScenario({ ...load('redcat-no-roi-guarantee'), ...span }, load);
    const opts = { reps: 2, seed: 1, agents: 500 };
    const plain = compare(a, b, opts), seasonal = compare(a, b, { ...opts, seasonal: true });
    expect(seasonal.rows.filter((r) => !r.basis)).toEqual(plain.rows);
    const saar = seasonal.rows.filter((r) => r.basis === 'saar');
    expect(saar.length).toBeGreaterThan(0);
    expect(saar.every((r) => r.metric.endsWith('_saar') && r.unit === 'RMB/year' && r.view === 'segment')).toBe(true);
    expect(plain.rows.some((r) => 'basis' in r)).toBe(false);
  });
});
