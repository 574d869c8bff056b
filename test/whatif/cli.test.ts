import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicationSeeds } from '../../engine/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-whatif-'));

/** A short historical span and the never-cut counterfactual over the same span (extends by absolute path). */
function pair(dir: string) {
  const span = { start: '2021-06-01', end: '2021-10-31', agents: 500 };
  const a = join(dir, 'a.json'), b = join(dir, 'b.json');
  writeFileSync(a, JSON.stringify({ id: 'a', title: 'Short historical', extends: join(ROOT, 'scenarios/historical.json'), ...span }));
  writeFileSync(b, JSON.stringify({ id: 'b', title: 'Short never cut', extends: join(ROOT, 'scenarios/never-cut-2021.json'), ...span }));
  return { a, b };
}

describe('market-sim compare', () => {
  it('prints paired differences with intervals and writes comparison.json/csv and replicates.csv', () => {
    const dir = tmp();
    const { a, b } = pair(dir);
    const out = join(dir, 'out');
    const r = cli('compare', a, b, '--reps', '2', '--seed', '9', '--out', out);
    expect(r.stderr).not.toContain('failed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('B − A: "Short never cut" (b) minus "Short historical" (a)');
    expect(r.stdout).toContain('2021-06-01 .. 2021-07-31 (2020-08 organic links to Taobao): A and B identical in every replication');
    expect(r.stdout).toMatch(/2021-08-01 \.\. 2021-10-31 {3}A: 2021-08 links cut, 号店一体 {3}B: 2021-08 号店一体, links kept/);
    expect(r.stdout).toMatch(/Taotian GMV\/yr .* \[[−+].*, [−+].*\] .*×/);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(c.manifest.seeds).toEqual(replicationSeeds(9, 2));
    expect(c.manifest.agents).toBe(500);
    const csv = readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('view,period,start,end,phaseA,phaseB,platform,metric,unit,n,meanA,meanB,diff,diffLo,diffHi,relDiff,pairedHalfWidth,unpairedLo,unpairedHi,unpairedHalfWidth,narrowing,identical');
    expect(csv.length - 2).toBe(c.rows.length);
    const long = readFileSync(join(out, 'replicates.csv'), 'utf8').split('\n');
    expect(long[0]).toBe('rep,seed,arm,view,period,platform,metric,unit,value');
    expect(long.length - 2).toBe(c.rows.length * 2 * 2);
  });

  it('--json prints the comparison; bad --reps exits 2 and writes nothing', () => {
    const dir = tmp();
    const { a, b } = pair(dir);
    const j = cli('compare', a, b, '--reps', '2', '--agents', '300', '--json');
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout).rows.length).toBeGreaterThan(50);
    const out = join(dir, 'out');
    const one = cli('compare', a, b, '--reps', '1', '--out', out);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('--reps: expected a whole number in [2, 1000], got "1"');
    expect(existsSync(out)).toBe(false);
    const missing = cli('compare', a, join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });
});

describe('market-sim run --reps', () => {
  it('prints mean and 95% CI per phase figure and writes the replication summary with the seeds', () => {
    const dir = tmp();
    const { a } = pair(dir);
    const out = join(dir, 'out');
    const r = cli('run', a, '--reps', '3', '--seed', '4', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Short historical — 3 replications, seeds from root 4: ${replicationSeeds(4, 3).join(', ')}`);
    expect(r.stdout).toMatch(/Taotian GMV\/yr +[\d.]+T +\[[\d.]+T, [\d.]+T\]/);
    const rep = JSON.parse(readFileSync(join(out, 'replication.json'), 'utf8'));
    expect(rep.manifest).toMatchObject({ rootSeed: 4, seeds: replicationSeeds(4, 3), reps: 3, agents: 500 });
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').split('\n')[0]).toBe('table,period,platform,category,metric,unit,n,mean,sd,se,lo,hi,halfWidth');
    expect(readFileSync(join(out, 'phases-replicates.csv'), 'utf8').split('\n')[0]).toBe('rep,seed,phase,platform,metric,unit,value');
  });

  it('--reps 1 is the ordinary run; a bad value exits 2', () => {
    const dir = tmp();
    const { a } = pair(dir);
    const one = cli('run', a, '--reps', '1', '--json');
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).manifest.seed).toBe(1);
    const bad = cli('run', a, '--reps', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--reps: expected a whole number in [1, 1000], got "x"');
  });
});

describe('market-sim schema', () => {
  it('prints the JSON Schema that docs/scenario.schema.json holds', () => {
    const r = cli('schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs/scenario.schema.json'), 'utf8'));
  });
});
