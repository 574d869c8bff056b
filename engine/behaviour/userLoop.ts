/** The UserLoop interface through which the simulation runs the user population, and columnLoop, its default over typed-array columns. */
import { N_PLATFORMS } from '../constants.ts';
import type { Users } from '../population/users.ts';
import type { DayContext } from './context.ts';
import { BlockStreams, prepareDay, runBlock } from './userDay.ts';

/**
 * Everything the simulation asks of the user population. The default works on
 * the typed-array columns (userDay.ts); bench/reference/ plugs in a plain
 * one-object-per-user implementation of the same mechanisms to measure against.
 */
export interface UserLoop {
  /**
   * Run day `ctx.day` for the user blocks `nextBlock()` hands out until it returns −1:
   * writes `ctx.acc`, `ctx.macc`, `ctx.blockTrust` and the users' state.
   */
  runBlocks(ctx: DayContext, nextBlock: () => number): void;
  /** Add the users [from, to) on platform p to counts[p], in p's pool to counts[N_PLATFORMS + p], online from the start to counts[2 N_PLATFORMS]. */
  countStart(from: number, to: number, counts: Float64Array): void;
  /** Add users [from, to) active on RED in year `tag` (1 + year index) to count[0], and those of them with a note-seeded purchase that year to count[1]; the same per city tier t to count[2 + 2t] and count[3 + 2t]. */
  countYear(from: number, to: number, tag: number, count: Float64Array): void;
}

/** Builds the user loop over the population built by the simulation. */
export type UserLoopFactory = (users: Users) => UserLoop;

/** The hot loop over typed-array columns (the default). */
export function columnLoop(users: Users): UserLoop {
  const streams = new BlockStreams();
  return {
    runBlocks(ctx, nextBlock) {
      prepareDay(ctx);
      for (let b = nextBlock(); b >= 0; b = nextBlock()) runBlock(ctx, b, streams);
    },
    countStart(from, to, counts) {
      for (let i = from; i < to; i++) {
        for (let p = 0; p < N_PLATFORMS; p++) {
          if ((users.platforms[i] & (1 << p)) !== 0) counts[p]++;
          if ((users.pool[i] & (1 << p)) !== 0) counts[N_PLATFORMS + p]++;
        }
        if (users.onlineDay[i] <= 0) counts[2 * N_PLATFORMS]++;
      }
    },
    countYear(from, to, tag, count) {
      for (let i = from; i < to; i++) {
        if (users.activeYear[i] !== tag) continue;
        const seeded = users.seededYear[i] === tag ? 1 : 0;
        const t = 2 + 2 * users.tier[i];
        count[0]++; count[1] += seeded; count[t]++; count[t + 1] += seeded;
      }
    },
  };
}
