import { hostname } from 'node:os';
import { join } from 'node:path';
import { commitFile } from './partFiles.ts';
import type { Shard } from './shard.ts';
import type { SweepSummary } from './sweepSummary.ts';

/** Directory of per-shard reports inside a sweep directory. */
const SHARDS_DIR = 'shards';

/**
 * Write `shards/<i>-of-<N>.json`: what this process did for its slice (runs in the slice,
 * already on disk, run now, missing, interrupted, workers, host, wall time, end time).
 * Kept apart from manifest.json so shards sharing a directory never overwrite each other.
 */
export function writeShardReport(dir: string, shard: Shard, s: SweepSummary, workers: number): void {
  const report = {
    shard, slice: s.slice, alreadyOnDisk: s.already, ranNow: s.ran, missing: s.missing,
    complete: s.missing === 0, interrupted: s.interrupted, workers, host: hostname(),
    wallSeconds: Math.round(s.wallSeconds * 10) / 10, finishedAt: new Date().toISOString(),
  };
  commitFile(dir, join(dir, SHARDS_DIR, `${shard.index}-of-${shard.count}.json`), JSON.stringify(report, null, 1) + '\n', 'shard');
}
