/** compare: two scenarios run with common random numbers, their per-segment and per-year figures reported as paired differences b − a with intervals. */
import { PLATFORMS } from '../constants.ts';
import { replicationSeed } from '../random/seed.ts';
import { resolveScenario, type ResolvedScenario, type ScenarioLoader } from '../scenario/resolve.ts';
import { isResolved, simulate } from '../simulate.ts';
import { ENGINE_VERSION } from '../version.ts';
import { figureKey, figuresOf } from './figures.ts';
import { checkReps, FigureSamples } from './replicate.ts';
import { commonYears, unionSegments, withSegments, type Segment } from './segments.ts';
import { CONFIDENCE } from './summary.ts';
import { pairedRow, type PairedRow } from './pairedRow.ts';
import { SEGMENT_METRICS, YEAR_METRICS } from './compareMetrics.ts';

/** Options of `compare`. */
export interface CompareOptions {
  /** Replications (seed pairs), a whole number >= 2 for intervals. Default 10. */
  reps?: number;
  /** Root seed; replication i runs both arms with replicationSeed(root, i). Default: arm a's seed. */
  seed?: number | string;
  /** User agents per run, the same for both arms. Default: the smaller of the two scenarios' own (50,000 in historical). */
  agents?: number;
  /** Loader for `extends` when raw scenarios are given. */
  load?: ScenarioLoader;
  /** Confidence level, in (0, 1). Default 0.95. */
  level?: number;
  /** Clock for wall times (inject `performance.now`); default none. */
  clock?: () => number;
  /** Called after each simulated month of each run. */
  onProgress?: (arm: 'a' | 'b', rep: number, reps: number, day: number, days: number) => void;
}

export { SEGMENT_METRICS, YEAR_METRICS } from './compareMetrics.ts';

/** What a comparison ran. */
export interface ComparisonManifest {
  engine: string;
  a: { id: string; title: string; hash: string };
  b: { id: string; title: string; hash: string };
  rootSeed: number | string;
  /** The seed pair of replication i: both arms ran with seeds[i] (common random numbers). */
  seeds: number[];
  reps: number;
  agents: number;
  level: number;
  wallMs: number;
}

/** The outcome of `compare`: paired differences b − a with intervals. */
export interface Comparison {
  manifest: ComparisonManifest;
  /** Segments of the union of both arms' phase boundaries (only `common` ones are compared). */
  segments: Segment[];
  /** Calendar years both arms cover identically. */
  years: number[];
  rows: PairedRow[];
}

/**
 * Compare two scenarios with common random numbers: replication i runs both arms
 * with the same seed, so where their policies do not differ they draw the same
 * numbers and the paired difference b − a isolates the policy's effect. Reports,
 * per segment (union of both arms' phase boundaries) and platform, GMV, ad revenue,
 * commission, seeding conversion and trust, and per calendar year the merchants'
 * RED ROI; each with a paired Student-t interval and the unpaired (Welch) interval
 * the same runs would give if the seeds were independent.
 */
export function compare(a: unknown, b: unknown, options: CompareOptions = {}): Comparison {
  const ra: ResolvedScenario = isResolved(a) ? a : resolveScenario(a, options.load, 'a');
  const rb: ResolvedScenario = isResolved(b) ? b : resolveScenario(b, options.load, 'b');
  const reps = options.reps ?? 10;
  checkReps(reps);
  const level = options.level ?? CONFIDENCE;
  const root = options.seed ?? ra.seed;
  const seeds = Array.from({ length: reps }, (_, i) => replicationSeed(root, i));
  const agentsPerRun = options.agents ?? Math.min(ra.agents, rb.agents);
  const segments = unionSegments(ra, rb);
  const years = commonYears(ra, rb);
  const arms = { a: withSegments(ra, segments), b: withSegments(rb, segments) };
  const samples = { a: new FigureSamples(reps), b: new FigureSamples(reps) };
  let wallMs = 0, agents = 0;
  seeds.forEach((seed, rep) => {
    for (const arm of ['a', 'b'] as const) {
      const onProgress = options.onProgress ? (day: number, days: number) => options.onProgress!(arm, rep, reps, day, days) : undefined;
      const r = simulate(arms[arm], { seed, agents: agentsPerRun, clock: options.clock, onProgress });
      wallMs += r.manifest.wallMs;
      agents = r.manifest.agents;
      samples[arm].add(rep, figuresOf(r).filter((f) => f.table === 'phases' || f.table === 'red' || f.table === 'merchant_roi'));
    }
  });

  const rows: PairedRow[] = [];
  const pair = (key: Parameters<typeof figureKey>[0], meta: Omit<PairedRow, keyof ReturnType<typeof pairedRow> | 'unit'>) => {
    const va = samples.a.get(figureKey(key)), vb = samples.b.get(figureKey(key));
    if (!va || !vb) return;
    const unit = samples.a.unit(figureKey(key));
    rows.push({ ...meta, unit, ...pairedRow(va, vb, level) });
  };
  for (const g of segments.filter((s) => s.common)) {
    for (const [platform, metric] of SEGMENT_METRICS) {
      pair({ table: 'phases', period: g.label, platform, category: 'all', metric },
        { view: 'segment', period: g.label, start: g.start, end: g.end, phaseA: g.phaseA, phaseB: g.phaseB, platform, metric });
    }
  }
  for (const y of years) {
    for (const [table, metric] of YEAR_METRICS) {
      for (const platform of table === 'red' ? ['red'] : [...PLATFORMS, 'all']) {
        const clipStart = [ra.start, rb.start, `${y}-01-01`].sort()[2], clipEnd = [ra.end, rb.end, `${y}-12-31`].sort()[0];
        pair({ table: table as 'red', period: String(y), platform, category: 'all', metric },
          { view: 'year', period: String(y), start: clipStart, end: clipEnd, phaseA: '', phaseB: '', platform, metric });
      }
    }
  }
  return {
    manifest: {
      engine: ENGINE_VERSION, a: { id: ra.id, title: ra.title, hash: ra.hash }, b: { id: rb.id, title: rb.title, hash: rb.hash },
      rootSeed: root, seeds, reps, agents, level, wallMs,
    },
    segments, years, rows,
  };
}
