/**
 * A Team (engine/parallel/team.ts) over shared memory for worker_threads:
 * members write their partial sums into their slot of a SharedArrayBuffer, meet
 * at a barrier (Atomics.wait/notify), then each adds all slots in member order.
 * Two slot sets alternate so a fast member can write the next sum while a slow
 * one still reads the previous one.
 */
import type { Team } from '../../engine/parallel/team.ts';

/** Doubles per member per exchange round (larger arrays go in several rounds). */
const CHUNK = 65536;
const ARRIVED = 0, GENERATION = 1, ABORT = 2, TICKETS = 3; // TICKETS, TICKETS + 1: block tickets of even and odd days
/** How long a member waits at a barrier before checking the abort flag again (ms). */
const WAIT_SLICE_MS = 500;
/** Spins on the generation word before sleeping (a barrier is usually reached within microseconds). */
const SPINS = 2000;

/** The shared buffers of one team; structured-cloneable (post it to every member). */
export interface TeamMemory { size: number; control: SharedArrayBuffer; slots: SharedArrayBuffer }

/** Allocate the shared buffers for a team of `size` members. */
export function createTeamMemory(size: number): TeamMemory {
  if (!Number.isInteger(size) || size < 1) throw new Error(`team size: expected an integer ≥ 1, got ${size}`);
  return { size, control: new SharedArrayBuffer(5 * 4), slots: new SharedArrayBuffer(2 * size * CHUNK * 8) };
}

/** Tell every member to stop: their next barrier throws. */
export function abortTeam(memory: TeamMemory): void {
  const control = new Int32Array(memory.control);
  Atomics.store(control, ABORT, 1);
  Atomics.notify(control, GENERATION);
}

/** Time a member spent waiting for the others at barriers, and how many barriers it met. */
interface TeamStats { waitMs: number; barriers: number; blocks: number }

/** Member `index` of the team whose shared buffers are `memory`. */
export function attachTeam(memory: TeamMemory, index: number): Team & { stats: TeamStats } {
  const { size } = memory;
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new Error(`team member: expected an index in [0, ${size - 1}], got ${index}`);
  const control = new Int32Array(memory.control);
  const slots = new Float64Array(memory.slots);
  let parity = 0;
  let resetDay = -1;
  const stats: TeamStats = { waitMs: 0, barriers: 0, blocks: 0 };

  function barrier(): void {
    const t0 = performance.now();
    try { meet(); } finally { stats.waitMs += performance.now() - t0; stats.barriers++; }
  }

  function meet(): void {
    const gen = Atomics.load(control, GENERATION);
    if (Atomics.add(control, ARRIVED, 1) === size - 1) {
      Atomics.store(control, ARRIVED, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
      return;
    }
    for (let k = 0; k < SPINS; k++) if (Atomics.load(control, GENERATION) !== gen) return;
    while (Atomics.load(control, GENERATION) === gen) {
      if (Atomics.load(control, ABORT) !== 0) throw new Error('parallel run aborted: another member failed');
      Atomics.wait(control, GENERATION, gen, WAIT_SLICE_MS);
    }
  }

  return {
    index,
    size,
    stats,
    sum(values: Float64Array): void {
      if (size === 1) return;
      for (let off = 0; off < values.length; off += CHUNK) {
        const len = Math.min(CHUNK, values.length - off);
        const base = parity * size * CHUNK;
        slots.set(values.subarray(off, off + len), base + index * CHUNK);
        barrier();
        for (let i = 0; i < len; i++) {
          let s = slots[base + i];
          for (let w = 1; w < size; w++) s += slots[base + w * CHUNK + i];
          values[off + i] = s;
        }
        parity ^= 1;
      }
    },
    claim(day: number): number {
      // Member 0 clears the other parity's counter at its first claim of a day: that counter
      // served day − 1 (everyone finished it before the day-end sum) and serves day + 1
      // (nobody starts it before member 0 reaches this day's end).
      if (index === 0 && day !== resetDay) { resetDay = day; Atomics.store(control, TICKETS + ((day + 1) & 1), 0); }
      stats.blocks++;
      return Atomics.add(control, TICKETS + (day & 1), 1);
    },
  };
}
