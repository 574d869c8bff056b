/**
 * Fuzz test of the command line (issue 16): fast-check combines commands, flags and values
 * (good, bad and hostile), runs the built command on tiny scenarios (200 agents, ten days) and
 * asserts that it exits 0, 1 or 2, never prints a stack trace, never leaves a temp file, and
 * never leaves half an output set: after `run --out D` D holds every result file or none of
 * them; a refused command writes nothing. CLI_FUZZ_RUNS=<n> sets the number of commands
 * (default 30); FC_SEED replays (test/setup/fastcheck.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cliProcess.ts';

const RUNS = Number(process.env.CLI_FUZZ_RUNS ?? 30);
const BIN = join(ROOT, 'cli/market-sim.mjs');
const RESULT_FILES = ['result.json', 'series.csv', 'phases.csv', 'funnel.csv', 'groups.csv', 'merchants.csv', 'red.csv', 'creators.csv', 'pnl.csv', 'category_funnel.csv', 'repurchase.csv', 'size_classes.csv'];

let dir: string;
const files: Record<string, string> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'market-sim-argfuzz-'));
  const write = (name: string, body: unknown) => { files[name] = join(dir, name); writeFileSync(files[name], typeof body === 'string' ? body : JSON.stringify(body)); };
  write('tiny.json', { id: 'tiny', extends: 'historical.json', start: '2021-06-01', end: '2021-06-10', agents: 200, parameters: { 'merchants.agents': 20 } });
  write('tiny2.json', { id: 'tiny2', extends: 'tiny.json', policies: [{ date: '2021-06-05', set: { adLoad: 0.2 } }] });
  write('bad.json', { id: 'bad', extends: 'historical.json', agents: -1 });
  write('notjson.json', 'root:x:0:0:root:/root:/bin/bash\n');
  write('sweep.json', { id: 'fz', scenarios: [join(dir, 'tiny.json')], factors: [{ path: 'parameters.seed.searchRate', values: [0.02, 0.05] }] });
  write('badsweep.json', { id: 'fz', scenarios: ['tiny.json'], factors: [{ path: 'policies.cut-2021.links.taotian.notes', values: ['none', 'bogus'] }] });
  write('a-file', 'x');
  mkdirSync(join(dir, 'a-dir'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under a directory, relative paths. */
const tree = (d: string): string[] => (existsSync(d) && statSync(d).isDirectory()
  ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
  : []);

/** Mostly good choices with some bad ones, so both outcomes are common. */
const mostly = <T,>(good: T[], bad: T[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 3 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const scenarioArg = mostly(['tiny.json', 'tiny2.json'], ['bad.json', 'notjson.json', 'missing.json', 'a-dir', '', '-', '/etc/passwd', '/dev/zero']);
const value = mostly(['1', '2', '7', '200'], ['0', '-1', '1.5', '1e23', '9007199254740993', 'abc', '', ' ', '0x10', 'Infinity']);
const outArg = mostly(['FRESH'], ['', 'a-file', 'a-dir', '/dev/full', '/proc/self/x', '/sys/x']);
const flag = fc.oneof(
  fc.tuple(fc.constantFrom('--seed', '--agents', '--reps', '--workers', '--shard', '--shard-count'), value).map(([f, v]) => [f, v]),
  fc.tuple(fc.constant('--agents'), fc.constantFrom('50', '200', '300')).map(([f, v]) => [f, v]),
  fc.tuple(fc.constant('--shard'), fc.constantFrom('0/2', '1/2', '2/2', '0/0', '1/1')).map(([f, v]) => [f, v]),
  fc.tuple(fc.constant('--out'), outArg).map(([f, v]) => [f, v]),
  fc.tuple(fc.constant('--out'), outArg).map(([f, v]) => [f, v]),
  fc.constantFrom(['--json'], ['-q'], ['-q'], ['--force'], ['--no-merge'], ['--bogus'], ['--out']),
);
const command = fc.record({
  cmd: mostly(['run', 'run', 'run', 'validate', 'compare', 'sweep', 'sweep', 'merge'], ['frobnicate', '']),
  args: fc.oneof({ arbitrary: fc.array(scenarioArg, { minLength: 1, maxLength: 1 }), weight: 4 }, { arbitrary: fc.array(scenarioArg, { minLength: 0, maxLength: 2 }), weight: 1 }),
  flags: fc.array(flag, { maxLength: 3 }),
});

describe('command-line fuzz', () => {
  it(`${RUNS} generated commands: exit 0/1/2, no stack trace, no temp file, no half-written output set`, () => {
    let n = 0;
    const seen = new Map<number, number>();
    fc.assert(fc.property(command, ({ cmd, args, flags }) => {
      const out = join(dir, `out-${n++}`);
      const resolveArg = (a: string) => (files[a] ?? (a === 'missing.json' || a === 'a-dir' ? join(dir, a) : a));
      let positional = args.map(resolveArg);
      if (cmd === 'sweep') positional = positional.length ? [positional[0] === files['tiny.json'] ? files['sweep.json'] : positional[0] === files['bad.json'] ? files['badsweep.json'] : positional[0]] : [];
      if (cmd === 'merge') positional = [out];
      if (cmd === 'compare' && positional.length === 1) positional.push(positional[0]);
      if (cmd === 'compare' && !flags.some((f) => f[0] === '--reps')) flags = [...flags, ['--reps', '2']];
      const argv = [cmd, ...positional, ...flags.flat().map((v) => (v === 'FRESH' ? out : v === 'a-file' || v === 'a-dir' ? join(dir, v) : v))];
      if (cmd === 'merge' && !argv.includes('--out')) argv.push('--out', join(out, 'm.csv'));
      const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=600' } });
      const shown = `market-sim ${argv.map((a) => JSON.stringify(a)).join(' ')}\n${r.stderr}`;
      expect(r.error, `hung: ${shown}`).toBeUndefined();
      expect([0, 1, 2], shown).toContain(r.status);
      seen.set(r.status!, (seen.get(r.status!) ?? 0) + 1);
      expect(r.stderr, shown).not.toMatch(/\n\s+at .*[(:]\d+/); // no stack trace
      expect(r.stderr, shown).not.toMatch(/TypeError|RangeError|ReferenceError|MaxListenersExceeded/);
      const written = tree(out);
      expect(written.filter((f) => f.endsWith('.tmp')), shown).toEqual([]);
      if (cmd === 'run' && !argv.includes('--reps')) {
        const set = written.filter((f) => RESULT_FILES.includes(f));
        expect([0, RESULT_FILES.length], `half a set: ${set.join(', ')}\n${shown}`).toContain(set.length);
      }
      if (r.status === 2 && cmd !== 'merge') expect(written, `a refused command wrote files\n${shown}`).toEqual([]);
      expect(readdirSync(dir).filter((f) => /^(manifest\.json|design\.csv|result\.json|parts|tmp)$/.test(f)), `wrote into the working directory\n${shown}`).toEqual([]);
    }), { numRuns: RUNS });
    // The generator must reach both outcomes, or the test proves little.
    expect(seen.get(2) ?? 0).toBeGreaterThan(0);
    expect(seen.get(0) ?? 0).toBeGreaterThan(0);
    process.stdout.write(`cli fuzz: ${RUNS} commands, exit codes ${JSON.stringify(Object.fromEntries(seen))}\n`);
  }, 60_000 + RUNS * 30_000);
});
