import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-'));

function shortScenario(dir: string): string {
  const file = join(dir, 'short.json');
  writeFileSync(file, JSON.stringify({ id: 'short', title: 'Short test', extends: 'historical.json', start: '2021-06-01', end: '2021-10-31', agents: 800 }));
  return file;
}

describe('market-sim run', () => {
  it('prints the phase table and writes result.json and tidy CSVs with --out', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const r = cli('run', shortScenario(dir), '--seed', '3', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GMV and revenue, RMB per year');
    expect(r.stdout).toContain('2021-08 links cut');
    expect(r.stderr).toContain('run short');
    for (const f of ['result.json', 'series.csv', 'phases.csv', 'funnel.csv', 'groups.csv', 'merchants.csv', 'red.csv', 'creators.csv', 'pnl.csv',
      'category_funnel.csv', 'repurchase.csv', 'size_classes.csv']) expect(existsSync(join(out, f))).toBe(true);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.manifest.seed).toBe(3);
    expect(result.manifest.agents).toBe(800);
    const csv = readFileSync(join(out, 'series.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('period,platform,category,metric,unit,value');
    expect(csv.length).toBeGreaterThan(100);
    // the research outputs (docs/result.md): sponsored notes per category and month, RED users' spend by city tier,
    // the category funnel, repurchase by buyer origin and the size classes, one CSV row per Result row
    expect(csv.some((l) => /^2021-07,red,beauty,sponsored_notes,notes,[0-9.e+]+$/.test(l))).toBe(true);
    expect(csv.some((l) => /^2021-07,red,beauty,sponsored_spend,RMB,[0-9.e+]+$/.test(l))).toBe(true);
    const lines = (f: string) => readFileSync(join(out, f), 'utf8').trimEnd().split('\n');
    expect(lines('red.csv')[0]).toContain(',redUsersTier1,redUsersTier2,redUsersTier3,userSpendTier1,userSpendTier2,userSpendTier3');
    expect(lines('category_funnel.csv')[0]).toBe('year,category,group,merchants,impressions,adImpressions,sponsoredImpressions,engagements,adClicks,linkOuts,storeEntries,addToCart,storeOrders,orders,gmvRmb');
    expect(lines('category_funnel.csv').length).toBe(1 + result.categoryFunnel.length);
    expect(result.categoryFunnel.length).toBe(16); // one year × 8 categories × 2 groups
    expect(lines('repurchase.csv')[0]).toBe('year,platform,origin,opportunities,repeats,repurchaseRate');
    expect(lines('repurchase.csv').length).toBe(1 + 8);
    expect(lines('size_classes.csv')[0]).toBe('year,sizeClass,merchants,gmvRmb,redAdSpendRmb,redSeededGmvRmb,redRoiTrue');
    expect(lines('size_classes.csv').slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2021,small', '2021,mid', '2021,large']);
  });

  it('--json prints the Result on stdout and --agents overrides the scenario', () => {
    const dir = tmp();
    const r = cli('run', shortScenario(dir), '--json', '--agents', '300');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.manifest.agents).toBe(300);
    expect(result.phases.length).toBe(2);
  });

  it('bad input exits 2 with a message naming the problem and writes nothing', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', extends: 'historical.json', policies: [{ date: '2021-01-01', set: { adLoad: 2 } }] }));
    const out = join(dir, 'out');
    const r = cli('run', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('policies[0].set.adLoad: expected a number in [0, 1], got 2');
    expect(existsSync(out)).toBe(false);
    const missing = cli('run', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const agents = cli('run', shortScenario(dir), '--agents', 'many');
    expect(agents.status).toBe(2);
    expect(agents.stderr).toContain('--agents: expected a whole number');
  });
});

describe('market-sim list, validate, params, help', () => {
  it('lists the catalog with titles', () => {
    const r = cli('list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^historical\s+Historical replay 2018–2025/m);
  });

  it('validates a good file (exit 0) and a bad one (exit 2)', () => {
    expect(cli('validate', 'scenarios/historical.json').status).toBe(0);
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "id": "x", ');
    const r = cli('validate', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('prints the parameter table', () => {
    const r = cli('params');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('red.bassQ');
  });

  it('--help works on every command and unknown commands exit 2', () => {
    for (const c of ['run', 'list', 'validate', 'params']) {
      const r = cli(c, '--help');
      expect(r.status, c).toBe(0);
      expect(r.stdout).toContain(`Usage: market-sim ${c}`);
    }
    expect(cli('--help').status).toBe(0);
    expect(cli('frobnicate').status).toBe(2);
  });
});

describe('market-sim output into a pipe closed early', () => {
  it('exits 0 without a stack trace when the reader stops (`--json | head`)', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, [join(ROOT, 'cli/market-sim.mjs'), 'run', shortScenario(dir), '--json', '-q'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.stdout.once('data', () => child.stdout.destroy()); // read the first chunk, then close the pipe
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
