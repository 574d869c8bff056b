import { closeSync, lstatSync, mkdirSync, openSync, rmdirSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';

/** Why a file-system call failed, in words, from its error code. */
function why(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')}` : String(e?.message ?? err);
}

const lstatOrNull = (p: string): Stats | null => {
  try {
    return lstatSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null; // ENOTDIR: an ancestor is a file, found on the way up
    throw new UsageError(`${p}: cannot be inspected (${why(err)})`);
  }
};

/**
 * Make sure `dir` is a directory, creating the missing levels one at a time (never
 * `mkdir -p`, which loops forever on procfs). Refuses, with a UsageError naming the path,
 * an ancestor that is a file, a device or a dangling symlink, and a level that cannot be
 * created. Returns the directories it created, outermost first.
 */
export function ensureDir(dir: string, what = 'output directory'): string[] {
  const missing: string[] = [];
  let cur = resolve(dir);
  for (;;) {
    const l = lstatOrNull(cur);
    if (l) {
      let st: Stats;
      try {
        st = statSync(cur);
      } catch {
        throw new UsageError(`${what} ${JSON.stringify(dir)}: ${cur} is a symbolic link to nothing; expected a directory`);
      }
      if (!st.isDirectory()) throw new UsageError(`${what} ${JSON.stringify(dir)}: ${cur} is not a directory (it is a ${kind(st)}); expected a directory`);
      break;
    }
    missing.unshift(cur);
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  const created: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
      created.push(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d).isDirectory()) continue;
      for (const c of created.reverse()) rmdirSync(c);
      throw new UsageError(`${what} ${JSON.stringify(dir)}: cannot create ${d} (${why(err)}); expected a directory you can write to`);
    }
  }
  return created;
}

function kind(st: Stats): string {
  if (st.isFile()) return 'regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'named pipe';
  if (st.isSocket()) return 'socket';
  return 'special file';
}

/**
 * Check that `path` can be replaced by a rename: nothing there, a regular file or a
 * symlink (the link itself is replaced). A directory or a device is refused.
 */
export function checkTarget(path: string): void {
  const l = lstatOrNull(path);
  if (!l || l.isFile() || l.isSymbolicLink()) return;
  throw new UsageError(`cannot write ${path}: it is a ${l.isDirectory() ? 'directory' : kind(l)}; expected a regular file or nothing there (it is replaced by the new file)`);
}

/** Create and remove an empty probe file in `dir` (opened exclusively): fails on a read-only or pseudo file system. */
function probe(dir: string, what: string, shown: string): void {
  const p = join(dir, `.market-sim-probe.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    closeSync(openSync(p, 'wx', 0o600));
    unlinkSync(p);
  } catch (err) {
    try { unlinkSync(p); } catch { /* not created */ }
    throw new UsageError(`${what} ${JSON.stringify(shown)}: cannot write files in ${dir} (${why(err)}); expected a directory you can write to`);
  }
}

/**
 * Validate an output directory before any work: not empty, a directory (created if
 * missing) you can write to, and each of `files` in it replaceable. `flag` names the option
 * in messages (e.g. `--out`). Returns the directories created (to remove them again if
 * nothing gets written).
 */
export function prepareOutDir(flag: string, dir: string, files: readonly string[] = []): string[] {
  if (dir.trim() === '') throw new UsageError(`${flag}: expected a directory path, got ${JSON.stringify(dir)}`);
  const created = ensureDir(dir, flag);
  try {
    probe(resolve(dir), flag, dir);
    for (const f of files) checkTarget(join(dir, f));
  } catch (err) {
    removeCreated(created);
    throw err;
  }
  return created;
}

/** Validate an output file before any work: its directory as prepareOutDir, the file replaceable. */
export function prepareOutFile(flag: string, file: string): string[] {
  if (file.trim() === '') throw new UsageError(`${flag}: expected a file path, got ${JSON.stringify(file)}`);
  if (/[/\\]$/.test(file)) throw new UsageError(`${flag}: expected a file path, got a directory path ${JSON.stringify(file)}`);
  const created = prepareOutDir(flag, dirname(resolve(file)));
  try {
    checkTarget(resolve(file));
  } catch (err) {
    removeCreated(created);
    throw err;
  }
  return created;
}

/** Remove directories made by prepareOutDir if they are still empty (innermost first). */
export function removeCreated(created: readonly string[]): void {
  for (const d of [...created].reverse()) {
    try { rmdirSync(d); } catch { /* not empty or gone */ }
  }
}
