import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/index.ts';
import { parseWorkers } from '../../cli/commands/sweep.ts';
import { mergeSweep } from '../../cli/sweep/mergeSweep.ts';
import { loadSweep } from '../../cli/sweep/parseSweep.ts';
import { UsageError } from '../../cli/errors.ts';
import { tmp } from './helpers.ts';

describe('sweep and merge inputs', () => {
  it('--workers takes a whole number >= 1, capped at the cores (test/sweep/sweepWorkers.test.ts); default all cores', () => {
    expect(parseWorkers('1')).toBe(1);
    expect(parseWorkers(undefined)).toBe(availableParallelism());
    for (const bad of ['0', '1.5', 'two', '-2']) expect(() => parseWorkers(bad)).toThrow(`--workers: expected a whole number >= 1, got ${JSON.stringify(bad)}`);
  });

  it('a missing sweep file is a ScenarioError (exit 2) naming the path', () => {
    const d = tmp(), f = join(d, 'nope.json');
    expect(() => loadSweep(f)).toThrow(ScenarioError);
    expect(() => loadSweep(f)).toThrow(`sweep file not found: ${f}`);
    rmSync(d, { recursive: true });
  });

  it('merge refuses a directory without a manifest and an output that is not .parquet or .csv', async () => {
    const d = tmp();
    await expect(mergeSweep([d], join(d, 'o.csv'))).rejects.toThrow(`${d}: not a sweep directory (no manifest.json)`);
    await expect(mergeSweep([d], join(d, 'o.json'))).rejects.toThrow(UsageError);
    rmSync(d, { recursive: true });
  });
});
