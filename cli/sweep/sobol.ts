import { JOE_KUO, SOBOL_MAX_DIMENSIONS } from './joeKuo.ts';

const BITS = 32;
const SCALE = 2 ** BITS;

/** Direction numbers v[d][k-1] (k = 1..32) of each dimension, as unsigned 32-bit integers. */
function directions(dims: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let d = 0; d < dims; d++) {
    const v = new Uint32Array(BITS);
    if (d === 0) {
      for (let k = 1; k <= BITS; k++) v[k - 1] = 2 ** (BITS - k);
    } else {
      const [s, a, m] = JOE_KUO[d - 1];
      for (let k = 1; k <= s; k++) v[k - 1] = (m[k - 1] * 2 ** (BITS - k)) >>> 0;
      for (let k = s + 1; k <= BITS; k++) {
        let x = (v[k - s - 1] ^ (v[k - s - 1] >>> s)) >>> 0;
        for (let j = 1; j <= s - 1; j++) if ((a >>> (s - 1 - j)) & 1) x = (x ^ v[k - j - 1]) >>> 0;
        v[k - 1] = x;
      }
    }
    out.push(v);
  }
  return out;
}

/**
 * Points `start .. start+count-1` of the unscrambled Sobol' sequence in `dims`
 * dimensions (Joe–Kuo direction numbers, Gray-code order, 32-bit resolution):
 * point n is the XOR of the direction numbers picked by the bits of gray(n) = n ^ (n >> 1).
 * Equals scipy.stats.qmc.Sobol(d, scramble=False). Each point is in [0, 1)^dims.
 * Any 2^m consecutive points starting at a multiple of 2^m are balanced: each
 * coordinate takes every value j / 2^m exactly once.
 */
export function sobolPoints(dims: number, start: number, count: number): number[][] {
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`sobolPoints: expected 1..${SOBOL_MAX_DIMENSIONS} dimensions, got ${dims}`);
  }
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > SCALE) {
    throw new RangeError(`sobolPoints: expected whole start and count with start + count <= 2^32, got ${start}, ${count}`);
  }
  const v = directions(dims);
  const out: number[][] = [];
  for (let n = start; n < start + count; n++) {
    const g = (n ^ (n >>> 1)) >>> 0; // Gray code; bitwise ops keep all 32 bits of n < 2^32
    const point = new Array<number>(dims);
    for (let d = 0; d < dims; d++) {
      let x = 0;
      const vd = v[d];
      for (let k = 0, bits = g; bits !== 0; k++, bits >>>= 1) if (bits & 1) x = (x ^ vd[k]) >>> 0;
      point[d] = x / SCALE;
    }
    out.push(point);
  }
  return out;
}
