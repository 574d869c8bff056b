import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Format } from './parseSweep.ts';
import { KEY_LENGTH } from './runKey.ts';

/** Sub-directory of a sweep directory holding one file per finished run and format. */
const PARTS_DIR = 'parts';
/** Sub-directory for files being written (renamed into place when complete). */
const TMP_DIR = 'tmp';

const PART_RE = new RegExp(`^(\\d{8,})-([0-9a-f]{${KEY_LENGTH}})\\.(csv|parquet)$`);

/** File name of a run's part: zero-padded run index, key and format, e.g. `00000042-3fa9….parquet`. */
const partName = (run: number, key: string, format: Format): string => `${partId(run, key)}.${format}`;

/** A finished run's part file; `id` is its name without the extension (run index and key). */
export interface Part { id: string; run: number; key: string; path: string }

/** The identity of a run's parts: `<run, 8+ digits>-<key>`. A design that repeats a model runs it once per run index. */
export const partId = (run: number, key: string): string => `${String(run).padStart(8, '0')}-${key}`;

/**
 * Write `bytes` to `path` so that the file appears complete or not at all: the bytes go
 * to a uniquely named file in the sweep's tmp/ directory (same file system), are
 * fsynced, then renamed over `path`. A crash (even SIGKILL) leaves at most a stray
 * temp file named after `tag`, which the next run of the same slice removes.
 */
export function commitFile(dir: string, path: string, bytes: string | Uint8Array, tag: string): void {
  const tmpDir = join(dir, TMP_DIR);
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(tmpDir, `${tag}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let off = 0;
      while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Write a run's part files, one per format in FORMAT_ORDER (CSV before Parquet), each
 * atomically. The last format's file is the commit marker: a run is done when it exists.
 */
export function writeParts(dir: string, run: number, key: string, files: Partial<Record<Format, string | Uint8Array>>, formats: readonly Format[]): void {
  const parts = join(dir, PARTS_DIR);
  mkdirSync(parts, { recursive: true });
  for (const f of formats) commitFile(dir, join(parts, partName(run, key, f)), files[f]!, key);
}

/** The finished parts of one format in a sweep directory, by part id (files being written are ignored). */
export function listParts(dir: string, format: Format): Map<string, Part> {
  const out = new Map<string, Part>();
  let names: string[];
  try {
    names = readdirSync(join(dir, PARTS_DIR));
  } catch {
    return out;
  }
  for (const name of names) {
    const m = PART_RE.exec(name);
    if (m && m[3] === format) {
      const id = `${m[1]}-${m[2]}`;
      out.set(id, { id, run: Number(m[1]), key: m[2], path: join(dir, PARTS_DIR, name) });
    }
  }
  return out;
}

/** Part ids of the runs finished in `dir`: those whose commit-marker file (the last of `formats`) exists. */
export function finishedRuns(dir: string, formats: readonly Format[]): Set<string> {
  return new Set(listParts(dir, formats[formats.length - 1]).keys());
}

/** Remove temp files left by killed writers of the given keys (only this slice writes them). Returns how many. */
export function removeStaleTemp(dir: string, keys: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(join(dir, TMP_DIR));
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    if (keys.has(name.slice(0, KEY_LENGTH)) && name.endsWith('.tmp')) {
      rmSync(join(dir, TMP_DIR, name), { force: true });
      n++;
    }
  }
  return n;
}

/** Sub-directory that parts made by another model are moved to (see moveStaleParts). */
const STALE_DIR = 'stale';

/**
 * Move aside the parts of this slice's runs whose key is not the run's key now: they were
 * made by another model (engine code, a scenario file or a parameter default changed since),
 * so they must neither count as done nor be merged. They go to `DIR/stale/`. Returns how many files.
 */
export function moveStaleParts(dir: string, keyOfRun: ReadonlyMap<number, string>, formats: readonly Format[]): number {
  let n = 0;
  for (const f of formats) {
    for (const p of listParts(dir, f).values()) {
      const key = keyOfRun.get(p.run);
      if (key === undefined || key === p.key) continue;
      mkdirSync(join(dir, STALE_DIR), { recursive: true });
      renameSync(p.path, join(dir, STALE_DIR, partName(p.run, p.key, f)));
      n++;
    }
  }
  return n;
}
