import { UsageError } from '../errors.ts';

/** A deterministic slice of a sweep: runs r with r mod count = index. */
export interface Shard {
  /** 0-based, in [0, count). */
  index: number;
  count: number;
  /** Where it came from: "--shard", "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID" or "none" (the whole sweep). */
  source: string;
}

const whole = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

function check(index: number, count: number, source: string, raw: string): Shard {
  if (!(count >= 1 && index >= 0 && index < count)) {
    throw new UsageError(`${source}: expected a shard index in [0, ${Math.max(0, count - 1)}] of ${count} shard${count === 1 ? '' : 's'}, got ${raw}`);
  }
  return { index, count, source };
}

function countFrom(flag: string | undefined, envName: string, env: NodeJS.ProcessEnv, source: string): number {
  const raw = flag ?? env[envName];
  const n = whole(raw);
  if (n === undefined || n < 1) {
    throw new UsageError(`${source} is set but the number of shards is ${raw === undefined ? 'not' : `not a whole number >= 1 (got ${JSON.stringify(raw)})`}: pass --shard-count N or set ${envName}`);
  }
  return n;
}

/**
 * The slice this process runs, from (first match wins):
 * 1. `--shard i/N` (0-based i);
 * 2. `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job) with N from `--shard-count` or `MARKET_SIM_SHARD_COUNT`;
 * 3. `SLURM_ARRAY_TASK_ID` (Slurm job array) with N from `--shard-count` or `SLURM_ARRAY_TASK_COUNT`,
 *    the index counted from `SLURM_ARRAY_TASK_MIN` (so `--array=1-8` works too; the step must be 1);
 * 4. otherwise the whole sweep (0/1).
 */
export function resolveShard(flag: string | undefined, countFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard {
  if (countFlag !== undefined && (whole(countFlag) ?? 0) < 1) throw new UsageError(`--shard-count: expected a whole number >= 1, got ${JSON.stringify(countFlag)}`);
  if (flag !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(flag.trim());
    if (!m) throw new UsageError(`--shard: expected i/N with 0 <= i < N (e.g. 0/4), got ${JSON.stringify(flag)}`);
    return check(Number(m[1]), Number(m[2]), '--shard', JSON.stringify(flag));
  }
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && k8s !== '') {
    const i = whole(k8s);
    if (i === undefined) throw new UsageError(`JOB_COMPLETION_INDEX: expected a whole number, got ${JSON.stringify(k8s)}`);
    return check(i, countFrom(countFlag, 'MARKET_SIM_SHARD_COUNT', env, 'JOB_COMPLETION_INDEX'), 'JOB_COMPLETION_INDEX', k8s);
  }
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined && slurm !== '') {
    const id = whole(slurm), min = whole(env.SLURM_ARRAY_TASK_MIN) ?? 0, step = whole(env.SLURM_ARRAY_TASK_STEP) ?? 1;
    if (id === undefined) throw new UsageError(`SLURM_ARRAY_TASK_ID: expected a whole number, got ${JSON.stringify(slurm)}`);
    if (step !== 1) throw new UsageError(`SLURM_ARRAY_TASK_STEP: expected 1 (a contiguous --array=0-N), got ${env.SLURM_ARRAY_TASK_STEP}`);
    return check(id - min, countFrom(countFlag, 'SLURM_ARRAY_TASK_COUNT', env, 'SLURM_ARRAY_TASK_ID'), 'SLURM_ARRAY_TASK_ID', `${slurm} (minus SLURM_ARRAY_TASK_MIN ${min})`);
  }
  return { index: 0, count: 1, source: 'none' };
}

/** True when run `run` belongs to the shard (round robin, so every shard gets a mix of scenarios and samples). */
export const inShard = (run: number, shard: Shard): boolean => run % shard.count === shard.index;
