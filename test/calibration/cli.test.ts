import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-cal-'));

function files(dir: string) {
  const scenario = join(dir, 'short.json');
  writeFileSync(scenario, JSON.stringify({ id: 'short', extends: 'historical.json', start: '2023-01-01', end: '2024-12-31', agents: 400 }));
  const targets = join(dir, 'targets.json');
  writeFileSync(targets, JSON.stringify({ targets: [
    { id: 'red_mau_2024', value: 2.6e8, range: [2.3e8, 3.0e8] },
    { id: 'douyin_gmv_2024', value: 3.43e12, range: [2.9e12, 4.0e12] },
    { id: 'red_ecommerce_gmv_2024', value: null, range: [5e10, 4.5e11] },
  ] }));
  return { scenario, targets };
}

describe('market-sim targets', () => {
  it('prints target, simulated value, interval, range and pass/miss; --json and --out', () => {
    const dir = tmp();
    const f = files(dir);
    const r = cli('targets', f.scenario, '--targets', f.targets, '--reps', '2', '--out', join(dir, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/red_mau_2024 .* (pass|MISS)/);
    expect(r.stdout).toContain('95% interval');
    expect(r.stdout).toContain('(sanity band)');
    expect(r.stdout).toMatch(/\d\/2 fitted targets inside their range; soft targets 0\/0; sanity bands \d\/1/);
    const csv = readFileSync(join(dir, 'out', 'targets-report.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('id,unit,target,low,high,sanity,soft,mean,lo,hi,n,z,pass,measure');
    expect(csv.length).toBe(5);
    const j = cli('targets', f.scenario, '--targets', f.targets, '--json');
    expect(j.status).toBe(0);
    const rep = JSON.parse(j.stdout);
    expect(rep.rows.map((x: { id: string }) => x.id)).toEqual(['red_mau_2024', 'douyin_gmv_2024', 'red_ecommerce_gmv_2024']);
    expect(rep.rows[1].simulated.mean).toBeGreaterThan(1e11);
  });

  it('rejects a bad targets file with exit code 2 naming the path', () => {
    const dir = tmp();
    const f = files(dir);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ targets: [{ id: 'red_mau_2024', value: 1, range: [3, 2] }] }));
    const r = cli('targets', f.scenario, '--targets', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('targets[0].range: expected low <= high, got [3, 2]');
    expect(cli('targets', f.scenario, '--targets', join(dir, 'missing.json')).status).toBe(2);
  });
});

describe('market-sim calibrate and sensitivity', () => {
  it('calibrate writes the parameter set and report files', () => {
    const dir = tmp();
    const f = files(dir);
    const out = join(dir, 'cal');
    const r = cli('calibrate', f.scenario, '--targets', f.targets, '--budget', '2', '--agents', '300', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('distance');
    expect(r.stderr).toContain('evaluation 2/2');
    for (const name of ['calibrated-parameters.json', 'calibration-report.json', 'calibration-parameters.csv', 'calibration-history.csv']) expect(existsSync(join(out, name))).toBe(true);
    const p = JSON.parse(readFileSync(join(out, 'calibrated-parameters.json'), 'utf8'));
    expect(Object.keys(p.parameters)).toContain('red.potential');
    expect(cli('calibrate', f.scenario, '--budget', 'x').status).toBe(2);
  });

  it('sensitivity (morris) prints ranked parameters per output and writes CSV; bad options exit 2', () => {
    const dir = tmp();
    const f = files(dir);
    const out = join(dir, 'sens');
    const r = cli('sensitivity', f.scenario, '--method', 'morris', '--outputs', 'gmv.douyin:2024,red_mau_2024', '--samples', '2', '--agents', '200', '--out', out, '-q');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('gmv.douyin:2024:');
    expect(r.stdout).toContain('douyin.impulseOrdersPerDay');
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('output,parameter,index,value,lo,hi,mu,sigma,per_range');
    // identification: for a target output, μ* in half-widths of the target's range (230M–300M for red_mau_2024); NaN for a series output
    const rows = csv.slice(1).filter(Boolean).map((l) => l.split(','));
    for (const x of rows) {
      if (x[0] === 'red_mau_2024') expect(Number(x[8])).toBeCloseTo(Number(x[3]) / 35e6, 9);
      else expect(x[8]).toMatch(/^(NaN|)$/);
    }
    expect(r.stdout).toContain('identification: targets moved by');
    expect(cli('sensitivity', f.scenario, '--method', 'fast', '--outputs', 'gmv.taotian').status).toBe(2);
    expect(cli('sensitivity', f.scenario, '--outputs', 'nonsense!').status).toBe(2);
  });
});
