/** The public shape of a simulation run: its options, its progress state and the Simulation object (tick, run, result, on). */
import type { Result } from './metrics/result.ts';
import type { Team } from './parallel/team.ts';
import type { Users } from './population/users.ts';
import type { UserLoopFactory } from './behaviour/userLoop.ts';

/** Options of a simulation run. */
export interface SimulationOptions {
  /** Overrides the scenario's seed (number or string). */
  seed?: number | string;
  /** Overrides the scenario's number of user agents. */
  agents?: number;
  /** Clock used only for the manifest's wall time (inject `performance.now`); default: none (wall time 0). */
  clock?: () => number;
  /**
   * Run as one member of a parallel team over shared user columns (engine/parallel/team.ts;
   * cli/parallel/ starts the threads). Default: a team of one with its own columns.
   * Results are bit-identical for any team size.
   */
  parallel?: { team: Team; users: Users };
  /** The user loop (default: the typed-array hot loop, behaviour/userLoop.ts); bench/reference/ plugs in its own. */
  userLoop?: UserLoopFactory;
}

/** Progress of a running simulation. */
export interface SimulationState {
  day: number;
  days: number;
  date: string;
  done: boolean;
}

export type Listener = (state: SimulationState) => void;

/** A simulation advanced day by day with `tick(days)` (d3-force style). */
export interface Simulation {
  /** Advance up to `days` days (default 1); returns the number of days run. */
  tick(days?: number): number;
  /** Run to the end. */
  run(): Result;
  readonly state: SimulationState;
  /** The Result; valid once `state.done`. */
  result(): Result;
  /** Listen to 'month' (after each month) or 'end'. */
  on(event: 'month' | 'end', listener: Listener): Simulation;
}
