import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { UsageError } from '../errors.ts';
import { prepareOutFile } from '../io/outputPath.ts';
import { manifestColumns, type Column } from './columns.ts';
import { columnSources, CREATED_BY, csvHeader, rowSchema } from './encodeRows.ts';
import { commitFile, finishedRuns, listParts, verifyPart, type Part } from './partFiles.ts';
import { readManifest, type SweepManifest } from './manifest.ts';
import type { Format } from './parseSweep.ts';

/** Rows buffered before a row group is written to a merged Parquet file. */
const MERGE_ROW_GROUP = 100_000;

/** What a merge wrote. */
export interface MergeSummary { file: string; manifestFile: string; runs: number; rows: number; totalRuns: number; missingRuns: number; duplicates: number }

/** The merged manifest file beside `out`: results.parquet → results.parquet.manifest.json. */
const mergedManifestPath = (out: string): string => `${out}.manifest.json`;

/**
 * Join the finished runs of one or more sweep directories (shards of one sweep, or one
 * directory) into one file, Parquet or CSV by the extension of `out`: runs in run order,
 * each run once (a run present in several directories is taken from the first), rows as
 * the runs wrote them, with the columns the directories' manifests list (a directory started
 * before factor columns existed merges without them; directories with different columns are
 * refused). Memory stays bounded: one part and at most MERGE_ROW_GROUP rows are
 * held at a time. The file is written to a temp file and renamed; a manifest
 * (the sweep's plus runs merged and missing) is written beside it.
 */
export async function mergeSweep(dirs: readonly string[], out: string): Promise<MergeSummary> {
  const format = extname(out).slice(1).toLowerCase() as Format;
  if (format !== 'parquet' && format !== 'csv') throw new UsageError(`--out: expected a file ending in .parquet or .csv, got ${JSON.stringify(out)}`);
  if (dirs.length === 0) throw new UsageError('merge: expected at least one sweep directory');
  prepareOutFile('--out', out);
  const manifests = dirs.map((d) => readManifest(d));
  const first = manifests[0];
  manifests.forEach((m, i) => {
    if (m.sweepHash !== first.sweepHash || m.engine !== first.engine) {
      throw new UsageError(`${dirs[i]} holds another sweep than ${dirs[0]} (${m.sweepFile} ${m.sweepHash.slice(0, 12)}… engine ${m.engine} vs ${first.sweepFile} ${first.sweepHash.slice(0, 12)}… engine ${first.engine})`);
    }
    if (m.columns.join() !== first.columns.join()) {
      throw new UsageError(`${dirs[i]} has other result columns than ${dirs[0]} (${m.columns.join(',')} vs ${first.columns.join(',')}): one of them was started by a market-sim without factor columns; merge each on its own, or run the sweep again into a new directory`);
    }
    if (!m.formats.includes(format)) throw new UsageError(`${dirs[i]} has no ${format} parts (the sweep writes ${m.formats.join(' and ')}); merge into a .${m.formats[0]} file`);
  });
  const columns = manifestColumns(first, join(dirs[0], 'manifest.json'));
  const parts = new Map<string, Part>();
  let duplicates = 0;
  for (const d of dirs) {
    const finished = finishedRuns(d); // runs with a part manifest; a part without one is not finished
    for (const [id, p] of listParts(d, format)) {
      if (!finished.has(id)) continue;
      if (parts.has(id)) duplicates++;
      else parts.set(id, p);
    }
  }
  const ordered = [...parts.values()].sort((a, b) => a.run - b.run || (a.key < b.key ? -1 : 1));
  const clash = ordered.find((p, i) => i > 0 && ordered[i - 1].run === p.run);
  if (clash) {
    const other = ordered[ordered.indexOf(clash) - 1];
    throw new UsageError(`run ${clash.run} has parts with two keys (${other.path} and ${clash.path}): they were made by different models (the engine, a scenario file or a parameter default changed between them); re-run the sweep command on each directory (it moves outdated parts to stale/) or merge directories made by one model`);
  }
  const runsSeen = new Set(ordered.map((p) => p.run));
  const manifest = {
    ...first,
    merged: { file: basename(out), format, runs: ordered.length, totalRuns: first.runs, missingRuns: first.runs - runsSeen.size, rows: 0, sources: dirs.map((d, i) => ({ dir: d, gitRevision: manifests[i].gitRevision })) },
  };
  mkdirSync(dirname(out) || '.', { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    manifest.merged.rows = format === 'csv' ? mergeCsv(ordered, columns, tmp) : await mergeParquet(ordered, columns, tmp, manifest);
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const manifestFile = mergedManifestPath(out);
  commitFile(dirname(out), manifestFile, JSON.stringify(manifest, null, 1) + '\n', 'merged-manifest');
  return { file: out, manifestFile, runs: ordered.length, rows: manifest.merged.rows, totalRuns: first.runs, missingRuns: manifest.merged.missingRuns, duplicates };
}

function mergeCsv(parts: readonly Part[], columns: readonly Column[], tmp: string): number {
  const header = csvHeader(columns);
  const fd = openSync(tmp, 'wx');
  let rows = 0;
  try {
    writeSync(fd, header);
    for (const p of parts) {
      const bytes = readFileSync(p.path);
      const text = bytes.toString('utf8');
      const body = text.startsWith(header) ? text.slice(header.length) : text;
      let n = 0;
      for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
      verifyPart(p, 'csv', bytes, n);
      if (!text.startsWith(header)) throw new UsageError(`${p.path}: unexpected CSV header; expected ${JSON.stringify(header.trim())}`);
      writeSync(fd, body);
      rows += n;
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

async function mergeParquet(parts: readonly Part[], columns: readonly Column[], tmp: string, manifest: SweepManifest & { merged: { rows: number } }): Promise<number> {
  const writer = new ParquetWriter({ writer: fileWriter(tmp), schema: rowSchema(columns), createdBy: CREATED_BY });
  const empty = (): unknown[][] => columns.map(() => []);
  let buf = empty();
  let rows = 0;
  const flush = async () => {
    if (buf[0].length === 0) return;
    await writer.write({ columnData: columnSources(columns, buf), rowGroupSize: MERGE_ROW_GROUP });
    buf = empty();
  };
  for (const p of parts) {
    const bytes = readFileSync(p.path);
    verifyPart(p, 'parquet', bytes);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const objs = await parquetReadObjects({ file });
    verifyPart(p, 'parquet', bytes, objs.length);
    const missing = objs.length ? columns.find((c) => !(c.name in objs[0])) : undefined;
    if (missing) throw new UsageError(`${p.path}: no column ${JSON.stringify(missing.name)}, which the sweep's manifest lists; delete the run's part files and run the sweep command again to redo it`);
    for (const o of objs) columns.forEach((c, j) => buf[j].push(o[c.name]));
    rows += objs.length;
    if (buf[0].length >= MERGE_ROW_GROUP) await flush();
  }
  await flush();
  manifest.merged.rows = rows;
  writer.kvMetadata = [{ key: 'market-sim.manifest', value: JSON.stringify(manifest) }];
  await writer.finish();
  return rows;
}
