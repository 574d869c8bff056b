// Owns the creator rows of the Result: income per creator and share still posting, per tier and year.
import { CREATOR_TIERS } from '../constants.ts';
import type { Books } from './books.ts';
import type { CreatorYearRow } from './resultTypes.ts';

/** One row per year and creator tier, in tier order. */
export function creatorYears(b: Books): CreatorYearRow[] {
  return b.creatorYears.flatMap((cy) => CREATOR_TIERS.map((tier, t) => ({ year: cy.year, tier, incomeRmbPerCreator: cy.incomeByTier[t], activeShare: cy.activeShareByTier[t] })));
}
