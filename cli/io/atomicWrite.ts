import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Write a file atomically: the content goes to a temp file beside the target
 * (`.NAME.PID.tmp`), is flushed to disk (fsync), then renamed over it. A crash or kill
 * leaves the previous complete file or none, never a partial one (at worst a stray
 * `.NAME.PID.tmp` beside it); the fsync keeps that true across a power cut as well.
 */
export function atomicWrite(path: string, content: string | Uint8Array): void {
  atomicWriteAll([[path, content]]);
}

/**
 * Write several files that belong together (the outputs of one run): every temp file is
 * written and flushed first, and only then are they renamed over their targets, one after
 * another. Each file is always a whole version; a kill can leave a mix of the previous and the
 * new set only in the few microseconds between the renames (not during the seconds of writing).
 */
export function atomicWriteAll(files: [path: string, content: string | Uint8Array][]): void {
  const temps: string[] = [];
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temps.push(tmp);
      const fd = openSync(tmp, 'w');
      try {
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    files.forEach(([path], k) => renameSync(temps[k], path));
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw err;
  }
}
