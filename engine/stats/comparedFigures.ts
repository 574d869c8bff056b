/** comparedFigures: the figure rows `compare` and `explain` report (per common segment and per common year), each with its FigureSamples key. */
import { PLATFORMS } from '../constants.ts';
import { figureKey } from './figures.ts';
import type { PairedRow } from './pairedRow.ts';
import type { Segment } from './segments.ts';
import { SEGMENT_METRICS, YEAR_METRICS } from './compareMetrics.ts';

/** Where a compared figure sits: view, period, span, phases, platform and metric (the meta part of a PairedRow). */
export type FigureSpot = Pick<PairedRow, 'view' | 'period' | 'start' | 'end' | 'phaseA' | 'phaseB' | 'platform' | 'metric' | 'basis'>;

/**
 * The compared figures in report order: every SEGMENT_METRICS figure on each common
 * segment, then every YEAR_METRICS figure on each common year (clipped to the latest
 * start and earliest end of the arms' spans). With `seasonal`, each segment's money rates
 * also as seasonally adjusted annual rates (`<x>_saar`, basis 'saar') after its other figures.
 * `key` finds the figure in FigureSamples.
 */
export function comparedFigures(segments: readonly Segment[], years: readonly number[], spans: readonly { start: string; end: string }[], seasonal = false): { key: string; spot: FigureSpot }[] {
  const out: { key: string; spot: FigureSpot }[] = [];
  for (const g of segments.filter((s) => s.common)) {
    for (const [platform, metric] of SEGMENT_METRICS) {
      out.push({ key: figureKey({ table: 'phases', period: g.label, platform, category: 'all', metric }),
        spot: { view: 'segment', period: g.label, start: g.start, end: g.end, phaseA: g.phaseA, phaseB: g.phaseB, platform, metric } });
    }
    if (!seasonal) continue;
    for (const [platform, perYear] of SEGMENT_METRICS.filter(([, m]) => m.endsWith('_per_year'))) {
      const metric = perYear.replace(/_per_year$/, '_saar');
      out.push({ key: figureKey({ table: 'phases', period: g.label, platform, category: 'all', metric }),
        spot: { view: 'segment', period: g.label, start: g.start, end: g.end, phaseA: g.phaseA, phaseB: g.phaseB, platform, metric, basis: 'saar' } });
    }
  }
  for (const y of years) {
    const clipStart = [...spans.map((s) => s.start), `${y}-01-01`].sort().at(-1)!, clipEnd = [...spans.map((s) => s.end), `${y}-12-31`].sort()[0];
    for (const [table, metric] of YEAR_METRICS) {
      for (const platform of table === 'red' ? ['red'] : [...PLATFORMS, 'all']) {
        out.push({ key: figureKey({ table: table as 'red', period: String(y), platform, category: 'all', metric }),
          spot: { view: 'year', period: String(y), start: clipStart, end: clipEnd, phaseA: '', phaseB: '', platform, metric } });
      }
    }
  }
  return out;
}
