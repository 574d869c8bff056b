import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decayIntent, decayIntentBy } from '../../engine/behaviour/searchPurchase.ts';
import { decayTableFor } from '../../engine/behaviour/decayTable.ts';
import { interestTotal } from '../../engine/behaviour/redSession.ts';
import { allocateUsers, NO_MERCHANT } from '../../engine/population/users.ts';

// The hot loop handles the 8 per-category bytes of a user as two 32-bit words;
// these properties pin the word-wise code to the plain per-byte definitions.
const bytes8 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 });

describe('word-wise (SWAR) byte arithmetic of the user loop', () => {
  it('interestTotal equals the sum of the eight interest bytes', () => {
    fc.assert(fc.property(bytes8, fc.integer({ min: 0, max: 3 }), (v, i) => {
      const u = allocateUsers(4);
      u.interest.set(v, i * 8);
      expect(interestTotal(u.interest32, i)).toBe(v.reduce((a, b) => a + b, 0));
    }));
  });

  it('decayIntent equals v → (v·q) >>> 8 per byte, forgetting the seeding merchant at 0', () => {
    fc.assert(fc.property(bytes8, fc.integer({ min: 0, max: 256 }), fc.integer({ min: 0, max: 2 }), (v, q, i) => {
      const u = allocateUsers(3);
      u.intent.set(v, i * 8);
      for (let c = 0; c < 8; c++) u.seeded[i * 8 + c] = v[c] === 0 ? NO_MERCHANT : 100 + c;
      decayIntent(u, i, q);
      for (let c = 0; c < 8; c++) {
        const nv = v[c] === 0 ? 0 : (v[c] * q) >>> 8;
        expect(u.intent[i * 8 + c]).toBe(nv);
        expect(u.seeded[i * 8 + c]).toBe(nv === 0 ? NO_MERCHANT : 100 + c);
      }
      // neighbours untouched
      for (let j = 0; j < 3; j++) if (j !== i) for (let c = 0; c < 8; c++) expect(u.intent[j * 8 + c]).toBe(0);
    }), { numRuns: 2000 });
  });

  it('decayIntentBy equals v → (v·q[c]) >>> 8 per category, forgetting the seeding merchant at 0', () => {
    const qs = fc.array(fc.integer({ min: 0, max: 256 }), { minLength: 8, maxLength: 8 });
    fc.assert(fc.property(bytes8, qs, fc.integer({ min: 0, max: 2 }), (v, qv, i) => {
      const q = Int32Array.from(qv);
      const u = allocateUsers(3);
      u.intent.set(v, i * 8);
      for (let c = 0; c < 8; c++) u.seeded[i * 8 + c] = v[c] === 0 ? NO_MERCHANT : 100 + c;
      decayIntentBy(u, i, decayTableFor(q));
      for (let c = 0; c < 8; c++) {
        const nv = v[c] === 0 ? 0 : (v[c] * q[c]) >>> 8;
        expect(u.intent[i * 8 + c]).toBe(nv);
        expect(u.seeded[i * 8 + c]).toBe(nv === 0 ? NO_MERCHANT : 100 + c);
      }
      for (let j = 0; j < 3; j++) if (j !== i) for (let c = 0; c < 8; c++) expect(u.intent[j * 8 + c]).toBe(0);
    }), { numRuns: 2000 });
  });
});
