import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../engine/index.ts';
import { runDerived } from '../helpers.ts';

// RED's yearly rows by city tier (docs/result.md, "RED rows"): users active on RED and the share of
// them with a note-seeded purchase, per tier; together they give back the all-tier share exactly.
describe('RED users by city tier', () => {
  it('split the year\'s RED-active users by tier and reproduce the note-seeded share; RED skews to tier-1 cities', () => {
    const r = runDerived({ agents: 3000, start: '2023-01-01' }, 2);
    const p = defaultParameters();
    for (const y of r.red) {
      const users = [y.redActiveUsersTier1, y.redActiveUsersTier2, y.redActiveUsersTier3];
      const shares = [y.noteSeededShareTier1, y.noteSeededShareTier2, y.noteSeededShareTier3];
      const all = users.reduce((s, u) => s + u, 0);
      expect(all, `${y.year}`).toBeGreaterThan(0);
      expect(users.reduce((s, u, t) => s + u * shares[t], 0) / all, `${y.year}`).toBeCloseTo(y.noteSeededUserShare, 12);
      // tier-1 cities hold population.tier1Share of people but a larger share of RED's users (the brief: 55% tier-1+)
      expect(users[0] / all, `${y.year}`).toBeGreaterThan(p['population.tier1Share']);
    }
  });
});
