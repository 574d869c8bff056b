import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cliProcess.ts';

// Issue 16 item 4 (and the command-level half of item 2): the output location is checked before
// any simulation. Each bad --out exits 2 within seconds with `error: --out ...`, no stack trace,
// nothing on stdout and nothing written.
const BIN = join(ROOT, 'cli/market-sim.mjs');
/** The command with a 30 s limit: a hang (as `--out /proc/self/x` did) fails the test instead of blocking it. */
const cliIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL', maxBuffer: 1 << 26 });
const cli = (...args: string[]) => cliIn(ROOT, ...args);

let dir: string, scenario: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'market-sim-out-'));
  scenario = join(dir, 's.json');
  // Long enough (eight years) that a check made only after the run would show in the time taken.
  writeFileSync(scenario, JSON.stringify({ id: 's', extends: 'historical.json', agents: 300, parameters: { 'merchants.agents': 30 } }));
  writeFileSync(join(dir, 'a-file'), 'keep\n');
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refused = (r: ReturnType<typeof cli>, re: RegExp) => {
  expect(r.error, 'the command hung').toBeUndefined();
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
  expect(r.stderr, 'refused only after simulating').not.toMatch(/\d+%/); // no progress line: nothing ran
};

describe('run --out is checked before running', () => {
  it.each([
    ['an existing file', () => join(dir, 'a-file'), /error: --out ".*a-file": .*a-file is not a directory \(it is a regular file\); expected a directory/],
    ['a dangling symlink', () => join(dir, 'dangling'), /error: --out ".*dangling": .*is a symbolic link to nothing; expected a directory/],
    ['a device', () => '/dev/full', /error: --out "\/dev\/full": \/dev\/full is not a directory \(it is a device\)/],
    ['a path under a device', () => '/dev/full/x', /error: --out "\/dev\/full\/x": .*not a directory/],
    ['sysfs', () => '/sys/market-sim-x', /error: --out "\/sys\/market-sim-x": cannot create \/sys\/market-sim-x \(E[A-Z]+: .*\); expected a directory you can write to/],
    ['procfs (mkdir -p never returned here)', () => '/proc/self/market-sim-x', /error: --out "\/proc\/self\/market-sim-x": cannot create .*; expected a directory you can write to/],
    ['an empty string', () => '', /error: --out: expected a directory path, got ""/],
  ])('%s', (_what, out, re) => {
    const r = cli('run', scenario, '--out', out());
    refused(r, re);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('keep\n');
  });

  it('a directory where an output file goes: refused before running, the previous set untouched', () => {
    const out = join(dir, 'set');
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify({ id: 'short', extends: 'historical.json', start: '2021-06-01', end: '2021-06-20', agents: 200, parameters: { 'merchants.agents': 20 } }));
    expect(cli('run', short, '--out', out, '-q').status).toBe(0);
    const before = Object.fromEntries(readdirSync(out).filter((f) => f !== 'funnel.csv').map((f) => [f, readFileSync(join(out, f))]));
    rmSync(join(out, 'funnel.csv'));
    mkdirSync(join(out, 'funnel.csv', 'x'), { recursive: true });
    const r = cli('run', short, '--seed', '2', '--out', out);
    refused(r, /error: cannot write .*funnel\.csv: it is a directory; expected a regular file or nothing there/);
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the other commands that write a directory check it too', () => {
    refused(cli('run', scenario, '--reps', '2', '--out', join(dir, 'a-file')), /error: --out ".*a-file": .*not a directory/);
    refused(cli('compare', scenario, scenario, '--reps', '2', '--out', '/dev/full'), /error: --out "\/dev\/full": .*not a directory/);
    refused(cli('targets', scenario, '--out', ''), /error: --out: expected a directory path/);
    refused(cli('run', scenario, '--report', join(dir, 'a-file', 'r.html')), /error: --report ".*": .*not a directory/);
  });
});

describe('sweep and merge --out are checked before running', () => {
  const sweep = () => {
    const f = join(dir, 'sw.json');
    writeFileSync(f, JSON.stringify({ id: 'sw', scenarios: ['historical'], agents: 200, start: '2021-06-01', end: '2021-06-10', parameters: { 'merchants.agents': 20 } }));
    return f;
  };
  it('sweep --out "" is refused, not written into the current directory', () => {
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    refused(cliIn(cwd, 'sweep', sweep(), '--out', ''), /error: --out: expected a directory path, got ""/);
    expect(readdirSync(cwd)).toEqual([]);
  });
  it('sweep --out naming a file or a device is refused', () => {
    refused(cli('sweep', sweep(), '--out', join(dir, 'a-file')), /error: --out ".*a-file": .*not a directory/);
    refused(cli('sweep', sweep(), '--out', '/proc/self/market-sim-x'), /error: --out ".*": cannot create/);
  });
  it('merge --out that is a directory or under a file is refused before merging', () => {
    const d = join(dir, 'sw-out');
    expect(cli('sweep', sweep(), '--out', d, '-q').status).toBe(0);
    mkdirSync(join(dir, 'm.csv'));
    refused(cli('merge', d, '--out', join(dir, 'm.csv')), /error: cannot write .*m\.csv: it is a directory/);
    refused(cli('merge', d, '--out', join(dir, 'a-file', 'm.csv')), /error: --out ".*a-file": .*not a directory/);
  });
});
