/** Seeds of runs: the 32-bit root seed of a user-facing seed (rootSeed) and the replication seeds derived from it (replicationSeed). */
import seedrandom from 'seedrandom';

/**
 * Turn a user-facing seed (number or string) into the 32-bit root seed of a run.
 * seedrandom's ARC4 is used once per run here, never in a hot loop.
 */
export function rootSeed(seed: number | string): number {
  return seedrandom(`market-sim:${seed}`).int32();
}

/** The i-th replication seed derived from one root seed (stable, documented in the manifest). */
export function replicationSeed(seed: number | string, i: number): number {
  return (seedrandom(`market-sim:rep:${seed}:${i}`).int32() >>> 0) % 2147483647;
}
