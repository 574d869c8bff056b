import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SWEEP_RUNS } from '../../cli/sweep/plan.ts';
import { exited, ROOT, tmp, writeSweep } from './helpers.ts';

// Issue 16 items 5 and 6: huge designs were planned in memory (10^7 grid points: 3.2 GB in 10 s;
// 8 x 10,000 levels: V8 out of memory; LHS 10^6 x 10^5: planning forever), never refused, and
// Ctrl-C/SIGTERM were ignored while planning. A heap cap keeps a regression from hurting the machine.
const BIN = join(ROOT, 'cli/market-sim.mjs');
const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=400' };
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL', env });

let dir: string;
beforeAll(() => { dir = tmp(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { scenarios: ['historical'], agents: 100, start: '2021-06-01', end: '2021-06-10', parameters: { 'merchants.agents': 10 } };
const grid = (k: number, levels: number) => Array.from({ length: k }, (_, i) => ({ path: `parameters.${['seed.searchRate', 'red.bassP', 'red.activityMean', 'red.initialShare', 'shoppers.shareMax', 'red.tier2Propensity', 'red.tier3Propensity', 'shoppers.share2018'][i]}`, min: 0.01, max: 0.2, levels }));

describe('design limits', () => {
  it.each([
    ['7 factors x 10 levels', { factors: grid(7, 10) }, '10,000,000 runs'],
    ['8 factors x 10,000 levels', { factors: grid(8, 10000) }, 'runs'],
    ['LHS 10^6 points x 10^5 replications', { factors: grid(2, 2).map(({ levels: _l, ...f }) => f), design: { type: 'lhs', samples: 1_000_000 }, replications: 100_000 }, '100,000,000,000 runs'],
  ])('%s: refused at once with the run count, exit 2, nothing written', (_what, over, count) => {
    const file = writeSweep(dir, { id: 'big', ...base, ...over }, 'big');
    const out = join(dir, 'big-out');
    const r = cli(['sweep', file, '--out', out, '-q']);
    expect(r.error, 'hung').toBeUndefined();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(count);
    expect(r.stderr).toContain(`expected at most ${MAX_SWEEP_RUNS.toLocaleString('en-US')} runs`);
    expect(r.stderr).toContain('--force');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('prints the run count and an estimated time before starting', () => {
    const file = writeSweep(dir, { id: 'small', ...base, replications: 2 }, 'small');
    const r = cli(['sweep', file, '--out', join(dir, 'small-out')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sweep small: 2 runs \(2 to run now\), 2,000 agent-days; estimated .* on [12] workers?/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s while planning a forced huge design stops it at once: exit 130/143, nothing written', async (sig) => {
    const factors = [
      { path: 'parameters.merchants.initRedShare', min: 0.01, max: 0.1, levels: 100 },
      { path: 'parameters.merchants.initDouyinShare', min: 0.01, max: 0.1, levels: 100 },
      ...grid(3, 100),
    ];
    const file = writeSweep(dir, { id: 'huge', ...base, factors }, 'huge');
    const out = join(dir, `huge-${sig}`);
    const child = spawn(process.execPath, [BIN, 'sweep', file, '--out', out, '--force'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const done = exited(child);
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const t0 = Date.now();
    while (!/checking the design/.test(err) && Date.now() - t0 < 20_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(err).toMatch(/checking the design/);
    await new Promise((r) => setTimeout(r, 300));
    const sent = Date.now();
    child.kill(sig);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const res = await done;
    clearTimeout(timer);
    expect(res.signal).toBeNull();
    expect(res.code).toBe(sig === 'SIGINT' ? 130 : 143);
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(err + res.stderr).toMatch(/interrupted while planning: nothing was written/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    if (existsSync(out)) expect(readdirSync(out)).toEqual([]);
  });
});
