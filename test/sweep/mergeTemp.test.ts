import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp, writeSweep } from './helpers.ts';

// Issue 16 item 13: a stray `.results.parquet.<pid>.<random>.tmp` left by a merge killed mid-way
// was never cleaned up on resume.
describe('resume cleans stray merge temp files', () => {
  it('removes .results.*.tmp of writers that are gone, keeps other files', () => {
    const dir = tmp();
    const file = writeSweep(dir, { id: 't', scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-06-05', parameters: { 'merchants.agents': 10 } });
    const out = join(dir, 'out');
    expect(cli(['sweep', file, '--out', out, '-q']).status).toBe(0);
    const dead = 2 ** 22 + 12345; // above the usual pid_max: no such process
    writeFileSync(join(out, `.results.parquet.${dead}.0a1b2c3d.tmp`), 'half a parquet file');
    writeFileSync(join(out, `.results.csv.${dead}.0a1b2c3d.tmp`), 'half a csv');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = cli(['sweep', file, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out)).toContain('notes.txt');
    rmSync(dir, { recursive: true, force: true });
  });
});
