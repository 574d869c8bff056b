import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkers } from '../../cli/commands/sweep.ts';
import { cli, tmp, writeSweep } from './helpers.ts';

// Issue 16 item 13: --workers up to 1024 was taken as given (36 threads on 2 cores were 10x slower
// and printed MaxListenersExceededWarning); it is capped at the core count with a note.
describe('--workers', () => {
  const cores = availableParallelism();
  it('is capped at the number of cores, with a note', () => {
    const notes: string[] = [];
    expect(parseWorkers(String(cores + 30), (n) => notes.push(n))).toBe(cores);
    expect(notes).toEqual([`note: --workers ${cores + 30} is more than the ${cores} cores of this machine; using ${cores}`]);
    expect(parseWorkers('1', (n) => notes.push(n))).toBe(1);
    expect(notes).toHaveLength(1);
  });
  it('still refuses what is not a whole number >= 1', () => {
    expect(() => parseWorkers('0')).toThrow(/--workers: expected a whole number >= 1, got "0"/);
    expect(() => parseWorkers('2.5')).toThrow(/--workers: expected a whole number >= 1/);
  });
  it('the command says so and runs with the cores it has, without warnings', () => {
    const dir = tmp();
    const file = writeSweep(dir, { id: 'w', scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-06-05', parameters: { 'merchants.agents': 10 }, replications: 3 });
    const r = cli(['sweep', file, '--out', join(dir, 'out'), '--workers', '40', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: --workers 40 is more than the ${cores} cores of this machine; using ${cores}`);
    expect(r.stderr).not.toMatch(/Warning/);
    expect(r.stdout).toContain(`with ${Math.min(cores, 3)} worker`);
    rmSync(dir, { recursive: true, force: true });
  });
});
