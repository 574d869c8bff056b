import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/index.ts';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';
import { cli, tinySweep, tmp } from './helpers.ts';
import { writeFileSync, existsSync } from 'node:fs';

// Issue 16 item 7: an own "__proto__" key in a sweep's parameters was dropped without a word.
const text = '{"id":"p","scenarios":["historical"],"parameters":{"__proto__":{"seed.searchRate":0.5}}}';

describe('sweep parameters', () => {
  it('refuses an own __proto__ key like any unknown parameter', () => {
    expect(() => parseSweep(JSON.parse(text), 'p.json')).toThrow(ScenarioError);
    expect(() => parseSweep(JSON.parse(text), 'p.json')).toThrow(/p\.json: parameters\.__proto__: unknown parameter "__proto__"; expected a key listed by `market-sim params`, got an object/);
  });

  it('the command exits 2 and writes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'p.json');
    const sweep = JSON.stringify({ ...tinySweep(), factors: [], replications: 1 }).replace('"parameters":{', '"parameters":{"__proto__":{"seed.searchRate":0.5},');
    writeFileSync(file, sweep);
    const r = cli(['sweep', file, '--out', join(dir, 'out'), '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/parameters\.__proto__: unknown parameter/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
