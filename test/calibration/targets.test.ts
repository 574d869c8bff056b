import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate, ScenarioError } from '../../engine/index.ts';
import { calibrationDistance, CENTRE_PULL, rangeZ, targetLoss } from '../../engine/calibration/distance.ts';
import { measureTargets, targetReport } from '../../engine/calibration/targetReport.ts';
import { isFitted, parseTargets, isSanityBand } from '../../engine/calibration/targetsFile.ts';
import { withParameters } from '../../engine/calibration/withParameters.ts';
import { MEASURES, seriesSum } from '../../engine/metrics/targets.ts';
import { derived } from '../helpers.ts';

const targetsFile = () => parseTargets(JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/calibration/targets.json'), 'utf8')), 'scenarios/calibration/targets.json');
// 2019–2025 covers every target's period; 2021–2024 the perturbed ones; 1,500 agents keeps it quick
const scenario = () => derived({ start: '2019-01-01', agents: 1500 });
const shortScenario = () => derived({ start: '2021-01-01', end: '2024-12-31', agents: 1500 });

describe('targets file', () => {
  it('scenarios/calibration/targets.json parses, has a measure for every target, one sanity band and one soft target', () => {
    const t = targetsFile();
    expect(t.targets.length).toBe(26);
    for (const x of t.targets) expect(MEASURES[x.id]).toBeDefined();
    expect(t.targets.filter(isSanityBand).map((x) => x.id)).toEqual(['red_ecommerce_gmv_2024']);
    expect(t.targets.filter((x) => !isFitted(x) && !isSanityBand(x)).map((x) => x.id)).toEqual(['red_user_annual_spend']);
  });

  it('rejects bad files with the path, the value and what was expected', () => {
    const bad = { targets: [{ id: 'red_mau_2024', value: 5, range: [10, 1] }, { id: 'nope', value: null, range: [0, 1] }, { id: 'red_mau_2024', value: 1, range: ['a', 2] }] };
    let err: unknown;
    try { parseTargets(bad, 'my.json'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message).toContain('my.json: targets[2].range[0]: expected a finite number, got "a"');
    let err2: unknown;
    try { parseTargets({ targets: bad.targets.slice(0, 2) }, 'my.json'); } catch (e) { err2 = e; }
    const msg = (err2 as Error).message;
    expect(msg).toContain('targets[0].range: expected low <= high, got [10, 1]');
    expect(msg).toContain('targets[1].id: no measure named "nope"');
  });
});

describe('calibration distance', () => {
  it('is the centre pull inside a range and grows quadratically outside', () => {
    expect(rangeZ(5, [0, 10])).toBe(0);
    expect(targetLoss(5, [0, 10])).toBe(0);
    expect(targetLoss(10, [0, 10])).toBeCloseTo(CENTRE_PULL, 12);
    expect(targetLoss(15, [0, 10])).toBeCloseTo(1 + CENTRE_PULL * 4, 12);
    expect(targetLoss(NaN, [0, 10])).toBeGreaterThan(80);
    const ts = targetsFile().targets;
    const inside = new Map(ts.map((t) => [t.id, (t.range[0] + t.range[1]) / 2]));
    expect(calibrationDistance(ts, inside)).toBe(0);
    inside.set('red_ecommerce_gmv_2024', 1e20); // a sanity band does not count
    expect(calibrationDistance(ts, inside)).toBe(0);
  });
});

describe('targets measured on a Result', () => {
  it('reads every figure from the Result and moves when a parameter moves', () => {
    const base = scenario();
    const ts = targetsFile().targets;
    const r = simulate(base, { seed: 2 });
    const v = measureTargets(r, ts);
    expect(v.get('red_mau_2024')).toBe(r.red.find((y) => y.year === 2024)!.mauAvg);
    expect(v.get('douyin_gmv_2024')).toBeCloseTo(r.series.filter((x) => x.platform === 'douyin' && x.metric === 'gmv' && x.category === 'all' && x.period.startsWith('2024')).reduce((s, x) => s + x.value, 0), 0);
    const q1 = (y: number) => seriesSum(r, 'red', ['ad_revenue', 'commission', 'sales_revenue'], [`${y}-01`, `${y}-02`, `${y}-03`]);
    expect(v.get('red_revenue_growth_q1_2024')).toBeCloseTo(q1(2024) / q1(2023) - 1, 12);
    for (const t of ts) expect(Number.isFinite(v.get(t.id)), t.id).toBe(true);
    // perturb: faster word of mouth (Bass q) raises 2024 MAU; stronger Douyin impulse buying raises Douyin GMV
    // (not red.activityMean: it shapes a Beta draw at population set-up, whose rejection sampling
    // re-deals the rest of each block's population draws, so at 1,500 agents it moves MAU by noise)
    const short = shortScenario();
    const r1 = simulate(short, { seed: 2 });
    const v1 = measureTargets(r1, ts);
    const r2 = simulate(withParameters(short, { 'red.bassQ': short.parameters['red.bassQ'] * 1.5, 'douyin.impulseOrdersPerDay': short.parameters['douyin.impulseOrdersPerDay'] * 1.5 }), { seed: 2 });
    const v2 = measureTargets(r2, ts);
    expect(v2.get('red_mau_2024')!).toBeGreaterThan(v1.get('red_mau_2024')! * 1.05);
    expect(v2.get('douyin_gmv_2024')!).toBeGreaterThan(v1.get('douyin_gmv_2024')! * 1.2); // impulse orders are most, not all, of Douyin GMV
    // the report: mean over replications, pass iff the mean is inside the range
    const rows = targetReport(ts, [v1, v2]);
    const mau = rows.find((x) => x.id === 'red_mau_2024')!;
    expect(mau.simulated.n).toBe(2);
    expect(mau.simulated.mean).toBeCloseTo((v1.get('red_mau_2024')! + v2.get('red_mau_2024')!) / 2, 0);
    expect(mau.pass).toBe(mau.simulated.mean >= mau.range[0] && mau.simulated.mean <= mau.range[1]);
  });
});
