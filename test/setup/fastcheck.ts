import fc from 'fast-check';

// Property tests are seed-pinned and replayable: FC_SEED=<n> replays a failure;
// the seed is printed in every failure report. FC_RUNS scales the number of runs.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20251122;
const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : undefined;
fc.configureGlobal({ seed, ...(numRuns ? { numRuns } : {}) });
