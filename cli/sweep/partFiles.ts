import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { UsageError } from '../errors.ts';
import type { Format } from './parseSweep.ts';
import { KEY_LENGTH } from './runKey.ts';

/** Sub-directory of a sweep directory holding one file per finished run and format. */
const PARTS_DIR = 'parts';
/** Sub-directory for files being written (renamed into place when complete). */
const TMP_DIR = 'tmp';

const PART_RE = new RegExp(`^(\\d{8,})-([0-9a-f]{${KEY_LENGTH}})\\.(csv|parquet|json)$`);

/** File name of a run's part: zero-padded run index, key and format, e.g. `00000042-3fa9….parquet`. */
const partName = (run: number, key: string, format: Format | 'json'): string => `${partId(run, key)}.${format}`;

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
  commitChunks(dir, path, [bytes], tag);
}

/** What a run's part manifest (`parts/<run>-<key>.json`) records: its rows and each part file's size and SHA-256. */
export interface PartManifest { run: number; key: string; rows: number; files: Partial<Record<Format, { bytes: number; sha256: string }>> }

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** commitFile for content given in chunks (a large design table), never held whole in memory. */
export function commitChunks(dir: string, path: string, chunks: Iterable<string | Uint8Array>, tag: string): void {
  const tmpDir = join(dir, TMP_DIR);
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(tmpDir, `${tag}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      for (const chunk of chunks) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        let off = 0;
        while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
      }
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
 * atomically, then its part manifest (rows, bytes and SHA-256 of each file). The part
 * manifest is the commit marker: a run is done when it exists, and merge checks every part
 * against it.
 */
export function writeParts(dir: string, run: number, key: string, files: Partial<Record<Format, string | Uint8Array>>, formats: readonly Format[], rows: number): void {
  const parts = join(dir, PARTS_DIR);
  mkdirSync(parts, { recursive: true });
  const manifest: PartManifest = { run, key, rows, files: {} };
  for (const f of formats) {
    const bytes = typeof files[f] === 'string' ? Buffer.from(files[f] as string, 'utf8') : files[f]!;
    commitFile(dir, join(parts, partName(run, key, f)), bytes, key);
    manifest.files[f] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  commitFile(dir, join(parts, partName(run, key, 'json')), JSON.stringify(manifest) + '\n', key);
}

/**
 * Check a part's bytes (and, when known, its row count) against its run's part manifest;
 * a UsageError (exit 2) naming the part if they differ or the manifest is unreadable.
 */
export function verifyPart(p: Part, format: Format, bytes: Uint8Array, rows?: number): void {
  const manifestPath = p.path.replace(/\.(csv|parquet)$/, '.json');
  let m: PartManifest | undefined;
  try {
    m = JSON.parse(readFileSync(manifestPath, 'utf8')) as PartManifest;
  } catch { /* reported below */ }
  const want = m?.files?.[format];
  const redo = 'delete the run\'s part files and run the sweep command again to redo it';
  if (!want || typeof want.sha256 !== 'string' || typeof m!.rows !== 'number') throw new UsageError(`${p.path}: its part manifest ${manifestPath} is unreadable or does not list it; ${redo}`);
  const got = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  if (got.bytes !== want.bytes || got.sha256 !== want.sha256 || (rows !== undefined && rows !== m!.rows)) {
    throw new UsageError(`${p.path}: damaged part: ${rows ?? '?'} rows, ${got.bytes} bytes, sha256 ${got.sha256.slice(0, 12)}…; expected ${m!.rows} rows, ${want.bytes} bytes, sha256 ${want.sha256.slice(0, 12)}… as recorded in ${manifestPath}; ${redo}`);
  }
}

/** The finished parts of one format in a sweep directory, by part id (files being written are ignored). */
export function listParts(dir: string, format: Format | 'json'): Map<string, Part> {
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

/** Part ids of the runs finished in `dir`: those whose commit marker, the part manifest, exists (`formats` kept for callers). */
export function finishedRuns(dir: string, _formats?: readonly Format[]): Set<string> {
  return new Set(listParts(dir, 'json').keys());
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

/** A merge's temp file in a sweep directory: `.results.<format>.<pid>.<random>.tmp` (mergeSweep). */
const MERGE_TMP_RE = /^\.results\.(csv|parquet)\.(\d+)\.[0-9a-f]+\.tmp$/;

/** Whether a process with this id runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove merge temp files in `dir` left by a merge that was killed (its process is gone). Returns how many. */
export function removeStaleMergeTemp(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const m = MERGE_TMP_RE.exec(name);
    if (m && Number(m[2]) !== process.pid && !alive(Number(m[2]))) {
      rmSync(join(dir, name), { force: true });
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
  for (const f of [...formats, 'json' as const]) {
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
