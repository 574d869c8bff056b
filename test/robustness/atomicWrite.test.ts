import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicWrite, atomicWriteAll } from '../../cli/io/atomicWrite.ts';
import { UsageError } from '../../cli/errors.ts';

let dir: string;
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'market-sim-atomic-')));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SET = ['result.json', 'series.csv', 'phases.csv', 'funnel.csv', 'groups.csv'];
const write = (d: string, tag: string) => atomicWriteAll(SET.map((f) => [join(d, f), `${tag} ${f}\n`]));

describe('atomicWriteAll: a set of files is all old or all new', () => {
  // Issue 16 item 2: a target that cannot be replaced (here a directory) made the write fail after
  // the first renames, leaving result.json and series.csv of the new run beside the old others.
  it('checks every target before the first rename: a directory in the way leaves every file as it was', () => {
    const d = fresh();
    write(d, 'old');
    rmSync(join(d, 'funnel.csv'));
    mkdirSync(join(d, 'funnel.csv', 'x'), { recursive: true });
    expect(() => write(d, 'new')).toThrow(UsageError);
    expect(() => write(d, 'new')).toThrow(/funnel\.csv.* is a directory; expected a regular file or nothing there/);
    for (const f of SET.filter((f) => f !== 'funnel.csv')) expect(readFileSync(join(d, f), 'utf8')).toBe(`old ${f}\n`);
    expect(readdirSync(d).sort()).toEqual([...SET].sort()); // no temp file left
    rmdirSync(join(d, 'funnel.csv', 'x'));
    rmdirSync(join(d, 'funnel.csv'));
    write(d, 'new');
    for (const f of SET) expect(readFileSync(join(d, f), 'utf8')).toBe(`new ${f}\n`);
  });

  it('a path under a file is refused before anything is written', () => {
    const d = fresh();
    writeFileSync(join(d, 'plain'), 'x');
    expect(() => atomicWrite(join(d, 'plain', 'result.json'), 'y')).toThrow(/not a directory/);
    expect(readFileSync(join(d, 'plain'), 'utf8')).toBe('x');
  });
});

describe('atomicWrite: temp files', () => {
  // Issue 16 item 3: the temp file `.NAME.<pid>.tmp` was opened with 'w', so a symlink planted at
  // that predictable name made the write go to the link's target.
  it('never writes through a symlink planted at a temp name', () => {
    const d = fresh();
    const victim = join(d, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(d, 'out');
    mkdirSync(out);
    symlinkSync(victim, join(out, `.result.json.${process.pid}.tmp`));
    atomicWrite(join(out, 'result.json'), 'new result\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(out, 'result.json'), 'utf8')).toBe('new result\n');
  });

  it('temp names are random, so two writers of one target never share one', () => {
    const src = readFileSync(join(import.meta.dirname, '../../cli/io/atomicWrite.ts'), 'utf8');
    expect(src).toMatch(/randomBytes\(/);
    expect(src).toMatch(/openSync\([^)]*'wx'/);
    const d = fresh();
    atomicWrite(join(d, 'a.txt'), 'a');
    expect(existsSync(join(d, 'a.txt'))).toBe(true);
    expect(readdirSync(d)).toEqual(['a.txt']);
  });
});
