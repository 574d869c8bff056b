import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, replicationSeed } from '../../engine/index.ts';
import { columnNames, sweepColumns } from '../../cli/sweep/columns.ts';
import { loadSweep } from '../../cli/sweep/parseSweep.ts';
import { runSweep } from '../../cli/sweep/runSweep.ts';
import { mergeSweep } from '../../cli/sweep/mergeSweep.ts';
import { cli, cliAsync, exited, parseCsv, readParquet, ROOT, tinySweep, tmp, waitFor, writeSweep } from './helpers.ts';
import { clusterDoc } from './clusterDoc.ts';

const parts = (dir: string, ext: string) => (existsSync(join(dir, 'parts')) ? readdirSync(join(dir, 'parts')).filter((f) => f.endsWith(ext)) : []);
/** Finished runs: parts with their manifest (the run's commit marker, written after the Parquet file). */
const committed = (dir: string) => parts(dir, '.parquet').filter((f) => existsSync(join(dir, 'parts', f.replace(/\.parquet$/, '.json'))));
const tmpFiles = (dir: string) => (existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')) : []);

// One uninterrupted, unsharded run of the tiny sweep (8 runs): the reference table.
let work: string, sweepFile: string, ref: string;
beforeAll(() => {
  work = tmp();
  sweepFile = writeSweep(work, tinySweep());
  ref = join(work, 'ref');
  const r = cli(['sweep', sweepFile, '--out', ref, '--workers', '2']);
  expect(r.stderr).toMatch(/sweep tiny: 100% \| 8\/8 runs/);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('sweep tiny: 8 runs; 8 run now with 2 workers');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('market-sim sweep', () => {
  it('writes one Parquet and one CSV part per run, the manifest, the design and the merged results', async () => {
    expect(parts(ref, '.parquet')).toHaveLength(8);
    expect(parts(ref, '.csv')).toHaveLength(8);
    expect(tmpFiles(ref)).toEqual([]);
    const m = JSON.parse(readFileSync(join(ref, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ engine: ENGINE_VERSION, runs: 8, rootSeed: 3, replications: 2, sweepFile: 'sweep.json', formats: ['csv', 'parquet'] });
    expect(m.seeds).toEqual([replicationSeed(3, 0), replicationSeed(3, 1)]);
    expect(m.sweepHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.gitRevision === null || /^[0-9a-f]{40}$/.test(m.gitRevision)).toBe(true);
    expect(readFileSync(join(ref, 'design.csv'), 'utf8')).toBe('sample,parameters.seed.searchRate,policies.cut-2021.adLoad\n0,0.02,0.05\n1,0.02,0.12\n2,0.05,0.05\n3,0.05,0.12\n');
    const shard = JSON.parse(readFileSync(join(ref, 'shards/0-of-1.json'), 'utf8'));
    expect(shard).toMatchObject({ slice: 8, ranNow: 8, alreadyOnDisk: 0, complete: true, workers: 2 });
  });

  it('Parquet output loads with hyparquet and holds the same rows as the CSV', async () => {
    const COLUMNS = columnNames(sweepColumns(loadSweep(sweepFile).factors));
    expect(COLUMNS.slice(5, 8)).toEqual(['parameters', 'parameters.seed.searchRate', 'policies.cut-2021.adLoad']);
    const rows = await readParquet(join(ref, 'results.parquet'));
    const csv = parseCsv(readFileSync(join(ref, 'results.csv'), 'utf8'));
    expect(csv[0]).toEqual([...COLUMNS]);
    expect(rows).toHaveLength(csv.length - 1);
    expect(Object.keys(rows[0])).toEqual([...COLUMNS]);
    rows.forEach((r, i) => {
      const line = csv[i + 1];
      COLUMNS.forEach((c, j) => {
        const v = r[c];
        expect(typeof v === 'number' && !Number.isFinite(v) ? '' : String(v), `row ${i} ${c}`).toBe(line[j]);
      });
    });
    expect(new Set(rows.map((r) => r.key)).size).toBe(8);
    expect(new Set(rows.map((r) => r.seed))).toEqual(new Set([replicationSeed(3, 0), replicationSeed(3, 1)]));
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['gmv', 'gmv_per_year', 'ad_revenue', 'trust', 'mau']));
    // Replications differ (different seeds), design points differ (different models).
    const gmv = (sample: number, rep: number) => rows.find((r) => r.sample === sample && r.replication === rep && r.table === 'phases' && r.period === '2021-08 links cut, 号店一体' && r.metric === 'gmv_per_year' && r.platform === 'taotian')!.value;
    expect(gmv(0, 0)).not.toBe(gmv(0, 1));
    expect(gmv(0, 0)).not.toBe(gmv(2, 0));
    const merged = JSON.parse(readFileSync(join(ref, 'results.parquet.manifest.json'), 'utf8'));
    expect(merged.merged).toMatchObject({ runs: 8, totalRuns: 8, missingRuns: 0, rows: rows.length });
  });

  it('re-running the finished sweep skips every run', async () => {
    const s = await runSweep(loadSweep(sweepFile), { out: ref, workers: 2, shard: { index: 0, count: 1, source: 'none' }, quiet: true, merge: false });
    expect([s.slice, s.already, s.ran, s.missing, s.interrupted]).toEqual([8, 8, 0, 0, false]);
  });

  it('3 shards run as separate processes (the Slurm script and the Kubernetes Job command of docs/cluster.md, --shard) merge to the one-process table, row for row', async () => {
    const dirs = [0, 1, 2].map((i) => join(work, `shard${i}`));
    const slurm = join(work, 'sweep-array.sbatch');
    writeFileSync(slurm, clusterDoc.slurmScript);
    const [bin, ...args] = clusterDoc.jobCommand.map((a) => (a.endsWith('.json') ? sweepFile : a === clusterDoc.jobOut ? dirs[1] : a));
    expect([bin, args[0], args[1]]).toEqual(['npx', 'market-sim', 'sweep']);
    const runs = await Promise.all([
      exited(spawn('bash', [slurm], { cwd: work, env: { ...process.env, SLURM_SUBMIT_DIR: ROOT, SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '1', SWEEP: sweepFile, OUT: dirs[0] } })),
      exited(cliAsync([...args.slice(1), '-q'], { JOB_COMPLETION_INDEX: '1', MARKET_SIM_SHARD_COUNT: '3' })),
      exited(cliAsync(['sweep', sweepFile, '--out', dirs[2], '--shard', '2/3', '--workers', '1', '-q'])),
    ]);
    runs.forEach((r) => expect(r.code, r.stderr).toBe(0));
    expect(runs[0].stdout).toContain('(shard 0/3 from SLURM_ARRAY_TASK_ID: 3 of 8 runs)');
    expect(runs[1].stdout).toContain('(shard 1/3 from JOB_COMPLETION_INDEX: 3 of 8 runs)');
    expect(runs[2].stdout).toContain('(shard 2/3 from --shard: 2 of 8 runs)');
    expect(dirs.map((d) => parts(d, '.parquet').length)).toEqual([3, 3, 2]);
    expect(dirs.some((d) => existsSync(join(d, 'results.parquet')))).toBe(false);
    const out = join(work, 'merged');
    const m = cli(['merge', ...dirs, '--out', join(out, 'all.parquet')]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toContain('merged 8 of 8 runs');
    expect(await readParquet(join(out, 'all.parquet'))).toEqual(await readParquet(join(ref, 'results.parquet')));
    await mergeSweep(dirs, join(out, 'all.csv'));
    expect(readFileSync(join(out, 'all.csv'), 'utf8')).toBe(readFileSync(join(ref, 'results.csv'), 'utf8'));
    const partial = await mergeSweep([dirs[0], dirs[2]], join(out, 'partial.csv'));
    expect([partial.runs, partial.missingRuns]).toEqual([5, 3]);
  });

  it('survives kill -9 at any moment: resuming gives the identical final table, with no run lost or duplicated', async () => {
    const dir = join(work, 'killed');
    // First kill: early, while starting or in the first run. Second: after three runs are on disk.
    const first = cliAsync(['sweep', sweepFile, '--out', dir, '--workers', '1']);
    const firstDone = exited(first);
    await new Promise((r) => setTimeout(r, 400));
    first.kill('SIGKILL');
    expect((await firstDone).signal).toBe('SIGKILL');
    const second = cliAsync(['sweep', sweepFile, '--out', dir, '--workers', '1']);
    const secondDone = exited(second);
    await waitFor(() => parts(dir, '.json').length >= 3);
    second.kill('SIGKILL');
    expect((await secondDone).signal).toBe('SIGKILL');
    const onDisk = parts(dir, '.json').map((f) => f.replace('.json', '.parquet')); // a run is done when its part manifest is there
    expect(onDisk.length).toBeGreaterThanOrEqual(3);
    expect(onDisk.length).toBeLessThan(8);
    for (const f of onDisk) expect((await readParquet(join(dir, 'parts', f))).length).toBeGreaterThan(0); // every committed part is whole
    const resumed = cli(['sweep', sweepFile, '--out', dir, '--workers', '2']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr, resumed.stderr).toContain(`resuming: ${onDisk.length} of 8 runs already in`);
    expect(resumed.stdout).toContain(`${8 - onDisk.length} run now`);
    expect(parts(dir, '.parquet')).toHaveLength(8);
    expect(tmpFiles(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(readFileSync(join(ref, 'results.csv'), 'utf8'));
    expect(await readParquet(join(dir, 'results.parquet'))).toEqual(await readParquet(join(ref, 'results.parquet')));
  });

  it('SIGINT stops cleanly: finished runs kept, no temp files, exit 130 and the command to resume', async () => {
    const dir = join(work, 'interrupted');
    const child = cliAsync(['sweep', sweepFile, '--out', dir, '--workers', '1']);
    const done = exited(child);
    await waitFor(() => committed(dir).length >= 1);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('SIGINT: stopping; finished runs are kept');
    expect(r.stderr).toMatch(/interrupted: \d of 8 runs are complete in .*interrupted; \d to go\./);
    expect(r.stderr).toContain(`resume with the same command:\n  npx market-sim sweep ${sweepFile} --out ${dir} --workers 1`);
    expect(tmpFiles(dir)).toEqual([]);
    expect(existsSync(join(dir, 'results.csv'))).toBe(false);
    const shard = JSON.parse(readFileSync(join(dir, 'shards/0-of-1.json'), 'utf8'));
    expect(shard).toMatchObject({ interrupted: true, complete: false });
    // a signal between a run's Parquet file and its manifest leaves an uncommitted part, which a resume re-runs
    expect(shard.alreadyOnDisk + shard.ranNow).toBe(committed(dir).length);
  });

  it('moves parts made by another model (same run, another key) to stale/ and merge refuses to mix them', async () => {
    const dir = join(work, 'stale-check');
    cpSync(ref, dir, { recursive: true });
    const real = parts(dir, '.parquet').find((f) => f.startsWith('00000000-'))!;
    const fake = `00000000-${'f'.repeat(24)}.parquet`;
    cpSync(join(dir, 'parts', real), join(dir, 'parts', fake));
    // with its part manifest (the run's commit marker), or it would not count as a finished run
    cpSync(join(dir, 'parts', real.replace('.parquet', '.json')), join(dir, 'parts', fake.replace('.parquet', '.json')));
    await expect(mergeSweep([dir], join(dir, 'mixed.parquet'))).rejects.toThrow('run 0 has parts with two keys');
    const s = await runSweep(loadSweep(sweepFile), { out: dir, workers: 1, shard: { index: 0, count: 1, source: 'none' }, quiet: true });
    expect([s.already, s.ran, s.missing]).toEqual([8, 0, 0]);
    expect(s.warnings.join('\n')).toContain('warning: 2 part files in');
    expect(readdirSync(join(dir, 'stale')).sort()).toEqual([fake.replace('.parquet', '.json'), fake]);
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(readFileSync(join(ref, 'results.csv'), 'utf8'));
  });

  it('bad input exits 2 with the path, the value and what was expected; nothing is written', () => {
    const bad = writeSweep(work, tinySweep({ replications: -1 }), 'bad');
    const r = cli(['sweep', bad, '--out', join(work, 'bad-out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.json: replications: expected a whole number in [1, 100000], got -1');
    expect(existsSync(join(work, 'bad-out'))).toBe(false);
    const other = writeSweep(work, tinySweep({ replications: 3 }), 'other');
    const clash = cli(['sweep', other, '--out', ref]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/holds another sweep \(sweep\.json, hash [0-9a-f]{12}…; this is other\.json/);
  });
});
