/** decayTableFor: the per-category intent decay of one run as a byte lookup table (searchPurchase.ts decayIntentBy), and LITTLE_ENDIAN, the byte order it assumes. */
import { N_CATEGORIES } from '../constants.ts';

/** Byte order of typed-array views on this platform (every current JS platform is little-endian). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The lookup table of decay multipliers q (of 256, per category): byte k of word h of a user's
 * intent (category 4h + k in memory order) with value v → (v × q[c]) >>> 8, at
 * [(4h + k) × 256 + v]. Built once per run (DayContext.intentDecayTable).
 */
export function decayTableFor(q: Int32Array): Uint8Array {
  const table = new Uint8Array(N_CATEGORIES * 256);
  for (let c = 0; c < N_CATEGORIES; c++) {
    const k = LITTLE_ENDIAN ? c & 3 : 3 - (c & 3);
    const row = ((c & 4) | k) * 256;
    for (let v = 0; v < 256; v++) table[row + v] = (v * q[c]) >>> 8;
  }
  return table;
}
