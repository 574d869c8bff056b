import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/index.ts';
import { loadScenario, MAX_SCENARIO_BYTES, readJsonFile } from '../../cli/io/loadScenario.ts';
import { BAD_CASES } from './badScenarios.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-bad-'));

/** The ScenarioError thrown by fn (fails the test on success or on any other error). */
function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScenarioError) return err;
    throw err;
  }
  throw new Error('expected a ScenarioError, but the scenario was accepted');
}

/** True when one issue names `path` and its message holds every fragment. */
const names = (e: ScenarioError, path: string, says: string[]) => e.issues.some((i) => i.path === path && says.every((s) => i.message.includes(s)));

describe('bad scenario files give a ScenarioError naming the path, the expected and the actual value', () => {
  const dir = tmp();
  for (const c of BAD_CASES) {
    it(c.name, () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, c.text);
      const e = scenarioError(() => loadScenario(file));
      expect(names(e, c.path, c.says), `${c.path}: ${c.says.join(' … ')}\n got: ${e.message}`).toBe(true);
      expect(e.message.startsWith(file) || e.message.includes(`${file}: `)).toBe(true);
    });
  }

  it('__proto__ and constructor keys pollute no prototype', () => {
    for (const c of BAD_CASES.filter((x) => /__proto__|constructor/.test(x.text))) {
      const file = join(dir, 'proto.json');
      writeFileSync(file, c.text);
      scenarioError(() => loadScenario(file));
    }
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.x).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('bad files and bases', () => {
  it('an extends cycle is named, however the bases are spelled', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ id: 'a', extends: 'sub/b' }));
    writeFileSync(join(dir, 'sub/b.json'), JSON.stringify({ id: 'b', extends: '../a.json' }));
    const e = scenarioError(() => loadScenario(join(dir, 'a.json')));
    expect(e.issues[0].path).toBe('extends');
    expect(e.message).toContain('extends cycle');
    expect(e.message).toContain('expected a chain of bases that ends');
    writeFileSync(join(dir, 'self.json'), JSON.stringify({ id: 'self', extends: 'self.json' }));
    expect(scenarioError(() => loadScenario(join(dir, 'self.json'))).message).toContain('extends cycle');
  });

  it('bases three levels down are found relative to the file that names them', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'top.json'), JSON.stringify({ id: 'top', extends: 'sub/mid' }));
    writeFileSync(join(dir, 'sub/mid.json'), JSON.stringify({ id: 'mid', extends: 'low.json' }));
    writeFileSync(join(dir, 'sub/low.json'), JSON.stringify({ id: 'low', extends: 'historical', end: '2019-06-30' }));
    const s = loadScenario(join(dir, 'top.json'));
    expect(s.bases).toEqual(['mid', 'low', 'historical']);
    expect(s.end).toBe('2019-06-30');
  });

  it('a missing base names the extends path and where it looked', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ id: 'm', extends: 'no-such-base.json' }));
    const e = scenarioError(() => loadScenario(join(dir, 'm.json')));
    expect(e.issues[0].path).toBe('extends');
    expect(e.message).toContain('cannot load base "no-such-base.json"');
    expect(e.message).toContain('expected a file path or a catalog name');
  });

  it('a 50 MB file is refused before it is read', () => {
    const file = join(tmp(), 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    const e = scenarioError(() => readJsonFile(file));
    expect(e.message).toContain('file is 50.0 MB; expected at most 5 MB');
    expect(MAX_SCENARIO_BYTES).toBe(5 * 1024 * 1024);
  });

  it('devices, pipes and directories are refused without reading them', () => {
    expect(scenarioError(() => readJsonFile('/dev/zero')).message).toContain('expected a regular JSON file');
    const dir = tmp();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(scenarioError(() => readJsonFile(fifo)).message).toContain('expected a regular JSON file');
    expect(scenarioError(() => readJsonFile(fifo + '-missing')).message).toContain('file not found');
    expect(scenarioError(() => readJsonFile(dir)).message).toContain('got a directory');
  });

  it('a UTF-8 byte-order mark is ignored', () => {
    const file = join(tmp(), 'bom.json');
    writeFileSync(file, '\ufeff' + JSON.stringify({ id: 'bom', extends: 'historical', end: '2018-02-01' }));
    expect(loadScenario(file).id).toBe('bom');
  });
});
