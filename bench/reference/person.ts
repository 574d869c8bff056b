/**
 * Reference implementation (issue 7, bench item 2): a user as one object, the way
 * most agent-based models in JavaScript are written. Fields hold plain numbers,
 * booleans and arrays; nothing is packed.
 */
import { seedMerchant, seedVia, type Users } from '../../engine/population/users.ts';

const N_PLATFORMS = 5, N_CATEGORIES = 8, NO_MERCHANT = 0xffff;

/** Who seeded an intent: merchant index and route (0 organic note, 1 sponsored note, 2 feed ad). */
interface Seeding { merchant: number; via: number }

/** One user agent. */
export class Person {
  tier = 0;
  /** On platform p (RED, Taotian, JD, PDD, Douyin). */
  platforms: boolean[] = [];
  /** In platform p's market potential. */
  pool: boolean[] = [];
  onlineDay = 0;
  /** Interest per category, 0–255. */
  interest: number[] = [];
  topCategory = 0;
  /** Seeded intent per category, whole steps 0–255 (the same quantisation as the model). */
  intent: number[] = [];
  seededBy: (Seeding | null)[] = [];
  trust = 0;
  /** Activity propensity in [0, 1]. */
  activity = 0;
  /** Tolerated ad load in [0, 0.5]. */
  adTolerance = 0;
  /** Spending power relative to the mean. */
  spend = 0;
  loyalPlatform: number | null = null;
  lastMerchant: number | null = null;
  lastActiveMonth = 0;
  activeYear = 0;
  seededYear = 0;
  member = false;
  /** The last order came through a RED outbound link (repurchase by buyer origin; a metric only). */
  redLinked = false;
  /** Categories whose next need-driven purchase a non-incremental seeded purchase already made. */
  prebought: boolean[] = new Array<boolean>(N_CATEGORIES).fill(false);

  /** Copy user i of the model's initial population (so both start from the same people). */
  static fromColumns(u: Users, i: number): Person {
    const p = new Person();
    p.tier = u.tier[i];
    for (let k = 0; k < N_PLATFORMS; k++) {
      p.platforms.push((u.platforms[i] & (1 << k)) !== 0);
      p.pool.push((u.pool[i] & (1 << k)) !== 0);
    }
    p.onlineDay = u.onlineDay[i];
    for (let c = 0; c < N_CATEGORIES; c++) {
      p.interest.push(u.interest[i * N_CATEGORIES + c]);
      p.intent.push(u.intent[i * N_CATEGORIES + c]);
      const code = u.seeded[i * N_CATEGORIES + c];
      p.seededBy.push(code === NO_MERCHANT ? null : { merchant: seedMerchant(code), via: seedVia(code) });
    }
    p.topCategory = u.topCategory[i];
    p.trust = u.trust[i];
    p.activity = u.activity[i] / 255;
    p.adTolerance = u.adTolerance[i] / 510;
    p.spend = u.spend[i] / 64;
    p.loyalPlatform = u.loyalPlatform[i] === 255 ? null : u.loyalPlatform[i];
    p.lastMerchant = u.lastMerchant[i] === NO_MERCHANT ? null : u.lastMerchant[i];
    return p;
  }

  /** Total interest over categories. */
  interestTotal(): number {
    return this.interest.reduce((a, b) => a + b, 0);
  }

  /** A category drawn in proportion to interest × purchase frequency. */
  pickCategoryBy(u: number, frequency: ArrayLike<number>): number {
    const w = this.interest.map((v, c) => v * frequency[c]);
    let x = u * w.reduce((a, b) => a + b, 0);
    for (let c = 0; c < w.length; c++) {
      x -= w[c];
      if (x < 0) return c;
    }
    return w.length - 1;
  }

  /** A category drawn in proportion to interest. */
  pickCategory(u: number): number {
    let x = u * this.interestTotal();
    for (let c = 0; c < this.interest.length; c++) {
      x -= this.interest[c];
      if (x < 0) return c;
    }
    return this.interest.length - 1;
  }
}
