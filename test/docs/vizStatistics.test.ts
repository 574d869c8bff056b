/**
 * The visualizer shows the engine's statistics, not copies: its figure summaries are
 * `FigureSamples` (as `replicate`) and its paired differences are `pairedRow` (as
 * `compare`), so a seed where one arm is NaN is left out of both arms' means as in the CLI.
 */
import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../../engine/index.ts';
import { pairedRow } from '../../engine/stats/pairedRow.ts';
import { FigureSamples } from '../../engine/stats/replicate.ts';
import { pairedDiffs } from '../../viz/data/paired.ts';
import { monthlyDiff } from '../../viz/data/series.ts';
import { summarise } from '../../viz/data/summarise.ts';
import type { ViewModel } from '../../viz/data/viewModel.ts';

const PERIOD = '2020-01-01..2020-12-31';
const row = (table: FigureRow['table'], period: string, metric: string, value: number): FigureRow => ({ table, period, platform: 'red', category: 'all', metric, unit: 'RMB', value });
const run = (trust: number, gmv: number): FigureRow[] => [row('phases', PERIOD, 'trust', trust), row('series', '2020-01', 'gmv', gmv), row('funnel', PERIOD, 'link_orders', 3)];

const base = [run(0.5, 10), run(0.6, 12), run(0.7, 11), run(0.4, 9)];
const whatIf = [run(0.55, 11), run(NaN, 14), run(0.75, 13), run(0.5, 9)];
whatIf[3] = whatIf[3].filter((f) => f.table !== 'funnel'); // a run that reported no funnel count: 0 there

const view = {
  mode: 'compare', months: ['2020-01'], reps: 4,
  arms: [{ role: 'base', label: 'Baseline', figures: summarise(base) }, { role: 'whatIf', label: 'What-if', figures: summarise(whatIf) }],
  periods: [{ key: PERIOD, title: PERIOD, start: '2020-01-01', end: '2020-12-31', common: true }],
} as unknown as ViewModel;

describe('viz statistics are the engine’s', () => {
  it('summaries are FigureSamples’ (funnel gaps 0, other gaps NaN, values in seed order)', () => {
    const samples = new FigureSamples(whatIf.length);
    whatIf.forEach((f, rep) => samples.add(rep, f));
    expect(view.arms[1].figures.all()).toEqual(samples.summarise());
    expect(view.arms[1].figures.get('funnel', PERIOD, 'red', 'link_orders')!.values).toEqual([3, 3, 3, 0]);
  });

  it('paired differences are pairedRow’s: a seed NaN in one arm is left out of both means', () => {
    const [d] = pairedDiffs(view, 'trust');
    const r = pairedRow([0.5, 0.6, 0.7, 0.4], [0.55, NaN, 0.75, 0.5]);
    expect(d).toMatchObject({ meanA: r.meanA, meanB: r.meanB, diff: r.diff, lo: r.diffLo, hi: r.diffHi, rel: r.relDiff, n: 3, identical: false });
    expect(d.meanA).toBeCloseTo((0.5 + 0.7 + 0.4) / 3, 12);
    const [m] = monthlyDiff(view, 'gmv', 'red');
    const g = pairedRow([10, 12, 11, 9], [11, 14, 13, 9]);
    expect(m).toEqual({ period: '2020-01', mean: g.diff, lo: g.diffLo, hi: g.diffHi });
  });
});
