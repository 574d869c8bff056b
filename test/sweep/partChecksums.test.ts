import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tmp, writeSweep } from './helpers.ts';

// Issue 16 item 11: merge took a CSV part cut mid-row (exit 0, results.csv with fewer rows than
// results.parquet). Each run's parts are recorded with their row count, size and SHA-256 in the
// run's part manifest (parts/<run>-<key>.json, written last: the run's commit marker), and merge
// checks every part it reads against it.
let dir: string, out: string, file: string;
const partsOf = (ext: string) => readdirSync(join(out, 'parts')).filter((f) => f.endsWith(ext)).sort();
beforeAll(() => {
  dir = tmp();
  file = writeSweep(dir, { id: 'c', scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-07-15', parameters: { 'merchants.agents': 10 }, replications: 3, outputs: { tables: ['series'] } });
  out = join(dir, 'out');
  const r = cli(['sweep', file, '--out', out, '--no-merge', '-q']);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('part manifests', () => {
  it('each run has one, with rows, bytes and sha256 of each part', () => {
    const manifests = partsOf('.json');
    expect(manifests).toHaveLength(3);
    const m = JSON.parse(readFileSync(join(out, 'parts', manifests[0]), 'utf8'));
    expect(m.rows).toBeGreaterThan(10);
    expect(m.files.csv.bytes).toBe(readFileSync(join(out, 'parts', partsOf('.csv')[0])).length);
    expect(m.files.csv.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.files.parquet.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merge refuses a CSV part cut mid-row, naming it; nothing is written', () => {
    const csv = join(out, 'parts', partsOf('.csv')[1]);
    const good = readFileSync(csv);
    truncateSync(csv, good.length - 7);
    const r = cli(['merge', out, '--out', join(dir, 'm.csv')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/error: .*\.csv: damaged part: .* expected .* as recorded in .*\.json; delete the run's part files and run the sweep command again to redo it/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'm.csv'))).toBe(false);
    writeFileSync(csv, good);
    expect(cli(['merge', out, '--out', join(dir, 'm.csv')]).status).toBe(0);
  });

  it('merge refuses a Parquet part that was changed', () => {
    const pq = join(out, 'parts', partsOf('.parquet')[2]);
    const good = readFileSync(pq);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0xff;
    writeFileSync(pq, bad);
    const r = cli(['merge', out, '--out', join(dir, 'm.parquet')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/\.parquet: damaged part/);
    writeFileSync(pq, good);
  });

  it('a run without its part manifest is not finished: resume runs it again', () => {
    const m = partsOf('.json')[0];
    rmSync(join(out, 'parts', m));
    const r = cli(['merge', out, '--out', join(dir, 'm2.csv')]);
    expect(r.stderr).toContain('warning: 1 of 3 runs are missing');
    const again = cli(['sweep', file, '--out', out, '--no-merge', '-q']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 run now');
    expect(partsOf('.json')).toHaveLength(3);
  });
});
