/** The creator population (Creators): tiers, followers, authenticity and income, built from the run seed, and the sponsored-note price per tier. */
import { N_CATEGORIES } from '../constants.ts';
import { beta, pareto, pickWeighted } from '../random/distributions.ts';
import { STREAM, Stream } from '../random/stream.ts';
import type { Parameters } from '../scenario/parameters.ts';

/** Creator tiers as indices: head KOL, mid KOL, KOC, buyer (买手). */
export const HEAD = 0, MID = 1, KOC = 2, BUYER = 3;
const TIER_SHARES = [0.01, 0.09, 0.85, 0.05];

/**
 * Creators: tier, followers (heavy-tailed), category, authenticity, activity
 * (output multiplier that follows income), and income bookkeeping.
 */
export interface Creators {
  k: number;
  tier: Uint8Array;
  category: Uint8Array;
  followers: Float64Array;
  /** Authenticity in [0, 1] of the creator's organic voice. */
  authenticity: Float64Array;
  /** Output multiplier (0 = has left). */
  activity: Float64Array;
  /** Income expectation, RMB per month per real creator (running mean). */
  expected: Float64Array;
  /** Income of the last month, RMB per real creator. */
  income: Float64Array;
  /** Sponsored share of the creator's notes last month. */
  sponsoredShare: Float64Array;
  /** Consecutive months below half the expectation. */
  lowMonths: Uint8Array;
  /** Income of the current year, RMB per real creator. */
  yearIncome: Float64Array;
}

/** Build creators deterministically from the run seed. */
export function createCreators(params: Parameters, seed: number): Creators {
  const k = Math.round(params['creators.agents']);
  const rng = new Stream().reset(seed, STREAM.init, 1 << 21, 2);
  const C: Creators = {
    k, tier: new Uint8Array(k), category: new Uint8Array(k), followers: new Float64Array(k),
    authenticity: new Float64Array(k), activity: new Float64Array(k), expected: new Float64Array(k),
    income: new Float64Array(k), sponsoredShare: new Float64Array(k), lowMonths: new Uint8Array(k),
    yearIncome: new Float64Array(k),
  };
  for (let i = 0; i < k; i++) {
    const tier = pickWeighted(TIER_SHARES, rng.next());
    C.tier[i] = tier;
    C.category[i] = Math.min(N_CATEGORIES - 1, Math.floor(rng.next() * N_CATEGORIES));
    const scale = tier === HEAD ? 1e6 : tier === MID ? 1e5 : tier === BUYER ? 3e4 : 2e3;
    C.followers[i] = pareto(rng, scale, 1.5);
    C.authenticity[i] = tier === KOC ? beta(rng, 8, 2) : beta(rng, 5, 3);
    C.activity[i] = 1;
    C.expected[i] = 0;
  }
  return C;
}

/** Price per sponsored note of a creator's tier, RMB, before the creatorPay lever. */
export function notePrice(tier: number, params: Parameters): number {
  return tier === HEAD ? params['creators.priceHead'] : tier === MID ? params['creators.priceMid'] : tier === BUYER ? (params['creators.priceMid'] + params['creators.priceKoc']) / 2 : params['creators.priceKoc'];
}
