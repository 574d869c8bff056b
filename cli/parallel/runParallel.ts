/**
 * Run ONE simulation on several worker threads (DESIGN.md §6, engine/parallel/team.ts):
 * the user columns live on SharedArrayBuffers, each worker runs its share of the
 * user blocks, and the partial sums meet after every day. The Result is
 * bit-identical to a single-thread run of the same scenario, seed and agents.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedScenario, Result } from '../../engine/index.ts';
import { allocateUsers, type Users } from '../../engine/population/users.ts';
import { abortTeam, createTeamMemory, type TeamMemory } from './sharedTeam.ts';

/** Options of runParallel. */
interface ParallelOptions {
  /** Worker threads (members of the team), ≥ 1. */
  workers: number;
  /** Overrides the scenario's seed. */
  seed?: number | string;
  /** Overrides the scenario's number of user agents. */
  agents?: number;
  /** Called after each simulated month with (day, days). */
  onProgress?: (day: number, days: number) => void;
  /** Called at the end with each worker's barrier and block statistics. */
  onStats?: (stats: MemberStats[]) => void;
}

/** What each worker receives. */
export interface MemberData {
  index: number; scenario: ResolvedScenario; seed?: number | string; agents: number;
  users: Users; team: TeamMemory; progress: boolean;
}

/** What workers post back. */
export type MemberMessage =
  | { kind: 'month'; day: number; days: number }
  | { kind: 'stats'; index: number; waitMs: number; barriers: number; blocks: number }
  | { kind: 'result'; result: Result }
  | { kind: 'done' };

/** Per worker: ms spent waiting at barriers, barriers met, block tickets claimed (the last claim of each day finds none left). */
export type MemberStats = Omit<Extract<MemberMessage, { kind: 'stats' }>, 'kind'>;

/** Run `scenario` on `workers` threads; resolves with member 0's Result. */
export function runParallel(scenario: ResolvedScenario, options: ParallelOptions): Promise<Result> {
  const { workers } = options;
  if (!Number.isInteger(workers) || workers < 1) return Promise.reject(new Error(`workers: expected an integer ≥ 1, got ${workers}`));
  const agents = Math.max(1, Math.round(options.agents ?? scenario.agents));
  const users = allocateUsers(agents, true);
  const team = createTeamMemory(workers);
  const threads: Worker[] = [];
  return new Promise<Result>((resolve, reject) => {
    let result: Result | null = null;
    const stats: MemberStats[] = [];
    let running = workers;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      abortTeam(team);
      for (const t of threads) void t.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    for (let index = 0; index < workers; index++) {
      const data: MemberData = { index, scenario, seed: options.seed, agents, users, team, progress: !!options.onProgress };
      const t = new Worker(new URL('./member.mjs', import.meta.url), { workerData: data, execArgv: [] });
      threads.push(t);
      t.on('message', (m: MemberMessage) => {
        if (m.kind === 'month') options.onProgress?.(m.day, m.days);
        else if (m.kind === 'result') result = m.result;
        else if (m.kind === 'stats') { const { kind: _k, ...st } = m; stats[st.index] = st; }
      });
      t.on('error', fail);
      t.on('exit', (code) => {
        if (failed) return;
        if (code !== 0) { fail(new Error(`parallel run: worker ${index} exited with code ${code}`)); return; }
        if (--running === 0) {
          options.onStats?.(stats);
          if (result) resolve(result);
          else fail(new Error('parallel run: member 0 finished without a Result'));
        }
      });
    }
  });
}
