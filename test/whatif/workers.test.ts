import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `compare`, `run --reps` and `explain` run their replications on worker threads (cli/whatif/onWorkers.ts):
// the same numbers as in one thread, and Ctrl-C stops them with nothing written.
const ROOT = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, maxBuffer: 1 << 28 });
const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-workers-'));

/** Short spans of historical, never-cut-2021 and redcat-open-all (extends by absolute path). */
function arms(dir: string, agents = 800) {
  const span = { start: '2024-09-01', agents };
  return ['historical', 'never-cut-2021', 'redcat-open-all'].map((id) => {
    const f = join(dir, `${id}.json`);
    writeFileSync(f, JSON.stringify({ id: `short-${id}`, title: `Short ${id}`, extends: join(ROOT, `scenarios/${id}.json`), ...span }));
    return f;
  });
}
/** Parse JSON output and drop the wall times, the only thing allowed to differ. */
const withoutWallMs = (text: string) => JSON.stringify(JSON.parse(text), (k, v) => (k === 'wallMs' ? undefined : v));

describe('replications on worker threads', () => {
  it('compare (two and three arms) gives the same comparison on 2 workers as in one thread', () => {
    const [a, b, c] = arms(tmp());
    for (const files of [[a, b], [a, b, c]]) {
      const one = cli('compare', ...files, '--reps', '3', '--workers', '1', '--json', '-q');
      const two = cli('compare', ...files, '--reps', '3', '--workers', '2', '--json', '-q');
      expect(one.status, one.stderr).toBe(0);
      expect(two.status, two.stderr).toBe(0);
      expect(withoutWallMs(two.stdout)).toBe(withoutWallMs(one.stdout));
    }
  });

  it('run --reps gives the same summary on 2 workers as in one thread', () => {
    const [a] = arms(tmp());
    const one = cli('run', a, '--reps', '3', '--workers', '1', '--json', '-q');
    const two = cli('run', a, '--reps', '3', '--workers', '2', '--json', '-q');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(withoutWallMs(two.stdout)).toBe(withoutWallMs(one.stdout));
  });

  it('explain gives the same decomposition on 2 workers as in one thread', () => {
    const [a, , c] = arms(tmp());
    const one = cli('explain', a, c, '--reps', '2', '--workers', '1', '--json', '-q');
    const two = cli('explain', a, c, '--reps', '2', '--workers', '2', '--json', '-q');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).not.toContain('MaxListenersExceededWarning');
    expect(withoutWallMs(two.stdout)).toBe(withoutWallMs(one.stdout));
  });

  it('refuses a bad --workers with exit 2 and the value', () => {
    const [a, b] = arms(tmp());
    const r = cli('compare', a, b, '--workers', 'x', '-q');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--workers: expected a whole number >= 1, got "x"');
  });

  it('SIGINT stops the replications: exit 130, a message, nothing written', async () => {
    const dir = tmp();
    const [a, b] = arms(dir, 20000);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), 'compare', a, b, '--reps', '10', '--workers', '2', '--out', out], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT: nothing was written');
    expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith('.')) : []).toEqual([]);
  }, 60_000);
});
