import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunPool } from '../../cli/pool/createRunPool.ts';
import { sweepColumns } from '../../cli/sweep/columns.ts';
import { executeRun, type RunTask } from '../../cli/sweep/executeRun.ts';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';
import { createPlan } from '../../cli/sweep/plan.ts';
import { readParquet, tinySweep, tmp } from './helpers.ts';

const pool = createRunPool(2);
afterAll(() => pool.destroy());

describe('a run in a worker thread', () => {
  it('gives byte-identical Parquet and CSV parts to the same run in the main thread', async () => {
    const sweep = parseSweep(tinySweep(), 'test/sweep/tiny.json');
    const plan = createPlan(sweep);
    const main = tmp(), worker = tmp();
    const live = new SharedArrayBuffer(8);
    for (const run of [0, 5]) {
      const spec = plan.spec(run);
      const task = (dir: string, slot: number): RunTask => ({ spec, key: plan.key(spec), scenario: plan.scenario(spec), dir, formats: sweep.formats, outputs: sweep.outputs, columns: sweepColumns(sweep.factors), progress: { buffer: live, slot } });
      const a = executeRun(task(main, 0));
      const b = await pool.run(task(worker, 1));
      expect(b).toMatchObject({ run, key: a.key, rows: a.rows, days: 122 });
      expect(a.rows).toBeGreaterThan(100);
      expect(new Int32Array(live)[1]).toBe(122); // live progress reached the last day in the worker
    }
    const files = readdirSync(join(main, 'parts')).sort();
    expect(files).toHaveLength(6); // per run: CSV, Parquet and the part manifest
    expect(readdirSync(join(worker, 'parts')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(worker, 'parts', f)).equals(readFileSync(join(main, 'parts', f))), f).toBe(true);
    const rows = await readParquet(join(worker, 'parts', files.find((f) => f.endsWith('.parquet'))!));
    expect(rows[0]).toMatchObject({ scenario: 'historical', sample: 0, replication: 0, seed: plan.seeds[0], 'parameters.seed.searchRate': 0.02, 'policies.cut-2021.adLoad': 0.05, table: 'phases' });
    expect(rows.some((r) => r.table === 'series' && r.metric === 'gmv' && r.platform === 'taotian' && (r.value as number) > 0)).toBe(true);
    for (const d of [main, worker]) rmSync(d, { recursive: true, force: true });
  });
});
