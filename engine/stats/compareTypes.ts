/** The types of a comparison: its run options (CompareRunOptions), what it ran (ComparisonManifest) and its outcome (Comparison). */
import type { ScenarioLoader } from '../scenario/resolve.ts';
import type { PairedRow } from './pairedRow.ts';
import type { Segment } from './segments.ts';

/** Options of `compare` and `compareArms` but the progress callback. */
export interface CompareRunOptions {
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
  /** Also report each segment's money rates as seasonally adjusted annual rates (`<x>_saar` rows with `basis: 'saar'`, after the segment's other rows; see saarFigures). Default false. */
  seasonal?: boolean;
}

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
