import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../cli');
/** Node calls that create or overwrite a file in place. */
const WRITES = /\b(writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|fileWriter)\s*\(|openSync\([^)]*['"][wa]x?\+?['"]/;

/** Files that create a file only to learn whether they can, and remove it at once (no content is written). */
const PROBES = new Set(['io/outputPath.ts']);

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));

describe('every file the CLI writes is written atomically', () => {
  it('code under cli/ that writes a file writes a temp file and renames it into place (or calls atomicWrite)', () => {
    const writers = files(CLI).filter((f) => !PROBES.has(relative(CLI, f)) && WRITES.test(readFileSync(f, 'utf8')));
    expect(writers.length).toBeGreaterThan(0); // atomicWrite.ts at least: the pattern does match
    for (const f of writers) {
      const text = readFileSync(f, 'utf8');
      expect(/\brenameSync\s*\(/.test(text) && /\.tmp\b/.test(text), `${relative(CLI, f)} writes a file without temp file + rename`).toBe(true);
    }
  });
});
