import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tmp, writeSweep } from './helpers.ts';

// Issue 16 item 10: a manifest.json of the wrong shape ({} or {"sweepHash": 5}) made resume and
// merge die with a TypeError and a stack trace. It is validated (zod): exit 2 naming the file and field.
let dir: string, file: string, out: string, good: string;
beforeAll(() => {
  dir = tmp();
  file = writeSweep(dir, { id: 'm', scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-06-05', parameters: { 'merchants.agents': 10 } });
  out = join(dir, 'out');
  const r = cli(['sweep', file, '--out', out, '-q']);
  expect(r.status, r.stderr).toBe(0);
  good = readFileSync(join(out, 'manifest.json'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifest.json is validated', () => {
  it.each([
    ['{}', /manifest\.json: format: expected "market-sim sweep 1", got nothing/],
    ['{"sweepHash":5}', /manifest\.json: .*sweepHash: expected a hex SHA-256 string, got 5/],
    ['[]', /manifest\.json: expected an object, got an array of 0/],
    ['null', /manifest\.json: expected an object, got null/],
  ])('%s: resume and merge exit 2 naming it', (text, re) => {
    writeFileSync(join(out, 'manifest.json'), text);
    for (const args of [['sweep', file, '--out', out, '-q'], ['merge', out, '--out', join(dir, 'm.csv')]]) {
      const r = cli(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    }
    writeFileSync(join(out, 'manifest.json'), good);
  });
  it('a good manifest still resumes', () => {
    const r = cli(['sweep', file, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
  });
});
