import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tmp, writeSweep } from './helpers.ts';

// Issue 16 item 8: a factor value only shard 1 reaches ("bogus") let shard 0 exit 0 and write
// parts; item 13: a bad design point was reported at the internal path policies[0].set... .
// The whole design is checked in every shard before anything runs or is written.
let dir: string;
beforeAll(() => { dir = tmp(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-09-05', parameters: { 'merchants.agents': 10 } };

describe('the whole design is validated in every shard', () => {
  it('a lever value only another shard reaches: every shard exits 2 naming factors[i].values[j], nothing written', () => {
    const file = writeSweep(dir, { id: 'v', ...base, factors: [{ path: 'policies.cut-2021.links.taotian.notes', values: ['none', 'bogus'] }] }, 'v');
    for (const shard of ['0/2', '1/2']) {
      const out = join(dir, `v-${shard.replace('/', 'of')}`);
      const r = cli(['sweep', file, '--out', out, '--shard', shard, '-q']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/v\.json: factors\[0\]\.values\[1\]: .*got "bogus"/);
      expect(r.stderr).not.toMatch(/policies\[\d+\]\.set/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a numeric lever range outside its bounds names factors[i].max', () => {
    const file = writeSweep(dir, { id: 'w', ...base, factors: [{ path: 'policies.cut-2021.adLoad', min: 0.1, max: 1.5, levels: 3 }] }, 'w');
    const r = cli(['sweep', file, '--out', join(dir, 'w'), '--shard', '0/3', '-q']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/w\.json: factors\[0\]\.max: .*1\.5/);
  });

  it('a design point that breaks a rule between parameters is named with its factor values', () => {
    const file = writeSweep(dir, { id: 'x', ...base, factors: [
      { path: 'parameters.merchants.initRedShare', values: [0.2, 0.6] },
      { path: 'parameters.merchants.initDouyinShare', values: [0.2, 0.5] },
    ] }, 'x');
    const r = cli(['sweep', file, '--out', join(dir, 'x'), '--shard', '0/4', '-q']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/x\.json: factors\[0\]: design point 3 \(merchants\.initRedShare = 0\.6, merchants\.initDouyinShare = 0\.5\): expected merchants\.initRedShare \+ merchants\.initDouyinShare <= 1/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
