/**
 * Counter-based random streams (DESIGN.md §4).
 *
 * A stream is an sfc32 generator whose 128-bit state is derived by hashing
 * (run seed, stream id, entity block, day). Any (block, day) can be replayed on
 * its own, so a run gives bit-identical numbers whatever the number of workers or
 * shards, and two scenarios with the same seed draw the same numbers wherever
 * their policies agree (common random numbers).
 */

/** A fast 32-bit generator (sfc32) that can be re-keyed in place without allocating. */
export class Stream {
  /** The 128-bit state. Public so a hot loop can step a stream with its state held in locals (then write it back). */
  a = 0;
  b = 0;
  c = 0;
  d = 0;

  /** Re-key this stream for (seed, streamId, block, day). Allocates nothing. */
  reset(seed: number, streamId: number, block: number, day: number): this {
    this.a = mix32(seed ^ 0x9e3779b9, streamId);
    this.b = mix32(this.a ^ 0x85ebca6b, block);
    this.c = mix32(this.b ^ 0xc2b2ae35, day + 0x10000);
    this.d = mix32(this.c ^ 0x27d4eb2f, streamId * 31 + block * 17 + day);
    for (let i = 0; i < 12; i++) this.nextUint32();
    return this;
  }

  /** Next integer in [0, 2^32). */
  nextUint32(): number {
    const a = this.a, b = this.b, c = this.c, d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = ((c << 21) | (c >>> 11)) + t | 0;
    return t >>> 0;
  }

  /** Next float in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

/** murmur3-style finaliser mixing a word into a hash state. */
export function mix32(h: number, k: number): number {
  k = Math.imul(k | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Stable 32-bit hash of a string (FNV-1a then mixed), used for stream names and keys. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h, s.length);
}

/**
 * Stream ids: one per mechanism so that a change in one mechanism leaves the others' draws alone.
 * Block streams (keyed by block of users) are stepped a fixed number of times per online user-day
 * or per order; an event that draws a variable number (an active RED day, a search) re-keys a stream
 * by (user, day), so one user's different day moves no other user's numbers (10, the former
 * block-level incrementality stream, is retired).
 */
export const STREAM = {
  init: 1,
  adoption: 2,
  /** A user's active RED day (behaviour/redSession.ts), keyed by user rather than block; it also decides the incrementality of the orders it leads to (bookOrder.ts). */
  red: 3,
  need: 4,
  search: 5,
  douyin: 6,
  merchants: 7,
  creators: 8,
  churn: 9,
  /** A user's seeded search on a day (behaviour/searchPurchase.ts), keyed by user rather than block; it also decides the incrementality of its order. */
  searchUser: 11,
} as const;
