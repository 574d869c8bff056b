/**
 * Several threads running ONE simulation together (DESIGN.md §6): every member
 * runs the whole (cheap) day-level model itself, the user loop only over the user
 * blocks it claims, on user columns shared by all (SharedArrayBuffers).
 * After each day the members add up their partial accumulators with `sum`.
 *
 * Results are bit-identical for any team size because (a) every user block draws
 * from its own counter-based streams, and (b) everything the user loop adds up is
 * either a whole number (counts, money in integer fen: exact in any order) or kept
 * per block and summed in block order (RED trust).
 *
 * The engine only sees this interface; thread start-up and the shared-memory
 * implementation live outside engine/ (cli/parallel/) so the engine stays isomorphic.
 */
export interface Team {
  /** This member's index, 0 ≤ index < size. Member 0 is the one whose Result is used. */
  readonly index: number;
  /** Number of members. */
  readonly size: number;
  /**
   * Element-wise sum of `values` over all members, added in member order and
   * written back into `values` for every member. Every member must call it the
   * same number of times with arrays of the same length; it returns once all have.
   */
  sum(values: Float64Array): void;
  /**
   * The next unclaimed ticket 0, 1, 2, … of day `day`, over all members: each ticket
   * is handed out once. Members claim user blocks with it, so a member that runs
   * slower (e.g. shares its core with another process) simply runs fewer blocks.
   */
  claim(day: number): number;
}

/** A team of one: the default, single-thread run. */
export function solo(): Team {
  let day = -1, next = 0;
  return {
    index: 0, size: 1, sum() {},
    claim(d) {
      if (d !== day) { day = d; next = 0; }
      return next++;
    },
  };
}

/** A member's fixed share of the user blocks [from, to) (building the population, start and year counts): contiguous, as equal as possible. */
export function blockRange(blocks: number, team: Pick<Team, 'index' | 'size'>): { from: number; to: number } {
  return {
    from: Math.floor((blocks * team.index) / team.size),
    to: Math.floor((blocks * (team.index + 1)) / team.size),
  };
}
