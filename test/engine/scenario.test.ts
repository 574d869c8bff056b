import { describe, expect, it } from 'vitest';
import { parseScenarioFile, resolveScenario, ScenarioError } from '../../engine/index.ts';
import { derived, historicalRaw, loadBundled } from '../helpers.ts';

const messages = (fn: () => unknown): string => {
  try { fn(); } catch (e) { if (e instanceof ScenarioError) return e.message; throw e; }
  throw new Error('expected a ScenarioError');
};

describe('scenario validation', () => {
  it('names the path, the bad value and what was expected', () => {
    const msg = messages(() => parseScenarioFile({ id: 'x', policies: [{ date: '2021-01-01', set: { links: { taotian: { eligibleShare: 1.4 } } } }] }, 'my.json'));
    expect(msg).toBe('my.json: policies[0].set.links.taotian.eligibleShare: expected a number in [0, 1], got 1.4');
  });

  it('rejects unknown keys, unknown parameters and impossible dates', () => {
    const msg = messages(() => parseScenarioFile({ id: 'x', colour: 'red', parameters: { 'red.bassQ': 9, nope: 1 }, policies: [{ date: '2021-02-30' }] }));
    expect(msg).toContain('unknown key "colour"');
    expect(msg).toContain('parameters.red.bassQ: expected a number in [0, 3] (1/year), got 9');
    expect(msg).toContain('parameters.nope: unknown parameter "nope"');
    expect(msg).toContain('policies[0].date: expected a real date written YYYY-MM-DD, got "2021-02-30"');
  });

  it('rejects entries out of date order and two entries setting the same lever on one date', () => {
    expect(messages(() => parseScenarioFile({ id: 'x', policies: [{ date: '2022-01-01' }, { date: '2021-01-01' }] })))
      .toContain('policies[1].date: entries must be in date order');
    expect(messages(() => parseScenarioFile({ id: 'x', policies: [{ date: '2022-01-01', set: { adLoad: 0.1 } }, { date: '2022-01-01', set: { adLoad: 0.2 } }] })))
      .toContain('policies[1].set.adLoad: sets the same lever as policies[0]');
  });

  it('rejects own entries after the end of the span', () => {
    expect(messages(() => derived({ end: '2020-12-31', policies: [{ date: '2021-05-01', set: { adLoad: 0.2 } }] })))
      .toContain('policies[0].date: expected a date within the simulated span [2018-01-01, 2020-12-31], got "2021-05-01"');
  });

  it('detects extends cycles and missing bases', () => {
    const files: Record<string, unknown> = { 'a.json': { id: 'a', extends: 'b.json' }, 'b.json': { id: 'b', extends: 'a.json' } };
    expect(messages(() => resolveScenario(files['a.json'], (n) => files[n]))).toContain('extends cycle');
    expect(messages(() => resolveScenario({ id: 'c', extends: 'missing.json' }, () => { throw new Error('no such file'); })))
      .toContain('cannot load base "missing.json": no such file');
  });
});

describe('scenario resolution', () => {
  it('the historical scenario encodes every phase of the brief', () => {
    const s = resolveScenario(historicalRaw(), loadBundled);
    expect(s.phases.map((p) => p.start)).toEqual(['2018-01-01', '2020-08-01', '2021-08-01', '2022-03-01', '2023-01-01', '2023-09-01', '2023-12-01', '2024-09-01', '2025-05-07']);
    const redCat = s.timeline.find((e) => e.id === 'redcat-2025')!.state;
    expect(redCat.links.taotian).toEqual({ notes: 'ads', friction: 0.05, eligibleShare: 0.15 });
    expect(redCat.roiGuarantee.threshold).toBeGreaterThan(0);
    const cut = s.timeline.find((e) => e.id === 'cut-2021')!.state;
    expect(cut.links.taotian.notes).toBe('none');
  });

  it('extends: a child entry with the same id replaces the base entry, remove deletes it, others insert by date', () => {
    const s = derived({
      policies: [
        { id: 'extra', date: '2019-06-01', set: { adLoad: 0.07 } },
        { id: 'cut-2021', date: '2021-08-01', phase: 'links kept', set: { ownStore: { push: 0.3 } } },
        { id: 'redcat-2025', remove: true, date: '2025-05-07' },
      ],
    });
    expect(s.timeline.find((e) => e.id === 'cut-2021')!.state.links.taotian.notes).toBe('organic');
    expect(s.timeline.some((e) => e.id === 'redcat-2025')).toBe(false);
    expect(s.timeline.map((e) => e.date)).toEqual([...s.timeline.map((e) => e.date)].sort());
    expect(s.timeline.find((e) => e.id === 'extra')!.state.adLoad).toBe(0.07);
    expect(s.bases).toEqual(['historical']);
  });

  it('a removing entry needs no date, and gives the same scenario as with one', () => {
    const withDate = derived({ policies: [{ id: 'redcat-2025', remove: true, date: '2025-05-07' }] });
    const without = derived({ policies: [{ id: 'redcat-2025', remove: true }] });
    expect(without.timeline).toEqual(withDate.timeline);
    expect(without.hash).toBe(withDate.hash);
  });

  it('an entry that sets levers needs a date; a removal needs a base', () => {
    expect(() => resolveScenario({ id: 'x', title: 'x', policies: [{ id: 'a', set: { adLoad: 0.1 } }] })).toThrow(/policies\[0\]\.date: expected a date "YYYY-MM-DD"; only an entry with "remove": true may leave it out/);
    expect(() => resolveScenario({ id: 'x', title: 'x', policies: [{ id: 'a', remove: true }] })).toThrow(/policies\[0\]\.remove: removes an entry of the base, but this scenario has no base/);
  });

  it('the scenario hash ignores the seed and changes with the model', () => {
    const a = derived({ seed: 1 });
    const b = derived({ seed: 2 });
    const c = derived({ parameters: { 'red.bassQ': 0.5 } });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });
});
