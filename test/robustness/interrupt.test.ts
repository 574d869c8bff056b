/**
 * Faults during `market-sim run --out`: SIGKILL at any point leaves each output file as the
 * previous complete version or the new complete one (never partial); Ctrl-C (SIGINT) stops
 * cleanly, writes nothing, keeps the previous files and prints the command to start again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, snapshot, startCli } from './cliProcess.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-kill-'));
const OUTPUTS = ['category_funnel.csv', 'creators.csv', 'funnel.csv', 'groups.csv', 'merchants.csv', 'phases.csv', 'pnl.csv', 'red.csv', 'repurchase.csv', 'result.json', 'series.csv', 'size_classes.csv'];
const TEMP = /^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/; // .NAME.PID.RANDOM.tmp (cli/io/atomicWrite.ts)

/** A short scenario file (five months, 800 agents) in `dir`. */
function shortScenario(dir: string): string {
  const file = join(dir, 'short.json');
  writeFileSync(file, JSON.stringify({ id: 'short', extends: 'historical', start: '2021-06-01', end: '2021-10-31', agents: 800 }));
  return file;
}

/** An output directory holding a complete run with seed 1 (the "previous version"). */
function previousRun(): { dir: string; file: string; out: string; before: Map<string, Buffer> } {
  const dir = tmp();
  const file = shortScenario(dir);
  const out = join(dir, 'out');
  const r = cli('run', file, '--seed', '1', '--out', out, '-q');
  expect(r.status, r.stderr).toBe(0);
  const before = snapshot(out);
  expect([...before.keys()].sort()).toEqual(OUTPUTS);
  return { dir, file, out, before };
}

/** result.json without the one field that differs between identical runs (wall time). */
const resultModuloWallTime = (b: Buffer) => { const r = JSON.parse(b.toString('utf8')); delete r.manifest.wallMs; return r; };

describe('SIGKILL during market-sim run --out', () => {
  it('mid-run: every output file is still the previous complete version', async () => {
    const { out, before } = previousRun();
    const run = startCli('run', 'historical', '--agents', '3000', '--seed', '2', '--out', out);
    await run.waitFor(/run historical: \d+% \(/); // simulating, not yet writing
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe(137);
    expect(snapshot(out)).toEqual(before);
  });

  it('at any moment, including while writing: each file is the previous or the new complete version', async () => {
    const { file, out, before } = previousRun();
    const ref = join(tmp(), 'ref');
    expect(cli('run', file, '--seed', '2', '--out', ref, '-q').status).toBe(0);
    const after = snapshot(ref);
    const seen = { previous: 0, next: 0, mixedSets: 0 };
    // Kill at the first progress line plus a growing delay: while simulating, building the Result,
    // writing the files, or after the end (the 5-month run takes about a second).
    const delays = [0, 150, 300, 450, 600, 800, 1000, 1300, 1700, 2500];
    for (const delayMs of delays) {
      const run = startCli('run', file, '--seed', '2', '--out', out);
      await run.waitFor(/run short: \d+% \(/);
      await new Promise((r) => setTimeout(r, delayMs));
      run.child.kill('SIGKILL');
      await run.exited;
      const now = snapshot(out);
      const nextBefore = seen.next, previousBefore = seen.previous;
      for (const [name, bytes] of now) {
        if (TEMP.test(name)) { expect(OUTPUTS).toContain(TEMP.exec(name)![1]); continue; } // a stray temp file, never an output
        expect(OUTPUTS).toContain(name);
        if (bytes.equals(before.get(name)!)) { seen.previous++; continue; }
        if (name === 'result.json') expect(resultModuloWallTime(bytes)).toEqual(resultModuloWallTime(after.get(name)!));
        else expect(bytes.equals(after.get(name)!), `${name} is neither the previous nor the new version`).toBe(true);
        seen.next++;
      }
      for (const name of OUTPUTS) expect(now.has(name), `${name} disappeared`).toBe(true);
      // the files are renamed together after all are written: a mixed set needs a kill between two renames
      if (seen.next > nextBefore && seen.previous > previousBefore) seen.mixedSets++;
      // Put the previous version back for the next round.
      for (const [name, bytes] of before) writeFileSync(join(out, name), bytes);
    }
    expect(seen.previous + seen.next).toBe(delays.length * OUTPUTS.length);
    console.log(`SIGKILL at ${delays.length} moments: ${seen.previous} files found at the previous version, ${seen.next} at the new one, none partial; ${seen.mixedSets} kills left a mix of the two sets`);
  });

  it('atomicWrite itself: a writer killed at random moments never leaves a partial file', async () => {
    const dir = tmp();
    const target = join(dir, 'big.txt');
    const script = join(dir, 'writer.ts');
    // Versions of 4 MB, each one letter repeated: a partial or mixed file is easy to spot.
    writeFileSync(script, `import { atomicWrite } from ${JSON.stringify(join(ROOT, 'cli/io/atomicWrite.ts'))};
for (let v = 0; ; v++) { atomicWrite(${JSON.stringify(target)}, String.fromCharCode(97 + (v % 26)).repeat(4 << 20)); if (v === 0) process.stderr.write('first\\n'); }`);
    let checked = 0;
    for (const delayMs of [0, 7, 23, 41, 77, 130]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      await new Promise<void>((ok) => child.stderr!.once('data', () => ok()));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const text = readFileSync(target, 'latin1');
      expect(text.length).toBe(4 << 20);
      expect(text.split(text[0]).join('')).toBe('');
      checked++;
    }
    expect(checked).toBe(6);
  });
});

describe('Ctrl-C (SIGINT) during market-sim run --out', () => {
  it('stops cleanly: exit 130, nothing written, previous files kept, the command to start again printed', async () => {
    const { out, before } = previousRun();
    const args = ['run', 'historical', '--agents', '3000', '--seed', '2', '--out', out];
    const run = startCli(...args);
    await run.waitFor(/run historical: \d+% \(/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    const err = run.stderr();
    expect(err).toMatch(/interrupted \(SIGINT\) at \d{4}-\d\d-\d\d, day [\d,]+ of 2,922: nothing was written/);
    expect(err).toContain(`files already in ${out} are untouched`);
    expect(err).toContain('the same command starts it again with the same result');
    expect(err).toContain(`npx market-sim ${args.join(' ')}`);
    expect(snapshot(out)).toEqual(before);
  });
});
