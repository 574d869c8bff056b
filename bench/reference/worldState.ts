/** What the reference session and shopping steps read of a run (the World of world.ts provides it). */
import type { DayContext } from '../../engine/behaviour/context.ts';

/** The shared state one person's day draws on: the run's generator, today's context and the block being run. */
export interface WorldState {
  readonly rng: () => number;
  ctx: DayContext;
  block: number;
}
