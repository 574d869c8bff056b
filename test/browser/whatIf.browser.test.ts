import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../engine/index.ts';
import { catalogLoader, CATALOG, resolveCatalog } from '../../viz/app/catalog.ts';
import { whatIfFile, whatIfFromFile } from '../../viz/app/whatIf.ts';
import { stateAt } from '../../viz/ui/leverPanel.ts';

// The what-if the lever panel writes, resolved by the engine (in Chromium, with the bundled catalog).

describe('what-if scenario files', () => {
  const historical = resolveCatalog('historical');

  it('the catalog holds every scenario file of scenarios/ (not other JSON such as targets)', () => {
    expect(CATALOG[0].id).toBe('historical');
    expect(CATALOG.map((c) => c.id)).toEqual(expect.arrayContaining(['historical', 'never-cut-2021', 'redcat-2022']));
    for (const c of CATALOG) expect(() => resolveCatalog(c.id), c.id).not.toThrow();
  });

  it('without hold, later entries of the scenario set the lever again; with hold, the what-if value stays to the end', () => {
    const spec = { scenario: 'historical', from: '2021-01-01', levers: { adLoad: 0.2 }, hold: false };
    const free = resolveScenario(whatIfFile(spec, historical), catalogLoader);
    expect(stateAt(free, '2021-06-30').adLoad).toBe(0.2);
    expect(stateAt(free, '2022-12-31').adLoad).toBe(0.2);
    expect(stateAt(free, '2023-01-01').adLoad).toBe(stateAt(historical, '2023-01-01').adLoad); // the 2023-01 entry (ads-2023) sets ad load again
    const held = resolveScenario(whatIfFile({ ...spec, hold: true }, historical), catalogLoader);
    for (const e of held.timeline.filter((x) => x.date >= '2021-01-01')) expect(stateAt(held, e.date).adLoad, e.date).toBe(0.2);
    // Everything else the later entries set is kept (e.g. the 2021-08 cut of the links, the own stores).
    expect(stateAt(held, '2022-01-01').links).toEqual(stateAt(historical, '2022-01-01').links);
    expect(stateAt(held, '2022-01-01').ownStore).toEqual(stateAt(historical, '2022-01-01').ownStore);
    expect(held.phases.map((p) => p.label)).toContain('What-if from 2021-01-01');
  });

  it('reads a what-if back from its file, and rejects files that do not extend the catalog', () => {
    const spec = { scenario: 'never-cut-2021', from: '2022-05-01', levers: { 'links.jd.notes': 'all', 'links.jd.eligibleShare': 0.3 }, hold: true };
    const file = whatIfFile(spec, resolveCatalog('never-cut-2021'))!;
    expect(file.policies!.length).toBeGreaterThan(1); // a later entry of the scenario sets JD links: it is replaced (hold)
    expect(whatIfFromFile(JSON.parse(JSON.stringify(file))).spec).toEqual(spec);
    expect(whatIfFile({ ...spec, levers: {} }, historical)).toBeNull();
    expect(() => whatIfFromFile({ id: 'x', policies: [{ id: 'whatif', date: '2021-01-01', set: { adLoad: 0.1 } }] })).toThrow(/extends: expected the id of a catalog scenario/);
    expect(() => whatIfFromFile({ id: 'x', extends: 'https://evil.example/x.json' })).toThrow(/cannot load base .*not in the catalog/);
  });
});
