import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';
import { checkTarget, ensureDir } from './outputPath.ts';

/**
 * Write a file atomically: the content goes to a temp file beside the target
 * (`.NAME.PID.RANDOM.tmp`, created exclusively, so a planted file or symlink is never
 * followed), is flushed to disk (fsync), then renamed over it. A crash or kill leaves the
 * previous complete file or none, never a partial one (at worst a stray temp file beside
 * it); the fsync keeps that true across a power cut as well.
 */
export function atomicWrite(path: string, content: string | Uint8Array): void {
  atomicWriteAll([[path, content]]);
}

/**
 * Write several files that belong together (the outputs of one run): every target is
 * checked first (a directory or device in the way is refused with a UsageError before
 * anything is written), every temp file is written and flushed, the targets are checked
 * again, and only then are they renamed over their targets, one after another. Each file is
 * always a whole version; a kill can leave a mix of the previous and the new set only in the
 * few microseconds between the renames (not during the seconds of writing).
 */
export function atomicWriteAll(files: [path: string, content: string | Uint8Array][]): void {
  for (const [path] of files) {
    ensureDir(dirname(path));
    checkTarget(path);
  }
  const temps: string[] = [];
  try {
    for (const [path, content] of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const fd = openSync(tmp, 'wx', 0o644);
      temps.push(tmp);
      try {
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const [path] of files) checkTarget(path);
    files.forEach(([path], k) => renameSync(temps[k], path));
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw err;
  }
}
