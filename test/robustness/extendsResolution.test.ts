import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveScenario, ScenarioError } from '../../engine/index.ts';
import { loadScenario, SCENARIO_DIR } from '../../cli/io/loadScenario.ts';
import { createPlan } from '../../cli/sweep/plan.ts';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';
import { ROOT } from './cliProcess.ts';

const BIN = join(ROOT, 'cli/market-sim.mjs');
const cliIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });

let dir: string;
beforeAll(() => { dir = realpathSync(mkdtempSync(join(tmpdir(), 'market-sim-extends-'))); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (f: () => unknown): ScenarioError => {
  try { f(); } catch (e) { if (e instanceof ScenarioError) return e; throw e; }
  throw new Error('expected a ScenarioError');
};

// Issue 16 item 1: `extends` was looked up in the working directory before the catalog, so the
// same command gave another model (another scenario hash) when run from a directory holding a
// file of the base's name.
describe('extends: the extending file\'s directory, then the catalog, never the working directory', () => {
  const setup = () => {
    mkdirSync(join(dir, 'u'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    writeFileSync(join(dir, 'u/my.json'), JSON.stringify({ id: 'my', extends: 'historical.json', start: '2021-06-01', end: '2021-06-10', agents: 200, parameters: { 'merchants.agents': 20 } }));
    // A decoy beside the working directory: a valid scenario, but another model.
    writeFileSync(join(dir, 'elsewhere/historical.json'), JSON.stringify({ id: 'decoy', agents: 100, parameters: { 'seed.searchRate': 0.5 } }));
  };

  it('the same command gives the same scenario hash from any working directory, and names each file it read', () => {
    setup();
    const hashFrom = (cwd: string) => {
      const r = cliIn(cwd, 'run', join(dir, 'u/my.json'), '--json', '-q');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).manifest;
    };
    const fromRoot = hashFrom(ROOT), fromDecoy = hashFrom(join(dir, 'elsewhere'));
    expect(fromDecoy.scenarioHash).toBe(fromRoot.scenarioHash);
    expect(fromDecoy.scenarioFiles).toEqual([join(dir, 'u/my.json'), join(SCENARIO_DIR, 'historical.json')]);
  });

  it('every catalog scenario resolves as it does with a plain catalog loader (same hash, same bases)', () => {
    const catalog = (name: string) => JSON.parse(readFileSync(join(SCENARIO_DIR, name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
    const names = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThan(5);
    for (const f of names) {
      const viaCli = loadScenario(join(SCENARIO_DIR, f)), plain = resolveScenario(catalog(f), catalog, f);
      expect(viaCli.hash, f).toBe(plain.hash);
      expect(viaCli.bases, f).toEqual(plain.bases);
    }
  });

  it('a base beside the extending file wins over the catalog', () => {
    setup();
    writeFileSync(join(dir, 'u/historical.json'), JSON.stringify({ id: 'local-historical', end: '2021-12-31', agents: 123 }));
    const s = loadScenario(join(dir, 'u/my.json'));
    expect(s.bases).toEqual(['local-historical']);
    rmSync(join(dir, 'u/historical.json'));
    expect(loadScenario(join(dir, 'u/my.json')).bases).toEqual(['historical']);
  });

  it('a sweep\'s scenarios are looked up beside the sweep file, then in the catalog', () => {
    setup();
    const cwd = process.cwd();
    try {
      process.chdir(join(dir, 'elsewhere'));
      const plan = createPlan(parseSweep({ id: 'w', scenarios: ['historical.json'], agents: 50, start: '2021-06-01', end: '2021-06-05' }, join(dir, 'u/w.json')));
      expect(plan.bases[0].path).toBe(join(SCENARIO_DIR, 'historical.json'));
      expect(plan.bases[0].files).toEqual([join(SCENARIO_DIR, 'historical.json')]);
    } finally {
      process.chdir(cwd);
    }
  });
});

// Issue 16 item 12: a base that is not JSON (/etc/passwd, /proc/self/environ) had its first
// characters echoed in the error.
describe('a base that is not JSON: its content is never echoed', () => {
  it.each(['/etc/passwd', '/proc/self/environ'])('%s', (target) => {
    const f = join(dir, 'leak.json');
    writeFileSync(f, JSON.stringify({ id: 'leak', extends: target }));
    const e = errorOf(() => loadScenario(f));
    const content = readFileSync(target, 'latin1');
    expect(e.message).toMatch(/not valid JSON: unexpected character at line 1, column 1; expected a scenario file in JSON/);
    for (let i = 0; i + 4 <= Math.min(content.length, 200); i++) {
      const bit = content.slice(i, i + 4);
      if (/^[\w:/=]{4}$/.test(bit) && !['root', 'json', 'leak', 'file', 'proc', 'self'].includes(bit)) expect(e.message).not.toContain(bit);
    }
  });
  it('a syntax error in the user\'s own file still gives line and column', () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, '{\n  "id": "x",\n  oops\n}');
    expect(errorOf(() => loadScenario(f)).message).toMatch(/not valid JSON: .*\(line 3, column 3\)/);
    writeFileSync(f, '{"id": "x"} trailing-secret');
    const m = errorOf(() => loadScenario(f)).message;
    expect(m).toMatch(/line 1, column 13/);
    expect(m).not.toContain('trailing-secret');
  });
});

// Issue 16 item 13 (first part): an error inside a nested base named only its `extends` string.
describe('errors inside a base name the file', () => {
  it('names the resolved path of the base that holds the error', () => {
    mkdirSync(join(dir, 'n/sub'), { recursive: true });
    writeFileSync(join(dir, 'n/top.json'), JSON.stringify({ id: 'top', extends: 'sub/mid' }));
    writeFileSync(join(dir, 'n/sub/mid.json'), JSON.stringify({ id: 'mid', extends: 'low.json' }));
    writeFileSync(join(dir, 'n/sub/low.json'), JSON.stringify({ id: 'low', agents: -5 }));
    const e = errorOf(() => loadScenario(join(dir, 'n/top.json')));
    expect(e.message).toContain(`${join(dir, 'n/sub/low.json')}: agents:`);
  });
  it('cycles are still found, with the files named', () => {
    mkdirSync(join(dir, 'c/sub'), { recursive: true });
    writeFileSync(join(dir, 'c/a.json'), JSON.stringify({ id: 'a', extends: 'sub/b' }));
    writeFileSync(join(dir, 'c/sub/b.json'), JSON.stringify({ id: 'b', extends: '../a.json' }));
    const e = errorOf(() => loadScenario(join(dir, 'c/a.json')));
    expect(e.message).toContain('extends cycle');
    expect(e.message).toContain(join(dir, 'c/sub/b.json'));
  });
  it('a symlinked catalog scenario still resolves (bases relative to the link\'s directory)', () => {
    mkdirSync(join(dir, 'l'), { recursive: true });
    symlinkSync(join(SCENARIO_DIR, 'never-cut-2021.json'), join(dir, 'l/nc.json'));
    expect(loadScenario(join(dir, 'l/nc.json')).bases).toEqual(['historical']);
  });
});
