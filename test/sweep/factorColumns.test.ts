import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_COLUMNS, columnNames, factorCell, manifestColumns, sweepColumns } from '../../cli/sweep/columns.ts';
import { columnSources, CREATED_BY, csvField } from '../../cli/sweep/encodeRows.ts';
import { mergeSweep } from '../../cli/sweep/mergeSweep.ts';
import { loadSweep } from '../../cli/sweep/parseSweep.ts';
import { runSweep } from '../../cli/sweep/runSweep.ts';
import { cli, parseCsv, readParquet, tmp, writeSweep } from './helpers.ts';

// Issue 14: each design factor is a column of its own in every sweep table (as well as in the
// `parameters` JSON), so pandas or DuckDB can group by it without parsing JSON. The column is
// named by the factor's path, as in design.csv; DOUBLE for numeric factors, STRING for
// categorical levers.
const PARAM = 'parameters.seed.searchRate', LEVER = 'policies.cut-2021.links.taotian.notes';
const COLUMNS = ['key', 'scenario', 'sample', 'replication', 'seed', 'parameters', PARAM, LEVER, 'table', 'period', 'platform', 'category', 'metric', 'unit', 'value'];

let work: string, sweepFile: string, out: string;
beforeAll(() => {
  work = tmp();
  // A 2 × 2 grid (a parameter, a categorical lever) × 1 replication = 4 small runs over the 2021 cut.
  sweepFile = writeSweep(work, {
    id: 'factor-columns', scenarios: ['historical'], agents: 200, start: '2021-07-01', end: '2021-08-31', parameters: { 'merchants.agents': 50 },
    factors: [{ path: PARAM, values: [0.02, 0.05] }, { path: LEVER, values: ['none', 'all'] }],
    seed: 5, outputs: { tables: ['phases', 'series'], metrics: ['gmv', 'mau'] },
  });
  out = join(work, 'out');
  const r = cli(['sweep', sweepFile, '--out', out, '--workers', '2', '-q']);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const design = () => parseCsv(readFileSync(join(out, 'design.csv'), 'utf8'));
const partsOf = (dir: string, ext: string) => readdirSync(join(dir, 'parts')).filter((f) => f.endsWith(ext)).sort();

describe('factor columns', () => {
  it('the manifest lists them after `parameters`, named as design.csv names the factors', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.columns).toEqual(COLUMNS);
    expect(design()[0]).toEqual(['sample', PARAM, LEVER]);
  });

  it('CSV: each row\'s factor columns equal its `parameters` JSON and its design.csv row, in every part and the merged file', () => {
    const points = design().slice(1);
    for (const file of [...partsOf(out, '.csv').map((f) => join(out, 'parts', f)), join(out, 'results.csv')]) {
      const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
      expect(header, file).toEqual(COLUMNS);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const at = (c: string) => row[COLUMNS.indexOf(c)];
        const json = JSON.parse(at('parameters'));
        expect(at(PARAM)).toBe(String(json[PARAM]));
        expect(at(LEVER)).toBe(json[LEVER]);
        expect([at(PARAM), at(LEVER)]).toEqual(points[Number(at('sample'))].slice(1));
      }
    }
  });

  it('Parquet: DOUBLE for the parameter, STRING for the lever; values equal the JSON and design.csv; group-by on a column gives the grid levels', async () => {
    const bytes = readFileSync(join(out, 'results.parquet'));
    const schema = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).schema;
    expect(schema.slice(1).map((s) => s.name)).toEqual(COLUMNS);
    expect(schema.find((s) => s.name === PARAM)).toMatchObject({ type: 'DOUBLE' });
    expect(schema.find((s) => s.name === LEVER)).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    const points = design().slice(1);
    const rows = await readParquet(join(out, 'results.parquet'));
    for (const f of partsOf(out, '.parquet')) expect(Object.keys((await readParquet(join(out, 'parts', f)))[0])).toEqual(COLUMNS);
    for (const r of rows) {
      const json = JSON.parse(r.parameters as string);
      expect(typeof r[PARAM]).toBe('number');
      expect(r[PARAM]).toBe(json[PARAM]);
      expect(r[LEVER]).toBe(json[LEVER]);
      expect([String(r[PARAM]), r[LEVER]]).toEqual(points[r.sample as number].slice(1));
    }
    // What `df.groupby(PARAM)` / `GROUP BY "parameters.seed.searchRate"` does: one group per grid level.
    const groupBy = (c: string) => {
      const g = new Map<unknown, number>();
      for (const r of rows) g.set(r[c], (g.get(r[c]) ?? 0) + 1);
      return g;
    };
    expect([...groupBy(PARAM).keys()].sort()).toEqual([0.02, 0.05]);
    expect([...groupBy(LEVER).keys()].sort()).toEqual(['all', 'none']);
    expect([...groupBy(PARAM).values()]).toEqual([rows.length / 2, rows.length / 2]);
    // One run per group and design point: the lever's levels are different models (run keys).
    expect(new Set(rows.filter((r) => r[PARAM] === 0.02).map((r) => `${r[LEVER]} ${r.key}`)).size).toBe(2);
  });
});

describe('a sweep directory started before factor columns', () => {
  let legacy: string;
  const base = sweepColumns([]);
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  // Rewrite a directory as the previous version wrote it: its manifest lists the base columns
  // and its parts have no factor columns (their part manifests match them).
  beforeAll(async () => {
    legacy = join(work, 'legacy');
    cpSync(out, legacy, { recursive: true });
    for (const f of readdirSync(legacy)) if (f.startsWith('results.')) rmSync(join(legacy, f));
    const m = JSON.parse(readFileSync(join(legacy, 'manifest.json'), 'utf8'));
    writeFileSync(join(legacy, 'manifest.json'), JSON.stringify({ ...m, columns: BASE_COLUMNS }, null, 1) + '\n');
    for (const f of partsOf(legacy, '.json')) {
      const id = f.slice(0, -'.json'.length), dir = join(legacy, 'parts');
      if (id.startsWith('00000003-')) { // the last run is still to do
        for (const ext of ['json', 'csv', 'parquet']) rmSync(join(dir, `${id}.${ext}`));
        continue;
      }
      const [header, ...lines] = parseCsv(readFileSync(join(dir, `${id}.csv`), 'utf8'));
      const keep = BASE_COLUMNS.map((c) => header.indexOf(c));
      const csv = Buffer.from([BASE_COLUMNS.join(','), ...lines.map((l) => keep.map((j) => csvField(l[j])).join(','))].join('\n') + '\n');
      const rows = await readParquet(join(dir, `${id}.parquet`));
      const parquet = new Uint8Array(parquetWriteBuffer({ columnData: columnSources(base, BASE_COLUMNS.map((c) => rows.map((r) => r[c]))), rowGroupSize: 100_000, createdBy: CREATED_BY }));
      writeFileSync(join(dir, `${id}.csv`), csv);
      writeFileSync(join(dir, `${id}.parquet`), parquet);
      const pm = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      pm.files = { csv: { bytes: csv.length, sha256: sha256(csv) }, parquet: { bytes: parquet.length, sha256: sha256(parquet) } };
      writeFileSync(join(dir, f), JSON.stringify(pm) + '\n');
    }
  });

  it('resumes without factor columns (warning which columns it lacks), so all its runs fit one table', async () => {
    const s = await runSweep(loadSweep(sweepFile), { out: legacy, workers: 1, shard: { index: 0, count: 1, source: 'none' }, quiet: true });
    expect([s.already, s.ran, s.missing]).toEqual([3, 1, 0]);
    expect(s.warnings.join('\n')).toContain(`warning: ${legacy} was started by a market-sim without factor columns: its tables lack the columns ${PARAM}, ${LEVER}`);
    const resumed = partsOf(legacy, '.csv').find((f) => f.startsWith('00000003-'))!;
    expect(parseCsv(readFileSync(join(legacy, 'parts', resumed), 'utf8'))[0]).toEqual([...BASE_COLUMNS]);
    // The merged tables are the current ones without the factor columns, row for row.
    const drop = [COLUMNS.indexOf(PARAM), COLUMNS.indexOf(LEVER)];
    const now = parseCsv(readFileSync(join(out, 'results.csv'), 'utf8')).map((row) => row.filter((_, j) => !drop.includes(j)));
    expect(parseCsv(readFileSync(join(legacy, 'results.csv'), 'utf8'))).toEqual(now);
    const rows = await readParquet(join(legacy, 'results.parquet'));
    expect(rows).toEqual((await readParquet(join(out, 'results.parquet'))).map(({ [PARAM]: _p, [LEVER]: _l, ...rest }) => rest));
  });

  it('merge refuses to join it with a directory that has factor columns, naming both column lists', async () => {
    await expect(mergeSweep([legacy, out], join(work, 'mixed.parquet'))).rejects.toThrow(`${out} has other result columns than ${legacy} (${COLUMNS.join(',')} vs ${BASE_COLUMNS.join(',')})`);
  });

  it('a manifest with columns of neither kind is refused by resume and merge (exit 2, naming the file and field)', () => {
    const bad = join(work, 'bad-columns');
    cpSync(out, bad, { recursive: true });
    const m = JSON.parse(readFileSync(join(bad, 'manifest.json'), 'utf8'));
    writeFileSync(join(bad, 'manifest.json'), JSON.stringify({ ...m, columns: ['key', 'value'] }));
    for (const args of [['sweep', sweepFile, '--out', bad, '-q'], ['merge', bad, '--out', join(work, 'bad.csv')]]) {
      const r = cli(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`manifest.json: columns: expected ${JSON.stringify(COLUMNS)} (or, for a sweep directory started before factor columns, ${JSON.stringify(BASE_COLUMNS)}), got ["key","value"]`);
    }
  });
});

describe('columns of a sweep', () => {
  it('are the base columns without factors; a range or numbers give DOUBLE, strings or booleans STRING', () => {
    expect(columnNames(sweepColumns([]))).toEqual([...BASE_COLUMNS]);
    const cols = sweepColumns([
      { path: 'parameters.red.bassQ' }, // min/max range
      { path: 'policies.redcat-2025.ownStore.enabled', values: [true, false] },
      { path: 'policies.redcat-2025.links.jd.notes', values: ['none', 'all'] },
      { path: 'policies.cut-2021.adLoad', values: [0.05, 0.12] },
    ]).slice(5, 10);
    expect(cols.map((c) => [c.name, c.type])).toEqual([['parameters', 'STRING'], ['parameters.red.bassQ', 'DOUBLE'],
      ['policies.redcat-2025.ownStore.enabled', 'STRING'], ['policies.redcat-2025.links.jd.notes', 'STRING'], ['policies.cut-2021.adLoad', 'DOUBLE']]);
    const point = { 'parameters.red.bassQ': 0.5, 'policies.redcat-2025.ownStore.enabled': false, 'policies.redcat-2025.links.jd.notes': 'all', 'policies.cut-2021.adLoad': 0.12 };
    expect(cols.slice(1).map((c) => factorCell(c, point))).toEqual([0.5, 'false', 'all', 0.12]);
  });

  it('of a directory come from its manifest: current, base only (started before factor columns), or refused', () => {
    const factors = [{ path: PARAM, values: [0.02] }];
    expect(columnNames(manifestColumns({ columns: columnNames(sweepColumns(factors)), factors }, 'm.json'))).toContain(PARAM);
    expect(columnNames(manifestColumns({ columns: [...BASE_COLUMNS], factors }, 'm.json'))).toEqual([...BASE_COLUMNS]);
    expect(() => manifestColumns({ columns: [...BASE_COLUMNS].reverse(), factors }, 'm.json')).toThrow('m.json: columns: expected');
  });
});
