import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicationSeed, resolveScenario, simulate, type Result } from '../../engine/index.ts';
import { checkOutputs } from '../../cli/sweep/checkOutputs.ts';
import { loadSweep, parseSweep } from '../../cli/sweep/parseSweep.ts';
import { createPlan } from '../../cli/sweep/plan.ts';
import { runKey } from '../../cli/sweep/runKey.ts';
import { runSweep } from '../../cli/sweep/runSweep.ts';
import { scenarioLoader } from '../../cli/sweep/scenarioLoader.ts';
import { sweepColumns } from '../../cli/sweep/columns.ts';
import { tidyRows } from '../../cli/sweep/tidyRows.ts';
import { cli, parseCsv, readParquet, ROOT, tmp, writeSweep } from './helpers.ts';

// Issue 14: the Result's yearly research tables (category funnel, repurchase by buyer origin, size
// classes, RED's yearly rows) as tidy sweep rows. The mapping is written out here as docs/sweeps.md
// states it, independently of cli/sweep/resultTables.ts, and checked against `simulate` of the same
// scenario and seed.
const PARAM = 'parameters.seed.searchRate';
const COLUMNS = ['key', 'scenario', 'sample', 'replication', 'seed', 'parameters', PARAM, 'table', 'period', 'platform', 'category', 'metric', 'unit', 'value'];
const TABLES = ['category_funnel', 'repurchase', 'size_classes', 'red'];
const SPAN = { start: '2021-11-01', end: '2022-02-28' }, AGENTS = 300, MERCHANTS = 60, SEED = 5, RATES = [0.02, 0.05];

const FUNNEL_UNITS: Record<string, string> = {
  merchants: 'merchant agents', impressions: 'impressions', adImpressions: 'impressions', sponsoredImpressions: 'impressions', engagements: 'engagements',
  adClicks: 'clicks', linkOuts: 'clicks', storeEntries: 'visits', addToCart: 'visits', storeOrders: 'orders', orders: 'orders', gmvRmb: 'RMB',
};
const REPURCHASE_UNITS: Record<string, string> = { opportunities: 'orders', repeats: 'orders', repurchaseRate: 'share' };
const SIZE_UNITS: Record<string, string> = { merchants: 'merchant agents', gmvRmb: 'RMB', redAdSpendRmb: 'RMB', redSeededGmvRmb: 'RMB', redRoiTrue: 'RMB/RMB' };
const tiers = (f: string, unit: string) => Object.fromEntries([1, 2, 3].map((t) => [`${f}${t}`, unit]));
const RED_UNITS: Record<string, string> = {
  adRevenueRmb: 'RMB', commissionRmb: 'RMB', salesRevenueRmb: 'RMB', refundsRmb: 'RMB', revenueRmb: 'RMB', adShareOfRevenue: 'share', noteSeededUserShare: 'share',
  ...tiers('redActiveUsersTier', 'people'), ...tiers('noteSeededShareTier', 'share'), ownStoreShareOfSeeded: 'share',
  mauAvg: 'people', dauAvg: 'people', trustAvg: 'index 0-1', creatorIncomeRmb: 'RMB', jointAdvertisersDailyAvg: 'merchant agents', ownStoreGmvRmb: 'RMB', seededGmvRmb: 'RMB',
  userSpendRmb: 'RMB/person/year', ...tiers('redUsersTier', 'people'), ...tiers('userSpendTier', 'RMB/person/year'),
};

interface Row { table: string; period: string; platform: string; category: string; metric: string; unit: string; value: number }

/** The rows docs/sweeps.md says the four tables give for a Result, in its order. */
function expectedRows(r: Result): Row[] {
  const out: Row[] = [];
  const add = (table: string, row: Record<string, unknown>, units: Record<string, string>, platform: string, category: string, suffix?: string) => {
    for (const [f, unit] of Object.entries(units)) out.push({ table, period: String(row.year), platform, category, metric: suffix ? `${f}.${suffix}` : f, unit, value: row[f] as number });
  };
  for (const x of r.categoryFunnel) add('category_funnel', x as never, FUNNEL_UNITS, 'all', x.category, x.group);
  for (const x of r.repurchase) add('repurchase', x as never, REPURCHASE_UNITS, x.platform, 'all', x.origin);
  for (const x of r.sizeClasses) add('size_classes', x as never, SIZE_UNITS, 'all', 'all', x.sizeClass);
  for (const x of r.red) add('red', x as never, RED_UNITS, 'red', 'all');
  return out;
}

const sweepOf = (outputs: object, id = 'yearly') => ({ id, scenarios: ['historical'], agents: AGENTS, ...SPAN, parameters: { 'merchants.agents': MERCHANTS }, factors: [{ path: PARAM, values: RATES }], seed: SEED, outputs });
const pick = (row: Record<string, unknown>): Row => ({ table: row.table, period: row.period, platform: row.platform, category: row.category, metric: row.metric, unit: row.unit, value: row.value } as Row);

let work: string, out: string;
/** The Result of each design point (sample), simulated here as the sweep's run would be, and its run key. */
const runs: { result: Result; key: string }[] = [];
beforeAll(() => {
  work = tmp();
  out = join(work, 'out');
  const r = cli(['sweep', writeSweep(work, sweepOf({ tables: TABLES })), '--out', out, '--workers', '2', '-q']);
  expect(r.status, r.stderr).toBe(0);
  const path = join(ROOT, 'scenarios/historical.json'), seed = replicationSeed(SEED, 0);
  for (const rate of RATES) {
    const scenario = resolveScenario({ id: 'historical', extends: path, agents: AGENTS, ...SPAN, parameters: { 'merchants.agents': MERCHANTS, 'seed.searchRate': rate } }, scenarioLoader(path));
    runs.push({ result: simulate(scenario, { seed }), key: runKey(scenario, seed) });
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the yearly tables in a sweep', () => {
  it('the manifest records the tables; the columns are the usual ones', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.outputs).toEqual({ tables: TABLES });
    expect(m.columns).toEqual(COLUMNS);
  });

  it('CSV rows equal the Result of the same scenario and seed, field by field, in order (NaN as an empty cell)', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'results.csv'), 'utf8'));
    expect(header).toEqual(COLUMNS);
    const col = (row: string[], c: string) => row[COLUMNS.indexOf(c)];
    let nan = 0;
    runs.forEach(({ result, key }, sample) => {
      const mine = rows.filter((row) => col(row, 'sample') === String(sample));
      expect(new Set(mine.map((row) => col(row, 'key')))).toEqual(new Set([key])); // the same model and seed as the sweep's run
      for (const row of mine) expect([col(row, 'scenario'), col(row, 'seed'), col(row, PARAM)]).toEqual(['historical', String(replicationSeed(SEED, 0)), String(RATES[sample])]);
      const want = expectedRows(result);
      expect(want.length).toBe(2 * (8 * 2 * 12 + 4 * 2 * 3 + 3 * 5 + 28)); // 2021 and 2022
      expect(mine.map((row) => COLUMNS.slice(7).map((c) => col(row, c)))).toEqual(want.map((w) => [w.table, w.period, w.platform, w.category, w.metric, w.unit, Number.isFinite(w.value) ? String(w.value) : '']));
      nan += want.filter((w) => Number.isNaN(w.value)).length;
    });
    expect(nan).toBeGreaterThan(0); // e.g. repurchaseRate.red_linked without RED-linked buyers after the 2021 cut
  });

  it('Parquet rows equal them too (NaN as NaN), in the merged file and the parts', async () => {
    const rows = await readParquet(join(out, 'results.parquet'));
    const parts = readdirSync(join(out, 'parts')).filter((f) => f.endsWith('.parquet')).sort();
    expect(parts).toHaveLength(2);
    for (const [sample, { result, key }] of runs.entries()) {
      const mine = rows.filter((r) => r.sample === sample);
      expect(mine.every((r) => r.key === key && r[PARAM] === RATES[sample])).toBe(true);
      expect(mine.map(pick)).toEqual(expectedRows(result));
      expect(mine.filter((r) => Number.isNaN(r.value)).length).toBe(expectedRows(result).filter((w) => Number.isNaN(w.value)).length);
      expect((await readParquet(join(out, 'parts', parts[sample]))).map(pick)).toEqual(expectedRows(result));
    }
  });

  it('the metrics, platforms, categories and periods filters apply to them', async () => {
    const outputs = {
      tables: TABLES, platforms: ['all', 'red', 'jd'], categories: ['all', 'beauty'], periods: ['2022'],
      metrics: ['orders.program', 'gmvRmb.other', 'repurchaseRate.red_linked', 'repeats.other', 'gmvRmb.large', 'redUsersTier1', 'userSpendTier2', 'trustAvg'],
    };
    const dir = join(work, 'filtered');
    const s = await runSweep(loadSweep(writeSweep(work, sweepOf(outputs, 'filtered'), 'filtered')), { out: dir, workers: 1, shard: { index: 0, count: 1, source: 'none' }, quiet: true });
    expect(s.ran).toBe(2);
    const rows = await readParquet(join(dir, 'results.parquet'));
    const keep = (w: Row) => outputs.metrics.includes(w.metric) && outputs.platforms.includes(w.platform) && outputs.categories.includes(w.category) && w.period.startsWith('2022');
    for (const [sample, { result }] of runs.entries()) {
      const want = expectedRows(result).filter(keep);
      expect(rows.filter((r) => r.sample === sample).map(pick)).toEqual(want);
      expect(new Set(want.map((w) => w.table))).toEqual(new Set(TABLES)); // something of each table is left
      expect(want.filter((w) => w.table === 'category_funnel').map((w) => `${w.category} ${w.metric}`)).toEqual(['beauty gmvRmb.other', 'beauty orders.program']);
      expect(want.filter((w) => w.table === 'repurchase').map((w) => `${w.platform} ${w.metric}`)).toEqual(['jd repurchaseRate.red_linked', 'jd repeats.other']);
    }
  });

  it('checkOutputs knows their metric names and years', () => {
    const plan = (outputs: object) => createPlan(parseSweep(sweepOf(outputs), join(work, 'p.json')));
    expect(() => checkOutputs(plan({ tables: TABLES, metrics: ['orders.program', 'repurchaseRate.red_linked', 'redRoiTrue.small', 'noteSeededShareTier3'], periods: ['2021', '2022'] }))).not.toThrow();
    expect(() => checkOutputs(plan({ tables: ['category_funnel', 'red'], metrics: ['orders.programme'] })))
      .toThrow(/outputs.metrics\[0\]: no metric "orders.programme" in the category_funnel and red tables; expected one of .*"orders.program".*"userSpendTier3"/);
    expect(() => checkOutputs(plan({ tables: ['phases', 'series', 'size_classes'], metrics: ['gmvRmb'] }))).toThrow(/in the phases, series and size_classes tables/);
    expect(() => checkOutputs(plan({ tables: ['red'], periods: ['2023'] }))).toThrow(/outputs.periods\[0\]: no month \(YYYY-MM\), year \(YYYY\) or phase label of the swept scenarios starts with "2023"/);
  });

  it('without tables a sweep keeps the phases only, as before; an unknown table is refused naming the six', () => {
    const sweep = parseSweep(sweepOf(undefined as never), join(work, 'd.json'));
    expect(sweep.outputs.tables).toEqual(['phases']);
    const spec = { run: 0, scenarioIndex: 0, scenario: 'historical', sample: 0, replication: 0, seed: 1, parameters: '{"parameters.seed.searchRate":0.02}' };
    const rows = tidyRows(runs[0].result, spec, 'k', sweep.outputs, sweepColumns(sweep.factors));
    expect(new Set(rows.table)).toEqual(new Set(['phases']));
    expect(rows.key.length).toBe(runs[0].result.phaseSummary.length);
    expect(() => parseSweep(sweepOf({ tables: ['redYears'] }), 'x.json'))
      .toThrow('outputs.tables[0]: expected one of "phases", "series", "category_funnel", "repurchase", "size_classes", "red", got "redYears"');
  });
});
