import { describe, expect, it } from 'vitest';
import { inShard, resolveShard } from '../../cli/sweep/shard.ts';

describe('resolveShard', () => {
  it('reads --shard i/N, then JOB_COMPLETION_INDEX, then SLURM_ARRAY_TASK_ID, else the whole sweep', () => {
    expect(resolveShard('2/5', undefined, {})).toEqual({ index: 2, count: 5, source: '--shard' });
    expect(resolveShard('1/3', undefined, { JOB_COMPLETION_INDEX: '0', MARKET_SIM_SHARD_COUNT: '3' }).source).toBe('--shard');
    expect(resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '4', MARKET_SIM_SHARD_COUNT: '8' })).toEqual({ index: 4, count: 8, source: 'JOB_COMPLETION_INDEX' });
    expect(resolveShard(undefined, '6', { JOB_COMPLETION_INDEX: '5' })).toEqual({ index: 5, count: 6, source: 'JOB_COMPLETION_INDEX' });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4, source: 'SLURM_ARRAY_TASK_ID' });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' }).index).toBe(3);
    expect(resolveShard(undefined, undefined, {})).toEqual({ index: 0, count: 1, source: 'none' });
  });

  it('rejects bad slices with the value and what was expected', () => {
    expect(() => resolveShard('3/3', undefined, {})).toThrow('--shard: expected a shard index in [0, 2] of 3 shards, got "3/3"');
    expect(() => resolveShard('1-3', undefined, {})).toThrow('--shard: expected i/N with 0 <= i < N (e.g. 0/4), got "1-3"');
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '1' })).toThrow('JOB_COMPLETION_INDEX is set but the number of shards is not: pass --shard-count N or set MARKET_SIM_SHARD_COUNT');
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: 'x' })).toThrow('not a whole number >= 1 (got "x")');
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_STEP: '2' })).toThrow('SLURM_ARRAY_TASK_STEP: expected 1');
    expect(() => resolveShard(undefined, '0', {})).toThrow('--shard-count: expected a whole number >= 1, got "0"');
  });

  it('N shards partition the runs: every run in exactly one shard', () => {
    for (const n of [1, 2, 3, 7]) {
      for (let r = 0; r < 50; r++) expect(Array.from({ length: n }, (_, i) => inShard(r, { index: i, count: n, source: 't' })).filter(Boolean)).toHaveLength(1);
    }
  });
});
